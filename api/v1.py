"""The open data API, version 1: read-only JSON under /api/v1/, described by an
OpenAPI 3.1 document at /api/v1/openapi.json (django-ninja builds it from the
same type hints and schemas that check every request and answer).

Every endpoint answers GET and HEAD; a parameter it does not know or a value it
does not allow gets 400 with the reasons (``api.params``), a missing or
non-public object 404, too many requests from one address 429 with
``Retry-After`` (``api.http.RateLimit``). Answers carry an ETag and are
revalidated: a repeat request with ``If-None-Match`` gets 304 (``api.http``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from ninja import NinjaAPI, Path, Query
from ninja.decorators import decorate_view
from ninja.errors import ValidationError

from api import params, queries
from api.http import RateLimit, content_etag, in_english, not_modified
from api.params import ParameterError
from api.schemas import (
    CoalitionOut,
    Error,
    Index,
    IndicatorKind,
    ItemOut,
    ItemPage,
    OrganisationDetail,
    OrganisationPage,
    PillarOut,
    PledgeDetail,
    PledgePage,
    PledgeTotals,
)
from coalition.caching import current_generation
from coalition.models import Pillar
from pledges import progress
from pledges.models import Indicator
from pledges.reporting import breakdown
from pledges.viewer import queries as viewer_queries
from pledges.viewer.filters import PledgeViewerFilter, Sort
from pledges.viewer.models import BREAKDOWN_GROUPS, BREAKDOWN_KINDS, REACH_KINDS, STANDARD_KINDS

_BREAKDOWN_SUFFIX = dict(BREAKDOWN_KINDS)


def _groups(row: dict, suffix: str) -> dict:
    """A viewer row's breakdown groups of one indicator (None: not recorded)."""
    return {group: row[f"{group}_{suffix}"] for group in BREAKDOWN_GROUPS}


def _breakdown_totals(summary: breakdown.Breakdown | None) -> dict | None:
    """A breakdown's answer (schemas.BreakdownTotals), None for none."""
    if summary is None or not summary.total:
        return None
    return {
        **summary.groups,
        "without_gender": summary.gender_not_recorded,
        "without_age": summary.age_not_recorded_at_all,
    }


ERRORS = {400: Error, 404: Error, 429: Error}
LIST_ERRORS = {304: None, **ERRORS}

DESCRIPTION = """\
The public data of the EU Digital Skills and Jobs Coalition's portal: pledges
(with their initiatives, indicators, targets and approved achieved values),
organisations, national coalitions and their published content, the standard
indicators and the pillars. Licence: Creative Commons Attribution 4.0.

- **Pledges** take the Pledge Viewer's filters, search and sorting: the same
  parameter names and options as its addresses (`/en/pledges/?country=BE&pillar=education`).
  A pledge in a list has the fields of a row of the CSV and JSON downloads
  (`/en/pledges/export.csv`), which take the same filters.
- **Ids** are stable numbers; organisations' slugs may change.
- **Pages**: `page` (from 1) and `page_size` (up to 100); `next` and `previous`
  give the neighbouring pages' addresses. A page past the last is 404.
- **Errors**: an unknown parameter or a value not allowed is 400, with each
  refused parameter and why; a missing or non-public object is 404.
- **Caching**: every answer has an `ETag`; send it back in `If-None-Match` and an
  unchanged answer is a `304 Not Modified`.
- **Rate limit**: anonymous use is limited per address; past the limit the
  answer is `429 Too Many Requests` with `Retry-After` (seconds).
- Codes, not labels: `/indicators` and `/pillars` give the English names.
  The API holds no personal data.
"""

api = NinjaAPI(
    title="Digital Skills and Jobs Coalition: open data API",
    version="1",
    description=DESCRIPTION,
    openapi_url="/openapi.json",
    docs_url=None,  # the documentation page is api.docs, in the portal's layout
    urls_namespace="api-v1",
    throttle=[RateLimit()],
    # The OpenAPI document: in English, with an ETag (the docs page is api.docs).
    docs_decorator=lambda view: in_english(content_etag(view)),
    openapi_extra={
        "info": {"license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"}},
    },
)
api.add_decorator(in_english, mode="view")


