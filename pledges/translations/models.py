"""Organisations' own translations of a pledge's title and summary."""

from __future__ import annotations

import hashlib
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coalition.languages import language_field
from pledges.models import Pledge

__all__ = ["PledgeTranslation", "source_fingerprint"]


def source_fingerprint(pledge: Pledge) -> str:
    """What a translation was made from: the pledge's title, summary and
    language when it was saved. A translation whose fingerprint no longer
    matches translates an earlier wording, and visitors see the original."""
    source = "\x1f".join((pledge.language, pledge.title, pledge.summary))
    return hashlib.sha256(source.encode()).hexdigest()


class PledgeTranslation(models.Model):
    """The pledge's title and summary in another language, written by its
    organisation. Shown to visitors at once (the pledge itself was moderated;
    staff can hide a translation in the admin), and only while it translates
    the pledge's current wording."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="translations", verbose_name=_("pledge")
    )
    language = language_field(defaulted=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=3000)
    source_fingerprint = models.CharField(max_length=64, editable=False)
    hidden = models.BooleanField(
        _("hidden by the moderators"),
        default=False,
        help_text=_("Visitors see the pledge’s original text instead."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("pledge translation")
        verbose_name_plural = _("pledge translations")
        ordering = ("pledge", "language")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("pledge", "language"), name="pledge_translation_once_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def is_current(self) -> bool:
        """It translates the pledge's current title and summary (needs the
        pledge loaded)."""
        return self.source_fingerprint == source_fingerprint(self.pledge)
