"""Reads that the pledge pages share."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from coalition.models import Pillar
from coalition.numbers import grouped
from members.models import Organisation
from pledges.models import (
    Indicator,
    Initiative,
    Pledge,
    PledgeTransition,
    ProgressReport,
    ReportedValue,
)
from pledges.progress import approved_values_prefetch


def with_content(pledges: QuerySet[Pledge]) -> QuerySet[Pledge]:
    """The pledges with everything a pledge page shows, in eight queries whatever
    their size: the organisation (joined), partners (by name), initiatives (by
    position) with their pillars (in order) and indicators with their approved
    values (``indicator.approved_values``), reports (newest first) with their
    values (in the initiatives' order, each with its indicator and the
    indicator's initiative). Read the relations with ``.all()``:
    ``pledge.initiatives.all()``, ``initiative.indicators.all()``,
    ``report.values.all()`` and the rest make no query."""
    return pledges.select_related("organisation").prefetch_related(
        Prefetch("partners", queryset=Organisation.objects.order_by("name", "pk")),
        Prefetch("initiatives", queryset=Initiative.objects.order_by("position", "pk")),
        Prefetch("initiatives__pillars", queryset=Pillar.objects.order_by("position", "pk")),
        Prefetch("initiatives__indicators", queryset=Indicator.objects.order_by("pk")),
        approved_values_prefetch("initiatives__indicators__"),
        Prefetch("reports", queryset=ProgressReport.objects.order_by("-period_end", "-pk")),
        Prefetch(
            "reports__values",
            queryset=ReportedValue.objects.select_related("indicator__initiative").order_by(
                "indicator__initiative__position", "indicator__initiative_id", "indicator_id"
            ),
        ),
    )


def pledge_with_content(pk: int) -> Pledge | None:
    """One pledge with everything its page shows (``with_content``), or None when
    there is no such pledge."""
    return with_content(Pledge.objects.filter(pk=pk)).first()


def transitions_for(pledge: Pledge) -> QuerySet[PledgeTransition]:
    return pledge.transitions.select_related("actor", "report").order_by("-created_at", "-pk")


def organisation_pledges(organisation: Organisation) -> QuerySet[Pledge]:
    """An organisation's pledges for its editors (revisions are shown with the
    pledge they change), with counts for the list."""
    return (
        Pledge.objects.filter(organisation=organisation, revision_of__isnull=True)
        .select_related("pending_revision")
        .annotate(
            initiative_count=Count("initiatives", distinct=True),
            pending_reports=Count(
                "reports", filter=Q(reports__status=ProgressReport.Status.SUBMITTED), distinct=True
            ),
        )
        .order_by("-updated_at")
    )


def _show(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    return str(value) if value not in (None, "") else "—"


def revision_changes(revision: Pledge) -> list[str]:
    """What proposed changes change on the approved pledge, one line each, for
    the moderators and the editors (a handful of queries)."""
    from pledges.services import INDICATOR_CONTENT, INITIATIVE_CONTENT, PLEDGE_CONTENT

    public = revision.revision_of
    if public is None:
        return []
    lines = []
    for name in PLEDGE_CONTENT:
        old, new = getattr(public, name), getattr(revision, name)
        if old != new:
            label = Pledge._meta.get_field(name).verbose_name
            lines.append(
                _("%(field)s: “%(old)s” → “%(new)s”")
                % {"field": str(label).capitalize(), "old": _show(old), "new": _show(new)}
            )
    if set(public.partners.values_list("pk", flat=True)) != set(
        revision.partners.values_list("pk", flat=True)
    ):
        lines.append(_("Partner organisations changed."))
    prefetch = ("pillars", Prefetch("indicators", queryset=Indicator.objects.order_by("pk")))
    old_initiatives = {i.pk: i for i in public.initiatives.prefetch_related(*prefetch)}
    for new in revision.initiatives.prefetch_related(*prefetch):
        old = old_initiatives.pop(new.origin_id, None)
        if old is None:
            lines.append(_("Initiative added: “%(title)s”.") % {"title": new.title})
            continue
        for name in INITIATIVE_CONTENT:
            if name != "position" and getattr(old, name) != getattr(new, name):
                label = Initiative._meta.get_field(name).verbose_name
                lines.append(
                    _("Initiative “%(title)s”, %(field)s: “%(old)s” → “%(new)s”")
                    % {
                        "title": new.title,
                        "field": label,
                        "old": _show(getattr(old, name)),
                        "new": _show(getattr(new, name)),
                    }
                )
        old_pillars = sorted(p.short_label for p in old.pillars.all())
        new_pillars = sorted(p.short_label for p in new.pillars.all())
        if old_pillars != new_pillars:
            lines.append(
                _("Initiative “%(title)s”, pillars: “%(old)s” → “%(new)s”")
                % {"title": new.title, "old": _show(old_pillars), "new": _show(new_pillars)}
            )
        old_indicators = {i.pk: i for i in old.indicators.all()}
        for indicator in new.indicators.all():
            before = old_indicators.pop(indicator.origin_id, None)
            if before is None:
                lines.append(
                    _("Initiative “%(title)s”: indicator added: %(indicator)s, target %(target)s.")
                    % {
                        "title": new.title,
                        "indicator": indicator,
                        "target": grouped(indicator.target),
                    }
                )
            elif any(getattr(before, f) != getattr(indicator, f) for f in INDICATOR_CONTENT):
                lines.append(
                    _(
                        "Initiative “%(title)s”: %(old)s, target %(old_target)s → %(new)s, target "
                        "%(new_target)s."
                    )
                    % {
                        "title": new.title,
                        "old": before,
                        "old_target": grouped(before.target),
                        "new": indicator,
                        "new_target": grouped(indicator.target),
                    }
                )
        for removed in old_indicators.values():
            lines.append(
                _("Initiative “%(title)s”: indicator removed: %(indicator)s.")
                % {"title": new.title, "indicator": removed}
            )
    for removed in old_initiatives.values():
        lines.append(_("Initiative removed: “%(title)s”.") % {"title": removed.title})
    return lines
