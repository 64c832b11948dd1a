"""The bitmap index gives the same counts, totals and orders as SQL over the rows,
and after any sequence of changes applied from the change log the same index a
new build gives."""

import datetime as dt
import itertools
import random

import pytest
from django.http import QueryDict

from coalition.models import Pillar
from coalition.pillars import ensure_pillars
from pledges.models import Initiative, Pledge, ProgressReport, ReportedValue
from pledges.viewer import facet_index
from pledges.viewer.filters import FACETS, PledgeViewerFilter, Sort
from pledges.viewer.models import PledgeChange
from pledges.viewer.queries import ordered, totals
from pledges.viewer.read_model import rebuild_all, refresh_pledges
from pledges.viewer.views import SHOWN_GROUPS
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
    ensure_pillars(Pillar)  # gone if a transactional test emptied the database
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
                # Some values with a gender breakdown, some also with an age one.
                breakdowns={"people-reached": breakdown_of(n)},
            )
        )
    return made


def breakdown_of(n: int) -> dict[str, int]:
    if n % 4 != 1:
        return {}
    gender = {"women": 10 * n, "men": 20 * n, "gender_other": n}
    if n % 8 != 1:
        return gender
    ages = {"age_under_25": 30 * n, "age_25_to_54": n, "age_55_and_over": 0}
    return gender | ages | {"age_not_recorded": 0}


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


@pytest.mark.parametrize("query", COMBINATIONS)
def test_the_viewer_table_from_the_groups_it_shows_is_the_whole_one(pledges, query):
    index = facet_index.build()
    mask = index.mask(filterset(query).active())

    whole = index.totals(mask)
    shown = index.totals(mask, breakdown_groups=SHOWN_GROUPS)

    assert shown.indicators == whole.indicators
    assert {kind: b.numbers() for kind, b in shown.breakdowns.items()} == {
        kind: b.numbers() for kind, b in whole.breakdowns.items()
    }


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
    people = total.breakdowns["people-reached"]
    assert list(total.breakdowns) == ["people-reached"]  # nothing else achieved
    assert people.total == sum(31 * n for n in range(1, 12, 2))
    assert people.groups["women"] == 10 * (1 + 5 + 9)
    assert people.groups["age_under_25"] == 30 * (1 + 9)
    assert people.gender_not_recorded == sum(31 * n for n in (3, 7, 11))
    assert people.age_not_recorded_at_all == sum(31 * n for n in (3, 5, 7, 11))


@pytest.mark.parametrize(
    ("query", "sort"),
    list(itertools.product(COMBINATIONS[:5], [Sort.NEWEST, Sort.REACH, Sort.ENDING, Sort.TITLE])),
)
@pytest.mark.parametrize("walk_ratio", [facet_index.WALK_RATIO, 0])
def test_pages_match_the_sql_order(pledges, monkeypatch, query, sort, walk_ratio):
    # walk_ratio 0 makes the index sort the matching ids instead of walking the order.
    monkeypatch.setattr(facet_index, "WALK_RATIO", walk_ratio)
    index = facet_index.build()
    fs = filterset(query)
    mask = index.mask(fs.active())
    expected = list(
        ordered(fs.queryset_without(None), sort=sort, search="").values_list("pledge_id", flat=True)
    )

    for offset in (0, 2, 5):
        assert index.page(mask, sort=sort, offset=offset, limit=4) == expected[offset : offset + 4]
    assert index.page(mask, sort=sort, offset=len(expected), limit=4) == []


