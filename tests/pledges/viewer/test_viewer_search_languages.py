"""The viewer finds a pledge by the words of every version of it (the original
and its organisation's translations), each with its language's stemming: a
search is read word for word and with the page's language's stemming
(pledges/translations/search.py), through the index and in SQL alike."""

import pytest
from django.utils import translation

from coalition.caching import current_generation
from pledges.models import Pledge
from pledges.translations.services import pledge_translation_delete, pledge_translation_save
from pledges.viewer import facet_index
from pledges.viewer.filters import search_query
from pledges.viewer.models import PledgeSearch
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


def found(client, language: str, text: str, sort: str = "newest") -> list[str]:
    """The titles of the pledges found, in their own language (a row shows
    the organisation's translation into the page's language where it has one)."""
    response = client.get(f"/{language}/pledges/", {"q": text, "sort": sort})
    assert response.status_code == 200
    return list(
        Pledge.objects.filter(pk__in=[row.pk for row in response.context["viewer"]["rows"]])
        .order_by("-pk")
        .values_list("title", flat=True)
    )


def sql_found(text: str, language: str) -> set[int]:
    return set(
        PledgeSearch.objects.filter(
            search_vector=search_query(text, language=language)
        ).values_list("pledge_id", flat=True)
    )


@pytest.fixture(autouse=True)
def fresh(settings):
    settings.PLEDGE_VIEWER_CACHE_SECONDS = 0


@pytest.fixture
def french():
    return public_pledge(
        language="fr",
        title="Former les enseignants au numérique",
        summary="Des formations gratuites pour les écoles.",
    )


@pytest.mark.parametrize("sort", ["newest", "relevance"])
def test_a_french_pledge_is_found_from_the_english_pages_by_its_words(client, french, sort):
    public_pledge(title="Teachers go digital", summary="Free training.")

    assert found(client, "en", "enseignants", sort) == [french.title]
    assert found(client, "en", "formations écoles", sort) == [french.title]


@pytest.mark.parametrize("sort", ["newest", "relevance"])
def test_a_french_pledge_is_found_from_the_french_pages_by_any_form_of_its_words(
    client, french, sort
):
    assert found(client, "fr", "enseignant", sort) == [french.title]
    assert found(client, "fr", "formation école", sort) == [french.title]
    assert found(client, "fr", '"former les enseignants"', sort) == [french.title]  # a phrase


def test_an_english_pledge_keeps_its_english_stemming_on_every_page(client):
    pledge = public_pledge(title="Digital skills for teachers", summary="Courses.")

    assert found(client, "en", "skill") == [pledge.title]
    assert found(client, "fr", "skills") == [pledge.title]  # the word as written


@pytest.fixture
def translated(django_capture_on_commit_callbacks):
    pledge = public_pledge(title="Coding in schools", summary="Clubs after school.")
    with django_capture_on_commit_callbacks(execute=True):
        translation = pledge_translation_save(
            pledge=pledge,
            actor=None,
            language="de",
            title="Programmieren an Schulen",
            summary="Arbeitsgemeinschaften nach dem Unterricht.",
        )
    return pledge, translation


def test_a_pledge_is_found_by_the_words_of_its_german_translation(client, translated):
    pledge, _translation = translated

    assert found(client, "de", "Schule") == [pledge.title]  # German stemming: schul
    assert found(client, "en", "Schulen") == [pledge.title]  # the word as written
    assert found(client, "de", "Unterricht", sort="relevance") == [pledge.title]
    assert found(client, "en", "Schule") == []


def test_a_translation_saved_or_deleted_is_searched_at_once(
    client, translated, django_capture_on_commit_callbacks, monkeypatch
):
    pledge, german = translated
    # the index keeps the word: it follows the change
    monkeypatch.setattr(facet_index, "TERM_MIN_MATCHES", 0)
    facet_index.for_generation(current_generation()).terms_for({"schul": "'schul'"})

    with django_capture_on_commit_callbacks(execute=True):
        pledge_translation_save(
            pledge=pledge,
            actor=None,
            language="de",
            title="Roboter in Bibliotheken",
            summary="Nach dem Unterricht.",
            translation=german,
        )
    assert found(client, "de", "Schule") == []
    assert found(client, "de", "Bibliothek") == [pledge.title]

    with django_capture_on_commit_callbacks(execute=True):
        pledge_translation_delete(translation=german)
    assert found(client, "de", "Bibliothek") == []
    assert found(client, "en", "coding") == [pledge.title]


@pytest.mark.parametrize("kept", [True, False])
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "enseignants"),
        ("fr", "enseignant -écoles"),
        ("fr", "formation or skills"),
        ("de", "Schule"),
        ("de", "schulen -roboter"),
        ("en", "the schools"),
        ("pl", "Schulen"),
    ],
)
def test_the_index_matches_sql_in_every_language(
    client, french, translated, monkeypatch, language, text, kept
):
    from pledges.viewer.queries import search_matches

    monkeypatch.setattr(facet_index, "TERM_MIN_MATCHES", 0 if kept else 10**9)
    index = facet_index.for_generation(current_generation())

    with translation.override(language):
        matches, _scores = search_matches(index, text, ranked=False)

    assert set(facet_index.iter_bits(matches & index.everything)) == sql_found(text, language)
