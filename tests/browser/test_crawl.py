"""Every kind of page, as each kind of person sees it (a visitor, an
organisation's admin, a national coalition editor, a moderator, a site
administrator), each form also after a failed submission, and the error pages:
axe-core with the WCAG 2.2 A and AA rules finds nothing, the Nu HTML Checker
reports no error, and no page scrolls sideways at 320 px or with its text at
200 %. One browser, one context per person; the Nu HTML Checker runs once, on
every page collected, in one Java process."""

from __future__ import annotations

import datetime
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError

from members import services as member_services
from members.charter import CHARTER_V1_TEXT, CHARTER_V1_TITLE
from members.models import Charter
from members.moderation import ensure_moderators_group
from national.models import Kind
from pledges import services as pledge_services
from pledges.models import Indicator
from pledges.scoreboards import services as scoreboard_services
from pledges.translations import services as translation_services
from tests.browser.conftest import axe_violations
from tests.members.factories import (
    JoinRequestFactory,
    MembershipApplicationFactory,
    VerifiedUserFactory,
)
from tests.national.factories import FeedFactory, ItemFactory, NationalCoalitionFactory
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    MemberOrganisationFactory,
    PledgeFactory,
)
from tests.pledges.viewer.factories import public_pledge

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 800}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The innermost elements that reach past the right edge: what to fix.
TOO_WIDE = """() => {
    const edge = document.documentElement.clientWidth;
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + [...e.classList].slice(0, 2).map(c => '.' + c).join('');
    // A scroll container clips what it holds, not what is positioned out of it.
    const clipped = e => {
        if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return true;
        }
        return false;
    };
    return [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > edge + 1 && !clipped(e))
        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > edge + 1))
        .slice(0, 3)
        .map(e => (e.parentElement ? name(e.parentElement) + ' > ' : '') + name(e));
}"""


@dataclass(frozen=True)
class Visit:
    path: str
    # A form to send as it stands after emptying its text fields (the browser's
    # own checks off): the page that answers shows the errors.
    fail: str | None = None


def main_form(index: int = 0) -> str:
    return f"main form[method=post] >> nth={index}"


def session_cookie(user, url: str) -> list[dict]:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": url}]


