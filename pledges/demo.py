"""Demo pledges: a few hundred, in every state, with initiatives, indicators,
progress reports and workflow history, spread over the pillars and the 27
Member States. Deterministic (the caller's seeded random stream, fixed dates)
and idempotent (a pledge is looked up by organisation and title first).

Runs after the members demo (it needs organisations). When no organisation is
a member yet, it accepts about three in four of them itself."""

from __future__ import annotations

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from coalition.demo import MEMBER_STATES
from coalition.models import Pillar
from members.demo import DEMO_PASSWORD  # one password for every demo login
from members.models import Organisation, TeamMembership
from pledges import services
from pledges.models import (
    ActionType,
    BeneficiaryGroup,
    DeliveryMode,
    Indicator,
    Initiative,
    Pledge,
    PledgeTransition,
    ProgressReport,
    ReportedValue,
)
from pledges.reporting.breakdown import takes_breakdown

PLEDGES = 320
# The demo's "today": fixed, so the data does not depend on when it is loaded.
TODAY = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)
EDITOR_EMAIL = "pledger@example.eu"
MODERATOR_EMAIL = "moderator@example.eu"

S = Pledge.Status
STATUS_WEIGHTS = [
    (S.APPROVED, 52),
    (S.COMPLETED, 8),
    (S.SUBMITTED, 10),
    (S.CHANGES_REQUESTED, 7),
    (S.DRAFT, 12),
    (S.REJECTED, 5),
    (S.WITHDRAWN, 6),
]

TOPICS = [
    ("Coding for every school", "coding clubs and computational thinking in schools", "education"),
    ("Digital skills for seniors", "basic digital skills courses for older people", "for-all"),
    (
        "Cybersecurity academy",
        "advanced cybersecurity training and certification",
        "ict-professionals",
    ),
    (
        "Reskilling for digital jobs",
        "reskilling employees and job seekers for digital jobs",
        "labour-force",
    ),
    (
        "Women in tech",
        "mentoring and training to bring more women into ICT careers",
        "ict-professionals",
    ),
    ("Teachers go digital", "training teachers to use digital tools in class", "education"),
    ("Digital SMEs", "helping small businesses adopt digital tools", "labour-force"),
    ("Online safety for families", "awareness-raising on online safety and privacy", "for-all"),
    ("Data and AI skills", "data science and artificial intelligence courses", "ict-professionals"),
    (
        "Digital inclusion hubs",
        "free digital help desks in libraries and community centres",
        "for-all",
    ),
    ("Cloud traineeships", "paid traineeships in cloud engineering", "labour-force"),
    ("Girls who code", "coding camps for girls aged 10 to 16", "education"),
]
INITIATIVE_NAMES = [
    "Weekly clubs",
    "Summer camps",
    "Online course",
    "Train-the-trainer programme",
    "Certification track",
    "Traineeships",
    "Awareness campaign",
    "Job-matching platform",
    "Regional workshops",
]
KIND_TARGETS = {
    Indicator.Kind.PEOPLE_REACHED: (500, 20000),
    Indicator.Kind.TRAINING_PLACES_ONLINE: (100, 5000),
    Indicator.Kind.TRAINING_PLACES_IN_PERSON: (50, 2000),
    Indicator.Kind.TRAINING_PLACES_BLENDED: (50, 2000),
    Indicator.Kind.CERTIFICATIONS: (20, 1500),
    Indicator.Kind.AWARENESS: (1000, 100000),
    Indicator.Kind.PLACEMENTS: (10, 400),
    Indicator.Kind.JOB_VACANCIES: (10, 600),
    Indicator.Kind.NEW_COURSES: (2, 40),
}
EDITOR_STATUSES = (S.APPROVED, S.CHANGES_REQUESTED, S.DRAFT, S.SUBMITTED)
MESSAGES = {
    S.CHANGES_REQUESTED: "Please give a target for each initiative and name the regions.",
    S.REJECTED: "This pledge describes the organisation's usual commercial offer, not a pledge.",
}


