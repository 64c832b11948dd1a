"""Template tags for pledges, usable from any app's templates:

{% load pledge_tags %}
{% organisation_badges organisation %}   the organisation's earned badges
{{ initiative.countries|country_names }}  "Belgium, France"
"""

from __future__ import annotations

from django import template

from coalition.labels import choice_labels
from coalition.labels import country_names as all_country_names
from pledges import badges
from pledges.models import ActionType, BeneficiaryGroup

register = template.Library()


@register.inclusion_tag("pledges/includes/badges.html")
def organisation_badges(organisation, heading_level: int = 2) -> dict:
    """The badges an organisation earned (one query), as a list."""
    return {
        "badges": badges.organisation_badges(organisation),
        "organisation": organisation,
        "heading_level": heading_level,
    }


def _labels(values, choices) -> list[str]:
    labels = choice_labels(choices)
    return [labels.get(v, v) for v in values or ()]


@register.filter
def country_names(codes) -> list[str]:
    names = all_country_names()
    return sorted(names.get(code) or code for code in codes or ())


@register.filter
def beneficiary_labels(values) -> list[str]:
    return _labels(values, BeneficiaryGroup)


@register.filter
def action_labels(values) -> list[str]:
    return _labels(values, ActionType)


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
    """The organisation's public pledges with their totals (three queries), for
    the organisation's public page."""
    from pledges import progress
    from pledges.models import Pledge

    public = Pledge.objects.public().filter(organisation=organisation)
    return {
        "organisation": organisation,
        "pledges": list(public.order_by("-approved_at", "-pk").only("pk", "title", "status")),
        "totals": progress.totals_for_queryset(public),
        "heading_level": heading_level,
    }
