"""The Pledge Viewer: the list of public pledges with filters, search, facet
counts, totals and a map; the same viewer on each country's page and on each
pillar's page.

Filters, facet counts and totals come from the bitmap index of the current
generation (`pledges.viewer.facet_index`); a page then costs one query for the
pillars (filter labels and navigation) and one for its rows (two with a
search). Rows are prepared here as plain dicts; `_viewer.html` turns them into
markup. Plain visitors on popular filters get the whole page from the shared
cache (`coalition.caching.public_page`), keyed by the generation, which every
`refresh_pledges()` changes, so approving or changing a pledge shows at once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from coalition.caching import current_generation, public_page
from coalition.labels import choice_labels
from coalition.languages import direction
from coalition.models import Pillar
from coalition.numbers import grouper
from coalition.pillars import pillars_in_order
from members.models import Organisation
from national import digital_decade
from pledges.models import ActionType, BeneficiaryGroup, DeliveryMode, Indicator, Pledge
from pledges.reporting.breakdown import Breakdown
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
# The breakdown groups whose sums the totals' table shows apart; its "other or
# not recorded" and "not recorded" columns follow from the total
# (Breakdown.numbers()), so the index does not sum them.
SHOWN_GROUPS = ("women", "men", "age_under_25", "age_25_to_54", "age_55_and_over")
# "Popular" requests whose whole page plain visitors get from the cache: no
# search, few options chosen, one of the first pages. Anything else is computed
# (and fast enough) each time.
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


@dataclass
class Fixed:
    """A filter the page sets and the visitor cannot remove (pillar or country pages)."""

    facet: str
    value: str


@dataclass
class ViewerState:
    html: SafeString
    results: int = 0
    context: dict = field(default_factory=dict)


@dataclass(slots=True)
class ResultRow:
    """One result as the fragment prints it (attributes, which Jinja2 reads
    faster than a dict's items)."""

    pk: int
    url: str
    title: str
    excerpt: str
    lang: str  # the language of the title and excerpt shown, when not the page's
    dir: str
    organisation: str
    pick_label: str
    organisation_url: str
    status: str
    completed: bool
    dates: str
    pillars: str
    countries: str
    reach: str
    reported: bool


def option_labels(pillars: list[Pillar] | None = None) -> dict[str, dict[str, str]]:
    """Facet -> option value -> label, in the active language. Pillar names come
    from the database (staff may edit them: pass the pillars if you have them)
    and are translated like `Pillar.short_label`. Do not change the dicts: the
    other facets' are shared (`fixed_labels()`)."""
    if pillars is None:
        pillars = list(Pillar.objects.in_order().only("slug", "short_name"))
    return {
        "pillar": {pillar.slug: pillar.short_label for pillar in pillars},
        **fixed_labels(get_language() or ""),
    }


@functools.lru_cache(maxsize=len(settings.LANGUAGES) + 1)
def fixed_labels(language: str) -> dict[str, dict[str, str]]:
    """The labels of the facets whose options are fixed in the code (countries,
    choices), and of the indicator kinds (`"kind"`), in `language`: computed once
    per process and language, as they change only with the code and its
    translation catalogues (every viewer page prints them all)."""
    with translation.override(language or None):
        return {
            "country": dict(country_choices()),
            "group": choice_labels(BeneficiaryGroup),
            "action": choice_labels(ActionType),
            "delivery": choice_labels(DeliveryMode),
            "sector": choice_labels(Organisation.Sector),
            "type": choice_labels(Organisation.Type),
            "status": {value: str(label) for value, label in STATUS_CHOICES},
            "year": {},
            "kind": choice_labels(Indicator.Kind),
        }


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
    """The viewer fragment (filters, totals, map, results) as HTML."""
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH * 3:
        raise Http404(gettext("This address is too long."))
    page = _page_number(request)
    data = request.GET.copy()
    data.pop("page", None)
    if fixed is not None:
        data.setlist(fixed.facet, [fixed.value])
    context = viewer_context(
        request,
        data=data,
        page=page,
        base_url=base_url,
        fixed=fixed,
        generation=current_generation(),
    )
    # Rendered by Jinja2 (coalition/jinja2.py says why); its output is markup
    # that the page's Django template prints as it is.
    html = render_to_string("pledges/viewer/_viewer.html", context, request=request, using="jinja2")
    return ViewerState(html=SafeString(html), results=context["count"], context=context)


def _is_popular(data: QueryDict, page: int) -> bool:
    if page > CACHE_MAX_PAGE or data.get("q", "").strip():
        return False
    chosen = sum(len(data.getlist(name)) for name in FACETS)
    return chosen <= CACHE_MAX_OPTIONS


def is_popular_request(request: HttpRequest, *args, **kwargs) -> bool:
    """A viewer address whose whole page plain visitors get from the cache."""
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or len(raw) > 6 or len(request.META.get("QUERY_STRING", "")) > 1000:
        return False
    return _is_popular(request.GET, int(raw))


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
    # The pillars for the filter's labels, the rows and the navigation.
    pillars = pillars_in_order(generation)
    labels = option_labels(pillars)
    active = filterset.active()
    if valid:
        selection = viewer_queries.select(
            filterset, generation=generation, ranked=sort == Sort.RELEVANCE
        )
        totals = selection.totals(breakdown_groups=SHOWN_GROUPS)
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
            language=get_language() or "",
        )
        counts = selection.facet_counts()
    else:
        totals = viewer_queries.Totals(pledges=0, not_reported=0, indicators=[])
        pages, rows, counts = 1, [], {name: {} for name in FACETS}

    # The query the page's own links keep (read only; a fixed facet is in the
    # path, not the query)
    own_query = data
    if fixed is not None:
        own_query = data.copy()
        own_query.pop(fixed.facet, None)
    export_query = _query_without(own_query, "sort")
    if fixed is not None:
        export_query = urlencode([(fixed.facet, fixed.value)]) + (
            "&" + export_query if export_query else ""
        )
    kind_labels = labels["kind"]
    group = grouper()  # the active language's digit grouping, read once
    scoreboard_forms = _scoreboard_forms(request)
    chips = _chips(own_query, active, labels, fixed)
    country_map = (
        _country_map(counts.get("country", {}), own_query, base_url, labels["country"])
        if fixed is None or fixed.facet != "country"
        else None
    )
    decade = _decade(active.get("country", []) if valid else [], labels["country"], generation)
    return {
        "base_url": base_url,
        "fixed": fixed,
        "filterset": filterset,
        "form_errors": filterset.form.errors if not valid else {},
        "search": data.get("q", "")[: SEARCH_MAX_LENGTH * 2],
        "search_max_length": SEARCH_MAX_LENGTH,
        "sort": sort,
        "sort_choices": [(k, v) for k, v in Sort.CHOICES if k != Sort.RELEVANCE or search],
        "facets": _facets(counts, active, labels, fixed, group),
        "chips": chips,
        # the way back from no results: without the filter chosen last
        "remove_last": gettext("Remove the last filter (%(facet)s: %(label)s)")
        % {"facet": chips[-1][0], "label": chips[-1][1]}
        if chips
        else "",
        "count": totals.pledges,
        **count_texts(totals.pledges, totals.not_reported, group),
        # texts the loops print, translated once
        "texts": _texts(),
        "totals": totals,
        "indicator_totals": [
            (kind_labels[kind], group(target), group(achieved))
            for kind, target, achieved in totals.indicators
        ],
        "breakdown_totals": [
            (kind_labels[kind], [group(n) for n in _breakdown_numbers(breakdown)])
            for kind, breakdown in totals.breakdowns.items()
        ],
        "rows": _rows(rows, labels, group),
        "pickable": bool(scoreboard_forms and scoreboard_forms.get("scoreboards")),
        "page": page,
        "pages": pages,
        "page_links": _page_links(own_query, page, pages),
        "first_result": (page - 1) * PAGE_SIZE + 1,
        "export_query": export_query,
        "country_map": country_map,
        # The Digital Decade section is a Django template that the national
        # pages include too: the fragment prints it as rendered here.
        "scoreboard_forms": scoreboard_forms,
        "decade": decade,
        "decade_html": render_to_string(
            "national/includes/digital_decade.html",
            {"standing": decade["standing"], "place": decade["place"], "level": 3},
        )
        if decade
        else "",
        "current_query": own_query.urlencode(),
        "pillars": pillars,
    }


