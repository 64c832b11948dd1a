from django.contrib import admin

from coalition.caching import bump_on_commit
from coalition.models import Pillar, PillarTranslation


class PillarTranslationInline(admin.StackedInline):
    """The pillar's name, short name and description in other languages; a
    language without one shows the English texts, marked as English."""

    model = PillarTranslation
    extra = 0
    fields = ("language", "name", "short_name", "description")


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
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
