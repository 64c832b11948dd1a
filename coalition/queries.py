"""Reads that the site-wide pages share."""

from __future__ import annotations

from typing import TypedDict

from django.db.models import F, Func

from members.models import Organisation
from pledges.models import Initiative, Pledge


class KeyFigures(TypedDict):
    members: int
    pledges: int
    countries: int


def key_figures() -> KeyFigures:
    """The home page's figures, computed from the database (zero before there is data).

    Countries are those where public pledges act, as the Pledge Viewer counts
    them (EU-wide initiatives apart), not where members have their headquarters."""
    countries = (
        Initiative.objects.filter(pledge__in=Pledge.objects.public())
        .annotate(code=Func(F("countries"), function="unnest"))
        .values_list("code", flat=True)
        .distinct()
    )
    return {
        "members": Organisation.objects.members().count(),
        "pledges": Pledge.objects.public().count(),
        "countries": len(set(countries)),
    }
