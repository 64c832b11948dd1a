"""Emails about national content (templates in templates/emails/national/,
written and sent by coalition.emails)."""

from __future__ import annotations

from coalition import emails
from members.moderation import moderator_recipients
from national.models import Item


def email_moderators(*, item_ids: list[int]) -> int:
    """One email to the moderators (MODERATORS_EMAIL and the Moderators group's
    active staff, as for pledges) listing the items that wait for moderation
    (those still waiting when it is sent). Returns how many it listed."""
    items = list(
        Item.objects.filter(pk__in=item_ids, state=Item.State.PENDING)
        .select_related("coalition")
        .order_by("coalition__name", "pk")
    )
    if not items:
        return 0
    if not emails.send("national/moderation", moderator_recipients(), {"items": items}):
        return 0
    return len(items)
