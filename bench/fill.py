"""Fill a database with a Coalition of realistic size, deterministically.

    DATABASE_URL=postgres://.../coalition_bench DJANGO_SETTINGS_MODULE=bench.settings \
        DEBUG=true .venv/bin/python -m bench.fill --pledges 100000

Defaults: 100,000 approved (or completed) pledges, about 250,000 initiatives,
about 450,000 indicators, 20,000 organisations and progress reports for about
40% of pledges. The same arguments always give the same data. Rows go in with
PostgreSQL's COPY, then the viewer index is rebuilt in batches. The database
must be migrated and hold no organisations or pledges yet (`--wipe` empties it).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from datetime import UTC, date, datetime, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from coalition.caching import bump_generation  # noqa: E402
from coalition.demo import MEMBER_STATES  # noqa: E402
from coalition.models import Pillar  # noqa: E402
from coalition.pillars import ensure_pillars  # noqa: E402
from pledges.models import ActionType, BeneficiaryGroup, DeliveryMode, Indicator  # noqa: E402
from pledges.viewer.read_model import refresh_pledges  # noqa: E402

TOPICS = [
    "coding", "cybersecurity", "data science", "artificial intelligence", "cloud",
    "digital literacy", "online safety", "robotics", "web development", "e-government",
    "digital marketing", "blockchain", "networking", "computational thinking",
    "media literacy", "software testing", "game design", "open source", "5G", "quantum",
]  # fmt: skip
AUDIENCES = [
    "girls", "teachers", "job seekers", "older people", "SMEs", "students", "refugees",
    "rural communities", "employees", "pupils", "women returners", "young people",
]  # fmt: skip
FORMATS = [
    "academy", "bootcamp", "programme", "summer school", "hackathon", "mentoring scheme",
    "online course", "certification track", "apprenticeships", "workshops",
]  # fmt: skip
WORDS = [
    "skills",
    "training",
    "digital",
    "people",
    "europe",
    "learning",
    "course",
    "online",
    "teachers",
    "schools",
    "employment",
    "jobs",
    "certificate",
    "mentoring",
    "community",
    "open",
    "free",
    "regional",
    "national",
    "partners",
    "industry",
    "innovation",
    "inclusion",
    "women",
    "youth",
    "practical",
    "hands-on",
    "modules",
]
ORG_WORDS = [
    "Digital", "Tech", "Code", "Data", "Future", "Skills", "Open", "Smart", "Cyber", "Cloud",
]  # fmt: skip
ORG_KINDS = [
    ("Academy", "private", "education-provider"),
    ("Solutions", "private", "sme"),
    ("Group", "private", "company"),
    ("Foundation", "third", "ngo"),
    ("Ministry", "public", "public-authority"),
    ("University", "public", "education-provider"),
    ("Federation", "third", "social-partner"),
    ("Cooperative", "third", "other"),
]
SIZES = ["micro", "small", "medium", "large"]
STANDARD = [k for k in Indicator.Kind.values if k != "custom"]
COUNTRIES = list(MEMBER_STATES)
EPOCH = datetime(2026, 6, 1, tzinfo=UTC)


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def fill(*, pledges: int, organisations: int, seed: int) -> None:
    rng = random.Random(seed)
    ensure_pillars(Pillar)
    pillar_ids = list(Pillar.objects.order_by("position").values_list("pk", flat=True))
    groups, actions, modes = BeneficiaryGroup.values, ActionType.values, DeliveryMode.values
    raw = connection.cursor().connection  # psycopg 3 connection

    def copy(table: str, columns: str, rows) -> int:
        n = 0
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)
                n += 1
        return n

    started = time.monotonic()

    def organisation_rows():
        for oid in range(1, organisations + 1):
            kind, sector, org_type = ORG_KINDS[oid % len(ORG_KINDS)]
            country = COUNTRIES[oid % len(COUNTRIES)]
            city = MEMBER_STATES[country][oid % 3]
            name = f"{city} {rng.choice(ORG_WORDS)} {kind} {oid}"
            slug = f"org-{oid}"
            member = EPOCH - timedelta(days=rng.randrange(2000)) if oid % 3 else None
            yield (
                oid, name, slug, sector, org_type, rng.choice(SIZES), country,
                f"https://{slug}.example.org/", "We teach digital skills.", "", "", member,
                EPOCH, EPOCH,
            )  # fmt: skip

    n = copy(
        "members_organisation",
        "id, name, slug, sector, type, size, country, website, description, contact_email, "
        "logo, member_since, created_at, updated_at",
        organisation_rows(),
    )
    print(f"organisations: {n}")

    initiatives: list[tuple] = []
    initiative_pillars: list[tuple] = []
    indicators: list[tuple] = []
    reports: list[tuple] = []
    values: list[tuple] = []
    partners: list[tuple] = []

    def pledge_rows():
        initiative_id = indicator_id = report_id = 0
        for pid in range(1, pledges + 1):
            topic, audience, fmt = rng.choice(TOPICS), rng.choice(AUDIENCES), rng.choice(FORMATS)
            title = f"{topic.capitalize()} {fmt} for {audience}"
            start = date(2016, 1, 1) + timedelta(days=rng.randrange(365 * 10))
            end = start + timedelta(days=rng.choice((365, 730, 1095, 1460)))
            approved = datetime(start.year, start.month, start.day, 12, tzinfo=UTC)
            status = "completed" if end < EPOCH.date() and rng.random() < 0.5 else "approved"
            org = rng.randrange(1, organisations + 1)
            yield (
                pid, title, f"{title}: {_sentence(rng, 40)}", _sentence(rng, 25), start, end,
                status, approved, None, None, approved, approved, None, org, None,
            )  # fmt: skip
            if rng.random() < 0.15:
                partners.append((pid, rng.randrange(1, organisations + 1)))
            indicator_ids: list[int] = []
            for position in range(rng.choice((1, 2, 2, 3, 3, 4))):
                initiative_id += 1
                eu_wide = rng.random() < 0.1
                countries = (
                    [] if eu_wide else sorted(rng.sample(COUNTRIES, rng.choice((1, 1, 2, 3))))
                )
                initiatives.append((
                    initiative_id, pid, f"{rng.choice(TOPICS).capitalize()} {rng.choice(FORMATS)}",
                    _sentence(rng, 20), "{" + ",".join(countries) + "}", eu_wide,
                    "{" + ",".join(rng.sample(groups, rng.choice((1, 2)))) + "}",
                    "{" + ",".join(rng.sample(actions, rng.choice((1, 2)))) + "}",
                    rng.choice(modes), "", position,
                ))  # fmt: skip
                for pillar in rng.sample(pillar_ids, rng.choice((1, 1, 2))):
                    initiative_pillars.append((initiative_id, pillar))
                for kind in rng.sample(STANDARD, rng.choice((1, 2, 2))):
                    indicator_id += 1
                    indicators.append(
                        (indicator_id, initiative_id, kind, "", rng.choice((50, 100, 500, 2000)))
                    )
                    indicator_ids.append(indicator_id)
            if rng.random() < 0.4:
                report_id += 1
                reports.append((
                    report_id, start, start + timedelta(days=180), _sentence(rng, 20), "",
                    "approved", approved, approved, pid, None,
                ))  # fmt: skip
                for ind in indicator_ids:
                    value = rng.randrange(0, 1500)
                    values.append((report_id, ind, value, *_breakdown(value, report_id)))

    n = copy(
        "pledges_pledge",
        "id, title, summary, beyond_day_to_day, start_date, end_date, status, approved_at, "
        "last_report_approved_at, inactive_since, created_at, updated_at, created_by_id, "
        "organisation_id, revision_of_id",
        pledge_rows(),
    )
    print(f"pledges: {n}")
    copy(
        "pledges_initiative",
        "id, pledge_id, title, description, countries, eu_wide, beneficiary_groups, "
        "action_types, delivery_mode, link, position",
        initiatives,
    )
    print(f"initiatives: {len(initiatives)}")
    copy("pledges_initiative_pillars", "initiative_id, pillar_id", initiative_pillars)
    copy("pledges_indicator", "id, initiative_id, kind, custom_name, target", indicators)
    print(f"indicators: {len(indicators)}")
    copy(
        "pledges_progressreport",
        "id, period_start, period_end, narrative, evidence_url, status, submitted_at, "
        "decided_at, pledge_id, submitted_by_id",
        reports,
    )
    copy(
        "pledges_reportedvalue",
        "report_id, indicator_id, value, women, men, gender_other, "
        "age_under_25, age_25_to_54, age_55_and_over, age_not_recorded",
        values,
    )
    print(f"reports: {len(reports)}, reported values: {len(values)}")
    copy("pledges_pledge_partners", "pledge_id, organisation_id", sorted(set(partners)))
    with connection.cursor() as cursor:
        for table in (
            "members_organisation", "pledges_pledge", "pledges_initiative",
            "pledges_indicator", "pledges_progressreport",
        ):  # fmt: skip
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        cursor.execute("ANALYZE")  # without statistics the index build plans badly
    print(f"rows copied in {time.monotonic() - started:.0f} s; building the viewer index")
    for first in range(1, pledges + 1, 10_000):
        refresh_pledges(range(first, min(first + 10_000, pledges + 1)))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    bump_generation()
    print(f"done in {time.monotonic() - started:.0f} s")


def wipe() -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE members_organisation, pledges_pledge, pledges_pledgecard CASCADE")


def _breakdown(value: int, report_id: int) -> tuple:
    """Half of the reports give a gender breakdown, a quarter an age one too, so
    the viewer's breakdown totals have bit planes to add up. Fixed shares, not
    drawn from the random stream, so the rest of the data stays as it was."""
    if report_id % 2:
        return (None,) * 7
    women, men = value * 47 // 100, value * 48 // 100
    gender = (women, men, value - women - men)
    if report_id % 4:
        return (*gender, None, None, None, None)
    young, middle, older = value * 40 // 100, value * 45 // 100, value * 10 // 100
    return (*gender, young, middle, older, value - young - middle - older)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--wipe", action="store_true", help="empty the tables first")
    args = parser.parse_args()
    # The viewer's generation lives in the cache; a database cache needs its table.
    call_command("createcachetable")
    if args.wipe:
        wipe()
    organisations = args.organisations or max(10, args.pledges // 5)
    fill(pledges=args.pledges, organisations=organisations, seed=args.seed)


if __name__ == "__main__":
    main()
