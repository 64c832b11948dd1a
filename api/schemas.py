"""What the API answers, as pydantic models: they validate each answer and
describe it in the OpenAPI document.

Codes, not labels: pillars, countries (ISO 3166-1 alpha-2, ``EU`` for EU-wide),
beneficiary groups, action types, delivery modes, sectors, types and statuses are
the codes of the Pledge Viewer's filters and the downloads; ``/indicators`` and
``/pillars`` give the English names. The API holds no personal data: no people,
no contact addresses.

The answers are plain pydantic models, not django-ninja's ``Schema``: the views
build dicts, and ``Schema`` reads every field of every row through its
attribute-lookup wrapper (for model instances), which cost more than the rest
of a page of pledges; pydantic-core validates dicts on its own.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class RefusedParameter(BaseModel):
    parameter: str
    message: str


class Error(BaseModel):
    detail: str = Field(description="What went wrong, in plain words.")
    errors: list[RefusedParameter] = Field(
        default_factory=list, description="Each parameter that was refused, and why."
    )


class Links(BaseModel):
    url: str = Field(description="The public web page.")
    api_url: str = Field(description="This resource in the API.")


# --- Pledges -----------------------------------------------------------------


_GROUP = "Sum over the approved values that give a {} breakdown; null: not recorded."


class BreakdownGroups(BaseModel):
    """Who the people an indicator counts are, as approved reports say: each
    group's sum over the values that give that dimension (gender or age). A
    value reported without a breakdown is in none of the groups."""

    women: int | None = Field(description=_GROUP.format("gender"))
    men: int | None = Field(description=_GROUP.format("gender"))
    gender_other: int | None = Field(
        description="Other or not recorded. " + _GROUP.format("gender")
    )
    age_under_25: int | None = Field(description=_GROUP.format("age"))
    age_25_to_54: int | None = Field(description=_GROUP.format("age"))
    age_55_and_over: int | None = Field(description=_GROUP.format("age"))
    age_not_recorded: int | None = Field(
        description="Age not recorded (in an age breakdown). " + _GROUP.format("age")
    )


class BreakdownTotals(BaseModel):
    """The breakdown of an achieved total: each group's sum (0 where none was
    given), and the part of the total reported without a gender (an age)
    breakdown, which is not recorded."""

    women: int
    men: int
    gender_other: int = Field(description="Other or not recorded, as a breakdown gave it.")
    without_gender: int = Field(description="Reported without a gender breakdown.")
    age_under_25: int
    age_25_to_54: int
    age_55_and_over: int
    age_not_recorded: int = Field(description="Age not recorded, as a breakdown gave it.")
    without_age: int = Field(description="Reported without an age breakdown.")


class IndicatorTotal(BaseModel):
    kind: str = Field(description="A standard indicator's code (see /indicators).")
    target: int = Field(description="Sum of the pledge's targets for this indicator.")
    achieved: int | None = Field(
        description="Sum of the values in approved progress reports; null: not yet reported."
    )
    breakdown: BreakdownGroups | None = Field(
        description="For the indicators that count people (takes_breakdown in /indicators): "
        "the gender and age groups, as the downloads' <group>_<indicator> columns; "
        "null for the others."
    )


class OrganisationRef(Links):
    id: int
    slug: str
    name: str


class PledgeSummary(Links):
    """A pledge as the downloads describe it: the same fields as a row of
    /en/pledges/export.json (``organisation`` nested, ``indicators`` for its
    ``target_*`` and ``achieved_*`` columns)."""

    id: int = Field(description="The pledge's stable number.")
    title: str
    organisation: OrganisationRef
    organisation_sector: str
    organisation_type: str
    organisation_country: str = Field(description="ISO 3166-1 alpha-2 code of its headquarters.")
    partners: str = Field(description="Partner organisations' names, separated by commas.")
    status: str = Field(description="approved (ongoing) or completed.")
    approved_at: dt.datetime | None = Field(description="When it was first approved.")
    start_date: dt.date | None
    end_date: dt.date | None
    pillars: list[str]
    countries: list[str] = Field(description="Member States its initiatives cover; EU: EU-wide.")
    beneficiary_groups: list[str]
    action_types: list[str]
    delivery_modes: list[str]
    initiatives: int = Field(description="Number of initiatives.")
    target_reach: int = Field(description="Sum of the targets of the indicators counting people.")
    has_reported: bool = Field(description="A progress report has been approved.")
    indicators: list[IndicatorTotal] = Field(
        description="Each standard indicator with a target, in the order of /indicators."
    )


class Page(BaseModel):
    count: int = Field(description="How many match, on every page.")
    page: int
    pages: int
    page_size: int
    next: str | None = Field(description="The next page's address; null on the last page.")
    previous: str | None = Field(description="The previous page's address; null on the first.")


class PledgePage(Page):
    results: list[PledgeSummary]


class FacetTotal(BaseModel):
    kind: str
    target: int
    achieved: int
    breakdown: BreakdownTotals | None = Field(
        description="For an indicator that counts people, with an achieved value: its "
        "breakdown over the matching pledges; null otherwise."
    )


class PledgeTotals(BaseModel):
    pledges: int = Field(description="How many pledges match.")
    not_reported: int = Field(description="How many of them have no approved progress report.")
    indicators: list[FacetTotal] = Field(
        description="Per standard indicator with a target: the sums over the matching pledges "
        "(achieved counts approved reports only)."
    )
    facets: dict[str, dict[str, int]] = Field(
        description="For each filter, each option's number of pledges with every *other* "
        "active filter (and the search) applied: the Pledge Viewer's counts."
    )


class IndicatorProgress(BaseModel):
    id: int
    kind: str = Field(description="A code of /indicators, or custom.")
    name: str = Field(description="The indicator's English name, or the custom indicator's.")
    target: int
    achieved: int | None = Field(
        description="Sum of the values in approved progress reports; null: not yet reported."
    )
    breakdown: BreakdownTotals | None = Field(
        description="For an indicator that counts people, with an achieved value: the "
        "breakdown of its approved values; null otherwise."
    )


class InitiativeOut(BaseModel):
    id: int
    title: str
    description: str
    pillars: list[str]
    countries: list[str]
    eu_wide: bool
    beneficiary_groups: list[str]
    action_types: list[str]
    delivery_mode: str | None
    link: str | None
    indicators: list[IndicatorProgress]


class ReportedValueOut(BaseModel):
    indicator: int = Field(description="The indicator's id.")
    value: int
    breakdown: BreakdownGroups = Field(
        description="The value's gender and age groups; null where not recorded."
    )


class ReportOut(BaseModel):
    id: int
    period_start: dt.date
    period_end: dt.date
    narrative: str
    evidence_url: str | None
    approved_at: dt.datetime | None
    values: list[ReportedValueOut]


class PledgeDetail(Links):
    id: int
    title: str
    summary: str
    beyond_day_to_day: str
    status: str
    approved_at: dt.datetime | None
    start_date: dt.date | None
    end_date: dt.date | None
    organisation: OrganisationRef
    partners: list[OrganisationRef]
    initiatives: list[InitiativeOut]
    reports: list[ReportOut] = Field(description="Approved progress reports, latest period first.")


# --- Organisations -----------------------------------------------------------


class OrganisationSummary(Links):
    id: int = Field(description="The organisation's stable number (its slug may change).")
    slug: str
    name: str
    sector: str
    type: str
    size: str
    country: str = Field(description="ISO 3166-1 alpha-2 code of its headquarters.")
    website: str | None
    member_since: dt.datetime | None = Field(
        description="When its Coalition membership was accepted; null: not a member."
    )
    public_pledges: int = Field(description="Its approved and completed pledges.")


class OrganisationPage(Page):
    results: list[OrganisationSummary]


class PledgeRef(Links):
    id: int
    title: str


class OrganisationDetail(OrganisationSummary):
    description: str
    logo: str | None = Field(description="The address of its logo.")
    pledges: list[PledgeRef] = Field(description="Its public pledges, newest first.")


# --- National coalitions and their content -----------------------------------


class CoalitionOut(Links):
    id: int
    country: str = Field(description="ISO 3166-1 alpha-2 code of its Member State.")
    name: str
    slug: str
    description: str
    website: str | None
    launched_on: dt.date | None
    language: str = Field(description="Its main language (ISO 639-1).")
    partners: list[OrganisationRef]
    content: int = Field(description="How many published content items it has.")


class CoalitionRef(BaseModel):
    id: int
    country: str
    name: str
    api_url: str


class ItemOut(Links):
    id: int
    coalition: CoalitionRef
    kind: str = Field(description="policies, initiatives, best-practices, training, events, ...")
    title: str
    summary: str = Field(description="Plain text.")
    link: str | None = Field(description="Where the item is published.")
    language: str = Field(description="ISO 639-1 code.")
    starts_on: dt.date | None
    ends_on: dt.date | None
    deadline: dt.date | None
    location: str
    published_at: dt.datetime | None


class ItemPage(Page):
    results: list[ItemOut]


# --- Reference lists ---------------------------------------------------------


class PillarOut(BaseModel):
    slug: str
    url: str = Field(description="The pillar's page.")
    name: str
    short_name: str
    description: str
    position: int


class IndicatorKind(BaseModel):
    kind: str
    name: str
    counts_people: bool = Field(description="Its targets add up to a pledge's target_reach.")
    takes_breakdown: bool = Field(
        description="Its achieved values may give a gender and age breakdown."
    )
    columns: list[str] = Field(description="Its columns in the CSV and JSON downloads.")


class Index(BaseModel):
    openapi: str
    docs: str
    catalogue: list[str]
    endpoints: dict[str, str]
