"""Every text an organisation wrote is marked with the language it is written
in wherever the page is in another (lang and dir; WCAG 3.1.2), and a visitor
reads a pledge in their language where its organisation translated it: the
pledge page, the viewer's rows, the organisation page, scoreboards, the
organisation's own pages and the Atom feeds."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from pledges.models import Pledge, ProgressReport
from pledges.scoreboards.services import scoreboard_add_pledges, scoreboard_create
from pledges.translations.models import PledgeTranslation, source_fingerprint
from pledges.viewer.models import PledgeCard
from pledges.viewer.read_model import refresh_pledges
from tests.factories import TeamMembershipFactory
from tests.languages_markup import direction_of, language_of, languages_of
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh(settings):
    settings.PLEDGE_VIEWER_CACHE_SECONDS = 0


@pytest.fixture
def french(organisation):
    """A pledge in French, its initiative in Dutch, its report in German."""
    pledge = public_pledge(
        organisation=organisation,
        language="fr",
        title="Former les enseignants",
        summary="Des formations gratuites.",
        beyond_day_to_day="Des places en plus.",
        initiative={
            "language": "nl",
            "title": "Digitale klas",
            "description": "Wekelijkse workshops.",
        },
        achieved={"people-reached": 5},
    )
    ProgressReport.objects.filter(pledge=pledge).update(
        language="de", narrative="Halbzeit erreicht."
    )
    return pledge


def translate(pledge, language, title, summary, **kwargs):
    translated = PledgeTranslation.objects.create(
        pledge=pledge,
        language=language,
        title=title,
        summary=summary,
        source_fingerprint=source_fingerprint(pledge),
        **kwargs,
    )
    refresh_pledges([pledge.pk])
    return translated


def test_the_pledge_page_marks_each_text_with_its_language(client, french):
    page = client.get(f"/en/pledges/{french.pk}/").text

    assert language_of(page, "Former les enseignants") == "fr"  # the <h1>
    assert language_of(page, "Des formations gratuites.") == "fr"
    assert language_of(page, "Des places en plus.") == "fr"
    assert language_of(page, "Digitale klas") == "nl"
    assert language_of(page, "Wekelijkse workshops.") == "nl"
    assert language_of(page, "Halbzeit erreicht.") == "de"
    assert direction_of(page, "Halbzeit erreicht.") == "ltr"
    # the organisation's name is a name; the interface is in the page's language
    assert language_of(page, french.organisation.name) == "en"
    assert language_of(page, "The pledge") == "en"
    assert language_of(page, "Original language:") == "en"
    assert language_of(page, "Français") == "fr"  # the language named in itself


def test_in_its_own_language_the_pledge_needs_no_mark(client, french):
    page = client.get(f"/fr/pledges/{french.pk}/").text

    assert language_of(page, "Former les enseignants") == "fr"
    assert 'lang="fr" dir' not in page
    assert "Langue d'origine" not in page
    assert language_of(page, "Digitale klas") == "nl"


def test_a_visitor_reads_the_organisations_translation_into_their_language(client, french):
    translate(french, "de", "Lehrkräfte fortbilden", "Kostenlose Fortbildungen.")

    german = client.get(f"/de/pledges/{french.pk}/").text
    english = client.get(f"/en/pledges/{french.pk}/").text

    assert language_of(german, "Lehrkräfte fortbilden") == "de"
    assert language_of(german, "Kostenlose Fortbildungen.") == "de"
    assert "Former les enseignants" not in german
    assert language_of(german, "Des places en plus.") == "fr"  # not translated
    assert "Lehrkräfte" not in english
    assert language_of(english, "Former les enseignants") == "fr"


def test_a_hidden_or_outdated_translation_is_not_shown(client, french):
    translate(french, "de", "Versteckt", "Versteckt.", hidden=True)
    translate(french, "es", "Formar docentes", "Formaciones.")
    french.summary = "Une autre version."
    french.save()

    assert "Versteckt" not in client.get(f"/de/pledges/{french.pk}/").text
    spanish = client.get(f"/es/pledges/{french.pk}/").text
    assert "Formar docentes" not in spanish
    assert language_of(spanish, "Une autre version.") == "fr"


def test_the_pledge_page_still_takes_one_statement_with_translations(
    client, french, django_assert_num_queries
):
    translate(french, "de", "Lehrkräfte fortbilden", "Kostenlose Fortbildungen.")
    client.get(f"/de/pledges/{french.pk}/")  # the session, the cache warmed
    from coalition.caching import bump_generation

    bump_generation()
    with django_assert_num_queries(1):
        response = client.get(f"/de/pledges/{french.pk}/")
    assert "Lehrkräfte fortbilden" in response.text


def test_the_viewer_rows_mark_the_language_and_show_translations(client, french):
    english = public_pledge(title="Teachers go digital", summary="Free training.")
    translate(english, "de", "Lehrkräfte digital", "Kostenlose Kurse.")

    page = client.get("/en/pledges/").text
    german = client.get("/de/pledges/").text

    assert language_of(page, "Former les enseignants") == "fr"
    assert language_of(page, "Des formations gratuites.") == "fr"
    assert language_of(page, "Teachers go digital") == "en"
    assert language_of(page, french.organisation.name) == "en"
    assert language_of(german, "Lehrkräfte digital") == "de"
    assert language_of(german, "Kostenlose Kurse.") == "de"
    assert "Teachers go digital" not in german
    assert language_of(german, "Former les enseignants") == "fr"


@pytest.mark.parametrize("size", [1, 5])
def test_the_viewer_reads_the_translations_without_another_query(
    client, size, django_assert_num_queries
):
    from pledges.viewer import facet_index

    for n in range(size):
        translate(public_pledge(title=f"Pledge {n}"), "de", f"Zusage {n}", "Text.")
    facet_index.warm()

    # the pillars, one page of rows with their translations
    with django_assert_num_queries(2):
        response = client.get("/de/pledges/")

    assert [row.title for row in response.context["viewer"]["rows"]] == [
        f"Zusage {n}" for n in reversed(range(size))
    ]


def test_the_organisation_page_marks_its_description_and_pledges(client, french):
    organisation = french.organisation
    organisation.description = "Nous formons."
    organisation.language = "fr"
    organisation.save()

    page = client.get(f"/en/organisations/{organisation.slug}/").text

    assert language_of(page, "Nous formons.") == "fr"
    assert language_of(page, "Former les enseignants") == "fr"


def test_the_scoreboard_marks_each_pledges_title(client, french):
    member = TeamMembershipFactory()
    board = scoreboard_create(organisation=member.organisation, user=member.user, name="Écoles")
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[french.pk, public_pledge(title="Ours").pk])
    client.force_login(member.user)

    page = client.get(f"/en/organisations/{board.organisation.slug}/scoreboards/{board.pk}/")

    assert language_of(page.text, "Former les enseignants") == "fr"
    assert language_of(page.text, "Ours") == "en"


def test_the_organisations_own_pages_mark_its_texts(editor_client, organisation, french):
    slug = organisation.slug

    pledges = editor_client.get(f"/de/organisations/{slug}/pledges/").text
    manage = editor_client.get(f"/de/organisations/{slug}/pledges/{french.pk}/").text

    assert language_of(pledges, "Former les enseignants") == "fr"
    assert languages_of(manage, "Former les enseignants") == ["fr"]  # the <h1>
    assert language_of(manage, "Digitale klas") == "nl"


def test_the_atom_feed_marks_each_entrys_language(client, french):
    public_pledge(title="Teachers go digital", approved_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))

    response = client.get("/en/pledges/feed/")

    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    atom = "{http://www.w3.org/2005/Atom}"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.get(lang) == "en"
    assert [
        (entry.find(f"{atom}title").text, entry.get(lang)) for entry in root.iter(f"{atom}entry")
    ] == [("Former les enseignants", "fr"), ("Teachers go digital", None)]


def test_the_lang_of_tag_marks_only_another_language():
    from django.template import Context, Template

    template = Template("{% load languages %}<p{% lang_of code %}>")
    with translation.override("fr"):
        assert template.render(Context({"code": "fr"})) == "<p>"
        assert template.render(Context({"code": ""})) == "<p>"
        assert template.render(Context({"code": "de"})) == '<p lang="de" dir="ltr">'


def test_the_viewer_rows_choose_the_translation_as_for_language_does(french):
    """The viewer's rows come from one SQL statement
    (pledges.viewer.queries.result_page); the pledge page and every other reader
    use pledges.translations.for_language(). Both choose the same."""
    from pledges.translations.queries import for_language
    from pledges.viewer.queries import result_page

    current = public_pledge(title="Current")
    translate(current, "de", "Aktuell", "Aktueller Text.")
    hidden = public_pledge(title="Hidden")
    translate(hidden, "de", "Versteckt", "Versteckt.", hidden=True)
    outdated = public_pledge(title="Outdated")
    translate(outdated, "de", "Veraltet", "Veraltet.")
    Pledge.objects.filter(pk=outdated.pk).update(summary="A new wording.")
    refresh_pledges([outdated.pk])
    own = public_pledge(title="Own language")  # English, "translated" into English
    translate(own, "en", "Own language again", "Text.")
    untranslated = public_pledge(title="Untranslated")
    pledges = [current, hidden, outdated, own, untranslated, french]

    for language in ("de", "en", "fr"):
        rows = {
            row["pledge_id"]: row
            for row in result_page(
                lambda: PledgeCard.objects.filter(pledge__in=pledges),
                sort="newest",
                search="",
                offset=0,
                limit=20,
                language=language,
            )
        }
        assert set(rows) == {pledge.pk for pledge in pledges}
        for pledge in pledges:
            pledge.refresh_from_db()
            expected = for_language(pledge, language)
            row = rows[pledge.pk]
            assert row["pledge_language"] == pledge.language
            if expected.is_original:
                assert (row["translated_title"], row["translated_summary"]) == (None, None)
            else:
                assert (row["translated_title"], row["translated_summary"]) == (
                    expected.title,
                    expected.summary,
                )
