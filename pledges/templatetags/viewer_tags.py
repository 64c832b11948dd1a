"""Template tags the other pages use to show viewer data:

- `{% pledge_share_context pledge as share %}`: what the share box on a pledge
  page needs (used by templates/pledges/includes/pledge_share.html).
"""

from __future__ import annotations

from urllib.parse import quote

from django import template

from pledges.models import Pledge

register = template.Library()


@register.simple_tag(takes_context=True)
def pledge_share_context(context, pledge: Pledge) -> dict:
    """The page's address, as it is and quoted for the share links (as
    ``|urlencode`` quotes it), the title quoted, and the user's scoreboards."""
    request = context.get("request")
    url = request.build_absolute_uri(pledge.get_absolute_url()) if request else ""
    share = {
        "url": url,
        "url_quoted": quote(url),
        "title_quoted": quote(pledge.title),
        "scoreboards": [],
        "organisations": [],
    }
    if request is not None and request.user.is_authenticated:
        from pledges.scoreboards.services import scoreboard_choices_for

        share.update(scoreboard_choices_for(request.user))
    return share
