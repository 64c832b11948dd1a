"""Background work of the members app (Django's tasks framework)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task


@task
def send_email(*, subject: str, body: str, recipient: str) -> None:
    """Send one plain-text email. Queued in the transaction that caused it, so it
    goes out only if that transaction commits, and a slow or failing mail server
    never breaks a page; the worker (`manage.py db_worker`) sends it."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
