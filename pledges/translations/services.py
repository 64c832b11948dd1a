"""The writes on pledge translations: an editor saves or deletes one, staff
hide one. A translation of a public pledge shows at once, so each write
refreshes the pledge's viewer row (its search vector holds every version) and,
with it, the cached public pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from members.models import User
from pledges.models import Pledge
from pledges.translations.models import PledgeTranslation, source_fingerprint
from pledges.viewer.read_model import refresh_pledges


def _refresh(pledge: Pledge) -> None:
    if pledge.is_public:
        refresh_pledges([pledge.pk])


@transaction.atomic
def pledge_translation_save(
    *,
    pledge: Pledge,
    actor: User | None,
    language: str,
    title: str,
    summary: str,
    translation: PledgeTranslation | None = None,
) -> PledgeTranslation:
    """Add the pledge's title and summary in ``language``, or change
    ``translation``. It is recorded as a translation of the pledge's current
    wording. Refused for a revision (translations belong to the pledge the
    public sees) and in the pledge's own language."""
    if pledge.is_revision:
        raise ValidationError(_("Translate the approved pledge, not the proposed changes."))
    if language == pledge.language:
        raise ValidationError(
            {"language": _("The pledge is written in this language: choose another.")}
        )
    if translation is None:
        translation = PledgeTranslation(pledge=pledge, created_by=actor)
    elif translation.pledge_id != pledge.pk:
        raise ValidationError(_("This translation belongs to another pledge."))
    translation.language = language
    translation.title = title.strip()
    translation.summary = summary.strip()
    translation.source_fingerprint = source_fingerprint(pledge)
    translation.full_clean()
    translation.save()
    _refresh(pledge)
    return translation


@transaction.atomic
def pledge_translation_delete(*, translation: PledgeTranslation) -> None:
    pledge = translation.pledge
    translation.delete()
    _refresh(pledge)


@transaction.atomic
def pledge_translation_set_hidden(*, translation: PledgeTranslation, hidden: bool) -> None:
    """Staff hide a translation (visitors then read the original) or show it again."""
    translation.hidden = hidden
    translation.save(update_fields=["hidden", "updated_at"])
    _refresh(translation.pledge)
