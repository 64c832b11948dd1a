"""Every email the portal sends (apart from allauth's account emails), written
and sent one way.

- **Written** from two templates, ``templates/emails/<name>_subject.txt`` and
  ``<name>_body.txt``, in one language: the site's (``LANGUAGE_CODE``) unless
  the caller passes another. Plain text; the subject names the portal and is one
  line.
- **Sent** through Django's mail framework, never inside a web request: a
  service queues a task with ``enqueue_on_commit()`` (Django's documented way:
  ``transaction.on_commit`` around ``Task.enqueue``), so nothing is sent for a
  change that rolls back, and the worker (``manage.py db_worker``) never looks
  for rows that are not committed yet. Either the task finds what to say in the
  database and calls ``send()`` (pledges, national items), or the request
  renders the email at once and ``queue()`` hands the finished text to the
  ``send_email`` task (an invitation's link holds a token that is stored only as
  a hash, so nothing later could write it again).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import Task, task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def absolute_url(path: str) -> str:
    """A link for an email: the path on SITE_URL (an email has no request to
    take the host from)."""
    return f"{settings.SITE_URL}{path}"


def portal_url(viewname: str, **kwargs: Any) -> str:
    """``reverse()`` as an absolute link (in the active language's URL prefix)."""
    return absolute_url(reverse(viewname, kwargs=kwargs or None))


def render(name: str, context: Mapping[str, Any], *, language: str | None = None) -> Email:
    """The email ``name`` (``"pledges/decision"``: templates/emails/pledges/
    decision_subject.txt and _body.txt) in ``language``, by default the site's.
    SITE_NAME and SITE_URL are in the templates' context. The subject starts
    with ``[SITE_NAME]`` and is folded to one line with single spaces, whatever
    the template or the names in it hold."""
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{name}_subject.txt", context)
        body = render_to_string(f"emails/{name}_body.txt", context)
    return Email(subject=" ".join(f"[{settings.SITE_NAME}] {subject}".split()), body=body)


def send(
    name: str,
    recipients: Iterable[str],
    context: Mapping[str, Any],
    *,
    language: str | None = None,
) -> int:
    """Render ``name`` and send it now as one message to all ``recipients``
    together (a team, the moderators). For tasks on the worker; returns how many
    messages were sent (0 without recipients)."""
    recipients = sorted(set(recipients))
    if not recipients:
        return 0
    email = render(name, context, language=language)
    return EmailMultiAlternatives(subject=email.subject, body=email.body, to=recipients).send()


@task
def send_email(*, subject: str, body: str, recipient: str) -> None:
    """Send one finished plain-text email (see ``queue()``). The task's stored
    result holds the address and the message, so it is pruned after a while and
    at once for a deleted account (``members.services.email_task_results_delete``
    finds it by ``recipient``)."""
    EmailMultiAlternatives(subject=subject, body=body, to=[recipient]).send()


def queue(
    name: str,
    recipients: Iterable[str],
    context: Mapping[str, Any],
    *,
    language: str | None = None,
) -> None:
    """Render ``name`` now and, once the transaction commits, queue one message
    for each recipient (no one sees the others' addresses) for the worker."""
    recipients = sorted(set(recipients))
    if not recipients:
        return
    email = render(name, context, language=language)
    for recipient in recipients:
        enqueue_on_commit(send_email, subject=email.subject, body=email.body, recipient=recipient)


def enqueue_on_commit(task: Task, *args: Any, **kwargs: Any) -> None:
    """Queue ``task`` once the current transaction commits (at once outside
    one); nothing is queued if it rolls back. The one way every app queues an
    email task."""
    transaction.on_commit(partial(task.enqueue, *args, **kwargs))
