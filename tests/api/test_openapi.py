"""The OpenAPI document and the documentation page."""

import json
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from openapi_spec_validator import validate

from api.docs import openapi_document
from pledges.reporting import breakdown

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_document_is_valid_openapi_3_1(document):
    validate(document)  # raises on any error

    assert document["openapi"] == "3.1.0"
    assert document["info"]["license"] == {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"}


def test_every_operation_is_a_documented_get_with_its_errors(document):
    operations = [
        (path, method, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]

    assert {method for _path, method, _operation in operations} == {"get"}
    assert len(operations) == 12
    for path, _method, operation in operations:
        assert operation["summary"], path
        assert {"200", "400", "404", "429"} <= set(operation["responses"]), path
        assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }


def test_the_pledge_filters_list_the_viewers_options(document):
    parameters = {
        parameter["name"]: parameter
        for parameter in document["paths"]["/api/v1/pledges"]["get"]["parameters"]
    }

    assert list(parameters) == [
        "q", "pillar", "country", "group", "action", "delivery", "sector", "type", "status",
        "year", "sort", "page", "page_size",
    ]  # fmt: skip
    assert parameters["pillar"]["schema"]["items"]["enum"] == [
        "for-all",
        "labour-force",
        "ict-professionals",
        "education",
    ]
    assert "EU" in parameters["country"]["schema"]["items"]["enum"]
    assert parameters["page_size"]["schema"]["maximum"] == 100


def test_the_document_is_the_one_the_docs_page_reads(document):
    assert json.loads(json.dumps(openapi_document())) == document


def test_the_document_has_an_etag(client):
    first = client.get("/api/v1/openapi.json")

    again = client.get("/api/v1/openapi.json", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


class Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.scripts: list[str] = []
        self.styles = 0
        self.style_attributes = 0
        self.h1 = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if attrs.get("src"):
                self.scripts.append(attrs["src"])
            else:
                self.inline_scripts += 1
        self.styles += tag == "style"
        self.h1 += tag == "h1"
        self.style_attributes += "style" in attrs or any(name.startswith("on") for name in attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_the_docs_page_reads_without_javascript_and_has_no_inline_script_or_style(client):
    response = client.get("/api/v1/docs", HTTP_ACCEPT_LANGUAGE="fr")

    markup = Markup()
    markup.feed(response.content.decode())
    text = " ".join("".join(markup.text).split())
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert markup.h1 == 1
    assert (markup.inline_scripts, markup.styles, markup.style_attributes) == (0, 0, 0)
    assert [src.rsplit("/", 1)[-1] for src in markup.scripts] == [
        "swagger-ui-bundle.js",
        "docs.js",
    ]
    # Every endpoint and each of its parameters, written by the server.
    for path in (
        "GET /api/v1/pledges",
        "GET /api/v1/pledges/{pk}",
        "GET /api/v1/organisations",
        "GET /api/v1/national-content",
        "GET /api/v1/pillars",
    ):
        assert path in text
    assert "string, repeatable: for-all, labour-force, ict-professionals, education" in text
    assert "integer from 1 to 100" in text


def test_the_docs_page_scripts_and_styles_are_this_sites_static_files(client):
    markup = Markup()
    markup.feed(client.get("/api/v1/docs").content.decode())

    for name in (
        "ninja/swagger-ui-bundle.js",
        "ninja/swagger-ui.css",
        "api/docs.js",
        "api/docs.css",
    ):
        assert finders.find(name) is not None, name
    assert all(src.startswith(settings.STATIC_URL) for src in markup.scripts)


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_data_dictionary_leads_to_the_api_and_the_catalogue(client, language):
    response = client.get(f"/{language}/pledges/data/")

    assert response.status_code == 200
    assert b'href="/api/v1/docs"' in response.content
    assert b'href="/catalogue.ttl"' in response.content


def test_the_breakdowns_are_described(document):
    schemas = document["components"]["schemas"]

    assert set(schemas["BreakdownGroups"]["properties"]) == set(breakdown.FIELDS)
    assert set(schemas["BreakdownTotals"]["properties"]) == {
        *breakdown.FIELDS,
        "without_gender",
        "without_age",
    }
    for schema in ("IndicatorTotal", "FacetTotal", "IndicatorProgress", "ReportedValueOut"):
        assert "breakdown" in schemas[schema]["properties"], schema
    assert "takes_breakdown" in schemas["IndicatorKind"]["properties"]
