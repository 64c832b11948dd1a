"""The portal's feeds in return: per Member State, an Atom feed of its approved
pledges and national items, for national websites to show. Each entry is
marked with the language it is written in (``xml:lang``) where that is not
the feed's."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from coalition.demo import MEMBER_STATES
from coalition.feedgenerator import ContentLanguageAtom1Feed
from coalition.maps import country_names
from national import queries
from national.models import Item
from pledges.models import Pledge


class CountryFeed(Feed):
    feed_type = ContentLanguageAtom1Feed

    def get_object(self, request, country: str) -> str:
        code = country.upper()
        if code not in MEMBER_STATES or country != country.lower():
            raise Http404
        return code

    def title(self, code: str) -> str:
        return _("%(country)s: pledges and national news — %(site)s") % {
            "country": country_names()[code],
            "site": settings.SITE_NAME,
        }

    def subtitle(self, code: str) -> str:
        return _(
            "Approved pledges active in %(country)s and the content its national coalition shares."
        ) % {"country": country_names()[code]}

    def link(self, code: str) -> str:
        coalition = queries.NationalCoalition.objects.filter(country=code).first()
        if coalition is not None:
            return coalition.get_absolute_url()
        return queries.viewer_url(code)

    def items(self, code: str):
        entries = queries.country_feed_entries(code)
        for entry in entries:
            if isinstance(entry, Pledge):  # item_link only sees the entry
                entry.feed_link = reverse("pledges:detail", kwargs={"pk": entry.pk})
        return entries

    def item_title(self, entry) -> str:
        # The text alone, in the entry's language (xml:lang): what it is (a
        # pledge, news, an event...) is its category, in the feed's language.
        return entry.title

    def item_description(self, entry) -> str:
        if isinstance(entry, Pledge):
            return entry.summary
        return entry.summary_text

    def item_link(self, entry) -> str:
        if isinstance(entry, Pledge):
            return entry.feed_link
        return entry.get_absolute_url()

    def item_guid(self, entry) -> str:
        kind = "pledge" if isinstance(entry, Pledge) else "national-item"
        return f"{settings.SITE_URL}/{kind}/{entry.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        if isinstance(entry, Pledge):
            return entry.approved_at or entry.updated_at
        return entry.published_at or entry.created_at

    def item_updateddate(self, entry):
        return entry.updated_at

    def item_author_name(self, entry) -> str:
        if isinstance(entry, Pledge):
            return entry.organisation.name
        return entry.coalition.name

    def item_extra_kwargs(self, entry) -> dict:
        return {"content_language": entry.language}

    def item_categories(self, entry) -> list[str]:
        if isinstance(entry, Item):
            return [str(entry.get_kind_display())]
        return [_("Pledge")]