def build_portal() -> dict[str, list[Visit]]:
    """A portal with something of every kind, and the pages each person visits."""
    charter = Charter.objects.current() or Charter.objects.create(
        version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT
    )
    now = timezone.now()
    admin = VerifiedUserFactory(email="ana@ghent.example.org", first_name="Ana")
    moderator = VerifiedUserFactory(email="moderator@example.eu", is_staff=True)
    moderator.groups.add(ensure_moderators_group())
    superuser = VerifiedUserFactory(
        email="root@example.eu", is_staff=True, is_superuser=True, first_name="Root"
    )
    national_editor = VerifiedUserFactory(email="editor.fr@national.example.eu")

    ghent = MemberOrganisationFactory(name="Ghent Digital Academy", slug="ghent", country="BE")
    ghent.team.create(user=admin, role="admin")
    ghent.team.create(user=VerifiedUserFactory(email="colleague@ghent.example.org"), role="editor")
    MembershipApplicationFactory(
        organisation=ghent, charter=charter, endorsed_by=admin, status="accepted"
    )
    newcomer = MemberOrganisationFactory(
        name="Lisbon Coders", slug="lisbon", country="PT", member_since=None
    )
    application = MembershipApplicationFactory(organisation=newcomer, charter=charter)
    JoinRequestFactory(organisation=ghent, message="I run the Bruges office.")
    _, invitation_token = member_services.invitation_create(
        organisation=ghent, invited_by=admin, email="new@ghent.example.org", role="editor"
    )

    draft = PledgeFactory(organisation=ghent, title="Coding clubs", created_by=admin)
    initiative = InitiativeFactory(pledge=draft, title="Weekly clubs")
    IndicatorFactory(initiative=initiative)
    approved = PledgeFactory(organisation=ghent, title="Digital skills for seniors")
    IndicatorFactory(
        initiative=InitiativeFactory(pledge=approved), kind=Indicator.Kind.PEOPLE_REACHED
    )
    pledge_services.pledge_submit(pledge=approved, actor=admin, declaration=True)
    pledge_services.pledge_approve(pledge=approved, actor=moderator)
    report = pledge_services.report_submit(
        pledge=approved,
        actor=admin,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        narrative="We trained 400 people.",
        values={approved.initiatives.get().indicators.get().pk: 400},
    )
    translation = translation_services.pledge_translation_save(
        pledge=approved,
        actor=admin,
        language="fr",
        title="Compétences numériques pour les seniors",
        summary="Des ateliers pour les personnes âgées.",
    )
    submitted = PledgeFactory(organisation=ghent, title="Girls who code")
    IndicatorFactory(initiative=InitiativeFactory(pledge=submitted))
    pledge_services.pledge_submit(pledge=submitted, actor=admin, declaration=True)
    for title, country in (("Robotics for pupils", "FR"), ("Cloud traineeships", "DE")):
        public_pledge(title=title, countries=(country,), achieved={"people-reached": 30})
    for number in range(20):  # more than a page of results: the viewer's page numbers
        public_pledge(title=f"Coding clubs, phase {number}", countries=("NL",))
    scoreboard = scoreboard_services.scoreboard_create(
        organisation=ghent, user=admin, name="Our comparison"
    )
    scoreboard_services.scoreboard_add_pledges(scoreboard=scoreboard, pledge_ids=[approved.pk])
    share_token = scoreboard_services.scoreboard_share(scoreboard=scoreboard, now=now)

    france = NationalCoalitionFactory(country="FR", name="Coalition numérique française")
    france.editors.add(national_editor)
    france.partners.add(ghent)
    FeedFactory(coalition=france, kind=Kind.NEWS)
    event = ItemFactory(
        coalition=france,
        kind=Kind.EVENT,
        title="Semaine du code à Lyon",
        starts_on=timezone.localdate() + datetime.timedelta(days=10),
        location="Lyon",
    )
    ItemFactory(coalition=france, kind=Kind.NEWS, title="Nouveaux partenaires")
    for number in range(20):  # more than a page of news
        ItemFactory(coalition=france, kind=Kind.NEWS, title=f"Lettre d’information {number}")

    org = f"/en/organisations/{ghent.slug}"
    pledges = f"{org}/pledges"
    anonymous = [
        Visit("/en/"),
        Visit("/en/about/"),
        Visit("/en/pillars/education/"),
        Visit("/en/accessibility/"),
        Visit("/en/privacy/"),
        Visit("/en/contact/"),
        Visit("/en/accounts/login/", fail=main_form()),
        Visit("/en/accounts/signup/", fail=main_form()),
        Visit("/en/accounts/password/reset/", fail=main_form()),
        Visit("/en/accounts/confirm-email/"),
        Visit("/en/accounts/confirm-email/not-a-key/"),
        Visit("/en/accounts/password/reset/key/1-not-a-key/"),
        Visit("/en/become-a-pledger/"),
        Visit("/en/members/"),
        Visit("/en/members/?country=BE&sector=private"),
        Visit(f"{org}/"),
        Visit(f"/en/invitations/{invitation_token}/"),
        Visit("/en/invitations/not-a-token/"),
        Visit("/en/pledges/"),
        Visit("/en/pledges/?country=FR&pillar=education&q=robotics"),
        Visit("/en/pledges/?page=2"),
        Visit(f"/en/pledges/{approved.pk}/"),
        Visit("/en/pledges/countries/FR/"),
        Visit("/en/pledges/data/"),
        Visit(f"/en/scoreboards/shared/{share_token}/"),
        Visit(f"/en/scoreboards/embed/{share_token}/"),
        Visit("/en/national-coalitions/"),
        Visit("/en/national-coalitions/content/"),
        Visit("/en/national-coalitions/content/event/"),
        Visit("/en/national-coalitions/content/news/?page=2"),
        Visit(f"/en/national-coalitions/items/{event.pk}/"),
        Visit(france.get_absolute_url()),
        Visit("/en/no-such-page/"),
        Visit("/fr/"),
        Visit("/de/pledges/"),
        Visit("/api/v1/docs"),
    ]
    organisation_user = [
        Visit("/en/my/"),
        Visit("/en/my/name/", fail=main_form()),
        Visit("/en/accounts/email/", fail=main_form()),
        Visit("/en/accounts/password/change/", fail=main_form()),
        Visit("/en/my/language/"),
        Visit("/en/my/data/"),
        Visit("/en/my/delete/"),
        Visit("/en/organisations/new/", fail=main_form()),
        Visit(f"{org}/edit/", fail=main_form()),
        Visit(f"/en/organisations/{newcomer.slug}/join/", fail=main_form()),
        Visit(f"{org}/membership/"),
        Visit(f"{org}/team/", fail="main form#invite-form, main form:has([name=email])"),
        Visit(f"{org}/team/hand-over/", fail=main_form()),
        Visit(f"{pledges}/"),
        Visit(f"{pledges}/new/", fail=main_form()),
        Visit(f"{pledges}/badge/"),
        Visit(f"{pledges}/{draft.pk}/"),
        Visit(f"{pledges}/{draft.pk}/edit/", fail=main_form()),
        Visit(f"{pledges}/{draft.pk}/preview/"),
        Visit(f"{pledges}/{draft.pk}/submit/", fail=main_form()),
        Visit(f"{pledges}/{draft.pk}/delete/"),
        Visit(f"{pledges}/{draft.pk}/initiatives/new/", fail=main_form()),
        Visit(f"{pledges}/{draft.pk}/initiatives/{initiative.pk}/edit/"),
        Visit(f"{pledges}/{draft.pk}/initiatives/{initiative.pk}/delete/"),
        Visit(f"{pledges}/{approved.pk}/"),
        Visit(f"{pledges}/{approved.pk}/withdraw/"),
        Visit(f"{pledges}/{approved.pk}/complete/"),
        Visit(f"{pledges}/{approved.pk}/translations/"),
        Visit(f"{pledges}/{approved.pk}/translations/new/", fail=main_form()),
        Visit(f"{pledges}/{approved.pk}/translations/{translation.pk}/edit/", fail=main_form()),
        Visit(f"{pledges}/{approved.pk}/translations/{translation.pk}/delete/"),
        Visit(f"{pledges}/{approved.pk}/reports/new/", fail=main_form()),
        Visit(f"{pledges}/{approved.pk}/reports/{report.pk}/edit/"),
        Visit(f"{pledges}/{submitted.pk}/"),
        Visit(f"{pledges}/reporting/"),
        Visit(f"{pledges}/reporting/upload/"),
        Visit(f"{org}/scoreboards/", fail=main_form()),
        Visit(f"{org}/scoreboards/{scoreboard.pk}/", fail="main form[action$='/edit/']"),
        Visit("/en/pledges/?status=approved"),
        Visit(f"/en/pledges/{approved.pk}/"),
        Visit("/en/accounts/logout/"),
    ]
    editor = [
        Visit("/en/my/"),
        Visit(reverse("national:edit", args=[france.slug]), fail=main_form()),
        Visit(reverse("national:editor_items", args=[france.slug])),
        Visit(reverse("national:item_new", args=[france.slug]), fail=main_form()),
        Visit(reverse("national:item_edit", args=[event.pk]), fail=main_form()),
        Visit(france.get_absolute_url()),
    ]
    admin_pages = "/en/admin"
    moderator_pages = [
        Visit(f"{admin_pages}/"),
        Visit(f"{admin_pages}/members/membershipapplication/"),
        Visit(f"{admin_pages}/members/membershipapplication/{application.pk}/change/"),
        Visit(f"{admin_pages}/members/membershipapplication/{application.pk}/decide/", main_form()),
        Visit(f"{admin_pages}/members/organisation/"),
        Visit(f"{admin_pages}/members/organisation/{ghent.pk}/change/"),
        Visit(f"{admin_pages}/members/charter/"),
        Visit(f"{admin_pages}/pledges/pledge/"),
        Visit(f"{admin_pages}/pledges/pledge/{submitted.pk}/change/"),
        Visit(f"{admin_pages}/pledges/pledge/{submitted.pk}/decide/", fail=main_form()),
        Visit(f"{admin_pages}/pledges/pledge/reporting/"),
        Visit(f"{admin_pages}/pledges/progressreport/"),
        Visit(f"{admin_pages}/pledges/progressreport/{report.pk}/decide/"),
        Visit(f"{admin_pages}/pledges/pledgetransition/"),
        Visit(f"{admin_pages}/national/nationalcoalition/"),
        Visit(f"{admin_pages}/national/nationalcoalition/{france.pk}/change/"),
        Visit(f"{admin_pages}/national/item/"),
        Visit(f"{admin_pages}/national/item/{event.pk}/change/"),
        Visit(f"{admin_pages}/national/feed/"),
    ]
    superuser_pages = [
        Visit(f"{admin_pages}/"),
        Visit(f"{admin_pages}/members/user/"),
        Visit(f"{admin_pages}/members/user/{admin.pk}/change/"),
        Visit(f"{admin_pages}/members/user/add/", fail="#user_form"),
        Visit(f"{admin_pages}/auth/group/add/"),
        Visit(f"{admin_pages}/coalition/pillar/"),
        Visit(f"{admin_pages}/members/charter/add/"),
        Visit(f"{admin_pages}/national/nationalcoalition/add/", fail="#nationalcoalition_form"),
        Visit(f"{admin_pages}/national/digitaldecaderelease/"),
    ]
    assert Group.objects.filter(name="Moderators").exists()
    return {
        "anonymous": anonymous,
        admin.email: organisation_user,
        national_editor.email: editor,
        moderator.email: moderator_pages,
        superuser.email: superuser_pages,
    }


