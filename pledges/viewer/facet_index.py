"""A bitmap index of the public pledges: the Pledge Viewer's facet counts, totals
and result order without scanning tens of thousands of rows per page.

Each facet option (pillar:education, country:BE, year:2025...) is a bitmap with
bit `pledge_id` set for every public pledge that has it, kept as a big integer.
A page's filter is then a few ORs and ANDs of bitmaps; a facet count is
`(option & other_filters).bit_count()`. The bitmaps are GMP integers (gmpy2):
their population count is four times as fast as Python's own ints'. Totals
use bit-sliced sums: bit plane `j` of an indicator column holds the pledges
whose value has bit `j` set, so the sum over a filter is
`sum(popcount(plane_j & filter) << j)`; exact, and a few hundred popcounts
instead of a pass over the rows. Each sort order is an array of pledge ids, so
one page of results is a short walk along it (or, for a rare filter, the few
matching ids sorted by their position).

The index is derived from `PledgeFacets` in one pass (about two seconds for
100,000 pledges) and belongs to one viewer generation: every
`search_index.refresh_pledges()` bumps the generation on commit, and the next
request in each process builds the index again, so an approved or changed
pledge is counted at once. A 100,000-pledge index takes about 6 MB per process.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.db import connection
from gmpy2 import mpz

from pledges.viewer.filters import FACETS, Sort
from pledges.viewer.models import STANDARD_KINDS

_BIT = bytes(1 << k for k in range(8))

# The sort orders the index keeps, as SQL ORDER BY clauses over PledgeFacets
# (the same orders `viewer_queries.ordered` gives).
ORDERS: dict[str, str] = {
    Sort.NEWEST: "approved_at DESC, pledge_id DESC",
    Sort.REACH: "target_reach DESC, pledge_id DESC",
    Sort.ENDING: "end_date ASC NULLS LAST, pledge_id ASC",
    Sort.TITLE: "sort_title ASC, pledge_id ASC",
}
VALUE_COLUMNS: tuple[str, ...] = tuple(
    column
    for _kind, suffix in STANDARD_KINDS
    for column in (f"target_{suffix}", f"achieved_{suffix}")
)
# One page of results walks the sort order while it expects to check fewer ids
# than this; otherwise it sorts the matching ids if there are at most
# SORT_LIMIT of them, else it leaves the page to SQL (deep pages of big results).
WALK_LIMIT = 40_000
SORT_LIMIT = 40_000


@dataclass(frozen=True)
class Totals:
    pledges: int
    not_reported: int
    # (kind, target, achieved) for each standard indicator with a target
    indicators: list[tuple[str, int, int]]


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
    ) -> None:
        self.size = size  # bitmaps hold bits 0..size-1
        self.everything = everything
        self.options = options
        self.reported = reported
        self.planes = planes
        self.orders = orders
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
        buffer = bytearray((self.size + 7) // 8)
        size = self.size
        for pk in ids:
            if 0 <= pk < size:
                buffer[pk >> 3] |= _BIT[pk & 7]
        return mpz(int.from_bytes(buffer, "little"))

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
            counts[facet] = {
                option: n
                for option, bitmap in bitmaps.items()
                if (n := (bitmap & within).bit_count())
            }
        return counts

    def totals(self, mask: int) -> Totals:
        """Count, not-yet-reported count and per-indicator sums of the pledges in `mask`."""
        pledges = mask.bit_count()
        not_reported = pledges - (mask & self.reported).bit_count()
        indicators = []
        for kind, suffix in STANDARD_KINDS:
            target = self._sum(f"target_{suffix}", mask)
            if target:
                indicators.append((kind, target, self._sum(f"achieved_{suffix}", mask)))
        return Totals(pledges=pledges, not_reported=not_reported, indicators=indicators)

    def _sum(self, column: str, mask: int) -> int:
        return sum((plane & mask).bit_count() << j for j, plane in enumerate(self.planes[column]))

    # --- one page of results -------------------------------------------------------

    def page(self, mask: int, *, sort: str, offset: int, limit: int) -> list[int] | None:
        """The ids of one page of `mask` in the `sort` order, or None when the
        index cannot give it cheaply (an order it does not keep, a deep page of
        a big result): the caller then asks SQL."""
        order = self.orders.get(sort)
        count = mask.bit_count()
        if order is None or offset >= count:
            return None if order is None else []
        wanted = min(limit, count - offset)
        total = len(order)
        if (offset + wanted) * total <= WALK_LIMIT * count:
            return self.walk(order, mask, offset=offset, limit=wanted)
        if count <= SORT_LIMIT:
            position = self._position(sort)
            ids = sorted(iter_bits(mask), key=position.__getitem__)
            return ids[offset : offset + wanted]
        return None

    def walk(self, order: Sequence[int], mask: int, *, offset: int, limit: int) -> list[int]:
        """The ids of `order` that are in `mask`, from the `offset`-th, at most `limit`."""
        bits = mask.to_bytes((self.size + 7) // 8, "little")
        size = self.size
        found: list[int] = []
        if limit <= 0:
            return found
        skip = offset
        for pk in order:
            if pk < size and bits[pk >> 3] & _BIT[pk & 7]:
                if skip:
                    skip -= 1
                    continue
                found.append(pk)
                if len(found) == limit:
                    break
        return found

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


def iter_bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of `mask`, ascending."""
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    for byte_index, byte in enumerate(data):
        while byte:
            low = byte & -byte
            yield (byte_index << 3) | (low.bit_length() - 1)
            byte ^= low


def build() -> FacetIndex:
    """Read every public pledge's facet row and build the index (one pass, plus
    one query per kept sort order)."""
    columns = ", ".join(VALUE_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(pledge_id), 0) FROM pledges_pledgefacets")
        size = cursor.fetchone()[0] + 1
        nbytes = (size + 7) // 8
        everything = bytearray(nbytes)
        reported = bytearray(nbytes)
        options: dict[str, dict[str, bytearray]] = {name: {} for name in FACETS}
        planes: dict[str, list[bytearray]] = {column: [] for column in VALUE_COLUMNS}
        cursor.execute(
            f"SELECT pledge_id, options, has_reported, {columns} FROM pledges_pledgefacets"  # noqa: S608
        )
        for row in cursor:
            pk, pledge_options, has_reported = row[0], row[1], row[2]
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
            for column, value in zip(VALUE_COLUMNS, row[3:], strict=True):
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
        orders: dict[str, array] = {}
        for sort, order_by in ORDERS.items():
            cursor.execute(f"SELECT pledge_id FROM pledges_pledgefacets ORDER BY {order_by}")  # noqa: S608
            orders[sort] = array("l", (pk for (pk,) in cursor.fetchall()))

    def number(bitmap: bytearray) -> mpz:
        return mpz(int.from_bytes(bitmap, "little"))

    return FacetIndex(
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
    )


_CURRENT: dict[str, FacetIndex] = {}
_BUILD_LOCK = threading.Lock()


def for_generation(generation: str) -> FacetIndex:
    """This process's index for the viewer generation, built on first use."""
    index = _CURRENT.get(generation)
    if index is None:
        with _BUILD_LOCK:
            index = _CURRENT.get(generation)
            if index is None:
                index = build()
                _CURRENT.clear()
                _CURRENT[generation] = index
    return index


def warm() -> FacetIndex:
    """Build the current generation's index now (gunicorn calls this as each
    worker starts), and leave the database connection for the requests."""
    from coalition.caching import current_generation

    return for_generation(current_generation())
