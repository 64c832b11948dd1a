from django.contrib import admin

from coalition.models import Pillar


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    readonly_fields = ("slug",)
    ordering = ("position",)

    def has_add_permission(self, request) -> bool:  # the four pillars are fixed
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