def fail_form(page, selector: str):
    """Send the form with its text fields emptied; the answer, as the browser got it."""
    form = page.locator(selector).first
    form.evaluate(
        """form => {
            form.noValidate = true;
            for (const field of form.querySelectorAll(
                'input:not([type=hidden]):not([type=checkbox]):not([type=radio])'
                + ':not([type=submit]):not([type=file]), textarea')) {
                field.value = '';
            }
        }"""
    )
    with page.expect_navigation() as navigation:
        form.evaluate("form => form.requestSubmit()")
    return navigation.value


def sideways(page) -> list[str]:
    """Where the page scrolls sideways: at 320 px, and with its text at 200 %."""
    problems = []
    page.set_viewport_size(NARROW)
    if (extra := page.evaluate(SIDEWAYS)) > 0:
        problems.append(f"scrolls sideways by {extra} px at 320 px: {page.evaluate(TOO_WIDE)}")
    page.set_viewport_size(WIDE)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    if (extra := page.evaluate(SIDEWAYS)) > 0:
        problems.append(
            f"scrolls sideways by {extra} px with text at 200 %: {page.evaluate(TOO_WIDE)}"
        )
    page.evaluate("() => { document.documentElement.style.removeProperty('font-size'); }")
    return problems


def nu_html_errors(pages: dict[Path, str]) -> list[str]:
    """The Nu HTML Checker's errors on every collected page, in one Java process."""
    if not pages:
        return []
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    by_name = {path.name: label for path, label in pages.items()}
    return [
        f"{by_name.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))}:{m.get('lastLine')}:"
        f" Nu {m['message']}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in messages
    ]


