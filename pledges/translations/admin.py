"""Organisations' translations of pledges in the admin: they show at once, and
moderators hide one that should not (visitors then read the original)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coalition.admin import CheckedDateLookups
from pledges.translations import services
from pledges.translations.models import PledgeTranslation


@admin.register(PledgeTranslation)
class PledgeTranslationAdmin(CheckedDateLookups, admin.ModelAdmin):
    list_display = ("title", "pledge", "language", "hidden", "updated_at")
    list_filter = ("hidden", "language")
    search_fields = ("title", "summary", "pledge__title", "pledge__organisation__name")
    list_select_related = ("pledge",)
    fields = ("pledge", "language", "title", "summary", "hidden", "created_by", "updated_at")
    readonly_fields = ("pledge", "language", "title", "summary", "created_by", "updated_at")
    actions = ("hide", "show")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # organisations write them, on their pledge's pages

    def save_model(self, request: HttpRequest, obj: PledgeTranslation, form: Any, change: bool):
        services.pledge_translation_set_hidden(translation=obj, hidden=obj.hidden)

    def _set_hidden(self, request: HttpRequest, queryset: QuerySet, hidden: bool) -> int:
        count = 0
        for translation in queryset.select_related("pledge"):
            services.pledge_translation_set_hidden(translation=translation, hidden=hidden)
            count += 1
        return count

    @admin.action(description=_("Hide the selected translations"), permissions=["change"])
    def hide(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_hidden(request, queryset, True)
        self.message_user(
            request,
            ngettext("%(count)d translation hidden.", "%(count)d translations hidden.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Show the selected translations again"), permissions=["change"])
    def show(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_hidden(request, queryset, False)
        self.message_user(
            request,
            ngettext(
                "%(count)d translation shown again.", "%(count)d translations shown again.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
