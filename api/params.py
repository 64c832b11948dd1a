"""The API's query parameters: their names, their allowed values (listed in the
OpenAPI document) and the one rule for everything else: a parameter the API
does not know, or a value it does not allow, is answered 400 with what was
wrong. (The Pledge Viewer, for people following old links, drops an unknown
option instead; a program that misspells ``contry=FR`` should hear about it
rather than get every pledge.)

The pledge filters are the Pledge Viewer's: the same names, the same options,
read from ``PledgeViewerFilter`` itself, and applied by it.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest, QueryDict
from django_countries import countries
from pydantic import BaseModel, Field

from coalition.demo import MEMBER_STATES
from members.models import Organisation
from national.models import Kind, Language
from pledges.viewer.filters import FACETS, SEARCH_MAX_LENGTH, PledgeViewerFilter, Sort

MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# Ids are PostgreSQL bigints: anything larger is no id (and no query).
MAX_ID = 2**63 - 1


class ParameterError(Exception):
    """Parameters the API refuses: [(parameter, message), ...]."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors))
        self.errors = errors


def _codes(name: str) -> tuple[str, ...]:
    """The option values of one of the viewer's filters."""
    choices = PledgeViewerFilter.base_filters[name].extra["choices"]
    if callable(choices):
        choices = choices()
    return tuple(str(value) for value, _label in choices)


def _literal(values) -> object:
    return Literal[tuple(values)]


def _options(what: str) -> object:
    return Field(
        default_factory=list,
        description=f"{what} (repeat the parameter for several: any of them matches).",
    )


PillarCode = _literal(_codes("pillar"))
CountryCode = _literal(_codes("country"))
GroupCode = _literal(_codes("group"))
ActionCode = _literal(_codes("action"))
DeliveryCode = _literal(_codes("delivery"))
SectorCode = _literal(_codes("sector"))
TypeCode = _literal(_codes("type"))
StatusCode = _literal(_codes("status"))
YearCode = _literal(_codes("year"))
SortCode = _literal(value for value, _label in Sort.CHOICES)


class Paging(BaseModel):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="The page, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Results per page."
    )


class PledgeFilters(BaseModel):
    """The Pledge Viewer's filters and search. Within one filter the options
    combine with OR, across filters with AND."""

    q: str = Field(
        "",
        max_length=SEARCH_MAX_LENGTH,
        description="Words from a pledge, its initiatives or its organisation "
        "(web search syntax: quotes for phrases, - to exclude, OR).",
    )
    pillar: list[PillarCode] = _options("Pillar")
    country: list[CountryCode] = _options(
        "Member State its initiatives cover (ISO 3166-1 alpha-2), EU for EU-wide"
    )
    group: list[GroupCode] = _options("Beneficiary group")
    action: list[ActionCode] = _options("Action type")
    delivery: list[DeliveryCode] = _options("Delivery mode")
    sector: list[SectorCode] = _options("Organisation sector")
    type: list[TypeCode] = _options("Organisation type")
    status: list[StatusCode] = _options("approved (ongoing) or completed")
    year: list[YearCode] = _options("Start year")

    def viewer_data(self) -> QueryDict:
        """The same request as the Pledge Viewer's parameters."""
        data = QueryDict(mutable=True)
        if self.q:
            data["q"] = self.q
        for name in FACETS:
            data.setlist(name, list(getattr(self, name)))
        return data


class PledgeSorting(BaseModel):
    sort: SortCode | None = Field(
        None,
        description="newest (first approved), reach (largest target reach), ending (end date), "
        "title (A to Z) or relevance (best match first; the default with a search, "
        "newest otherwise).",
    )


class OrganisationFilters(BaseModel):
    country: list[_literal(code for code, _name in countries)] = Field(
        default_factory=list, description="Country of its headquarters (ISO 3166-1 alpha-2)."
    )
    sector: list[_literal(Organisation.Sector.values)] = Field(
        default_factory=list, description="private, public or third."
    )
    type: list[_literal(Organisation.Type.values)] = Field(
        default_factory=list, description="Organisation type."
    )
    member: bool | None = Field(
        None, description="true: Coalition members only; false: organisations that are not."
    )


class ItemFilters(BaseModel):
    country: list[_literal(MEMBER_STATES)] = Field(
        default_factory=list, description="The Member State (ISO 3166-1 alpha-2)."
    )
    kind: list[_literal(Kind.values)] = Field(
        default_factory=list, description="What kind of content."
    )
    language: list[_literal(Language.values)] = Field(
        default_factory=list, description="The content's language (ISO 639-1)."
    )


def refuse_unknown(request: HttpRequest, *schemas: type[BaseModel]) -> None:
    """400 for a query parameter none of `schemas` declares."""
    known = {name for schema in schemas for name in schema.model_fields}
    unknown = [name for name in request.GET if name not in known]
    if unknown:
        raise ParameterError(
            [(name, "This parameter is not known here.") for name in dict.fromkeys(unknown)]
        )
