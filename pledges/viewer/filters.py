"""The Pledge Viewer's filters (django-filter) over the viewer rows (PledgeCard).

Within one filter the options combine with OR (pledges in Belgium or France),
across filters with AND. Every filter can be left out again by name, which is
how the facet counts apply "every other active filter".
"""

from __future__ import annotations

import copy

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names

from coalition.demo import MEMBER_STATES
from coalition.models import Pillar
from members.models import Organisation
from pledges.models import ActionType, BeneficiaryGroup, DeliveryMode, Pledge
from pledges.viewer.models import EU_WIDE, PledgeFacets, PledgeSearch
from pledges.viewer.read_model import SEARCH_CONFIG

SEARCH_MAX_LENGTH = 200
FIRST_YEAR, LAST_YEAR = 2015, 2040


def country_choices() -> list[tuple[str, str]]:
    """The Member States by name in the active language, then EU-wide (computed
    once per language and process: every viewer page lists them)."""
    language = get_language() or ""
    choices = _COUNTRY_CHOICES.get(language)
    if choices is None:
        names = sorted(
            ((code, str(country_names.name(code))) for code in MEMBER_STATES), key=_second
        )
        choices = _COUNTRY_CHOICES[language] = [*names, (EU_WIDE, str(_("EU-wide")))]
    return list(choices)


_COUNTRY_CHOICES: dict[str, list[tuple[str, str]]] = {}


def _second(pair: tuple[str, str]) -> str:
    return pair[1]


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
    stale bookmark (a pillar renamed, a typo in `country=XX`) still shows a page.

    Each form copies its fields; the copies share the options, which nothing
    changes in place (``field.choices = ...`` gives a copy its own): Django's
    deep copy of them was a fifth of the viewer form's cost."""

    def clean(self, value):
        value = [v for v in dict.fromkeys(self.to_python(value)) if self.valid_value(v)]
        return super().clean(value)

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)  # widget and messages, not the options


class SharedDefinition:
    """A filter that each FilterSet copies (``FilterSet.__init__`` deep-copies its
    filters) without copying what never changes once the class is made: its
    options, label and help text. The copy gets its own ``extra`` dict, its own
    method proxy (which finds the method on the copy's FilterSet) and no cached
    form field. The deep copies were a noticeable part of a viewer page."""

    def __deepcopy__(self, memo):
        clone = copy.copy(self)
        memo[id(self)] = clone
        clone.extra = dict(self.extra)
        clone.__dict__.pop("_field", None)
        clone.__dict__.pop("parent", None)
        clone.method = self.method  # a new FilterMethod bound to the clone
        return clone


class MultipleChoiceFilter(SharedDefinition, django_filters.MultipleChoiceFilter):
    field_class = MultipleChoiceField


class CharFilter(SharedDefinition, django_filters.CharFilter):
    pass


class PledgeViewerFilter(django_filters.FilterSet):
    q = CharFilter(
        label=_("Search pledges"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Words from a pledge, its initiatives or its organisation."),
    )
    pillar = MultipleChoiceFilter(label=_("Pillar"), choices=Pillar.Slug.choices, method="overlap")
    country = MultipleChoiceFilter(label=_("Country"), choices=country_choices, method="overlap")
    group = MultipleChoiceFilter(
        label=_("Beneficiary group"), choices=BeneficiaryGroup.choices, method="overlap"
    )
    action = MultipleChoiceFilter(
        label=_("Action type"), choices=ActionType.choices, method="overlap"
    )
    delivery = MultipleChoiceFilter(
        label=_("Delivery mode"), choices=DeliveryMode.choices, method="overlap"
    )
    sector = MultipleChoiceFilter(
        label=_("Organisation sector"), choices=Organisation.Sector.choices, method="one_of"
    )
    type = MultipleChoiceFilter(
        label=_("Organisation type"), choices=Organisation.Type.choices, method="one_of"
    )
    status = MultipleChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="one_of")
    year = MultipleChoiceFilter(label=_("Start year"), choices=YEAR_CHOICES, method="one_of")

    class Meta:
        model = PledgeFacets
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, **kwargs) -> None:
        # Filters, facet counts, totals and sorting read the narrow PledgeFacets.
        super().__init__(data, queryset=PledgeFacets.objects.all(), **kwargs)

    def get_form_class(self):
        """The form class, made once per FilterSet class: its fields come from the
        filters' definitions, the same for every request (django-filter makes the
        class again for each FilterSet)."""
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            cls._form_class = form_class
        return form_class

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


def search_query(text: str) -> SearchQuery | None:
    text = " ".join(text.split())
    if not text:
        return None
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
