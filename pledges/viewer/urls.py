"""Addresses of the Pledge Viewer, open data and scoreboards (namespace `viewer`;
the scoreboards' own are in pledges/scoreboards/urls.py). The viewer itself is
`pledges:viewer` (in pledges/urls.py)."""

from django.urls import path

from coalition.caching import public_page
from pledges.scoreboards.urls import urlpatterns as scoreboard_urlpatterns
from pledges.viewer import exports, feeds
from pledges.viewer import views as viewer_views

app_name = "viewer"

urlpatterns = [
    path("pledges/countries/<str:code>/", viewer_views.country, name="country"),
    path("pledges/export.csv", exports.export_csv, name="export_csv"),
    path("pledges/export.json", exports.export_json, name="export_json"),
    path("pledges/data/", exports.data_dictionary, name="data_dictionary"),
    # Filtered feeds are kept only for the viewer's popular filters: any other
    # query string would be one more entry in the shared cache.
    path(
        "pledges/feed/",
        public_page(feeds.NewPledgesFeed(), when=viewer_views.is_popular_request),
        name="feed",
    ),
    path(
        "pledges/feed/pillars/<slug:slug>/",
        public_page(feeds.PillarPledgesFeed()),
        name="feed_pillar",
    ),
    path(
        "pledges/feed/countries/<str:code>/",
        public_page(feeds.CountryPledgesFeed()),
        name="feed_country",
    ),
]

urlpatterns += scoreboard_urlpatterns
