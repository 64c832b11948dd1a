"""The bitmap index gives the same counts, totals and orders as SQL over the rows."""

import datetime as dt
import itertools

import pytest
from django.http import QueryDict

from pledges.viewer import facet_index
from pledges.viewer.filters import FACETS, PledgeViewerFilter, Sort
from pledges.viewer.queries import ordered, totals
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

COMBINATIONS = [
    "",
    "pillar=education",
    "country=BE&country=FR",
    "pillar=for-all&country=FR",
    "country=EU",
    "status=completed",
    "pillar=education&pillar=for-all&status=approved",
    "year=2024&country=DE",
    "country=MT",
]


@pytest.fixture
def pledges():
    made = []
    pillars = [("education",), ("for-all",), ("education", "labour-force"), ("for-all",)]
    countries = [("BE",), ("FR", "DE"), ("BE", "FR"), ("DE",)]
    for n in range(12):
        made.append(
            public_pledge(
                title=f"Pledge {n:02d} {'zeta' if n % 3 else 'alpha'}",
                pillars=pillars[n % 4],
                countries=countries[(n // 2) % 4],
                eu_wide=n % 5 == 0,
                status="completed" if n % 4 == 3 else "approved",
                start_date=dt.date(2023 + n % 3, 1 + n % 12, 1),
                end_date=None if n % 6 == 0 else dt.date(2027, 1 + (7 * n) % 12, 1),
                approved_at=dt.datetime(2025, 1, 1 + n, tzinfo=dt.UTC),
                targets={"people-reached": 100 * n + 7, "certifications": n * 13 + 1},
                achieved={"people-reached": 31 * n} if n % 2 else None,
            )
        )
    return made


def filterset(query: str) -> PledgeViewerFilter:
    result = PledgeViewerFilter(QueryDict(query))
    assert result.is_valid()
    return result


def sql_counts(fs: PledgeViewerFilter) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for facet, (column, is_array) in FACETS.items():
        rows = fs.queryset_without(facet).values_list(column, flat=True)
        tally: dict[str, int] = {}
        for value in rows:
            for option in value if is_array else [value]:
                if option is not None:
                    tally[str(option)] = tally.get(str(option), 0) + 1
        counts[facet] = tally
    return counts


@pytest.mark.parametrize("query", COMBINATIONS)
def test_counts_and_totals_match_sql(pledges, query):
    index = facet_index.build()
    fs = filterset(query)
    mask = index.mask(fs.active())

    assert index.facet_counts(fs.active()) == sql_counts(fs)
    assert index.totals(mask) == totals(fs.queryset_without(None))


def test_the_fixture_makes_counts_worth_comparing(pledges):
    index = facet_index.build()
    total = index.totals(index.everything)

    assert total.pledges == 12
    assert 0 < total.not_reported < 12
    assert {kind: (t, a) for kind, t, a in total.indicators} == {
        "people-reached": (
            sum(100 * n + 7 for n in range(12)),
            sum(31 * n for n in range(1, 12, 2)),
        ),
        "certifications": (sum(13 * n + 1 for n in range(12)), 0),
    }


@pytest.mark.parametrize(
    ("query", "sort"),
    list(itertools.product(COMBINATIONS[:5], [Sort.NEWEST, Sort.REACH, Sort.ENDING, Sort.TITLE])),
)
@pytest.mark.parametrize("walk_limit", [facet_index.WALK_LIMIT, 0])
def test_pages_match_the_sql_order(pledges, monkeypatch, query, sort, walk_limit):
    # walk_limit 0 makes the index sort the matching ids instead of walking the order.
    monkeypatch.setattr(facet_index, "WALK_LIMIT", walk_limit)
    index = facet_index.build()
    fs = filterset(query)
    mask = index.mask(fs.active())
    expected = list(
        ordered(fs.queryset_without(None), sort=sort, search="").values_list("pledge_id", flat=True)
    )

    for offset in (0, 2, 5):
        assert index.page(mask, sort=sort, offset=offset, limit=4) == expected[offset : offset + 4]
    assert index.page(mask, sort=sort, offset=len(expected), limit=4) == []


def test_deep_pages_of_big_results_are_left_to_sql(pledges, monkeypatch):
    monkeypatch.setattr(facet_index, "WALK_LIMIT", 0)
    monkeypatch.setattr(facet_index, "SORT_LIMIT", 3)
    index = facet_index.build()

    assert index.page(index.everything, sort=Sort.NEWEST, offset=0, limit=4) is None
    assert index.page(index.everything, sort=Sort.RELEVANCE, offset=0, limit=4) is None


def test_a_search_narrows_counts_and_totals(pledges):
    index = facet_index.build()
    alpha = index.ids_mask(p.pk for p in pledges if "alpha" in p.title)

    counts = index.facet_counts({}, base=alpha)

    assert alpha.bit_count() == 4
    assert sum(counts["status"].values()) == 4
    assert index.totals(index.mask({}, base=alpha)).pledges == 4
    assert index.ids_mask([-1, 10**9]) == 0


def test_an_empty_viewer_has_an_empty_index():
    index = facet_index.build()

    assert index.totals(index.everything).pledges == 0
    assert index.facet_counts({"pillar": ["education"]})["pillar"] == {}
    assert index.page(index.everything, sort=Sort.NEWEST, offset=0, limit=20) == []


def test_each_generation_gets_its_own_index(pledges):
    first = facet_index.for_generation("generation-a")
    public_pledge(title="One more")

    assert facet_index.for_generation("generation-a") is first
    assert first.everything.bit_count() == 12
    assert facet_index.for_generation("generation-b").everything.bit_count() == 13


def test_gunicorn_workers_warm_the_current_generations_index(pledges):
    from coalition.caching import current_generation

    index = facet_index.warm()

    assert facet_index.for_generation(current_generation()) is index
    assert index.everything.bit_count() == 12
