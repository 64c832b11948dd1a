"""A bitmap index of the public pledges: the Pledge Viewer's facet counts, totals,
result order and search matches without scanning tens of thousands of rows per page.

Each facet option (pillar:education, country:BE, year:2025...) is a bitmap with
bit `pledge_id` set for every public pledge that has it, kept as a big integer.
A page's filter is then a few ORs and ANDs of bitmaps; a facet count is
`(option & other_filters).bit_count()`. The bitmaps are GMP integers (gmpy2),
whose population count is much faster than Python's own ints'. Totals use
bit-sliced sums: bit plane `j` of an indicator column holds the pledges whose
value has bit `j` set, so the sum over a filter is
`sum(popcount(plane_j & filter) << j)`; exact, and a few hundred popcounts
instead of a pass over the rows. Each sort order is an array of pledge ids, so
one page of results is a short walk along it (or, for a rare filter, the few
matching ids sorted).

Words searched for (`terms_for()`): for each lexeme, four bitmaps, the pledges that
have it with weight A (title, organisation), B (initiative titles, partners),
C (summary) and D (initiative descriptions). A word in many pledges is kept in
the index once looked up (`TERM_MIN_MATCHES`, at most `TERMS_KEPT` words), so a
search for a common word reads no rows at all; a rare one is read from the
database each time (a few rows through the GIN index).

Staying current without rebuilding: `read_model.refresh_pledges()` writes a
`PledgeChange` row per pledge whose rows changed, in the same transaction. The
index remembers the database snapshot it has seen (`pg_current_snapshot()`);
when the viewer generation changes (every refresh bumps it), the next request
asks in one statement for the changes that snapshot did not see, with the
changed pledges' new rows, and applies them to a copy: their bits cleared and set
again in every bitmap and plane, their places in each sort order found again.
A transaction that commits late is still seen, whatever order the changes'
rows were written in (a snapshot lists the transactions in flight). The index
is built in full only when a process starts (gunicorn's `post_worker_init`), when
more than `MAX_CHANGES` pledges changed at once, or when the process has not
looked for longer than the log keeps changes. The bitmaps and orders a request
holds never change, so threads can share them.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import logging
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db import connection
from gmpy2 import hamdist, mpz, xmpz

from pledges.reporting.breakdown import Breakdown
from pledges.viewer.filters import FACETS, Sort
from pledges.viewer.models import (
    BREAKDOWN_COLUMNS,
    BREAKDOWN_GROUPS,
    BREAKDOWN_KINDS,
    STANDARD_KINDS,
)

logger = logging.getLogger(__name__)
_BIT = bytes(1 << k for k in range(8))

# The sort orders the index keeps, as SQL ORDER BY clauses over PledgeFacets
# (the same orders `queries.ordered` gives).
ORDERS: dict[str, str] = {
    Sort.NEWEST: "approved_at DESC, pledge_id DESC",
    Sort.REACH: "target_reach DESC, pledge_id DESC",
    Sort.ENDING: "end_date ASC NULLS LAST, pledge_id ASC",
    Sort.TITLE: "sort_title ASC, pledge_id ASC",
}
VALUE_COLUMNS: tuple[str, ...] = (
    tuple(
        column
        for _kind, suffix in STANDARD_KINDS
        for column in (f"target_{suffix}", f"achieved_{suffix}")
    )
    + BREAKDOWN_COLUMNS
)
# One page of results walks the sort order while it expects to check at most
# WALK_RATIO ids per matching pledge (checking an id costs about a third of
# sorting one); otherwise it sorts the matching ids if there are at most
# SORT_LIMIT of them, else it leaves the page to SQL (deep pages of big results).
WALK_RATIO = 3
SORT_LIMIT = 40_000
# A walk that has checked WALK_SLACK times the ids it expected to (plus
# WALK_MIN) without finding its page follows a filter that the order puts late
# (the newest first among the pledges of an early year): it gives way to
# sorting, which then costs less than walking on.
WALK_SLACK = 4
WALK_MIN = 1_000
# More changed pledges than this since the last look: build the index again
# (applying them one by one would cost more).
MAX_CHANGES = 2_000
# Look at the change log at least this often even if the generation stays (a
# bump lost with the cache), and build anew after this long without a look
# (the log keeps a day of changes, `read_model`).
SYNC_SECONDS = 60
STALE_SECONDS = 12 * 3600
# A word found in at least this many pledges stays in the index once looked up;
# at most TERMS_KEPT words do (the least recently searched leave first).
TERM_MIN_MATCHES = 500
TERMS_KEPT = 128
WEIGHTS = "ABCD"  # tsvector weights, most important first

# Orders whose place for a pledge the index finds by itself: each pledge's key in
# the order, one integer the database computes (ascending; equal keys ordered by
# the id times the sign), so that it sorts as ORDERS does. The title order
# follows the database's collation, so the database names the pledge that
# follows a changed one instead.
KEYED: dict[str, tuple[str, int]] = {
    # approved_at DESC puts pledges without a date first, as PostgreSQL does
    Sort.NEWEST: (
        "CASE WHEN approved_at IS NULL THEN -4611686018427387904"
        " ELSE -(extract(epoch FROM approved_at) * 1000000)::bigint END",
        -1,
    ),
    Sort.REACH: ("-target_reach", -1),
    Sort.ENDING: ("coalesce(end_date - DATE '1970-01-01', 2147483647)", 1),
}
# A facet row as the index reads it.
_ROW_COLUMNS = (
    "options",
    "has_reported",
    *(f"{sql} AS key_{sort}" for sort, (sql, _s) in KEYED.items()),
)
_COLUMNS = ", ".join(_ROW_COLUMNS + VALUE_COLUMNS)
_POSITION = {
    **{name: n for n, name in enumerate(("options", "has_reported", *KEYED))},
    **{column: len(_ROW_COLUMNS) + n for n, column in enumerate(VALUE_COLUMNS)},
}


@dataclass(frozen=True)
class Totals:
    pledges: int
    not_reported: int
    # (kind, target, achieved) for each standard indicator with a target
    indicators: list[tuple[str, int, int]]
    # kind -> its breakdown, for each people-based indicator with an achieved value
    breakdowns: dict[str, Breakdown] = field(default_factory=dict)


# A word's pledges by weight: (A, B, C, D) bitmaps.
Term = tuple[mpz, mpz, mpz, mpz]


class FacetIndex:
    def __init__(
        self,
        *,
        size: int,
        everything: int,
        options: dict[str, dict[str, int]],
        reported: int,
        planes: dict[str, list[int]],
        orders: dict[str, array],
        keys: dict[str, array] | None = None,
        snapshot: str = "",
        terms: OrderedDict[str, Term] | None = None,
    ) -> None:
        self.size = size  # bitmaps hold bits 0..size-1
        self.everything = everything
        self.options = options
        self.reported = reported
        self.planes = planes
        # facet -> option -> how many pledges it holds (`facet_counts`)
        self._option_counts = {
            facet: {option: bitmap.bit_count() for option, bitmap in bitmaps.items()}
            for facet, bitmaps in options.items()
        }
        # per value column, (bit, plane, how many pledges it holds) for each plane
        # that holds any: the sums' inputs (`_sum`)
        self._counted_planes = {
            column: [(j, plane, plane.bit_count()) for j, plane in enumerate(bits) if plane]
            for column, bits in planes.items()
        }
        self.orders = orders
        # sort -> key per pledge id, for the KEYED orders
        self.keys = keys or {}
        # the database snapshot the index has seen (pg_current_snapshot())
        self.snapshot = snapshot
        self.terms: OrderedDict[str, Term] = terms if terms is not None else OrderedDict()
        self.generation = ""
        self.looked_at = time.monotonic()
        # The transaction the index was read in, if it had written anything: the
        # index holds its changes before they commit, so it must go if that
        # transaction rolls back (a test, a request in an atomic block).
        self.reader: str | None = None
        self._positions: dict[str, array] = {}
        self._lock = threading.Lock()

    # --- filters ---------------------------------------------------------------

    def mask(self, active: dict[str, list[str]], *, skip: str | None = None, base: int = -1) -> int:
        """The pledges every active filter (except `skip`) lets through, within
        `base` (every public pledge by default)."""
        result = self.everything if base == -1 else base & self.everything
        for facet, values in active.items():
            if facet == skip:
                continue
            bitmaps = self.options.get(facet, {})
            chosen = 0
            for value in values:
                chosen |= bitmaps.get(value, 0)
            result &= chosen
        return result

    def ids_mask(self, ids: Iterable[int]) -> int:
        """A bitmap of these pledge ids (those beyond the index are left out)."""
        return _bitmap(ids, self.size)

    # --- counts ------------------------------------------------------------------

    def facet_counts(
        self, active: dict[str, list[str]], *, base: int = -1
    ) -> dict[str, dict[str, int]]:
        """{facet: {option: pledges}}: each option's count with every *other*
        active filter applied (and the search, if `base` is its matches)."""
        shared = self.mask(active, base=base)
        counts: dict[str, dict[str, int]] = {}
        for facet, bitmaps in self.options.items():
            within = self.mask(active, skip=facet, base=base) if facet in active else shared
            size = within.bit_count()
            # |option & within| by hamdist, as in `_sum`
            sizes = self._option_counts[facet]
            counts[facet] = {
                option: n
                for option, bitmap in bitmaps.items()
                if (n := (sizes[option] + size - hamdist(bitmap, within)) >> 1)
            }
        return counts

    def totals(self, mask: int, *, breakdown_groups: Sequence[str] = BREAKDOWN_GROUPS) -> Totals:
        """Count, not-yet-reported count and per-indicator sums of the pledges in
        `mask`, with the sums of these breakdown groups (the others count as 0:
        a caller that shows only what follows from the total leaves them out)."""
        pledges = mask.bit_count()
        not_reported = pledges - (mask & self.reported).bit_count()
        sums: dict[str, int] = {}

        def total(column: str) -> int:
            if column not in sums:
                sums[column] = self._sum(column, mask, pledges)
            return sums[column]

        indicators = []
        for kind, suffix in STANDARD_KINDS:
            if target := total(f"target_{suffix}"):
                indicators.append((kind, target, total(f"achieved_{suffix}")))
        breakdowns = {}
        for kind, suffix in BREAKDOWN_KINDS:
            if achieved := total(f"achieved_{suffix}"):
                groups = {group: total(f"{group}_{suffix}") for group in breakdown_groups}
                breakdowns[kind] = Breakdown.from_sums(achieved, groups)
        return Totals(
            pledges=pledges,
            not_reported=not_reported,
            indicators=indicators,
            breakdowns=breakdowns,
        )

    def _sum(self, column: str, mask: int, count: int) -> int:
        """The sum of `column` over `mask` (which holds `count` pledges): each plane's
        pledges in the mask, weighted by its bit. |plane & mask| is
        (|plane| + |mask| - hamdist(plane, mask)) / 2, and gmpy2's `hamdist`
        reads both bitmaps once without making a third."""
        total = 0
        for j, plane, n in self._counted_planes[column]:
            total += (n + count - hamdist(plane, mask)) >> 1 << j
        return total

    # --- one page of results -------------------------------------------------------

    def page(
        self, mask: int, *, sort: str, offset: int, limit: int, always: bool = False
    ) -> list[int] | None:
        """The ids of one page of `mask` in the `sort` order, or None when the
        index cannot give it cheaply (an order it does not keep, a deep page of
        a big result, unless `always`): the caller then asks SQL."""
        order = self.orders.get(sort)
        count = mask.bit_count()
        if order is None or offset >= count:
            return None if order is None else []
        wanted = min(limit, count - offset)
        total = len(order)
        # The walk expects to check (offset + wanted) * total / count ids, but
        # a filter that follows the order (an early start year in the newest
        # first) finds its pledges late: it stops after `budget` ids and sorts.
        expected = (offset + wanted) * total // count
        if expected <= WALK_RATIO * count:
            budget = min(WALK_RATIO * count, WALK_SLACK * expected + WALK_MIN)
            found = self.walk(order, mask, offset=offset, limit=wanted, budget=budget)
            if found is not None:
                return found
        if count <= SORT_LIMIT or always:
            # the first offset + wanted in the order, as sorting all would give them
            first = heapq.nsmallest(offset + wanted, iter_bits(mask), key=self._sort_key(sort))
            return first[offset:]
        return None

    def ranked_page(self, mask: int, scores: list[int], *, offset: int, limit: int) -> list[int]:
        """One page of `mask`, best score first, newest first among equal scores.
        `scores` are the bit planes of each pledge's score, most significant first
        (`queries.search_matches`): the pledges of one score are found by splitting the
        mask on each plane in turn, best half first."""
        found: list[int] = []

        def levels(subset: int, plane: int) -> Iterator[int]:
            if not subset:
                return
            if plane == len(scores):
                yield subset
                return
            yield from levels(subset & scores[plane], plane + 1)
            yield from levels(subset & ~scores[plane], plane + 1)

        for level in levels(mask, 0):
            count = level.bit_count()
            if offset >= count:
                offset -= count
                continue
            found += self.page(
                level, sort=Sort.NEWEST, offset=offset, limit=limit - len(found), always=True
            )
            offset = 0
            if len(found) >= limit:
                break
        return found

    def walk(
        self, order: Sequence[int], mask: int, *, offset: int, limit: int, budget: int | None = None
    ) -> list[int] | None:
        """The ids of `order` that are in `mask`, from the `offset`-th, at most
        `limit`; None if the first `budget` ids of the order do not hold them.
        The ids are tested by gmpy2's `bit_test` through `map` and
        `itertools.compress`: no Python code runs per id."""
        if limit <= 0:
            return []
        if budget is not None and budget < len(order):
            order = order[:budget]
        else:
            budget = None
        matching = itertools.compress(order, map(mpz(mask).bit_test, order))
        found = list(itertools.islice(matching, offset, offset + limit))
        return None if budget is not None and len(found) < limit else found

    def _sort_key(self, sort: str) -> Callable[[int], object]:
        """pledge id -> what orders it in `sort`: its place in the order (one
        array read, faster to sort by than a key and the id)."""
        return self._position(sort).__getitem__

    def _position(self, sort: str) -> array:
        """pledge id -> place in the `sort` order (built on first use)."""
        position = self._positions.get(sort)
        if position is None:
            with self._lock:
                position = array("l", bytes(8 * self.size))
                for place, pk in enumerate(self.orders[sort]):
                    position[pk] = place
                self._positions[sort] = position
        return position

    # --- words ---------------------------------------------------------------------

    def terms_for(self, lexemes: dict[str, str]) -> dict[str, Term]:
        """{lexeme: its (A, B, C, D) bitmaps} for these lexemes ({lexeme: the
        lexeme quoted for a tsquery}): kept ones from the index, the others in one
        query (those in many pledges are then kept)."""
        found: dict[str, Term] = {}
        with _LOCK:
            for lexeme in lexemes:
                term = self.terms.get(lexeme)
                if term is not None:
                    self.terms.move_to_end(lexeme)
                    found[lexeme] = term
            missing = {lexeme: quoted for lexeme, quoted in lexemes.items() if lexeme not in found}
            if missing:
                read, counts, reader = read_terms(missing, self.size)
                found |= read
                if reader is not None and self.reader in (None, reader):
                    self.reader = reader  # they hold this transaction's changes
                elif reader is not None:
                    return found  # another open transaction's: keep none
                for lexeme, term in read.items():
                    if counts[lexeme] >= TERM_MIN_MATCHES:
                        self.terms[lexeme] = term
                while len(self.terms) > TERMS_KEPT:
                    self.terms.popitem(last=False)
        return found

    # --- staying current -------------------------------------------------------------

    def with_changes(self, snapshot: str, rows: list[tuple]) -> FacetIndex:
        """A copy of the index with these changes applied: `rows` are the changed
        pledges' (id, present, next in the title order, term weights, *facet
        row), present ones in the title order, and `snapshot` the one they were
        read in."""
        changed = [row[0] for row in rows]
        present = [row for row in rows if row[1]]
        size = max(self.size, max(changed, default=-1) + 1)
        clear = _bitmap(changed, size)
        keep = ~clear

        def updated(bitmap: int, ids: list[int] | None) -> mpz:
            if bitmap & clear:
                bitmap &= keep
            if ids:
                bitmap |= _bitmap(ids, size)
            return mpz(bitmap)

        # the ids to set in each bitmap
        option_ids: dict[str, dict[str, list[int]]] = {facet: {} for facet in FACETS}
        plane_ids: dict[str, dict[int, list[int]]] = {column: {} for column in VALUE_COLUMNS}
        reported_ids: list[int] = []
        term_ids: dict[str, list[list[int]]] = {}
        for pk, _present, _next, weights, *facets in present:
            for item in facets[_POSITION["options"]]:
                facet, _sep, option = item.partition(":")
                if facet in option_ids:
                    option_ids[facet].setdefault(option, []).append(pk)
            if facets[_POSITION["has_reported"]]:
                reported_ids.append(pk)
            for column in VALUE_COLUMNS:
                value = facets[_POSITION[column]]
                if value and value > 0:
                    for j in range(value.bit_length()):
                        if value >> j & 1:
                            plane_ids[column].setdefault(j, []).append(pk)
            for item in weights:
                lexeme, _sep, marks = item.rpartition(":")
                by_weight = term_ids.setdefault(lexeme, [[], [], [], []])
                for weight in set(marks):
                    by_weight[WEIGHTS.index(weight)].append(pk)

        options = {}
        for facet, bitmaps in self.options.items():
            new = option_ids.get(facet, {})
            options[facet] = {option: updated(b, new.get(option)) for option, b in bitmaps.items()}
            for option, ids in new.items():
                if option not in bitmaps:
                    options[facet][option] = _bitmap(ids, size)
        planes = {}
        for column, column_planes in self.planes.items():
            new = plane_ids[column]
            depth = max(len(column_planes), max(new, default=-1) + 1)
            planes[column] = [
                updated(column_planes[j] if j < len(column_planes) else 0, new.get(j))
                for j in range(depth)
            ]
        terms: OrderedDict[str, Term] = OrderedDict()
        for lexeme, term in self.terms.items():
            ids = term_ids.get(lexeme, [None] * 4)
            terms[lexeme] = tuple(updated(b, new) for b, new in zip(term, ids, strict=True))

        orders, keys = self._reordered(changed, present, size)
        return FacetIndex(
            size=size,
            everything=updated(self.everything, [row[0] for row in present]),
            options=options,
            reported=updated(self.reported, reported_ids),
            planes=planes,
            orders=orders,
            keys=keys,
            snapshot=snapshot,
            terms=terms,
        )

    def _reordered(
        self, changed: list[int], present: list[tuple], size: int
    ) -> tuple[dict[str, array], dict[str, array]]:
        """Each sort order without the changed pledges, then with the present ones
        where they now belong."""
        gone = set(changed)
        keys: dict[str, array] = {}
        orders: dict[str, array] = {}
        for sort, order in self.orders.items():
            if len(changed) <= 64:
                rest = array("l", order)
                for pk in changed:
                    place = _find(rest, pk, self.keys.get(sort), KEYED.get(sort))
                    if place is not None:
                        del rest[place]
            else:
                rest = array("l", (pk for pk in order if pk not in gone))
            if sort in KEYED:
                sign = KEYED[sort][1]
                sort_keys = array("q", self.keys[sort])
                sort_keys.extend([0] * (size - len(sort_keys)))
                for row in present:
                    sort_keys[row[0]] = row[4 + _POSITION[sort]]

                def key(pk: int, sort_keys: array = sort_keys, sign: int = sign) -> tuple:
                    return (sort_keys[pk], sign * pk)

                placements = sorted(
                    (bisect.bisect_left(rest, key(row[0]), key=key), key(row[0]), row[0])
                    for row in present
                )
                keys[sort] = sort_keys
            else:
                # `present` is in the title order; each goes before the unchanged
                # pledge the database says follows it.
                placements = sorted(
                    (rest.index(row[2]) if row[2] is not None else len(rest), n, row[0])
                    for n, row in enumerate(present)
                )
            result = array("l")
            start = 0
            for place, _key, pk in placements:
                result.extend(rest[start:place])
                result.append(pk)
                start = place
            result.extend(rest[start:])
            orders[sort] = result
        return orders, keys


def _find(order: array, pk: int, keys: array | None, keyed: tuple | None) -> int | None:
    """Where `pk` is in `order` (by its key where the order has one), or None."""
    if keys is not None and keyed is not None:
        if pk >= len(keys):
            return None  # beyond the index: a new pledge
        sign = keyed[1]

        def key(other: int) -> tuple:
            return (keys[other], sign * other)

        place = bisect.bisect_left(order, key(pk), key=key)
        return place if place < len(order) and order[place] == pk else None
    try:
        return order.index(pk)
    except ValueError:
        return None


def _bitmap(ids: Iterable[int], size: int) -> mpz:
    """A bitmap of these ids (those outside 0..size-1 left out)."""
    buffer = bytearray((size + 7) // 8)
    for pk in ids:
        if 0 <= pk < size:
            buffer[pk >> 3] |= _BIT[pk & 7]
    return mpz(int.from_bytes(buffer, "little"))


def iter_bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of `mask`, ascending (gmpy2 finds them)."""
    return xmpz(mask).iter_set()


