"""Open data: the viewer's filtered list as CSV and JSON, and its data dictionary.

Both downloads stream: rows come from a server-side cursor in chunks
(`iterator()`) and go out as they are written, so 100,000 pledges cost no more
memory than 100. Only public data: the viewer rows hold no personal data (no
people, no contact addresses).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from coalition.caching import public_data, public_page
from coalition.labels import label_of
from pledges.models import Indicator
from pledges.reporting.breakdown import AGE, GENDER
from pledges.viewer.filters import PledgeViewerFilter
from pledges.viewer.models import BREAKDOWN_KINDS, STANDARD_KINDS, PledgeCard

CHUNK = 2000

# (column, field on PledgeCard, description) — the data dictionary.
COLUMNS: list[tuple[str, str, object]] = [
    ("id", "pledge_id", _("The pledge's number; its page is /pledges/<id>/.")),
    ("url", "pledge_id", _("The address of the pledge's public page.")),
    ("title", "title", _("The pledge's title.")),
    ("organisation", "organisation_name", _("The organisation that made the pledge.")),
    ("organisation_slug", "organisation_slug", _("The organisation's identifier in addresses.")),
    (
        "organisation_sector",
        "organisation_sector",
        _("private, public or third (sector of the organisation)."),
    ),
    (
        "organisation_type",
        "organisation_type",
        _("company, sme, ngo, public-authority, education-provider, social-partner or other."),
    ),
    (
        "organisation_country",
        "organisation_country",
        _("ISO 3166-1 alpha-2 code of the organisation's headquarters."),
    ),
    ("partners", "partner_names", _("Partner organisations, separated by commas.")),
    ("status", "status", _("approved (ongoing) or completed.")),
    ("approved_at", "approved_at", _("When the pledge was first approved (ISO 8601).")),
    ("start_date", "start_date", _("First day of the pledge (ISO 8601), may be empty.")),
    ("end_date", "end_date", _("Last day of the pledge (ISO 8601), may be empty.")),
    ("pillars", "pillars", _("Pillar slugs: for-all, labour-force, ict-professionals, education.")),
    (
        "countries",
        "countries",
        _("ISO 3166-1 alpha-2 codes of the Member States its initiatives cover; EU = EU-wide."),
    ),
    ("beneficiary_groups", "beneficiary_groups", _("Who the initiatives are for (codes).")),
    ("action_types", "action_types", _("What the initiatives do (codes).")),
    ("delivery_modes", "delivery_modes", _("online, in-person and/or blended.")),
    ("initiatives", "initiative_count", _("Number of initiatives.")),
    (
        "target_reach",
        "target_reach",
        _("Sum of the targets of the standard indicators that count people."),
    ),
    ("has_reported", "has_reported", _("true once a progress report has been approved.")),
]


def _about_indicator(text: str, kind: str) -> str:
    return gettext(text) % {"indicator": label_of(kind, Indicator.Kind)}


# A column's description names its indicator in the language of the page that
# prints it (built when printed, not when this module is imported).
about_indicator = lazy(_about_indicator, str)

for _kind, _suffix in STANDARD_KINDS:
    COLUMNS.append(
        (
            f"target_{_suffix}",
            f"target_{_suffix}",
            about_indicator(gettext_noop("Target for the indicator “%(indicator)s”."), _kind),
        )
    )
    COLUMNS.append(
        (
            f"achieved_{_suffix}",
            f"achieved_{_suffix}",
            about_indicator(
                gettext_noop(
                    "Achieved so far for “%(indicator)s” in approved reports;"
                    " empty = not yet reported."
                ),
                _kind,
            ),
        )
    )


def _breakdown_description(kind: str, label: str, dimension: str) -> str:
    return gettext(
        "“%(group)s” among the people counted for “%(indicator)s”: the sum over the "
        "approved values that give a %(dimension)s breakdown; empty = not recorded. "
        "Values reported without one are in none of the groups."
    ) % {"group": label, "indicator": label_of(kind, Indicator.Kind), "dimension": dimension}


_described = lazy(_breakdown_description, str)
# The breakdown of the indicators that count people (pledges.reporting.breakdown).
for _kind, _suffix in BREAKDOWN_KINDS:
    for _dimension, _groups in ((_("gender"), GENDER), (_("age"), AGE)):
        for _group, _label in _groups:
            COLUMNS.append(
                (
                    f"{_group}_{_suffix}",
                    f"{_group}_{_suffix}",
                    _described(_kind, _label, _dimension),
                )
            )
FIELDS = list(dict.fromkeys(field for _c, field, _d in COLUMNS))


def filtered_rows(request: HttpRequest) -> Iterator[dict] | None:
    """The public rows the request's filters select, newest first; None when the
    filters are invalid."""
    filterset = PledgeViewerFilter(request.GET)
    if not filterset.is_valid():
        return None
    selected = filterset.queryset_without(None).values("pledge_id")
    queryset = PledgeCard.objects.filter(pledge_id__in=selected).order_by(
        "-approved_at", "-pledge_id"
    )
    return queryset.values(*FIELDS).iterator(chunk_size=CHUNK)


def _records(rows: Iterable[dict], base: str) -> Iterator[dict]:
    for row in rows:
        record = {}
        for column, field, _description in COLUMNS:
            value = row[field]
            if column == "url":
                value = base + reverse("pledges:detail", kwargs={"pk": value})
            record[column] = value
        yield record


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_value(value: object) -> object:
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        # Keep spreadsheets from running a formula typed into a title.
        return "'" + value
    return value


def bad_filters() -> HttpResponse:
    """The answer to filters that are not valid (the exports' and the feed's)."""
    return HttpResponse(
        _("The filters are not valid: check the search text."),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


@require_safe
@public_data
def export_csv(request: HttpRequest) -> HttpResponse:
    rows = filtered_rows(request)
    if rows is None:
        return bad_filters()
    writer = csv.writer(_Echo())
    base = request.build_absolute_uri("/").rstrip("/")

    def stream() -> Iterator[str]:
        yield writer.writerow([column for column, _f, _d in COLUMNS])
        for record in _records(rows, base):
            yield writer.writerow([_csv_value(v) for v in record.values()])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pledges.csv"'
    return response


def _json_default(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@require_safe
@public_data
def export_json(request: HttpRequest) -> HttpResponse:
    rows = filtered_rows(request)
    if rows is None:
        return bad_filters()
    base = request.build_absolute_uri("/").rstrip("/")

    def stream() -> Iterator[str]:
        yield '{"licence": "CC BY 4.0", "pledges": ['
        first = True
        for record in _records(rows, base):
            yield ("" if first else ",") + "\n" + json.dumps(record, default=_json_default)
            first = False
        yield "\n]}\n"

    response = StreamingHttpResponse(stream(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="pledges.json"'
    return response


@require_safe
@public_page
def data_dictionary(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pledges/viewer/data_dictionary.html",
        {"columns": [(column, description) for column, _f, description in COLUMNS]},
    )
