"""{% load pledge_translations %}
{% pledge_in_language pledge as shown %}  the pledge's title and summary in the page's
    language where its organisation translated them, else the original:
    shown.title, shown.summary, shown.language (for lang=""), shown.is_original
{% include "pledges/translations/original_language.html" with shown=shown %}
    the "Original language: …" label, shown when the page's language differs
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from pledges.translations import LocalisedPledge, for_language

register = template.Library()


@register.simple_tag
def pledge_in_language(pledge) -> LocalisedPledge:
    return for_language(pledge, get_language() or "")
