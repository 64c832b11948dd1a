"""Search over every version of a pledge, each with its own language's stemming.

A pledge's texts are indexed with the text search configuration of the
language they are written in (``search_config()``; PostgreSQL stems 15 of the
24 official languages, the others are indexed word for word with ``simple``),
and its organisation's translations are indexed beside the original. A search
is parsed once per configuration and the distinct variants are OR-ed
(``search_query()``), so "Schulen" finds a German text that says "Schule", and
an English text's "skills" is still found by "skill".

The viewer's read model (``pledges/viewer/read_model.py``) builds the stored
vector; ``document_sql()`` is the expression for it, built from constants only.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery

from coalition.languages import content_languages

# The official languages PostgreSQL has a stemming configuration for (its
# built-in configurations, tests/pledges/translations/test_search.py checks
# that each exists). The others fall back to "simple": every word, lower-cased.
SEARCH_CONFIGS = {
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}
FALLBACK_CONFIG = "simple"


def search_config(code: str | None) -> str:
    """The text search configuration for texts in language ``code``."""
    code = (code or "").lower()
    return SEARCH_CONFIGS.get(code, SEARCH_CONFIGS.get(code.split("-")[0], FALLBACK_CONFIG))


def config_sql(column: str) -> str:
    """SQL: the ``regconfig`` of the language code held in ``column``."""
    cases = " ".join(
        f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in SEARCH_CONFIGS.items()
    )
    return f"(CASE {column} {cases} ELSE '{FALLBACK_CONFIG}'::regconfig END)"


# A tsvector's text form is its input form (weights and positions included), so
# joining the vectors of several rows as text and reading the result back is
# the concatenation of them all, which PostgreSQL has no aggregate for.
def initiatives_vector_sql(pledge: str = "p") -> str:
    """SQL: the vector of a pledge's initiatives, titles weighted B and
    descriptions D, each in its initiative's language."""
    config = config_sql("i.language")
    return f"""coalesce((
        SELECT string_agg((
            setweight(to_tsvector({config}, i.title), 'B')
            || setweight(to_tsvector({config}, left(i.description, 1000)), 'D')
        )::text, ' ')
        FROM pledges_initiative i WHERE i.pledge_id = {pledge}.id
    )::tsvector, ''::tsvector)"""  # noqa: S608 - constants and table aliases only


def translations_vector_sql(pledge: str = "p") -> str:
    """SQL: the vector of a pledge's translations that visitors may see (not
    hidden, made from the pledge's current wording: the fingerprint of
    ``pledges.translations.models.source_fingerprint()``), titles weighted A
    and summaries C, each in its language."""
    config = config_sql("t.language")
    source = f"{pledge}.language || chr(31) || {pledge}.title || chr(31) || {pledge}.summary"
    return f"""coalesce((
        SELECT string_agg((
            setweight(to_tsvector({config}, t.title), 'A')
            || setweight(to_tsvector({config}, left(t.summary, 3000)), 'C')
        )::text, ' ')
        FROM pledges_pledgetranslation t
        WHERE t.pledge_id = {pledge}.id AND NOT t.hidden
          AND t.language <> {pledge}.language
          AND t.source_fingerprint = encode(sha256(convert_to({source}, 'UTF8')), 'hex')
    )::tsvector, ''::tsvector)"""  # noqa: S608 - constants and table aliases only


def document_sql(*, pledge: str = "p", organisation: str = "o", partner_names: str = "''") -> str:
    """SQL: a pledge's whole search vector. Title and organisation weighted A,
    partners and initiatives' titles B, summary C, initiatives' descriptions
    D (the weights the viewer uses today), every text in its own language,
    and the translations beside the original."""
    config = config_sql(f"{pledge}.language")
    organisation_config = config_sql(f"{organisation}.language")
    return f"""(
        setweight(to_tsvector({config}, {pledge}.title), 'A')
        || setweight(to_tsvector({organisation_config}, {organisation}.name), 'A')
        || setweight(to_tsvector('{FALLBACK_CONFIG}', coalesce({partner_names}, '')), 'B')
        || setweight(to_tsvector({config}, left({pledge}.summary, 3000)), 'C')
        || {initiatives_vector_sql(pledge)}
        || {translations_vector_sql(pledge)}
    )"""


def search_configs(languages: Iterable[str] | None = None) -> list[str]:
    """The configurations a search is parsed with: those of ``languages`` (by
    default every content language), and ``simple`` for the languages
    PostgreSQL does not stem."""
    codes = content_languages() if languages is None else languages
    return sorted({search_config(code) for code in codes} | {FALLBACK_CONFIG})


class MultilingualSearchQuery(SearchQuery):
    """The visitor's words (web search syntax) parsed with each of
    ``configs``, the variants OR-ed, each distinct variant once (most words
    stem alike in many languages: "skills" gives three variants, not
    sixteen). One scalar subquery, which PostgreSQL computes once per
    statement, so GIN reads each distinct lexeme once."""

    def __init__(self, value: str, *, configs: Iterable[str]) -> None:
        super().__init__(value, search_type="websearch")
        self.configs = list(configs)

    def as_sql(self, compiler, connection, function=None, template=None):
        value_sql, value_params = compiler.compile(self.get_source_expressions()[0])
        variants = ", ".join(
            f"websearch_to_tsquery('{config}'::regconfig, {value_sql})" for config in self.configs
        )
        # Configuration names are the constants above; the words are a parameter.
        sql = (
            "(SELECT string_agg(DISTINCT '(' || q::text || ')', ' | ')::tsquery "  # noqa: S608
            f"FROM unnest(ARRAY[{variants}]) AS q WHERE q::text <> '')"
        )
        return sql, list(value_params) * len(self.configs)


def search_query(text: str, *, languages: Iterable[str] | None = None) -> SearchQuery | None:
    """The visitor's words (web search syntax) as a query that matches a text
    in any of ``languages`` with that language's stemming; None for no words."""
    text = " ".join(text.split())
    if not text:
        return None
    return MultilingualSearchQuery(text, configs=search_configs(languages))
