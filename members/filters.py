"""The public member directory's filters (django-filter)."""

from __future__ import annotations

import unicodedata

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from members import queries
from members.models import Organisation


class MemberDirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"), field_name="name", lookup_expr="icontains", max_length=100
    )
    country = django_filters.ChoiceFilter(label=_("Country"), empty_label=_("All countries"))
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Organisation.Sector.choices, empty_label=_("All sectors")
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"), choices=Organisation.Type.choices, empty_label=_("All types")
    )

    class Meta:
        model = Organisation
        fields = ("q", "country", "sector", "type")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # By name in the page's language, as people look for them: Denmark
        # before Germany (not DE before DK), "Österreich" among the Os.
        self.filters["country"].extra["choices"] = sorted(
            ((code, str(countries.name(code))) for code in queries.member_countries()),
            key=lambda choice: _sort_key(choice[1]),
        )


def _sort_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def filter_directory(data: object) -> MemberDirectoryFilter:
    return MemberDirectoryFilter(data, queryset=queries.member_directory())  # type: ignore[arg-type]
