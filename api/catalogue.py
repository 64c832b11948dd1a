"""The DCAT-AP catalogue of the portal's open data, for data.europa.eu and other
harvesters: /catalogue.ttl (Turtle) and /catalogue.jsonld (JSON-LD).

Three datasets, pledges, organisations and national content, each with its
distributions (the CSV and JSON downloads, the API, the Atom feeds), and the API
as a data service. Things are named by the EU's controlled vocabularies
(licence, file type, frequency, language, data theme, access right, place), and
each such term is typed with the class the DCAT-AP shapes expect of it, so the
catalogue validates against ``api/shapes/dcat-ap-3.0.0.ttl`` (a test runs
pyshacl). Identifiers and addresses use ``SITE_URL``, so they are the same
whichever host a harvester came by; titles and descriptions are in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Greatest
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from api.http import LANGUAGE, content_etag
from members.models import Organisation
from national.models import Item, NationalCoalition
from pledges.viewer.models import PledgeCard

DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
AUTHORITY = "http://publications.europa.eu/resource/authority/"
LICENCE = URIRef(f"{AUTHORITY}licence/CC_BY_4_0")
ENGLISH = URIRef(f"{AUTHORITY}language/ENG")
EUROPEAN_UNION = URIRef(f"{AUTHORITY}country/EUR")
CONTINUOUSLY = URIRef(f"{AUTHORITY}frequency/UPDATE_CONT")
PUBLIC = URIRef(f"{AUTHORITY}access-right/PUBLIC")
STABLE = URIRef(f"{DCATAP}stable")
THEMES = URIRef(f"{AUTHORITY}data-theme")
THEME_LABELS = {
    "EDUC": "Education, culture and sport",
    "TECH": "Science and technology",
    "GOVE": "Government and public sector",
}
OPENAPI = URIRef("https://spec.openapis.org/oas/v3.1.0")
IANA = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Format:
    file_type: str  # the EU file-type vocabulary's code
    media_type: str


CSV = Format("CSV", "text/csv")
JSON = Format("JSON", "application/json")
ATOM = Format("ATOM", "application/atom+xml")


class Catalogue:
    """Builds the catalogue's graph."""

    def __init__(self) -> None:
        self.base = settings.SITE_URL.rstrip("/")
        self.graph = Graph()
        self.graph.bind("dcat", DCAT)
        self.graph.bind("dct", DCTERMS)
        self.graph.bind("foaf", FOAF)
        self.graph.bind("skos", SKOS)
        self.graph.bind("vcard", VCARD)
        self.graph.bind("dcatap", DCATAP)
        self.node = self.iri("catalogue")
        self.publisher = self.agent()
        self.contact = self.contact_point()

    # --- nodes ---------------------------------------------------------------

    def iri(self, name: str) -> URIRef:
        """A node of this catalogue: a fragment of /catalogue.ttl, the address
        that describes it."""
        return URIRef(f"{self.base}{reverse('catalogue_ttl')}#{name}")

    def page(self, name: str, **kwargs) -> URIRef:
        """A page of the portal (in English), typed as the document it is."""
        node = URIRef(self.base + reverse(name, kwargs=kwargs or None))
        self.add(node, RDF.type, FOAF.Document)
        return node

    def resource(self, path: str) -> URIRef:
        node = URIRef(self.base + path)
        self.add(node, RDF.type, RDFS.Resource)
        return node

    def add(self, subject, predicate, value) -> None:
        self.graph.add((subject, predicate, value))

    def text(self, subject, predicate, value: str) -> None:
        self.add(subject, predicate, Literal(value, lang=LANGUAGE))

    def term(self, iri: URIRef, cls: URIRef) -> URIRef:
        """A term of a controlled vocabulary, typed with the class DCAT-AP
        expects of it."""
        self.add(iri, RDF.type, cls)
        return iri

    def agent(self) -> URIRef:
        publisher = getattr(settings, "CATALOGUE_PUBLISHER_URI", "") or str(self.iri("publisher"))
        node = URIRef(publisher)
        self.add(node, RDF.type, FOAF.Agent)
        self.add(node, RDF.type, FOAF.Organization)
        name = getattr(settings, "CATALOGUE_PUBLISHER_NAME", "") or settings.SITE_NAME
        self.text(node, FOAF.name, name)
        self.add(node, FOAF.homepage, self.page("home"))
        return node

    def contact_point(self) -> BNode:
        node = BNode("contact")
        self.add(node, RDF.type, VCARD.Kind)
        self.add(node, RDF.type, VCARD.Organization)
        self.text(node, VCARD.fn, settings.SITE_NAME)
        self.add(node, VCARD.hasEmail, URIRef(f"mailto:{settings.CONTACT_EMAIL}"))
        self.add(node, VCARD.hasURL, self.page("contact"))
        return node

    def theme(self, code: str) -> URIRef:
        node = self.term(URIRef(f"{AUTHORITY}data-theme/{code}"), SKOS.Concept)
        self.text(node, SKOS.prefLabel, THEME_LABELS[code])
        self.add(node, SKOS.inScheme, THEMES)
        return node

    # --- the catalogue -------------------------------------------------------

    def build(self, *, modified: dict[str, datetime | None], coalition_countries) -> Graph:
        catalogue = self.node
        self.add(catalogue, RDF.type, DCAT.Catalog)
        self.text(catalogue, DCTERMS.title, f"{settings.SITE_NAME}: open data")
        self.text(
            catalogue,
            DCTERMS.description,
            "The public data of the EU Digital Skills and Jobs Coalition: the pledges "
            "organisations make to close Europe's digital skills gap, with their targets and "
            "the progress they report; the organisations that make them; and the content "
            "that the national coalitions publish.",
        )
        self.add(catalogue, DCTERMS.publisher, self.publisher)
        self.add(catalogue, FOAF.homepage, self.page("home"))
        self.add(catalogue, DCTERMS.language, self.term(ENGLISH, DCTERMS.LinguisticSystem))
        self.add(catalogue, DCTERMS.license, self.term(LICENCE, DCTERMS.LicenseDocument))
        self.add(catalogue, DCTERMS.spatial, self.term(EUROPEAN_UNION, DCTERMS.Location))
        self.add(catalogue, DCAT.themeTaxonomy, self.term(THEMES, SKOS.ConceptScheme))
        self.text(THEMES, DCTERMS.title, "Data theme")
        latest = [value for value in modified.values() if value is not None]
        if latest:
            self.add(catalogue, DCTERMS.modified, Literal(max(latest), datatype=XSD.dateTime))

        service = self.api_service()
        self.add(catalogue, DCAT.service, service)
        datasets = [
            self.pledges(modified["pledges"], service),
            self.organisations(modified["organisations"], service),
            self.national_content(modified["national"], service, coalition_countries),
        ]
        for dataset in datasets:
            self.add(catalogue, DCAT.dataset, dataset)
            self.add(service, DCAT.servesDataset, dataset)
        return self.graph

    def api_service(self) -> URIRef:
        node = self.iri("api")
        self.add(node, RDF.type, DCAT.DataService)
        self.text(node, DCTERMS.title, "Open data API")
        self.text(
            node,
            DCTERMS.description,
            "A read-only JSON API over the public data, with the Pledge Viewer's filters, "
            "search and sorting, described by an OpenAPI 3.1 document.",
        )
        self.add(node, DCAT.endpointURL, self.resource(reverse("api-v1:index")))
        self.add(node, DCAT.endpointDescription, self.resource(reverse("api-v1:openapi-json")))
        self.add(node, DCAT.landingPage, self.page("api_docs"))
        self.add(node, DCTERMS.conformsTo, self.term(OPENAPI, DCTERMS.Standard))
        self.add(node, DCTERMS.license, LICENCE)
        self.add(node, DCTERMS.accessRights, self.term(PUBLIC, DCTERMS.RightsStatement))
        self.add(node, DCTERMS.publisher, self.publisher)
        self.add(node, DCAT.contactPoint, self.contact)
        return node

    def dataset(
        self,
        name: str,
        *,
        title: str,
        description: str,
        keywords: tuple[str, ...],
        themes: tuple[str, ...],
        landing_page: URIRef,
        modified: datetime | None,
    ) -> URIRef:
        node = self.iri(name)
        self.add(node, RDF.type, DCAT.Dataset)
        self.add(node, DCTERMS.identifier, Literal(str(node)))
        self.text(node, DCTERMS.title, title)
        self.text(node, DCTERMS.description, description)
        for keyword in keywords:
            self.text(node, DCAT.keyword, keyword)
        for code in themes:
            self.add(node, DCAT.theme, self.theme(code))
        self.add(node, DCTERMS.publisher, self.publisher)
        self.add(node, DCAT.contactPoint, self.contact)
        self.add(node, DCAT.landingPage, landing_page)
        self.add(node, FOAF.page, self.page("api_docs"))
        self.add(node, DCTERMS.accrualPeriodicity, self.term(CONTINUOUSLY, DCTERMS.Frequency))
        self.add(node, DCTERMS.spatial, EUROPEAN_UNION)
        self.add(node, DCTERMS.language, ENGLISH)
        self.add(node, DCTERMS.accessRights, PUBLIC)
        if modified is not None:
            self.add(node, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime))
        return node

    def distribution(
        self,
        dataset: URIRef,
        name: str,
        *,
        title: str,
        path: str,
        file_format: Format,
        download: bool = False,
        service: URIRef | None = None,
        documentation: URIRef | None = None,
    ) -> URIRef:
        node = self.iri(name)
        self.add(dataset, DCAT.distribution, node)
        self.add(node, RDF.type, DCAT.Distribution)
        self.text(node, DCTERMS.title, title)
        address = self.resource(path)
        self.add(node, DCAT.accessURL, address)
        if download:
            self.add(node, DCAT.downloadURL, address)
        if service is not None:
            self.add(node, DCAT.accessService, service)
        if documentation is not None:
            self.add(node, FOAF.page, documentation)
        file_type = URIRef(f"{AUTHORITY}file-type/{file_format.file_type}")
        self.add(node, DCTERMS.format, self.term(file_type, DCTERMS.MediaTypeOrExtent))
        media_type = URIRef(IANA + file_format.media_type)
        self.add(node, DCAT.mediaType, self.term(media_type, DCTERMS.MediaType))
        self.add(node, DCTERMS.license, LICENCE)
        self.add(node, DCATAP.availability, self.term(STABLE, SKOS.Concept))
        self.text(STABLE, SKOS.prefLabel, "Stable")
        return node

    def pledges(self, modified: datetime | None, service: URIRef) -> URIRef:
        dataset = self.dataset(
            "pledges",
            title="Pledges of the Digital Skills and Jobs Coalition",
            description="The public pledges: organisations' commitments to digital skills "
            "under the Coalition's four pillars, with their initiatives, countries, "
            "beneficiary groups, indicators and targets, and the achieved values of "
            "approved progress reports (an empty achieved value means not yet reported).",
            keywords=("digital skills", "pledges", "training", "Digital Decade"),
            themes=("EDUC", "TECH"),
            landing_page=self.page("pledges:viewer"),
            modified=modified,
        )
        dictionary = self.page("viewer:data_dictionary")
        self.distribution(
            dataset,
            "pledges-csv",
            title="Pledges (CSV)",
            path=reverse("viewer:export_csv"),
            file_format=CSV,
            download=True,
            documentation=dictionary,
        )
        self.distribution(
            dataset,
            "pledges-json",
            title="Pledges (JSON)",
            path=reverse("viewer:export_json"),
            file_format=JSON,
            download=True,
            documentation=dictionary,
        )
        self.distribution(
            dataset,
            "pledges-api",
            title="Pledges through the API",
            path=reverse("api-v1:pledges"),
            file_format=JSON,
            service=service,
            documentation=self.page("api_docs"),
        )
        self.distribution(
            dataset,
            "pledges-atom",
            title="New pledges (Atom feed)",
            path=reverse("viewer:feed"),
            file_format=ATOM,
        )
        return dataset

    def organisations(self, modified: datetime | None, service: URIRef) -> URIRef:
        dataset = self.dataset(
            "organisations",
            title="Organisations in the Digital Skills and Jobs Coalition",
            description="The public profiles of the organisations on the portal (sector, "
            "type, size, country of headquarters, Coalition membership) and the number of "
            "their public pledges.",
            keywords=("digital skills", "organisations", "Coalition members"),
            themes=("EDUC", "TECH"),
            landing_page=self.page("members:directory"),
            modified=modified,
        )
        self.distribution(
            dataset,
            "organisations-api",
            title="Organisations through the API",
            path=reverse("api-v1:organisations"),
            file_format=JSON,
            service=service,
            documentation=self.page("api_docs"),
        )
        return dataset

    def national_content(
        self, modified: datetime | None, service: URIRef, coalition_countries
    ) -> URIRef:
        dataset = self.dataset(
            "national-content",
            title="National coalitions for digital skills and their content",
            description="The national coalitions of the Member States and what they publish: "
            "national policies and strategies, initiatives, best practices, training "
            "opportunities, events, funding opportunities, resources and news.",
            keywords=("digital skills", "national coalitions", "policies", "events"),
            themes=("EDUC", "TECH", "GOVE"),
            landing_page=self.page("national:content"),
            modified=modified,
        )
        self.distribution(
            dataset,
            "national-content-api",
            title="National content through the API",
            path=reverse("api-v1:items"),
            file_format=JSON,
            service=service,
            documentation=self.page("api_docs"),
        )
        self.distribution(
            dataset,
            "national-coalitions-api",
            title="National coalitions through the API",
            path=reverse("api-v1:coalitions"),
            file_format=JSON,
            service=service,
            documentation=self.page("api_docs"),
        )
        for code, name in coalition_countries:
            self.distribution(
                dataset,
                f"national-content-atom-{code.lower()}",
                title=f"Pledges and national content in {name} (Atom feed)",
                path=reverse("national:country_feed", kwargs={"country": code.lower()}),
                file_format=ATOM,
            )
        return dataset


