"""The Pledge Viewer's reads: facet counts, totals, search and one page of results.

- `select()` turns a valid filterset into a `Selection`: the facet filters, the
  facet counts (each option's count with every *other* active filter applied)
  and the totals (pledges, not yet reported, per standard indicator the sum of
  targets and achieved values) come from the bitmap index of the current viewer
  generation (`pledges.viewer.facet_index`), with no query for them at all.
- `search_matches()` gives a search's matches as a bitmap of that index: PostgreSQL
  parses the words (`websearch_to_tsquery` word for word and with the stemming
  of the page's language, the variants OR-ed: `pledges.translations.search`;
  one small query), the index holds
  the pledges of each word by weight (`FacetIndex.terms_for`), and the query's
  AND, OR and NOT are the same operations on bitmaps. Only a phrase ("..."; a
  hyphenated word is one too, "e-learning") asks the database for its matches:
  word positions are not in the index. Ranking ("best match"): each pledge scores,
  for each word it has, 8 if the word is in its title or organisation name
  (weight A), 4 in an initiative's title or a partner's name (B), 2 in its
  summary (C) and 1 in an initiative's description (D); the best scores first,
  the newest first among equal ones. For one word this keeps `ts_rank`'s order
  of the fields (a word in the title always ranks above one only in the text),
  without reading every match's text for each page. `ordered()` gives the same
  order in SQL.
- `result_page()` gives one page of rows: the ids in order from the index (or,
  for a deep page of a big result, from SQL over the narrow PledgeFacets table),
  then only the displayed columns from PledgeCard, with each pledge's
  translation into the page's language, in one statement of constant text.
- `totals()` is the same totals in one SQL aggregate over any queryset of viewer
  rows (an organisation's pledges, say).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language

from coalition.labels import choice_labels
from pledges.models import Indicator, Pledge
from pledges.progress import KindTotal
from pledges.reporting.breakdown import Breakdown
from pledges.translations.models import PledgeTranslation
from pledges.translations.search import query_sql, visitor_configs
from pledges.viewer import facet_index
from pledges.viewer.facet_index import WEIGHTS, Totals
from pledges.viewer.filters import PledgeViewerFilter, Sort, search_query
from pledges.viewer.models import (
    BREAKDOWN_COLUMNS,
    BREAKDOWN_GROUPS,
    BREAKDOWN_KINDS,
    EU_WIDE,
    STANDARD_KINDS,
    PledgeCard,
    PledgeSearch,
)

__all__ = [
    "Query",
    "Selection",
    "Totals",
    "ordered",
    "parse_query",
    "result_page",
    "search_matches",
    "select",
    "totals",
]

ROW_FIELDS = (
    "pledge_id",
    "title",
    "excerpt",
    "organisation_name",
    "organisation_slug",
    "status",
    "start_date",
    "end_date",
    "pillars",
    "countries",
    "target_reach",
    "has_reported",
)


@dataclass(frozen=True)
class Selection:
    """The pledges a viewer request selects, as a bitmap of the generation's index."""

    index: facet_index.FacetIndex
    active: dict[str, list[str]]
    # the search's matches (-1: no search), and every filter applied within them
    base: int
    mask: int
    # with a search ranked by relevance: the bit planes of each pledge's score,
    # most significant first
    scores: list[int] | None = None

    def totals(self, breakdown_groups: tuple[str, ...] = BREAKDOWN_GROUPS) -> Totals:
        return self.index.totals(self.mask, breakdown_groups=breakdown_groups)

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """{facet: {option: pledges}} with every other active filter (and the search) applied."""
        return self.index.facet_counts(self.active, base=self.base)


def select(filterset: PledgeViewerFilter, *, generation: str, ranked: bool = False) -> Selection:
    """The valid filterset's selection from the bitmap index: the search (if
    any, with its scores when `ranked`), then the facet filters."""
    index = facet_index.for_generation(generation)
    base, scores = -1, None
    text = filterset.search_text()
    if text:
        base, scores = search_matches(index, text, ranked=ranked)
    active = filterset.active()
    return Selection(
        index=index, active=active, base=base, mask=index.mask(active, base=base), scores=scores
    )


def public_overview(generation: str) -> tuple[int, int]:
    """(public pledges, Member States where they act, EU-wide apart), from the
    index as the viewer counts them: no query once the index is built."""
    index = facet_index.for_generation(generation)
    countries = index.options.get("country", {})
    acting = sum(
        1 for code, bitmap in countries.items() if code != EU_WIDE and bitmap & index.everything
    )
    return index.everything.bit_count(), acting


