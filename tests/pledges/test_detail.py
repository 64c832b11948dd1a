import datetime
import re
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from members.services import membership_decide, organisation_update
from pledges import services
from pledges.models import Indicator, Pledge, ProgressReport
from pledges.scoreboards.services import scoreboard_create
from pledges.viewer.read_model import refresh_pledges
from tests.members.factories import MembershipApplicationFactory
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    OrganisationFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    UserFactory,
    complete_pledge,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def capture_commits(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def url(pledge):
    return reverse("pledges:detail", kwargs={"pk": pledge.pk})


def test_it_shows_an_approved_pledge_to_anyone(client):
    pledge = complete_pledge(approved=True, title="Coding for every school")

    response = client.get(url(pledge))

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert "Coding for every school" in response.text
    assert pledge.organisation.name in response.text
    assert "Education" in response.text  # the initiative's pillar
    assert "Belgium, Netherlands" in response.text
    assert "Workflow history" not in response.text
    assert "Not public." not in response.text


@pytest.mark.parametrize(
    "status",
    [
        Pledge.Status.DRAFT,
        Pledge.Status.SUBMITTED,
        Pledge.Status.CHANGES_REQUESTED,
        Pledge.Status.REJECTED,
        Pledge.Status.WITHDRAWN,
    ],
)
def test_it_answers_404_for_pledges_that_are_not_public(status, client, outsider_client):
    pledge = complete_pledge(status=status)

    assert client.get(url(pledge)).status_code == 404
    assert outsider_client.get(url(pledge)).status_code == 404


def test_it_answers_404_for_a_revision_to_the_public(client, editor):
    public = complete_pledge(organisation=editor.organisations.get(), approved=True)
    revision = PledgeFactory(organisation=public.organisation, revision_of=public)

    assert client.get(url(revision)).status_code == 404


def test_it_shows_the_team_its_pledge_before_it_is_public_with_a_banner(editor_client, editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), submitted=True)

    response = editor_client.get(url(pledge))

    assert response.status_code == 200
    assert "Not public." in response.text
    assert "Submitted for review" in response.text


def test_it_shows_achieved_against_target_and_not_yet_reported(client):
    pledge = complete_pledge(approved=True)
    reported = Indicator.objects.get()
    IndicatorFactory(initiative=reported.initiative, kind=Indicator.Kind.CERTIFICATIONS, target=40)
    approved = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=approved, indicator=reported, value=250)
    pending = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.SUBMITTED)
    ReportedValueFactory(report=pending, indicator=reported, value=999)

    response = client.get(url(pledge))

    assert "250 of 1,000 (25%)" in response.text
    assert "Target 40" in response.text
    assert "not yet reported" in response.text
    # Pending reports do not count nor show (the page's ids may hold "999": the
    # figures are what must not).
    assert "1,249" not in response.text
    assert "<strong>999</strong>" not in response.text
    assert "<strong>250</strong>" in response.text  # how the approved value shows


def breakdown_of(html: str, label: str) -> str:
    """The text of the breakdown that follows an indicator's label, tags removed."""
    start = html.index("pledge-initiatives-heading")  # the initiatives' indicators
    part = html[html.index(f'<p class="portal-progress__label">{label}</p>', start) :]
    part = part[part.index('<dl class="portal-indicator-breakdown">') :]
    part = part[: part.index("</dl>")]
    return " ".join(re.sub(r"<[^>]+>", " ", part).split())


