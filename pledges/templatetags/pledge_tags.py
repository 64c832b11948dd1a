"""Template tags for pledges, usable from any app's templates:

{% load pledge_tags %}
{% organisation_badges organisation %}   the organisation's earned badges
{{ initiative.countries|country_names }}  "Belgium, France"
{% progress label progress %}            a target, what was achieved, and its bar
"""

from __future__ import annotations

from django import template

from coalition.labels import labels_of, names_of_countries
from pledges import badges
from pledges.models import ActionType, BeneficiaryGroup
from pledges.progress import Progress

register = template.Library()


@register.inclusion_tag("pledges/includes/badges.html")
def organisation_badges(organisation, heading_level: int = 2) -> dict:
    """The badges an organisation earned (one query), as a list."""
    return {
        "badges": badges.organisation_badges(organisation),
        "organisation": organisation,
        "heading_level": heading_level,
    }


@register.filter
def country_names(codes) -> list[str]:
    return names_of_countries(codes)


@register.filter
def beneficiary_labels(values) -> list[str]:
    return labels_of(values, BeneficiaryGroup)


@register.filter
def action_labels(values) -> list[str]:
    return labels_of(values, ActionType)


@register.filter
def status_modifier(status: str) -> str:
    """A CSS modifier for a pledge or report status tag."""
    return {
        "approved": "success",
        "completed": "success",
        "submitted": "info",
        "changes-requested": "warning",
        "rejected": "error",
        "withdrawn": "neutral",
        "draft": "neutral",
    }.get(status, "neutral")


@register.inclusion_tag("pledges/includes/organisation_pledges.html")
def organisation_pledges(organisation, heading_level: int = 2) -> dict:
    """The organisation's public pledges with their totals (two queries: the
    list, and the totals from the viewer's rows), for the organisation's
    public page."""
    from pledges.models import Pledge
    from pledges.viewer.models import PledgeCard
    from pledges.viewer.queries import kind_totals

    public = Pledge.objects.public().filter(organisation=organisation)
    return {
        "organisation": organisation,
        "pledges": list(
            public.order_by("-approved_at", "-pk").only("pk", "title", "status", "language")
        ),
        "totals": kind_totals(PledgeCard.objects.filter(organisation=organisation)),
        "heading_level": heading_level,
    }


@register.inclusion_tag("pledges/includes/progress.html")
def progress(label, progress: Progress) -> dict:
    """One target and what was achieved toward it, with its bar: the same markup for
    an indicator, a pledge's totals and an organisation's."""
    return {"label": label, "progress": progress}
