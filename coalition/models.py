from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PillarQuerySet(models.QuerySet["Pillar"]):
    def in_order(self) -> PillarQuerySet:
        return self.order_by("position")


class Pillar(models.Model):
    """One of the Coalition's four pillars. The slugs are fixed (a data migration
    creates them); staff may edit names and descriptions."""

    class Slug(models.TextChoices):
        FOR_ALL = "for-all", _("Digital skills for all")
        LABOUR_FORCE = "labour-force", _("Digital skills for the labour force")
        ICT_PROFESSIONALS = "ict-professionals", _("Digital skills for ICT professionals")
        EDUCATION = "education", _("Digital skills in education")

    slug = models.SlugField(_("slug"), max_length=40, unique=True, choices=Slug.choices)
    name = models.CharField(_("name"), max_length=120)
    short_name = models.CharField(_("short name"), max_length=60)
    description = models.TextField(_("description"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = PillarQuerySet.as_manager()

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        ordering = ("position",)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pillar_detail", kwargs={"slug": self.slug})

    # Names and descriptions live in the database so staff can edit them; the
    # original wording is in the message catalogues (coalition/pillars.py), so
    # these show it in the visitor's language until staff change it.
    @property
    def label(self) -> str:
        return gettext(self.name)

    @property
    def short_label(self) -> str:
        return gettext(self.short_name)

    @property
    def description_text(self) -> str:
        return gettext(self.description)
