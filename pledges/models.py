"""Pledges: an organisation's commitment, its initiatives, their indicators, and
the progress reported against them.

Workflow (services in pledges/services.py enforce it): draft -> submitted ->
approved (public) | changes requested | rejected; approved -> completed |
withdrawn. Every transition is recorded in PledgeTransition.

Edits to an approved pledge never reach the public unreviewed: they are made on
a *revision*, a Pledge row with `revision_of` set to the public pledge, which
goes through the same workflow; approving it copies its content onto the public
pledge (same id and URL) and deletes the revision.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coalition.labels import label_of
from coalition.languages import language_field
from coalition.models import Pillar
from members.models import Organisation


class BeneficiaryGroup(models.TextChoices):
    CITIZENS = "citizens", _("Citizens in general")
    PUPILS = "pupils", _("Primary and secondary pupils")
    STUDENTS = "students", _("Higher-education students")
    TEACHERS = "teachers", _("Teachers and educators")
    JOB_SEEKERS = "job-seekers", _("Job seekers")
    EMPLOYEES = "employees", _("Employees")
    ICT_PROFESSIONALS = "ict-professionals", _("ICT professionals")
    WOMEN_AND_GIRLS = "women-and-girls", _("Women and girls")
    OLDER_PEOPLE = "older-people", _("Older people")
    SMES = "smes", _("SMEs and entrepreneurs")
    DISADVANTAGED = "disadvantaged", _("Disadvantaged groups")


class ActionType(models.TextChoices):
    TRAINING = "training", _("Training")
    COURSES = "courses", _("Courses")
    CERTIFICATION = "certification", _("Certification")
    PLACEMENTS = "placements", _("Placements")
    AWARENESS = "awareness", _("Awareness-raising")
    JOB_MATCHING = "job-matching", _("Job matching")
    TEACHER_TRAINING = "teacher-training", _("Teacher training")
    CODING_CLASSES = "coding-classes", _("Coding classes")
    OTHER = "other", _("Other")


class DeliveryMode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", _("In person")
    BLENDED = "blended", _("Blended")


class PledgeQuerySet(models.QuerySet["Pledge"]):
    def public(self) -> PledgeQuerySet:
        """Pledges the public may see: approved, then completed; never revisions."""
        return self.filter(status__in=Pledge.PUBLIC_STATUSES, revision_of__isnull=True)


class Pledge(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes-requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    PUBLIC_STATUSES: ClassVar[tuple[str, ...]] = (Status.APPROVED, Status.COMPLETED)

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="pledges",
        verbose_name=_("organisation"),
    )
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="partner_pledges",
        verbose_name=_("partner organisations"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=3000)
    language = language_field()
    beyond_day_to_day = models.TextField(
        _("why it goes beyond day-to-day activities"), max_length=3000
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    revision_of = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pending_revision",
        verbose_name=_("revision of"),
        help_text=_("Set on an unreviewed edit of an approved pledge."),
    )
    approved_at = models.DateTimeField(_("first approved"), null=True, blank=True)
    last_report_approved_at = models.DateTimeField(_("last report approved"), null=True, blank=True)
    inactive_since = models.DateTimeField(
        _("inactive since"),
        null=True,
        blank=True,
        help_text=_("Set when a pledge goes 24 months without an approved report."),
    )
    report_reminder_sent_at = models.DateTimeField(
        _("last report reminder"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the team was last reminded that a progress report is due."),
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

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pledges:detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES and self.revision_of_id is None

    @property
    def is_revision(self) -> bool:
        return self.revision_of_id is not None

    @property
    def is_editable(self) -> bool:
        """Editors may change the content now (otherwise they propose a revision)."""
        return self.status in (self.Status.DRAFT, self.Status.CHANGES_REQUESTED)

    @property
    def accepts_reports(self) -> bool:
        return self.status in self.PUBLIC_STATUSES and self.revision_of_id is None


class Initiative(models.Model):
    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="initiatives", verbose_name=_("pledge")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    language = language_field()
    pillars = models.ManyToManyField(Pillar, related_name="initiatives", verbose_name=_("pillars"))
    # ISO 3166-1 alpha-2 codes of Member States; empty with eu_wide set means EU-wide.
    countries = ArrayField(
        models.CharField(max_length=2), default=list, blank=True, verbose_name=_("countries")
    )
    eu_wide = models.BooleanField(_("EU-wide"), default=False)
    beneficiary_groups = ArrayField(
        models.CharField(max_length=30, choices=BeneficiaryGroup.choices),
        default=list,
        blank=True,
        verbose_name=_("beneficiary groups"),
    )
    action_types = ArrayField(
        models.CharField(max_length=30, choices=ActionType.choices),
        default=list,
        blank=True,
        verbose_name=_("action types"),
    )
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DeliveryMode.choices, blank=True
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    origin = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from"),
        help_text=_("On a revision: the public initiative this one changes."),
    )

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ("pledge", "position", "pk")

    def __str__(self) -> str:
        return self.title

    @property
    def delivery_mode_label(self) -> str:
        """get_delivery_mode_display(), without building the choices each time."""
        return label_of(self.delivery_mode, DeliveryMode)


class Indicator(models.Model):
    class Kind(models.TextChoices):
        PEOPLE_REACHED = "people-reached", _("People reached")
        TRAINING_PLACES_ONLINE = "training-places-online", _("Training places (online)")
        TRAINING_PLACES_IN_PERSON = "training-places-in-person", _("Training places (face-to-face)")
        TRAINING_PLACES_BLENDED = "training-places-blended", _("Training places (blended)")
        CERTIFICATIONS = "certifications", _("Certifications issued")
        AWARENESS = "awareness", _("People reached by awareness-raising")
        PLACEMENTS = "placements", _("Placements (internships, traineeships)")
        JOB_VACANCIES = "job-vacancies", _("Job vacancies matched")
        NEW_COURSES = "new-courses", _("New courses developed")
        CUSTOM = "custom", _("Custom indicator")

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("initiative"),
    )
    kind = models.CharField(_("indicator"), max_length=40, choices=Kind.choices)
    custom_name = models.CharField(_("name of the custom indicator"), max_length=200, blank=True)
    target = models.PositiveIntegerField(_("target"))
    origin = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from"),
        help_text=_("On a revision: the public indicator this one changes."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ("initiative", "pk")
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(target__gt=0), name="indicator_target_positive"
            ),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.CUSTOM:
            return self.custom_name
        return label_of(self.kind, self.Kind)


class ProgressReport(models.Model):
    """Achieved values for a period. Counts once approved."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes-requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="reports", verbose_name=_("pledge")
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    narrative = models.TextField(_("what was achieved"), max_length=5000)
    language = language_field()
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.SUBMITTED,
        db_index=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ("pledge", "-period_end")

    def __str__(self) -> str:
        return f"{self.pledge} ({self.period_start} – {self.period_end})"


