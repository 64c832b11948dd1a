"""sitemap.xml: the site's public pages, the viewer's country pages and every
public pledge (split in sections of at most 50,000 addresses by Django)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from coalition.models import Pillar
from pledges.viewer.filters import country_choices
from pledges.viewer.models import PledgeCard


class StaticSitemap(Sitemap):
    changefreq = "weekly"
    i18n = False

    def items(self) -> list[str]:
        return [
            "home",
            "about",
            "accessibility",
            "privacy",
            "contact",
            "pledges:viewer",
            "viewer:data_dictionary",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class PillarSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Pillar.objects.in_order()


class CountrySitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [code.lower() for code, _name in country_choices()]

    def location(self, item: str) -> str:
        return reverse("viewer:country", kwargs={"code": item})


class PledgeSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return PledgeCard.objects.order_by("pledge_id").values_list("pledge_id", "indexed_at")

    def location(self, item) -> str:
        return reverse("pledges:detail", kwargs={"pk": item[0]})

    def lastmod(self, item):
        return item[1]


SITEMAPS = {
    "pages": StaticSitemap,
    "pillars": PillarSitemap,
    "countries": CountrySitemap,
    "pledges": PledgeSitemap,
}
