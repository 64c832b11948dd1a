from io import StringIO

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


def test_seed_demo_covers_every_member_state_sector_and_size():
    call_command("seed_demo", stdout=StringIO())

    assert {str(c) for c in Organisation.objects.values_list("country", flat=True)} == set(
        MEMBER_STATES
    )
    assert set(Organisation.objects.values_list("sector", flat=True)) == set(Organisation.Sector)
    assert set(Organisation.objects.values_list("size", flat=True)) == set(Organisation.Size)
    assert len(MEMBER_STATES) == 27


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
