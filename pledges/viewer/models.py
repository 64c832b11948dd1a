"""Models of the Pledge Viewer (derived rows; the scoreboards are in pledges.scoreboards).

`PledgeCard` is a denormalised row per *public* pledge: everything the viewer,
the facet counts, the totals, the exports and the feeds read, in one narrow
table with a stored full-text vector and GIN-indexed facet arrays. It is derived
data: `pledges.viewer.read_model.refresh_pledges()` rebuilds it whenever a pledge or
its reports change, and `manage.py rebuild_pledge_index` rebuilds it all.
A pledge that is not public has no card, so reading cards never leaks drafts.
"""

from __future__ import annotations

from typing import ClassVar

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models import Organisation

# The standard indicators, in display order, and the column suffix of each on
# PledgeCard (`target_<suffix>` and `achieved_<suffix>`).
STANDARD_KINDS: tuple[tuple[str, str], ...] = (
    ("people-reached", "people_reached"),
    ("training-places-online", "places_online"),
    ("training-places-in-person", "places_in_person"),
    ("training-places-blended", "places_blended"),
    ("certifications", "certifications"),
    ("awareness", "awareness"),
    ("placements", "placements"),
    ("job-vacancies", "job_vacancies"),
    ("new-courses", "new_courses"),
)
# Indicators that count people: their targets add up to a pledge's "target reach".
REACH_KINDS: frozenset[str] = frozenset(kind for kind, _s in STANDARD_KINDS) - {"new-courses"}
EU_WIDE = "EU"


def _target(label: str) -> models.BigIntegerField:
    return models.BigIntegerField(_("target: %s") % label, default=0)


def _achieved(label: str) -> models.BigIntegerField:
    # NULL means "not yet reported", which is not the same as 0.
    return models.BigIntegerField(_("achieved: %s") % label, null=True, blank=True)


