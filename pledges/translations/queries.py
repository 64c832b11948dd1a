"""What visitors read of a pledge in their language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from pledges.models import Pledge
from pledges.translations.models import PledgeTranslation, source_fingerprint


class LocalisedPledge(NamedTuple):
    """A pledge's title and summary as a page in one language shows them: the
    organisation's translation into it, or the original (``is_original``), and
    the language they are written in (for ``lang``, and the "Original
    language" label)."""

    title: str
    summary: str
    language: str
    is_original: bool


def for_language(
    pledge: Pledge, code: str, *, translations: Iterable[PledgeTranslation] | None = None
) -> LocalisedPledge:
    """The pledge in ``code`` where its organisation translated it (a
    translation staff did not hide, of the current wording), else the original.
    Reads ``translations`` (the pledge's, loaded with it), else
    ``pledge.translations.all()``: prefetch it for a list, or use
    ``for_language_many()``."""
    if code and code != pledge.language:
        fingerprint = source_fingerprint(pledge)
        if translations is None:
            translations = pledge.translations.all()
        for translation in translations:
            if (
                translation.language == code
                and not translation.hidden
                and translation.source_fingerprint == fingerprint
            ):
                return LocalisedPledge(translation.title, translation.summary, code, False)
    return LocalisedPledge(pledge.title, pledge.summary, pledge.language, True)


def for_language_many(pledge_ids: Iterable[int], code: str) -> dict[int, LocalisedPledge]:
    """``{pledge id: translation}`` for those of the pledges translated into
    ``code`` (as ``for_language()`` decides), in one query; the others are
    missing: show their original."""
    rows = PledgeTranslation.objects.filter(
        pledge_id__in=list(pledge_ids), language=code, hidden=False
    ).values_list(
        "pledge_id",
        "title",
        "summary",
        "source_fingerprint",
        "pledge__language",
        "pledge__title",
        "pledge__summary",
    )
    found = {}
    for pk, title, summary, fingerprint, language, original_title, original_summary in rows:
        original = Pledge(language=language, title=original_title, summary=original_summary)
        if language != code and fingerprint == source_fingerprint(original):
            found[pk] = LocalisedPledge(title, summary, code, False)
    return found