def build() -> FacetIndex:
    """Read every public pledge's facet row and build the index (one pass, plus
    one query for the title order)."""
    with connection.cursor() as cursor:
        # First the snapshot: whatever commits after it is applied at the next look.
        cursor.execute("SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned()::text")
        snapshot, reader = cursor.fetchone()
        cursor.execute(f"SELECT pledge_id, {_COLUMNS} FROM pledges_pledgefacets")  # noqa: S608
        rows = cursor.fetchall()
        cursor.execute(f"SELECT pledge_id FROM pledges_pledgefacets ORDER BY {ORDERS[Sort.TITLE]}")  # noqa: S608
        title_order = [pk for (pk,) in cursor.fetchall()]
    size = max((row[0] for row in rows), default=0) + 1
    nbytes = (size + 7) // 8
    everything = bytearray(nbytes)
    reported = bytearray(nbytes)
    options: dict[str, dict[str, bytearray]] = {name: {} for name in FACETS}
    planes: dict[str, list[bytearray]] = {column: [] for column in VALUE_COLUMNS}
    for row in rows:
        pk, pledge_options, has_reported = row[0], row[1], row[2]
        values = row[1 + len(_ROW_COLUMNS) :]
        byte, bit = pk >> 3, _BIT[pk & 7]
        everything[byte] |= bit
        if has_reported:
            reported[byte] |= bit
        for item in pledge_options:
            facet, _sep, option = item.partition(":")
            bitmaps = options.get(facet)
            if bitmaps is None:
                continue
            bitmap = bitmaps.get(option)
            if bitmap is None:
                bitmap = bitmaps[option] = bytearray(nbytes)
            bitmap[byte] |= bit
        for column, value in zip(VALUE_COLUMNS, values, strict=True):
            if not value or value < 0:
                continue
            column_planes = planes[column]
            while len(column_planes) < value.bit_length():
                column_planes.append(bytearray(nbytes))
            j = 0
            while value:
                if value & 1:
                    column_planes[j][byte] |= bit
                value >>= 1
                j += 1

    keys: dict[str, array] = {}
    orders: dict[str, array] = {}
    for sort, (_sql, sign) in KEYED.items():
        sort_keys = array("q", bytes(8 * size))
        at = 1 + _POSITION[sort]
        for row in rows:
            sort_keys[row[0]] = row[at]
        keys[sort] = sort_keys
        ordered = sorted(
            zip([row[at] for row in rows], [sign * row[0] for row in rows], strict=True)
        )
        orders[sort] = array("l", (sign * signed for _key, signed in ordered))
    present = {row[0] for row in rows}
    orders[Sort.TITLE] = array("l", (pk for pk in title_order if pk in present))
    orders = {sort: orders[sort] for sort in ORDERS}

    def number(bitmap: bytearray) -> mpz:
        return mpz(int.from_bytes(bitmap, "little"))

    index = FacetIndex(
        size=size,
        everything=number(everything),
        options={
            facet: {option: number(b) for option, b in bitmaps.items()}
            for facet, bitmaps in options.items()
        },
        reported=number(reported),
        planes={
            column: [number(b) for b in column_planes] for column, column_planes in planes.items()
        },
        orders=orders,
        keys=keys,
        snapshot=snapshot,
    )
    index.reader = reader
    return index


