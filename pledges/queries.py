"""Reads that the pledge pages share."""

from __future__ import annotations

import datetime
import functools
import json

from django.contrib.postgres.fields import ArrayField
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    ForeignKey,
    IntegerField,
    Model,
    Prefetch,
    Q,
    QuerySet,
    TextField,
)
from django.db.models.base import ModelState
from django.utils.translation import gettext as _

from coalition.models import Pillar
from members.models import Organisation
from pledges import badges
from pledges.models import (
    Indicator,
    Initiative,
    Pledge,
    PledgeTransition,
    ProgressReport,
    ReportedValue,
)


def public() -> QuerySet[Pledge]:
    """Pledges the public may see."""
    return Pledge.objects.public()


def pledge_with_content(pk: int, *, now: datetime.datetime | None = None) -> Pledge | None:
    """A pledge with everything its page shows, in one statement whatever its size
    (the PL/pgSQL function ``pledges_page()``, migration 0055): organisation,
    the pledge it revises, partners, initiatives (by position) with pillars and
    indicators with their approved values, reports (newest first) with their
    values; the organisation's badges as ``pledge.badges`` (see pledges.badges),
    and every pillar in order as ``pledge.all_pillars`` (the navigation's, so that
    the page needs no other query). None when there is no such pledge.

    The related objects are cached as a prefetch would cache them
    (``pledge.initiatives.all()``, ``initiative.indicators.all()``,
    ``indicator.approved_values``, ``report.values.all()`` and the rest make no
    query), so what reads a prefetched pledge reads this one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pledges_page(%s, %s, %s, %s)", [pk, *badges.function_arguments(now)])
        (data,) = cursor.fetchone()
    if data is None:
        return None
    if isinstance(data, str):
        data = json.loads(data)
    organisation = _instance(Organisation, data["organisation"])
    pledge = _instance(Pledge, data["pledge"])
    pledge._state.fields_cache["organisation"] = organisation
    pledge._state.fields_cache["revision_of"] = (
        _instance(Pledge, data["revision_of"]) if data["revision_of"] else None
    )
    pledge.badges = badges.earned(organisation, **data["badges"])
    pledge.all_pillars = [_instance(Pillar, row) for row in data["pillars"]]
    by_id = {pillar.pk: pillar for pillar in pledge.all_pillars}
    partners = [_instance(Organisation, row) for row in data["partners"]]
    _cache(pledge, "partners", Organisation, partners)
    initiatives, indicators = [], {}
    for item in data["initiatives"]:
        initiative = _instance(Initiative, item["row"])
        initiative._state.fields_cache["pledge"] = pledge
        pillars = sorted((by_id[i] for i in item["pillar_ids"]), key=_pillar_order)
        _cache(initiative, "pillars", Pillar, pillars)
        rows = []
        for entry in item["indicators"]:
            indicator = _instance(Indicator, entry["row"])
            indicator._state.fields_cache["initiative"] = initiative
            indicator.approved_values = [
                _instance(ReportedValue, row) for row in entry["approved_values"]
            ]
            indicators[indicator.pk] = indicator
            rows.append(indicator)
        _cache(initiative, "indicators", Indicator, rows)
        initiatives.append(initiative)
    _cache(pledge, "initiatives", Initiative, initiatives)
    reports = []
    for item in data["reports"]:
        report = _instance(ProgressReport, item["row"])
        report._state.fields_cache["pledge"] = pledge
        values = []
        for row in item["values"]:
            value = _instance(ReportedValue, row)
            value._state.fields_cache["report"] = report
            if value.indicator_id in indicators:  # always, unless the data is broken
                value._state.fields_cache["indicator"] = indicators[value.indicator_id]
            values.append(value)
        _cache(report, "values", ReportedValue, values)
        reports.append(report)
    _cache(pledge, "reports", ProgressReport, reports)
    return pledge


def _pillar_order(pillar: Pillar) -> tuple[int, int]:
    return (pillar.position, pillar.pk)


def _instance(model: type[Model], row: dict) -> Model:
    """A model instance from its table row as PostgreSQL's to_json() wrote it
    (column names as keys, dates and times as ISO strings)."""
    attnames, columns = _columns(model)
    # What Model.from_db() makes, without Model.__init__'s work per field (a page
    # builds a dozen instances): every concrete field's value set as __init__
    # sets it, no deferred field, and no pre_init/post_init receiver to call
    # (tests/pledges/test_queries.py checks there is none).
    instance = model.__new__(model)
    instance.__dict__.update(
        zip(
            attnames,
            [row[column] if parse is None else parse(row[column]) for column, parse in columns],
            strict=True,
        )
    )
    state = instance._state = ModelState()
    state.adding, state.db = False, DEFAULT_DB_ALIAS
    return instance


@functools.cache
def _columns(model: type[Model]) -> tuple[list[str], list[tuple[str, object]]]:
    """Each concrete field's attribute name, and its column with the conversion its
    JSON value needs: numbers, text, booleans and arrays of text come as what the
    field holds already; anything else (dates and times come as strings) goes
    through the field's to_python()."""
    fields = model._meta.concrete_fields
    return (
        [f.attname for f in fields],
        [(f.column, None if _as_is(f) else f.to_python) for f in fields],
    )


def _as_is(field) -> bool:
    if isinstance(field, ArrayField):
        return _as_is(field.base_field)
    return isinstance(field, (CharField, TextField, IntegerField, BooleanField, ForeignKey))


def _cache(instance: Model, name: str, model: type[Model], objects: list) -> None:
    """Cache ``objects`` as ``instance.<name>.all()``, as prefetch_related does
    (the accessor's name is the cache's name for every relation cached here)."""
    queryset = QuerySet(model)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def related(instance: Model, name: str) -> list:
    """``list(instance.<name>.all())``: straight from the prefetch cache when the
    relation is cached (every relation pledge_with_content() loads is), without
    building the relation's manager and queryset (a few dozen of them on a
    pledge page); otherwise through the manager, as before. The list may be the
    cache's own: read it, do not change it."""
    cached = instance.__dict__.get("_prefetched_objects_cache", {}).get(name)
    if cached is not None and cached._result_cache is not None:
        return cached._result_cache
    return list(getattr(instance, name).all())


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
        old_pillars = sorted(p.short_name for p in old.pillars.all())
        new_pillars = sorted(p.short_name for p in new.pillars.all())
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
                    % {"title": new.title, "indicator": indicator, "target": indicator.target}
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
                        "old_target": before.target,
                        "new": indicator,
                        "new_target": indicator.target,
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
