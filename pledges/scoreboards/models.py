"""Pledge Scoreboards: an organisation's named sets of pledges to compare and share."""

from __future__ import annotations

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models import Organisation


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


class Scoreboard(models.Model):
    """An organisation's named set of pledges to compare and share: either pledges
    picked by hand, or a saved viewer filter that stays live."""

    class Kind(models.TextChoices):
        SELECTION = "selection", _("Chosen pledges")
        FILTER = "filter", _("Saved filter (live)")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="scoreboards",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SELECTION)
    # The viewer's query string (normalised) for a live, filter-based scoreboard.
    query = models.CharField(_("saved filter"), max_length=2000, blank=True)
    pledges = models.ManyToManyField(
        "pledges.Pledge",
        through="ScoreboardPledge",
        related_name="scoreboards",
        blank=True,
        verbose_name=_("pledges"),
    )
    share_token = models.CharField(
        _("share token"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    shared_at = models.DateTimeField(_("shared"), null=True, blank=True)
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
        verbose_name = _("scoreboard")
        verbose_name_plural = _("scoreboards")
        ordering = ("organisation", "name", "pk")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("organisation", "name"), name="scoreboard_name_unique_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "viewer:scoreboard_detail",
            kwargs={"slug": self.organisation.slug, "pk": self.pk},
        )

    def get_shared_url(self) -> str:
        return reverse("viewer:scoreboard_shared", kwargs={"token": self.share_token})

    def get_embed_url(self) -> str:
        return reverse("viewer:scoreboard_embed", kwargs={"token": self.share_token})

    @property
    def is_shared(self) -> bool:
        return bool(self.share_token)


class ScoreboardPledge(models.Model):
    scoreboard = models.ForeignKey(
        Scoreboard, on_delete=models.CASCADE, related_name="entries", verbose_name=_("scoreboard")
    )
    pledge = models.ForeignKey(
        "pledges.Pledge",
        on_delete=models.CASCADE,
        related_name="scoreboard_entries",
        verbose_name=_("pledge"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("scoreboard pledge")
        verbose_name_plural = _("scoreboard pledges")
        ordering = ("scoreboard", "added_at", "pk")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=("scoreboard", "pledge"), name="scoreboard_pledge_once"),
        ]

    def __str__(self) -> str:
        return f"{self.scoreboard}: {self.pledge_id}"


__all__ = ["Scoreboard", "ScoreboardPledge", "new_share_token"]
