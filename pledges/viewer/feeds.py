"""Atom feeds of newly approved pledges: all, per pillar and per country."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coalition.feedgenerator import ContentLanguageAtom1Feed
from coalition.models import Pillar
from pledges.viewer.filters import country_choices
from pledges.viewer.models import EU_WIDE, PledgeCard

ITEMS = 50


class NewPledgesFeed(Feed):
    feed_type = ContentLanguageAtom1Feed
    title = _("Newly approved pledges — Digital Skills and Jobs Coalition")
    subtitle = _("Pledges the Coalition has just approved.")

    def link(self, obj=None) -> str:
        return reverse("pledges:viewer")

    def filters(self, obj) -> dict:
        return {}

    def items(self, obj=None):
        return list(
            PledgeCard.objects.filter(**self.filters(obj))
            .order_by("-approved_at", "-pledge_id")
            .only("pledge_id", "title", "excerpt", "organisation_name", "approved_at")
            .annotate(pledge_language=F("pledge__language"))[:ITEMS]
        )

    def item_extra_kwargs(self, item: PledgeCard) -> dict:
        return {"content_language": item.pledge_language}

    def item_title(self, item: PledgeCard) -> str:
        return item.title

    def item_description(self, item: PledgeCard) -> str:
        return item.excerpt

    def item_link(self, item: PledgeCard) -> str:
        return reverse("pledges:detail", kwargs={"pk": item.pledge_id})

    def item_author_name(self, item: PledgeCard) -> str:
        return item.organisation_name

    def item_pubdate(self, item: PledgeCard):
        return item.approved_at

    def item_updateddate(self, item: PledgeCard):
        return item.approved_at


class PillarPledgesFeed(NewPledgesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Pillar:
        try:
            return Pillar.objects.get(slug=slug)
        except Pillar.DoesNotExist as exc:
            raise Http404 from exc

    def title(self, obj: Pillar) -> str:
        return gettext("Newly approved pledges: %(pillar)s") % {"pillar": obj.name}

    def link(self, obj: Pillar) -> str:
        return obj.get_absolute_url()

    def filters(self, obj: Pillar) -> dict:
        return {"pillars__contains": [obj.slug]}


class CountryPledgesFeed(NewPledgesFeed):
    def get_object(self, request: HttpRequest, code: str) -> tuple[str, str]:
        names = dict(country_choices())
        if code.upper() not in names:
            raise Http404
        return code.upper(), names[code.upper()]

    def title(self, obj: tuple[str, str]) -> str:
        if obj[0] == EU_WIDE:
            return gettext("Newly approved EU-wide pledges")
        return gettext("Newly approved pledges in %(country)s") % {"country": obj[1]}

    def link(self, obj: tuple[str, str]) -> str:
        return reverse("viewer:country", kwargs={"code": obj[0].lower()})

    def filters(self, obj: tuple[str, str]) -> dict:
        return {"countries__contains": [obj[0]]}