# --- search ---------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """A search as PostgreSQL parsed it (`websearch_to_tsquery`)."""

    # ("word", lexeme), ("not", node), ("and" | "or" | "phrase", node, node)
    tree: tuple
    # every lexeme, and each quoted as in a tsquery
    lexemes: dict[str, str]
    # the lexemes a match scores for (those not under a NOT)
    scored: list[str]
    # only AND, OR and NOT: bitmaps of the words give exactly the matches
    exact: bool


_TOKEN = re.compile(
    r"\s*(?:(?P<quoted>'(?:[^'\\]|''|\\.)*')(?P<suffix>:[*A-D]+)?|(?P<op><->|<\d+>|[!&|()]))"
)


def parse_query(text: str, *, language: str | None = None) -> Query | None:
    """The search `text` from a page in `language` (by default the active one)
    as PostgreSQL reads it (one query): its websearch syntax, parsed word for
    word and with the language's stemming, the two variants OR-ed (the query
    `filters.search_query()` gives); None when it has no words to look for
    (stop words of the language only)."""
    configs, required = visitor_configs(language or get_language())
    uses = len(configs) + 1
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT coalesce({query_sql('%s', configs=configs, required=required)}::text, '')",
            [text] * uses,
        )
        parsed = cursor.fetchone()[0]
    tokens: list[tuple[str, str]] = []  # ("op", "&") or ("word", quoted + suffix)
    position = 0
    while parsed[position:].strip():
        match = _TOKEN.match(parsed, position)
        if match is None:
            raise ValueError(f"unexpected tsquery {parsed!r}")
        if match["op"]:
            tokens.append(("op", match["op"]))
        else:
            tokens.append(("word", match["quoted"] + (match["suffix"] or "")))
        position = match.end()
    if not tokens:
        return None
    return _Parser(tokens).query()


class _Parser:
    """tsquery text to a tree: `!` binds tightest, then `<->`, `&`, `|`."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0
        self.lexemes: dict[str, str] = {}
        self.scored: list[str] = []
        self.exact = True

    def query(self) -> Query:
        tree = self.either()
        return Query(tree, self.lexemes, list(dict.fromkeys(self.scored)), self.exact)

    def peek(self) -> str | None:
        if self.at < len(self.tokens) and self.tokens[self.at][0] == "op":
            return self.tokens[self.at][1]
        return None

    def either(self) -> tuple:
        node = self.both()
        while self.peek() == "|":
            self.at += 1
            node = ("or", node, self.both())
        return node

    def both(self) -> tuple:
        node = self.phrase()
        while self.peek() == "&":
            self.at += 1
            node = ("and", node, self.phrase())
        return node

    def phrase(self) -> tuple:
        node = self.unary(negated=False)
        while (op := self.peek()) is not None and op.startswith("<"):
            self.at += 1
            self.exact = False  # positions: only the database knows
            node = ("phrase", node, self.unary(negated=False))
        return node

    def unary(self, *, negated: bool) -> tuple:
        kind, value = self.tokens[self.at]
        self.at += 1
        if kind == "op" and value == "!":
            return ("not", self.unary(negated=not negated))
        if kind == "op" and value == "(":
            node = self.either()
            self.at += 1  # ")"
            return node
        quoted, _colon, suffix = value.rpartition("'")
        if suffix:  # a weight or prefix (`:A`, `:*`), which websearch never gives
            self.exact = False
        quoted += "'"
        lexeme = re.sub(r"''|\\(.)", lambda m: m[1] or "'", quoted[1:-1])
        self.lexemes[lexeme] = quoted
        if not negated:
            self.scored.append(lexeme)
        return ("word", lexeme)


def search_matches(
    index: facet_index.FacetIndex, text: str, *, ranked: bool
) -> tuple[int, list[int] | None]:
    """The pledges the search `text` matches, as a bitmap of `index` (exactly
    those `search_vector @@ websearch_to_tsquery(text)` gives), and, when
    `ranked`, the bit planes of their scores (most significant first)."""
    query = parse_query(text)
    if query is None:
        return 0, [] if ranked else None
    wanted = dict(query.lexemes) if query.exact else {}
    if ranked:
        wanted |= {lexeme: query.lexemes[lexeme] for lexeme in query.scored}
    terms = index.terms_for(wanted) if wanted else {}
    if query.exact:
        matches = _matches(query.tree, terms, index.everything)
    else:
        matches = index.ids_mask(
            _ids(PledgeSearch.objects.filter(search_vector=search_query(text)).values("pledge_id"))
        )
    if not ranked:
        return matches, None
    # Each word's score is its weight bitmaps read as a binary number (A: 8,
    # B: 4, C: 2, D: 1); the pledge's score their sum, added plane by plane.
    total: list[int] = []
    for lexeme in query.scored:
        total = _add(total, list(reversed(terms[lexeme])))
    return matches, list(reversed(total))


def _matches(node: tuple, terms: dict, everything: int) -> int:
    kind = node[0]
    if kind == "word":
        a, b, c, d = terms[node[1]]
        return a | b | c | d
    if kind == "not":
        return everything & ~_matches(node[1], terms, everything)
    left, right = _matches(node[1], terms, everything), _matches(node[2], terms, everything)
    return left & right if kind == "and" else left | right


def _add(x: list[int], y: list[int]) -> list[int]:
    """The sum of two bit-sliced numbers (bit planes, least significant first)."""
    total, carry = [], 0
    for j in range(max(len(x), len(y))):
        a = x[j] if j < len(x) else 0
        b = y[j] if j < len(y) else 0
        total.append(a ^ b ^ carry)
        carry = (a & b) | (carry & (a ^ b))
    if carry:
        total.append(carry)
    return total


def _score_sql(query: Query) -> tuple[str, list[str]]:
    """The same score as an SQL expression over `search_vector`."""
    parts, params = [], []
    for lexeme in query.scored:
        for weight, points in zip(WEIGHTS, (8, 4, 2, 1), strict=True):
            parts.append(f"(search_vector @@ %s::tsquery)::int * {points}")
            params.append(f"{query.lexemes[lexeme]}:{weight}")
    return " + ".join(parts) or "0", params


def _ids(queryset: QuerySet) -> list[int]:
    """The ids a one-column queryset gives, without a model layer per row (a
    phrase of common words matches most of the pledges)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


