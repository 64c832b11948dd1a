import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from members.models import JoinRequest, Organisation, TeamMembership
from tests.members.factories import OrganisationFactory, UserFactory, VerifiedUserFactory
from tests.members.images import upload

pytestmark = pytest.mark.django_db

URL = reverse("members:organisation_create")
VALID = {
    "name": "Lisbon Coding School",
    "sector": "third",
    "type": "ngo",
    "size": "small",
    "country": "PT",
    "website": "https://coding.example.pt/",
    "description": "Coding classes for children.",
    "contact_email": "hello@coding.example.pt",
}


@pytest.fixture
def user(client):
    user = VerifiedUserFactory(email="founder@example.pt")
    client.force_login(user)
    return user


def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_it_refuses_a_user_who_has_not_verified_their_email(client):
    unverified = UserFactory(email="unverified@example.pt")
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    client.force_login(unverified)

    page = client.get(URL)
    response = client.post(URL, VALID)

    # allauth's answer: a page that says to verify first (and re-sends the link).
    assert page.status_code == response.status_code == 200
    for answer in (page, response):
        assert "account/verified_email_required.html" in [t.name for t in answer.templates]
    assert {tuple(m.to) for m in mail.outbox} == {("unverified@example.pt",)}  # the link again
    assert 'name="name"' not in page.content.decode()
    assert Organisation.objects.count() == 0
    assert not TeamMembership.objects.filter(user=unverified).exists()


def test_it_shows_the_form(client, user):
    response = client.get(URL)

    assert response.status_code == 200
    assert 'name="name"' in response.content.decode()


def test_it_registers_the_organisation_with_the_user_as_admin(client, user):
    response = client.post(URL, {**VALID, "logo_upload": upload()})

    organisation = Organisation.objects.get(name="Lisbon Coding School")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "members:membership_apply", kwargs={"slug": "lisbon-coding-school"}
    )
    assert organisation.slug == "lisbon-coding-school"
    assert str(organisation.country) == "PT"
    assert organisation.member_since is None
    assert list(organisation.team.values_list("user__email", "role")) == [
        ("founder@example.pt", TeamMembership.Role.ADMIN)
    ]
    assert organisation.logo.name.startswith("logos/lisbon-coding-school-")
    assert organisation.logo.name.endswith(".png")
    assert organisation.logo.storage.exists(organisation.logo.name)


def test_it_shows_look_alikes_first_and_registers_only_when_confirmed(client, user):
    existing = OrganisationFactory(name="Lisbon Coding School Association")

    first = client.post(URL, VALID)

    html = first.content.decode()
    assert first.status_code == 200
    assert "Is your organisation already registered?" in html
    assert existing.get_absolute_url() in html
    assert reverse("members:join_request", kwargs={"slug": existing.slug}) in html
    assert 'value="Lisbon Coding School"' in html  # what was typed is kept
    assert not Organisation.objects.filter(name="Lisbon Coding School").exists()

    confirmed = client.post(URL, {**VALID, "confirm_distinct": "yes"})

    assert confirmed.status_code == 302
    assert Organisation.objects.filter(name="Lisbon Coding School").exists()


def test_it_does_not_show_unrelated_names_as_look_alikes(client, user):
    OrganisationFactory(name="Helsinki Telecom Group")

    response = client.post(URL, VALID)

    assert response.status_code == 302


def test_asking_to_join_a_look_alike_creates_a_join_request(client, user):
    existing = OrganisationFactory(name="Lisbon Coding School Association")

    response = client.post(
        reverse("members:join_request", kwargs={"slug": existing.slug}), {"message": "Hello"}
    )

    assert response.status_code == 302
    request = JoinRequest.objects.get()
    assert (request.organisation, request.user, request.status) == (existing, user, "pending")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"name": "x" * 201}, "name", "Ensure this value has at most 200 characters"),
        ({"name": "<script>alert(1)</script>"}, "name", "HTML tags are not allowed"),
        ({"description": "<b>bold</b>"}, "description", "HTML tags are not allowed"),
        ({"country": "XX"}, "country", "Select a valid choice"),
        ({"sector": "pirate"}, "sector", "Select a valid choice"),
        ({"size": ""}, "size", "This field is required."),
        ({"website": "not a url"}, "website", "Enter a valid URL."),
        ({"contact_email": "nobody"}, "contact_email", "Enter a valid email address."),
        ({"description": "d" * 5001}, "description", "at most 5000 characters"),
    ],
)
def test_it_answers_bad_input_next_to_the_field_and_changes_nothing(
    client, user, change, field, message
):
    response = client.post(URL, {**VALID, **change})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert 'value="hello@coding.example.pt"' in html or field == "contact_email"
    assert Organisation.objects.count() == 0


def test_it_refuses_a_duplicate_name(client, user):
    OrganisationFactory(name="Lisbon Coding School")

    response = client.post(URL, {**VALID, "name": "lisbon coding school"})

    assert "already registered" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_a_duplicate_name_shows_the_organisation_with_its_join_link(client, user):
    existing = OrganisationFactory(name="Lisbon Coding School", slug="lisbon-coding-school")
    similar = OrganisationFactory(name="Lisbon Coding School Association")
    OrganisationFactory(name="Helsinki Telecom Group")

    response = client.post(
        URL, {**VALID, "name": "  LISBON coding   School ", "confirm_distinct": "yes"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_name_error"' in html
    assert "Is your organisation already registered?" in html
    assert [o.name for o in response.context["look_alikes"]] == [
        "Lisbon Coding School",
        "Lisbon Coding School Association",
    ]
    assert reverse("members:join_request", kwargs={"slug": existing.slug}) in html
    assert reverse("members:join_request", kwargs={"slug": similar.slug}) in html
    # The name is taken: no button offers to register it anyway.
    assert 'name="confirm_distinct"' not in html
    assert 'value="hello@coding.example.pt"' in html
    assert Organisation.objects.count() == 3


def test_it_refuses_a_bad_logo_and_keeps_the_rest(client, user):
    response = client.post(URL, {**VALID, "logo_upload": upload("logo.gif", "GIF")})

    html = response.content.decode()
    assert 'id="id_logo_upload_error"' in html
    assert "must be a PNG, JPEG or WebP" in html
    assert 'value="Lisbon Coding School"' in html
    assert Organisation.objects.count() == 0


def test_it_never_takes_the_reserved_slug_new(client, user):
    client.post(URL, {**VALID, "name": "New"})

    assert Organisation.objects.get(name="New").slug == "new-2"


def test_it_answers_a_wrong_method_with_405(client, user):
    assert client.put(URL).status_code == 405


def test_it_refuses_a_post_without_csrf_token(user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    assert client.post(URL, VALID).status_code == 403
    assert Organisation.objects.count() == 0


def test_look_alikes_that_are_already_yours_are_marked_not_offered(client, user):
    from tests.members.factories import TeamMembershipFactory

    mine = OrganisationFactory(name="Lisbon Coding School Association")
    TeamMembershipFactory(organisation=mine, user=user)

    html = client.post(URL, VALID).content.decode()

    assert "You are in its team" in html
    assert reverse("members:join_request", kwargs={"slug": mine.slug}) not in html


def test_the_country_list_names_countries_as_the_eu_writes_them(client, user):
    html = client.get(URL).content.decode()

    assert '<option value="NR">Nauru</option>' in html
    assert '<option value="US">United States</option>' in html
    assert "Naoero" not in html
