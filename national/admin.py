from __future__ import annotations

from django.contrib import admin
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coalition.admin import CheckedDateLookups
from coalition.maps import country_names
from members.logos import store_logo
from national import services, tasks
from national.forms import CoalitionAdminForm
from national.models import DigitalDecadeRelease, Feed, Item, NationalCoalition


def _health(feed: Feed) -> str:
    if not feed.is_active:
        return format_html('<span class="portal-admin-muted">{}</span>', _("Paused"))
    if feed.last_checked_at is None:
        return format_html('<span class="portal-admin-muted">{}</span>', _("Not harvested yet"))
    if feed.is_healthy:
        return format_html('<strong class="portal-admin-ok">{}</strong>', _("OK"))
    return format_html(
        '<strong class="portal-admin-failing">{}</strong>',
        ngettext(
            "Failed %(count)d time in a row", "Failed %(count)d times in a row",
            feed.consecutive_failures,
        ) % {"count": feed.consecutive_failures},
    )  # fmt: skip


class MemberStateFilter(admin.SimpleListFilter):
    """Countries that hold items, by name (the default lists every country in the world)."""

    title = _("country")
    parameter_name = "country__exact"

    def lookups(self, request, model_admin):
        present = set(
            model_admin.get_queryset(request)
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        return [(code, name) for code, name in country_names().items() if code in present]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(country=self.value())
        return queryset


class FeedInline(admin.StackedInline):
    model = Feed
    extra = 0
    fields = (
        "kind",
        "url",
        "is_active",
        "health",
        "last_success_at",
        "last_checked_at",
        "consecutive_failures",
        "last_error",
    )
    readonly_fields = (
        "health",
        "last_success_at",
        "last_checked_at",
        "consecutive_failures",
        "last_error",
    )

    @admin.display(description=_("health"))
    def health(self, feed: Feed) -> str:
        return _health(feed) if feed.pk else "—"


@admin.register(NationalCoalition)
class NationalCoalitionAdmin(CheckedDateLookups, admin.ModelAdmin):
    form = CoalitionAdminForm
    list_display = ("name", "country", "trusted", "launched_on", "feeds_failing", "pending_items")
    list_filter = ("trusted", "country")
    search_fields = ("name", "slug", "contact_email")
    prepopulated_fields = {"slug": ("name",)}
    raw_id_fields = ("partners", "editors")
    inlines = (FeedInline,)
    fieldsets = (
        (None, {"fields": ("country", "name", "slug", "description", "language")}),
        (_("Contact"), {"fields": ("website", "contact_name", "contact_email", "logo")}),
        (_("Coalition"), {"fields": ("launched_on", "partners", "editors", "trusted")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.processed_logo is not None:
            store_logo(file=obj.logo, logo=form.processed_logo, stem=obj.slug)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "logo":
            # The admin puts a file input in a fieldset whose legend names it,
            # which leaves the input itself without a label.
            formfield.widget.attrs["aria-label"] = capfirst(db_field.verbose_name)
        return formfield

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                failing=Count(
                    "feeds",
                    filter=Q(feeds__is_active=True, feeds__consecutive_failures__gt=0),
                    distinct=True,
                ),
                pending=Count("items", filter=Q(items__state=Item.State.PENDING), distinct=True),
            )
        )

    @admin.display(description=_("failing feeds"), ordering="failing")
    def feeds_failing(self, coalition) -> int:
        return coalition.failing

    @admin.display(description=_("items to moderate"), ordering="pending")
    def pending_items(self, coalition) -> int:
        return coalition.pending


@admin.register(Feed)
class FeedAdmin(CheckedDateLookups, admin.ModelAdmin):
    list_display = (
        "coalition",
        "kind",
        "url",
        "is_active",
        "health",
        "last_success_at",
        "consecutive_failures",
    )
    list_filter = ("is_active", "kind", "coalition__country")
    list_select_related = ("coalition",)
    search_fields = ("url", "coalition__name")
    readonly_fields = (
        "etag",
        "last_modified",
        "last_checked_at",
        "last_success_at",
        "last_error",
        "last_error_at",
        "consecutive_failures",
        "entries_seen",
    )
    actions = ("harvest_now",)

    @admin.display(description=_("health"))
    def health(self, feed: Feed) -> str:
        return _health(feed)

    @admin.action(description=_("Harvest the selected feeds now"), permissions=("change",))
    def harvest_now(self, request, queryset):
        # The background worker fetches: a slow website may take the whole feed
        # timeout, which a web request (and gunicorn's worker timeout) cannot spare.
        ids = list(queryset.values_list("pk", flat=True))
        transaction.on_commit(lambda: tasks.harvest_selected_feeds.enqueue(ids))
        self.message_user(
            request,
            ngettext(
                "%(count)d feed queued for harvest: its health shows the result once "
                "the background worker has fetched it.",
                "%(count)d feeds queued for harvest: their health shows the result once "
                "the background worker has fetched them.",
                len(ids),
            )
            % {"count": len(ids)},
        )


@admin.register(Item)
class ItemAdmin(CheckedDateLookups, admin.ModelAdmin):
    list_display = (
        "title",
        "coalition",
        "kind",
        "country",
        "language",
        "source",
        "state",
        "starts_on",
        "published_at",
    )
    list_filter = ("state", "kind", "source", MemberStateFilter, "language")
    list_select_related = ("coalition",)
    search_fields = ("title", "summary", "guid")
    date_hierarchy = "created_at"
    actions = ("approve", "reject", "back_to_moderation")
    readonly_fields = (
        "source",
        "feed",
        "guid",
        "created_by",
        "moderated_by",
        "moderated_at",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (
            None,
            {"fields": ("coalition", "kind", "title", "summary", "link", "language", "country")},
        ),
        (_("Dates and place"), {"fields": ("starts_on", "ends_on", "deadline", "location")}),
        (_("Moderation"), {"fields": ("state", "moderated_by", "moderated_at")}),
        (
            _("Origin"),
            {"fields": ("source", "feed", "guid", "published_at", "created_by", "created_at")},
        ),
    )

    def _moderate(self, request, queryset, state: str) -> None:
        changed = services.items_moderate(
            items=queryset, moderator=request.user, state=state, now=timezone.now()
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d item is now “%(state)s”.",
                "%(count)d items are now “%(state)s”.",
                changed,
            )
            % {"count": changed, "state": Item.State(state).label},
        )

    @admin.action(description=_("Approve the selected items"), permissions=("change",))
    def approve(self, request, queryset):
        self._moderate(request, queryset, Item.State.APPROVED)

    @admin.action(description=_("Reject the selected items"), permissions=("change",))
    def reject(self, request, queryset):
        self._moderate(request, queryset, Item.State.REJECTED)

    @admin.action(
        description=_("Send the selected items back to moderation"), permissions=("change",)
    )
    def back_to_moderation(self, request, queryset):
        self._moderate(request, queryset, Item.State.PENDING)

    def save_model(self, request, obj, form, change):
        if "state" in form.changed_data:
            obj.moderated_by, obj.moderated_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Moderators read the summary as people see it; say so without the
        # harvest's technical terms (the model's help text is for developers).
        if db_field.name == "summary":
            kwargs["help_text"] = _(
                "As the coalition typed it, or as its website published it (links and "
                "simple formatting kept, anything else removed)."
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(DigitalDecadeRelease)
class DigitalDecadeReleaseAdmin(CheckedDateLookups, admin.ModelAdmin):
    """The Eurostat datasets loaded (``manage.py load_digital_decade``), to see
    what the country pages cite; read-only, since the files are the source."""

    list_display = ("dataset", "label", "updated", "figures", "loaded_at")
    readonly_fields = ("dataset", "label", "updated", "source_url", "loaded_at")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(figure_count=Count("figures"))

    @admin.display(description=_("figures"), ordering="figure_count")
    def figures(self, release: DigitalDecadeRelease) -> int:
        return release.figure_count

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