def count_texts(pledges: int, not_reported: int, group=None) -> dict[str, str]:
    """The results' heading ("12,345 pledges") and the note on those that have
    not reported yet, their numbers grouped as the facet counts are."""
    group = group or grouper()
    return {
        "count_heading": ngettext("%(number)s pledge", "%(number)s pledges", pledges)
        % {"number": group(pledges)},
        "not_reported_note": ngettext(
            "%(number)s of these pledges has not reported progress yet.",
            "%(number)s of these pledges have not reported progress yet.",
            not_reported,
        )
        % {"number": group(not_reported)},
    }


def _texts() -> SimpleNamespace:
    """Labels that the fragment's loops print (the result rows, the chips and
    the page links), translated once per page."""
    return SimpleNamespace(
        status=gettext("Status"),
        dates=gettext("Dates"),
        pillars=gettext("Pillars"),
        countries=gettext("Countries"),
        reach=gettext("Target reach"),
        progress=gettext("Progress"),
        reported=gettext("Reported"),
        not_reported=gettext("Not yet reported"),
        remove_filter=gettext("Remove filter"),
        page=gettext("Page"),
    )


def _decade(countries: list[str], names: dict[str, str], generation: str) -> dict | None:
    """Where the one chosen country (or the EU, for EU-wide) stands on the
    Digital Decade's targets (national.digital_decade); None unless exactly one
    is chosen."""
    if len(countries) != 1 or countries[0] not in names:
        return None
    code = countries[0]
    place = gettext("the European Union") if code == EU_WIDE else names[code]
    return {"standing": digital_decade.standing(code, generation), "place": place}


def _breakdown_numbers(breakdown: Breakdown) -> list[int]:
    """The viewer's breakdown table's cells: women, men, other or not recorded,
    the three age bands, age not recorded (values given without a breakdown
    count as not recorded, pledges.reporting.breakdown.Breakdown.rows())."""
    numbers = breakdown.numbers()
    return numbers["gender"] + numbers["age"]


