"""The public pages: Become a Pledger, the member directory, organisation pages."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from members.models import Organisation
from tests.members.factories import MembershipApplicationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
SINCE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DIRECTORY = reverse("members:directory")


def member(**kwargs):
    return OrganisationFactory(member_since=SINCE, **kwargs)


def names(response):
    return [o.name for o in response.context["page"].object_list]


def test_become_a_pledger_explains_the_path_and_leads_to_sign_up(client, charter):
    response = client.get(reverse("members:become_pledger"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "/en/accounts/signup/?next=/en/organisations/new/" in html
    assert charter.text.split("\n")[0] in html


def test_become_a_pledger_leads_logged_in_users_to_registration(client, admin_user):
    client.force_login(admin_user)

    html = client.get(reverse("members:become_pledger")).content.decode()

    assert 'href="/en/organisations/new/"' in html


def test_become_a_pledger_answers_post_with_405(client):
    assert client.post(reverse("members:become_pledger")).status_code == 405


def test_the_directory_lists_members_only(client):
    member(name="Member Org")
    OrganisationFactory(name="Applicant Org")

    response = client.get(DIRECTORY)

    assert response.status_code == 200
    assert names(response) == ["Member Org"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "FR"}, ["Paris Code"]),
        ({"sector": "public"}, ["Berlin Ministry"]),
        ({"type": "ngo"}, ["Paris Code"]),
        ({"country": "DE", "type": "public-authority"}, ["Berlin Ministry"]),
        ({"q": "academy"}, ["Brussels Academy"]),
        ({}, ["Berlin Ministry", "Brussels Academy", "Paris Code"]),
    ],
)
def test_the_directory_filters_by_country_sector_and_type(client, query, expected):
    member(name="Brussels Academy", country="BE", sector="private", type="education-provider")
    member(name="Paris Code", country="FR", sector="third", type="ngo")
    member(name="Berlin Ministry", country="DE", sector="public", type="public-authority")

    response = client.get(DIRECTORY, query)

    assert names(response) == expected


@pytest.mark.parametrize(
    "query", [{"country": "XX"}, {"sector": "<script>"}, {"page": "abc"}, {"q": "x" * 500}]
)
def test_the_directory_answers_bad_filters_without_error(client, query):
    member(name="Brussels Academy")

    response = client.get(DIRECTORY, query)

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1].replace(
        "&lt;script&gt;", ""
    )


def test_the_directory_offers_only_countries_with_members(client):
    member(name="A", country="MT")

    html = client.get(DIRECTORY).content.decode()

    assert '<option value="MT">Malta</option>' in html
    assert 'value="FR"' not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Austria", "Denmark", "Germany"]),
        ("fr", ["Allemagne", "Autriche", "Danemark"]),
        ("de", ["Dänemark", "Deutschland", "Österreich"]),
    ],
)
def test_the_directory_sorts_countries_by_name_in_the_page_language(client, language, expected):
    for code in ("DE", "AT", "DK"):
        member(name=f"Member in {code}", country=code)

    response = client.get(f"/{language}/members/")

    assert [name for _, name in response.context["filter"].form.fields["country"].choices][
        1:
    ] == expected


def test_the_directory_paginates_and_keeps_the_filters(client):
    for number in range(30):
        member(name=f"Org {number:02}", country="IT")

    first = client.get(DIRECTORY, {"country": "IT"})
    second = client.get(DIRECTORY, {"country": "IT", "page": 2})

    assert len(names(first)) == 24
    assert names(second) == [f"Org {n}" for n in range(24, 30)]
    assert "?country=IT&amp;page=2" in first.content.decode()


@pytest.mark.parametrize("count", [1, 30])
def test_the_directory_makes_a_constant_number_of_queries(
    client, count, django_assert_max_num_queries
):
    for number in range(count):
        member(name=f"Org {number}", country="PL")

    with django_assert_max_num_queries(5):
        response = client.get(DIRECTORY, {"country": "PL"})

    assert response.status_code == 200


def test_the_organisation_page_shows_the_profile(client):
    organisation = member(name="Warsaw Coders", country="PL", website="https://coders.example.pl/")

    response = client.get(organisation.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Warsaw Coders" in html
    assert "Poland" in html
    assert "Coalition member</span>" in html
    assert "since 2 March 2026" in html


def test_the_organisation_page_of_a_non_member_has_no_badge(client):
    organisation = OrganisationFactory(name="Newcomer")

    html = client.get(organisation.get_absolute_url()).content.decode()

    assert 'data-membership="none"' in html
    assert "Coalition member</span>" not in html


def test_the_organisation_page_is_a_404_for_an_unknown_slug(client):
    assert (
        client.get(reverse("members:organisation_detail", kwargs={"slug": "nope"})).status_code
        == 404
    )


def test_the_organisation_page_answers_post_with_405(client, organisation):
    assert client.post(organisation.get_absolute_url()).status_code == 405


def test_the_organisation_page_offers_its_team_the_management_links(
    client, organisation, editor_user
):
    client.force_login(editor_user)

    html = client.get(organisation.get_absolute_url()).content.decode()

    assert reverse("members:organisation_edit", kwargs={"slug": organisation.slug}) in html
    assert "Ask to join" not in html


@pytest.mark.parametrize("applications", [1, 10])
def test_the_organisation_page_makes_a_constant_number_of_queries(
    client, organisation, admin_user, charter, applications, django_assert_max_num_queries
):
    for _ in range(applications):
        MembershipApplicationFactory(
            organisation=organisation, charter=charter, status="declined", reason="x"
        )
    client.force_login(admin_user)

    # 8 for the profile and team, 3 for the badges, 3 for the public pledges and totals.
    with django_assert_max_num_queries(14):
        response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200


def test_the_dashboard_lists_the_users_organisations(client, organisation, admin_user):
    other = member(name="Second Org")
    from tests.members.factories import TeamMembershipFactory

    TeamMembershipFactory(organisation=other, user=admin_user, role="editor")
    client.force_login(admin_user)

    response = client.get(reverse("members:dashboard"))

    assert [m.organisation.name for m in response.context["memberships"]] == [
        "Ghent Digital Academy",
        "Second Org",
    ]


@pytest.mark.parametrize("count", [1, 15])
def test_the_dashboard_makes_a_constant_number_of_queries(
    client, admin_user, count, django_assert_max_num_queries
):
    from tests.members.factories import JoinRequestFactory, TeamMembershipFactory

    for _ in range(count):
        TeamMembershipFactory(user=admin_user)
        JoinRequestFactory(user=admin_user)
    client.force_login(admin_user)

    # One more than the organisations' part: the national coalitions the person edits.
    with django_assert_max_num_queries(7):
        assert client.get(reverse("members:dashboard")).status_code == 200


def test_the_dashboard_sends_anonymous_visitors_to_log_in(client):
    assert client.get(reverse("members:dashboard")).status_code == 302


def test_the_home_page_counts_members(client):
    member(name="A", country="AT")
    member(name="B", country="AT")
    OrganisationFactory(name="C")

    response = client.get("/en/")

    assert response.context["figures"]["members"] == Organisation.objects.members().count() == 2
