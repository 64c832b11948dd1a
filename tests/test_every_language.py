"""Every public page and every form (sent with errors), in each of the
interface's languages: the page says its language (``<html lang>``), answers
without a server error, and shows no interface string left in English.

"Left in English": a visible text (a text node, or an ``alt``, ``title``,
``aria-label`` or ``placeholder``) that is a msgid of a catalogue the pages
read (the portal's, Django's, allauth's, django-countries') and that the
English rendering of the same page shows too, unless the language's catalogue
translates it as itself on purpose (German "Name", "Status"). Text inside
``<script>``, ``<style>``, ``<code>`` and elements marked with another
language (the language switcher's names, user content) is not interface text.

The site is built once for the module inside a transaction that is rolled
back at the end, so every language sees the same rows and the English
renderings are made once.
"""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import django
import django_countries
import pytest
from allauth import __file__ as allauth_file
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "template", "svg"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


# --- reading catalogues ------------------------------------------------------


def po_entries(path: Path) -> dict[str, str]:
    """``{msgid: msgstr}`` of a .po file (singular forms; fuzzy and obsolete
    entries left out), whitespace collapsed as a page shows it."""
    entries: dict[str, str] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            continue
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
                continue
            keyword, _space, value = line.partition(" ")
            if keyword in {"msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[0]"}:
                current = keyword
                fields[current] = ast.literal_eval(value)
        msgid = collapse(fields.get("msgid", ""))
        if msgid:
            entries[msgid] = collapse(fields.get("msgstr", fields.get("msgstr[0]", "")))
    return entries


def collapse(text: str) -> str:
    return " ".join(text.split())


def locale_dirs() -> list[Path]:
    """Where the pages' catalogues are: the portal's (``LOCALE_PATHS``), Django's,
    allauth's and django-countries'."""
    django_root = Path(django.__file__).parent
    return [
        *map(Path, settings.LOCALE_PATHS),
        django_root / "conf" / "locale",
        django_root / "contrib" / "auth" / "locale",
        Path(allauth_file).parent / "locale",
        Path(django_countries.__file__).parent / "locale",
    ]


def catalogue(localedir: Path, language: str) -> dict[str, str]:
    """The catalogue gettext reads for ``language`` in ``localedir`` ("pt" finds
    "pt_PT"), as ``po_entries``; empty if there is none."""
    found = gettext.find("django", str(localedir), [to_locale(language)])
    return po_entries(Path(found).with_suffix(".po")) if found else {}


def interface_msgids() -> frozenset[str]:
    """Every msgid the pages may show: the portal's and its libraries' (every
    catalogue of a folder has the same msgids: the French one is read)."""
    msgids: set[str] = set()
    for localedir in locale_dirs():
        msgids |= catalogue(localedir, "fr").keys()
    # Words too short to tell interface from data ("OK", "EU", "2", "·").
    return frozenset(m for m in msgids if len(m) > 2 and re.search(r"[^\W\d_]", m))


def same_on_purpose(language: str) -> frozenset[str]:
    """Msgids a catalogue for ``language`` translates as themselves (German
    "Name", Portuguese "Portugal", Maltese "Malta")."""
    same: set[str] = set()
    for localedir in locale_dirs():
        same |= {m for m, s in catalogue(localedir, language).items() if s == m}
    return frozenset(same)


# --- reading pages -----------------------------------------------------------