def _demo_people() -> tuple[object, object]:
    users = get_user_model().objects
    moderator = users.filter(email=MODERATOR_EMAIL).first()
    if moderator is None:
        moderator = users.create_user(MODERATOR_EMAIL, DEMO_PASSWORD, is_staff=True)
    # The group and its permissions come from the migrations (pledges 0003).
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    editor = users.filter(email=EDITOR_EMAIL).first()
    if editor is None:
        editor = users.create_user(EDITOR_EMAIL, DEMO_PASSWORD)
    for user in (editor, moderator):  # allauth needs a verified address to log in
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    return editor, moderator


def _ensure_members(organisations: list[Organisation]) -> None:
    if any(o.member_since for o in organisations):
        return
    # A stream per organisation: the main stream must not depend on whether this ran.
    for organisation in organisations:
        own = random.Random(f"member-{organisation.slug}")  # noqa: S311 - demo data
        if own.random() < 0.75:
            organisation.member_since = TODAY - datetime.timedelta(days=own.randint(200, 2000))
    Organisation.objects.bulk_update(organisations, ["member_since"])


def _weighted(rng: random.Random, weights):
    return rng.choices([w[0] for w in weights], [w[1] for w in weights])[0]


def seed(rng: random.Random) -> list[str]:
    """Create the demo pledges; return lines to print."""
    organisations = list(Organisation.objects.order_by("slug"))
    if not organisations:
        return ["Pledges: no organisations, no demo pledges."]
    _ensure_members(organisations)
    editor, moderator = _demo_people()
    members = [o for o in organisations if o.member_since]
    others = [o for o in organisations if not o.member_since]
    editor_org = members[0] if members else organisations[0]
    TeamMembership.objects.get_or_create(
        organisation=editor_org, user=editor, defaults={"role": TeamMembership.Role.ADMIN}
    )
    pillars = {p.slug: p for p in Pillar.objects.all()}
    existing = set(Pledge.objects.values_list("organisation_id", "title"))
    batch, used = [], {}
    for index in range(PLEDGES):
        status = _weighted(rng, STATUS_WEIGHTS)
        pool = members if (status != S.DRAFT or not others) and members else others
        organisation = pool[index % len(pool)]
        if index < len(EDITOR_STATUSES):  # the demo editor sees every stage of the work
            organisation, status = editor_org, EDITOR_STATUSES[index]
        topic, what, pillar = TOPICS[rng.randrange(len(TOPICS))]
        country = str(organisation.country)
        used[organisation.pk, topic] = used.get((organisation.pk, topic), 0) + 1
        phase = used[organisation.pk, topic]
        title = topic if phase == 1 else f"{topic} (phase {phase})"
        # Draw everything before the existence check, so the stream stays the same.
        plan = _plan(rng, status, country, pillar, what)
        if (organisation.pk, title) in existing:
            continue
        batch.append((plan, organisation, title, status))
    _create_all(batch, pillars, editor, moderator, editor_org.pk)
    created = len(batch)
    counts = {
        str(label): Pledge.objects.filter(status=value, revision_of__isnull=True).count()
        for value, label in S.choices
    }
    return [
        f"Pledges: {Pledge.objects.filter(revision_of__isnull=True).count()} ({created} new): "
        + ", ".join(f"{n} {label.lower()}" for label, n in counts.items()),
        f"  pledger login: {EDITOR_EMAIL} / {DEMO_PASSWORD} (admin of {editor_org.name})",
        f"  moderator login: {MODERATOR_EMAIL} / {DEMO_PASSWORD} (admin at /en/admin/)",
    ]


