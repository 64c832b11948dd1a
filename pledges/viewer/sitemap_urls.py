"""sitemap.xml (outside the language prefix): an index of sections, kept for
plain visitors (crawlers) until the next generation (coalition/caching.py)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from coalition.caching import public_page
from pledges.viewer.sitemaps import SITEMAPS

urlpatterns = [
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]
