"""Search over every version of a pledge, each with its language's stemming
(pledges/translations/search.py), checked against PostgreSQL itself."""

import pytest
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models.expressions import RawSQL

from pledges.models import Pledge
from pledges.translations.search import (
    FALLBACK_CONFIG,
    SEARCH_CONFIGS,
    document_sql,
    search_config,
    search_configs,
    search_query,
)
from tests.pledges.factories import InitiativeFactory, PledgeFactory
from tests.pledges.translations.conftest import translate

pytestmark = pytest.mark.django_db


def test_every_configuration_named_exists_in_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        known = {name for (name,) in cursor.fetchall()}

    assert set(SEARCH_CONFIGS.values()) | {FALLBACK_CONFIG} <= known


@pytest.mark.parametrize(
    ("code", "config"),
    [("de", "german"), ("de-at", "german"), ("EL", "greek"), ("pl", "simple"), (None, "simple")],
)
def test_search_config(code, config):
    assert search_config(code) == config


def test_a_search_is_parsed_once_per_configuration():
    assert search_configs(["de", "pl", "sk", "en"]) == ["english", "german", "simple"]
    assert len(search_configs()) == len(set(SEARCH_CONFIGS.values())) + 1


def test_no_words_no_query():
    assert search_query("   ") is None


def found(text, **kwargs):
    vector = RawSQL(  # noqa: S611 - constants and table names only
        document_sql(pledge="pledges_pledge", organisation="members_organisation"),
        [],
        output_field=SearchVectorField(),
    )
    # The organisation's name in the rows joins its table (read under its own name).
    rows = (
        Pledge.objects.annotate(document=vector)
        .filter(document=search_query(text, **kwargs))
        .values_list("title", "organisation__name")
    )
    return {title for title, _name in rows}


@pytest.fixture
def pledges(organisation):
    english = PledgeFactory(
        organisation=organisation, title="Digital skills for teachers", summary="Courses."
    )
    german = PledgeFactory(
        organisation=organisation,
        language="de",
        title="Programmieren an Schulen",
        summary="Wir schulen Lehrkräfte.",
    )
    polish = PledgeFactory(
        organisation=organisation, language="pl", title="Kodowanie w bibliotekach", summary="."
    )
    InitiativeFactory(
        pledge=polish, language="fr", title="Ateliers numériques", description="Des bibliothèques."
    )
    translate(english, "de", "Digitale Kompetenzen für Lehrer", "Kurse für Lehrkräfte.")
    translate(english, "fr", "Compétences cachées", "Masquée.", hidden=True)
    return english, german, polish


def test_each_text_is_stemmed_in_its_own_language(pledges):
    assert found("Schule") == {"Programmieren an Schulen"}  # German stemming: schul
    assert found("skill") == {"Digital skills for teachers"}  # English stemming
    assert found("bibliotekach") == {"Kodowanie w bibliotekach"}  # no Polish stemmer: the word
    assert found("atelier") == {"Kodowanie w bibliotekach"}  # its initiative, in French


def test_a_pledge_is_found_by_the_words_of_its_translations(pledges):
    assert found("Kompetenz") == {"Digital skills for teachers"}
    assert found("Lehrkraft") == {"Digital skills for teachers", "Programmieren an Schulen"}


def test_hidden_and_outdated_translations_are_not_searched(pledges):
    english = pledges[0]
    assert found("cachées") == set()
    english.summary = "New courses."
    english.save()
    assert found("Kompetenz") == set()  # translates an earlier wording


def test_a_search_in_some_languages_only(pledges):
    assert found("Schule", languages=["en"]) == set()
    assert found("Schule", languages=["de"]) == {"Programmieren an Schulen"}


def test_each_distinct_variant_once_and_ranking_works(pledges):
    from django.contrib.postgres.search import SearchRank
    from django.db.models import F

    query = search_query("skills")
    compiler = Pledge.objects.all().query.get_compiler(connection=connection)
    sql, params = query.as_sql(compiler, connection)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}::text", params)
        (variants,) = cursor.fetchone()
    ranked = (
        Pledge.objects.annotate(
            document=RawSQL(  # noqa: S611 - constants and table names only
                document_sql(pledge="pledges_pledge", organisation="members_organisation"),
                [],
                output_field=SearchVectorField(),
            )
        )
        .filter(document=query)
        .annotate(rank=SearchRank(F("document"), query))
        .values_list("title", "rank", "organisation__name")
    )

    assert variants == "'skil' | 'skill' | 'skills'"
    assert [(title, rank > 0) for title, rank, _name in ranked] == [
        ("Digital skills for teachers", True)
    ]


def test_words_every_language_drops_find_nothing_rather_than_fail(pledges):
    assert found("the and of") == set()
