"""Demo organisations: every Member State, every sector, type and size."""

from __future__ import annotations

import random

from django.utils.text import slugify

from coalition.demo import MEMBER_STATES
from members.models import Organisation

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