def kind_totals(cards: QuerySet[PledgeCard]) -> list[KindTotal]:
    """Targets and approved achievements per standard indicator over these viewer
    rows, in one query (an organisation's pledges): what
    ``progress.totals_for_queryset()`` computes from the indicators and reports,
    read from the sums `refresh_pledges()` keeps. ``achieved`` is None where no
    approved report gave a value; a kind with no target and nothing achieved is
    left out."""
    aggregates: dict[str, object] = {}
    for _kind, suffix in STANDARD_KINDS:
        aggregates[f"t_{suffix}"] = Sum(f"target_{suffix}")
        aggregates[f"a_{suffix}"] = Sum(f"achieved_{suffix}")
    row = cards.order_by().aggregate(**aggregates)
    labels = choice_labels(Indicator.Kind)
    return [
        KindTotal(kind, labels[kind], row[f"t_{suffix}"] or 0, row[f"a_{suffix}"], 0)
        for kind, suffix in STANDARD_KINDS
        if row[f"t_{suffix}"] or row[f"a_{suffix}"] is not None
    ]


def totals(queryset: QuerySet) -> Totals:
    """Count, not-yet-reported count and per-indicator sums, in one query."""
    aggregates: dict[str, object] = {
        "pledges": Count("pk"),
        "not_reported": Count("pk", filter=Q(has_reported=False)),
    }
    for _kind, suffix in STANDARD_KINDS:
        aggregates[f"t_{suffix}"] = Sum(f"target_{suffix}")
        aggregates[f"a_{suffix}"] = Sum(f"achieved_{suffix}")
    for column in BREAKDOWN_COLUMNS:
        aggregates[column] = Sum(column)
    row = queryset.order_by().aggregate(**aggregates)
    indicators = [
        (kind, row[f"t_{suffix}"] or 0, row[f"a_{suffix}"] or 0)
        for kind, suffix in STANDARD_KINDS
        if row[f"t_{suffix}"]
    ]
    breakdowns = {
        kind: Breakdown.from_sums(
            row[f"a_{suffix}"], {group: row[f"{group}_{suffix}"] for group in BREAKDOWN_GROUPS}
        )
        for kind, suffix in BREAKDOWN_KINDS
        if row[f"a_{suffix}"]
    }
    return Totals(
        pledges=row["pledges"],
        not_reported=row["not_reported"],
        indicators=indicators,
        breakdowns=breakdowns,
    )


