"""Production headers on every kind of page: a Content-Security-Policy without
'unsafe-inline', a Permissions-Policy, HSTS, nosniff and a Referrer-Policy; and
the endpoint that logs the policy's violation reports."""

import json
import logging

import pytest
from django.urls import reverse

from members.moderation import ensure_moderators_group
from tests.factories import UserFactory
from tests.test_site import crawl, pages_with_data  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production_hsts(settings):
    # What production has without DEBUG (tests/coalition/test_settings.py reads
    # it from a production start); `make test` sets DEBUG=true, which the test
    # settings turn off only after these were derived from it.
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(directive.split(" ", 1) for directive in header.split("; "))


def assert_production_headers(response, path: str, *, framed_by: str = "'none'") -> None:
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    csp = policy(response)
    assert "unsafe-inline" not in response["Content-Security-Policy"], path
    assert "unsafe-eval" not in response["Content-Security-Policy"], path
    assert csp["default-src"] == "'none'", path
    assert (csp["script-src"], csp["style-src"], csp["connect-src"]) == ("'self'",) * 3, path
    assert (csp["object-src"], csp["base-uri"], csp["form-action"]) == (
        "'none'",
        "'none'",
        "'self'",
    ), path
    assert csp["frame-ancestors"] == framed_by, path
    assert csp["report-uri"] == reverse("csp_report"), path
    assert "camera=()" in response["Permissions-Policy"], path
    assert "geolocation=()" in response["Permissions-Policy"], path
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    ), path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path


def test_every_public_page_sends_the_production_headers(client, pages_with_data):  # noqa: F811
    paths = crawl(client, "/en/", pages_with_data["shared scoreboard"])
    assert len(paths) >= 20

    for path in paths:
        assert_production_headers(client.get(path, secure=True), path)


@pytest.mark.parametrize(
    "path",
    [
        "/en/pledges/export.csv",
        "/en/pledges/export.json",
        "/en/pledges/feed/",
        "/en/national-coalitions/feeds/fr/",
        "/sitemap.xml",
        "/en/accounts/login/",
        "/en/accounts/signup/",
    ],
)
def test_exports_feeds_and_account_pages_send_them(client, path):
    assert_production_headers(client.get(path, secure=True), path)


def test_a_logged_in_account_page_and_an_admin_page_send_them(client):
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(ensure_moderators_group())
    client.force_login(moderator)

    for path in ("/en/my/", "/en/my/data/", "/en/admin/", "/en/admin/national/feed/"):
        assert_production_headers(client.get(path, secure=True), path)


def test_the_embed_page_alone_may_be_framed_by_any_website(client, pages_with_data):  # noqa: F811
    token = pages_with_data["shared scoreboard"].rstrip("/").rsplit("/", 1)[1]
    path = reverse("viewer:scoreboard_embed", kwargs={"token": token})

    response = client.get(path, secure=True)

    assert_production_headers(response, path, framed_by="*")
    assert "X-Frame-Options" not in response


def test_the_policy_names_the_report_endpoint_that_exists():
    assert reverse("csp_report") == "/csp-report"


REPORT = {
    "csp-report": {
        "document-uri": "https://portal.example.eu/en/",
        "violated-directive": "style-src-attr",
        "effective-directive": "style-src-attr",
        "blocked-uri": "inline",
        "source-file": "https://portal.example.eu/en/",
        "line-number": 12,
    }
}


def test_a_violation_report_is_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="coalition.csp"):
        response = client.post(
            "/csp-report", json.dumps(REPORT), content_type="application/csp-report"
        )

    assert response.status_code == 204
    assert [record.getMessage() for record in caplog.records] == [
        "CSP violation: style-src-attr blocked inline on https://portal.example.eu/en/ "
        "(https://portal.example.eu/en/:12)"
    ]


def test_a_reporting_api_batch_is_logged(client, caplog):
    body = {
        "effectiveDirective": "script-src-elem",
        "blockedURL": "https://evil.example/x.js",
        "documentURL": "https://p.eu/en/",
    }
    batch = [{"type": "csp-violation", "body": body}]
    with caplog.at_level(logging.WARNING, logger="coalition.csp"):
        response = client.post(
            "/csp-report", json.dumps(batch), content_type="application/reports+json"
        )

    assert response.status_code == 204
    assert [record.getMessage() for record in caplog.records] == [
        "CSP violation: script-src-elem blocked https://evil.example/x.js on https://p.eu/en/ (-:-)"
    ]


def test_reports_need_no_csrf_token(client):
    strict = type(client)(enforce_csrf_checks=True)

    response = strict.post("/csp-report", json.dumps(REPORT), content_type="application/csp-report")

    assert response.status_code == 204


def test_an_oversized_or_broken_report_is_dropped_unlogged(client, caplog):
    huge = {"csp-report": {**REPORT["csp-report"], "blocked-uri": "x" * 20_000}}
    with caplog.at_level(logging.WARNING, logger="coalition.csp"):
        too_big = client.post(
            "/csp-report", json.dumps(huge), content_type="application/csp-report"
        )
        broken = client.post("/csp-report", "{not json", content_type="application/csp-report")
        not_a_report = client.post("/csp-report", "[1, 2]", content_type="application/json")

    assert (too_big.status_code, broken.status_code, not_a_report.status_code) == (204, 204, 204)
    assert caplog.records == []


def test_reports_past_the_minute_limit_are_dropped(client, caplog, settings):
    settings.CSP_REPORTS_PER_MINUTE = 3
    with caplog.at_level(logging.WARNING, logger="coalition.csp"):
        answers = [
            client.post(
                "/csp-report", json.dumps(REPORT), content_type="application/csp-report"
            ).status_code
            for _ in range(5)
        ]

    assert answers == [204] * 5
    assert len(caplog.records) == 3


def test_the_report_endpoint_takes_posts_only(client):
    assert client.get("/csp-report").status_code == 405


def test_a_long_field_is_cut_in_the_log(client, caplog):
    report = {"csp-report": {**REPORT["csp-report"], "blocked-uri": "https://x.eu/" + "a" * 500}}
    with caplog.at_level(logging.WARNING, logger="coalition.csp"):
        client.post("/csp-report", json.dumps(report), content_type="application/csp-report")

    (record,) = caplog.records
    assert "a" * 187 in record.getMessage()  # 200 characters with "https://x.eu/"
    assert "a" * 188 not in record.getMessage()
