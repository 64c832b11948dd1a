"""The SVG map of Europe: real shapes for every Member State, values to
classes, links, accessible names, and escaping."""

import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from coalition import maps


class SvgParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, dict[str, str]] = {}
        self.fills: dict[str, str] = {}
        self.root: dict[str, str] = {}
        self.titles: list[str] = []
        self._country: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.root = attrs
        if "data-country" in attrs:
            self._country = attrs["data-country"]
            if tag == "a":
                self.links[self._country] = attrs
        if tag == "path" and self._country and self._country not in self.fills:
            self.fills[self._country] = attrs["fill"]
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag in ("a", "g"):
            self._country = None
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.titles.append(data)


def parse(svg: str) -> SvgParser:
    parser = SvgParser()
    parser.feed(svg)
    return parser


def render(values=None, link_for=lambda code: f"/countries/{code}/", **texts):
    texts = {"title": "Pledges by country", "description": "Darker is more.", **texts}
    country_map = maps.europe_map(
        values or {}, link_for=link_for, legend_label=texts.pop("legend_label", "Pledges"), **texts
    )
    html = render_map(country_map)
    return html[html.index("<svg") : html.index("</svg>") + len("</svg>")]


def render_map(country_map) -> str:
    return render_to_string("includes/europe_map.html", {"map": country_map}, using="jinja2")


def path_points(path: str) -> list[list[tuple[int, int]]]:
    """The rings of path data that maps._path_data makes, as absolute points."""
    rings = []
    for start, deltas in re.findall(r"M(-?\d+ -?\d+)l([-\d ]*)Z", path):
        x, y = (int(n) for n in start.split())
        ring = [(x, y)]
        numbers = [int(n) for n in re.findall(r"-?\d+", deltas)]
        for dx, dy in zip(numbers[0::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def test_it_has_a_shape_for_each_of_the_27_member_states():
    geometry = maps.geometry()

    assert sorted(geometry.countries) == sorted(maps.EU_MEMBER_STATES.values())
    assert len(geometry.countries) == 27
    for shape in geometry.countries.values():
        assert re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+Z)+", shape.path), shape.code
        assert all(len(ring) >= 3 for ring in path_points(shape.path)), shape.code
    assert geometry.neighbours.startswith("M")


def test_it_draws_large_countries_larger_than_small_ones():
    shapes = maps.geometry().countries

    assert len(shapes["FR"].path) > 10 * len(shapes["LU"].path)
    assert shapes["MT"].small is True
    assert shapes["FR"].small is False


def test_it_keeps_every_shape_inside_the_frame():
    geometry = maps.geometry()

    for shape in geometry.countries.values():
        points = [point for ring in path_points(shape.path) for point in ring]
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        assert min(xs) >= 0, shape.code
        assert max(xs) <= geometry.width, shape.code
        assert min(ys) >= 0, shape.code
        assert max(ys) <= geometry.height, shape.code


def test_it_leaves_out_outermost_regions():
    # French Guiana would stretch France's shape far to the west and south.
    france = maps.geometry().countries["FR"]
    xs = [x for ring in path_points(france.path) for x, _y in ring]

    assert max(xs) - min(xs) < 400


def test_it_caches_the_geometry_once_per_process():
    assert maps.geometry() is maps.geometry()


def test_it_breaks_values_into_at_most_five_ranges():
    values = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]

    breaks = maps.class_breaks(values)

    assert breaks == [(1, 1), (2, 3), (4, 8), (9, 21), (22, 55)]


def test_it_makes_fewer_ranges_when_values_repeat():
    assert maps.class_breaks([4, 4, 4, 0]) == [(1, 4)]
    assert maps.class_breaks([0, 0]) == []
    assert maps.class_breaks([1, 2]) == [(1, 1), (2, 2)]


def test_it_puts_values_in_their_class():
    breaks = [(1, 1), (2, 3), (4, 8)]

    assert [maps.class_of(v, breaks) for v in (0, 1, 2, 3, 4, 8, 99)] == [
        None,
        0,
        1,
        1,
        2,
        2,
        2,
    ]


def test_it_spreads_colours_from_light_to_dark():
    assert maps.class_colours(5) == list(maps.PALETTE)
    assert maps.class_colours(2) == [maps.PALETTE[0], maps.PALETTE[-1]]
    assert maps.class_colours(0) == []


def test_it_shades_each_country_by_its_value():
    values = {"FR": 55, "DE": 1, "BE": 2, "IT": 3, "ES": 8, "PL": 21}

    parsed = parse(render(values))

    assert parsed.fills["FR"] == maps.PALETTE[-1]
    assert parsed.fills["DE"] == maps.PALETTE[0]
    assert parsed.fills["AT"] == "url(#europe-map-none)"
    assert len(parsed.fills) == 27


def test_it_links_each_country_with_its_name_and_value_as_accessible_name():
    parsed = parse(render({"FR": 1234}, legend_label="Active pledges"))

    assert len(parsed.links) == 27
    assert parsed.links["FR"]["href"] == "/countries/FR/"
    assert parsed.links["FR"]["aria-label"] == "France, Active pledges: 1,234"
    assert parsed.links["AT"]["aria-label"] == "Austria, Active pledges: 0"


def test_it_draws_a_country_without_link_as_an_image_with_a_name():
    svg = render({"FR": 3}, link_for=lambda code: None if code == "MT" else f"/c/{code}/")

    parsed = parse(svg)

    assert "MT" not in parsed.links
    assert '<g data-country="MT" role="img" aria-label="Malta, Pledges: 0">' in svg


