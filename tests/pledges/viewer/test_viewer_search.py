"""The viewer's search: the bitmap index gives exactly the matches of PostgreSQL's
full-text query, kept words or not, and the ranking `ordered()` gives in SQL."""

import datetime as dt

import pytest
from django.http import QueryDict

from coalition.caching import bump_generation, current_generation
from pledges.viewer import facet_index
from pledges.viewer.filters import PledgeViewerFilter, Sort, search_query
from pledges.viewer.models import PledgeSearch
from pledges.viewer.queries import parse_query, result_page, search_matches, select
from tests.factories import OrganisationFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

QUERIES = [
    "robotics",
    "Robotics club",
    "robotics or gardening",
    "robotics -coding",
    "-robotics",
    "coding or (robotics -club)",
    '"coding club"',  # a phrase: the database finds its matches
    "hands-on",
    "the",  # a stop word only: no matches
    "unheardof",
    "o'neill",
    "café",
    "2025",
    "robotics!!! & | ( :*",
]


@pytest.fixture
def corpus():
    """Pledges with the words in each field the search reads."""
    oneill = OrganisationFactory(name="O'Neill Robotics Trust")
    made = [
        public_pledge(title="Robotics club", summary="We build robots.", organisation=oneill),
        public_pledge(title="Coding club", summary="Robotics and coding after school."),
        public_pledge(title="Gardening", summary="Nothing digital. The café is open."),
        public_pledge(
            title="Hands-on workshops",
            summary="Coding club for girls.",
            initiative={"title": "Robotics week", "description": "Gardening robots."},
        ),
        public_pledge(
            title="Digital skills 2025",
            summary="Skills.",
            initiative={"description": "Robotics and coding, hands-on."},
        ),
        public_pledge(title="Unrelated", summary="Nothing here."),
    ]
    facet_index.for_generation(current_generation())
    return made


def sql_matches(text: str) -> set[int]:
    return set(
        PledgeSearch.objects.filter(search_vector=search_query(text)).values_list(
            "pledge_id", flat=True
        )
    )


@pytest.mark.parametrize("kept", [True, False])
@pytest.mark.parametrize("text", QUERIES)
def test_the_index_matches_what_the_full_text_query_matches(corpus, monkeypatch, text, kept):
    # kept: every word stays in the index once looked up; else each is read each time
    monkeypatch.setattr(facet_index, "TERM_MIN_MATCHES", 0 if kept else 10**9)
    index = facet_index.for_generation(current_generation())

    matches, _scores = search_matches(index, text, ranked=False)

    assert set(facet_index.iter_bits(matches & index.everything)) == sql_matches(text)
    query = parse_query(text)
    # a phrase's matches come from the database: it needs no word bitmaps unranked
    looked_up = set(query.lexemes) if query is not None and query.exact else set()
    assert set(index.terms) == (looked_up if kept else set())


def test_the_corpus_makes_the_comparison_worth_it(corpus):
    assert len(sql_matches("robotics")) == 4
    assert len(sql_matches("robotics -coding")) == 1
    assert len(sql_matches('"coding club"')) == 2
    assert sql_matches("the") == set()


@pytest.mark.parametrize("kept", [True, False])
@pytest.mark.parametrize("text", [q for q in QUERIES if not q.startswith("-")])
@pytest.mark.parametrize("query", ["", "country=BE", "pillar=for-all"])
def test_the_ranked_pages_follow_the_same_order_as_sql(corpus, monkeypatch, text, kept, query):
    from pledges.viewer.queries import ordered

    monkeypatch.setattr(facet_index, "TERM_MIN_MATCHES", 0 if kept else 10**9)
    filterset = PledgeViewerFilter(QueryDict(f"q={text}&{query}"))
    assert filterset.is_valid()
    selection = select(filterset, generation=current_generation(), ranked=True)
    expected = list(
        ordered(filterset.queryset_without(None), sort=Sort.RELEVANCE, search=text).values_list(
            "pledge_id", flat=True
        )
    )

    for offset, limit in [(0, 20), (0, 2), (1, 2), (3, 3)]:
        rows = result_page(
            filterset.queryset_without(None),
            sort=Sort.RELEVANCE,
            search=text,
            offset=offset,
            limit=limit,
            selection=selection,
        )
        assert [row["pledge_id"] for row in rows] == expected[offset : offset + limit]


def test_a_word_in_the_title_ranks_first_then_initiatives_then_summary_then_descriptions():
    def pledge(title, **fields):
        return public_pledge(
            title=title, approved_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), **fields
        )

    described = pledge("Four", initiative={"description": "Quantum."})
    summarised = pledge("Three", summary="Quantum computing.")
    initiative = pledge("Two", initiative={"title": "Quantum lab"})
    titled = pledge("Quantum one")
    both = pledge("Quantum two", summary="Quantum again.")
    newer_titled = public_pledge(
        title="Quantum three", approved_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    )
    filterset = PledgeViewerFilter(QueryDict("q=quantum"))
    assert filterset.is_valid()

    selection = select(filterset, generation=current_generation(), ranked=True)
    page = result_page(
        filterset.queryset_without(None),
        sort=Sort.RELEVANCE,
        search="quantum",
        offset=0,
        limit=20,
        selection=selection,
    )

    assert [row["pledge_id"] for row in page] == [
        both.pk,  # title and summary
        newer_titled.pk,  # title; the newest first among equal scores
        titled.pk,
        initiative.pk,
        summarised.pk,
        described.pk,
    ]


