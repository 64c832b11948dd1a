"""National coalitions' logos pass the same checks and re-encoding as
organisations' (members/logos.py), from the editors' form and from the admin."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from members.moderation import ensure_moderators_group
from national.models import NationalCoalition
from tests.factories import UserFactory
from tests.members.images import image_bytes, upload
from tests.national.factories import NationalCoalitionFactory
from tests.national.test_editor_views import coalition_data

pytestmark = pytest.mark.django_db

GPS_EXIF = Image.Exif()
GPS_EXIF[0x8825] = {2: (50.0, 51.0, 0.0), 1: "N"}  # GPSInfo: latitude
GPS_EXIF[0x010E] = "taken at the secretary's home"


def photo_with_gps_and_a_script() -> bytes:
    return image_bytes("JPEG", (400, 300), exif=GPS_EXIF.tobytes()) + b"<script>alert(1)</script>"


@pytest.fixture
def coalition():
    return NationalCoalitionFactory(country="FR", slug="coalition-fr")


@pytest.fixture
def editor(coalition):
    user = UserFactory()
    coalition.editors.add(user)
    return user


def stored(coalition) -> bytes:
    coalition.refresh_from_db()
    with coalition.logo.open("rb") as file:
        return file.read()


def test_an_editors_logo_is_re_encoded_without_metadata_or_appended_bytes(
    client, coalition, editor
):
    client.force_login(editor)

    response = client.post(
        reverse("national:edit", args=[coalition.slug]),
        coalition_data(logo=upload("logo.jpg", content=photo_with_gps_and_a_script())),
    )

    assert response.status_code == 302
    content = stored(coalition)
    assert Image.open(io.BytesIO(content)).format == "JPEG"
    assert Image.open(io.BytesIO(content)).getexif() == {}
    assert b"secretary" not in content
    assert b"<script>" not in content
    assert coalition.logo.name.startswith("national/logos/coalition-fr-")


def test_a_logo_larger_than_the_limit_is_refused_with_the_organisations_message(
    client, coalition, editor
):
    client.force_login(editor)

    response = client.post(
        reverse("national:edit", args=[coalition.slug]),
        coalition_data(logo=upload("logo.png", size=(4001, 64))),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "The logo is too big: at most 4000 × 4000 pixels."
    ]
    assert not NationalCoalition.objects.get(pk=coalition.pk).logo


def test_a_large_logo_is_shrunk_to_the_stored_size(client, coalition, editor):
    client.force_login(editor)

    client.post(
        reverse("national:edit", args=[coalition.slug]),
        coalition_data(logo=upload("logo.png", size=(1600, 400))),
    )

    assert Image.open(io.BytesIO(stored(coalition))).size == (800, 200)


def test_a_new_logo_replaces_the_old_file(client, coalition, editor):
    client.force_login(editor)
    url = reverse("national:edit", args=[coalition.slug])
    client.post(url, coalition_data(logo=upload("logo.png")))
    coalition.refresh_from_db()
    first = coalition.logo.name

    client.post(url, coalition_data(logo=upload("logo.webp", "WEBP")))

    coalition.refresh_from_db()
    assert coalition.logo.name.endswith(".webp")
    assert not coalition.logo.storage.exists(first)


def test_an_admin_upload_is_re_encoded_too(client, coalition):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    url = reverse("admin:national_nationalcoalition_change", args=[coalition.pk])
    form = {
        "country": "FR",
        "name": coalition.name,
        "slug": coalition.slug,
        "description": "Nous formons.",
        "language": "fr",
        "website": "https://coalition.example.fr/",
        "contact_name": "",
        "contact_email": "contact@coalition.example.fr",
        "launched_on": "",
        "feeds-TOTAL_FORMS": "0",
        "feeds-INITIAL_FORMS": "0",
        "logo": upload("logo.jpg", content=photo_with_gps_and_a_script()),
    }

    response = client.post(url, form)

    assert response.status_code == 302, response.context["adminform"].form.errors
    content = stored(coalition)
    assert b"secretary" not in content
    assert b"<script>" not in content


def test_the_admin_refuses_what_the_editors_form_refuses(client, coalition):
    moderator = UserFactory(is_staff=True, is_superuser=True)
    moderator.groups.add(ensure_moderators_group())
    client.force_login(moderator)
    url = reverse("admin:national_nationalcoalition_change", args=[coalition.pk])

    response = client.post(
        url,
        {
            "country": "FR",
            "name": coalition.name,
            "slug": coalition.slug,
            "language": "fr",
            "feeds-TOTAL_FORMS": "0",
            "feeds-INITIAL_FORMS": "0",
            "logo": upload("logo.svg", content=b"<svg onload='alert(1)'/>"),
        },
    )

    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors
    assert not NationalCoalition.objects.get(pk=coalition.pk).logo
