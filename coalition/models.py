from __future__ import annotations

from typing import ClassVar, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coalition.languages import language_field


class PillarText(NamedTuple):
    """A pillar's texts in one language, and that language: the one asked for,
    or the site's when the pillar has no translation into it (pages mark the
    texts with ``lang`` when it is not the page's)."""

    name: str
    short_name: str
    description: str
    language: str


class PillarQuerySet(models.QuerySet["Pillar"]):
    def in_order(self) -> PillarQuerySet:
        return self.order_by("position")

    def with_translations(self, language: str | None = None) -> PillarQuerySet:
        """With their translations (only into ``language`` if given: a page
        needs its own), so that ``in_language()`` makes no query."""
        if language is None:
            return self.prefetch_related("translations")
        return self.prefetch_related(
            models.Prefetch(
                "translations", queryset=PillarTranslation.objects.filter(language=language)
            )
        )


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

    def in_language(self, code: str) -> PillarText:
        """The texts in ``code`` (``PillarTranslation``), else the site's
        (English) ones, with the language they are in. Reads
        ``self.translations.all()``: prefetch them (``with_translations()``)
        for a list."""
        if code != settings.LANGUAGE_CODE:
            for translation in self.translations.all():
                if translation.language == code:
                    return PillarText(
                        translation.name,
                        translation.short_name,
                        translation.description,
                        code,
                    )
        return PillarText(self.name, self.short_name, self.description, settings.LANGUAGE_CODE)

    # The interface catalogues' translation of the original wording
    # (coalition/pillars.py), as before PillarTranslation; no query, so the
    # layout's navigation and the pledge page keep using them until they read
    # in_language() with the translations prefetched.
    @property
    def label(self) -> str:
        return gettext(self.name)

    @property
    def short_label(self) -> str:
        return gettext(self.short_name)

    @property
    def description_text(self) -> str:
        return gettext(self.description)


class PillarTranslation(models.Model):
    """A pillar's name, short name and description in one language other than
    the site's (the pillar's own fields hold those). Staff edit them in the
    admin, on the pillar's page."""

    pillar = models.ForeignKey(
        Pillar, on_delete=models.CASCADE, related_name="translations", verbose_name=_("pillar")
    )
    language = language_field(defaulted=False)
    name = models.CharField(_("name"), max_length=120)
    short_name = models.CharField(_("short name"), max_length=60)
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("pillar translation")
        verbose_name_plural = _("pillar translations")
        ordering = ("pillar", "language")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("pillar", "language"), name="pillar_translation_once_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"

    def clean(self) -> None:
        if self.language == settings.LANGUAGE_CODE:
            raise ValidationError(
                {"language": _("The pillar’s own fields are in this language: edit them instead.")}
            )
