"""The DCAT-AP catalogue: /catalogue.ttl and /catalogue.jsonld, valid against the
DCAT-AP 3.0.0 shapes the repository ships."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SH, SKOS

from tests.national.factories import ItemFactory, NationalCoalitionFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).resolve().parents[2] / "api" / "shapes" / "dcat-ap-3.0.0.ttl"
BASE = "http://127.0.0.1:8000"
AUTHORITY = "http://publications.europa.eu/resource/authority/"


@pytest.fixture
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@pytest.fixture
def catalogue(client, settings) -> Graph:
    settings.SITE_URL = BASE
    public_pledge()
    ItemFactory(coalition=NationalCoalitionFactory(country="FR"))
    response = client.get("/catalogue.ttl")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=response.content.decode(), format="turtle")


def conforms(data: Graph, shapes: Graph) -> tuple[bool, str]:
    ok, _report, text = validate(data, shacl_graph=shapes, inference="none")
    return ok, text


def refusals(data: Graph, shapes: Graph) -> set[tuple[str, str]]:
    """(path, constraint component) of each violation."""
    _ok, report, _text = validate(data, shacl_graph=shapes, inference="none")
    return {
        (
            str(report.value(result, SH.resultPath)),
            str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
        )
        for result in report.subjects(RDF.type, SH.ValidationResult)
    }


def node(name: str) -> URIRef:
    return URIRef(f"{BASE}/catalogue.ttl#{name}")


def test_the_catalogue_validates_against_the_dcat_ap_shapes(catalogue, shapes):
    ok, text = conforms(catalogue, shapes)

    assert ok, text


@pytest.mark.parametrize(
    ("subject", "predicate"),
    [
        ("catalogue", DCTERMS.publisher),  # mandatory
        ("pledges", DCTERMS.title),  # mandatory
        ("pledges-csv", DCAT.accessURL),  # mandatory
        ("api", DCAT.endpointURL),  # mandatory
    ],
)
def test_the_shapes_refuse_a_catalogue_without_a_mandatory_property(
    catalogue, shapes, subject, predicate
):
    catalogue.remove((node(subject), predicate, None))

    assert refusals(catalogue, shapes) == {(str(predicate), "MinCountConstraintComponent")}


def test_the_shapes_refuse_a_licence_that_is_not_a_licence_document(catalogue, shapes):
    licence = URIRef(f"{AUTHORITY}licence/CC_BY_4_0")
    catalogue.remove((licence, RDF.type, DCTERMS.LicenseDocument))

    assert refusals(catalogue, shapes) == {(str(DCTERMS.license), "ClassConstraintComponent")}


def test_the_shapes_refuse_two_publishers(catalogue, shapes):
    catalogue.add((node("pledges"), DCTERMS.publisher, node("catalogue")))

    # Two publishers, and the second is no foaf:Agent.
    assert refusals(catalogue, shapes) == {
        (str(DCTERMS.publisher), "MaxCountConstraintComponent"),
        (str(DCTERMS.publisher), "ClassConstraintComponent"),
    }


# rdflib's JSON-LD parser (not the serialiser the view uses) builds a
# ConjunctiveGraph, which rdflib itself deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_json_ld_says_the_same_as_turtle(client, catalogue):
    response = client.get("/catalogue.jsonld")

    assert response["Content-Type"] == "application/ld+json"
    assert isomorphic(Graph().parse(data=response.content.decode(), format="json-ld"), catalogue)


def test_three_datasets_with_licence_publisher_themes_and_frequency(catalogue):
    datasets = set(catalogue.objects(node("catalogue"), DCAT.dataset))

    assert datasets == {node("pledges"), node("organisations"), node("national-content")}
    for dataset in datasets:
        assert set(catalogue.objects(dataset, DCTERMS.publisher)) == {node("publisher")}
        assert set(catalogue.objects(dataset, DCTERMS.accrualPeriodicity)) == {
            URIRef(f"{AUTHORITY}frequency/UPDATE_CONT")
        }
        themes = set(catalogue.objects(dataset, DCAT.theme))
        assert URIRef(f"{AUTHORITY}data-theme/EDUC") in themes
        for theme in themes:
            assert catalogue.value(theme, SKOS.prefLabel) is not None
        assert catalogue.value(dataset, DCTERMS.modified) is not None
        for distribution in catalogue.objects(dataset, DCAT.distribution):
            assert set(catalogue.objects(distribution, DCTERMS.license)) == {
                URIRef(f"{AUTHORITY}licence/CC_BY_4_0")
            }
    assert catalogue.value(node("publisher"), FOAF.name) == Literal(
        "EU Digital Skills and Jobs Coalition", lang="en"
    )


def test_the_pledges_come_as_csv_json_api_and_atom(catalogue):
    formats = {
        (
            str(catalogue.value(distribution, DCTERMS.format)).rsplit("/", 1)[-1],
            str(catalogue.value(distribution, DCAT.mediaType)).split("media-types/")[-1],
            str(catalogue.value(distribution, DCAT.accessURL)),
        )
        for distribution in catalogue.objects(node("pledges"), DCAT.distribution)
    }

    assert formats == {
        ("CSV", "text/csv", f"{BASE}/en/pledges/export.csv"),
        ("JSON", "application/json", f"{BASE}/en/pledges/export.json"),
        ("JSON", "application/json", f"{BASE}/api/v1/pledges"),
        ("ATOM", "application/atom+xml", f"{BASE}/en/pledges/feed/"),
    }
    downloads = {
        str(url)
        for distribution in catalogue.objects(node("pledges"), DCAT.distribution)
        for url in catalogue.objects(distribution, DCAT.downloadURL)
    }
    assert downloads == {f"{BASE}/en/pledges/export.csv", f"{BASE}/en/pledges/export.json"}
    api = node("api")
    assert catalogue.value(api, RDF.type) == DCAT.DataService
    assert str(catalogue.value(api, DCAT.endpointDescription)) == f"{BASE}/api/v1/openapi.json"
    assert set(catalogue.objects(api, DCAT.servesDataset)) == set(
        catalogue.objects(node("catalogue"), DCAT.dataset)
    )


def test_each_coalition_has_its_atom_feed(catalogue):
    titles = {
        str(catalogue.value(distribution, DCTERMS.title))
        for distribution in catalogue.objects(node("national-content"), DCAT.distribution)
    }

    assert "Pledges and national content in France (Atom feed)" in titles


def test_every_address_in_the_catalogue_answers(client, catalogue):
    addresses = {
        str(url)
        for predicate in (DCAT.accessURL, DCAT.downloadURL, DCAT.endpointURL,
                          DCAT.endpointDescription, DCAT.landingPage, FOAF.page, FOAF.homepage)
        for url in catalogue.objects(None, predicate)
    }  # fmt: skip

    assert len(addresses) >= 15
    for address in addresses:
        parts = urlsplit(address)
        assert f"{parts.scheme}://{parts.netloc}" == BASE
        response = client.get(parts.path)
        assert response.status_code == 200, address


def test_a_publisher_can_be_named_in_the_settings(client, settings, shapes):
    settings.CATALOGUE_PUBLISHER_URI = f"{AUTHORITY}corporate-body/CNECT"
    settings.CATALOGUE_PUBLISHER_NAME = "Directorate-General for Communications Networks"

    graph = Graph().parse(data=client.get("/catalogue.ttl").content.decode(), format="turtle")

    publisher = URIRef(f"{AUTHORITY}corporate-body/CNECT")
    assert catalogue_publisher(graph) == publisher
    assert str(graph.value(publisher, FOAF.name)).startswith("Directorate-General")
    assert conforms(graph, shapes)[0]


def catalogue_publisher(graph: Graph) -> URIRef:
    [catalogue] = graph.subjects(RDF.type, DCAT.Catalog)
    return graph.value(catalogue, DCTERMS.publisher)


def test_the_catalogue_revalidates(client):
    first = client.get("/catalogue.ttl")

    again = client.get("/catalogue.ttl", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
