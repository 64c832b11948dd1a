"""An organisation's description records its language: asked on the profile
form (the page's language proposed), shown to staff in the admin."""

import pytest
from django.urls import reverse
from django.utils import translation

from members.models import Organisation, TeamMembership
from tests.members.factories import OrganisationFactory, TeamMembershipFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db
VALID = {
    "name": "Lisbon Coding School",
    "sector": "third",
    "type": "ngo",
    "size": "small",
    "country": "PT",
    "description": "Aulas de programação para crianças.",
}


@pytest.fixture
def user(client):
    user = VerifiedUserFactory(email="founder@example.pt")
    client.force_login(user)
    return user


def url(language, name="members:organisation_create", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def test_the_form_proposes_the_pages_language(client, user):
    response = client.get(url("fr"))

    assert response.context["form"].initial["language"] == "fr"
    assert 'for="id_language"' in response.text


def test_the_description_is_registered_in_the_language_chosen(client, user):
    response = client.post(url("en"), VALID | {"language": "pt"})

    assert response.status_code == 302
    assert Organisation.objects.get().language == "pt"


def test_editing_keeps_the_language_unless_changed(client, user):
    organisation = OrganisationFactory(language="pt")
    TeamMembershipFactory(organisation=organisation, user=user, role=TeamMembership.Role.ADMIN)

    page = client.get(url("de", "members:organisation_edit", slug=organisation.slug))
    client.post(
        url("de", "members:organisation_edit", slug=organisation.slug),
        VALID | {"name": organisation.name, "language": "es"},
    )

    assert page.context["form"].initial["language"] == "pt"
    organisation.refresh_from_db()
    assert organisation.language == "es"


def test_staff_see_it_in_the_admin(client):
    client.force_login(VerifiedUserFactory(is_staff=True, is_superuser=True))
    organisation = OrganisationFactory(language="pt")

    page = client.get(reverse("admin:members_organisation_change", args=[organisation.pk]))

    assert '<option value="pt" selected>' in page.text


def test_the_public_page_marks_the_description_with_its_language(client):
    organisation = OrganisationFactory(language="pt", description="Aulas de programação.")

    html = client.get("/fr" + organisation.get_absolute_url()[3:]).text

    assert (
        '<div class="portal-prose" lang="pt" dir="ltr"><p>Aulas de programação.</p></div>' in html
    )
