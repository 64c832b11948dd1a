"""The Members Charter in every language: each version published with its
translations (CharterTranslation); where one is missing, the English text,
marked as English."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.conf import settings
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
EVERY_LANGUAGE = importlib.import_module(
    "members.migrations.0007_charter_v1_in_every_official_language"
)
OTHER_LANGUAGES = sorted(
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
)
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


def test_after_migrating_version_1_is_in_every_language_of_the_portal():
    version_1 = Charter.objects.get(version=1)

    assert len(OTHER_LANGUAGES) == 23
    assert sorted(version_1.translations.values_list("language", flat=True)) == OTHER_LANGUAGES
    assert sorted(CHARTER_V1_TRANSLATIONS) == OTHER_LANGUAGES
    for code in OTHER_LANGUAGES:
        assert version_1.in_language(code) == CharterText(*CHARTER_V1_TRANSLATIONS[code], code)


def test_the_second_migration_adds_the_other_languages_once_and_keeps_staffs():
    Charter.objects.filter(version=1).delete()
    version_1 = Charter.objects.create(version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT)
    version_1.translations.create(language="ga", title="Cairt", text="Téacs na foirne.")

    MIGRATION.forwards(django_apps, None)
    EVERY_LANGUAGE.forwards(django_apps, None)
    EVERY_LANGUAGE.forwards(django_apps, None)  # once only

    assert sorted(version_1.translations.values_list("language", flat=True)) == OTHER_LANGUAGES
    assert version_1.in_language("ga").text == "Téacs na foirne."
    assert version_1.in_language("mt").title == CHARTER_V1_TRANSLATIONS["mt"][0]


def test_the_second_migration_leaves_a_changed_version_1_alone_and_is_reversible():
    Charter.objects.filter(version=1).delete()
    changed = Charter.objects.create(version=1, title=CHARTER_V1_TITLE, text="Other text.")

    EVERY_LANGUAGE.forwards(django_apps, None)
    assert changed.translations.count() == 0

    Charter.objects.filter(version=1).update(text=CHARTER_V1_TEXT)
    MIGRATION.forwards(django_apps, None)
    EVERY_LANGUAGE.forwards(django_apps, None)
    EVERY_LANGUAGE.backwards(django_apps, None)

    assert sorted(changed.translations.values_list("language", flat=True)) == ["de", "fr"]


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


def test_the_translations_use_the_interfaces_words_for_the_coalition_and_its_pillars():
    """The catalogues' name of the Coalition (in the title) and of the four pillars,
    the EU's names of the Commission, of the Member States and of the European Pillar
    of Social Rights, and no straight apostrophe or quotation mark."""
    expected = {
        "bg": (
            "Коалицията за цифрови умения и работни места",
            "за специалистите в областта на ИКТ",
            "Европейската комисия",
            "държави членки",
            "Европейския стълб на социалните права",
        ),
        "ga": (
            "na Comhghuaillíochta um Scileanna agus Poist Dhigiteacha",
            "do ghairmithe TFC",
            "Coimisiún Eorpach",
            "Ballstáit",
            "Colún Eorpach na gCeart Sóisialta",
        ),
        "el": (
            "Συνασπισμού για τις ψηφιακές δεξιότητες και θέσεις εργασίας",
            "για τους επαγγελματίες ΤΠΕ",
            "Ευρωπαϊκή Επιτροπή",
            "κράτη μέλη",
            "ευρωπαϊκού πυλώνα κοινωνικών δικαιωμάτων",
        ),
        "mt": (
            "Koalizzjoni għall-Ħiliet u l-Impjiegi Diġitali",
            "għall-professjonisti tal-ICT",
            "Kummissjoni Ewropea",
            "Stati Membri",
            "Pilastru Ewropew tad-Drittijiet Soċjali",
        ),
        "pt": (
            "Coligação para as Competências e Empregos Digitais",
            "para os profissionais das TIC",
            "Comissão Europeia",
            "Estados-Membros",
            "Pilar Europeu dos Direitos Sociais",
        ),
    }
    for code, words in expected.items():
        title, text = CHARTER_V1_TRANSLATIONS[code]
        assert words[0] in title
        assert all(word in text for word in words[1:]), code
    for title, text in CHARTER_V1_TRANSLATIONS.values():
        assert "'" not in title + text
        assert '"' not in title + text


@pytest.mark.parametrize("code", ["ga", "mt", "el", "bg"])
def test_version_1_shows_in_the_pages_language(client, code):
    title, text = CHARTER_V1_TRANSLATIONS[code]
    admin = VerifiedUserFactory()
    from tests.members.factories import TeamMembershipFactory

    membership = TeamMembershipFactory(user=admin, role="admin")
    client.force_login(admin)

    pledger = client.get(f"/{code}/become-a-pledger/").text
    apply = client.get(f"/{code}/organisations/{membership.organisation.slug}/membership/").text

    assert f'<div class="portal-charter"><p>{text.split(chr(10))[0]}</p>' in pledger
    assert f'<h2 id="charter-title" class="ecl-u-type-heading-2">{title}</h2>' in apply
    assert 'lang="en"' not in pledger.split('id="charter-title"')[1]
    assert 'lang="en"' not in apply.split('id="charter-title"')[1]


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