def test_a_walk_that_finds_its_pledges_late_gives_way_to_sorting(pledges, monkeypatch):
    # The oldest pledges come last in the newest-first order: a walk from the
    # start would check every other pledge before finding them.
    index = facet_index.build()
    order = index.orders[Sort.NEWEST]
    oldest = list(order)[-4:]
    mask = index.ids_mask(oldest)

    assert index.walk(order, mask, offset=0, limit=1, budget=len(order) - 4) is None
    assert index.walk(order, mask, offset=0, limit=1, budget=len(order)) == oldest[:1]
    # Worth a walk by the estimate (1 * total <= ratio * 4 * 4), but its budget
    # (ratio * 4) ends before the first of them: the page comes from sorting.
    ratio = -(-len(order) // 16)
    assert 4 * ratio < len(order) - 4
    monkeypatch.setattr(facet_index, "WALK_RATIO", ratio)
    walks = []
    walk = index.walk
    monkeypatch.setattr(index, "walk", lambda *a, **k: walks.append(walk(*a, **k)) or walks[-1])
    assert index.page(mask, sort=Sort.NEWEST, offset=0, limit=1) == oldest[:1]
    assert walks == [None]


def test_a_walk_stops_a_few_times_past_what_it_expected(pledges, monkeypatch):
    # The ratio alone would let the walk check every id; the walk stops after
    # WALK_SLACK times the ids it expected (plus WALK_MIN) and the page comes
    # from sorting, the same page.
    index = facet_index.build()
    order = index.orders[Sort.NEWEST]
    oldest = list(order)[-4:]
    mask = index.ids_mask(oldest)
    monkeypatch.setattr(facet_index, "WALK_RATIO", len(order))
    monkeypatch.setattr(facet_index, "WALK_SLACK", 1)
    monkeypatch.setattr(facet_index, "WALK_MIN", 0)
    budgets = []
    walk = index.walk
    monkeypatch.setattr(
        index,
        "walk",
        lambda *a, **k: budgets.append((k["budget"], walk(*a, **k))) or budgets[-1][1],
    )

    assert index.page(mask, sort=Sort.NEWEST, offset=0, limit=2) == oldest[:2]
    assert budgets == [(2 * len(order) // 4, None)]


def test_set_bits_are_found_in_order():
    bits = [0, 1, 7, 8, 63, 64, 65, 1000, 99_999]
    mask = facet_index._bitmap(bits, 100_000)

    assert list(facet_index.iter_bits(mask)) == bits
    assert list(facet_index.iter_bits(facet_index.mpz(0))) == []


def test_deep_pages_of_big_results_are_left_to_sql(pledges, monkeypatch):
    monkeypatch.setattr(facet_index, "WALK_RATIO", 0)
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
    assert first.everything.bit_count() == 12  # a request holding it sees no change


def test_gunicorn_workers_warm_the_current_generations_index(pledges):
    from coalition.caching import current_generation

    index = facet_index.warm()

    assert facet_index.for_generation(current_generation()) is index
    assert index.everything.bit_count() == 12


# --- staying current from the change log -------------------------------------------


def contents(index: facet_index.FacetIndex) -> dict:
    """What the index answers with, whatever its size or the history behind it."""
    pledges = set(facet_index.iter_bits(index.everything))

    def bits(bitmap) -> set[int]:
        return set(facet_index.iter_bits(bitmap))

    return {
        "pledges": pledges,
        "reported": bits(index.reported),
        "options": {
            facet: {option: bits(b) for option, b in bitmaps.items() if b}
            for facet, bitmaps in index.options.items()
        },
        "planes": {
            column: [bits(plane) for plane in planes][
                : max((j + 1 for j, plane in enumerate(planes) if plane), default=0)
            ]
            for column, planes in index.planes.items()
        },
        "orders": {sort: list(order) for sort, order in index.orders.items()},
        "keys": {
            sort: {pk: keys[pk] for pk in pledges} for sort, keys in sorted(index.keys.items())
        },
        "terms": {lexeme: [bits(b) for b in term] for lexeme, term in sorted(index.terms.items())},
    }


BUILD = facet_index.build  # the real one: `builds` counts the index's own


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """Counts the times the index is built in full."""
    built: list[int] = []

    def counted():
        built.append(1)
        return BUILD()

    monkeypatch.setattr(facet_index, "build", counted)
    return built


def change_something(rng: random.Random, step: int) -> str:
    """One change a moderator, an organisation or staff could make, picked by `rng`."""
    public = list(Pledge.objects.public().order_by("pk"))
    gone = list(Pledge.objects.filter(status=Pledge.Status.WITHDRAWN).order_by("pk"))
    action = rng.choice(
        ["new", "new", "facets", "title", "dates", "target", "report", "withdraw", "back"]
    )
    if action == "new" or not public:
        public_pledge(
            title=f"Step {step} {rng.choice(['alpha', 'beta', 'Zulu', 'éclair'])}",
            pillars=tuple(rng.sample(["education", "for-all", "labour-force"], rng.randint(1, 2))),
            countries=tuple(rng.sample(["BE", "FR", "DE", "MT"], rng.randint(0, 2))),
            eu_wide=rng.random() < 0.3,
            status=rng.choice(["approved", "completed"]),
            start_date=dt.date(rng.choice([2023, 2024, 2025]), 1, 1),
            end_date=rng.choice([None, dt.date(2027, rng.randint(1, 12), 1)]),
            approved_at=rng.choice([None, dt.datetime(2025, 1, rng.randint(1, 5), tzinfo=dt.UTC)]),
            targets={"people-reached": rng.choice([1, 100, 7000]), "placements": rng.randint(0, 9)},
        )
        return "new"
    pledge = rng.choice(public)
    if action == "facets":
        initiative = Initiative.objects.filter(pledge=pledge).first()
        initiative.countries = rng.sample(["BE", "FR", "DE", "MT", "IT"], rng.randint(0, 3))
        initiative.eu_wide = rng.random() < 0.5
        initiative.save()
        initiative.pillars.set(Pillar.objects.filter(slug=rng.choice(["education", "for-all"])))
    elif action == "title":
        Pledge.objects.filter(pk=pledge.pk).update(
            title=rng.choice(["Aa", "Mm", "Zz", pledge.title])
        )
    elif action == "dates":
        Pledge.objects.filter(pk=pledge.pk).update(
            approved_at=rng.choice([None, dt.datetime(2025, 1, 3, tzinfo=dt.UTC)]),
            end_date=rng.choice([None, dt.date(2027, 6, 1), dt.date(2026, 1, 1)]),
        )
    elif action == "target":
        pledge.initiatives.first().indicators.update(target=rng.choice([0, 5, 100, 4096]))
    elif action == "report":
        indicator = pledge.initiatives.first().indicators.first()
        report = ProgressReport.objects.create(
            pledge=pledge,
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 6, 30),
            narrative="More.",
            status=ProgressReport.Status.APPROVED,
        )
        if indicator is not None:
            ReportedValue.objects.create(
                report=report, indicator=indicator, value=rng.randint(0, 300)
            )
    elif action == "withdraw":
        Pledge.objects.filter(pk=pledge.pk).update(status=Pledge.Status.WITHDRAWN)
    elif action == "back" and gone:
        pledge = rng.choice(gone)
        Pledge.objects.filter(pk=pledge.pk).update(status=Pledge.Status.APPROVED)
    refresh_pledges([pledge.pk])
    return action


@pytest.fixture
def committed_pledges(monkeypatch, pledges):
    """The twelve pledges, each change committed on its own as in production (a
    test's own transaction would count every change it made as new at each look),
    and a process index of this test's own."""
    monkeypatch.setattr(facet_index, "_CURRENT", [])
    return pledges


# Committed transactions, each refresh on its own; the database is emptied after
# (pytest-django runs these after the others), so the pillars are made again.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("seed", range(6))
def test_changes_applied_one_by_one_give_what_a_new_build_gives(
    committed_pledges, builds, monkeypatch, seed
):
    rng = random.Random(seed)
    monkeypatch.setattr(facet_index, "TERM_MIN_MATCHES", 0)  # every word looked up is kept
    words = {"alpha": "'alpha'", "zulu": "'zulu'", "step": "'step'", "club": "'club'"}
    facet_index.for_generation(f"{seed}-start").terms_for(words)
    before = len(builds)
    kinds = set()

    for step in range(12):
        kinds.add(change_something(rng, step))
        if rng.random() < 0.3:
            kinds.add(change_something(rng, 100 + step))  # two changes before a look
        current = facet_index.for_generation(f"{seed}-{step}")

        assert_same_as_a_new_build(current)
    assert len(builds) == before  # every change was applied, none rebuilt the index
    assert set(current.terms) == set(words)
    assert len(kinds) >= 4  # each seed makes several kinds of change


def assert_same_as_a_new_build(current: facet_index.FacetIndex) -> None:
    built = BUILD()
    built.terms_for({lexeme: f"'{lexeme}'" for lexeme in current.terms})
    assert contents(current) == contents(built)
    for query in COMBINATIONS:
        fs = filterset(query)
        mask = current.mask(fs.active())
        assert current.facet_counts(fs.active()) == sql_counts(fs)
        assert current.totals(mask) == totals(fs.queryset_without(None))
        for sort in (Sort.NEWEST, Sort.REACH, Sort.ENDING, Sort.TITLE):
            expected = list(
                ordered(fs.queryset_without(None), sort=sort, search="").values_list(
                    "pledge_id", flat=True
                )
            )
            assert current.page(mask, sort=sort, offset=0, limit=100) == expected


@pytest.mark.django_db(transaction=True)
def test_more_changes_than_it_applies_build_the_index_again(committed_pledges, builds, monkeypatch):
    monkeypatch.setattr(facet_index, "MAX_CHANGES", 1)
    facet_index.for_generation("many-a")
    before = len(builds)
    public_pledge(title="One more")

    assert facet_index.for_generation("many-b").everything.bit_count() == 13
    assert len(builds) == before  # one change: applied
    public_pledge(title="Two more")
    public_pledge(title="Three more")
    assert facet_index.for_generation("many-c").everything.bit_count() == 15
    assert len(builds) == before + 1  # more than MAX_CHANGES: built again


def test_it_looks_at_the_log_now_and_then_even_if_the_generation_stays(pledges, monkeypatch):
    first = facet_index.for_generation("stays")
    public_pledge(title="One more")

    monkeypatch.setattr(facet_index, "SYNC_SECONDS", 0)
    assert facet_index.for_generation("stays").everything.bit_count() == 13
    assert first.everything.bit_count() == 12


def test_an_index_that_has_not_looked_for_long_is_built_again(pledges, builds, monkeypatch):
    index = facet_index.for_generation("long-a")
    before = len(builds)
    monkeypatch.setattr(facet_index, "STALE_SECONDS", 0)

    assert facet_index.for_generation("long-b") is not index
    assert len(builds) == before + 1


def test_a_withdrawn_pledge_leaves_every_bitmap_and_order(pledges):
    index = facet_index.for_generation("withdraw-a")
    gone = pledges[3]
    Pledge.objects.filter(pk=gone.pk).update(status=Pledge.Status.WITHDRAWN)
    refresh_pledges([gone.pk])

    after = facet_index.for_generation("withdraw-b")

    assert gone.pk in set(facet_index.iter_bits(index.everything))
    assert gone.pk not in set(facet_index.iter_bits(after.everything))
    assert all(gone.pk not in order for order in after.orders.values())
    assert all(
        not bitmap.bit_test(gone.pk)
        for bitmaps in after.options.values()
        for bitmap in bitmaps.values()
    )
    assert all(not plane.bit_test(gone.pk) for planes in after.planes.values() for plane in planes)


def test_rebuilding_unchanged_rows_logs_no_change(pledges):
    PledgeChange.objects.all().delete()

    assert rebuild_all() == 12
    assert not PledgeChange.objects.exists()