def read(path: str, **kwargs) -> Callable:
    """Register a view for GET (in the OpenAPI document) and HEAD (the same answer
    without its body; one operation per method keeps operation ids unique)."""

    def register(view: Callable) -> Callable:
        # The docstring's first paragraph is the summary, the rest the description.
        first, _, rest = inspect.cleandoc(view.__doc__ or "").partition("\n\n")
        kwargs.setdefault("summary", " ".join(first.split()))
        kwargs.setdefault("description", " ".join(rest.split()) or kwargs["summary"])
        api.get(path, **kwargs)(view)
        api.api_operation(["HEAD"], path, include_in_schema=False, response=kwargs["response"])(
            view
        )
        return view

    return register


# --- Errors ------------------------------------------------------------------


def _error(request: HttpRequest, body: dict, status: int) -> HttpResponse:
    """An error answer: never kept, so ConditionalGetMiddleware gives it no ETag."""
    response = api.create_response(request, body, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True)
    return response


@api.exception_handler(ParameterError)
def bad_parameters(request: HttpRequest, exc: ParameterError) -> HttpResponse:
    return _error(
        request,
        {
            "detail": "Some parameters are not valid.",
            "errors": [{"parameter": name, "message": message} for name, message in exc.errors],
        },
        400,
    )


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """pydantic's complaints about parameters, as 400 (ninja says 422)."""
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
        name = location[-1] if location else "?"
        errors.append((name, str(error.get("msg", "Not valid."))))
    return bad_parameters(request, ParameterError(errors))


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, {"detail": str(exc) or "There is no such object.", "errors": []}, 404)


# --- Addresses ---------------------------------------------------------------


def _maker(request: HttpRequest, name: str, key: str, sample: int | str) -> Callable[[object], str]:
    """A function giving the absolute address of page `name` for one value of its
    argument `key`: reversed once per request rather than once per row."""
    path = reverse(name, kwargs={key: sample})
    before, _sample, after = path.rpartition(str(sample))
    base = request.build_absolute_uri(before)
    return lambda value: f"{base}{value}{after}"


class Addresses:
    """The addresses a request's answer links to."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.pledge = _maker(request, "pledges:detail", "pk", 987654321)
        self.pledge_api = _maker(request, "api-v1:pledge", "pk", 987654321)
        self.organisation = _maker(
            request, "members:organisation_detail", "slug", "organisation-slug"
        )
        self.organisation_api = _maker(request, "api-v1:organisation", "pk", 987654321)

    def page(self, number: int | None) -> str | None:
        """This list's address on page `number` (None: no such page)."""
        if number is None:
            return None
        query = self.request.GET.copy()
        query["page"] = str(number)
        return self.request.build_absolute_uri(f"{self.request.path}?{query.urlencode()}")

    def organisation_ref(self, pk: int, slug: str, name: str) -> dict:
        return {
            "id": pk,
            "slug": slug,
            "name": name,
            "url": self.organisation(slug),
            "api_url": self.organisation_api(pk),
        }


