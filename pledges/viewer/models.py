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
# The standard indicators that count people and so take a gender and age
# breakdown (pledges.reporting.breakdown.PEOPLE_KINDS, in display order), and the
# breakdown's groups (its FIELDS): PledgeCard and PledgeFacets hold, per such
# indicator, each group's sum over the approved values that give it
# (`<group>_<suffix>`; NULL: no approved value gives that dimension). A test
# holds these to pledges.reporting.breakdown, which cannot be imported here.
BREAKDOWN_KINDS: tuple[tuple[str, str], ...] = tuple(
    (kind, suffix)
    for kind, suffix in STANDARD_KINDS
    if kind not in ("job-vacancies", "new-courses")
)
GENDER_GROUPS: tuple[str, ...] = ("women", "men", "gender_other")
AGE_GROUPS: tuple[str, ...] = (
    "age_under_25",
    "age_25_to_54",
    "age_55_and_over",
    "age_not_recorded",
)
BREAKDOWN_GROUPS: tuple[str, ...] = GENDER_GROUPS + AGE_GROUPS
BREAKDOWN_COLUMNS: tuple[str, ...] = tuple(
    f"{group}_{suffix}" for _kind, suffix in BREAKDOWN_KINDS for group in BREAKDOWN_GROUPS
)


def _target(label: str) -> models.BigIntegerField:
    return models.BigIntegerField(_("target: %s") % label, default=0)


def _achieved(label: str) -> models.BigIntegerField:
    # NULL means "not yet reported", which is not the same as 0.
    return models.BigIntegerField(_("achieved: %s") % label, null=True, blank=True)


def _group(group: str, label: str) -> models.BigIntegerField:
    # NULL: no approved value of the indicator gives this dimension's breakdown.
    return models.BigIntegerField(
        _("%(group)s: %(indicator)s") % {"group": group, "indicator": label}, null=True, blank=True
    )


class BreakdownColumns(models.Model):
    """Per people-based standard indicator, the sums of its approved values'
    breakdown groups (BREAKDOWN_COLUMNS); PledgeCard and PledgeFacets have them."""

    women_people_reached = _group("women", "people reached")
    men_people_reached = _group("men", "people reached")
    gender_other_people_reached = _group("gender other", "people reached")
    age_under_25_people_reached = _group("age under 25", "people reached")
    age_25_to_54_people_reached = _group("age 25 to 54", "people reached")
    age_55_and_over_people_reached = _group("age 55 and over", "people reached")
    age_not_recorded_people_reached = _group("age not recorded", "people reached")
    women_places_online = _group("women", "training places online")
    men_places_online = _group("men", "training places online")
    gender_other_places_online = _group("gender other", "training places online")
    age_under_25_places_online = _group("age under 25", "training places online")
    age_25_to_54_places_online = _group("age 25 to 54", "training places online")
    age_55_and_over_places_online = _group("age 55 and over", "training places online")
    age_not_recorded_places_online = _group("age not recorded", "training places online")
    women_places_in_person = _group("women", "training places in person")
    men_places_in_person = _group("men", "training places in person")
    gender_other_places_in_person = _group("gender other", "training places in person")
    age_under_25_places_in_person = _group("age under 25", "training places in person")
    age_25_to_54_places_in_person = _group("age 25 to 54", "training places in person")
    age_55_and_over_places_in_person = _group("age 55 and over", "training places in person")
    age_not_recorded_places_in_person = _group("age not recorded", "training places in person")
    women_places_blended = _group("women", "training places blended")
    men_places_blended = _group("men", "training places blended")
    gender_other_places_blended = _group("gender other", "training places blended")
    age_under_25_places_blended = _group("age under 25", "training places blended")
    age_25_to_54_places_blended = _group("age 25 to 54", "training places blended")
    age_55_and_over_places_blended = _group("age 55 and over", "training places blended")
    age_not_recorded_places_blended = _group("age not recorded", "training places blended")
    women_certifications = _group("women", "certifications")
    men_certifications = _group("men", "certifications")
    gender_other_certifications = _group("gender other", "certifications")
    age_under_25_certifications = _group("age under 25", "certifications")
    age_25_to_54_certifications = _group("age 25 to 54", "certifications")
    age_55_and_over_certifications = _group("age 55 and over", "certifications")
    age_not_recorded_certifications = _group("age not recorded", "certifications")
    women_awareness = _group("women", "awareness")
    men_awareness = _group("men", "awareness")
    gender_other_awareness = _group("gender other", "awareness")
    age_under_25_awareness = _group("age under 25", "awareness")
    age_25_to_54_awareness = _group("age 25 to 54", "awareness")
    age_55_and_over_awareness = _group("age 55 and over", "awareness")
    age_not_recorded_awareness = _group("age not recorded", "awareness")
    women_placements = _group("women", "placements")
    men_placements = _group("men", "placements")
    gender_other_placements = _group("gender other", "placements")
    age_under_25_placements = _group("age under 25", "placements")
    age_25_to_54_placements = _group("age 25 to 54", "placements")
    age_55_and_over_placements = _group("age 55 and over", "placements")
    age_not_recorded_placements = _group("age not recorded", "placements")

    class Meta:
        abstract = True


class PledgeCard(BreakdownColumns):
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


class PledgeFacets(BreakdownColumns):
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