def test_it_shows_each_people_indicators_breakdown_or_not_recorded(client):
    pledge = complete_pledge(approved=True)
    people = Indicator.objects.get()
    initiative = people.initiative
    certifications = IndicatorFactory(initiative=initiative, kind=Indicator.Kind.CERTIFICATIONS)
    courses = IndicatorFactory(initiative=initiative, kind=Indicator.Kind.NEW_COURSES)
    placements = IndicatorFactory(initiative=initiative, kind=Indicator.Kind.PLACEMENTS)
    first = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    second = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    pending = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.SUBMITTED)
    ages = {"age_under_25": 1200, "age_25_to_54": 30, "age_55_and_over": 0}
    ReportedValueFactory(
        report=first,
        indicator=people,
        value=1250,
        women=700,
        men=500,
        gender_other=50,
        **ages,
        age_not_recorded=20,
    )
    ReportedValueFactory(report=second, indicator=people, value=10)  # no breakdown
    ReportedValueFactory(report=first, indicator=certifications, value=9)
    ReportedValueFactory(report=first, indicator=courses, value=2)
    ReportedValueFactory(
        report=pending, indicator=placements, value=4, women=4, men=0, gender_other=0
    )

    html = client.get(url(pledge)).text

    # Values given without a breakdown count as not recorded: 50 + 10, 20 + 10.
    assert breakdown_of(html, "People reached") == (
        "Gender Women: 700 Men: 500 Other or not recorded: 60 "
        "Age Under 25: 1,200 25 to 54: 30 55 and over: 0 Not recorded: 30"
    )
    assert breakdown_of(html, "Certifications issued") == "Gender not recorded Age not recorded"
    assert html.count('<dl class="portal-indicator-breakdown">') == 2  # not courses, nor pending


@pytest.mark.parametrize(("language", "colon"), [("en", ":"), ("fr", "\xa0:"), ("de", ":")])
def test_a_reports_values_follow_their_label_as_the_language_writes_it(client, language, colon):
    pledge = complete_pledge(approved=True)
    indicator = Indicator.objects.get()
    report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=report, indicator=indicator, value=250)

    with translation.override(language):
        response = client.get(url(pledge))
        label = str(indicator)

    assert f"<li>{label}{colon} <strong>250</strong></li>" in response.text


def test_a_reports_values_name_their_initiative_when_the_pledge_has_several(client):
    pledge = complete_pledge(approved=True)
    first = Indicator.objects.get()
    second = IndicatorFactory(
        initiative=InitiativeFactory(pledge=pledge, title="Coding <club>"), kind=first.kind
    )
    report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=report, indicator=first, value=250)
    ReportedValueFactory(report=report, indicator=second, value=75)

    response = client.get(url(pledge))

    values = re.search(r'<ul class="portal-report-values">(.*?)</ul>', response.text, re.S)
    # the initiative's title in a span of its own, marked when in another language
    title = first.initiative.title
    assert f"<li>{first} (<span>{title}</span>): <strong>250</strong></li>" in values[1]
    assert f"<li>{second} (<span>Coding &lt;club&gt;</span>): <strong>75</strong></li>" in values[1]


@pytest.mark.parametrize(
    ("language", "progress"),
    [
        ("en", "250 of 1,000 (25%)"),
        ("fr", "250 sur 1\xa0000 (25\xa0%)"),
        ("de", "250 von 1.000 (25\xa0%)"),
    ],
)
def test_progress_is_written_as_the_language_writes_numbers_and_percentages(
    client, language, progress
):
    pledge = complete_pledge(approved=True)
    report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=report, indicator=Indicator.objects.get(), value=250)

    with translation.override(language):
        response = client.get(url(pledge))

    assert progress in response.text


def initiative_article(html, initiative):
    """The <article> of one initiative on the page."""
    match = re.search(
        rf'<article class="portal-initiative" aria-labelledby="initiative-{initiative.pk}">'
        r"(.*?)</article>",
        html,
        re.S,
    )
    assert match, f"no article for initiative {initiative.pk}"
    return match.group(1)


