from django.contrib import admin
from django.db import transaction

from coalition.models import Pillar


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    readonly_fields = ("slug",)
    ordering = ("position",)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        # Cached viewer fragments and pledge pages print the pillars' names.
        from pledges.search_index import bump_generation

        transaction.on_commit(bump_generation)

    def has_add_permission(self, request) -> bool:  # the four pillars are fixed
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
