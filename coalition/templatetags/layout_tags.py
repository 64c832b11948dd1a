"""What the layout's kept fragments depend on ({% cache ... using="layout" %} in
templates/includes/header.html): parts of every page rendered once per process
and kept for as long as what they show does not change."""

from __future__ import annotations

from django import template
from django.http import HttpRequest

register = template.Library()

#: The pages the main navigation links to (and marks aria-current="page" on).
NAV_VIEWS = frozenset({"pledges:viewer", "pillar_detail", "national:index", "about"})


@register.filter
def nav_state(request: HttpRequest, pillars) -> str:
    """Everything the main navigation shows besides the language: the pillars'
    addresses and names (staff may rename them), whether someone is logged in,
    and the page itself when it is one the navigation links to (elsewhere the
    address cannot match a link, so every other page shares one copy)."""
    match = getattr(request, "resolver_match", None)
    current = request.path if match is not None and match.view_name in NAV_VIEWS else ""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    names = "|".join(f"{p.pk}:{p.slug}:{p.short_name}" for p in pillars)
    return f"{signed_in}|{current}|{names}"