# One statement: the snapshot now, this transaction (if it wrote anything), what
# became of the transaction the index was last read in, and each pledge changed
# in a transaction the index's snapshot did not see committed, with its new facet
# row (none: it left the viewer), the unchanged pledge that follows it in the
# title order, and the weights of the kept words in its search vector.
_CHANGES = f"""
WITH changed AS MATERIALIZED (
    SELECT DISTINCT pledge_id FROM pledges_pledgechange
    WHERE transaction >= pg_snapshot_xmin(%(seen)s::pg_snapshot)
      AND (NOT pg_visible_in_snapshot(transaction, %(seen)s::pg_snapshot)
           -- a snapshot counts its own transaction as seen, whatever it wrote later
           OR transaction = pg_current_xact_id_if_assigned())
    LIMIT %(limit)s
)
SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned()::text,
    pg_xact_status(%(reader)s::xid8), c.pledge_id, f.pledge_id IS NOT NULL,
    (SELECT n.pledge_id FROM pledges_pledgefacets n
     WHERE (n.sort_title, n.pledge_id) > (f.sort_title, f.pledge_id)
       AND n.pledge_id NOT IN (SELECT pledge_id FROM changed)
     ORDER BY n.sort_title, n.pledge_id LIMIT 1),
    ARRAY(SELECT u.lexeme || ':' || array_to_string(u.weights, '')
          FROM unnest(s.search_vector) u WHERE u.lexeme = ANY(%(terms)s)),
    {_COLUMNS}
FROM (VALUES (1)) AS one (n)
LEFT JOIN changed c ON true
LEFT JOIN pledges_pledgefacets f ON f.pledge_id = c.pledge_id
LEFT JOIN pledges_pledgesearch s ON s.pledge_id = c.pledge_id
ORDER BY f.sort_title, f.pledge_id
"""  # noqa: S608