def _plan(rng: random.Random, status, country: str, pillar: str, what: str) -> dict:
    today = TODAY.date()
    approved_at = closed_at = None
    if status in (S.APPROVED, S.COMPLETED, S.WITHDRAWN):
        # A completed pledge ran for a year at least, from its approval on.
        earliest = 500 if status == S.COMPLETED else 30
        days = rng.randint(earliest, (today - datetime.date(2021, 1, 1)).days)
        approved_at = TODAY - datetime.timedelta(days=days)
        # It starts within two months of its approval.
        start = (approved_at.date() + datetime.timedelta(days=rng.randint(0, 60))).replace(day=1)
    else:
        start = datetime.date(rng.randint(2021, 2026), rng.randint(1, 12), 1)
    end = start.replace(year=start.year + rng.randint(1, 4))
    if status == S.APPROVED and end <= today:
        end = end.replace(year=today.year + 1)  # ongoing: it runs past today
    if status == S.COMPLETED:
        if end > today - datetime.timedelta(days=30):
            end = start.replace(year=start.year + 1)
        # Marked as completed in the weeks after its end.
        closed_at = datetime.datetime.combine(
            end, datetime.time(9), tzinfo=datetime.UTC
        ) + datetime.timedelta(days=rng.randint(1, 28))
    elif status == S.WITHDRAWN:
        closed_at = approved_at + (TODAY - approved_at) / 2
    initiatives = []
    for position in range(rng.choice((1, 1, 2, 2, 3))):
        eu_wide = rng.random() < 0.1
        countries = (
            []
            if eu_wide
            else sorted({country, *rng.sample(sorted(MEMBER_STATES), rng.choice((0, 0, 1, 2)))})
        )
        kinds = rng.sample(sorted(KIND_TARGETS), rng.choice((1, 2, 2, 3)))
        initiatives.append(
            {
                "title": rng.choice(INITIATIVE_NAMES),
                "position": position,
                "pillars": sorted(
                    {pillar, *rng.sample(sorted(Pillar.Slug.values), rng.choice((0, 1)))}
                ),
                "countries": countries,
                "eu_wide": eu_wide,
                "beneficiary_groups": rng.sample(list(BeneficiaryGroup.values), rng.randint(1, 3)),
                "action_types": rng.sample(list(ActionType.values), rng.randint(1, 2)),
                "delivery_mode": rng.choice(list(DeliveryMode.values)),
                "indicators": [(kind, rng.randint(*KIND_TARGETS[kind])) for kind in kinds],
            }
        )
    reports = []
    if approved_at is not None and status != S.WITHDRAWN:
        moment = approved_at
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            moment += datetime.timedelta(days=rng.randint(150, 220))
            if moment >= (closed_at or TODAY):
                break
            reports.append(
                {
                    "at": moment,
                    "status": _weighted(
                        rng,
                        [
                            (ProgressReport.Status.APPROVED, 80),
                            (ProgressReport.Status.SUBMITTED, 12),
                            (ProgressReport.Status.CHANGES_REQUESTED, 8),
                        ],
                    ),
                    "fractions": [rng.uniform(0.1, 0.7) for _ in range(12)],
                }
            )
    return {
        "summary": f"We commit to {what}, free of charge for the participants.",
        "beyond": "These activities are new, funded on top of our usual budget, and open to all.",
        "start": start,
        "end": end,
        "approved_at": approved_at,
        "closed_at": closed_at,
        "initiatives": initiatives,
        "reports": reports,
        "revision": status == S.APPROVED and rng.random() < 0.05,
    }


def _flow_times(plan: dict, status: str) -> list[datetime.datetime]:
    """When each workflow step happened (draft, submitted, decision, closing)."""
    day = datetime.timedelta(days=1)
    approved_at = plan["approved_at"]
    if approved_at is not None:
        return [
            approved_at - 30 * day,
            approved_at - 20 * day,
            approved_at,
            plan["closed_at"] or TODAY,
        ]
    start = datetime.datetime.combine(plan["start"], datetime.time(9), tzinfo=datetime.UTC)
    base = min(start - 60 * day, TODAY - 20 * day)
    return [base, base + 5 * day, base + 12 * day]


