"""The coalition app's admin, and what every admin of the portal shares:
`CheckedDateLookups`, which every ModelAdmin of the portal mixes in."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from coalition.caching import bump_on_commit
from coalition.models import Pillar, PillarTranslation


class PillarTranslationInline(admin.StackedInline):
    """The pillar's name, short name and description in other languages; a
    language without one shows the English texts, marked as English."""

    model = PillarTranslation
    extra = 0
    fields = ("language", "name", "short_name", "description")


# What a date or time part can be; Python's dates end at year 9999.
DATE_PARTS = {
    "year": (1, 9999),
    "iso_year": (1, 9999),
    "quarter": (1, 4),
    "month": (1, 12),
    "week": (1, 53),
    "day": (1, 31),
    "week_day": (1, 7),
    "iso_week_day": (1, 7),
    "hour": (0, 23),
    "minute": (0, 59),
    "second": (0, 59),
}


class CheckedDateLookupsChangeList(ChangeList):
    """A change list that refuses a date part out of its range (a year such as
    99999999999999999999 in `?created_at__year=`, or in the date hierarchy) as
    Django refuses any other bad filter: IncorrectLookupParameters, which the
    admin answers with the list and "?e=1". Django itself turns such a year into
    a date only when it runs the query, where the error would be a 500."""

    def get_filters(self, request: HttpRequest):
        for key, values in request.GET.lists():
            parts = key.split(LOOKUP_SEP)
            # created_at__year, created_at__year__gte: the part follows a field name.
            candidates = [p for p in parts[1:][-2:] if p in DATE_PARTS]
            if not candidates:
                continue
            low, high = DATE_PARTS[candidates[0]]
            items = (
                [i for v in values for i in v.split(",")]
                if parts[-1] in ("in", "range")
                else values
            )
            for item in items:
                try:
                    number = int(item)
                except ValueError:
                    continue  # not a number: Django refuses it itself
                if not low <= number <= high:
                    raise IncorrectLookupParameters(f"{key}={item[:20]} is out of range")
        return super().get_filters(request)


class CheckedDateLookups:
    """Mix into every ModelAdmin: its change list refuses impossible dates."""

    def get_changelist(self, request: HttpRequest, **kwargs):
        return CheckedDateLookupsChangeList


@admin.register(Pillar)
class PillarAdmin(CheckedDateLookups, admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    readonly_fields = ("slug",)
    ordering = ("position",)
    inlines = (PillarTranslationInline,)

    def has_add_permission(self, request) -> bool:  # the four pillars are fixed
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        bump_on_commit()  # every page that names the pillars shows the new texts


# Third-party admins with date fields get the same checks.
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(CheckedDateLookups, DBTaskResultAdmin):
    pass