def caught_up(index: FacetIndex) -> FacetIndex:
    """The index with every change its snapshot did not see (itself if none; a
    new build if too many, or if it has not looked for too long)."""
    if time.monotonic() - index.looked_at > STALE_SECONDS:
        return build()
    with connection.cursor() as cursor:
        cursor.execute(
            _CHANGES,
            {
                "seen": index.snapshot,
                "reader": index.reader,
                "limit": MAX_CHANGES + 1,
                "terms": list(index.terms),
            },
        )
        rows = cursor.fetchall()
    snapshot, reader, earlier_reader = rows[0][:3]
    changes = [row[3:] for row in rows if row[3] is not None]
    if index.reader is not None:
        if earlier_reader not in ("committed", "in progress"):
            return build()  # it holds changes that were rolled back
        if earlier_reader == "in progress" and reader != index.reader:
            if reader is not None:
                return build()  # two open transactions' changes: follow neither
            reader = index.reader  # still open: watch it
    if len(changes) > MAX_CHANGES:
        return build()
    if changes:
        try:
            index = index.with_changes(snapshot, changes)
        except ValueError:  # the title order's neighbour unknown: never expected
            logger.exception("The Pledge Viewer's index is built again")
            return build()
    index.snapshot = snapshot
    index.reader = reader
    index.looked_at = time.monotonic()
    return index


