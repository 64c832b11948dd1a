import django_filters
from django.utils.translation import gettext_lazy as _

from coalition.demo import MEMBER_STATES
from national.models import Item, Kind, Language


def member_state_choices():
    from coalition.maps import country_names

    names = country_names()
    return [(code, names[code]) for code in names if code in MEMBER_STATES]


class ItemFilter(django_filters.FilterSet):
    """The public lists' filters: country, kind and language (all optional)."""

    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=member_state_choices, empty_label=_("All countries")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of content"), choices=Kind.choices, empty_label=_("All kinds")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, empty_label=_("All languages")
    )

    class Meta:
        model = Item
        fields = ("country", "kind", "language")

    def __init__(self, *args, show_kind: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_kind:
            del self.filters["kind"]
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "ecl-select"
