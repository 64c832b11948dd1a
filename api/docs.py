"""The API's documentation page, /api/v1/docs: a reference of every endpoint and
its parameters written by the server from the OpenAPI document (so it reads
without JavaScript), and Swagger UI to try requests, served from the portal's
own static files (django-ninja ships it) and started by a script file: the
page has no inline script or style."""

from __future__ import annotations

import functools

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from api.http import LANGUAGE, content_etag
from api.v1 import api

PARAMETER_ORDER = {"path": 0, "query": 1}


@functools.cache
def openapi_document() -> dict:
    """The OpenAPI document, made once per process (it changes with the code only)."""
    with translation.override(LANGUAGE):
        return dict(api.get_openapi_schema(path_prefix=reverse("api-v1:index")))


def _values(schema: dict, components: dict) -> tuple[str, list[str]]:
    """A parameter's type in words and its allowed values, if listed."""
    if "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    for option in schema.get("anyOf", ()):
        if option.get("type") != "null":
            return _values(option, components)
    if schema.get("type") == "array":
        kind, values = _values(schema.get("items", {}), components)
        return f"{kind}, repeatable", values
    kind = schema.get("type", "")
    if "minimum" in schema or "maximum" in schema:
        kind = f"{kind} from {schema.get('minimum', '…')} to {schema.get('maximum', '…')}"
    if "maxLength" in schema:
        kind = f"{kind} of up to {schema['maxLength']} characters"
    return kind, [str(value) for value in schema.get("enum", ())]


def reference(document: dict) -> list[dict]:
    """Each operation, in the document's order, for the page's reference."""
    components = document.get("components", {}).get("schemas", {})
    operations = []
    for path, methods in document["paths"].items():
        operation = methods.get("get")
        if operation is None:
            continue
        parameters = []
        for parameter in sorted(
            operation.get("parameters", ()), key=lambda p: PARAMETER_ORDER.get(p["in"], 2)
        ):
            kind, values = _values(parameter.get("schema", {}), components)
            parameters.append(
                {
                    "name": parameter["name"],
                    "where": parameter["in"],
                    "required": parameter.get("required", False),
                    "kind": kind,
                    "values": values,
                    "description": parameter.get("description", "")
                    or parameter.get("schema", {}).get("description", ""),
                }
            )
        operations.append(
            {
                "id": operation["operationId"],
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": parameters,
                "statuses": sorted(operation.get("responses", {})),
                "example": path if "{" not in path else "",
            }
        )
    return operations


@require_safe
@content_etag
def docs(request: HttpRequest) -> HttpResponse:
    with translation.override(LANGUAGE):
        document = openapi_document()
        response = render(
            request,
            "api/docs.html",
            {
                "operations": reference(document),
                "document": document,
                "openapi_url": reverse("api-v1:openapi-json"),
            },
        )
    response["Content-Language"] = LANGUAGE
    return response