class ReportedValue(models.Model):
    """The value achieved for one indicator in one report (absent = not reported)."""

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="values", verbose_name=_("report")
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="reported_values",
        verbose_name=_("indicator"),
    )
    value = models.PositiveIntegerField(_("achieved"))
    # The breakdown of a people-based value (pledges.reporting.breakdown): each
    # group is given whole, adding up to the value, or not at all (NULL = not
    # recorded).
    women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    gender_other = models.PositiveIntegerField(_("other or not recorded"), null=True, blank=True)
    age_under_25 = models.PositiveIntegerField(_("under 25"), null=True, blank=True)
    age_25_to_54 = models.PositiveIntegerField(_("25 to 54"), null=True, blank=True)
    age_55_and_over = models.PositiveIntegerField(_("55 and over"), null=True, blank=True)
    age_not_recorded = models.PositiveIntegerField(_("age not recorded"), null=True, blank=True)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=("report", "indicator"), name="one_value_per_indicator"),
            models.CheckConstraint(
                condition=models.Q(women=None, men=None, gender_other=None)
                | models.Q(
                    value=models.F("women") + models.F("men") + models.F("gender_other"),
                    women__isnull=False,
                    men__isnull=False,
                    gender_other__isnull=False,
                ),
                name="reported_value_gender_adds_up",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    age_under_25=None,
                    age_25_to_54=None,
                    age_55_and_over=None,
                    age_not_recorded=None,
                )
                | models.Q(
                    value=models.F("age_under_25")
                    + models.F("age_25_to_54")
                    + models.F("age_55_and_over")
                    + models.F("age_not_recorded"),
                    age_under_25__isnull=False,
                    age_25_to_54__isnull=False,
                    age_55_and_over__isnull=False,
                    age_not_recorded__isnull=False,
                ),
                name="reported_value_age_adds_up",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class PledgeTransition(models.Model):
    """One step of a pledge's (or its report's) workflow: who, when, why. The
    actor is empty for the portal's own steps (a pledge marked inactive)."""

    class Step(models.TextChoices):
        """Steps that are not a status of the pledge or report row itself."""

        INACTIVE = "inactive", _("Inactive")
        ACTIVE_AGAIN = "active", _("Active again")
        DISCARDED = "discarded", _("Discarded")

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("pledge")
    )
    report = models.ForeignKey(
        ProgressReport,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transitions",
        verbose_name=_("progress report"),
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    message = models.TextField(_("message"), blank=True)
    on_revision = models.BooleanField(
        _("about proposed changes"),
        default=False,
        help_text=_("The step concerns proposed changes to the approved pledge."),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow history")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"

    def _label(self, status: str) -> str:
        for choices in (ProgressReport.Status if self.report_id else Pledge.Status, self.Step):
            try:
                return str(choices(status).label)
            except ValueError:
                continue
        return status

    @property
    def from_label(self) -> str:
        return self._label(self.from_status) if self.from_status else ""

    @property
    def to_label(self) -> str:
        return self._label(self.to_status)


from pledges.scoreboards.models import *  # noqa: E402, F403
from pledges.translations.models import *  # noqa: E402, F403
from pledges.viewer.models import *  # noqa: E402, F403
