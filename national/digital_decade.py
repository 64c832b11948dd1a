"""Where a country stands on the EU's 2030 Digital Decade targets for skills,
from Eurostat's JSON-stat files.

- ``parse(data)`` reads one JSON-stat 2.0 file of a dataset it knows
  (``spec_for()``): ``isoc_sk_dskl_i21`` (share of people aged 16–74 with at
  least basic digital skills: indicator I_DSK2_BAB, IND_TOTAL, PC_IND; EU target
  80 % in 2030) and the ICT specialists' datasets of the ``isoc_skslf`` domain
  (``isoc_sks_itspt`` and its siblings: thousands of persons, THS_PER, with a
  sex breakdown where the file has one; EU target 20 million in 2030, with
  gender balance). It keeps the EU Member States and the EU (EU27_2020) and
  refuses, with a message saying why, anything it cannot read without guessing.
- ``load(releases)`` replaces those datasets' figures, all in one transaction
  (``manage.py load_digital_decade``).
- ``standing(code)`` is what a country page shows (one query, kept for the
  generation): per indicator the latest value, the EU's, the target, the source
  and the series for a chart and a table.

The repository ships no figures: README.md ("Digital Decade figures") says how
a maintainer downloads the files and loads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction

from coalition.caching import bump_on_commit, for_generation
from coalition.maps import EU_CODES
from national.models import DigitalDecadeFigure, DigitalDecadeRelease

Indicator = DigitalDecadeFigure.Indicator
Sex = DigitalDecadeFigure.Sex

API_URL = "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/{dataset}?format=JSON&lang=EN"
EU_AGGREGATE = "EU27_2020"
# Eurostat writes Greece EL; the portal, like ISO 3166-1, GR.
GEO_CODES = {EU_AGGREGATE: "EU", "EL": "GR"} | {code: code for code in EU_CODES if code != "GR"}
YEARS_SHOWN = 10

# The EU's 2030 targets (Decision (EU) 2022/2481, the Digital Decade policy programme).
SKILLS_TARGET_PERCENT = 80
ICT_TARGET_THOUSANDS = 20_000


class DigitalDecadeError(Exception):
    """A file the loader refuses, with the reason in plain words (in English,
    like the rest of the management commands' output)."""


@dataclass(frozen=True)
class Spec:
    indicator: str
    unit: str
    select: dict[str, str]  # dimension -> the one category taken
    by_sex: bool = False


SKILLS = Spec(
    indicator=Indicator.BASIC_DIGITAL_SKILLS,
    unit="PC_IND",
    select={"indic_is": "I_DSK2_BAB", "ind_type": "IND_TOTAL", "unit": "PC_IND"},
)
ICT = Spec(
    indicator=Indicator.ICT_SPECIALISTS, unit="THS_PER", select={"unit": "THS_PER"}, by_sex=True
)
ICT_PREFIX = "isoc_sks_its"  # the ICT specialists' datasets of the isoc_skslf domain


def spec_for(dataset: str) -> Spec | None:
    if dataset == "isoc_sk_dskl_i21":
        return SKILLS
    if dataset.startswith(ICT_PREFIX):
        return ICT
    return None


@dataclass
class Release:
    """A parsed file: the dataset, its title, Eurostat's update date, the source
    address and its figures as (indicator, country, year, sex, unit, value)."""

    dataset: str
    label: str
    updated: dt.date
    source_url: str
    figures: list[tuple[str, str, int, str, str, Decimal]] = field(default_factory=list)


def parse(data: object, *, dataset: str | None = None, source_url: str | None = None) -> Release:
    """The release a JSON-stat 2.0 file holds, or DigitalDecadeError. The dataset
    is the file's own (``extension.id``, as Eurostat writes it) or ``dataset``."""
    if not isinstance(data, dict) or data.get("class") != "dataset":
        raise DigitalDecadeError("This is not a JSON-stat dataset.")
    if data.get("version", "2.0") != "2.0":
        raise DigitalDecadeError("Only JSON-stat version 2.0 is read.")
    extension = data.get("extension") if isinstance(data.get("extension"), dict) else {}
    own = str(extension.get("id") or "").lower()
    if own and dataset and own != dataset.lower():
        raise DigitalDecadeError(f"The file holds the dataset {own}, not {dataset.lower()}.")
    code = own or (dataset or "").lower()
    if not code:
        raise DigitalDecadeError("The file does not say which dataset it holds: name it.")
    spec = spec_for(code)
    if spec is None:
        raise DigitalDecadeError(
            f"The dataset {code} is not one the portal reads: isoc_sk_dskl_i21 or an "
            "ICT specialists' dataset (isoc_sks_its…)."
        )
    try:
        updated = dt.datetime.fromisoformat(str(data["updated"])).date()
    except (KeyError, ValueError) as exc:
        raise DigitalDecadeError("The file has no valid “updated” date.") from exc
    release = Release(
        dataset=code,
        label=str(data.get("label") or code)[:300],
        updated=updated,
        source_url=source_url or API_URL.format(dataset=code),
    )
    ids, sizes, dimensions = data.get("id"), data.get("size"), data.get("dimension")
    if (
        not isinstance(ids, list)
        or not isinstance(sizes, list)
        or not isinstance(dimensions, dict)
        or len(ids) != len(sizes)
        or not all(isinstance(n, int) and n >= 0 for n in sizes)
    ):
        raise DigitalDecadeError("The file's “id”, “size” and “dimension” do not agree.")
    for required in ("geo", "time", *spec.select):
        if required not in ids:
            raise DigitalDecadeError(f"The file has no “{required}” dimension.")
    categories = [
        _categories(dimensions.get(name), name, size) for name, size in zip(ids, sizes, strict=True)
    ]
    wanted: list[list[tuple[int, str]]] = []  # per dimension: (position, code) kept
    for name, codes in zip(ids, categories, strict=True):
        positions = {code: n for n, code in enumerate(codes)}
        if name in ("geo", "time"):
            wanted.append(list(enumerate(codes)))
        elif name in spec.select:
            chosen = spec.select[name]
            if chosen not in positions:
                raise DigitalDecadeError(f"The dimension “{name}” has no category {chosen}.")
            wanted.append([(positions[chosen], chosen)])
        elif name == "sex" and spec.by_sex:
            wanted.append([(positions[s], s) for s in Sex.values if s in positions])
        elif len(codes) == 1:
            wanted.append([(0, codes[0])])
        else:
            raise DigitalDecadeError(
                (
                    "The dimension “{dimension}” has several categories ({codes}): "
                    "download the file filtered to one."
                ).format(dimension=name, codes=", ".join(codes[:6]))
            )
    values = data.get("value")
    if not isinstance(values, (list, dict)):
        raise DigitalDecadeError("The file has no values.")
    strides = [1] * len(sizes)
    for n in range(len(sizes) - 2, -1, -1):
        strides[n] = strides[n + 1] * sizes[n + 1]
    geo_at, time_at = ids.index("geo"), ids.index("time")
    sex_at = ids.index("sex") if "sex" in ids and spec.by_sex else None

    def combinations(at: int, offset: int, chosen: tuple[str, ...]):
        if at == len(ids):
            yield offset, chosen
            return
        for position, code in wanted[at]:
            yield from combinations(at + 1, offset + position * strides[at], (*chosen, code))

    for offset, chosen in combinations(0, 0, ()):
        raw = values[offset] if isinstance(values, list) and offset < len(values) else None
        if isinstance(values, dict):
            raw = values.get(str(offset))
        country = GEO_CODES.get(chosen[geo_at])
        if raw is None or country is None:
            continue
        year = chosen[time_at]
        if not (len(year) == 4 and year.isdigit()):
            raise DigitalDecadeError(f"“{year}” is not a year: only yearly figures are read.")
        try:
            value = Decimal(str(raw)).quantize(Decimal("0.01"))
        except InvalidOperation as exc:
            raise DigitalDecadeError(f"“{raw}” is not a number.") from exc
        if isinstance(raw, bool) or value < 0:
            raise DigitalDecadeError(f"“{raw}” is not a number.")
        sex = chosen[sex_at] if sex_at is not None else Sex.TOTAL
        release.figures.append((spec.indicator, country, int(year), sex, spec.unit, value))
    if not release.figures:
        raise DigitalDecadeError("The file holds no figure for the EU or its Member States.")
    return release


def _categories(dimension: object, name: str, size: int) -> list[str]:
    """A dimension's category codes in their order."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        raise DigitalDecadeError(f"The dimension “{name}” has no categories.")
    index = category.get("index")
    if isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(index, dict):
        codes = sorted(index, key=lambda code: index[code])
        if sorted(index.values()) != list(range(len(index))):
            raise DigitalDecadeError(f"The dimension “{name}” has a broken index.")
    elif index is None and isinstance(category.get("label"), dict) and len(category["label"]) == 1:
        codes = list(category["label"])
    else:
        raise DigitalDecadeError(f"The dimension “{name}” has no categories.")
    if len(codes) != size:
        raise DigitalDecadeError(f"The dimension “{name}” does not have the size the file gives.")
    return codes


def load(releases: list[Release]) -> int:
    """Replace these datasets' releases and figures, all or none; returns how
    many figures were loaded. The pages show them once it commits."""
    loaded = 0
    with transaction.atomic():
        for release in releases:
            DigitalDecadeRelease.objects.filter(dataset=release.dataset).delete()
            row = DigitalDecadeRelease.objects.create(
                dataset=release.dataset,
                label=release.label,
                updated=release.updated,
                source_url=release.source_url,
            )
            DigitalDecadeFigure.objects.bulk_create(
                DigitalDecadeFigure(
                    release=row,
                    indicator=indicator,
                    country=country,
                    year=year,
                    sex=sex,
                    unit=unit,
                    value=value,
                )
                for indicator, country, year, sex, unit, value in release.figures
            )
            loaded += len(release.figures)
        bump_on_commit()
    return loaded


# --- What a country page shows ----------------------------------------------------


@dataclass(frozen=True)
class Bar:
    year: int
    value: Decimal
    x: float
    y: float
    width: float
    height: float
    label_x: float  # the middle of the bar, where its year is written


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class Row:
    year: int
    value: Decimal | None
    eu: Decimal | None
    women: Decimal | None = None
    men: Decimal | None = None


@dataclass(frozen=True)
class Standing:
    """One indicator for one country: texts are chosen in the template by
    ``indicator``, so this holds no language and is kept for the generation."""

    indicator: str
    year: int
    value: Decimal
    eu: Decimal | None
    women_share: Decimal | None  # per cent of the value (ICT specialists)
    dataset: str
    updated: dt.date
    source_url: str
    rows: list[Row]  # newest first
    bars: list[Bar]  # oldest first
    ticks: list[Tick]
    target_y: float | None  # the EU target's line, where it applies to this country


# The chart's drawing area (SVG user units).
WIDTH, HEIGHT = 600, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 8, 12, 28


def standing(code: str, generation: str = "") -> list[Standing]:
    """Where the country (EU for the Union) stands, per indicator with figures:
    empty when none are loaded. One query, kept for the generation (the
    current one unless given)."""
    return for_generation(f"digital-decade:{code}", lambda: _standing(code), generation=generation)


def _standing(code: str) -> list[Standing]:
    figures = list(
        DigitalDecadeFigure.objects.filter(country__in={code, "EU"})
        .select_related("release")
        .order_by("indicator", "-release__updated", "-release__pk", "year")
    )
    result = []
    for indicator in Indicator.values:
        mine = [f for f in figures if f.indicator == indicator]
        if not mine:
            continue
        release = mine[0].release  # the most recently updated dataset of the indicator
        mine = [f for f in mine if f.release_id == release.pk]
        values = {(f.country, f.year, f.sex): f.value for f in mine}
        years = sorted({y for c, y, s in values if c == code and s == Sex.TOTAL})
        if not years:
            continue
        latest = years[-1]
        shown = years[-YEARS_SHOWN:]
        value = values[(code, latest, Sex.TOTAL)]
        women = values.get((code, latest, Sex.WOMEN))
        result.append(
            Standing(
                indicator=indicator,
                year=latest,
                value=value,
                eu=values.get(("EU", latest, Sex.TOTAL)) if code != "EU" else None,
                women_share=(women * 100 / value).quantize(Decimal("0.1"))
                if women is not None and value
                else None,
                dataset=release.dataset,
                updated=release.updated,
                source_url=release.source_url,
                rows=[
                    Row(
                        year=year,
                        value=values.get((code, year, Sex.TOTAL)),
                        eu=values.get(("EU", year, Sex.TOTAL)) if code != "EU" else None,
                        women=values.get((code, year, Sex.WOMEN)),
                        men=values.get((code, year, Sex.MEN)),
                    )
                    for year in reversed(shown)
                ],
                **_chart(
                    indicator, code, [(year, values[(code, year, Sex.TOTAL)]) for year in shown]
                ),
            )
        )
    return result


def _chart(indicator: str, code: str, series: list[tuple[int, Decimal]]) -> dict:
    """Bars, axis ticks and the target's line, in the chart's units."""
    if indicator == Indicator.BASIC_DIGITAL_SKILLS:
        top, step, target = 100, 20, SKILLS_TARGET_PERCENT
    else:
        target = ICT_TARGET_THOUSANDS if code == "EU" else None
        highest = max([float(v) for _y, v in series] + [target or 0])
        step = _nice_step(highest / 4)
        top = step * max(1, -(-int(highest) // step))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(series), 1)

    def y_of(number: float) -> float:
        return round(TOP + plot_height * (1 - number / top), 2)

    bars = [
        Bar(
            year=year,
            value=value,
            x=round(LEFT + slot * n + slot * 0.15, 2),
            y=y_of(float(value)),
            width=round(slot * 0.7, 2),
            height=round(TOP + plot_height - y_of(float(value)), 2),
            label_x=round(LEFT + slot * n + slot / 2, 2),
        )
        for n, (year, value) in enumerate(series)
    ]
    ticks = [Tick(value=v, y=y_of(v)) for v in range(0, top + 1, step)]
    return {"bars": bars, "ticks": ticks, "target_y": y_of(target) if target else None}


def _nice_step(rough: float) -> int:
    """1, 2 or 5 times a power of ten, at least ``rough``."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if factor * power >= rough:
                return factor * power
        power *= 10
