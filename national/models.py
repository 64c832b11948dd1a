"""National coalitions, the content they share, and their connected websites' feeds.

A coalition's editors type items in; a connected website's feeds bring items in
by themselves (national/harvest.py). Either way, an item is public only once
approved: at once for a trusted coalition, after moderation otherwise.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from coalition.languages import CODE_LENGTH, Language, content_language_choices
from members.models import Organisation
from national.sanitise import plain_text, sanitise_html


class Kind(models.TextChoices):
    """What a piece of national content is; each kind has a public list."""

    POLICY = "policies", _("National policies and strategies")
    INITIATIVE = "initiatives", _("Initiatives")
    BEST_PRACTICE = "best-practices", _("Best practices")
    TRAINING = "training", _("Training opportunities")
    EVENT = "events", _("Events")
    FUNDING = "funding", _("Funding opportunities")
    RESOURCE = "resources", _("Resources")
    NEWS = "news", _("News")


# Paths under /national-coalitions/ that a coalition's slug must not shadow.
RESERVED_SLUGS = frozenset({"content", "items", "feeds"})


def validate_slug_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is taken by a page of the portal; choose another slug."),
            params={"slug": value},
            code="reserved",
        )


class NationalCoalitionQuerySet(models.QuerySet["NationalCoalition"]):
    def for_editor(self, user) -> NationalCoalitionQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(editors=user)


class NationalCoalition(models.Model):
    """The national coalition of one Member State."""

    country = CountryField(_("country"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=220, unique=True, validators=[validate_slug_not_reserved]
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="national/logos/", blank=True)
    launched_on = models.DateField(_("launch date"), null=True, blank=True)
    language = models.CharField(
        _("main language"),
        max_length=CODE_LENGTH,
        choices=content_language_choices,
        default=Language.EN,
        help_text=_("The language of items that do not say theirs."),
    )
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="national_coalitions",
        verbose_name=_("partner organisations"),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_coalitions",
        verbose_name=_("editors"),
        help_text=_("People who keep this coalition's page and content current."),
    )
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_("Items from a trusted coalition are published without moderation."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NationalCoalitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("national coalition")
        verbose_name_plural = _("national coalitions")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("national:detail", kwargs={"slug": self.slug})

    @property
    def is_connected(self) -> bool:
        """Whether a connected website feeds content in (needs `feeds` prefetched
        or costs a query)."""
        return any(feed.is_active for feed in self.feeds.all())


def published_or_created() -> Coalesce:
    """When an item appeared: its publication date (the feed's, or the moment an
    editor added it), else when the portal stored it. Lists sort newest first by it."""
    return Coalesce("published_at", "created_at")


class ItemQuerySet(models.QuerySet["Item"]):
    def public(self) -> ItemQuerySet:
        return self.filter(state=Item.State.APPROVED)

    def upcoming_events(self, *, today) -> ItemQuerySet:
        """Events that have not ended by `today`, soonest first."""
        return (
            self.filter(kind=Kind.EVENT)
            .filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today))
            .order_by("starts_on", "pk")
        )


class Item(models.Model):
    """One piece of content a national coalition shares."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Source(models.TextChoices):
        TYPED = "typed", _("Typed in")
        HARVESTED = "harvested", _("Harvested from a feed")

    coalition = models.ForeignKey(
        NationalCoalition,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("national coalition"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"),
        max_length=5000,
        blank=True,
        help_text=_("Plain text when typed in; sanitised HTML when harvested."),
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(
        _("language"), max_length=CODE_LENGTH, choices=content_language_choices
    )
    country = CountryField(_("country"))
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    state = models.CharField(
        _("moderation state"),
        max_length=10,
        choices=State.choices,
        default=State.PENDING,
        db_index=True,
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.TYPED
    )
    feed = models.ForeignKey(
        "Feed",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("feed"),
    )
    guid = models.CharField(
        _("feed entry id"),
        max_length=500,
        blank=True,
        help_text=_("The entry's id in its feed: the same entry never becomes two items."),
    )
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("national item")
        verbose_name_plural = _("national items")
        ordering = ("-published_at", "-created_at", "-pk")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("coalition", "guid"),
                condition=~Q(guid=""),
                name="national_item_entry_once",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="national_item_ends_after_start",
            ),
        ]
        indexes: ClassVar = [
            models.Index(fields=("state", "kind", "country"), name="national_item_public"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("national:item", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.state == self.State.APPROVED

    @property
    def is_harvested(self) -> bool:
        """Harvested items belong to the connected website: the next harvest
        overwrites them, so editors change them there, not on the portal."""
        return self.source == self.Source.HARVESTED

    @property
    def summary_text(self) -> str:
        """The summary without markup (for descriptions and feeds)."""
        return plain_text(self.summary) if self.source == self.Source.HARVESTED else self.summary

    @property
    def summary_html(self) -> str:
        """Harvested HTML, cleaned again on the way out (staff may have edited it
        in the admin); typed text as paragraphs, escaped."""
        if self.source == self.Source.HARVESTED:
            return mark_safe(sanitise_html(self.summary))  # noqa: S308 - sanitised just now
        return mark_safe(linebreaks(self.summary, autoescape=True))  # noqa: S308 - escaped


class Feed(models.Model):
    """A connected website's RSS or Atom feed of one kind of content."""

    coalition = models.ForeignKey(
        NationalCoalition,
        on_delete=models.CASCADE,
        related_name="feeds",
        verbose_name=_("national coalition"),
    )
    kind = models.CharField(_("kind of content"), max_length=20, choices=Kind.choices)
    url = models.URLField(_("feed address"), max_length=500)
    is_active = models.BooleanField(_("harvested"), default=True)
    etag = models.CharField(_("ETag"), max_length=300, blank=True, editable=False)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    entries_seen = models.PositiveIntegerField(_("entries at last success"), default=0)

    class Meta:
        verbose_name = _("connected feed")
        verbose_name_plural = _("connected feeds")
        ordering = ("coalition", "kind")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=("coalition", "kind"), name="national_feed_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.coalition} — {self.get_kind_display()}"

    @property
    def is_healthy(self) -> bool:
        return self.consecutive_failures == 0


# --- The Digital Decade's figures (national/digital_decade.py) -----------------


class DigitalDecadeRelease(models.Model):
    """One Eurostat dataset as loaded from its JSON-stat file
    (``manage.py load_digital_decade``): what the pages cite as the source.
    Loading a dataset again replaces its release and figures."""

    dataset = models.CharField(_("Eurostat dataset"), max_length=40, unique=True)
    label = models.CharField(_("title"), max_length=300)
    updated = models.DateField(_("updated by Eurostat"))
    source_url = models.URLField(_("source"), max_length=500)
    loaded_at = models.DateTimeField(_("loaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("Digital Decade release")
        verbose_name_plural = _("Digital Decade releases")
        ordering = ("dataset",)

    def __str__(self) -> str:
        return f"{self.dataset} ({self.updated})"


class DigitalDecadeFigure(models.Model):
    """One figure of a release: a country's (or the EU's) value of a Digital
    Decade indicator in a year, for both sexes or one."""

    class Indicator(models.TextChoices):
        BASIC_DIGITAL_SKILLS = (
            "basic-digital-skills",
            _("People with at least basic digital skills"),
        )
        ICT_SPECIALISTS = "ict-specialists", _("ICT specialists in employment")

    class Sex(models.TextChoices):
        TOTAL = "T", _("Total")
        WOMEN = "F", _("Women")
        MEN = "M", _("Men")

    release = models.ForeignKey(
        DigitalDecadeRelease,
        on_delete=models.CASCADE,
        related_name="figures",
        verbose_name=_("release"),
    )
    indicator = models.CharField(_("indicator"), max_length=40, choices=Indicator.choices)
    # An EU Member State's ISO 3166-1 alpha-2 code (Eurostat's EL is GR), or EU
    # for the European Union (Eurostat's EU27_2020).
    country = models.CharField(_("country"), max_length=2)
    year = models.PositiveSmallIntegerField(_("year"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.TOTAL)
    unit = models.CharField(_("unit"), max_length=20)  # Eurostat's code: PC_IND, THS_PER
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("Digital Decade figure")
        verbose_name_plural = _("Digital Decade figures")
        ordering = ("indicator", "country", "year", "sex")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("release", "indicator", "country", "year", "sex"),
                name="digital_decade_one_figure",
            ),
        ]
        indexes: ClassVar = [
            models.Index(fields=["country", "indicator"], name="digital_decade_country"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.country} {self.year} {self.sex}: {self.value}"
