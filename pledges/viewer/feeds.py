"""Atom feeds of newly approved pledges: all (narrowed by the Pledge Viewer's
own filters when the address carries them, as its CSV and JSON are), per
pillar and per country."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coalition.feedgenerator import ContentLanguageAtom1Feed
from coalition.models import Pillar
from pledges.viewer.exports import bad_filters
from pledges.viewer.filters import PledgeViewerFilter, country_choices
from pledges.viewer.models import EU_WIDE, PledgeCard

ITEMS = 50


class InvalidFiltersError(Exception):
    """The address's filters are not valid (a search text too long)."""


class PledgesFeed(Feed):
    """The newest approved pledges that `filters(obj)` selects."""

    feed_type = ContentLanguageAtom1Feed
    subtitle = _("Pledges the Coalition has just approved.")

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


class NewPledgesFeed(PledgesFeed):
    """The newest approved pledges; with the viewer's parameters in the address,
    those its filters select (unknown options dropped, as the viewer does)."""

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFiltersError:
            return bad_filters()

    def get_object(self, request: HttpRequest, *args, **kwargs) -> PledgeViewerFilter | None:
        """The viewer's filter set when the address chooses something, else None."""
        filterset = PledgeViewerFilter(request.GET)
        if not filterset.is_valid():
            raise InvalidFiltersError
        if not (filterset.active() or filterset.search_text()):
            return None
        return filterset

    def title(self, obj: PledgeViewerFilter | None = None) -> str:
        if obj is not None:
            return gettext(
                "Newly approved pledges matching the chosen filters — "
                "Digital Skills and Jobs Coalition"
            )
        return gettext("Newly approved pledges — Digital Skills and Jobs Coalition")

    def link(self, obj: PledgeViewerFilter | None = None) -> str:
        viewer = reverse("pledges:viewer")
        if obj is not None:
            return f"{viewer}?{obj.data.urlencode()}"
        return viewer

    def filters(self, obj) -> dict:
        if isinstance(obj, PledgeViewerFilter):
            return {"pledge_id__in": obj.queryset_without(None).values("pledge_id")}
        return {}


class PillarPledgesFeed(PledgesFeed):
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


class CountryPledgesFeed(PledgesFeed):
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
