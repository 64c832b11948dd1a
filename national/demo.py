"""Demo national coalitions: 25 Member States (Luxembourg and Malta have none
yet), each with partners, an editor and content of every kind; five are
connected websites whose feeds point at addresses seeding never fetches.

Dates follow the current year (1 January as anchor), so the demo always shows
upcoming events; otherwise deterministic (seeded random) and idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from coalition.demo import MEMBER_STATES
from members.demo import DEMO_PASSWORD  # one password for every demo login
from members.models import Organisation, User
from national.models import Feed, Item, Kind, NationalCoalition

WITHOUT_COALITION = ("LU", "MT")
CONNECTED = ("DE", "FR", "NL", "FI", "IE")
TRUSTED = ("DE", "FR", "NL", "FI", "IE", "ES", "IT", "SE")

ADJECTIVES = {
    "AT": "Austrian", "BE": "Belgian", "BG": "Bulgarian", "HR": "Croatian", "CY": "Cypriot",
    "CZ": "Czech", "DK": "Danish", "EE": "Estonian", "FI": "Finnish", "FR": "French",
    "DE": "German", "GR": "Greek", "HU": "Hungarian", "IE": "Irish", "IT": "Italian",
    "LV": "Latvian", "LT": "Lithuanian", "LU": "Luxembourg", "MT": "Maltese", "NL": "Dutch",
    "PL": "Polish", "PT": "Portuguese", "RO": "Romanian", "SK": "Slovak", "SI": "Slovenian",
    "ES": "Spanish", "SE": "Swedish",
}  # fmt: skip
LANGUAGES = {
    "AT": "de", "BE": "fr", "BG": "bg", "HR": "hr", "CY": "el", "CZ": "cs", "DK": "da",
    "EE": "et", "FI": "fi", "FR": "fr", "DE": "de", "GR": "el", "HU": "hu", "IE": "en",
    "IT": "it", "LV": "lv", "LT": "lt", "LU": "fr", "MT": "mt", "NL": "nl", "PL": "pl",
    "PT": "pt", "RO": "ro", "SK": "sk", "SI": "sl", "ES": "es", "SE": "sv",
}  # fmt: skip

# (title, summary) patterns per kind; {adj}, {city}, {year} are filled in.
CONTENT: dict[str, list[tuple[str, str]]] = {
    Kind.POLICY: [
        (
            "{adj} Digital Skills Strategy {year}–{next_year}",
            "The government's plan to bring basic digital skills to 80% of adults by 2030, "
            "with targets for schools, employers and public employment services.",
        ),
        (
            "Digital Education Action Plan: the {adj} roadmap",
            "How the ministries of education and labour put the EU Digital Education Action Plan "
            "into practice, year by year.",
        ),
    ],
    Kind.INITIATIVE: [
        (
            "Every school connected in {city}",
            "A partnership of the city, telecom operators and teachers' unions to equip every "
            "classroom with fast internet and trained staff.",
        ),
        (
            "Digital ambassadors in public libraries",
            "Volunteers help older people and newcomers use online public services safely.",
        ),
    ],
    Kind.BEST_PRACTICE: [
        (
            "How {city} retrained 500 factory workers as data technicians",
            "An employer-led programme mixing online courses and mentoring; what worked, what "
            "it cost, and how others can copy it.",
        ),
    ],
    Kind.TRAINING: [
        (
            "Free cloud computing bootcamp in {city}",
            "Twelve weeks, full time, for job seekers; certification exam included.",
        ),
        (
            "Cybersecurity traineeships for graduates",
            "Paid six-month traineeships in public administrations and companies.",
        ),
    ],
    Kind.EVENT: [
        (
            "Digital Skills Day {city}",
            "Workshops, demonstrations and a job fair for all ages.",
        ),
        (
            "EU Code Week kick-off in {city}",
            "Teachers and volunteers plan coding activities for thousands of pupils.",
        ),
        (
            "Women in Digital conference",
            "Role models, networking and a hackathon to bring more women into ICT careers.",
        ),
    ],
    Kind.FUNDING: [
        (
            "Vouchers for SME digital upskilling",
            "Small and medium-sized enterprises can claim up to €5,000 per employee trained.",
        ),
    ],
    Kind.RESOURCE: [
        (
            "Teacher toolkit: artificial intelligence in class",
            "Lesson plans, slides and exercises, free to reuse under an open licence.",
        ),
        (
            "Self-assessment of digital competence (DigComp)",
            "A twenty-minute questionnaire that tells you which skills to work on next.",
        ),
    ],
    Kind.NEWS: [
        (
            "Twelve new partners join the {adj} coalition",
            "Companies, universities and non-profits commit to new actions this year.",
        ),
        (
            "The coalition presents its annual report",
            "Over 40,000 people trained last year; read the results and next year's plans.",
        ),
    ],
}

VENUES = ("Congress Centre", "City Hall", "University campus", "Public library")

# Event days, as (days after 1 January of the current year, length in days).
EVENT_DAYS = [(40, 1), (150, 2), (260, 1), (330, 3), (420, 1), (500, 2)]


def _editor(country: str) -> User:
    email = f"editor.{country.lower()}@national.example.eu"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        user.first_name = f"{ADJECTIVES[country]} coalition"
        user.last_name = "editor"
        user.save(update_fields=["first_name", "last_name"])
    try:  # allauth requires a verified address to log in
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    except ImportError:  # pragma: no cover - allauth is installed
        pass
    return user


def seed(rng: random.Random, *, today: dt.date | None = None) -> list[str]:
    """Create the demo coalitions, their content and feeds; return lines to print."""
    today = today or timezone.localdate()
    anchor = dt.date(today.year, 1, 1)
    published_base = dt.datetime(today.year, 1, 1, 9, 0, tzinfo=dt.UTC)
    harvested_at = timezone.now()
    created_coalitions = created_items = 0
    for country, cities in MEMBER_STATES.items():
        if country in WITHOUT_COALITION:
            continue
        adjective = ADJECTIVES[country]
        slug = f"{adjective.lower()}-digital-skills-coalition".replace(" ", "-")
        coalition, was_created = NationalCoalition.objects.get_or_create(
            country=country,
            defaults={
                "name": f"{adjective} Digital Skills and Jobs Coalition",
                "slug": slug,
                "description": (
                    f"The {adjective} Digital Skills and Jobs Coalition brings together "
                    "ministries, employers, trade unions, schools, universities and non-profits "
                    f"from {cities[0]} to {cities[-1]}.\n\nTogether we train people of every age "
                    "in the digital skills they need, and share what works."
                ),
                "website": f"https://{slug}.example.eu/",
                "contact_name": "Coalition secretariat",
                "contact_email": f"secretariat@{slug}.example.eu",
                "launched_on": dt.date(2016 + rng.randrange(8), rng.randint(1, 12), 1),
                "language": LANGUAGES[country],
                "trusted": country in TRUSTED,
            },
        )
        created_coalitions += was_created
        # Draw from the random stream whether or not the coalition is new, so a
        # partial database seeds the rest exactly as an empty one would.
        partners = list(Organisation.objects.filter(country=country).order_by("slug"))
        chosen = rng.sample(partners, min(len(partners), rng.randint(2, 4)))
        if was_created:
            coalition.partners.set(chosen)
            coalition.editors.add(_editor(country))

        connected = country in CONNECTED
        feeds: dict[str, Feed] = {}
        if connected:
            for kind in (Kind.NEWS, Kind.EVENT):
                feed, _ = Feed.objects.get_or_create(
                    coalition=coalition,
                    kind=kind,
                    defaults={"url": f"https://{slug}.example.eu/feeds/{kind}.xml"},
                )
                feeds[kind] = feed
            # Their items below were harvested: the feeds say when. Only on
            # feeds never checked, so seeding again changes nothing.
            Feed.objects.filter(coalition=coalition, last_checked_at__isnull=True).update(
                last_checked_at=harvested_at, last_success_at=harvested_at
            )
            if country == "IE":  # one connected website in trouble, for the admin's health view
                Feed.objects.filter(pk=feeds[Kind.NEWS].pk, last_error="").update(
                    last_error="The website did not answer within 10 seconds.",
                    last_error_at=harvested_at,
                    last_success_at=harvested_at - dt.timedelta(hours=1),
                    consecutive_failures=3,
                )

        event_slots = rng.sample(EVENT_DAYS, 3)
        number = 0
        for kind, patterns in CONTENT.items():
            for index, (title_pattern, summary) in enumerate(patterns):
                if kind != Kind.EVENT and index > 0 and rng.random() < 0.4:
                    continue
                number += 1
                city = cities[(index + number) % len(cities)]
                title = title_pattern.format(
                    adj=adjective, city=city, year=today.year, next_year=today.year + 1
                )
                harvested = connected and kind in feeds
                values = {
                    "kind": kind,
                    "summary": summary,
                    "link": f"https://{slug}.example.eu/{kind}/{number}/",
                    "language": "en",
                    "country": country,
                    "published_at": published_base + dt.timedelta(days=number * 9),
                    "source": Item.Source.HARVESTED if harvested else Item.Source.TYPED,
                    "feed": feeds.get(kind) if harvested else None,
                    "guid": f"{slug}-{kind}-{number}" if harvested else "",
                    "state": (
                        Item.State.APPROVED
                        if coalition.trusted or rng.random() < 0.7
                        else Item.State.PENDING
                    ),
                }
                if kind == Kind.EVENT:
                    offset, length = event_slots[index % len(event_slots)]
                    values["starts_on"] = anchor + dt.timedelta(days=offset)
                    values["ends_on"] = values["starts_on"] + dt.timedelta(days=length - 1)
                    values["location"] = f"{city}, {rng.choice(VENUES)}"
                if kind in (Kind.FUNDING, Kind.TRAINING):
                    values["deadline"] = anchor + dt.timedelta(days=rng.randrange(60, 540))
                _, was_created = Item.objects.get_or_create(
                    coalition=coalition, title=title, defaults=values
                )
                created_items += was_created
        for feed in feeds.values():
            Feed.objects.filter(pk=feed.pk, entries_seen=0).update(entries_seen=feed.items.count())
    return [
        f"National coalitions: {NationalCoalition.objects.count()} ({created_coalitions} new), "
        f"{Item.objects.count()} items ({created_items} new), {Feed.objects.count()} feeds.",
        f"National coalition editors: editor.<country code>@national.example.eu "
        f"(e.g. editor.fr@national.example.eu), password {DEMO_PASSWORD}.",
    ]
