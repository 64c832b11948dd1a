import random

import pytest

from coalition.demo import SEED
from coalition.models import Pillar
from members import demo as members_demo
from pledges import demo
from pledges.models import Indicator, Initiative, Pledge, ProgressReport

pytestmark = pytest.mark.django_db


def snapshot():
    return list(
        Pledge.objects.order_by("organisation__slug", "title").values_list(
            "organisation__slug", "title", "status", "approved_at"
        )
    )


def test_demo_pledges_cover_every_state_pillar_and_many_countries():
    members_demo.seed(random.Random(f"{SEED}-members"))

    lines = demo.seed(random.Random(f"{SEED}-pledges"))

    assert Pledge.objects.filter(revision_of__isnull=True).count() == demo.PLEDGES
    assert set(Pledge.objects.values_list("status", flat=True)) == set(Pledge.Status.values)
    assert set(Initiative.objects.values_list("pillars__slug", flat=True)) == set(
        Pillar.objects.values_list("slug", flat=True)
    )
    countries = {c for cs in Initiative.objects.values_list("countries", flat=True) for c in cs}
    assert len(countries) == 27
    assert Indicator.objects.count() >= demo.PLEDGES
    assert set(ProgressReport.objects.values_list("status", flat=True)) >= {
        "approved",
        "submitted",
    }
    assert Pledge.objects.filter(revision_of__isnull=False, status="submitted").exists()
    assert Pledge.objects.filter(inactive_since__isnull=False).exists()
    assert "pledger@example.eu" in "\n".join(lines)


def test_demo_pledges_are_idempotent_and_deterministic():
    members_demo.seed(random.Random(f"{SEED}-members"))
    demo.seed(random.Random(f"{SEED}-pledges"))
    first = snapshot()

    demo.seed(random.Random(f"{SEED}-pledges"))

    assert snapshot() == first


def test_demo_dates_agree_with_the_statuses():
    members_demo.seed(random.Random(f"{SEED}-members"))
    demo.seed(random.Random(f"{SEED}-pledges"))
    today = demo.TODAY.date()
    pledges = Pledge.objects.filter(revision_of__isnull=True)

    # "Ongoing" pledges run past today; completed ones ended before it.
    assert not pledges.filter(status="approved", end_date__lte=today).exists()
    assert not pledges.filter(status="completed", end_date__gt=today).exists()
    assert pledges.filter(status="completed").exists()
    for pledge in pledges.filter(status="completed").prefetch_related("transitions"):
        (completed,) = [t for t in pledge.transitions.all() if t.to_status == "completed"]
        assert pledge.end_date <= completed.created_at.date() <= today
    # A pledge starts in the month of its approval or in the two after it.
    for pledge in pledges.filter(approved_at__isnull=False):
        assert -31 < (pledge.start_date - pledge.approved_at.date()).days <= 62
        assert pledge.start_date < pledge.end_date
    assert not ProgressReport.objects.filter(period_end__gt=today).exists()
