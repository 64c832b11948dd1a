"""Search over every version of a pledge, each with its own language's stemming.

A pledge's texts are indexed with the text search configuration of the
language they are written in (``search_config()``; PostgreSQL stems 15 of the
24 official languages, the others are indexed word for word with ``simple``),
and, beside that, word for word (``simple``); its organisation's translations
are indexed beside the original in the same way (``vector_sql()``).

A search is parsed with ``simple`` and with the configuration of the visitor's
language, the distinct variants OR-ed (``search_query()``): a word is found as
it is written in any language ("Schulen" from the English pages finds a German
text that says "Schulen"), and in the visitor's language whatever its form
("Schule" from the German pages finds "Schulen"; "skill" from the English pages
finds "skills"). Stemming a word with another language's rules would find
unrelated words of that language, so a search is not parsed with them all
(``search_configs()`` can: the tests compare). Words that are all stop words in
the visitor's language ("the") are no search, as before.

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


def vector_sql(language: str, text: str) -> str:
    """SQL: the vector of ``text`` (an SQL expression) in the language held in
    ``language``: its stems, and its words as written (``simple``) unless the
    language has no stemming (then they are the same)."""
    config = config_sql(language)
    return (
        f"(to_tsvector({config}, {text}) || CASE WHEN {config} = '{FALLBACK_CONFIG}'::regconfig "
        f"THEN ''::tsvector ELSE to_tsvector('{FALLBACK_CONFIG}', {text}) END)"
    )


# A tsvector's text form is its input form (weights and positions included), so
# joining the vectors of several rows as text and reading the result back is
# the concatenation of them all, which PostgreSQL has no aggregate for.
def initiatives_vector_sql(pledge: str = "p") -> str:
    """SQL: the vector of a pledge's initiatives, titles weighted B and
    descriptions D, each in its initiative's language."""
    return f"""coalesce((
        SELECT string_agg((
            setweight({vector_sql("i.language", "i.title")}, 'B')
            || setweight({vector_sql("i.language", "left(i.description, 1000)")}, 'D')
        )::text, ' ')
        FROM pledges_initiative i WHERE i.pledge_id = {pledge}.id
    )::tsvector, ''::tsvector)"""  # noqa: S608 - constants and table aliases only


def translations_vector_sql(pledge: str = "p") -> str:
    """SQL: the vector of a pledge's translations that visitors may see (not
    hidden, made from the pledge's current wording: the fingerprint of
    ``pledges.translations.models.source_fingerprint()``), titles weighted A
    and summaries C, each in its language."""
    source = f"{pledge}.language || chr(31) || {pledge}.title || chr(31) || {pledge}.summary"
    return f"""coalesce((
        SELECT string_agg((
            setweight({vector_sql("t.language", "t.title")}, 'A')
            || setweight({vector_sql("t.language", "left(t.summary, 3000)")}, 'C')
        )::text, ' ')
        FROM pledges_pledgetranslation t
        WHERE t.pledge_id = {pledge}.id AND NOT t.hidden
          AND t.language <> {pledge}.language
          AND t.source_fingerprint = encode(sha256(convert_to({source}, 'UTF8')), 'hex')
    )::tsvector, ''::tsvector)"""  # noqa: S608 - constants and table aliases only


def document_sql(*, pledge: str = "p", organisation: str = "o", partner_names: str = "''") -> str:
    """SQL: a pledge's whole search vector. Title and organisation weighted A,
    partners and initiatives' titles B, summary C, initiatives' descriptions
    D (the weights the viewer ranks by), every text in its own language and
    word for word, and the translations beside the original."""
    language = f"{pledge}.language"
    return f"""(
        setweight({vector_sql(language, f"{pledge}.title")}, 'A')
        || setweight({vector_sql(f"{organisation}.language", f"{organisation}.name")}, 'A')
        || setweight(to_tsvector('{FALLBACK_CONFIG}', coalesce({partner_names}, '')), 'B')
        || setweight({vector_sql(language, f"left({pledge}.summary, 3000)")}, 'C')
        || {initiatives_vector_sql(pledge)}
        || {translations_vector_sql(pledge)}
    )"""


def search_configs(languages: Iterable[str] | None = None) -> list[str]:
    """The configurations a search is parsed with: those of ``languages`` (by
    default every content language), and ``simple`` (every word as written)."""
    codes = content_languages() if languages is None else languages
    return sorted({search_config(code) for code in codes} | {FALLBACK_CONFIG})


def query_sql(value_sql: str, *, configs: list[str], required: str | None = None) -> str:
    """SQL: the tsquery of the words in ``value_sql`` (an SQL expression, read
    once per configuration, then once more for ``required``): each variant
    in parentheses, the distinct ones OR-ed; NULL for no words, and an empty
    query (which matches nothing) when the words are all stop words in the
    ``required`` configuration (the visitor's language)."""
    variants = ", ".join(
        f"websearch_to_tsquery('{config}'::regconfig, {value_sql})" for config in configs
    )
    # Configuration names are the constants above; the words are a parameter.
    query = (
        "(SELECT string_agg(DISTINCT '(' || q::text || ')', ' | ')::tsquery "  # noqa: S608
        f"FROM unnest(ARRAY[{variants}]) AS q WHERE q::text <> '')"
    )
    if required is None:
        return query
    return (
        f"(CASE WHEN numnode(websearch_to_tsquery('{required}'::regconfig, {value_sql})) = 0 "
        f"THEN ''::tsquery ELSE {query} END)"
    )


class MultilingualSearchQuery(SearchQuery):
    """The visitor's words (web search syntax) parsed with each of
    ``configs``, the variants OR-ed, each distinct variant once (most words
    stem alike in many languages: "skills" gives three variants, not
    sixteen). One scalar subquery, which PostgreSQL computes once per
    statement, so GIN reads each distinct lexeme once. With ``required``,
    words that are all stop words in that configuration match nothing."""

    def __init__(self, value: str, *, configs: Iterable[str], required: str | None = None) -> None:
        super().__init__(value, search_type="websearch")
        self.configs = list(configs)
        self.required = required

    def as_sql(self, compiler, connection, function=None, template=None):
        value_sql, value_params = compiler.compile(self.get_source_expressions()[0])
        sql = query_sql(value_sql, configs=self.configs, required=self.required)
        uses = len(self.configs) + (1 if self.required else 0)
        return sql, list(value_params) * uses


def search_query(text: str, *, languages: Iterable[str] | None = None) -> SearchQuery | None:
    """The visitor's words (web search syntax) as a query that matches a text
    in any of ``languages`` with that language's stemming; None for no words."""
    text = " ".join(text.split())
    if not text:
        return None
    return MultilingualSearchQuery(text, configs=search_configs(languages))


def visitor_configs(language: str | None) -> tuple[list[str], str]:
    """The configurations a visitor's search in ``language`` is parsed with
    (``simple`` and the language's own), and the one whose stop words alone
    are no search (the language's own)."""
    return search_configs([language or ""]), search_config(language)


def visitor_search_query(text: str, *, language: str | None) -> SearchQuery | None:
    """A search from a page in ``language``: its words as written in any
    language, or in any form in ``language`` (see the module's docstring);
    None for no words."""
    text = " ".join(text.split())
    if not text:
        return None
    configs, required = visitor_configs(language)
    return MultilingualSearchQuery(text, configs=configs, required=required)