def test_two_words_add_up():
    one = public_pledge(title="Cloud basics", summary="Nothing else.")
    two = public_pledge(title="Cloud security", summary="Security first.")
    public_pledge(title="Security only")
    filterset = PledgeViewerFilter(QueryDict("q=cloud security"))
    assert filterset.is_valid()

    selection = select(filterset, generation=current_generation(), ranked=True)
    page = result_page(
        filterset.queryset_without(None),
        sort=Sort.RELEVANCE,
        search="cloud security",
        offset=0,
        limit=20,
        selection=selection,
    )

    assert [row["pledge_id"] for row in page] == [two.pk]
    assert one.pk not in {row["pledge_id"] for row in page}


@pytest.mark.parametrize(
    ("text", "tree", "exact"),
    [
        ("robotics", ("word", "robotics"), True),
        ("robotics coding", ("and", ("word", "robotics"), ("word", "coding")), True),
        ("robotics or coding", ("or", ("word", "robotics"), ("word", "coding")), True),
        ("-robotics", ("not", ("word", "robotics")), True),
        ('"coding club"', ("phrase", ("word", "coding"), ("word", "club")), False),
        ("o'neill", ("phrase", ("word", "o"), ("word", "neill")), False),
        ("(robotics", ("word", "robotics"), True),
    ],
)
def test_it_reads_the_search_as_postgresql_parses_it(text, tree, exact):
    # Polish has no stemming in PostgreSQL: the words as written, once.
    query = parse_query(text, language="pl")

    assert (query.tree, query.exact) == (tree, exact)


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("robotics", ("or", ("word", "robot"), ("word", "robotics"))),
        ("skill", ("word", "skill")),  # the same both ways: once
        (
            "robotics coding",
            (
                "or",
                ("and", ("word", "robot"), ("word", "code")),
                ("and", ("word", "robotics"), ("word", "coding")),
            ),
        ),
        ("the skills", ("or", ("word", "skill"), ("and", ("word", "the"), ("word", "skills")))),
    ],
)
def test_a_search_is_read_word_for_word_and_with_the_pages_stemming(text, tree):
    query = parse_query(text, language="en")

    assert query.tree == tree
    assert query.exact


def test_stop_words_of_the_pages_language_alone_are_no_search():
    assert parse_query("the", language="en") is None
    assert parse_query("the and of", language="en") is None
    assert parse_query("der die das", language="de") is None
    assert parse_query("the", language="de").tree == ("word", "the")


def test_the_active_language_is_the_default(settings):
    from django.utils import translation

    with translation.override("fr"):
        assert parse_query("formations").tree == ("or", ("word", "format"), ("word", "formations"))


def test_words_under_a_not_add_nothing_to_the_score():
    query = parse_query("robotics -coding", language="en")

    assert query.scored == ["robot", "robotics"]
    assert query.lexemes == {
        "robot": "'robot'",
        "code": "'code'",
        "robotics": "'robotics'",
        "coding": "'coding'",
    }


def test_a_kept_word_follows_changes_to_the_pledges(corpus, monkeypatch):
    from pledges.models import Pledge
    from pledges.viewer.read_model import refresh_pledges

    monkeypatch.setattr(facet_index, "TERM_MIN_MATCHES", 0)
    index = facet_index.for_generation(current_generation())
    before, _scores = search_matches(index, "gardening", ranked=False)
    gardening = corpus[2]
    Pledge.objects.filter(pk=gardening.pk).update(title="Cooking", summary="Pots.")
    refresh_pledges([gardening.pk])

    bump_generation()  # as refresh_pledges() does once its transaction commits
    after_index = facet_index.for_generation(current_generation())
    after, _scores = search_matches(after_index, "gardening", ranked=False)

    assert "garden" in after_index.terms
    assert gardening.pk in set(facet_index.iter_bits(before))
    assert set(facet_index.iter_bits(after)) == sql_matches("gardening") == {corpus[3].pk}


@pytest.mark.parametrize("size", [1, 25])
@pytest.mark.parametrize(("kept", "queries"), [(False, 5), (True, 4)])
def test_a_search_page_reads_the_database_a_fixed_number_of_times(
    size, kept, queries, client, settings, monkeypatch, django_assert_num_queries
):
    settings.PLEDGE_VIEWER_CACHE_SECONDS = 0
    monkeypatch.setattr(facet_index, "TERM_MIN_MATCHES", 0 if kept else 10**9)
    for _ in range(size):
        public_pledge(title="Robotics club", countries=("BE",))
    facet_index.warm().terms_for({"robot": "'robot'", "robotics": "'robotics'"})

    # The pillars, the words as PostgreSQL reads them, the word's pledges by
    # weight (unless the index keeps the word), one page of rows, and (one
    # country chosen) its Digital Decade figures.
    with django_assert_num_queries(queries):
        response = client.get("/en/pledges/", {"q": "robotics", "country": "BE"})

    assert response.status_code == 200
    assert response.context["viewer"]["count"] == size
