"""Template tags for pledges, usable from any app's templates:

{% load pledge_tags %}
{% organisation_badges organisation %}   the organisation's earned badges
{{ initiative.countries|country_names }}  "Belgium, France"
{% progress label progress %}            a target, what was achieved, and its bar
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from coalition.labels import labels_of, names_of_countries
from coalition.numbers import grouped
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


@register.simple_tag
def progress(label, progress: Progress) -> SafeString:
    """One target and what was achieved toward it, with its bar: the same markup for
    an indicator, a pledge's totals and an organisation's. In Python rather than an
    included template: a pledge page shows it for every indicator, and an include
    costs several times as much."""
    label = conditional_escape(label)
    if progress.reported:
        figures = gettext("%(achieved)s of %(target)s (%(percent)s%%)") % {
            "achieved": grouped(progress.achieved),
            "target": grouped(progress.target),
            "percent": progress.percent,
        }
        return mark_safe(  # noqa: S308 (the label and figures are escaped, the rest is ours)
            '<div class="portal-progress">\n  <p class="portal-progress__label">'
            f"{label}</p>\n  \n"
            f'  <p class="portal-progress__figures">{escape(figures)}</p>\n'
            '  <div class="portal-progress__bar" aria-hidden="true">'
            f'<div class="portal-progress__fill" style="width: {int(progress.percent or 0)}%">'
            "</div>"
            "</div>\n  \n</div>\n"
        )
    target = gettext("Target %(target)s") % {"target": grouped(progress.target)}
    return mark_safe(  # noqa: S308 (as above)
        '<div class="portal-progress">\n  <p class="portal-progress__label">'
        f"{label}</p>\n  \n"
        f'  <p class="portal-progress__figures">{escape(target)} · '
        f'<em class="portal-progress__none">{escape(gettext("not yet reported"))}</em></p>\n'
        '  <div class="portal-progress__bar portal-progress__bar--empty" aria-hidden="true"></div>'
        "\n  \n</div>\n"
    )
