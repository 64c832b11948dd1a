"""The Pledge Viewer: the list of public pledges with filters, search, facet
counts, totals and a map; the same viewer on each country's page and (through a
template tag) on each pillar's page.

Speed: filters, facet counts and totals come from the bitmap index of the
current viewer generation (`pledges.viewer.facet_index`); a page then costs one query
for its rows (two with a search) plus the layout's; rows are prepared here as
plain dicts so the template only prints them. Anonymous visitors on popular filters (no search,
few options, first pages) get the viewer fragment from the cache; every
`refresh_pledges()` changes the cache generation, so approving or changing a
pledge shows at once.
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie

from coalition.addresses import url_prefix
from coalition.caching import current_generation
from coalition.models import Pillar
from coalition.numbers import grouped
from coalition.page_cache import anonymous_page_cache
from members.models import Organisation
from pledges.models import ActionType, BeneficiaryGroup, DeliveryMode, Pledge
from pledges.viewer import html as viewer_html
from pledges.viewer import queries as viewer_queries
from pledges.viewer.filters import (
    FACETS,
    SEARCH_MAX_LENGTH,
    STATUS_CHOICES,
    PledgeViewerFilter,
    Sort,
    country_choices,
)
from pledges.viewer.models import EU_WIDE

PAGE_SIZE = 20
CACHE_SECONDS = 600
# "Popular" requests the anonymous cache serves: no search, few options chosen,
# one of the first pages. Anything else is computed (and fast enough) each time.
CACHE_MAX_OPTIONS = 2
CACHE_MAX_PAGE = 3
MAX_QUERY_LENGTH = 4000

FACET_LABELS = {
    "pillar": _("Pillar"),
    "country": _("Country"),
    "group": _("Beneficiary group"),
    "action": _("Action type"),
    "delivery": _("Delivery mode"),
    "sector": _("Organisation sector"),
    "type": _("Organisation type"),
    "status": _("Status"),
    "year": _("Start year"),
}


# Texts the viewer's markup prints many times a request (viewer_html), by msgid.
_MARKUP_TEXTS = (
    gettext_noop("pledges"),
    gettext_noop("Status"),
    gettext_noop("Dates"),
    gettext_noop("Pillars"),
    gettext_noop("Countries"),
    gettext_noop("Target reach"),
    gettext_noop("Progress"),
    gettext_noop("Reported"),
    gettext_noop("Not yet reported"),
    gettext_noop("Choose"),
)


@functools.cache
def _labels_in(language: str | None) -> dict:
    """Every fixed label the viewer prints, translated into `language` once per
    process instead of some 450 gettext calls a request. Keyed by language, so a
    French page never gets the English labels an earlier request cached."""
    from pledges.models import Indicator

    with translation.override(language):
        return {
            "options": {
                "country": dict(country_choices()),
                "group": {k: str(v) for k, v in BeneficiaryGroup.choices},
                "action": {k: str(v) for k, v in ActionType.choices},
                "delivery": {k: str(v) for k, v in DeliveryMode.choices},
                "sector": {k: str(v) for k, v in Organisation.Sector.choices},
                "type": {k: str(v) for k, v in Organisation.Type.choices},
                "status": {k: str(v) for k, v in STATUS_CHOICES},
                "year": {},
            },
            "facets": {name: str(label) for name, label in FACET_LABELS.items()},
            "sorts": [(k, str(v)) for k, v in Sort.CHOICES],
            "kinds": {k: str(v) for k, v in Indicator.Kind.choices},
            "markup": {text: gettext(text) for text in _MARKUP_TEXTS},
            "completed": gettext("Completed"),
            "ongoing": gettext("Ongoing"),
        }


def _labels() -> dict:
    return _labels_in(translation.get_language())


@receiver(setting_changed)
def _forget_labels(*, setting: str, **kwargs) -> None:
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}:
        _labels_in.cache_clear()


def _kind_labels() -> dict[str, str]:
    return _labels()["kinds"]


@dataclass
class Fixed:
    """A filter the page sets and the visitor cannot remove (pillar or country pages)."""

    facet: str
    value: str


@dataclass
class ViewerState:
    html: str
    generation: str
    results: int = 0
    context: dict = field(default_factory=dict)


def option_labels(generation: str | None = None) -> dict[str, dict[str, str]]:
    """Facet -> option value -> label, in the active language. Pillar names come
    from the database (staff may edit them; once per viewer generation when it is
    given) and are translated like `Pillar.short_label`; the rest is fixed per
    language. The inner dicts are shared: read them, do not change them."""
    if generation is None:
        rows = Pillar.objects.in_order().values_list("slug", "short_name")
    else:
        rows = [(pillar.slug, pillar.short_name) for pillar in pillars_of(generation)]
    pillars = {slug: gettext(short_name) for slug, short_name in rows}
    return {"pillar": pillars, **_labels()["options"]}


# Every pillar in order, as of one viewer generation (staff saving or deleting a
# pillar starts a new one once committed, pledges/apps.py): the viewer's labels
# and the navigation's links without a query each.
_PILLARS: dict[str, list[Pillar]] = {}


def pillars_of(generation: str) -> list[Pillar]:
    """The pillars in order, read once per viewer generation and process. Read
    them, do not change them."""
    pillars = _PILLARS.get(generation)
    if pillars is None:
        pillars = list(Pillar.objects.in_order())
        _PILLARS.clear()
        _PILLARS[generation] = pillars
    return pillars


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or int(raw) < 1 or len(raw) > 6:
        raise Http404(gettext("There is no such page."))
    return int(raw)


def _query_without(data: QueryDict, facet: str, value: str | None = None) -> str:
    """The query string without one option of a facet (or the whole facet)."""
    pairs = [
        (k, v)
        for k, values in data.lists()
        for v in values
        if k != "page" and not (k == facet and (value is None or v == value))
    ]
    return urlencode(pairs)


def build_viewer(request: HttpRequest, *, base_url: str, fixed: Fixed | None = None) -> ViewerState:
    """The viewer fragment (filters, totals, map, results) as HTML, from the cache
    for anonymous visitors on popular filters."""
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH * 3:
        raise Http404(gettext("This address is too long."))
    page = _page_number(request)
    data = request.GET.copy()
    data.pop("page", None)
    if fixed is not None:
        data.setlist(fixed.facet, [fixed.value])
    generation = current_generation()
    cache_key = None
    seconds = cache_seconds()
    if seconds and not request.user.is_authenticated and _is_popular(data, page):
        cache_key = _cache_key(request, base_url, data, page, generation)
        html = _LOCAL_FRAGMENTS.get(cache_key) or cache.get(cache_key)
        if html is not None:
            _remember(cache_key, html)
            return ViewerState(html=mark_safe(html), generation=generation)  # noqa: S308 (ours)
    context = viewer_context(
        request, data=data, page=page, base_url=base_url, fixed=fixed, generation=generation
    )
    html = render_to_string("pledges/viewer/_viewer.html", context, request=request)
    if cache_key is not None:
        cache.set(cache_key, html, seconds)
        _remember(cache_key, html)
    return ViewerState(html=html, generation=generation, results=context["count"], context=context)


# Fragments this process served lately, so a popular page costs no cache read
# (keys hold the index generation, so a refresh_pledges() skips stale ones).
_LOCAL_FRAGMENTS: OrderedDict[str, str] = OrderedDict()
LOCAL_FRAGMENTS_MAX = 64


def _remember(key: str, html: str) -> None:
    _LOCAL_FRAGMENTS[key] = html
    _LOCAL_FRAGMENTS.move_to_end(key)
    while len(_LOCAL_FRAGMENTS) > LOCAL_FRAGMENTS_MAX:
        _LOCAL_FRAGMENTS.popitem(last=False)


def _is_popular(data: QueryDict, page: int) -> bool:
    if page > CACHE_MAX_PAGE or data.get("q", "").strip():
        return False
    chosen = sum(len(data.getlist(name)) for name in FACETS)
    return chosen <= CACHE_MAX_OPTIONS


def is_popular_request(request: HttpRequest) -> bool:
    """A viewer address whose whole page plain visitors get from the cache."""
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or len(raw) > 6 or len(request.META.get("QUERY_STRING", "")) > 1000:
        return False
    return _is_popular(request.GET, int(raw))


def cache_seconds() -> int:
    return getattr(settings, "PLEDGE_VIEWER_CACHE_SECONDS", CACHE_SECONDS)


# The viewer's pages for plain visitors on popular filters, whole, from the cache
# until the next viewer generation (an approved or changed pledge).
viewer_page_cache = anonymous_page_cache(
    version=current_generation, when=is_popular_request, seconds=cache_seconds
)


def _cache_key(
    request: HttpRequest, base_url: str, data: QueryDict, page: int, generation: str
) -> str:
    normalised = urlencode(sorted((k, v) for k, vs in data.lists() for v in vs))
    digest = hashlib.sha256(
        f"{base_url}|{get_language()}|{normalised}|{page}".encode()
    ).hexdigest()[:32]
    return f"pledges:viewer:{generation}:{digest}"


def viewer_context(
    request: HttpRequest,
    *,
    data: QueryDict,
    page: int,
    base_url: str,
    fixed: Fixed | None,
    generation: str,
) -> dict:
    filterset = PledgeViewerFilter(data)
    valid = filterset.is_valid()
    search = filterset.search_text()
    sort = data.get("sort", "")
    if sort not in dict(Sort.CHOICES):
        sort = Sort.RELEVANCE if search else Sort.NEWEST
    labels = option_labels(generation)
    active = filterset.active()
    if valid:
        selection = viewer_queries.select(
            filterset, generation=generation, ranked=sort == Sort.RELEVANCE
        )
        totals = selection.totals()
        pages = max(1, -(-totals.pledges // PAGE_SIZE))
        if page > pages:
            raise Http404(gettext("There is no such page."))
        rows = viewer_queries.result_page(
            lambda: filterset.queryset_without(None),
            sort=sort,
            search=search,
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
            selection=selection,
        )
        counts = selection.facet_counts()
    else:
        totals = viewer_queries.Totals(pledges=0, not_reported=0, indicators=[])
        pages, rows, counts = 1, [], {name: {} for name in FACETS}

    own_query = data.copy()
    if fixed is not None:
        own_query.pop(fixed.facet, None)
    facets = _facets(counts, active, labels, fixed)
    chips = _chips(own_query, active, labels, fixed)
    export_query = _query_without(own_query, "sort")
    if fixed is not None:
        export_query = urlencode([(fixed.facet, fixed.value)]) + (
            "&" + export_query if export_query else ""
        )
    kind_labels = _kind_labels()
    texts = _labels()
    scoreboard_forms = _scoreboard_forms(request)
    result_rows = _rows(rows, labels)
    return {
        "base_url": base_url,
        "fixed": fixed,
        "filterset": filterset,
        "form_errors": filterset.form.errors if not valid else {},
        "search": data.get("q", "")[: SEARCH_MAX_LENGTH * 2],
        "search_max_length": SEARCH_MAX_LENGTH,
        "sort": sort,
        "sort_choices": [(k, v) for k, v in texts["sorts"] if k != Sort.RELEVANCE or search],
        "facets": facets,
        "chips": chips,
        "count": totals.pledges,
        "totals": totals,
        "indicator_totals": [
            (kind_labels[kind], _n(target), _n(achieved))
            for kind, target, achieved in totals.indicators
        ],
        "rows": result_rows,
        "results_html": viewer_html.result_items(
            result_rows,
            texts["markup"],
            pickable=bool(scoreboard_forms and scoreboard_forms.get("scoreboards")),
        ),
        "page": page,
        "pages": pages,
        "page_links": _page_links(own_query, page, pages),
        "first_result": (page - 1) * PAGE_SIZE + 1,
        "export_query": export_query,
        "country_map": _country_map(counts.get("country", {}), own_query, base_url)
        if fixed is None or fixed.facet != "country"
        else None,
        "scoreboard_forms": scoreboard_forms,
        "current_query": own_query.urlencode(),
    }


def _country_map(counts: dict[str, int], query: QueryDict, base_url: str):
    """The map of Europe shaded by the pledges each country would give with the
    other filters; each country links to the list filtered on it."""
    from coalition.maps import europe_map

    others = _query_without(query, "country")
    prefix = f"{base_url}?{others}&country=" if others else f"{base_url}?country="
    return europe_map(
        counts,
        link_for=lambda code: prefix + code,
        title=gettext("Pledges per country"),
        description=gettext(
            "A map of the EU Member States shaded by the number of pledges with initiatives "
            "in each, under the other filters; EU-wide pledges are counted apart."
        ),
        legend_label=gettext("Pledges"),
        map_id="viewer-map",
    )


def _n(value: int) -> str:
    return grouped(value)


def _facets(counts, active, labels, fixed) -> list[dict]:
    texts = _labels()
    facet_labels, pledges = texts["facets"], texts["markup"]["pledges"]
    facets = []
    for name in FACETS:
        if fixed is not None and fixed.facet == name:
            continue
        chosen = set(active.get(name, []))
        facet_counts = counts.get(name, {})
        names = labels[name]
        if name == "year":
            values = sorted(set(facet_counts) | chosen, reverse=True)
            names = {v: v for v in values}
        else:
            values = list(names)
        options = [
            (value, names.get(value, value), _n(facet_counts.get(value, 0)), value in chosen)
            for value in values
            if facet_counts.get(value) or value in chosen
        ]
        facets.append(
            {
                "name": name,
                "label": facet_labels[name],
                "options": options,
                "options_html": viewer_html.facet_options(name, options, pledges),
                "open": bool(chosen),
            }
        )
    return facets


def _chips(query: QueryDict, active, labels, fixed) -> list[tuple[str, str, str, str]]:
    """(facet label, option label, query string without it, the chip's text), in the
    URL's order, so the last one is the filter chosen last."""
    facet_labels = _labels()["facets"]
    # Translators: an active filter in the Pledge Viewer, e.g. "Country: France".
    text = gettext("%(facet)s: %(label)s")
    chips = []

    def chip(facet: str, label: str, without: str) -> None:
        chips.append((facet, label, without, text % {"facet": facet, "label": label}))

    for key, values in query.lists():
        if key == "q":
            if any(v.strip() for v in values):
                chip(gettext("Search"), values[-1][:80], _query_without(query, "q"))
            continue
        if key not in FACETS or key not in active:
            continue
        for value in values:
            if value in active[key]:
                label = labels[key].get(value, value)
                chip(facet_labels[key], label, _query_without(query, key, value))
    return chips


def _rows(rows: list[dict], labels) -> list[dict]:
    detail = url_prefix("pledges:detail", "pk") or ""
    organisation = url_prefix("members:organisation_detail", "slug", placeholder="slug")
    pillars, countries = labels["pillar"], labels["country"]
    texts = _labels()
    completed, ongoing = texts["completed"], texts["ongoing"]
    out = []
    for row in rows:
        out.append(
            {
                "pk": row["pledge_id"],
                "url": detail.replace("\x00", str(row["pledge_id"])),
                "title": row["title"],
                "excerpt": row["excerpt"],
                "organisation": row["organisation_name"],
                "organisation_url": organisation.replace("\x00", row["organisation_slug"])
                if organisation
                else "",
                "status": completed if row["status"] == Pledge.Status.COMPLETED else ongoing,
                "completed": row["status"] == Pledge.Status.COMPLETED,
                "dates": _dates(row["start_date"], row["end_date"]),
                "pillars": ", ".join(pillars.get(p, p) for p in row["pillars"]),
                "countries": ", ".join(countries.get(c, c) for c in row["countries"]),
                "reach": _n(row["target_reach"]) if row["target_reach"] else "",
                "reported": row["has_reported"],
            }
        )
    return out


def _dates(start, end) -> str:
    if start and end:
        return f"{_month_year(start)} – {_month_year(end)}"
    if start:
        return gettext("from %(date)s") % {"date": _month_year(start)}
    return ""


def _month_year(day) -> str:
    return _month_year_in(translation.get_language(), day.year, day.month)


@functools.lru_cache(maxsize=4096)
def _month_year_in(language: str | None, year: int, month: int) -> str:
    """The month and year ("Mar 2024") in `language`: some 40 date_format() calls a
    page, with few distinct months among them."""
    with translation.override(language):
        return formats.date_format(date(year, month, 1), "M Y")


def _page_links(query: QueryDict, page: int, pages: int) -> dict:
    def link(number: int) -> str:
        q = query.copy()
        if number > 1:
            q["page"] = str(number)
        else:
            q.pop("page", None)
        encoded = q.urlencode()
        return f"?{encoded}" if encoded else "?"

    window = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    numbers: list[tuple[int | None, str]] = []
    previous = 0
    for number in window:
        if number - previous > 1:
            numbers.append((None, ""))
        numbers.append((number, link(number)))
        previous = number
    return {
        "previous": link(page - 1) if page > 1 else "",
        "next": link(page + 1) if page < pages else "",
        "numbers": numbers if pages > 1 else [],
    }


def _scoreboard_forms(request: HttpRequest) -> dict | None:
    """For organisation users: their scoreboards (to add pledges to) and their
    organisations (to save the current filter as a live scoreboard)."""
    if not request.user.is_authenticated:
        return None
    from pledges.scoreboards.services import scoreboard_choices_for

    return scoreboard_choices_for(request.user)


def _render_viewer_page(
    request: HttpRequest, template: str, context: dict, *, base_url: str, fixed: Fixed | None
) -> HttpResponse:
    state = build_viewer(request, base_url=base_url, fixed=fixed)
    # The navigation's pillars as the viewer read them: no query for the layout.
    context |= {"viewer_html": state.html, "nav_pillars": pillars_of(state.generation)}
    return render(request, template, context)


@require_safe
@vary_on_cookie
@viewer_page_cache
def viewer(request: HttpRequest) -> HttpResponse:
    base_url = reverse("pledges:viewer")
    return _render_viewer_page(
        request, "pledges/viewer/viewer.html", {}, base_url=base_url, fixed=None
    )


@require_safe
@vary_on_cookie
@viewer_page_cache
def country(request: HttpRequest, code: str) -> HttpResponse:
    code = code.upper()
    names = dict(country_choices())
    if code not in names:
        raise Http404(gettext("There is no such country in the Pledge Viewer."))
    if code == EU_WIDE:
        title = gettext("EU-wide pledges")
    else:
        title = gettext("Pledges in %(country)s") % {"country": names[code]}
    base_url = reverse("viewer:country", kwargs={"code": code.lower()})
    return _render_viewer_page(
        request,
        "pledges/viewer/country.html",
        {"country_code": code, "country_name": names[code], "title": title},
        base_url=base_url,
        fixed=Fixed("country", code),
    )
