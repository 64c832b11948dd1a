"""Emails the members app sends: rendered from templates/emails/members/, plain
text, naming the portal, queued as background tasks in the transaction that
caused them and sent through Django's mail framework by the worker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from members.tasks import send_email


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def portal_url(viewname: str, **kwargs: Any) -> str:
    return absolute_url(reverse(viewname, kwargs=kwargs or None))


def send(template: str, recipients: Iterable[str], context: dict[str, Any]) -> None:
    """Render templates/emails/members/<template>_subject.txt and _body.txt and send
    them to each recipient separately (no one sees the others' addresses)."""
    recipients = sorted(set(recipients))
    if not recipients:
        return
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/members/{template}_subject.txt", context)
        body = render_to_string(f"emails/members/{template}_body.txt", context)
    subject = f"[{settings.SITE_NAME}] " + " ".join(subject.split())
    for recipient in recipients:
        send_email.enqueue(subject=subject, body=body, recipient=recipient)
