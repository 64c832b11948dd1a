"""Every email the portal sends (apart from allauth's account emails), written
and sent one way.

- **Written** from two templates, ``templates/emails/<name>_subject.txt`` and
  ``<name>_body.txt``, in one language: the site's (``LANGUAGE_CODE``) unless
  the caller passes another. Plain text; the subject names the portal and is one
  line. Links made with ``portal_url()`` and ``page_url()`` are worked out as
  the email is written, so each points to the pages in the email's language.
- **In the recipient's language**: ``send()`` and ``queue()`` take addresses or
  ``Recipient``s (an address and a language, ``Recipient.of(user)`` for a
  person with an account, whose preference is ``User.preferred_language``),
  and write one message per language: a team whose members read French and
  German gets the French one and the German one, never the sender's page's.
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
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import Task, task
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.functional import lazy
from django.utils.text import format_lazy

from coalition.languages import interface_language


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


class Person(Protocol):
    email: str
    email_language: str


@dataclass(frozen=True)
class Recipient:
    """An address, and the language to write to it in ("" for the site's)."""

    address: str
    language: str = ""

    @classmethod
    def of(cls, person: Person) -> Recipient:
        """A person with an account, in the language they chose for emails."""
        return cls(person.email, person.email_language)


def by_language(
    recipients: Iterable[str | Recipient], *, language: str | None = None
) -> dict[str, list[str]]:
    """``{language: addresses}``: each recipient once (the first time it is
    named), in its language as the interface has it (``Recipient``s), or in
    ``language`` (plain addresses), else the site's. Sorted, so that the
    messages go out in a stable order."""
    default = interface_language(language)
    languages: dict[str, str] = {}
    for recipient in recipients:
        if isinstance(recipient, Recipient):
            address = recipient.address
            chosen = interface_language(recipient.language) if recipient.language else default
        else:
            address, chosen = recipient, default
        if address:
            languages.setdefault(address, chosen)
    groups: dict[str, list[str]] = {}
    for address, chosen in sorted(languages.items()):
        groups.setdefault(chosen, []).append(address)
    return dict(sorted(groups.items()))


def absolute_url(path: str) -> str:
    """A link for an email: the path on SITE_URL (an email has no request to
    take the host from)."""
    return f"{settings.SITE_URL}{path}"


def portal_url(viewname: str, **kwargs: Any) -> str:
    """``reverse()`` as an absolute link, worked out when the email is
    written: in the URL prefix of the email's language."""
    return format_lazy("{}{}", settings.SITE_URL, reverse_lazy(viewname, kwargs=kwargs or None))


def _page_url(obj: Any) -> str:
    return absolute_url(obj.get_absolute_url())


def page_url(obj: Any) -> str:
    """``obj.get_absolute_url()`` as an absolute link, worked out when the
    email is written (in the email's language)."""
    return lazy(_page_url, str)(obj)


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
    recipients: Iterable[str | Recipient],
    context: Mapping[str, Any],
    *,
    language: str | None = None,
) -> int:
    """Render ``name`` and send it now, one message per language to all the
    ``recipients`` who read it (a team, the moderators). For tasks on the
    worker; returns how many messages were sent (0 without recipients)."""
    sent = 0
    for written_in, addresses in by_language(recipients, language=language).items():
        email = render(name, context, language=written_in)
        sent += EmailMultiAlternatives(subject=email.subject, body=email.body, to=addresses).send()
    return sent


@task
def send_email(*, subject: str, body: str, recipient: str) -> None:
    """Send one finished plain-text email (see ``queue()``). The task's stored
    result holds the address and the message, so it is pruned after a while and
    at once for a deleted account (``members.services.email_task_results_delete``
    finds it by ``recipient``)."""
    EmailMultiAlternatives(subject=subject, body=body, to=[recipient]).send()


def queue(
    name: str,
    recipients: Iterable[str | Recipient],
    context: Mapping[str, Any],
    *,
    language: str | None = None,
) -> None:
    """Render ``name`` now, once per language of the ``recipients``, and once
    the transaction commits queue one message for each recipient (no one sees
    the others' addresses) for the worker."""
    for written_in, addresses in by_language(recipients, language=language).items():
        email = render(name, context, language=written_in)
        for address in addresses:
            enqueue_on_commit(send_email, subject=email.subject, body=email.body, recipient=address)


def enqueue_on_commit(task: Task, *args: Any, **kwargs: Any) -> None:
    """Queue ``task`` once the current transaction commits (at once outside
    one); nothing is queued if it rolls back. The one way every app queues an
    email task."""
    transaction.on_commit(partial(task.enqueue, *args, **kwargs))