class TextParser(HTMLParser):
    """The interface texts of a page, and its ``<html lang>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.texts: list[str] = []
        # (tag, hidden): hidden when the element or one around it is not
        # interface text in the page's language.
        self.stack: list[tuple[str, bool]] = []

    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        lang = attributes.get("lang")
        hidden = (
            self.hidden()
            or tag in SKIPPED_ELEMENTS
            or (tag != "html" and lang is not None and lang != self.lang)
        )
        if not hidden:
            for name in TEXT_ATTRIBUTES:
                if attributes.get(name):
                    self.texts.append(collapse(attributes[name]))
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.pop()

    def handle_endtag(self, tag):
        # An element closed implicitly (a <p> before a <div>) closes with its parent.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        text = collapse(data)
        if text and not self.hidden():
            self.texts.append(text)


def page_texts(html: str) -> tuple[str | None, list[str]]:
    parser = TextParser()
    parser.feed(html)
    parser.close()
    return parser.lang, parser.texts


PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[sd]")


def msgid_pattern(msgids: frozenset[str], same: frozenset[str] = frozenset()) -> re.Pattern:
    """One expression that matches a text written by an English msgid with
    placeholders ("Target for the indicator “%(indicator)s”." matches "Target
    for the indicator “Personnes atteintes”."): the wording of such a string
    differs from page to page, so it is not compared with the English page.
    Only msgids with two words or more of their own are kept."""
    alternatives = []
    for msgid in sorted(msgids - same):
        if not PLACEHOLDER.search(msgid):
            continue
        literals = [part.replace("%%", "%") for part in PLACEHOLDER.split(msgid)]
        if len(re.findall(r"[^\W\d_]{2,}", " ".join(literals))) < 2:
            continue
        alternatives.append(".+?".join(re.escape(part) for part in literals))
    return re.compile("|".join(alternatives) or "(?!)")


def untranslated(
    page: str,
    english: str,
    msgids: frozenset[str],
    same: frozenset[str] = frozenset(),
    pattern: re.Pattern | None = None,
) -> list[str]:
    """The interface strings ``page`` shows as the English rendering does, and
    those it writes with an English msgid's wording (``pattern``)."""
    english_texts = set(page_texts(english)[1])
    return sorted(
        {
            text
            for text in page_texts(page)[1]
            if (text in msgids and text in english_texts and text not in same)
            or (pattern is not None and pattern.fullmatch(text))
        }
    )


# --- the comparison itself, checked ------------------------------------------

ENGLISH = '<html lang="en"><body><h1>Pledge Viewer</h1><p>Find pledges</p></body></html>'


def test_a_string_left_in_english_is_found():
    msgids = frozenset({"Pledge Viewer", "Find pledges"})
    french = '<html lang="fr"><body><h1>Visualiseur</h1><p>Find pledges</p></body></html>'

    assert untranslated(french, ENGLISH, msgids) == ["Find pledges"]


def test_a_translated_page_passes():
    msgids = frozenset({"Pledge Viewer", "Find pledges"})
    french = (
        '<html lang="fr"><body><h1>Visualiseur</h1><p>Trouver des engagements</p></body></html>'
    )

    assert untranslated(french, ENGLISH, msgids) == []


def test_attributes_are_interface_text_too():
    msgids = frozenset({"Close the menu"})
    english = '<html lang="en"><button aria-label="Close the menu">×</button></html>'
    german = '<html lang="de"><button aria-label="Close the menu">×</button></html>'

    assert untranslated(german, english, msgids) == ["Close the menu"]


def test_text_marked_with_another_language_and_code_are_not_interface_text():
    msgids = frozenset({"English", "Find pledges", "Digital skills week"})
    english = (
        '<html lang="en"><a lang="en" href="/en/">English</a><code>Find pledges</code>'
        '<article lang="en"><h2>Digital skills week</h2><p>Hi</p></article></html>'
    )
    french = english.replace('<html lang="en">', '<html lang="fr">')

    assert untranslated(french, english, msgids) == []


def test_a_string_translated_as_itself_on_purpose_is_not_reported():
    msgids = frozenset({"Status"})
    english = '<html lang="en"><th>Status</th></html>'
    german = '<html lang="de"><th>Status</th></html>'

    assert untranslated(german, english, msgids, same=frozenset({"Status"})) == []
    assert untranslated(german, english, msgids) == ["Status"]


def test_a_string_written_with_an_english_msgid_is_found():
    msgids = frozenset({"Target for the indicator “%(indicator)s”.", "%(count)s"})
    pattern = msgid_pattern(msgids)
    english = '<html lang="en"><td>Target for the indicator “People reached”.</td></html>'
    french = '<html lang="fr"><td>Target for the indicator “Personnes atteintes”.</td></html>'
    translated = '<html lang="fr"><td>Objectif de l’indicateur « Personnes atteintes ».</td></html>'

    assert untranslated(french, english, msgids, pattern=pattern) == [
        "Target for the indicator “Personnes atteintes”."
    ]
    assert untranslated(translated, english, msgids, pattern=pattern) == []
    assert not pattern.fullmatch("12")  # a msgid of placeholders alone matches nothing


def test_the_interface_msgids_hold_the_portals_and_its_libraries():
    msgids = interface_msgids()

    assert "Skip to main content" in msgids  # the portal's
    assert "This field is required." in msgids  # Django's
    assert "Forgot your password?" in msgids or "Forgot Password?" in msgids  # allauth's
    assert "Belgium" in msgids  # django-countries'


# --- the site ----------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    path: str  # without the language: /{language}{path}
    method: str = "get"
    user: bool = False  # as the organisation's signed-in admin
    status: int = 200
    form: int = 0  # which of the page's forms to send
    button: str | None = None  # the name of the button that sends it


def build_site() -> list[Request]:
    """Something of every kind, and the requests that show every page and form."""
    from national.models import Kind
    from pledges import services as pledge_services
    from pledges.models import Indicator
    from pledges.scoreboards import services as scoreboard_services
    from tests.members.factories import VerifiedUserFactory
    from tests.national.factories import ItemFactory, NationalCoalitionFactory
    from tests.pledges.factories import (
        IndicatorFactory,
        InitiativeFactory,
        MemberOrganisationFactory,
        PledgeFactory,
    )
    from tests.pledges.viewer.factories import public_pledge

    admin = VerifiedUserFactory(email="ana@ghent.example.org", first_name="Ana")
    moderator = VerifiedUserFactory(email="moderator@example.eu", is_staff=True)
    ghent = MemberOrganisationFactory(name="Ghent Digital Academy", slug="ghent", country="BE")
    ghent.team.create(user=admin, role="admin")
    newcomer = MemberOrganisationFactory(
        name="Lisbon Coders", slug="lisbon", country="PT", member_since=None
    )
    newcomer.team.create(user=admin, role="admin")
    draft = PledgeFactory(organisation=ghent, title="Coding clubs", created_by=admin)
    initiative = InitiativeFactory(pledge=draft, title="Weekly clubs")
    IndicatorFactory(initiative=initiative)
    approved = PledgeFactory(
        organisation=ghent,
        title="Digital skills for seniors",
        start_date=timezone.localdate().replace(month=1, day=1),
    )
    IndicatorFactory(
        initiative=InitiativeFactory(pledge=approved),
        kind=Indicator.Kind.PEOPLE_REACHED,
        target=1417,
    )
    pledge_services.pledge_submit(pledge=approved, actor=admin, declaration=True)
    pledge_services.pledge_approve(pledge=approved, actor=moderator)
    public_pledge(title="Robotics for pupils", countries=("FR",), achieved={"people-reached": 30})
    scoreboard = scoreboard_services.scoreboard_create(
        organisation=ghent, user=admin, name="Our comparison"
    )
    scoreboard_services.scoreboard_add_pledges(scoreboard=scoreboard, pledge_ids=[approved.pk])
    token = scoreboard_services.scoreboard_share(scoreboard=scoreboard, now=timezone.now())
    france = NationalCoalitionFactory(country="FR", name="Coalition numérique française")
    event = ItemFactory(
        coalition=france, kind=Kind.EVENT, title="Semaine du code à Lyon", location="Lyon"
    )
    ItemFactory(coalition=france, kind=Kind.NEWS, title="Nouveaux partenaires")

    org = "/organisations/ghent"
    mine = f"{org}/pledges"
    return [
        Request("/"),
        Request("/about/"),
        *(Request(f"/pillars/{slug}/") for slug in ("for-all", "education")),
        Request("/accessibility/"),
        Request("/privacy/"),
        Request("/contact/"),
        Request("/become-a-pledger/"),
        Request("/members/"),
        Request("/members/?country=BE&sector=private"),
        Request(f"{org}/"),
        Request("/pledges/"),
        Request("/pledges/?country=FR&pillar=education&q=robotics&status=approved"),
        Request(f"/pledges/{approved.pk}/"),
        Request("/pledges/countries/FR/"),
        Request("/pledges/data/"),
        Request(f"/scoreboards/shared/{token}/"),
        Request("/national-coalitions/"),
        Request("/national-coalitions/content/"),
        Request(f"/national-coalitions/items/{event.pk}/"),
        Request("/" + france.get_absolute_url().split("/", 2)[2]),
        Request("/accounts/login/", "post"),
        Request("/accounts/signup/", "post"),
        Request("/accounts/password/reset/", "post"),
        Request("/my/", user=True),
        Request("/accounts/email/", "post", user=True, button="action_add"),
        Request("/accounts/password/change/", "post", user=True),
        Request("/organisations/new/", "post", user=True),
        Request(f"{org}/edit/", "post", user=True),
        Request("/organisations/lisbon/membership/", user=True),
        Request(f"{mine}/new/", "post", user=True),
        Request(f"{mine}/{draft.pk}/edit/", "post", user=True),
        Request(f"{mine}/{draft.pk}/initiatives/new/", "post", user=True),
        Request(f"{mine}/{draft.pk}/initiatives/{initiative.pk}/edit/", user=True),
        Request(f"{mine}/{approved.pk}/reports/new/", "post", user=True),
        Request(f"{org}/scoreboards/", "post", user=True),
        Request(f"{org}/scoreboards/{scoreboard.pk}/", user=True),
        Request("/no-such-page/", status=404),
    ]


class FormParser(HTMLParser):
    """The ``index``-th ``<form method="post">`` inside ``<main>``: its action and
    hidden fields."""

    def __init__(self, index: int = 0) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = index
        self.in_main = self.in_form = self.done = False
        self.action: str | None = None
        self.hidden: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif tag == "form" and self.in_main and not self.done:
            if (attributes.get("method") or "").lower() == "post":
                if self.skip:
                    self.skip -= 1
                    return
                self.in_form = True
                self.action = attributes.get("action") or None
        elif tag == "input" and self.in_form and attributes.get("type") == "hidden":
            self.hidden[attributes.get("name") or ""] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def send(client: Client, language: str, request: Request, forms: dict) -> str:
    """The page, or for a form the answer to sending it as a person who fills in
    nothing would (its hidden fields only: a formset's management form, the
    CSRF token). ``forms`` keeps each form's fields as the English page has them
    (the same in every language), so other languages do not ask for the page."""
    path = f"/{language}{request.path}"
    if request.method == "post":
        if request not in forms:
            form = FormParser(request.form)
            form.feed(client.get(path).text)
            assert form.done, f"{path} has no form to send"
            action = (form.action or path).removeprefix(f"/{language}/")
            forms[request] = (
                action,
                form.hidden | ({request.button: ""} if request.button else {}),
            )
        action, data = forms[request]
        response = client.post(f"/{language}/{action.lstrip('/')}", data)
    else:
        response = client.get(path)
    # A form sent with errors answers 200 or 400 (Bad Request), never 500.
    expected = {200, 400} if request.method == "post" else {request.status}
    assert response.status_code in expected, f"{path} answered {response.status_code}"
    return response.text


def error_pages(language: str) -> dict[str, str]:
    """The 403 (a form without its CSRF token) and 429 (too many sign-in tries) pages."""
    login = f"/{language}/accounts/login/"
    refused = Client(enforce_csrf_checks=True).post(login)
    assert refused.status_code == 403
    too_many = Client()
    with override_settings(ACCOUNT_RATE_LIMITS={**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}):
        too_many.post(login, {"login": "ana@example.org", "password": "wrong"})
        limited = too_many.post(login, {"login": "ana@example.org", "password": "wrong"})
    assert limited.status_code == 429
    return {"403": refused.text, "429": limited.text}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The requests and their English renderings, on one set of rows."""
    from django.core.cache import cache

    from coalition.models import Pillar, PillarTranslation
    from coalition.pillar_translations import ensure_pillar_translations
    from coalition.pillars import ensure_pillars
    from members.models import User

    with django_db_blocker.unblock(), transaction.atomic():
        # The tests of a whole run that flush the database (the browser's) take
        # the pillars a data migration made with them.
        ensure_pillars(Pillar)
        ensure_pillar_translations(Pillar, PillarTranslation)
        requests = build_site()
        user = User.objects.get(email="ana@ghent.example.org")
        english = {}
        anonymous, signed_in = Client(), Client()
        signed_in.force_login(user)
        forms: dict = {}
        for request in requests:
            client = signed_in if request.user else anonymous
            english[request] = send(client, "en", request, forms)
        cache.clear()
        english |= error_pages("en")
        yield {"requests": requests, "english": english, "user": user, "forms": forms}
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def msgids() -> frozenset[str]:
    return interface_msgids()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_and_form_is_in_the_language_asked_for(
    site, msgids, django_db_blocker, language
):
    same = same_on_purpose(language)
    pattern = msgid_pattern(msgids, same)
    anonymous, signed_in = Client(), Client()
    problems = []
    with django_db_blocker.unblock():
        signed_in.force_login(site["user"])
        pages = {
            request: send(
                signed_in if request.user else anonymous, language, request, site["forms"]
            )
            for request in site["requests"]
        }
        pages |= error_pages(language)
    for request, html in pages.items():
        name = request if isinstance(request, str) else f"{request.method} {request.path}"
        lang, _texts = page_texts(html)
        if lang != language:
            problems.append(f"{name}: <html lang={lang!r}>")
        if language != "en":
            left = untranslated(html, site["english"][request], msgids, same, pattern)
            problems += [f"{name}: “{text}”" for text in left]

    assert problems == [], f"{language}:\n" + "\n".join(problems)
