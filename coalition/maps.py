"""A server-side SVG map of Europe: the 27 EU Member States shaded by a value
each, with neighbouring countries faintly drawn for context.

The shapes come from real geographic data that an npm package ships
(world-atlas, Natural Earth 1:50m, TopoJSON), copied into `build/geo/` by
`npm run build`. The TopoJSON arcs are decoded here in pure Python, projected
with a Lambert azimuthal equal-area projection centred on Europe (the one
Eurostat maps use, EPSG:3035 on a sphere), simplified arc by arc (so shared
borders stay shared) and clipped to the frame. That work takes seconds and
depends on the data file alone, so each process does it once
(`functools.cache`); a request gives each country its value, fill, link and
accessible name, and the Jinja2 template `includes/europe_map.html`
(templates/jinja2/) draws them.

The module knows Europe, not the portal: callers pass the values, a function
that gives each country's link, and the texts. `europe_map()` returns what the
companion template `includes/europe_map.html` needs (the SVG and its data
table, the text alternative).
"""

from __future__ import annotations

import functools
import json
import math
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django_countries import countries

from coalition.numbers import grouper

# ISO 3166-1 numeric (world-atlas ids) -> alpha-2, for the 27 EU Member States.
EU_MEMBER_STATES: dict[str, str] = {
    "040": "AT",
    "056": "BE",
    "100": "BG",
    "191": "HR",
    "196": "CY",
    "203": "CZ",
    "208": "DK",
    "233": "EE",
    "246": "FI",
    "250": "FR",
    "276": "DE",
    "300": "GR",
    "348": "HU",
    "372": "IE",
    "380": "IT",
    "428": "LV",
    "440": "LT",
    "442": "LU",
    "470": "MT",
    "528": "NL",
    "616": "PL",
    "620": "PT",
    "642": "RO",
    "703": "SK",
    "705": "SI",
    "724": "ES",
    "752": "SE",
}
EU_CODES: tuple[str, ...] = tuple(sorted(EU_MEMBER_STATES.values()))

# The whole island of Cyprus is EU territory (the acquis is suspended in the
# north); Natural Earth draws the north as a feature of its own, without an id.
_MERGED_INTO = {"N. Cyprus": "CY"}

# Only the European parts of a Member State are drawn (no outermost regions
# such as the Canary Islands or French Guiana, which a Europe map insets).
_LON_MIN, _LON_MAX, _LAT_MIN, _LAT_MAX = -25.0, 45.0, 34.0, 72.0

# Lambert azimuthal equal-area, centred like EPSG:3035.
_LON0, _LAT0 = math.radians(10.0), math.radians(52.0)

WIDTH = 1000.0  # viewBox width; the height follows from the Member States' extent
_PADDING = 0.03  # of the width, around the Member States
_TOLERANCE = 0.7  # Douglas-Peucker tolerance in viewBox units
_MIN_RING_AREA = 1.5  # smaller islands than this (in square units) are left out
_MARKER_BELOW = 12.0  # countries narrower than this also get a circle to click

# ECL's EU primary blue scale (light to dark). Against white the lightest
# swatches are too faint to stand out alone, so every swatch and country has a
# dark outline (#404040, 10:1 against white) and the data table repeats it all.
PALETTE: tuple[str, ...] = ("#cfdaf5", "#9fb5ea", "#6e91e0", "#0e47cb", "#082b7a")
# The outline (#404040), the neighbours' grey and the hatching of "None" are in
# the template, includes/europe_map.html.


def atlas_path() -> Path:
    """Where the world-atlas TopoJSON is: the built assets, else node_modules."""
    built = Path(settings.BASE_DIR) / "build" / "geo" / "countries-50m.json"
    if built.exists():
        return built
    return Path(settings.BASE_DIR) / "node_modules" / "world-atlas" / "countries-50m.json"


# --- Geometry (computed once per process) ----------------------------------