def test_it_shows_each_initiative_with_its_facts_escaped(client):
    pledge = complete_pledge(approved=True)
    initiative = Indicator.objects.get().initiative
    initiative.title = "Code <club> & co"
    initiative.description = "First <b>line</b>\n\nSecond paragraph"
    initiative.link = "https://example.org/" + "a" * 70 + "?x=1&y=2"
    initiative.beneficiary_groups = ["pupils", "teachers"]
    initiative.save()

    article = initiative_article(client.get(url(pledge)).text, initiative)

    assert '<h3 class="ecl-u-type-heading-3" id="initiative-' in article
    assert ">Code &lt;club&gt; &amp; co</h3>" in article
    assert "<p>First &lt;b&gt;line&lt;/b&gt;</p>\n\n<p>Second paragraph</p>" in article
    assert "<dt>For</dt><dd>Primary and secondary pupils, Teachers and educators</dd>" in article
    # The link whole in href, its text cut at 60 characters, the title for screen readers.
    assert f'href="{initiative.link.replace("&", "&amp;")}" rel="nofollow noopener"' in article
    assert f">{initiative.link[:59]}…<span" in article
    assert '<span class="portal-visually-hidden"> (Code &lt;club&gt; &amp; co)</span>' in article
    assert '<h4 class="portal-initiative__subheading">Indicators</h4>' in article


def test_an_initiative_without_indicators_or_facts_says_so_in_the_visitors_language(client):
    pledge = PledgeFactory(status=Pledge.Status.APPROVED)
    initiative = InitiativeFactory(
        pledge=pledge, countries=[], eu_wide=True, beneficiary_groups=[], action_types=[]
    )
    initiative.pillars.clear()

    with translation.override("fr"):
        page = client.get(reverse("pledges:detail", kwargs={"pk": pledge.pk}))
    article = initiative_article(page.text, initiative)

    assert "<dt>Piliers</dt><dd>—</dd>" in article
    assert "<dt>Pays</dt><dd>À l'échelle de l'UE</dd>" in article
    assert "<dt>Pour</dt>" not in article
    assert "<p>Pas encore d'indicateur.</p>" in article
    assert "portal-initiative__subheading" not in article


def test_it_answers_405_to_a_post(client):
    pledge = complete_pledge(approved=True)

    assert client.post(url(pledge)).status_code == 405


def test_it_answers_404_for_an_unknown_pledge(client):
    assert client.get(reverse("pledges:detail", kwargs={"pk": 999999})).status_code == 404


@pytest.mark.parametrize("size", [1, 8])
def test_its_query_count_does_not_grow_with_the_content(size, client, django_assert_num_queries):
    pledge = complete_pledge(
        approved=True, approved_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    for _ in range(size):
        initiative = InitiativeFactory(pledge=pledge)
        report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
        for kind in (Indicator.Kind.PEOPLE_REACHED, Indicator.Kind.NEW_COURSES):
            indicator = IndicatorFactory(initiative=initiative, kind=kind)
            ReportedValueFactory(report=report, indicator=indicator, value=5)
        # A breakdown shown for each: no query of its own.
        indicator = IndicatorFactory(initiative=initiative, kind=Indicator.Kind.CERTIFICATIONS)
        ReportedValueFactory(
            report=report, indicator=indicator, value=5, women=3, men=2, gender_other=0
        )

    # The whole content, the badges and the navigation's pillars included, in
    # one statement: pledges.page_content.public.
    with django_assert_num_queries(1):
        response = client.get(url(pledge))

    assert response.status_code == 200
    assert response.text.count('class="portal-indicator-breakdown"') == 2 * size


def test_it_shows_the_organisation_badges_and_reached_targets(client):
    pledge = complete_pledge(approved=True)
    report = ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.APPROVED,
        decided_at=datetime.datetime.now(tz=datetime.UTC),
    )
    ReportedValueFactory(report=report, indicator=Indicator.objects.get(), value=1000)
    refresh_pledges([pledge.pk])  # as report_approve() does: the Achiever badge reads it

    response = client.get(url(pledge))

    assert "All targets reached" in response.text
    assert [b.slug for b in response.context["badges"]] == [
        "member",
        "pledger",
        "reporter",
        "achiever",
    ]


def test_it_includes_the_share_partial(client):
    pledge = complete_pledge(approved=True)

    response = client.get(url(pledge))

    assert "pledges/includes/pledge_share.html" in [t.name for t in response.templates]


