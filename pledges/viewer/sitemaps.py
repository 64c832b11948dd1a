"""sitemap.xml: the site's public pages, the pillars, the viewer's country
pages and every public pledge, each in every interface language.

Every section is Django's `i18n` sitemap: one `<url>` per page and language,
each listing the page's other languages (`<xhtml:link rel="alternate"
hreflang="…">`, `alternates`) and the address without a language, which sends
a visitor to the best one (`x-default`).

The pledges' section is paginated over the database: Django's i18n sitemap
pairs every item with every language before cutting a page, which for every
public pledge in 24 languages would read all of them for each page.
`LanguageVersions` is the same sequence of (pledge, language) pairs, read one
page at a time (a count, then one slice of the pledges), so a page of the
section costs the same two queries however many pledges there are.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language

from coalition.models import Pillar
from pledges.viewer.filters import country_choices
from pledges.viewer.models import PledgeCard


class LanguageSitemap(Sitemap):
    """A section listing each page in every interface language, with its
    language versions as alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(LanguageSitemap):
    changefreq = "weekly"

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


class PillarSitemap(LanguageSitemap):
    changefreq = "weekly"

    def items(self):
        return Pillar.objects.in_order()


class CountrySitemap(LanguageSitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [code.lower() for code, _name in country_choices()]

    def location(self, item: str) -> str:
        return reverse("viewer:country", kwargs={"code": item})


class LanguageVersions(Sequence):
    """Every (row, language) pair of an ordered queryset, as Django's i18n
    sitemap lists them (each row in each language in turn), reading only the
    rows a slice needs."""

    def __init__(self, queryset: QuerySet, languages: list[str]) -> None:
        self.queryset = queryset
        self.languages = languages

    @cached_property
    def rows(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.rows * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            raise ValueError("only contiguous slices")
        if start >= stop:
            return []
        n = len(self.languages)
        first, last = start // n, (stop - 1) // n + 1
        pairs = [(row, code) for row in self.queryset[first:last] for code in self.languages]
        return pairs[start - first * n : stop - first * n]


# A placeholder pledge id, replaced in the address reversed once per language:
# a section page lists thousands of addresses, each with 25 alternates.
_PLACEHOLDER = 987654321987


class PledgeSitemap(LanguageSitemap):
    changefreq = "weekly"
    # Addresses per section page: 24 languages of 50 pledges. Each address
    # carries its 25 alternates, so a page writes 30,000 links (about 2.6 MB):
    # the time to write them, not the database, is what a page costs.
    limit = 24 * 50

    def items(self):
        return PledgeCard.objects.order_by("pledge_id").values_list("pledge_id", "indexed_at")

    @property
    def paginator(self) -> Paginator:
        return Paginator(LanguageVersions(self.items(), self.language_codes()), self.limit)

    def language_codes(self) -> list[str]:
        return list(self.languages or [code for code, _name in settings.LANGUAGES])

    @cached_property
    def addresses(self) -> dict[str, str]:
        return {}

    def location(self, item) -> str:
        language = get_language()
        address = self.addresses.get(language)
        if address is None:
            address = reverse("pledges:detail", kwargs={"pk": _PLACEHOLDER})
            self.addresses[language] = address
        return address.replace(str(_PLACEHOLDER), str(item[0]))

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return PledgeCard.objects.aggregate(latest=Max("indexed_at"))["latest"]


SITEMAPS = {
    "pages": StaticSitemap,
    "pillars": PillarSitemap,
    "countries": CountrySitemap,
    "pledges": PledgeSitemap,
}