def read_terms(
    lexemes: dict[str, str], size: int
) -> tuple[dict[str, Term], dict[str, int], str | None]:
    """For each lexeme ({lexeme: quoted}), its pledges by weight, and how many
    pledges have it, in one query through the search vectors' GIN index; and
    this transaction, if it has written anything."""
    quoted = list(lexemes.values())
    columns = ", ".join(
        [
            "array_agg(pledge_id) FILTER (WHERE search_vector @@ %s::tsquery)"
            for _lexeme in quoted
            for _weight in WEIGHTS
        ]
        + ["count(*) FILTER (WHERE search_vector @@ %s::tsquery)" for _lexeme in quoted]
    )
    params = [f"{q}:{weight}" for q in quoted for weight in WEIGHTS] + quoted
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pg_current_xact_id_if_assigned()::text, {columns} "  # noqa: S608
            "FROM pledges_pledgesearch WHERE search_vector @@ %s::tsquery",
            [*params, " | ".join(quoted)],
        )
        reader, *found = cursor.fetchone()
    id_lists, counts = found[: 4 * len(quoted)], found[4 * len(quoted) :]
    size = max([size] + [max(ids) + 1 for ids in id_lists if ids])
    names = list(lexemes)
    terms = {
        name: tuple(_bitmap(ids or (), size) for ids in id_lists[4 * n : 4 * n + 4])
        for n, name in enumerate(names)
    }
    return terms, dict(zip(names, counts, strict=True)), reader


_CURRENT: list[FacetIndex] = []
_LOCK = threading.RLock()


def for_generation(generation: str) -> FacetIndex:
    """This process's index, current as of the viewer generation: built on first
    use, brought up to date from the change log when the generation changed."""
    index = _CURRENT[0] if _CURRENT else None
    if (
        index is not None
        and index.generation == generation
        and time.monotonic() - index.looked_at < SYNC_SECONDS
    ):
        return index
    with _LOCK:
        index = _CURRENT[0] if _CURRENT else None
        if index is None:
            index = build()
        elif index.generation != generation or time.monotonic() - index.looked_at >= SYNC_SECONDS:
            index = caught_up(index)
        index.generation = generation
        _CURRENT[:] = [index]
    return index


def forget() -> None:
    """Drop this process's index; the next request builds it anew. For a
    database whose rows were replaced behind the change log's back (a test
    database flushed between tests, a restored backup)."""
    with _LOCK:
        _CURRENT.clear()


def warm() -> FacetIndex:
    """Build the current generation's index now (gunicorn calls this as each
    worker starts), and leave the database connection for the requests."""
    from coalition.caching import current_generation

    return for_generation(current_generation())
