"""The members dashboard's national section (``members/dashboard.html`` includes
it, as it includes the pledges' reporting section)."""

from __future__ import annotations

from django import template

from national.models import NationalCoalition

register = template.Library()


@register.inclusion_tag("national/includes/dashboard_section.html")
def coalitions_you_edit(user) -> dict[str, object]:
    """The national coalitions the person edits, each with its editor's page."""
    return {
        "coalitions": list(
            NationalCoalition.objects.filter(editors=user).order_by("name").only("name", "slug")
        )
    }