def test_the_share_links_carry_the_address_and_title_quoted(client):
    pledge = complete_pledge(approved=True, title="Code & create: 100% fun")

    response = client.get(url(pledge))

    address = f"http://testserver/en/pledges/{pledge.pk}/"
    quoted = quote(address)
    assert f'href="mailto:?subject=Code%20%26%20create%3A%20100%25%20fun&amp;body={quoted}"' in (
        response.text
    )
    assert f'href="https://www.linkedin.com/sharing/share-offsite/?url={quoted}"' in response.text
    assert f'href="https://x.com/intent/post?url={quoted}&amp;text=Code%20%26%20create' in (
        response.text
    )
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={quoted}"' in response.text
    assert f'value="{address}" readonly' in response.text


@pytest.mark.parametrize(
    ("language", "count", "heading"),
    [
        ("en", 1, "Initiative"),
        ("en", 3, "Initiatives (3)"),
        ("fr", 1, "Initiative"),
        ("de", 2, "Initiativen (2)"),
    ],
)
def test_the_initiatives_heading_counts_them_in_the_language(client, language, count, heading):
    pledge = PledgeFactory(approved=True)
    for _ in range(count):
        IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))

    with translation.override(language):
        response = client.get(url(pledge))

    assert f'id="pledge-initiatives-heading">{heading}</h2>' in response.text


def test_moderators_may_look_at_a_pledge_before_it_is_public(client, moderator):
    pledge = complete_pledge(submitted=True)
    client.force_login(moderator)

    response = client.get(url(pledge))

    assert response.status_code == 200
    assert "Not public." in response.text
    assert "Workflow history" not in response.text  # that is the team's page


# --- The page cached for anonymous visitors (coalition.caching.public_page) -------


def kept(client, pledge) -> str:
    """Visit the page as a plain anonymous visitor, and check that the next visit
    comes from the cache (no query); returns that page."""
    client.get(url(pledge))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(pledge))
    assert len(queries) == 0, "the second visit comes from the cache"
    return response.text


def test_an_anonymous_visitor_gets_the_cached_page_without_a_query(
    client, django_assert_num_queries
):
    pledge = complete_pledge(approved=True, title="Coding for every school")
    first = client.get(url(pledge))

    with django_assert_num_queries(0):
        second = client.get(url(pledge))

    assert second.status_code == 200
    assert second.text == first.text
    assert "Coding for every school" in second.text


def test_browsers_and_proxies_may_keep_the_anonymous_page_but_must_revalidate(client):
    pledge = complete_pledge(approved=True)

    response = client.get(url(pledge))

    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "must-revalidate"}
    assert "Cookie" in response["Vary"]


def test_the_page_for_a_signed_in_visitor_is_private(editor_client, editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)

    response = editor_client.get(url(pledge))

    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert "private" in directives
    assert "public" not in directives


def test_the_anonymous_page_holds_no_csrf_token_and_sets_no_cookie(client):
    pledge = complete_pledge(approved=True)

    response = client.get(url(pledge))

    assert "csrfmiddlewaretoken" not in response.text  # the language switcher is links
    assert not response.cookies


def test_the_cached_page_is_per_language(client):
    pledge = complete_pledge(approved=True)
    kept(client, pledge)

    with translation.override("fr"):  # the request activates French: leave it here
        response = client.get(f"/fr/pledges/{pledge.pk}/")

    assert '<html lang="fr">' in response.text
    assert "Rapports d'avancement" in response.text
    assert "Progress reports" not in response.text


def test_an_approved_report_shows_at_once(client, editor, moderator, capture_commits):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    indicator = Indicator.objects.get()
    assert "No progress reported yet." in kept(client, pledge)
    with capture_commits(execute=True):
        report = services.report_submit(
            pledge=pledge,
            actor=editor,
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 3, 31),
            narrative="Three schools joined.",
            values={indicator.pk: 4321},
        )
    assert "Three schools joined." not in client.get(url(pledge)).text  # not approved yet

    with capture_commits(execute=True):
        services.report_approve(report=report, actor=moderator)

    response = client.get(url(pledge))
    assert "Three schools joined." in response.text
    assert "4,321" in response.text


