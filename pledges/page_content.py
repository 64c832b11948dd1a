"""What a pledge page shows of a pledge, and the two ways it is read.

``PledgeContent`` is the page's data: the pledge with its organisation, its
partners, its initiatives (each with its pillars and its indicators, every
indicator with its ``approved_values``) and its reports (each with its values,
every value with its indicator and the indicator's initiative), and on the
public page the organisation's translations of its title and summary. The template
(templates/pledges/includes/pledge_body.html, through pledges.views) reads only
this, so both ways below give the same page.

- ``of_pledge(pledge)``: from a pledge loaded with ``pledges.queries.with_content``
  (the ORM, prefetched, read with ``.all()``): the editors' pages, the preview.
- ``public(pk)``: the public pledge page, in one statement (``_PAGE``):
  the same content, the organisation's badges and the navigation's pillars.
  Why one statement for the most visited page: through the ORM the page takes
  ten queries, and building them costs the web process several times what the
  database takes to answer them (docs/architecture.md gives the load test's
  figures). The statement's plan is kept by the connection like any other's
  (prepared statements, settings.DATABASES), so a change to the page is a
  change to the statement here, with no migration.
  Instances are built with ``Model.from_db()`` from the rows as PostgreSQL's
  ``to_json()`` writes them (every column, so a new field is read at once), and
  related objects are set through their public descriptors.
  ``tests/pledges/test_page_content.py`` holds the two ways to the same content.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from coalition.models import Pillar
from members.models import Organisation
from pledges import badges
from pledges.models import Indicator, Initiative, Pledge, ProgressReport, ReportedValue
from pledges.translations.models import PledgeTranslation


@dataclass(frozen=True)
class InitiativeContent:
    initiative: Initiative
    pillars: list[Pillar]  # in order
    indicators: list[Indicator]  # by id, each with its approved_values


@dataclass(frozen=True)
class ReportContent:
    report: ProgressReport
    values: list[ReportedValue]  # in the initiatives' order, each with its indicator


@dataclass(frozen=True)
class PledgeContent:
    pledge: Pledge  # with its organisation
    partners: list[Organisation]  # by name
    initiatives: list[InitiativeContent]  # by position
    reports: list[ReportContent]  # newest first
    # the organisation's translations of the title and summary that visitors
    # may see (not hidden; whether each translates the current wording is
    # pledges.translations.for_language()'s to decide); none on editors' pages
    translations: tuple[PledgeTranslation, ...] = ()

    @property
    def indicators(self) -> list[Indicator]:
        return [i for item in self.initiatives for i in item.indicators]


@dataclass(frozen=True)
class PublicPage:
    content: PledgeContent
    badges: list[badges.Badge]  # the organisation's
    pillars: list[Pillar]  # every pillar in order: the navigation's


def of_pledge(pledge: Pledge) -> PledgeContent:
    """The content of a pledge loaded with ``pledges.queries.with_content()`` (no query)."""
    return PledgeContent(
        pledge=pledge,
        partners=list(pledge.partners.all()),
        initiatives=[
            InitiativeContent(
                initiative=initiative,
                pillars=list(initiative.pillars.all()),
                indicators=list(initiative.indicators.all()),
            )
            for initiative in pledge.initiatives.all()
        ],
        reports=[
            ReportContent(report=report, values=list(report.values.all()))
            for report in pledge.reports.all()
        ],
    )


# Orders and rules as in pledges.queries.with_content() and pledges.badges; the
# statuses are parameters.
_PAGE = f"""
SELECT json_build_object(
  'pledge', to_json(p),
  'organisation', to_json(o),
  'badges', json_build_array({badges.EARNED.format(organisation="o.id")}),
  'pillars', (
    SELECT coalesce(json_agg(pl ORDER BY pl.position, pl.id), '[]') FROM coalition_pillar pl
  ),
  'partners', (
    SELECT coalesce(json_agg(po ORDER BY po.name, po.id), '[]')
    FROM pledges_pledge_partners pp JOIN members_organisation po ON po.id = pp.organisation_id
    WHERE pp.pledge_id = p.id
  ),
  'initiatives', (
    SELECT coalesce(json_agg(json_build_object(
      'row', i,
      'pillar_ids', (
        SELECT coalesce(json_agg(ip.pillar_id), '[]')
        FROM pledges_initiative_pillars ip WHERE ip.initiative_id = i.id
      ),
      'indicators', (
        SELECT coalesce(json_agg(json_build_object(
          'row', ind,
          'approved_values', (
            SELECT coalesce(json_agg(v ORDER BY v.id), '[]')
            FROM pledges_reportedvalue v
            JOIN pledges_progressreport r ON r.id = v.report_id AND r.status = %(approved)s
            WHERE v.indicator_id = ind.id
          )
        ) ORDER BY ind.id), '[]')
        FROM pledges_indicator ind WHERE ind.initiative_id = i.id
      )
    ) ORDER BY i.position, i.id), '[]')
    FROM pledges_initiative i WHERE i.pledge_id = p.id
  ),
  'reports', (
    SELECT coalesce(json_agg(json_build_object(
      'row', r,
      'values', (
        SELECT coalesce(json_agg(v ORDER BY vi.position, vi.id, v.indicator_id), '[]')
        FROM pledges_reportedvalue v
        JOIN pledges_indicator vind ON vind.id = v.indicator_id
        JOIN pledges_initiative vi ON vi.id = vind.initiative_id
        WHERE v.report_id = r.id
      )
    ) ORDER BY r.period_end DESC, r.id DESC), '[]')
    FROM pledges_progressreport r WHERE r.pledge_id = p.id
  ),
  'translations', (
    SELECT coalesce(json_agg(t ORDER BY t.language), '[]')
    FROM pledges_pledgetranslation t WHERE t.pledge_id = p.id AND NOT t.hidden
  )
)
FROM pledges_pledge p JOIN members_organisation o ON o.id = p.organisation_id
WHERE p.id = %(pledge)s
"""  # noqa: S608 (the only text put in is the organisation's column name)


def public(pk: int, *, now: datetime.datetime | None = None) -> PublicPage | None:
    """The public pledge page's content, the organisation's badges and every
    pillar, in one statement; None when there is no such pledge."""
    with connection.cursor() as cursor:
        cursor.execute(_PAGE, {"pledge": pk, **badges.parameters(now or timezone.now())})
        row = cursor.fetchone()
    data = row[0] if row else None
    if data is None:
        return None
    organisation = _from_row(Organisation, data["organisation"])
    pledge = _from_row(Pledge, data["pledge"])
    pledge.organisation = organisation
    pillars = [_from_row(Pillar, item) for item in data["pillars"]]
    pillar_by_id = {pillar.pk: pillar for pillar in pillars}
    initiatives, indicator_by_id = [], {}
    for item in data["initiatives"]:
        initiative = _from_row(Initiative, item["row"])
        indicators = []
        for entry in item["indicators"]:
            indicator = _from_row(Indicator, entry["row"])
            indicator.initiative = initiative
            indicator.approved_values = [
                _from_row(ReportedValue, value) for value in entry["approved_values"]
            ]
            indicator_by_id[indicator.pk] = indicator
            indicators.append(indicator)
        chosen = [pillar_by_id[i] for i in item["pillar_ids"] if i in pillar_by_id]
        initiatives.append(
            InitiativeContent(
                initiative=initiative,
                pillars=sorted(chosen, key=lambda pillar: (pillar.position, pillar.pk)),
                indicators=indicators,
            )
        )
    reports = []
    for item in data["reports"]:
        report = _from_row(ProgressReport, item["row"])
        values = []
        for entry in item["values"]:
            value = _from_row(ReportedValue, entry)
            if value.indicator_id in indicator_by_id:  # always, unless the data is broken
                value.indicator = indicator_by_id[value.indicator_id]
            values.append(value)
        reports.append(ReportContent(report=report, values=values))
    content = PledgeContent(
        pledge=pledge,
        partners=[_from_row(Organisation, item) for item in data["partners"]],
        initiatives=initiatives,
        reports=reports,
        translations=tuple(_from_row(PledgeTranslation, item) for item in data["translations"]),
    )
    return PublicPage(
        content=content,
        badges=badges.earned(organisation, *data["badges"]),
        pillars=pillars,
    )


def _from_row(model: type[Model], row: dict) -> Model:
    """An instance of ``model`` from its row as ``to_json()`` wrote it (column
    names as keys; dates and times as text, which each field's ``to_python()``
    reads), made as the ORM makes one it loaded (``Model.from_db()``)."""
    fields = model._meta.concrete_fields
    return model.from_db(
        connection.alias,
        [field.attname for field in fields],
        [field.to_python(row[field.column]) for field in fields],
    )
