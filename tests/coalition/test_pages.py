import re

import pytest
from django.urls import reverse
from django.utils import timezone

from coalition.models import Pillar
from tests.factories import OrganisationFactory
from tests.pledges.factories import InitiativeFactory, MemberOrganisationFactory, PledgeFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


def test_it_redirects_the_root_to_the_default_language(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_it_shows_zero_figures_on_an_empty_database(client):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert response.context["figures"] == {"members": 0, "pledges": 0, "countries": 0}
    assert shown_figures(response) == {"members": "0", "pledges": "0", "countries": "0"}


def test_it_counts_member_organisations(client):
    OrganisationFactory(country="BE", member_since=timezone.now())
    OrganisationFactory(country="BE", member_since=timezone.now())
    OrganisationFactory(country="FR", member_since=timezone.now())
    OrganisationFactory(country="DE")  # not (yet) a member

    response = client.get(reverse("home"))

    assert response.context["figures"] == {"members": 3, "pledges": 0, "countries": 0}


def shown_figures(response) -> dict[str, str]:
    return dict(re.findall(r'data-figure="(\w+)">([^<]*)<', response.text))


def test_it_shows_the_figures_of_members_and_their_public_pledges(client):
    ghent = MemberOrganisationFactory(country="BE")
    MemberOrganisationFactory(country="BE")
    MemberOrganisationFactory(country="FR")
    OrganisationFactory(country="DE")  # not (yet) a member
    # Countries count where public pledges act, as the viewer does, not the
    # members' headquarters.
    public_pledge(organisation=ghent, countries=("BE", "NL", "PL"))
    public_pledge(organisation=ghent, countries=("PL", "SE"))
    # A draft, and one awaiting moderation: not public, nor are their countries.
    InitiativeFactory(pledge=PledgeFactory(organisation=ghent), countries=["DE"])
    InitiativeFactory(pledge=PledgeFactory(organisation=ghent, submitted=True), countries=["IT"])

    response = client.get(reverse("home"))

    assert response.context["figures"] == {"members": 3, "pledges": 2, "countries": 4}
    assert shown_figures(response) == {"members": "3", "pledges": "2", "countries": "4"}


def test_large_figures_are_grouped_in_the_visitors_language(client, monkeypatch):
    from coalition import queries

    figures = {"members": 20000, "pledges": 100000, "countries": 27}
    monkeypatch.setattr(queries, "key_figures", lambda: figures)

    response = client.get("/de/")

    assert shown_figures(response) == {"members": "20.000", "pledges": "100.000", "countries": "27"}


def test_it_lists_the_four_pillars_on_the_home_page(client):
    response = client.get(reverse("home"))

    assert [p.slug for p in response.context["pillars"]] == [
        "for-all",
        "labour-force",
        "ict-professionals",
        "education",
    ]
    for pillar in Pillar.objects.all():
        assert pillar.get_absolute_url() in response.text


def test_home_page_queries_stay_constant(client, django_assert_max_num_queries):
    for _ in range(5):
        OrganisationFactory(member_since=timezone.now())

    # 6: the pillars' texts in the page's language are one of them.
    with django_assert_max_num_queries(6):
        client.get(reverse("home"))


def test_it_shows_a_pillar(client):
    pillar = Pillar.objects.get(slug="education")

    response = client.get(pillar.get_absolute_url())

    assert response.status_code == 200
    assert "<h1" in response.text
    assert pillar.name in response.text


def test_it_shows_edits_staff_made_to_a_pillar(client):
    Pillar.objects.filter(slug="for-all").update(description="Edited by staff.")

    response = client.get(reverse("pillar_detail", kwargs={"slug": "for-all"}))

    assert "Edited by staff." in response.text


def test_it_answers_404_for_an_unknown_pillar(client):
    response = client.get(reverse("pillar_detail", kwargs={"slug": "no-such-pillar"}))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["home", "about", "accessibility", "privacy", "contact"])
def test_it_refuses_post_on_read_only_pages(client, name):
    response = client.post(reverse(name))

    assert response.status_code == 405


def test_it_serves_pages_in_the_language_of_the_url(client):
    response = client.get("/fr/about/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text


def test_the_language_switcher_keeps_the_page(client):
    response = client.post(reverse("set_language"), {"language": "de", "next": "/en/about/"})

    assert response.status_code == 302
    assert response["Location"] == "/de/about/"


def test_the_language_links_lead_to_this_page_in_each_language(client):
    response = client.get("/en/pledges/?pillar=education")

    assert 'href="/fr/pledges/?pillar=education" hreflang="fr" lang="fr"' in response.text
    assert 'href="/de/pledges/?pillar=education" hreflang="de" lang="de"' in response.text
    assert 'hreflang="en" lang="en" aria-current="true"' in response.text
    # Each language by its own name, capitalised.
    for name in ("English", "Français", "Deutsch"):
        assert f">{name}</a></li>" in response.text
    assert "csrfmiddlewaretoken" not in response.text


def test_the_accessibility_statement_follows_the_eu_model(client):
    response = client.get(reverse("accessibility"))

    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", response.text)
    assert headings == [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ]
    assert "partially compliant" in response.text
    assert "prepared on 3 December 2026" in response.text
    assert f'href="{reverse("contact")}"' in response.text
    assert 'href="https://www.ombudsman.europa.eu/"' in response.text