def test_an_approved_revision_shows_at_once(client, editor, moderator, capture_commits):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    kept(client, pledge)
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_update(pledge=revision, actor=editor, title="A better title")
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)
    assert "A better title" not in client.get(url(pledge)).text

    with capture_commits(execute=True):
        services.pledge_approve(pledge=revision, actor=moderator)

    assert "A better title" in client.get(url(pledge)).text


def test_a_renamed_organisation_shows_at_once(client, capture_commits):
    pledge = complete_pledge(approved=True)
    partner = OrganisationFactory(name="Old Partner Name")
    pledge.partners.add(partner)
    kept(client, pledge)

    with capture_commits(execute=True):
        organisation_update(organisation=pledge.organisation, data={"name": "New Owner Name"})
        organisation_update(organisation=partner, data={"name": "New Partner Name"})

    response = client.get(url(pledge))
    assert "New Owner Name" in response.text
    assert "New Partner Name" in response.text
    assert "Old Partner Name" not in response.text


def test_a_withdrawn_pledge_is_gone_at_once(client, editor, capture_commits):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    kept(client, pledge)

    with capture_commits(execute=True):
        services.pledge_withdraw(pledge=pledge, actor=editor)

    assert client.get(url(pledge)).status_code == 404


def test_a_pledge_gone_inactive_shows_it_at_once(client, capture_commits):
    pledge = complete_pledge(
        approved=True, approved_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    kept(client, pledge)

    with capture_commits(execute=True):
        services.reminders_run(now=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))

    assert "Inactive since" in client.get(url(pledge)).text


def test_the_team_still_sees_its_banner_and_history_after_an_anonymous_visit(client, editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    assert "Manage this pledge" not in kept(client, pledge)

    client.force_login(editor)
    response = client.get(url(pledge))

    assert "Manage this pledge" in response.text


def test_the_team_view_is_never_kept_for_anonymous_visitors(client, editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    client.force_login(editor)
    client.get(url(pledge))
    client.logout()

    response = client.get(url(pledge))

    assert "Manage this pledge" not in response.text
    assert "Workflow history" not in response.text


def test_a_signed_in_visitors_page_with_a_form_is_never_given_to_others(client, editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    scoreboard_create(organisation=editor.organisations.get(), user=editor, name="Schools")
    client.force_login(editor)
    assert "csrfmiddlewaretoken" in client.get(url(pledge)).text  # "Add to scoreboard"
    client.logout()

    response = client.get(url(pledge))

    assert "csrfmiddlewaretoken" not in response.text
    assert "Add to scoreboard" not in response.text


def _csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_new_membership_shows_its_badge_at_once(client, capture_commits):
    organisation = OrganisationFactory(member_since=None)
    pledge = complete_pledge(organisation=organisation, approved=True)
    assert "Coalition member" not in client.get(url(pledge)).text
    application = MembershipApplicationFactory(organisation=organisation)

    with capture_commits(execute=True):
        membership_decide(application=application, decided_by=UserFactory(), accept=True)

    assert "Coalition member" in client.get(url(pledge)).text


def test_a_rename_in_the_admin_shows_at_once(client, admin_client, capture_commits):
    pledge = complete_pledge(approved=True)
    organisation = pledge.organisation
    client.get(url(pledge))
    change = reverse("admin:members_organisation_change", args=[organisation.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value and name != "logo"}
    data |= {"name": "Renamed by the moderators", "slug": organisation.slug}
    data |= {
        f"{prefix}-{key}": 0
        for prefix in _inline_prefixes(admin_client, change)
        for key in ("TOTAL_FORMS", "INITIAL_FORMS")
    }

    with capture_commits(execute=True):
        response = admin_client.post(change, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Renamed by the moderators" in client.get(url(pledge)).text


def _inline_prefixes(admin_client, change_url):
    return [
        formset.formset.prefix
        for formset in admin_client.get(change_url).context["inline_admin_formsets"]
    ]
