"""Template tags the other pages use to show viewer data:

- `{% organisation_pledges organisation %}`: an organisation's public pledges and
  their totals (for the organisation page);
- `{% pillar_viewer pillar %}`: the Pledge Viewer with that pillar chosen (for the
  pillar pages);
- `{% pledge_share_context pledge as share %}`: what the share box on a pledge
  page needs (used by templates/pledges/includes/pledge_share.html).
"""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from coalition.addresses import url_prefix
from members.models import Organisation
from pledges.models import Indicator, Pledge
from pledges.viewer import queries as viewer_queries
from pledges.viewer.models import PledgeCard
from pledges.viewer.views import Fixed, build_viewer

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


@register.simple_tag(takes_context=True)
def pillar_viewer(context, pillar) -> SafeString:
    request = context["request"]
    state = build_viewer(
        request, base_url=pillar.get_absolute_url(), fixed=Fixed("pillar", pillar.slug)
    )
    stylesheet = format_html('<link rel="stylesheet" href="{}">', static("css/pledges-viewer.css"))
    return stylesheet + state.html


@register.inclusion_tag("pledges/viewer/_organisation_pledges.html", takes_context=True)
def organisation_pledges(context, organisation: Organisation) -> dict:
    """The organisation's public pledges (newest first) and their totals: 2 queries."""
    cards = PledgeCard.objects.filter(organisation=organisation)
    totals = viewer_queries.totals(cards.defer("search_vector"))
    kinds = dict(Indicator.Kind.choices)
    detail = url_prefix("pledges:detail", "pk") or "/pledges/\x00/"
    rows = [
        {"url": detail.replace("\x00", str(pk)), "title": title, "status": status, "end": end}
        for pk, title, status, end in cards.order_by("-approved_at", "-pledge_id").values_list(
            "pledge_id", "title", "status", "end_date"
        )[:100]
    ]
    return {
        "organisation": organisation,
        "rows": rows,
        "totals": totals,
        "indicators": [(kinds[k], t, a) for k, t, a in totals.indicators],
        "completed": Pledge.Status.COMPLETED,
        "request": context.get("request"),
    }
