"""Small JSON-stat 2.0 files shaped like Eurostat's, for tests only: their
figures are made up (round numbers, labelled as test data), not Eurostat's."""

from __future__ import annotations

import json
from pathlib import Path

TEST_LABEL = "TEST DATA, not Eurostat figures"


def dataset(
    code: str,
    dimensions: dict[str, list[str]],
    values: dict[tuple[str, ...], float],
    *,
    updated: str = "2030-01-15T11:00:00+0100",
) -> dict:
    """A dataset with these dimensions (in order, each a list of category
    codes) and values keyed by one code per dimension; the value object holds
    only the cells given, as Eurostat's does."""
    ids = list(dimensions)
    sizes = [len(codes) for codes in dimensions.values()]
    cells = {}
    for key, value in values.items():
        offset = 0
        for name, category in zip(ids, key, strict=True):
            offset = offset * len(dimensions[name]) + dimensions[name].index(category)
        cells[str(offset)] = value
    return {
        "version": "2.0",
        "class": "dataset",
        "label": TEST_LABEL,
        "source": "TEST",
        "updated": updated,
        "id": ids,
        "size": sizes,
        "dimension": {
            name: {
                "label": name,
                "category": {
                    "index": {category: n for n, category in enumerate(codes)},
                    "label": {category: category for category in codes},
                },
            }
            for name, codes in dimensions.items()
        },
        "value": cells,
        "extension": {"id": code.upper(), "agencyId": "TEST"},
    }


def skills(values: dict[tuple[str, str], float], **kwargs) -> dict:
    """isoc_sk_dskl_i21 with (geo, year) -> per cent, and a second indicator
    and unit the loader must leave out."""
    geos = sorted({geo for geo, _year in values})
    years = sorted({year for _geo, year in values})
    cells = {
        ("A", "IND_TOTAL", indic, unit, geo, year): value + (1 if indic != "I_DSK2_BAB" else 0)
        for (geo, year), value in values.items()
        for indic in ("I_DSK2_BAB", "I_DSK2_AB")
        for unit in ("PC_IND", "PC_IND_IU")
    }
    return dataset(
        "isoc_sk_dskl_i21",
        {
            "freq": ["A"],
            "ind_type": ["IND_TOTAL"],
            "indic_is": ["I_DSK2_BAB", "I_DSK2_AB"],
            "unit": ["PC_IND", "PC_IND_IU"],
            "geo": geos,
            "time": years,
        },
        cells,
        **kwargs,
    )


def ict(values: dict[tuple[str, str, str], float], **kwargs) -> dict:
    """isoc_sks_itspt with (sex, geo, year) -> thousands of persons."""
    geos = sorted({geo for _sex, geo, _year in values})
    years = sorted({year for _sex, _geo, year in values})
    cells = {
        ("A", sex, unit, geo, year): value * (1 if unit == "THS_PER" else 0.001)
        for (sex, geo, year), value in values.items()
        for unit in ("THS_PER", "PC_EMP")
    }
    return dataset(
        "isoc_sks_itspt",
        {
            "freq": ["A"],
            "sex": ["T", "F", "M"],
            "unit": ["THS_PER", "PC_EMP"],
            "geo": geos,
            "time": years,
        },
        cells,
        **kwargs,
    )


def write(folder: Path, name: str, data: object) -> str:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)