def latest_changes() -> dict[str, datetime | None]:
    """When each dataset last changed (three queries)."""
    national = Item.objects.public().aggregate(
        latest=Max(Greatest("updated_at", "moderated_at", "created_at"))
    )["latest"]
    coalitions = NationalCoalition.objects.aggregate(latest=Max("updated_at"))["latest"]
    return {
        "pledges": PledgeCard.objects.aggregate(latest=Max("indexed_at"))["latest"],
        "organisations": Organisation.objects.aggregate(latest=Max("updated_at"))["latest"],
        "national": max((d for d in (national, coalitions) if d is not None), default=None),
    }


def catalogue_graph() -> Graph:
    """The whole catalogue, in English."""
    with translation.override(LANGUAGE):
        countries = [
            (str(coalition.country), coalition.country.name)
            for coalition in NationalCoalition.objects.order_by("country").only("country")
        ]
        return Catalogue().build(modified=latest_changes(), coalition_countries=countries)


CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "vcard": str(VCARD),
    "dcatap": str(DCATAP),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


@require_safe
@content_etag
def turtle(request: HttpRequest) -> HttpResponse:
    body = catalogue_graph().serialize(format="turtle")
    return HttpResponse(body, content_type="text/turtle; charset=utf-8")


@require_safe
@content_etag
def json_ld(request: HttpRequest) -> HttpResponse:
    body = catalogue_graph().serialize(format="json-ld", context=CONTEXT, auto_compact=True)
    return HttpResponse(body, content_type="application/ld+json")
