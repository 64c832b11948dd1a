"""Writes for national coalitions: items typed in by editors and their moderation.
(Harvesting lives in national/harvest.py.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from national.models import Item, NationalCoalition
from national.tasks import notify_moderators

EDITABLE_FIELDS = (
    "kind",
    "title",
    "summary",
    "link",
    "language",
    "starts_on",
    "ends_on",
    "deadline",
    "location",
)


def _state_after_edit(coalition: NationalCoalition) -> str:
    return Item.State.APPROVED if coalition.trusted else Item.State.PENDING


@transaction.atomic
def item_create(*, coalition: NationalCoalition, editor, data: dict[str, Any]) -> Item:
    """An item typed in by an editor: public at once for a trusted coalition,
    waiting for moderation otherwise. Published now, as a feed entry is published
    when its website puts it out, so it sorts among harvested items by that date."""
    item = Item(
        coalition=coalition,
        country=coalition.country,
        source=Item.Source.TYPED,
        state=_state_after_edit(coalition),
        created_by=editor,
        published_at=timezone.now(),
        **{name: data.get(name) for name in EDITABLE_FIELDS if name in data},
    )
    item.full_clean()
    item.save()
    if item.state == Item.State.PENDING:
        notify_moderators(item_ids=[item.pk])
    return item


@transaction.atomic
def item_update(*, item: Item, editor, data: dict[str, Any]) -> Item:
    """An editor's change; unless the coalition is trusted it goes (back) to
    moderation, so nothing reaches the public unreviewed. Harvested items belong
    to their connected website (the next harvest overwrites them): refused."""
    if item.is_harvested:
        raise ValueError("Harvested items are edited on their connected website.")
    for name in EDITABLE_FIELDS:
        if name in data:
            setattr(item, name, data[name])
    item.state = _state_after_edit(item.coalition)
    item.full_clean()
    item.save()
    if item.state == Item.State.PENDING:
        notify_moderators(item_ids=[item.pk])
    return item


@transaction.atomic
def items_moderate(*, items: QuerySet[Item], moderator, state: str, now: dt.datetime) -> int:
    """Approve, reject or send back to moderation; returns how many items changed."""
    if state not in Item.State.values:
        raise ValueError(f"Unknown moderation state {state!r}")
    return items.exclude(state=state).update(state=state, moderated_by=moderator, moderated_at=now)
