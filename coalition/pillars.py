"""The Coalition's four pillars, as first created. Staff may edit names and
descriptions later in the admin; the slugs are fixed."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

PILLARS = [
    (
        "for-all",
        gettext_noop("Digital skills for all"),
        gettext_noop("For all"),
        gettext_noop(
            "Developing digital skills to enable all citizens to be active in our digital "
            "society: from using online public services and managing personal data safely to "
            "taking part in public life online."
        ),
    ),
    (
        "labour-force",
        gettext_noop("Digital skills for the labour force"),
        gettext_noop("Labour force"),
        gettext_noop(
            "Developing digital skills for the digital economy: upskilling and reskilling "
            "workers, job seekers and inactive people, and helping employers find and train "
            "the people they need."
        ),
    ),
    (
        "ict-professionals",
        gettext_noop("Digital skills for ICT professionals"),
        gettext_noop("ICT professionals"),
        gettext_noop(
            "Developing high-level digital skills for ICT professionals in all industry "
            "sectors: advanced training, certification and specialised programmes in fields "
            "such as cybersecurity, data and artificial intelligence."
        ),
    ),
    (
        "education",
        gettext_noop("Digital skills in education"),
        gettext_noop("Education"),
        gettext_noop(
            "Transforming teaching and learning of digital skills in a lifelong-learning "
            "perspective, including the training of teachers, and bringing coding and "
            "computational thinking into schools."
        ),
    ),
]


def ensure_pillars(pillar_model: Any) -> None:
    """Create the four pillars that are missing (used by the data migration, and by
    tests whose transactional database flush removes migration data)."""
    for position, (slug, name, short_name, description) in enumerate(PILLARS, start=1):
        pillar_model.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short_name,
                "description": description,
                "position": position,
            },
        )


def pillars_in_order(generation: str = "") -> list:
    """The pillars in order, with what labels and links need (slug, short
    name), kept in the shared cache for the generation (the current one unless
    given): an edit in the admin starts a new one (coalition/admin.py)."""
    from coalition.caching import for_generation
    from coalition.models import Pillar

    return for_generation(
        "pillars",
        lambda: list(Pillar.objects.in_order().only("slug", "short_name")),
        generation=generation,
    )