def _project(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    cos_c = math.sin(_LAT0) * math.sin(phi) + math.cos(_LAT0) * math.cos(phi) * math.cos(
        lam - _LON0
    )
    k = math.sqrt(2.0 / (1.0 + cos_c))
    x = k * math.cos(phi) * math.sin(lam - _LON0)
    y = k * (
        math.cos(_LAT0) * math.sin(phi) - math.sin(_LAT0) * math.cos(phi) * math.cos(lam - _LON0)
    )
    return x, -y  # SVG's y axis points down


def _decode_arc(arc: list[list[int]], scale: list[float], translate: list[float]):
    """TopoJSON quantised, delta-encoded positions -> longitude/latitude pairs."""
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
    return points


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; the first and last points always stay."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, worst_index = 0.0, 0
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - x1, py - y1)
            else:
                distance = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length
            if distance > worst:
                worst, worst_index = distance, i
        if worst > tolerance:
            keep[worst_index] = True
            stack.append((first, worst_index))
            stack.append((worst_index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _ring_area(ring: list[tuple[float, float]]) -> float:
    return abs(
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _clip(ring: list[tuple[float, float]], box: tuple[float, float, float, float]):
    """Sutherland-Hodgman: the part of a polygon ring inside a rectangle."""
    left, top, right, bottom = box

    def clip_edge(points, inside, intersect):
        if not points:
            return points
        out = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    out.append(intersect(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(intersect(previous, current))
            previous = current
        return out

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    ring = clip_edge(ring, lambda p: p[0] >= left, at_x(left))
    ring = clip_edge(ring, lambda p: p[0] <= right, at_x(right))
    ring = clip_edge(ring, lambda p: p[1] >= top, at_y(top))
    return clip_edge(ring, lambda p: p[1] <= bottom, at_y(bottom))


def _path_data(rings: Iterable[list[tuple[float, float]]]) -> str:
    """SVG path data in whole viewBox units, every point after a ring's first one
    relative to the point before (`l`): rounding stays within the simplification
    tolerance, and the map is a third of the bytes of absolute coordinates with a
    decimal (it is most of a viewer page). Shared borders round alike."""
    parts = []
    for ring in rings:
        points: list[tuple[int, int]] = []
        for x, y in ring:
            point = (round(x), round(y))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) > 1 and points[-1] == points[0]:
            points.pop()  # Z closes the ring
        if len(points) < 3:
            continue  # nothing left to draw at this scale
        numbers = [
            n
            for (x, y), (px, py) in zip(points[1:], points, strict=False)
            for n in (x - px, y - py)
        ]
        # A minus sign separates numbers by itself.
        deltas = "".join(f" {n}" if n >= 0 and i else str(n) for i, n in enumerate(numbers))
        parts.append(f"M{points[0][0]} {points[0][1]}l{deltas}Z")
    return "".join(parts)


@dataclass(frozen=True)
class CountryShape:
    code: str
    path: str  # SVG path data
    centre: tuple[float, float]  # of its largest part, for the small-country marker
    small: bool  # too small to click comfortably: draw a marker as well


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    countries: dict[str, CountryShape]  # EU Member States by alpha-2 code
    neighbours: str  # one path's data for every other country in the frame


@functools.cache
def geometry() -> Geometry:
    """Project, simplify and clip the map once per process."""
    topology = json.loads(atlas_path().read_text())
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = topology["arcs"]

    def polygons_of(feature) -> list[list[list[int]]]:
        if feature["type"] == "Polygon":
            return [feature["arcs"]]
        if feature["type"] == "MultiPolygon":
            return feature["arcs"]
        return []

    def lonlat_centre(polygon) -> tuple[float, float]:
        points = [
            p
            for index in polygon[0]
            for p in _decode_arc(arcs[~index if index < 0 else index], scale, translate)
        ]
        return (
            sum(p[0] for p in points) / len(points),
            sum(p[1] for p in points) / len(points),
        )

    def in_europe(polygon) -> bool:
        lon, lat = lonlat_centre(polygon)
        return _LON_MIN <= lon <= _LON_MAX and _LAT_MIN <= lat <= _LAT_MAX

    # Which polygons to draw, as lists of rings of arc indices.
    member_polygons: dict[str, list] = {code: [] for code in EU_CODES}
    other_polygons: list = []
    for feature in topology["objects"]["countries"]["geometries"]:
        code = EU_MEMBER_STATES.get(feature.get("id") or "") or _MERGED_INTO.get(
            feature.get("properties", {}).get("name", "")
        )
        for polygon in polygons_of(feature):
            if not in_europe(polygon):
                continue
            (member_polygons[code] if code else other_polygons).append(polygon)

    # Project and simplify each arc once, so that shared borders stay shared.
    projected_arcs: dict[int, list[tuple[float, float]]] = {}

    def projected(index: int) -> list[tuple[float, float]]:
        if index not in projected_arcs:
            projected_arcs[index] = [
                _project(lon, lat) for lon, lat in _decode_arc(arcs[index], scale, translate)
            ]
        return projected_arcs[index]

    def raw_ring(arc_indices: list[int]) -> list[tuple[float, float]]:
        ring: list[tuple[float, float]] = []
        for index in arc_indices:
            points = projected(~index)[::-1] if index < 0 else projected(index)
            ring.extend(points[1:] if ring else points)
        return ring

    # The frame: the Member States' extent plus padding, scaled to WIDTH.
    member_points = [
        p
        for polygons in member_polygons.values()
        for polygon in polygons
        for p in raw_ring(polygon[0])
    ]
    min_x = min(p[0] for p in member_points)
    max_x = max(p[0] for p in member_points)
    min_y = min(p[1] for p in member_points)
    max_y = max(p[1] for p in member_points)
    factor = WIDTH * (1 - 2 * _PADDING) / (max_x - min_x)
    offset_x = WIDTH * _PADDING - min_x * factor
    offset_y = WIDTH * _PADDING - min_y * factor
    height = round((max_y - min_y) * factor + 2 * WIDTH * _PADDING, 1)

    simplified: dict[int, list[tuple[float, float]]] = {}

    def arc_in_frame(index: int) -> list[tuple[float, float]]:
        if index not in simplified:
            points = [(x * factor + offset_x, y * factor + offset_y) for x, y in projected(index)]
            simplified[index] = _simplify(points, _TOLERANCE)
        return simplified[index]

    def ring_in_frame(arc_indices: list[int]) -> list[tuple[float, float]]:
        ring: list[tuple[float, float]] = []
        for index in arc_indices:
            points = arc_in_frame(~index)[::-1] if index < 0 else arc_in_frame(index)
            ring.extend(points[1:] if ring else points)
        if len(ring) > 1 and ring[0] == ring[-1]:
            ring.pop()
        return ring

    shapes: dict[str, CountryShape] = {}
    for code, polygons in member_polygons.items():
        rings = [ring_in_frame(ring) for polygon in polygons for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 3]
        largest = max(rings, key=_ring_area)
        kept = [ring for ring in rings if ring is largest or _ring_area(ring) >= _MIN_RING_AREA]
        xs = [p[0] for ring in kept for p in ring]
        ys = [p[1] for ring in kept for p in ring]
        centre = (
            sum(p[0] for p in largest) / len(largest),
            sum(p[1] for p in largest) / len(largest),
        )
        shapes[code] = CountryShape(
            code=code,
            path=_path_data(kept),
            centre=(round(centre[0], 1), round(centre[1], 1)),
            small=max(max(xs) - min(xs), max(ys) - min(ys)) < _MARKER_BELOW,
        )

    margin = 5.0
    box = (-margin, -margin, WIDTH + margin, height + margin)
    neighbour_rings = []
    for polygon in other_polygons:
        for ring_indices in polygon:
            ring = _clip(ring_in_frame(ring_indices), box)
            if len(ring) >= 3 and _ring_area(ring) >= _MIN_RING_AREA:
                neighbour_rings.append(ring)
    return Geometry(
        width=WIDTH, height=height, countries=shapes, neighbours=_path_data(neighbour_rings)
    )


# --- Values to classes --------------------------------------------------------


def class_breaks(values: Iterable[int], classes: int = len(PALETTE)) -> list[tuple[int, int]]:
    """Up to `classes` ranges (low, high) covering the positive values, by quantile."""
    positive = sorted(v for v in values if v and v > 0)
    if not positive:
        return []
    highs: list[int] = []
    for i in range(1, classes + 1):
        high = positive[math.ceil(i * len(positive) / classes) - 1]
        if not highs or high > highs[-1]:
            highs.append(high)
    ranges = []
    low = 1
    for high in highs:
        ranges.append((low, high))
        low = high + 1
    return ranges


def class_colours(count: int) -> list[str]:
    """`count` colours from the palette, spread from light to dark."""
    if count <= 0:
        return []
    if count == 1:
        return [PALETTE[3]]
    last = len(PALETTE) - 1
    return [PALETTE[round(i * last / (count - 1))] for i in range(count)]


def class_of(value: int, breaks: list[tuple[int, int]]) -> int | None:
    """The index of the range holding `value`, or None for no value (0 or absent)."""
    if not value or value <= 0:
        return None
    for index, (_low, high) in enumerate(breaks):
        if value <= high:
            return index
    return len(breaks) - 1 if breaks else None


def _range_label(low: int, high: int, group: Callable[[int], str]) -> str:
    if low == high:
        return group(low)
    return f"{group(low)}–{group(high)}"


# --- What the template draws ---------------------------------------------------


@dataclass(frozen=True)
class MapCountry:
    """One Member State as `includes/europe_map.html` draws it and lists it."""

    code: str
    name: str
    value: int
    shown_value: str  # the value in the visitor's language (digit grouping)
    url: str | None
    label: str  # the shape's accessible name: country, legend label and value
    fill: str
    path: str  # SVG path data
    marker: tuple[str, str] | None  # the centre of a small country's circle


@dataclass(frozen=True)
class LegendEntry:
    """A line of the key drawn inside the SVG, at its place in the frame."""

    fill: str
    text: str
    top: int


@dataclass(frozen=True)
class EuropeMap:
    """What `includes/europe_map.html` shows: the SVG and its data table."""

    countries: list[MapCountry]  # in alphabetical order of their names
    title: str
    description: str
    legend_label: str
    map_id: str
    width: str
    height: str
    neighbours: str  # path data of the countries around the Member States
    # (colour, label) from "None" (colour "") to the darkest class: the template
    # repeats the key in HTML for narrow screens, where the SVG's text is too small.
    legend: list[tuple[str, str]]
    # The same key inside the SVG, in its top-left corner (open sea west of
    # Ireland and Norway), and the height of its box.
    svg_legend: list[LegendEntry]
    svg_legend_height: int

    @property
    def rows(self) -> list[MapCountry]:
        """The data table's rows (the text alternative)."""
        return self.countries

    @property
    def table_title(self) -> str:
        """The data table's summary, in the active language."""
        return _("%(title)s: the data as a table") % {"title": self.title}


def legend_entries(values: Mapping[str, int]) -> list[tuple[str, str]]:
    """The key of a map of these values: ("", "None"), then (colour, range) per class."""
    breaks = class_breaks(values.get(code, 0) for code in EU_CODES)
    colours = class_colours(len(breaks))
    group = grouper()
    return [("", _("None"))] + [
        (colour, _range_label(low, high, group))
        for (low, high), colour in zip(breaks, colours, strict=True)
    ]


def _sort_key(name: str) -> str:
    # "Österreich" sorts with the Os, not after Z.
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def country_names(names: Mapping[str, str] | None = None) -> dict[str, str]:
    """The Member States' names in the active language (those of `names`, a
    caller's that holds them already), in alphabetical order."""
    if names is None:
        names = {code: str(countries.name(code)) or code for code in EU_CODES}
    else:
        names = {code: names[code] for code in EU_CODES}
    return dict(sorted(names.items(), key=lambda item: _sort_key(item[1])))


# The key inside the SVG: its left edge, first baseline and line height.
_LEGEND_X, _LEGEND_Y, _LEGEND_ROW = 16, 22, 30


def europe_map(
    values: Mapping[str, int],
    *,
    link_for: Callable[[str], str | None],
    title: str,
    description: str,
    legend_label: str,
    map_id: str = "europe-map",
    names: Mapping[str, str] | None = None,
) -> EuropeMap:
    """A map of the EU Member States shaded by `values` (alpha-2 code -> count),
    for the Jinja2 template `includes/europe_map.html` (context: map). Each country
    that `link_for` gives a link is drawn as a link whose accessible name gives
    its name and value; `title` and `description` label the whole map. Pass a
    distinct `map_id` for a second map on a page, and `names` (the Member
    States' names in any order) when you have them already."""
    shapes = geometry()
    breaks = class_breaks(values.get(code, 0) for code in EU_CODES)
    colours = class_colours(len(breaks))
    group = grouper()
    label_format = _("%(country)s, %(label)s: %(value)s")
    none_fill = f"url(#{map_id}-none)"
    rows = []
    for code, name in country_names(names).items():
        value = int(values.get(code, 0) or 0)
        index = class_of(value, breaks)
        shape = shapes.countries[code]
        shown = group(value)
        rows.append(
            MapCountry(
                code=code,
                name=name,
                value=value,
                shown_value=shown,
                url=link_for(code),
                label=label_format % {"country": name, "label": legend_label, "value": shown},
                fill=none_fill if index is None else colours[index],
                path=shape.path,
                marker=(f"{shape.centre[0]:g}", f"{shape.centre[1]:g}") if shape.small else None,
            )
        )
    key = [(none_fill, _("None"))] + [
        (colour, _range_label(low, high, group))
        for (low, high), colour in zip(breaks, colours, strict=True)
    ]
    return EuropeMap(
        countries=rows,
        title=title,
        description=description,
        legend_label=legend_label,
        map_id=map_id,
        width=f"{shapes.width:g}",
        height=f"{shapes.height:g}",
        neighbours=shapes.neighbours,
        legend=legend_entries(values),
        svg_legend=[
            LegendEntry(fill=fill, text=text, top=_LEGEND_Y + 14 + position * _LEGEND_ROW)
            for position, (fill, text) in enumerate(key)
        ],
        svg_legend_height=_LEGEND_ROW * len(key) + 34,
    )