def _country_map(counts: dict[str, int], query: QueryDict, base_url: str, names: dict):
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
        names=names,
    )


def _facets(counts, active, labels, fixed, group) -> list[dict]:
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
        options = []
        for value in values:
            count = facet_counts.get(value, 0)
            if not count and value not in chosen:
                continue
            shown = group(count)
            options.append(
                (
                    value,
                    names.get(value, value),
                    shown,
                    value in chosen,
                    f"f-{name}-{value}",  # the checkbox's id
                    # What a screen reader says after the option's name.
                    ngettext("%(number)s pledge", "%(number)s pledges", count) % {"number": shown},
                )
            )
        facets.append(
            {"name": name, "label": FACET_LABELS[name], "options": options, "open": bool(chosen)}
        )
    return facets


def _chips(query: QueryDict, active, labels, fixed) -> list[tuple[str, str, str, str]]:
    """(facet label, option label, query string without it, the chip's text), in the
    URL's order, so the last one is the filter chosen last."""
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
                chip(str(FACET_LABELS[key]), label, _query_without(query, key, value))
    return chips


def _excerpt(text: str) -> str:
    """The first 300 characters of a text, its white space made single
    spaces (as the viewer's rows keep a pledge's summary)."""
    return " ".join(text.split())[:300]


def _rows(rows: list[dict], labels, group) -> list[ResultRow]:
    """One page of results as the template prints them."""
    pillars, countries = labels["pillar"], labels["country"]
    completed, ongoing = gettext("Completed"), gettext("Ongoing")
    months: dict[date, str] = {}  # a page's dates fall in few months
    page_language = get_language() or ""

    def month_year(day: date) -> str:
        first = day.replace(day=1)
        if first not in months:
            months[first] = formats.date_format(first, "YEAR_MONTH_FORMAT")
        return months[first]

    # Each result's checkbox (add to a scoreboard) says whose pledge it is: two
    # organisations may give theirs the same title.
    pick = gettext("Choose “%(title)s” by %(organisation)s")
    out = []
    for row in rows:
        start, end = row["start_date"], row["end_date"]
        if start and end:
            dates = f"{month_year(start)} – {month_year(end)}"
        elif start:
            dates = gettext("from %(date)s") % {"date": month_year(start)}
        else:
            dates = ""
        # the organisation's translation into the page's language, if any
        translated = row.get("translated_title") is not None
        language = page_language if translated else row.get("pledge_language", "")
        title = row["translated_title"] if translated else row["title"]
        out.append(
            ResultRow(
                pk=row["pledge_id"],
                url=reverse("pledges:detail", kwargs={"pk": row["pledge_id"]}),
                title=title,
                excerpt=_excerpt(row["translated_summary"]) if translated else row["excerpt"],
                lang=language if language != page_language else "",
                dir=direction(language),
                organisation=row["organisation_name"],
                pick_label=pick % {"title": title, "organisation": row["organisation_name"]},
                organisation_url=reverse(
                    "members:organisation_detail", kwargs={"slug": row["organisation_slug"]}
                ),
                status=completed if row["status"] == Pledge.Status.COMPLETED else ongoing,
                completed=row["status"] == Pledge.Status.COMPLETED,
                dates=dates,
                pillars=", ".join(pillars.get(p, p) for p in row["pillars"]),
                countries=", ".join(countries.get(c, c) for c in row["countries"]),
                reach=group(row["target_reach"]) if row["target_reach"] else "",
                reported=row["has_reported"],
            )
        )
    return out


def _page_links(query: QueryDict, page: int, pages: int) -> dict:
    # The query without its page, encoded once; a page after the first adds its
    # number at the end (where QueryDict.urlencode() would put a new key).
    encoded = _query_without(query, "page")
    joiner = "&" if encoded else ""

    def link(number: int) -> str:
        return f"?{encoded}{joiner}page={number}" if number > 1 else f"?{encoded}"

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
    context |= {
        "viewer_html": state.html,
        "viewer": state.context,  # what the fragment was rendered from
        "nav_pillars": state.context["pillars"],
        "export_query": state.context["export_query"],  # the filtered feed in the head
    }
    return render(request, template, context)


@require_safe
@public_page(when=is_popular_request)
def viewer(request: HttpRequest) -> HttpResponse:
    base_url = reverse("pledges:viewer")
    return _render_viewer_page(
        request, "pledges/viewer/viewer.html", {}, base_url=base_url, fixed=None
    )


@require_safe
@public_page(when=is_popular_request)
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


def pillar_context(request: HttpRequest, pillar: Pillar) -> dict:
    """What a pillar's page shows of the viewer: the viewer with that pillar
    chosen, and the pillars it read (for the navigation)."""
    state = build_viewer(
        request, base_url=pillar.get_absolute_url(), fixed=Fixed("pillar", pillar.slug)
    )
    return {
        "viewer_html": state.html,
        "viewer": state.context,
        "nav_pillars": state.context["pillars"],
    }
