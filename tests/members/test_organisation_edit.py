import pytest
from django.test import Client
from django.urls import reverse

from members.models import Organisation
from tests.members.images import upload

pytestmark = pytest.mark.django_db


def url(organisation):
    return reverse("members:organisation_edit", kwargs={"slug": organisation.slug})


def form_data(organisation, **changes):
    data = {
        "name": organisation.name,
        "sector": organisation.sector,
        "type": organisation.type,
        "size": organisation.size,
        "country": str(organisation.country),
        "website": organisation.website,
        "description": organisation.description,
        "contact_email": organisation.contact_email,
    }
    return {**data, **changes}


def test_it_sends_anonymous_visitors_to_log_in(client, organisation):
    assert client.get(url(organisation)).status_code == 302


def test_it_is_a_404_for_outsiders(client, organisation, outsider):
    client.force_login(outsider)

    assert client.get(url(organisation)).status_code == 404
    assert (
        client.post(url(organisation), form_data(organisation, name="Hijacked")).status_code == 404
    )
    organisation.refresh_from_db()
    assert organisation.name == "Ghent Digital Academy"


@pytest.mark.parametrize("who", ["admin_user", "editor_user"])
def test_admins_and_editors_save_the_profile(client, organisation, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        url(organisation),
        {**form_data(organisation, description="New words."), "logo_upload": upload()},
    )

    organisation.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.description == "New words."
    assert organisation.slug == "ghent-digital-academy"
    assert organisation.logo.name.endswith(".png")


def test_it_replaces_and_removes_the_logo(client, organisation, admin_user):
    client.force_login(admin_user)
    client.post(url(organisation), {**form_data(organisation), "logo_upload": upload()})
    organisation.refresh_from_db()
    first = organisation.logo.name
    storage = organisation.logo.storage

    client.post(
        url(organisation), {**form_data(organisation), "logo_upload": upload("l.webp", "WEBP")}
    )
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".webp")
    assert not storage.exists(first)

    client.post(url(organisation), {**form_data(organisation), "remove_logo": "on"})
    organisation.refresh_from_db()
    assert not organisation.logo


def test_it_answers_bad_input_and_changes_nothing(client, organisation, admin_user):
    client.force_login(admin_user)

    response = client.post(url(organisation), form_data(organisation, name="", country="ZZ"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_name_error"' in html
    assert 'id="id_country_error"' in html
    organisation.refresh_from_db()
    assert organisation.name == "Ghent Digital Academy"
    assert str(organisation.country) == "BE"


def test_it_answers_a_wrong_method_with_405(client, organisation, admin_user):
    client.force_login(admin_user)

    assert client.delete(url(organisation)).status_code == 405


def test_it_refuses_a_post_without_csrf_token(organisation, admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post(url(organisation), form_data(organisation, name="Changed"))

    assert response.status_code == 403
    assert Organisation.objects.get(pk=organisation.pk).name == "Ghent Digital Academy"