def test_every_page_kind_passes_for_every_kind_of_person(
    browser, live_server, transactional_db, tmp_path
):
    from coalition.models import Pillar
    from coalition.pillars import ensure_pillars
    from members.models import User

    ensure_pillars(Pillar)
    visits = build_portal()
    problems: list[str] = []
    collected: dict[Path, str] = {}

    def check(page, label: str, html: str) -> None:
        page.wait_for_load_state("load")
        problems.extend(f"{label}: axe {v}" for v in axe_violations(page))
        problems.extend(f"{label}: {p}" for p in sideways(page))
        path = tmp_path / f"{len(collected):03d}.html"
        path.write_text(html, encoding="utf-8")
        collected[path] = label

    for person, pages in visits.items():
        context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=WIDE)
        context.set_default_timeout(5_000)
        if person != "anonymous":
            context.add_cookies(session_cookie(User.objects.get(email=person), live_server.url))
        page = context.new_page()
        for visit in pages:
            label = f"{person} {visit.path}"
            try:
                response = page.goto(visit.path)
                check(page, label, response.text())
                if visit.fail:
                    answer = fail_form(page, visit.fail)
                    check(page, f"{label} (sent with errors, {answer.status})", answer.text())
            except PlaywrightError as error:  # one page's trouble, not the whole crawl's
                problems.append(f"{label}: {error.message.splitlines()[0]}")
        if person == "anonymous":  # the page a refused form (no valid CSRF token) gets
            page.goto("/en/accounts/login/")
            page.locator("[name=csrfmiddlewaretoken]").first.evaluate("i => { i.value = 'x'; }")
            answer = fail_form(page, main_form())
            assert answer.status == 403
            check(page, "anonymous CSRF failure", answer.text())
        context.close()

    problems += nu_html_errors(collected)
    assert problems == [], "\n".join(problems)