def test_it_labels_the_map_with_its_title_and_description():
    svg = render(title="Coalitions", description="One per country.", map_id="coalitions-map")

    parsed = parse(svg)

    assert parsed.root["aria-labelledby"] == "coalitions-map-title"
    assert parsed.root["aria-describedby"] == "coalitions-map-desc"
    assert '<title id="coalitions-map-title">Coalitions</title>' in svg
    assert '<desc id="coalitions-map-desc">One per country.</desc>' in svg


def test_it_escapes_every_text_and_link():
    svg = render(
        {"FR": 1},
        link_for=lambda code: f'/x/?a=1&b="{code}"><script>',
        title="<script>alert(1)</script>",
        description='"quoted" & <b>',
        legend_label="<img src=x onerror=alert(1)>",
    )

    assert "<script>" not in svg
    assert "<img" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    # Jinja2 writes a quote as &#34; (Django's template language as &quot;)
    assert 'href="/x/?a=1&amp;b=&#34;FR&#34;&gt;&lt;script&gt;"' in svg
    assert parse(svg).links["FR"]["href"] == '/x/?a=1&b="FR"><script>'


def test_it_shows_a_legend_with_the_ranges():
    svg = render({"FR": 10, "DE": 1000})

    assert ">None</text>" in svg
    assert ">1–10</text>" in svg
    assert ">11–1,000</text>" in svg


def test_it_names_countries_in_the_active_language():
    with translation.override("de"):
        parsed = parse(render({"AT": 2}))

    assert parsed.links["AT"]["aria-label"] == "Österreich, Pledges: 2"


def test_it_lists_every_country_in_the_data_table_in_alphabetical_order():
    country_map = maps.europe_map(
        {"SE": 4},
        link_for=lambda code: None if code == "SE" else f"/c/{code}/",
        title="Pledges by country",
        description="d",
        legend_label="Pledges",
    )

    html = render_map(country_map)

    names = [row.name for row in country_map.rows]
    assert names == sorted(names)
    assert len(country_map.rows) == 27
    assert "<summary>Pledges by country: the data as a table</summary>" in html
    assert '<a class="ecl-link" href="/c/FR/">France</a>' in html
    assert '<th scope="row">Sweden</th><td>4</td>' in html


@pytest.mark.parametrize("missing", ["build", "both"])
def test_it_finds_the_atlas_in_node_modules_when_assets_are_not_built(settings, tmp_path, missing):
    settings.BASE_DIR = tmp_path
    fallback = tmp_path / "node_modules" / "world-atlas" / "countries-50m.json"

    assert maps.atlas_path() == fallback
    if missing == "build":
        built = tmp_path / "build" / "geo" / "countries-50m.json"
        built.parent.mkdir(parents=True)
        built.write_text("{}")
        assert maps.atlas_path() == built


def test_it_gives_the_key_for_the_html_legend():
    country_map = maps.europe_map(
        {"FR": 10, "DE": 1000},
        link_for=lambda c: None,
        title="t",
        description="d",
        legend_label="l",
    )

    assert country_map.legend == [
        ("", "None"),
        (maps.PALETTE[0], "1–10"),
        (maps.PALETTE[-1], "11–1,000"),
    ]
    html = render_map(country_map)
    assert f'<rect width="24" height="16" fill="{maps.PALETTE[0]}"/></svg>1–10</li>' in html
    assert "style" not in html


def test_cached_shapes_take_each_maps_own_values_links_and_fills():
    first = parse(render(dict.fromkeys(maps.EU_CODES, 5)))
    values = {code: index for index, code in enumerate(maps.EU_CODES)}

    second = parse(render(values, link_for=lambda code: f"/other/{code}/", map_id="m2"))

    assert set(first.fills.values()) == {maps.PALETTE[3]}
    breaks = maps.class_breaks(values.values())
    colours = maps.class_colours(len(breaks))
    for code, value in values.items():
        index = maps.class_of(value, breaks)
        assert second.fills[code] == ("url(#m2-none)" if index is None else colours[index])
        assert second.links[code]["href"] == f"/other/{code}/"
        assert second.links[code]["aria-label"].endswith(f", Pledges: {value}")
    assert second.fills["AT"] == "url(#m2-none)"  # the first in EU_CODES, value 0


def test_the_data_table_escapes_and_writes_numbers_in_the_visitors_language():
    with translation.override("fr"):
        country_map = maps.europe_map(
            {"FR": 12345},
            link_for=lambda code: f"/c/{code}/?a=1&b=2",
            title="t",
            description="d",
            legend_label="l",
        )

        html = render_map(country_map)

    assert (
        '<th scope="row"><a class="ecl-link" href="/c/FR/?a=1&amp;b=2">France</a></th>'
        "<td>12\xa0345</td>"
    ) in html
    assert html.count("<tr>") == 28  # the head's row and one per Member State


def test_path_data_is_whole_units_relative_to_the_point_before():
    square = [(10.2, 20.4), (30.0, 20.0), (30.4, 5.6), (10.0, 5.0), (10.2, 20.4)]

    path = maps._path_data([square, [(1.0, 1.0), (1.2, 1.1)]])

    assert path == "M10 20l20 0 0-14-20-1Z"  # the closing point and the dot are left out
    assert path_points(path) == [[(10, 20), (30, 20), (30, 6), (10, 5)]]


def test_coordinates_are_never_written_with_a_decimal_comma():
    with translation.override("de"):
        svg = render({"MT": 2})

    assert re.fullmatch(r"0 0 1000 \d+(\.\d+)?", parse(svg).root["viewbox"])
    circle = re.search(r'<circle class="m-c m-f" cx="([^"]+)" cy="([^"]+)"', svg)
    assert circle
    assert "," not in circle.group(1) + circle.group(2)
