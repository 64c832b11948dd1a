"""The Pledge Viewer's filters (django-filter) over the viewer rows (PledgeCard).

Within one filter the options combine with OR (pledges in Belgium or France),
across filters with AND. Every filter can be left out again by name, which is
how the facet counts apply "every other active filter".
"""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db.models import QuerySet
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names

from coalition.demo import MEMBER_STATES
from coalition.models import Pillar
from members.models import Organisation
from pledges.models import ActionType, BeneficiaryGroup, DeliveryMode, Pledge
from pledges.translations.search import visitor_search_query
from pledges.viewer.models import EU_WIDE, PledgeFacets, PledgeSearch

SEARCH_MAX_LENGTH = 200
FIRST_YEAR, LAST_YEAR = 2015, 2040


def _country_name(code: str) -> str:
    return str(country_names.name(code))


# The viewer's countries, their names translated when read: checking a request's
# options needs the codes alone.
COUNTRY_OPTIONS = [(code, lazy(_country_name, str)(code)) for code in MEMBER_STATES] + [
    (EU_WIDE, _("EU-wide"))
]


def country_choices() -> list[tuple[str, str]]:
    """The Member States by name in the active language, then EU-wide."""
    *states, eu_wide = COUNTRY_OPTIONS
    names = sorted(((code, str(name)) for code, name in states), key=_second)
    return [*names, (eu_wide[0], str(eu_wide[1]))]


def _second(pair: tuple[str, str]) -> str:
    return pair[1]


def options(choices) -> Callable[[], object]:
    """``choices`` as a callable, which Django's choice fields take: every request
    copies the viewer's filters and form fields (django-filter, Django forms),
    and a function is copied as it is where a list is copied option by option."""
    return lambda: choices


class Sort:
    NEWEST = "newest"
    REACH = "reach"
    ENDING = "ending"
    TITLE = "title"
    RELEVANCE = "relevance"
    CHOICES = (
        (NEWEST, _("Newest first")),
        (REACH, _("Largest target reach")),
        (ENDING, _("Ending soon")),
        (TITLE, _("A to Z")),
        (RELEVANCE, _("Best match (with a search)")),
    )
    ORDER = {
        NEWEST: ("-approved_at", "-pledge_id"),
        REACH: ("-target_reach", "-pledge_id"),
        ENDING: ("end_date", "pledge_id"),
        TITLE: ("sort_title", "pledge_id"),
    }


STATUS_CHOICES = (
    (Pledge.Status.APPROVED, _("Ongoing")),
    (Pledge.Status.COMPLETED, _("Completed")),
)
YEAR_CHOICES = [(str(y), str(y)) for y in range(FIRST_YEAR, LAST_YEAR + 1)]

# name in the URL -> PledgeCard column; "array" columns match any chosen option.
FACETS: dict[str, tuple[str, bool]] = {
    "pillar": ("pillars", True),
    "country": ("countries", True),
    "group": ("beneficiary_groups", True),
    "action": ("action_types", True),
    "delivery": ("delivery_modes", True),
    "sector": ("organisation_sector", False),
    "type": ("organisation_type", False),
    "status": ("status", False),
    "year": ("start_year", False),
}


class MultipleChoiceField(forms.MultipleChoiceField):
    """Drops duplicate and unknown options instead of rejecting the whole form, so a
    stale bookmark (a pillar renamed, a typo in `country=XX`) still shows a page."""

    def clean(self, value):
        value = [v for v in dict.fromkeys(self.to_python(value)) if self.valid_value(v)]
        return super().clean(value)


class MultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = MultipleChoiceField


class PledgeViewerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search pledges"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Words from a pledge, its initiatives or its organisation."),
    )
    pillar = MultipleChoiceFilter(
        label=_("Pillar"), choices=options(Pillar.Slug.choices), method="overlap"
    )
    country = MultipleChoiceFilter(
        label=_("Country"), choices=options(COUNTRY_OPTIONS), method="overlap"
    )
    group = MultipleChoiceFilter(
        label=_("Beneficiary group"), choices=options(BeneficiaryGroup.choices), method="overlap"
    )
    action = MultipleChoiceFilter(
        label=_("Action type"), choices=options(ActionType.choices), method="overlap"
    )
    delivery = MultipleChoiceFilter(
        label=_("Delivery mode"), choices=options(DeliveryMode.choices), method="overlap"
    )
    sector = MultipleChoiceFilter(
        label=_("Organisation sector"),
        choices=options(Organisation.Sector.choices),
        method="one_of",
    )
    type = MultipleChoiceFilter(
        label=_("Organisation type"), choices=options(Organisation.Type.choices), method="one_of"
    )
    status = MultipleChoiceFilter(
        label=_("Status"), choices=options(STATUS_CHOICES), method="one_of"
    )
    year = MultipleChoiceFilter(
        label=_("Start year"), choices=options(YEAR_CHOICES), method="one_of"
    )

    class Meta:
        model = PledgeFacets
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, **kwargs) -> None:
        # Filters, facet counts, totals and sorting read the narrow PledgeFacets.
        super().__init__(data, queryset=PledgeFacets.objects.all(), **kwargs)

    def overlap(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(**{f"{FACETS[name][0]}__overlap": value})

    def one_of(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(**{f"{FACETS[name][0]}__in": value})

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        query = search_query(value)
        if query is None:
            return queryset
        matches = PledgeSearch.objects.filter(search_vector=query).values("pledge_id")
        return queryset.filter(pledge_id__in=matches)

    # --- what the viewer needs beyond django-filter --------------------------

    def queryset_without(self, facet: str | None) -> QuerySet:
        """The rows every active filter except `facet` lets through (unordered)."""
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name != facet:
                queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()

    def active(self) -> dict[str, list[str]]:
        """The chosen options per facet (valid ones only)."""
        data = self.form.cleaned_data if self.is_valid() else {}
        return {name: list(data.get(name) or []) for name in FACETS if data.get(name)}

    def search_text(self) -> str:
        return (self.form.cleaned_data.get("q") or "").strip() if self.is_valid() else ""


def search_query(text: str, *, language: str | None = None) -> SearchQuery | None:
    """The search ``text`` from a page in ``language`` (by default the active
    one) as a full-text query over the viewer's search vectors: the words as
    written in any language, and in any form in the page's language
    (``pledges.translations.search``); None for no words."""
    return visitor_search_query(text, language=language or get_language())
