from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from coalition.languages import (
    CODE_LENGTH,
    interface_language,
    interface_language_choices,
    language_field,
    site_language,
)


class UserManager(BaseUserManager["User"]):
    """Users log in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person with an account. Email is the login; names are optional."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("language of your emails"),
        max_length=CODE_LENGTH,
        choices=interface_language_choices,
        default=site_language,
        db_default="en",
        help_text=_("The portal writes to you in this language, whichever page you are on."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ("email",)
        constraints: ClassVar = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def email_language(self) -> str:
        """The language the portal's emails to this person are written in."""
        return interface_language(self.preferred_language)


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def members(self) -> OrganisationQuerySet:
        """Organisations whose Coalition membership staff have accepted."""
        return self.filter(member_since__isnull=False)


class Organisation(models.Model):
    """A private, public or third-sector organisation that uses the portal."""

    class Sector(models.TextChoices):
        PRIVATE = "private", _("Private sector")
        PUBLIC = "public", _("Public sector")
        THIRD = "third", _("Third sector")

    class Type(models.TextChoices):
        COMPANY = "company", _("Company")
        SME = "sme", _("SME")
        NGO = "ngo", _("NGO")
        PUBLIC_AUTHORITY = "public-authority", _("Public authority")
        EDUCATION_PROVIDER = "education-provider", _("Education or training provider")
        SOCIAL_PARTNER = "social-partner", _("Social partner")
        OTHER = "other", _("Other")

    class Size(models.TextChoices):
        MICRO = "micro", _("Micro (fewer than 10 people)")
        SMALL = "small", _("Small (10 to 49 people)")
        MEDIUM = "medium", _("Medium (50 to 249 people)")
        LARGE = "large", _("Large (250 people or more)")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    size = models.CharField(_("size"), max_length=20, choices=Size.choices)
    country = CountryField(_("country of headquarters"))
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    language = language_field(_("language of the description"))
    contact_email = models.EmailField(_("public contact email"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    member_since = models.DateTimeField(
        _("member since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when staff accept the organisation's membership application."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    users = models.ManyToManyField(
        User, through="TeamMembership", related_name="organisations", verbose_name=_("team")
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ("name",)
        indexes: ClassVar = [
            GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="organisation_name_trgm"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_member(self) -> bool:
        return self.member_since is not None


class TeamMembership(models.Model):
    """A user's place in an organisation's team."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        EDITOR = "editor", _("Editor")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="team", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="team_memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ("organisation", "user")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=("organisation", "user"), name="team_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) — {self.organisation}"


class CharterText(NamedTuple):
    """A Charter version's title and text in one language, and that language:
    the one asked for, or the site's when the version has no translation into
    it (pages mark the text with ``lang`` when it is not the page's)."""

    title: str
    text: str
    language: str


class CharterQuerySet(models.QuerySet["Charter"]):
    def current(self) -> Charter | None:
        """The version organisations endorse today: the highest published version."""
        return self.order_by("-version").first()


class Charter(models.Model):
    """One version of the Members Charter. Staff publish a new version rather than
    rewriting one that organisations have already endorsed."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"),
        max_length=20000,
        help_text=_("Plain text; blank lines separate paragraphs."),
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    created_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = CharterQuerySet.as_manager()

    class Meta:
        verbose_name = _("Members Charter version")
        verbose_name_plural = _("Members Charter versions")
        ordering = ("-version",)

    def __str__(self) -> str:
        return _("%(title)s (version %(version)s)") % {"title": self.title, "version": self.version}

    def in_language(self, code: str) -> CharterText:
        """This version in ``code`` (``CharterTranslation``), else in the site's
        language, which the version's own title and text are written in.
        Reads ``self.translations.all()`` (prefetch them for a list)."""
        if code != settings.LANGUAGE_CODE:
            for translation in self.translations.all():
                if translation.language == code:
                    return CharterText(translation.title, translation.text, code)
        return CharterText(self.title, self.text, settings.LANGUAGE_CODE)


class CharterTranslation(models.Model):
    """A Charter version in another language than the site's. Published with
    the version; once organisations have endorsed the version, staff may add
    a missing language but no longer change one (members/admin.py)."""

    charter = models.ForeignKey(
        Charter,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("Members Charter version"),
    )
    language = language_field(defaulted=False)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"),
        max_length=20000,
        help_text=_("Plain text; blank lines separate paragraphs."),
    )

    class Meta:
        verbose_name = _("Members Charter translation")
        verbose_name_plural = _("Members Charter translations")
        ordering = ("charter", "language")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("charter", "language"), name="charter_translation_once_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.charter} ({self.language})"

    def clean(self) -> None:
        if self.language == settings.LANGUAGE_CODE:
            raise ValidationError(
                {"language": _("The version’s own title and text are in this language.")}
            )


class MembershipApplication(models.Model):
    """An organisation's application to join the Coalition, endorsing one version of
    the Members Charter, and the staff decision on it (who, when, why)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="membership_applications",
        verbose_name=_("organisation"),
    )
    charter = models.ForeignKey(
        Charter,
        on_delete=models.PROTECT,
        related_name="endorsements",
        verbose_name=_("charter version endorsed"),
    )
    endorsed_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("endorsed by"),
    )
    endorsed_at = models.DateTimeField(_("endorsed"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ("-endorsed_at", "-pk")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("organisation",),
                condition=models.Q(status="pending"),
                name="one_pending_application_per_organisation",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(reason=""),
                name="declined_application_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return _("%(organisation)s, %(date)s") % {
            "organisation": self.organisation,
            "date": self.endorsed_at.date().isoformat(),
        }


class Invitation(models.Model):
    """An admin's invitation to join a team, sent by email. The link carries a random
    token; only its hash is stored. Single use, and it expires."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=TeamMembership.Role.choices,
        default=TeamMembership.Role.EDITOR,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class JoinRequest(models.Model):
    """A user's request to join an organisation's team, which its admins decide on."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting decision")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="join_requests", verbose_name=_("user")
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"))
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ("-created_at", "-pk")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=("organisation", "user"),
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"
