import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from coalition.demo import MEMBER_STATES
from members.models import Organisation

pytestmark = pytest.mark.django_db


def snapshot():
    return list(
        Organisation.objects.order_by("slug").values_list(
            "slug", "name", "sector", "type", "size", "country"
        )
    )


# The 27 Member States of the European Union (ISO 3166-1 alpha-2), written out
# so that the demo's own list is checked too.
EU_27 = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip


def test_seed_demo_covers_every_member_state_type_sector_and_size():
    call_command("seed_demo", stdout=StringIO())

    countries = {str(c) for c in Organisation.objects.values_list("country", flat=True)}
    assert countries == EU_27
    assert set(MEMBER_STATES) == EU_27
    assert len(EU_27) == 27
    assert set(Organisation.objects.values_list("type", flat=True)) == set(Organisation.Type)
    assert set(Organisation.objects.values_list("sector", flat=True)) == set(Organisation.Sector)
    assert set(Organisation.objects.values_list("size", flat=True)) == set(Organisation.Size)


def test_seed_demo_is_idempotent_and_deterministic():
    call_command("seed_demo", stdout=StringIO())
    first = snapshot()

    call_command("seed_demo", stdout=StringIO())

    assert snapshot() == first
    Organisation.objects.all().delete()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first


def test_seed_demo_if_empty_leaves_existing_data_alone():
    call_command("seed_demo", stdout=StringIO())
    Organisation.objects.filter(country="MT").delete()
    out = StringIO()

    call_command("seed_demo", "--if-empty", stdout=out)

    assert not Organisation.objects.filter(country="MT").exists()
    assert "already holds data" in out.getvalue()


def test_the_readme_lists_every_demo_login_it_prints():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    demo_section = readme.split("## Demo data", 1)[1].split("\n## ", 1)[0]

    printed = set(re.findall(r"[\w.-]+@[\w.-]+\.eu\b", out.getvalue()))

    assert printed == {
        "pledger@example.eu",
        "moderator@example.eu",
        "admin@digital-academy.example.eu",
        "editor.fr@national.example.eu",
    }
    assert [login for login in sorted(printed) if f"`{login}`" not in demo_section] == []
    assert "`digital-skills-demo-2026`" in demo_section
