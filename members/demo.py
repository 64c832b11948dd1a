"""Demo organisations: every Member State, every sector, type and size."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from coalition.demo import MEMBER_STATES
from members.charter import CHARTER_V1_TEXT, CHARTER_V1_TITLE, CHARTER_V1_TRANSLATIONS
from members.models import (
    Charter,
    CharterTranslation,
    Invitation,
    JoinRequest,
    MembershipApplication,
    Organisation,
    TeamMembership,
    User,
)
from members.moderation import ensure_moderators_group
from members.services import token_hash

# Demo logins, printed by seed_demo. Never used outside demo databases.
DEMO_PASSWORD = "digital-skills-demo-2026"  # noqa: S105
MODERATOR_EMAIL = "moderator@example.eu"
ORG_ADMIN_EMAIL = "admin@digital-academy.example.eu"
START = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
CHARTER_PUBLISHED = datetime(2025, 11, 17, 10, 0, tzinfo=UTC)
# Membership states handed out in turn, so that every state is present.
STATES = ("member", "member", "member", "pending", "declined", "none", "member", "pending")

# (name pattern, sector, type): a realistic mix of who pledges in the Coalition.
ORGANISATION_KINDS: list[tuple[str, str, str]] = [
    ("{city} Digital Academy", Organisation.Sector.PRIVATE, Organisation.Type.EDUCATION_PROVIDER),
    ("{city} Software Solutions", Organisation.Sector.PRIVATE, Organisation.Type.SME),
    ("{country} Telecom Group", Organisation.Sector.PRIVATE, Organisation.Type.COMPANY),
    ("Code Club {city}", Organisation.Sector.THIRD, Organisation.Type.NGO),
    (
        "{country} Ministry of Education",
        Organisation.Sector.PUBLIC,
        Organisation.Type.PUBLIC_AUTHORITY,
    ),
    (
        "{city} University of Technology",
        Organisation.Sector.PUBLIC,
        Organisation.Type.EDUCATION_PROVIDER,
    ),
    (
        "{country} ICT Employers’ Federation",
        Organisation.Sector.THIRD,
        Organisation.Type.SOCIAL_PARTNER,
    ),
    ("Women in Tech {city}", Organisation.Sector.THIRD, Organisation.Type.NGO),
    (
        "{city} Public Employment Service",
        Organisation.Sector.PUBLIC,
        Organisation.Type.PUBLIC_AUTHORITY,
    ),
    ("{city} Makerspace Cooperative", Organisation.Sector.THIRD, Organisation.Type.OTHER),
]

COUNTRY_NAMES = {
    "AT": "Austrian",
    "BE": "Belgian",
    "BG": "Bulgarian",
    "HR": "Croatian",
    "CY": "Cypriot",
    "CZ": "Czech",
    "DK": "Danish",
    "EE": "Estonian",
    "FI": "Finnish",
    "FR": "French",
    "DE": "German",
    "GR": "Greek",
    "HU": "Hungarian",
    "IE": "Irish",
    "IT": "Italian",
    "LV": "Latvian",
    "LT": "Lithuanian",
    "LU": "Luxembourg",
    "MT": "Maltese",
    "NL": "Dutch",
    "PL": "Polish",
    "PT": "Portuguese",
    "RO": "Romanian",
    "SK": "Slovak",
    "SI": "Slovenian",
    "ES": "Spanish",
    "SE": "Swedish",
}

DESCRIPTIONS = [
    "We train people of all ages in the digital skills they need for work and everyday life.",
    "We help job seekers and employees move into digital jobs through practical courses.",
    "We bring coding and computational thinking to schools and support teachers.",
    "We offer advanced programmes in cybersecurity, data and artificial intelligence.",
]


def seed(rng: random.Random) -> list[str]:
    """Organisations, then people, teams and memberships; return lines to print."""
    lines = seed_organisations(rng)
    lines += seed_people_and_memberships(rng)
    return lines


def seed_organisations(rng: random.Random) -> list[str]:
    """Create the demo organisations (four per Member State); return lines to print."""
    sizes = list(Organisation.Size)
    created = 0
    for country, cities in MEMBER_STATES.items():
        kinds = rng.sample(ORGANISATION_KINDS, 4)
        for index, (pattern, sector, org_type) in enumerate(kinds):
            name = pattern.format(city=cities[index % len(cities)], country=COUNTRY_NAMES[country])
            slug = slugify(name)
            _, was_created = Organisation.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "sector": sector,
                    "type": org_type,
                    "size": rng.choice(sizes),
                    "country": country,
                    "website": f"https://www.{slug}.example.eu/",
                    "description": rng.choice(DESCRIPTIONS),
                    "contact_email": f"info@{slug}.example.eu",
                },
            )
            created += was_created
    return [f"Organisations: {Organisation.objects.count()} ({created} new)."]


def _user(email: str, password_hash: str, **extra: object) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults={"password": password_hash, **extra})
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed_people_and_memberships(rng: random.Random) -> list[str]:
    """Verified users, a team for every organisation, membership applications in
    every state, join requests and invitations; the demo logins to print."""
    charter = Charter.objects.current()
    if charter is None:  # a database whose Charter was deleted after migrating
        charter = Charter.objects.create(version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT)
        CharterTranslation.objects.bulk_create(
            CharterTranslation(charter=charter, language=language, title=title, text=text)
            for language, (title, text) in CHARTER_V1_TRANSLATIONS.items()
        )
    # Published before the first endorsement (the migrations or the line above
    # stamp "now", after the demo's memberships of January on).
    if charter.published_at > CHARTER_PUBLISHED:
        charter.published_at = CHARTER_PUBLISHED
        Charter.objects.filter(pk=charter.pk).update(published_at=CHARTER_PUBLISHED)
    password_hash = make_password(DEMO_PASSWORD)
    moderator = _user(
        MODERATOR_EMAIL, password_hash, is_staff=True, first_name="Mia", last_name="Moderator"
    )
    moderator.groups.add(ensure_moderators_group())
    organisations = list(Organisation.objects.order_by("slug"))
    showcase = next(o for o in organisations if "digital-academy" in o.slug)
    org_admin = _user(ORG_ADMIN_EMAIL, password_hash, first_name="Ada", last_name="Admin")
    for index, organisation in enumerate(organisations):
        admin = (
            org_admin
            if organisation == showcase
            else _user(f"admin@{organisation.slug}.example.eu", password_hash)
        )
        TeamMembership.objects.get_or_create(
            organisation=organisation, user=admin, defaults={"role": TeamMembership.Role.ADMIN}
        )
        if index % 3 == 0:
            editor = _user(f"editor@{organisation.slug}.example.eu", password_hash)
            TeamMembership.objects.get_or_create(
                organisation=organisation,
                user=editor,
                defaults={"role": TeamMembership.Role.EDITOR},
            )
        state = "member" if organisation == showcase else STATES[index % len(STATES)]
        endorsed_at = START + timedelta(days=rng.randrange(0, 200), minutes=index)
        _seed_membership(organisation, admin, moderator, charter, state, endorsed_at)

    # Someone waits for the showcase admin's answer; an invitation is open.
    applicant = _user("newcomer@example.eu", password_hash, first_name="Noah")
    JoinRequest.objects.get_or_create(
        organisation=showcase,
        user=applicant,
        defaults={
            "message": "I run the training team in our Ghent office.",
            "created_at": START + timedelta(days=300),
        },
    )
    Invitation.objects.get_or_create(
        organisation=showcase,
        email="colleague@digital-academy.example.eu",
        defaults={
            "role": TeamMembership.Role.EDITOR,
            "token_hash": token_hash(f"demo-invitation-{showcase.slug}"),
            "invited_by": org_admin,
            "created_at": START + timedelta(days=300),
            "expires_at": START + timedelta(days=3650),
        },
    )
    counts = {
        state: MembershipApplication.objects.filter(status=state).count()
        for state in MembershipApplication.Status
    }
    return [
        f"Users: {User.objects.count()} (all verified); members: "
        f"{Organisation.objects.members().count()}; applications pending "
        f"{counts['pending']}, accepted {counts['accepted']}, declined {counts['declined']}.",
        "Demo logins (password for all: " + DEMO_PASSWORD + "):",
        f"  staff moderator (admin at /en/admin/): {MODERATOR_EMAIL}",
        f"  organisation admin of {showcase.name}: {ORG_ADMIN_EMAIL}",
    ]


def _seed_membership(
    organisation: Organisation,
    admin: User,
    moderator: User,
    charter: Charter,
    state: str,
    endorsed_at: datetime,
) -> None:
    if state == "none" or organisation.membership_applications.exists():
        return
    decided_at = endorsed_at + timedelta(days=3)
    if state == "pending":
        MembershipApplication.objects.create(
            organisation=organisation, charter=charter, endorsed_by=admin, endorsed_at=endorsed_at
        )
    elif state == "declined":
        MembershipApplication.objects.create(
            organisation=organisation,
            charter=charter,
            endorsed_by=admin,
            endorsed_at=endorsed_at,
            status=MembershipApplication.Status.DECLINED,
            decided_by=moderator,
            decided_at=decided_at,
            reason="The website does not show activities in digital skills yet.",
        )
    else:
        MembershipApplication.objects.create(
            organisation=organisation,
            charter=charter,
            endorsed_by=admin,
            endorsed_at=endorsed_at,
            status=MembershipApplication.Status.ACCEPTED,
            decided_by=moderator,
            decided_at=decided_at,
        )
        organisation.member_since = decided_at
        organisation.save(update_fields=["member_since"])
