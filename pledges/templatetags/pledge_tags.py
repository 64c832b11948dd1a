"""Template tags for pledges, usable from any app's templates:

{% load pledge_tags %}
{% organisation_badges organisation %}   the organisation's earned badges
{{ initiative.countries|country_names }}  "Belgium, France"
{% progress label progress %}            a target, what was achieved, and its bar
{% initiative item %}                    one initiative of a pledge page, with its indicators
{% report_values values initiatives %}   a progress report's values, on a pledge page
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

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
            # An SVG rectangle's width, not a style attribute: the
            # Content-Security-Policy allows no inline style.
            '  <div class="portal-progress__bar" aria-hidden="true">'
            '<svg class="portal-progress__meter" viewBox="0 0 100 1" preserveAspectRatio="none" '
            f'focusable="false"><rect class="portal-progress__fill" '
            f'width="{int(progress.percent or 0)}" height="1"/></svg>'
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


def _fact(label: str, value: str) -> str:
    return f'<div class="portal-facts__item"><dt>{label}</dt><dd>{value}</dd></div>'


@register.simple_tag
def initiative(item: dict) -> SafeString:
    """One initiative on a pledge page: its title, description, facts and each
    indicator's progress. ``item`` is one of the view's ``initiatives``
    (pledges.views._body_context: the initiative, its pillars, countries,
    groups and actions already joined, its indicators with their progress).

    In Python, as ``progress`` is, rather than in the template: a pledge page
    repeats it for every initiative, and the template's loop of tags, filters
    and conditions cost twice as much (0.1 ms an initiative on these machines,
    about 4% of a pledge page). Every value is escaped here; the labels are the
    catalogues' text, as the template printed them (the same msgids)."""
    initiative = item["initiative"]
    pk = int(initiative.pk)
    title = escape(initiative.title)
    parts = [
        f'\n    <article class="portal-initiative" aria-labelledby="initiative-{pk}">\n'
        f'      <h3 class="ecl-u-type-heading-3" id="initiative-{pk}">{title}</h3>\n      '
    ]
    if initiative.description:
        parts.append(
            f'<div class="portal-prose">{linebreaks(initiative.description, autoescape=True)}</div>'
        )
    countries = gettext("EU-wide") if initiative.eu_wide else escape(item["countries"] or "—")
    parts.append(
        '\n      <dl class="portal-facts portal-facts--compact">\n        '
        + _fact(gettext("Pillars"), escape(item["pillars"] or "—"))
        + "\n        "
        + _fact(gettext("Countries"), countries)
        + "\n        "
    )
    if item["groups"]:
        parts.append(_fact(gettext("For"), escape(item["groups"])))
    parts.append("\n        ")
    if item["actions"]:
        parts.append(_fact(gettext("Actions"), escape(item["actions"])))
    parts.append("\n        ")
    if initiative.delivery_mode:
        parts.append(_fact(gettext("Delivery"), escape(initiative.delivery_mode_label)))
    parts.append("\n        ")
    if initiative.link:
        link = (
            f'<a class="ecl-link" href="{escape(initiative.link)}" rel="nofollow noopener">'
            f"{escape(Truncator(initiative.link).chars(60))}"
            f'<span class="portal-visually-hidden"> ({title})</span></a>'
        )
        parts.append(_fact(gettext("Web page"), link))
    parts.append("\n      </dl>\n      ")
    if item["indicators"]:
        parts.append(
            '\n      <h4 class="portal-initiative__subheading">'
            f"{gettext('Indicators')}</h4>\n"
            '      <ul class="portal-progress-list">\n        '
        )
        parts.extend(
            f"\n        <li>{progress(row['indicator'], row['progress'])}</li>\n        "
            for row in item["indicators"]
        )
        parts.append("\n      </ul>\n      ")
    else:
        parts.append(f"\n      <p>{gettext('No indicators yet.')}</p>\n      ")
    parts.append("\n    </article>\n    ")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


@register.simple_tag
def report_values(values, initiatives) -> SafeString:
    """A progress report's values, "People reached: 250", each naming its
    initiative when the pledge has several (two initiatives may count the same
    indicator). ``values`` come with their indicator and its initiative
    (pledges.queries); in Python, as ``initiative`` is, for the same reason."""
    if not values:
        return mark_safe("")
    colon = escape(pgettext("between a label and its value", ":"))
    several = len(initiatives) > 1
    rows = []
    for value in values:
        label = escape(value.indicator)
        if several:
            label = f"{label} ({escape(value.indicator.initiative.title)})"
        rows.append(f"<li>{label}{colon} <strong>{grouped(value.value)}</strong></li>")
    return mark_safe(  # noqa: S308 (labels and titles are escaped, the numbers are ours)
        '<ul class="portal-report-values">\n          ' + "".join(rows) + "\n        </ul>"
    )
