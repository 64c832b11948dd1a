"""The open data API (/api/v1/), its documentation page and the DCAT-AP
catalogue, outside the language prefix: their addresses are the same in every
language, and the API answers in English."""

from django.urls import path

from api import catalogue, docs
from api.v1 import api

urlpatterns = [
    path("api/v1/docs", docs.docs, name="api_docs"),
    path("api/v1/", api.urls),
    path("catalogue.ttl", catalogue.turtle, name="catalogue_ttl"),
    path("catalogue.jsonld", catalogue.json_ld, name="catalogue_jsonld"),
]
