"""Reads that the site-wide pages share."""

from __future__ import annotations

from typing import TypedDict

from members.models import Organisation
from pledges.models import Pledge


class KeyFigures(TypedDict):
    members: int
    pledges: int
    countries: int


def key_figures() -> KeyFigures:
    """The home page's figures, computed from the database (zero before there is data).

    Countries are those where a member organisation has its headquarters."""
    members = Organisation.objects.members()
    return {
        "members": members.count(),
        "pledges": Pledge.objects.public().count(),
        "countries": members.values("country").distinct().count(),
    }
