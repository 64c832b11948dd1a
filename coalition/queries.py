"""Reads that the site-wide pages share."""

from __future__ import annotations

from typing import TypedDict

from django.conf import settings
from django.http import Http404

from coalition.models import Pillar, PillarText, PillarTranslation
from members.models import Organisation


class KeyFigures(TypedDict):
    members: int
    pledges: int
    countries: int


def key_figures() -> KeyFigures:
    """The home page's figures (zero before there is data): members from the
    database; public pledges and the countries where they act from the Pledge
    Viewer's index, as the viewer counts them (EU-wide initiatives apart), not
    where members have their headquarters."""
    from coalition.caching import current_generation
    from pledges.viewer.queries import public_overview

    pledges, countries = public_overview(current_generation())
    return {
        "members": Organisation.objects.members().count(),
        "pledges": pledges,
        "countries": countries,
    }


def pillar_in_language(slug: str, language: str) -> tuple[Pillar, PillarText]:
    """The pillar with this slug and its texts in ``language`` (else English),
    in one query when the translation exists; Http404 for an unknown slug."""
    if language != settings.LANGUAGE_CODE:
        translation = (
            PillarTranslation.objects.select_related("pillar")
            .filter(pillar__slug=slug, language=language)
            .first()
        )
        if translation is not None:
            return translation.pillar, PillarText(
                translation.name, translation.short_name, translation.description, language
            )
    pillar = Pillar.objects.filter(slug=slug).first()
    if pillar is None:
        raise Http404
    return pillar, PillarText(
        pillar.name, pillar.short_name, pillar.description, settings.LANGUAGE_CODE
    )