def _create_all(batch, pillars, editor, moderator, editor_org_id) -> None:
    """Create the planned pledges with a handful of bulk inserts."""
    pledges = []
    for plan, organisation, title, status in batch:
        approved = [
            r["at"] for r in plan["reports"] if r["status"] == ProgressReport.Status.APPROVED
        ]
        last_approved = max(approved) if approved else None
        inactive_since = None
        base = last_approved or plan["approved_at"]
        if status == S.APPROVED and (TODAY - base).days > 730:
            inactive_since = base + datetime.timedelta(days=730)
        pledges.append(
            Pledge(
                organisation=organisation,
                title=title,
                summary=plan["summary"],
                beyond_day_to_day=plan["beyond"],
                start_date=plan["start"],
                end_date=plan["end"],
                status=status,
                approved_at=plan["approved_at"],
                last_report_approved_at=last_approved,
                inactive_since=inactive_since,
                created_by=editor if organisation.pk == editor_org_id else None,
            )
        )
    Pledge.objects.bulk_create(pledges)

    initiatives, pillar_links = [], []
    for pledge, (plan, organisation, _title, _status) in zip(pledges, batch, strict=True):
        for item in plan["initiatives"]:
            initiatives.append(
                Initiative(
                    pledge=pledge,
                    title=item["title"],
                    description=f"{item['title']} run by {organisation.name}.",
                    countries=item["countries"],
                    eu_wide=item["eu_wide"],
                    beneficiary_groups=item["beneficiary_groups"],
                    action_types=item["action_types"],
                    delivery_mode=item["delivery_mode"],
                    link=f"https://www.{organisation.slug}.example.eu/pledge",
                    position=item["position"],
                )
            )
    Initiative.objects.bulk_create(initiatives)
    through = Initiative.pillars.through
    indicators, per_pledge = [], {}
    items = (item for plan, *_ in batch for item in plan["initiatives"])
    for initiative, item in zip(initiatives, items, strict=True):
        pillar_links += [
            through(initiative_id=initiative.pk, pillar_id=pillars[slug].pk)
            for slug in item["pillars"]
        ]
        for kind, target in item["indicators"]:
            indicator = Indicator(initiative=initiative, kind=kind, target=target)
            indicators.append(indicator)
            per_pledge.setdefault(initiative.pledge_id, []).append(indicator)
    through.objects.bulk_create(pillar_links)
    Indicator.objects.bulk_create(indicators)

    steps, reports, report_plans = [], [], []
    for pledge, (plan, organisation, _title, status) in zip(pledges, batch, strict=True):
        flow = [("", S.DRAFT, None, "")]
        if status != S.DRAFT:
            flow.append((S.DRAFT, S.SUBMITTED, None, ""))
        if status in (S.CHANGES_REQUESTED, S.REJECTED):
            flow.append((S.SUBMITTED, status, moderator, MESSAGES[status]))
        if status in (S.APPROVED, S.COMPLETED, S.WITHDRAWN):
            flow.append((S.SUBMITTED, S.APPROVED, moderator, ""))
        if status in (S.COMPLETED, S.WITHDRAWN):
            flow.append((S.APPROVED, status, None, ""))
        times = _flow_times(plan, status)
        pledge.created_at, pledge.updated_at = times[0], times[len(flow) - 1]
        for (a, b, who, text), when in zip(flow, times, strict=False):
            step = PledgeTransition(
                pledge=pledge, from_status=a, to_status=b, actor=who, message=text
            )
            step.when = when
            steps.append(step)
        if pledge.inactive_since is not None:  # the daily reminders' own step
            step = PledgeTransition(
                pledge=pledge, from_status=S.APPROVED, to_status=PledgeTransition.Step.INACTIVE
            )
            step.when = pledge.inactive_since
            steps.append(step)
        for report_plan in plan["reports"]:
            decided = report_plan["status"] != ProgressReport.Status.SUBMITTED
            reports.append(
                ProgressReport(
                    pledge=pledge,
                    period_start=(report_plan["at"] - datetime.timedelta(days=180)).date(),
                    period_end=report_plan["at"].date(),
                    narrative="We delivered what we planned for this period; numbers below.",
                    evidence_url=f"https://www.{organisation.slug}.example.eu/results",
                    status=report_plan["status"],
                    decided_at=report_plan["at"] if decided else None,
                )
            )
            report_plans.append(report_plan)
    ProgressReport.objects.bulk_create(reports)
    values = []
    for report, report_plan in zip(reports, report_plans, strict=True):
        values += [
            ReportedValue(
                report=report,
                indicator=indicator,
                value=int(indicator.target * f),
                **_demo_breakdown(indicator.kind, int(indicator.target * f), len(values) + n),
            )
            for n, (indicator, f) in enumerate(
                zip(per_pledge.get(report.pledge_id, []), report_plan["fractions"], strict=False)
            )
        ]
        submitted = PledgeTransition(
            pledge_id=report.pledge_id,
            report=report,
            from_status="",
            to_status=ProgressReport.Status.SUBMITTED,
        )
        submitted.when = report_plan["at"] - datetime.timedelta(days=7)
        steps.append(submitted)
        if report.status != ProgressReport.Status.SUBMITTED:
            decision = PledgeTransition(
                pledge_id=report.pledge_id,
                report=report,
                from_status=ProgressReport.Status.SUBMITTED,
                to_status=report.status,
                actor=moderator,
                message=""
                if report.status == ProgressReport.Status.APPROVED
                else "Please add a link to evidence of the numbers.",
            )
            decision.when = report_plan["at"]
            steps.append(decision)
    ReportedValue.objects.bulk_create(values)
    PledgeTransition.objects.bulk_create(steps)
    # auto_now_add stamped "now" on insert: give the history its demo dates.
    for step in steps:
        step.created_at = step.when
    PledgeTransition.objects.bulk_update(steps, ["created_at"], batch_size=500)
    Pledge.objects.bulk_update(pledges, ["created_at", "updated_at"], batch_size=500)

    for pledge, (plan, *_rest) in zip(pledges, batch, strict=True):
        if plan["revision"]:  # proposed changes waiting for the moderators
            revision = services.pledge_revise(pledge=pledge, actor=editor)
            revision.summary += " We now also cover a second region."
            revision.status = S.SUBMITTED
            revision.save(update_fields=["summary", "status"])
            PledgeTransition.objects.create(
                pledge=pledge, from_status=S.DRAFT, to_status=S.SUBMITTED, on_revision=True
            )
            recently = TODAY - datetime.timedelta(days=3)
            # Opened and submitted "recently" (pledge_revise recorded the opening).
            PledgeTransition.objects.filter(pledge=pledge, on_revision=True).update(
                created_at=recently
            )
            Pledge.objects.filter(pk=revision.pk).update(created_at=recently, updated_at=recently)


def _demo_breakdown(kind: str, value: int, n: int) -> dict[str, int]:
    """A made-up breakdown for some of the demo's people-based values (every
    other one by gender, every third of those by age too), so the pages show
    breakdowns and "not recorded" side by side. Fixed shares, not drawn from
    the random stream, so the rest of the demo data stays as it was."""
    if not takes_breakdown(kind) or not value or n % 2:
        return {}
    women, men = value * 46 // 100, value * 49 // 100
    groups = {"women": women, "men": men, "gender_other": value - women - men}
    if n % 3 == 0:
        young, middle, older = value * 41 // 100, value * 44 // 100, value * 9 // 100
        groups |= {
            "age_under_25": young,
            "age_25_to_54": middle,
            "age_55_and_over": older,
            "age_not_recorded": value - young - middle - older,
        }
    return groups
