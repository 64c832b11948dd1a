"""A moderator at work during a load test: approves a submitted pledge every few seconds.

    DATABASE_URL=postgres://.../coalition_bench_copy .venv/bin/python -m bench.churn

`bench.load` runs it beside the viewer scenario "random filters + approvals".
First it takes `--pledges` public pledges back to "submitted" (out of the
viewer, as if their organisations had proposed them), prints "ready" and waits
for a line on its standard input; then it approves one of them with
`pledges.services.pledge_approve` every `--every` seconds, as a moderator in the
admin does (transition recorded, email task queued, viewer rows refreshed, the
generation bumped), until its standard input closes. It prints how many it
approved. The pledges it takes are the same for the same `--seed`, and every
one of them is approved again by the end (the database is left as it was,
apart from the transitions and queued emails).
"""

from __future__ import annotations

import argparse
import os
import random
import select
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from pledges import services  # noqa: E402
from pledges.models import Pledge  # noqa: E402
from pledges.viewer.read_model import refresh_pledges  # noqa: E402

MODERATOR = "bench-moderator@example.org"


def take_back(count: int, seed: int) -> list[int]:
    """`count` public pledges, now submitted and out of the viewer."""
    public = list(Pledge.objects.public().order_by("pk").values_list("pk", flat=True))
    chosen = sorted(random.Random(seed).sample(public, min(count, len(public))))
    with transaction.atomic():
        Pledge.objects.filter(pk__in=chosen).update(status=Pledge.Status.SUBMITTED)
        refresh_pledges(chosen)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every", type=float, default=2.0, help="seconds between approvals")
    parser.add_argument("--pledges", type=int, default=60, help="pledges to approve at most")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    moderator, _created = get_user_model().objects.get_or_create(
        email=MODERATOR, defaults={"is_staff": True}
    )
    waiting = take_back(args.pledges, args.seed)
    print("ready", flush=True)
    sys.stdin.readline()  # "go"
    approved = 0
    next_at = time.monotonic()
    while waiting:
        timeout = max(0.0, next_at - time.monotonic())
        if select.select([sys.stdin], [], [], timeout)[0] and not sys.stdin.readline():
            break  # stdin closed: the load test is over
        if time.monotonic() < next_at:
            continue
        pledge = Pledge.objects.get(pk=waiting.pop(0))
        services.pledge_approve(pledge=pledge, actor=moderator, message="Bench approval.")
        approved += 1
        next_at += args.every
    for pk in waiting:  # leave the database as it was
        services.pledge_approve(pledge=Pledge.objects.get(pk=pk), actor=moderator)
    print(f"approved {approved}", flush=True)


if __name__ == "__main__":
    main()
