"""The pillars' names and descriptions in every language (PillarTranslation):
seeded from the catalogues, edited by staff in the admin, shown with the
language they are in (English, marked, where a translation is missing)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from coalition.caching import current_generation
from coalition.models import Pillar, PillarText, PillarTranslation
from tests.members.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


def education():
    return Pillar.objects.get(slug="education")


def test_every_pillar_has_a_translation_into_the_23_other_official_languages():
    languages = set(PillarTranslation.objects.values_list("language", flat=True))

    assert PillarTranslation.objects.count() == 4 * 23
    assert len(languages) == 23
    assert "en" not in languages


def test_the_seeded_translations_are_the_catalogues():
    with translation.override("de"):
        catalogue = translation.gettext("Digital skills in education")

    assert education().in_language("de").name == catalogue == "Digitale Kompetenzen in der Bildung"


def test_in_language_gives_the_texts_and_their_language():
    pillar = education()

    assert pillar.in_language("fr") == PillarText(
        "Compétences numériques dans l'éducation",
        "Éducation",
        pillar.translations.get(language="fr").description,
        "fr",
    )
    assert pillar.in_language("en") == PillarText(
        pillar.name, pillar.short_name, pillar.description, "en"
    )


def test_a_missing_translation_falls_back_to_english_marked_as_english():
    pillar = education()
    pillar.translations.filter(language="fr").delete()

    assert pillar.in_language("fr") == PillarText(
        pillar.name, pillar.short_name, pillar.description, "en"
    )


def test_with_translations_reads_them_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(2):
        texts = [
            p.in_language("fr").name for p in Pillar.objects.in_order().with_translations("fr")
        ]

    assert texts[3] == "Compétences numériques dans l'éducation"


def test_a_translation_into_the_sites_language_is_refused():
    translation_ = PillarTranslation(
        pillar=education(), language="en", name="x", short_name="x", description="x"
    )

    with pytest.raises(ValidationError) as refused:
        translation_.full_clean()

    assert list(refused.value.message_dict) == ["language"]


def test_the_home_page_names_the_pillars_in_the_pages_language(client):
    education().translations.filter(language="fr").delete()

    html = client.get("/fr/").text

    assert "Compétences numériques pour tous" in html
    assert '<li class="portal-card" lang="en" dir="ltr">' in html  # education: English, marked
    assert html.count('lang="en" dir="ltr"') == 1


def test_the_pillar_page_marks_english_texts_on_a_french_page(client):
    education().translations.filter(language="fr").delete()

    translated = client.get("/fr/pillars/for-all/").text
    missing = client.get("/fr/pillars/education/").text

    assert '<h1 class="ecl-u-type-heading-1 portal-page-header__title">Compétences' in translated
    assert (
        '<h1 class="ecl-u-type-heading-1 portal-page-header__title" lang="en" dir="ltr">'
        "Digital skills in education</h1>"
    ) in missing


def test_the_about_page_names_the_pillars_in_the_pages_language(client):
    html = client.get("/de/about/").text

    assert "Digitale Kompetenzen für IKT-Fachkräfte" in html


def admin_post(pillar, **changes):
    rows = list(pillar.translations.order_by("pk"))
    data = {
        "name": pillar.name,
        "short_name": pillar.short_name,
        "description": pillar.description,
        "position": pillar.position,
        "translations-TOTAL_FORMS": len(rows) + 1,
        "translations-INITIAL_FORMS": len(rows),
        "translations-MIN_NUM_FORMS": 0,
        "translations-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        data |= {
            f"translations-{i}-id": row.pk,
            f"translations-{i}-pillar": pillar.pk,
            f"translations-{i}-language": row.language,
            f"translations-{i}-name": changes.get(row.language, row.name),
            f"translations-{i}-short_name": row.short_name,
            f"translations-{i}-description": row.description,
        }
    return data


def test_staff_edit_a_translation_in_the_admin(client, django_capture_on_commit_callbacks):
    client.force_login(VerifiedUserFactory(is_staff=True, is_superuser=True))
    pillar = education()
    url = reverse("admin:coalition_pillar_change", args=[pillar.pk])
    before = current_generation()

    page = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, admin_post(pillar, fr="Le numérique à l'école"))

    assert page.status_code == 200
    assert 'name="translations-0-language"' in page.text
    assert response.status_code == 302
    assert pillar.in_language("fr").name == "Le numérique à l'école"
    assert current_generation() != before  # the cached pages show it at once


def test_the_admin_refuses_a_second_translation_into_one_language(client):
    client.force_login(VerifiedUserFactory(is_staff=True, is_superuser=True))
    pillar = education()
    data = admin_post(pillar)
    n = data["translations-INITIAL_FORMS"]
    data |= {
        f"translations-{n}-pillar": pillar.pk,
        f"translations-{n}-language": "fr",
        f"translations-{n}-name": "Doublon",
        f"translations-{n}-short_name": "Doublon",
        f"translations-{n}-description": "Doublon",
    }

    response = client.post(reverse("admin:coalition_pillar_change", args=[pillar.pk]), data)

    assert response.status_code == 200  # the form again, with the error
    assert pillar.translations.filter(language="fr").count() == 1


def test_the_pillar_page_reads_a_pillar_and_its_translation_in_one_query(
    django_assert_num_queries,
):
    from django.http import Http404

    from coalition.queries import pillar_in_language

    with django_assert_num_queries(1):
        pillar, text = pillar_in_language("education", "fr")
    with django_assert_num_queries(1):
        _same, english = pillar_in_language("education", "en")

    assert (pillar.slug, text.language, english.language) == ("education", "fr", "en")
    with pytest.raises(Http404):
        pillar_in_language("nonsense", "fr")
