import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Visionneuse des engagements"), ("de", "Zusagen-Übersicht")],
)
def test_the_catalogues_are_compiled_and_used(language, expected):
    with translation.override(language):
        translated = translation.gettext("Pledge Viewer")

    assert translated == expected


@pytest.mark.parametrize(
    ("prefix", "skip_link"),
    [("fr", "Aller au contenu principal"), ("de", "Zum Hauptinhalt springen")],
)
def test_pages_in_another_language_are_translated(client, prefix, skip_link):
    response = client.get(f"/{prefix}/about/")

    assert response.status_code == 200
    assert f'<html lang="{prefix}">' in response.text
    assert skip_link in response.text
    assert "Skip to main content" not in response.text


def test_pillars_show_in_the_visitors_language_and_staff_edits_show(
    client, django_capture_on_commit_callbacks
):
    from coalition.models import Pillar

    french = client.get("/fr/pillars/education/").text
    pillar = Pillar.objects.get(slug="education")
    translation = pillar.translations.get(language="fr")
    translation.name = "Modifié par le personnel"
    pillar.name = "Edited by staff"
    with django_capture_on_commit_callbacks(execute=True):
        translation.save()
        pillar.save()  # as the admin does; the cached page goes with the generation
    edited = client.get("/fr/pillars/education/").text
    english = client.get("/en/pillars/education/").text

    assert "Compétences numériques dans l" in french
    assert "Modifié par le personnel" in edited
    assert "Edited by staff" not in edited
    assert "Edited by staff" in english
