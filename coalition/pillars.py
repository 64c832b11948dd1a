"""The Coalition's four pillars, as first created. Staff may edit names and
descriptions later in the admin; the slugs are fixed."""

from __future__ import annotations

from typing import Any

PILLARS = [
    (
        "for-all",
        "Digital skills for all",
        "For all",
        "Developing digital skills to enable all citizens to be active in our digital society: "
        "from using online public services and managing personal data safely to taking part in "
        "public life online.",
    ),
    (
        "labour-force",
        "Digital skills for the labour force",
        "Labour force",
        "Developing digital skills for the digital economy: upskilling and reskilling workers, "
        "job seekers and inactive people, and helping employers find and train the people "
        "they need.",
    ),
    (
        "ict-professionals",
        "Digital skills for ICT professionals",
        "ICT professionals",
        "Developing high-level digital skills for ICT professionals in all industry sectors: "
        "advanced training, certification and specialised programmes in fields such as "
        "cybersecurity, data and artificial intelligence.",
    ),
    (
        "education",
        "Digital skills in education",
        "Education",
        "Transforming teaching and learning of digital skills in a lifelong-learning "
        "perspective, including the training of teachers, and bringing coding and computational "
        "thinking into schools.",
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