def ordered(queryset: QuerySet, *, sort: str, search: str) -> QuerySet:
    """The rows in the chosen order; "relevance" ranks the search as the index
    does (`search_matches()`), newest first without one."""
    if sort == Sort.RELEVANCE:
        query = parse_query(search) if search.strip() else None
        if query is None:
            return queryset.order_by(*Sort.ORDER[Sort.NEWEST])
        rank = (
            PledgeSearch.objects.filter(pledge_id=OuterRef("pledge_id"))
            .annotate(rank=RawSQL(*_score_sql(query)))  # noqa: S611 (parameters)
            .values("rank")
        )
        return queryset.annotate(rank=Subquery(rank)).order_by("-rank", *Sort.ORDER[Sort.NEWEST])
    if sort == Sort.ENDING:
        # Pledges without an end date go last.
        return queryset.order_by(F("end_date").asc(nulls_last=True), "pledge_id")
    return queryset.order_by(*Sort.ORDER.get(sort, Sort.ORDER[Sort.NEWEST]))


def result_page(
    queryset: QuerySet | Callable[[], QuerySet],
    *,
    sort: str,
    search: str,
    offset: int,
    limit: int,
    selection: Selection | None = None,
    language: str | None = None,
) -> list[dict]:
    """One page of rows: the ids in order (from the selection's index when it
    keeps that order cheaply, else from SQL over the narrow table), then their
    displayed columns from PledgeCard. `queryset` may be a function that makes
    it: building the filtered queryset costs as much as the index's page.
    With `language`, each row also has the pledge's own language
    (`pledge_language`) and its organisation's translation into `language`
    (`translated_title`, `translated_summary`, None without one), as
    `pledges.translations.for_language()` decides, in the same query."""
    ids = None
    if selection is not None and selection.scores is not None and sort == Sort.RELEVANCE:
        ids = selection.index.ranked_page(
            selection.mask, selection.scores, offset=offset, limit=limit
        )
    elif selection is not None:
        # "relevance" without a search is the newest first
        by = Sort.NEWEST if sort == Sort.RELEVANCE else sort
        ids = selection.index.page(selection.mask, sort=by, offset=offset, limit=limit)
    if ids is None:
        if callable(queryset):
            queryset = queryset()
        ids = list(
            ordered(queryset, sort=sort, search=search).values_list("pledge_id", flat=True)[
                offset : offset + limit
            ]
        )
    if not ids:
        return []
    if language is None:
        rows = {
            row["pledge_id"]: row
            for row in PledgeCard.objects.filter(pk__in=ids).values(*ROW_FIELDS)
        }
    else:
        rows = {row["pledge_id"]: row for row in _rows_in_language(ids, language)}
    return [rows[pk] for pk in ids if pk in rows]


def _rows_sql() -> str:
    card, pledge = PledgeCard._meta.db_table, Pledge._meta.db_table
    translation = PledgeTranslation._meta.db_table
    columns = ", ".join(f"c.{field}" for field in ROW_FIELDS)
    # The translation shown is one staff did not hide, into the page's language
    # (not the pledge's own), of the pledge's current wording: the fingerprint
    # of pledges.translations.models.source_fingerprint(), computed here.
    return f"""
        SELECT {columns}, p.language, t.title, t.summary
        FROM {card} c
        JOIN {pledge} p ON p.id = c.pledge_id
        LEFT JOIN LATERAL (
            SELECT t.title, t.summary FROM {translation} t
            WHERE t.pledge_id = c.pledge_id AND t.language = %(language)s
                AND NOT t.hidden AND t.language <> p.language
                AND t.source_fingerprint = encode(sha256(convert_to(
                    p.language || chr(31) || p.title || chr(31) || p.summary, 'UTF8')), 'hex')
            LIMIT 1
        ) t ON true
        WHERE c.pledge_id = ANY(%(ids)s)
    """  # noqa: S608 - table and column names from the models; values are parameters


ROWS_SQL = _rows_sql()


def _rows_in_language(ids: list[int], language: str) -> list[dict]:
    """The page's rows (ROW_FIELDS) with the pledge's own language
    (`pledge_language`) and its translation into `language` (`translated_title`,
    `translated_summary`, None without one), as
    `pledges.translations.for_language()` decides. One statement whose text is
    the same for every page, so PostgreSQL prepares it once per connection
    (DATABASES OPTIONS); through the ORM, building and compiling its two
    correlated subqueries cost several times the statement itself
    (`python -m bench.profile`)."""
    names = (*ROW_FIELDS, "pledge_language", "translated_title", "translated_summary")
    with connection.cursor() as cursor:
        cursor.execute(ROWS_SQL, {"ids": ids, "language": language})
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
