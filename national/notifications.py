"""Emails about national content (plain text, naming the portal)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from members.moderation import moderator_addresses
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
    recipients = moderator_addresses() if items else []
    if not recipients:
        return 0
    with override(settings.LANGUAGE_CODE):
        admin_url = settings.SITE_URL + reverse("admin:national_item_changelist")
        lines = [
            _("Hello,"),
            "",
            ngettext(
                "%(count)d national item waits for moderation on the %(site)s portal:",
                "%(count)d national items wait for moderation on the %(site)s portal:",
                len(items),
            )
            % {"count": len(items), "site": settings.SITE_NAME},
            "",
        ]
        for item in items:
            change_url = settings.SITE_URL + reverse("admin:national_item_change", args=[item.pk])
            lines.append(
                f"- {item.coalition.name} — {item.get_kind_display()}: {item.title}\n"
                f"  ({item.get_source_display()}) {change_url}"
            )
        lines += [
            "",
            _("Approve or reject them in the administration: %(url)s")
            % {"url": f"{admin_url}?state__exact=pending"},
            "",
            "— " + settings.SITE_NAME,
        ]
        subject = ngettext(
            "[%(site)s] %(count)d national item to moderate",
            "[%(site)s] %(count)d national items to moderate",
            len(items),
        ) % {"site": settings.SITE_NAME, "count": len(items)}
    send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients)
    return len(items)
