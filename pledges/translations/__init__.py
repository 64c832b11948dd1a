"""Organisations' translations of their pledges' titles and summaries: the
model (``models.py``, loaded with the pledges app's models), what visitors read
(``queries.for_language()``), the editor's pages (``views.py``, under the
pledge's management page), the writes (``services.py``) and the search over
every version of a pledge (``search.py``)."""

from pledges.translations.queries import LocalisedPledge, for_language, for_language_many

__all__ = ["LocalisedPledge", "for_language", "for_language_many"]
