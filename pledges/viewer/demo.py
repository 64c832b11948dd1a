"""Demo data for the Pledge Viewer: index every public pledge, and give the first
demo organisation a shared scoreboard. Deterministic and idempotent."""

from __future__ import annotations

import random

from coalition.caching import bump_generation
from members.models import Organisation
from pledges.scoreboards.models import Scoreboard
from pledges.scoreboards.services import scoreboard_add_pledges
from pledges.viewer.models import PledgeCard
from pledges.viewer.read_model import rebuild_all

DEMO_SCOREBOARD = "Education pledges we follow"
DEMO_TOKEN = "demo-scoreboard-education-pledges-we-follow"  # noqa: S105 (public demo link)


def seed(rng: random.Random) -> list[str]:
    count = rebuild_all()
    bump_generation()
    lines = [f"Pledge Viewer: {count} public pledges indexed."]
    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None or not count:
        return lines
    scoreboard, _created = Scoreboard.objects.get_or_create(
        organisation=organisation,
        name=DEMO_SCOREBOARD,
        defaults={"description": "Pledges in education across Europe, side by side."},
    )
    pledge_ids = list(
        PledgeCard.objects.filter(pillars__contains=["education"])
        .order_by("pledge_id")
        .values_list("pledge_id", flat=True)[:40]
    )
    scoreboard_add_pledges(
        scoreboard=scoreboard, pledge_ids=sorted(rng.sample(pledge_ids, min(6, len(pledge_ids))))
    )
    if not scoreboard.share_token:
        Scoreboard.objects.filter(pk=scoreboard.pk).update(share_token=DEMO_TOKEN)
    lines.append(f"Shared demo scoreboard: /en/scoreboards/shared/{DEMO_TOKEN}/")
    return lines