def _paged(addresses: Addresses, *, count: int, paging: params.Paging) -> dict:
    """The page's numbers and neighbours; 404 past the last page."""
    pages = max(1, -(-count // paging.page_size))
    if paging.page > pages:
        raise Http404("There is no such page.")
    return {
        "count": count,
        "page": paging.page,
        "pages": pages,
        "page_size": paging.page_size,
        "next": addresses.page(paging.page + 1 if paging.page < pages else None),
        "previous": addresses.page(paging.page - 1 if paging.page > 1 else None),
    }


# --- Index -------------------------------------------------------------------


@read("/", response={200: Index, **ERRORS}, url_name="index", tags=["about"])
@decorate_view(content_etag)
def index(request: HttpRequest):
    """Where everything is."""
    params.refuse_unknown(request)

    def absolute(name: str) -> str:
        return request.build_absolute_uri(reverse(name))

    return {
        "openapi": absolute("api-v1:openapi-json"),
        "docs": absolute("api_docs"),
        "catalogue": [absolute("catalogue_ttl"), absolute("catalogue_jsonld")],
        "endpoints": {
            name: absolute(f"api-v1:{name}")
            for name in (
                "pledges",
                "pledge_totals",
                "organisations",
                "coalitions",
                "items",
                "indicators",
                "pillars",
            )
        },
    }


# --- Pledges -----------------------------------------------------------------


def _filterset(filters: params.PledgeFilters) -> PledgeViewerFilter:
    filterset = PledgeViewerFilter(filters.viewer_data())
    if not filterset.is_valid():
        raise ParameterError(
            [
                (name, " ".join(str(message) for message in messages))
                for name, messages in filterset.form.errors.items()
            ]
        )
    return filterset


def _pledge_summary(row: dict, addresses: Addresses) -> dict:
    pk = row["pledge_id"]
    return {
        "id": pk,
        "url": addresses.pledge(pk),
        "api_url": addresses.pledge_api(pk),
        "title": row["title"],
        "organisation": addresses.organisation_ref(
            row["organisation_id"], row["organisation_slug"], row["organisation_name"]
        ),
        "organisation_sector": row["organisation_sector"],
        "organisation_type": row["organisation_type"],
        "organisation_country": row["organisation_country"],
        "partners": row["partner_names"],
        "status": row["status"],
        "approved_at": row["approved_at"],
        "start_date": row["start_date"],
        "end_date": row["end_date"],
        "pillars": row["pillars"],
        "countries": row["countries"],
        "beneficiary_groups": row["beneficiary_groups"],
        "action_types": row["action_types"],
        "delivery_modes": row["delivery_modes"],
        "initiatives": row["initiative_count"],
        "target_reach": row["target_reach"],
        "has_reported": row["has_reported"],
        "indicators": [
            {
                "kind": kind,
                "target": row[f"target_{suffix}"],
                "achieved": row[f"achieved_{suffix}"],
                "breakdown": _groups(row, suffix) if kind in _BREAKDOWN_SUFFIX else None,
            }
            for kind, suffix in STANDARD_KINDS
            if row[f"target_{suffix}"]
        ],
    }


@read(
    "/pledges",
    response={200: PledgePage, **LIST_ERRORS},
    url_name="pledges",
    tags=["pledges"],
)
def pledges(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[params.PledgeFilters],
    sorting: Query[params.PledgeSorting],
    paging: Query[params.Paging],
):
    """Public pledges, a page at a time.

    With the Pledge Viewer's filters, search and sorting. Each pledge has the fields
    of a row of the CSV and JSON downloads, which take the same filters."""
    params.refuse_unknown(request, params.PledgeFilters, params.PledgeSorting, params.Paging)
    generation = current_generation()
    early = not_modified(request, response, generation)
    if early is not None:
        return early
    filterset = _filterset(filters)
    search = filterset.search_text()
    sort = sorting.sort or (Sort.RELEVANCE if search else Sort.NEWEST)
    selection = viewer_queries.select(
        filterset, generation=generation, ranked=sort == Sort.RELEVANCE
    )
    addresses = Addresses(request)
    # The count without the totals' sums: the selection's bitmap has a bit per pledge.
    page = _paged(addresses, count=selection.mask.bit_count(), paging=paging)
    rows = viewer_queries.result_page(
        lambda: filterset.queryset_without(None),
        sort=sort,
        search=search,
        offset=(paging.page - 1) * paging.page_size,
        limit=paging.page_size,
        selection=selection,
    )
    cards = queries.pledge_cards([row["pledge_id"] for row in rows])
    return {**page, "results": [_pledge_summary(card, addresses) for card in cards]}


@read(
    "/pledges/totals",
    response={200: PledgeTotals, **LIST_ERRORS},
    url_name="pledge_totals",
    tags=["pledges"],
)
def pledge_totals(
    request: HttpRequest, response: HttpResponse, filters: Query[params.PledgeFilters]
):
    """The Pledge Viewer's totals and counts for a filter.

    How many pledges match, how many have not reported yet, the standard
    indicators' summed targets and achieved values, and each filter option's count
    with the other filters applied."""
    params.refuse_unknown(request, params.PledgeFilters)
    generation = current_generation()
    early = not_modified(request, response, generation)
    if early is not None:
        return early
    selection = viewer_queries.select(_filterset(filters), generation=generation)
    totals = selection.totals()
    return {
        "pledges": totals.pledges,
        "not_reported": totals.not_reported,
        "indicators": [
            {
                "kind": kind,
                "target": target,
                "achieved": achieved,
                "breakdown": _breakdown_totals(totals.breakdowns.get(kind)),
            }
            for kind, target, achieved in totals.indicators
        ],
        "facets": selection.facet_counts(),
    }


@read(
    "/pledges/{pk}",
    response={200: PledgeDetail, 304: None, **ERRORS},
    url_name="pledge",
    tags=["pledges"],
)
def pledge(
    request: HttpRequest,
    response: HttpResponse,
    pk: int = Path(..., ge=1, le=params.MAX_ID, description="The pledge's id."),
):
    """One public pledge.

    With its organisation, partners, initiatives, indicators (targets and the
    achieved values of approved reports) and approved progress reports."""
    params.refuse_unknown(request)
    early = not_modified(request, response, current_generation())
    if early is not None:
        return early
    pledge = queries.public_pledge(pk)
    if pledge is None:
        raise Http404("There is no such public pledge.")
    addresses = Addresses(request)
    organisation = pledge.organisation
    return {
        "id": pledge.pk,
        "url": addresses.pledge(pledge.pk),
        "api_url": addresses.pledge_api(pledge.pk),
        "title": pledge.title,
        "summary": pledge.summary,
        "beyond_day_to_day": pledge.beyond_day_to_day,
        "status": pledge.status,
        "approved_at": pledge.approved_at,
        "start_date": pledge.start_date,
        "end_date": pledge.end_date,
        "organisation": addresses.organisation_ref(
            organisation.pk, organisation.slug, organisation.name
        ),
        "partners": [
            addresses.organisation_ref(partner.pk, partner.slug, partner.name)
            for partner in pledge.partners.all()
        ],
        "initiatives": [
            {
                "id": initiative.pk,
                "title": initiative.title,
                "description": initiative.description,
                "pillars": [pillar.slug for pillar in initiative.pillars.all()],
                "countries": initiative.countries,
                "eu_wide": initiative.eu_wide,
                "beneficiary_groups": initiative.beneficiary_groups,
                "action_types": initiative.action_types,
                "delivery_mode": initiative.delivery_mode or None,
                "link": initiative.link or None,
                "indicators": [
                    {
                        "id": indicator.pk,
                        "kind": indicator.kind,
                        "name": str(indicator),
                        "target": indicator.target,
                        "achieved": progress.indicator_progress(indicator).achieved,
                        "breakdown": _breakdown_totals(
                            breakdown.summarise(indicator.approved_values)
                            if breakdown.takes_breakdown(indicator.kind)
                            else None
                        ),
                    }
                    for indicator in initiative.indicators.all()
                ],
            }
            for initiative in pledge.initiatives.all()
        ],
        "reports": [
            {
                "id": report.pk,
                "period_start": report.period_start,
                "period_end": report.period_end,
                "narrative": report.narrative,
                "evidence_url": report.evidence_url or None,
                "approved_at": report.decided_at,
                "values": [
                    {
                        "indicator": value.indicator_id,
                        "value": value.value,
                        "breakdown": {name: getattr(value, name) for name in breakdown.FIELDS},
                    }
                    for value in report.values.all()
                ],
            }
            for report in pledge.reports.all()
        ],
    }


# --- Organisations -----------------------------------------------------------


def _organisation_summary(organisation, addresses: Addresses) -> dict:
    return {
        **addresses.organisation_ref(organisation.pk, organisation.slug, organisation.name),
        "sector": organisation.sector,
        "type": organisation.type,
        "size": organisation.size,
        "country": str(organisation.country),
        "website": organisation.website or None,
        "member_since": organisation.member_since,
        "public_pledges": organisation.public_pledges,
    }


@read(
    "/organisations",
    response={200: OrganisationPage, **LIST_ERRORS},
    url_name="organisations",
    tags=["organisations"],
)
@decorate_view(content_etag)
def organisations(
    request: HttpRequest,
    filters: Query[params.OrganisationFilters],
    paging: Query[params.Paging],
):
    """Organisations' public profiles, in the order they registered.

    By id, so that paging through the list is stable while organisations register."""
    params.refuse_unknown(request, params.OrganisationFilters, params.Paging)
    queryset = queries.organisations(
        countries=filters.country, sectors=filters.sector, types=filters.type, member=filters.member
    )
    addresses = Addresses(request)
    page = _paged(addresses, count=queryset.count(), paging=paging)
    start = (paging.page - 1) * paging.page_size
    rows = queries.with_public_pledges(list(queryset[start : start + paging.page_size]))
    return {**page, "results": [_organisation_summary(row, addresses) for row in rows]}


@read(
    "/organisations/{pk}",
    response={200: OrganisationDetail, 304: None, **ERRORS},
    url_name="organisation",
    tags=["organisations"],
)
@decorate_view(content_etag)
def organisation(
    request: HttpRequest,
    pk: int = Path(..., ge=1, le=params.MAX_ID, description="The organisation's id."),
):
    """An organisation's public profile and its public pledges."""
    params.refuse_unknown(request)
    organisation = queries.organisation(pk)
    if organisation is None:
        raise Http404("There is no such organisation.")
    addresses = Addresses(request)
    return {
        **_organisation_summary(organisation, addresses),
        "description": organisation.description,
        "logo": request.build_absolute_uri(organisation.logo.url) if organisation.logo else None,
        "pledges": [
            {
                "id": pledge.pk,
                "title": pledge.title,
                "url": addresses.pledge(pledge.pk),
                "api_url": addresses.pledge_api(pledge.pk),
            }
            for pledge in organisation.public_pledge_list
        ],
    }


# --- National coalitions and their content -----------------------------------


def _coalition_api(request: HttpRequest, pk: int) -> str:
    return request.build_absolute_uri(reverse("api-v1:coalition", kwargs={"pk": pk}))


def _coalition(coalition, request: HttpRequest, addresses: Addresses) -> dict:
    return {
        "id": coalition.pk,
        "url": request.build_absolute_uri(coalition.get_absolute_url()),
        "api_url": _coalition_api(request, coalition.pk),
        "country": str(coalition.country),
        "name": coalition.name,
        "slug": coalition.slug,
        "description": coalition.description,
        "website": coalition.website or None,
        "launched_on": coalition.launched_on,
        "language": coalition.language,
        "partners": [
            addresses.organisation_ref(partner.pk, partner.slug, partner.name)
            for partner in coalition.partners.all()
        ],
        "content": coalition.content,
    }


@read(
    "/national-coalitions",
    response={200: list[CoalitionOut], **LIST_ERRORS},
    url_name="coalitions",
    tags=["national coalitions"],
)
@decorate_view(content_etag)
def coalitions(request: HttpRequest):
    """Every national coalition (one per Member State that has one), by country."""
    params.refuse_unknown(request)
    addresses = Addresses(request)
    return [_coalition(coalition, request, addresses) for coalition in queries.coalitions()]


@read(
    "/national-coalitions/{pk}",
    response={200: CoalitionOut, 304: None, **ERRORS},
    url_name="coalition",
    tags=["national coalitions"],
)
@decorate_view(content_etag)
def coalition(
    request: HttpRequest,
    pk: int = Path(..., ge=1, le=params.MAX_ID, description="The coalition's id."),
):
    """One national coalition."""
    params.refuse_unknown(request)
    found = queries.coalitions().filter(pk=pk).first()
    if found is None:
        raise Http404("There is no such national coalition.")
    return _coalition(found, request, Addresses(request))


def _item(item, request: HttpRequest) -> dict:
    coalition = item.coalition
    return {
        "id": item.pk,
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api-v1:item", kwargs={"pk": item.pk})),
        "coalition": {
            "id": coalition.pk,
            "country": str(coalition.country),
            "name": coalition.name,
            "api_url": _coalition_api(request, coalition.pk),
        },
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary_text,
        "link": item.link or None,
        "language": item.language,
        "starts_on": item.starts_on,
        "ends_on": item.ends_on,
        "deadline": item.deadline,
        "location": item.location,
        "published_at": item.published_at,
    }


@read(
    "/national-content",
    response={200: ItemPage, **LIST_ERRORS},
    url_name="items",
    tags=["national coalitions"],
)
@decorate_view(content_etag)
def items(request: HttpRequest, filters: Query[params.ItemFilters], paging: Query[params.Paging]):
    """National coalitions' published content, newest first.

    Policies and strategies, initiatives, best practices, training, events,
    funding, resources and news."""
    params.refuse_unknown(request, params.ItemFilters, params.Paging)
    queryset = queries.items(
        countries=filters.country, kinds=filters.kind, languages=filters.language
    )
    page = _paged(Addresses(request), count=queryset.count(), paging=paging)
    start = (paging.page - 1) * paging.page_size
    return {
        **page,
        "results": [_item(item, request) for item in queryset[start : start + paging.page_size]],
    }


@read(
    "/national-content/{pk}",
    response={200: ItemOut, 304: None, **ERRORS},
    url_name="item",
    tags=["national coalitions"],
)
@decorate_view(content_etag)
def item(
    request: HttpRequest,
    pk: int = Path(..., ge=1, le=params.MAX_ID, description="The item's id."),
):
    """One published content item."""
    params.refuse_unknown(request)
    found = queries.items(countries=[], kinds=[], languages=[]).filter(pk=pk).first()
    if found is None:
        raise Http404("There is no such published item.")
    return _item(found, request)


# --- Reference lists ---------------------------------------------------------


@read(
    "/indicators",
    response={200: list[IndicatorKind], **LIST_ERRORS},
    url_name="indicators",
    tags=["reference"],
)
@decorate_view(content_etag)
def indicators(request: HttpRequest):
    """The standard indicators.

    The indicators that pledges' totals add up, in display order, with their
    columns in the downloads. A pledge may also have custom indicators (kind
    custom), which are never added up."""
    params.refuse_unknown(request)
    names = dict(Indicator.Kind.choices)
    return [
        {
            "kind": kind,
            "name": str(names[kind]),
            "counts_people": kind in REACH_KINDS,
            "takes_breakdown": kind in _BREAKDOWN_SUFFIX,
            "columns": [
                f"target_{suffix}",
                f"achieved_{suffix}",
                *(f"{group}_{suffix}" for group in BREAKDOWN_GROUPS if kind in _BREAKDOWN_SUFFIX),
            ],
        }
        for kind, suffix in STANDARD_KINDS
    ]


@read(
    "/pillars",
    response={200: list[PillarOut], **LIST_ERRORS},
    url_name="pillars",
    tags=["reference"],
)
@decorate_view(content_etag)
def pillars(request: HttpRequest):
    """The Coalition's four pillars, in order."""
    params.refuse_unknown(request)
    return [
        {
            "slug": pillar.slug,
            "name": pillar.label,
            "short_name": pillar.short_label,
            "description": pillar.description_text,
            "position": pillar.position,
            "url": request.build_absolute_uri(pillar.get_absolute_url()),
        }
        for pillar in Pillar.objects.in_order()
    ]
