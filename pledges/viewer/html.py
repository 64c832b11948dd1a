"""The Pledge Viewer's repeated markup: the facet options and the result rows.

About 80 options and 20 rows a request cost over a thousand template nodes
in `_viewer.html`; built here with f-strings they cost a small fraction of
that. The template keeps the page's structure and prints what these
return. Every value is escaped exactly as the template's autoescaping would
(`html.escape`, quotes included); labels come translated from the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from django.utils.safestring import mark_safe


def facet_options(name: str, options: Iterable[tuple[str, str, str, bool]], pledges: str) -> str:
    """The checkboxes of one facet: (value, label, count, checked) each, the
    count followed by a visually hidden `pledges` for screen readers."""
    name = escape(name)
    hidden = f'<span class="portal-visually-hidden"> {escape(pledges)}</span>'
    parts = []
    for value, label, count, checked in options:
        value = escape(value)
        parts.append(
            f'<div class="portal-facet__option"><input type="checkbox" id="f-{name}-{value}" '
            f'name="{name}" value="{value}"{" checked" if checked else ""}>'
            f'<label for="f-{name}-{value}">{escape(label)} '
            f'<span class="portal-facet__count">({escape(count)}{hidden})</span></label></div>'
        )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value is escaped above


def result_items(rows: Iterable[Mapping], labels: Mapping[str, str], *, pickable: bool) -> str:
    """The `<li>` of each result row (the dicts `viewer_views._rows` makes).
    `pickable` adds the checkbox that adds the pledge to a scoreboard."""
    status, dates = escape(labels["Status"]), escape(labels["Dates"])
    pillars, countries = escape(labels["Pillars"]), escape(labels["Countries"])
    reach, progress = escape(labels["Target reach"]), escape(labels["Progress"])
    reported, not_reported = escape(labels["Reported"]), escape(labels["Not yet reported"])
    choose = escape(labels["Choose"])
    parts = []
    for row in rows:
        title = escape(row["title"])
        pick = (
            f'<input type="checkbox" form="add-to-scoreboard" name="pledge" value="{row["pk"]}" '
            f'id="pick-{row["pk"]}" aria-label="{choose}: {title}"> '
            if pickable
            else ""
        )
        organisation = escape(row["organisation"])
        if row["organisation_url"]:
            organisation = (
                f'<a class="ecl-link" href="{escape(row["organisation_url"])}">{organisation}</a>'
            )
        facts = [f"<div><dt>{status}</dt><dd>{escape(row['status'])}</dd></div>"]
        if row["dates"]:
            facts.append(f"<div><dt>{dates}</dt><dd>{escape(row['dates'])}</dd></div>")
        if row["pillars"]:
            facts.append(f"<div><dt>{pillars}</dt><dd>{escape(row['pillars'])}</dd></div>")
        if row["countries"]:
            facts.append(f"<div><dt>{countries}</dt><dd>{escape(row['countries'])}</dd></div>")
        if row["reach"]:
            facts.append(f"<div><dt>{reach}</dt><dd>{escape(row['reach'])}</dd></div>")
        facts.append(
            f"<div><dt>{progress}</dt>"
            f"<dd>{reported if row['reported'] else not_reported}</dd></div>"
        )
        completed = " portal-result--completed" if row["completed"] else ""
        link = f'<a class="ecl-link ecl-link--standalone" href="{escape(row["url"])}">{title}</a>'
        parts.append(
            f'<li class="portal-result{completed}">\n'
            f'<h3 class="portal-result__title">{pick}{link}</h3>\n'
            f'<p class="portal-result__org">{organisation}</p>\n'
            f'<p class="portal-result__excerpt">{escape(row["excerpt"])}</p>\n'
            f'<dl class="portal-result__facts">\n{"\n".join(facts)}\n</dl>\n'
            "</li>"
        )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value is escaped above
