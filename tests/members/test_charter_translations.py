"""The Members Charter in every language: each version published with its
translations (CharterTranslation); where one is missing, the English text,
marked as English."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from members.charter import CHARTER_V1_TEXT, CHARTER_V1_TITLE, CHARTER_V1_TRANSLATIONS
from members.models import Charter, CharterText, CharterTranslation
from members.moderation import ensure_moderators_group
from tests.members.factories import (
    MembershipApplicationFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("members.migrations.0006_charter_v1_in_french_and_german")
FRENCH = ("Charte des membres", "En approuvant la présente Charte, notre organisation s’engage à")


@pytest.fixture
def translated(charter):
    """The current version, in French."""
    CharterTranslation.objects.create(
        charter=charter,
        language="fr",
        title="Charte des membres",
        text="En approuvant la présente Charte, notre organisation s’engage à agir.",
    )
    return charter


def test_version_1_is_translated_into_french_and_german_by_its_migration():
    Charter.objects.filter(version=1).delete()
    version_1 = Charter.objects.create(version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT)

    MIGRATION.forwards(django_apps, None)
    MIGRATION.forwards(django_apps, None)  # once only

    assert sorted(version_1.translations.values_list("language", flat=True)) == ["de", "fr"]
    assert version_1.in_language("de") == CharterText(*CHARTER_V1_TRANSLATIONS["de"], "de")


def test_the_migration_leaves_a_version_1_whose_text_changed_alone():
    Charter.objects.filter(version=1).delete()
    version_1 = Charter.objects.create(version=1, title=CHARTER_V1_TITLE, text="Other text.")

    MIGRATION.forwards(django_apps, None)

    assert version_1.translations.count() == 0


def test_the_translations_keep_the_paragraphs_and_the_five_commitments():
    for title, text in CHARTER_V1_TRANSLATIONS.values():
        paragraphs = text.strip().split("\n\n")
        assert len(paragraphs) == len(CHARTER_V1_TEXT.strip().split("\n\n")) == 8
        assert [p[:2] for p in paragraphs[2:7]] == ["1.", "2.", "3.", "4.", "5."]
        assert title


def test_in_language_gives_the_text_and_its_language(translated):
    assert translated.in_language("fr").language == "fr"
    assert translated.in_language("de") == CharterText(translated.title, translated.text, "en")
    assert translated.in_language("en") == CharterText(translated.title, translated.text, "en")


def test_a_translation_into_the_sites_language_is_refused(charter):
    with pytest.raises(ValidationError) as refused:
        CharterTranslation(charter=charter, language="en", title="x", text="x").full_clean()

    assert list(refused.value.message_dict) == ["language"]


def test_the_become_a_pledger_page_shows_the_charter_in_the_pages_language(client, translated):
    html = client.get("/fr/become-a-pledger/").text

    assert "notre organisation s’engage à agir" in html
    assert '<div class="portal-charter">' in html  # in the page's language: no lang of its own


def test_without_a_translation_the_english_text_shows_marked_as_english(client, translated):
    html = client.get("/de/become-a-pledger/").text

    assert '<div class="portal-charter" lang="en" dir="ltr"><p>We commit to act' in html
    assert "notre organisation" not in html


def test_the_membership_page_shows_the_version_in_the_pages_language(client, translated):
    admin = VerifiedUserFactory()
    from tests.members.factories import TeamMembershipFactory

    membership = TeamMembershipFactory(user=admin, role="admin")
    client.force_login(admin)

    french = client.get(f"/fr/organisations/{membership.organisation.slug}/membership/").text
    german = client.get(f"/de/organisations/{membership.organisation.slug}/membership/").text

    assert '<h2 id="charter-title" class="ecl-u-type-heading-2">Charte des membres</h2>' in french
    assert (
        '<h2 id="charter-title" class="ecl-u-type-heading-2" lang="en" dir="ltr">'
        "Members Charter</h2>"
    ) in german


@pytest.fixture
def moderator(client):
    user = VerifiedUserFactory(is_staff=True)
    user.groups.add(ensure_moderators_group())
    client.force_login(user)
    return user


def test_a_new_version_starts_from_the_current_versions_translations(client, moderator, translated):
    page = client.get(reverse("admin:members_charter_add"))

    formset = page.context["inline_admin_formsets"][0].formset
    text = translated.translations.get().text
    assert [form.initial for form in formset.forms] == [
        {"language": "fr", "title": "Charte des membres", "text": text}
    ]


def test_staff_publish_a_new_version_with_its_translations(client, moderator, translated):
    response = client.post(
        reverse("admin:members_charter_add"),
        {
            "version": translated.version + 1,
            "title": "Members Charter",
            "text": "Version two.",
            "translations-TOTAL_FORMS": 2,
            "translations-INITIAL_FORMS": 0,
            "translations-0-language": "fr",
            "translations-0-title": "Charte des membres",
            "translations-0-text": "Version deux.",
            "translations-1-language": "de",
            "translations-1-title": "Mitgliedercharta",
            "translations-1-text": "Version zwei.",
        },
    )

    current = Charter.objects.current()
    assert response.status_code == 302
    assert current.version == translated.version + 1
    assert current.in_language("fr").text == "Version deux."
    assert current.in_language("de").text == "Version zwei."


def test_an_endorsed_version_takes_a_missing_language_but_keeps_its_translations(
    client, moderator, translated
):
    MembershipApplicationFactory(charter=translated)
    url = reverse("admin:members_charter_change", args=[translated.pk])
    existing = translated.translations.get()

    page = client.get(url)
    response = client.post(
        url,
        {
            "translations-TOTAL_FORMS": 2,
            "translations-INITIAL_FORMS": 1,
            "translations-0-id": existing.pk,
            "translations-0-charter": translated.pk,
            "translations-0-language": "fr",
            "translations-0-title": "Changed",
            "translations-0-text": "Changed.",
            "translations-1-charter": translated.pk,
            "translations-1-language": "de",
            "translations-1-title": "Mitgliedercharta",
            "translations-1-text": "Wir handeln.",
        },
    )

    assert 'name="translations-0-text"' not in page.text  # shown, not editable
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.text.startswith("En approuvant")
    assert translated.in_language("de").text == "Wir handeln."


def test_the_version_list_names_the_languages(client, moderator, translated):
    html = client.get(reverse("admin:members_charter_changelist")).text

    assert '<td class="field-languages">fr</td>' in html