class PledgeCard(models.Model):
    """One public pledge, flattened for fast filtering, counting and listing."""

    pledge = models.OneToOneField(
        "pledges.Pledge",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="card",
        verbose_name=_("pledge"),
    )
    title = models.CharField(_("title"), max_length=200)
    sort_title = models.CharField(_("title for sorting"), max_length=200)
    excerpt = models.CharField(_("excerpt"), max_length=320, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    organisation_slug = models.CharField(_("organisation slug"), max_length=220)
    organisation_sector = models.CharField(_("organisation sector"), max_length=20)
    organisation_type = models.CharField(_("organisation type"), max_length=30)
    organisation_country = models.CharField(_("organisation country"), max_length=2)
    partner_names = models.TextField(_("partners"), blank=True)
    status = models.CharField(_("status"), max_length=20)
    approved_at = models.DateTimeField(_("first approved"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_year = models.SmallIntegerField(_("start year"), null=True, blank=True)
    pillars = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    countries = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    beneficiary_groups = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    action_types = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    delivery_modes = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    initiative_count = models.PositiveSmallIntegerField(_("initiatives"), default=0)
    target_reach = models.BigIntegerField(_("target reach"), default=0)
    has_reported = models.BooleanField(_("has reported"), default=False)
    # Every indicator has reached its target through approved reports (and there
    # is at least one), as progress.all_targets_reached() says: the organisation's
    # Achiever badge reads it (pledges.badges), not the sums behind it.
    targets_reached = models.BooleanField(_("all targets reached"), default=False)
    last_report_approved_at = models.DateTimeField(null=True, blank=True)

    target_people_reached = _target("people reached")
    achieved_people_reached = _achieved("people reached")
    target_places_online = _target("training places online")
    achieved_places_online = _achieved("training places online")
    target_places_in_person = _target("training places in person")
    achieved_places_in_person = _achieved("training places in person")
    target_places_blended = _target("training places blended")
    achieved_places_blended = _achieved("training places blended")
    target_certifications = _target("certifications")
    achieved_certifications = _achieved("certifications")
    target_awareness = _target("awareness")
    achieved_awareness = _achieved("awareness")
    target_placements = _target("placements")
    achieved_placements = _achieved("placements")
    target_job_vacancies = _target("job vacancies")
    achieved_job_vacancies = _achieved("job vacancies")
    target_new_courses = _target("new courses")
    achieved_new_courses = _achieved("new courses")

    search_vector = SearchVectorField(null=True)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("pledge viewer row")
        verbose_name_plural = _("pledge viewer rows")
        ordering = ("-approved_at", "-pledge_id")
        indexes: ClassVar = [
            GinIndex(fields=["pillars"], name="pledgecard_pillars"),
            GinIndex(fields=["countries"], name="pledgecard_countries"),
            GinIndex(fields=["beneficiary_groups"], name="pledgecard_groups"),
            GinIndex(fields=["action_types"], name="pledgecard_actions"),
            GinIndex(fields=["delivery_modes"], name="pledgecard_delivery"),
            models.Index(fields=["-approved_at", "-pledge"], name="pledgecard_newest"),
            models.Index(fields=["-target_reach", "-pledge"], name="pledgecard_reach"),
            models.Index(fields=["end_date", "pledge"], name="pledgecard_ending"),
            models.Index(fields=["sort_title", "pledge"], name="pledgecard_title"),
            models.Index(fields=["organisation_sector"], name="pledgecard_sector"),
            models.Index(fields=["organisation_type"], name="pledgecard_orgtype"),
            models.Index(fields=["start_year"], name="pledgecard_year"),
            models.Index(fields=["status"], name="pledgecard_status"),
            models.Index(
                fields=["organisation"],
                condition=models.Q(targets_reached=True),
                name="pledgecard_achiever",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pledges:detail", kwargs={"pk": self.pledge_id})

    def indicator_totals(self) -> list[tuple[str, int, int | None]]:
        """(kind, target, achieved or None) for each standard indicator with a target."""
        rows = []
        for kind, suffix in STANDARD_KINDS:
            target = getattr(self, f"target_{suffix}")
            if target:
                rows.append((kind, target, getattr(self, f"achieved_{suffix}")))
        return rows


class PledgeFacets(models.Model):
    """The narrow part of a viewer row: only what filtering, facet counts, totals
    and sorting read (no text, no search vector), so those scans stay small
    (about a tenth of PledgeCard's size) and in memory. Rebuilt with PledgeCard."""

    pledge = models.OneToOneField(
        "pledges.Pledge",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="facets",
        verbose_name=_("pledge"),
    )
    pillars = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    countries = ArrayField(models.CharField(max_length=2), default=list, blank=True)
    beneficiary_groups = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    action_types = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    delivery_modes = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    organisation_sector = models.CharField(_("organisation sector"), max_length=20)
    organisation_type = models.CharField(_("organisation type"), max_length=30)
    status = models.CharField(_("status"), max_length=20)
    start_year = models.SmallIntegerField(_("start year"), null=True, blank=True)
    approved_at = models.DateTimeField(_("first approved"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    sort_title = models.CharField(_("title for sorting"), max_length=200)
    target_reach = models.BigIntegerField(_("target reach"), default=0)
    has_reported = models.BooleanField(_("has reported"), default=False)
    # Every facet option of the pledge as "facet:option" (pillar:education,
    # country:BE, year:2025...): the facets nobody has chosen an option in are
    # then counted with a single unnest and GROUP BY.
    options = ArrayField(models.CharField(max_length=60), default=list, blank=True)

    target_people_reached = _target("people reached")
    achieved_people_reached = _achieved("people reached")
    target_places_online = _target("training places online")
    achieved_places_online = _achieved("training places online")
    target_places_in_person = _target("training places in person")
    achieved_places_in_person = _achieved("training places in person")
    target_places_blended = _target("training places blended")
    achieved_places_blended = _achieved("training places blended")
    target_certifications = _target("certifications")
    achieved_certifications = _achieved("certifications")
    target_awareness = _target("awareness")
    achieved_awareness = _achieved("awareness")
    target_placements = _target("placements")
    achieved_placements = _achieved("placements")
    target_job_vacancies = _target("job vacancies")
    achieved_job_vacancies = _achieved("job vacancies")
    target_new_courses = _target("new courses")
    achieved_new_courses = _achieved("new courses")

    class Meta:
        verbose_name = _("pledge viewer facets")
        verbose_name_plural = _("pledge viewer facets")
        ordering = ("-approved_at", "-pledge_id")
        indexes: ClassVar = [
            GinIndex(fields=["countries"], name="pledgefacets_countries"),
            GinIndex(fields=["beneficiary_groups"], name="pledgefacets_groups"),
            GinIndex(fields=["action_types"], name="pledgefacets_actions"),
            models.Index(fields=["-approved_at", "-pledge"], name="pledgefacets_newest"),
            models.Index(fields=["-target_reach", "-pledge"], name="pledgefacets_reach"),
            models.Index(fields=["end_date", "pledge"], name="pledgefacets_ending"),
            models.Index(fields=["sort_title", "pledge"], name="pledgefacets_title"),
        ]

    def __str__(self) -> str:
        return str(self.pledge_id)


class PledgeSearch(models.Model):
    """The full-text part of a viewer row: only the pledge and its search vector
    (a copy of PledgeCard's), so a search that matches a quarter of the pledges
    reads a table about a third of PledgeCard's size. Rebuilt with PledgeCard."""

    pledge = models.OneToOneField(
        "pledges.Pledge",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_row",
        verbose_name=_("pledge"),
    )
    search_vector = SearchVectorField()

    class Meta:
        verbose_name = _("pledge viewer search row")
        verbose_name_plural = _("pledge viewer search rows")
        indexes: ClassVar = [GinIndex(fields=["search_vector"], name="pledgesearch_vector")]

    def __str__(self) -> str:
        return str(self.pledge_id)


class TransactionId(models.Field):
    """PostgreSQL's `xid8`: the id of the transaction that wrote the row, which a
    snapshot (`pg_current_snapshot()`) says is visible to it or not."""

    def db_type(self, connection) -> str:
        return "xid8"


class PledgeChange(models.Model):
    """A pledge whose viewer rows (facets or search vector) changed, came or went:
    `read_model.refresh_pledges()` writes one row per such pledge in the same
    transaction, and each web process's facet index applies the changes its last
    look did not see (`pledges.viewer.facet_index`). Kept for a day."""

    pledge_id = models.BigIntegerField(_("pledge"))  # no foreign key: the pledge may be gone
    transaction = TransactionId(
        db_default=models.Func(function="pg_current_xact_id", output_field=TransactionId()),
        editable=False,
    )
    changed_at = models.DateTimeField(_("changed"), db_default=Now(), editable=False)

    class Meta:
        verbose_name = _("pledge viewer change")
        verbose_name_plural = _("pledge viewer changes")
        indexes: ClassVar = [
            models.Index(fields=["transaction"], name="pledgechange_transaction"),
            models.Index(fields=["changed_at"], name="pledgechange_changed_at"),
        ]

    def __str__(self) -> str:
        return str(self.pledge_id)


__all__ = [
    "EU_WIDE",
    "REACH_KINDS",
    "STANDARD_KINDS",
    "PledgeCard",
    "PledgeChange",
    "PledgeFacets",
]
