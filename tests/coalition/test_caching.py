"""coalition/caching.py, the one caching design: the generation, whole pages for
plain visitors, values per generation, and HTTP caching (Cache-Control, ETag,
304, compression) on public pages, exports, feeds and the sitemap."""

import gzip

import pytest
from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from coalition import caching
from pledges import services
from pledges.models import Pledge
from tests.factories import OrganisationFactory, UserFactory
from tests.members.factories import VerifiedUserFactory
from tests.pledges.factories import complete_pledge
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=0, must-revalidate"
VIEWER = "/en/pledges/"


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


# --- The generation -----------------------------------------------------------


def test_the_generation_stays_until_it_is_bumped():
    first = caching.current_generation()

    assert caching.current_generation() == first
    caching.bump_generation()
    assert caching.current_generation() != first


def test_a_bump_inside_a_transaction_waits_for_the_commit(django_capture_on_commit_callbacks):
    before = caching.current_generation()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        caching.bump_on_commit()
    assert caching.current_generation() == before
    for callback in callbacks:
        callback()

    assert caching.current_generation() != before


def test_a_value_for_the_generation_is_computed_once_per_generation():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    first = caching.for_generation("test-figures", compute)
    again = caching.for_generation("test-figures", compute)
    caching.bump_generation()
    fresh = caching.for_generation("test-figures", compute)

    assert (first, again, fresh) == (1, 1, 2)


def test_with_the_cache_off_values_are_computed_each_time(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    calls = []

    caching.for_generation("test-figures", lambda: calls.append(1))
    caching.for_generation("test-figures", lambda: calls.append(1))

    assert len(calls) == 2


# --- Whole pages for plain visitors ------------------------------------------


def counting_view(template: str = "page {{ n }}", **options):
    calls = []

    @caching.public_page(**options)
    def view(request):
        calls.append(1)
        source = engines["django"].from_string(template)
        return HttpResponse(source.render({"n": len(calls)}, request))

    return view, calls


def test_plain_visitors_get_the_kept_page_until_the_next_generation(rf):
    view, calls = counting_view()

    first = view(rf.get("/en/x/"))
    again = view(rf.get("/en/x/"))
    caching.bump_generation()
    fresh = view(rf.get("/en/x/"))

    assert (first.content, again.content, fresh.content) == (b"page 1", b"page 1", b"page 2")
    assert len(calls) == 2
    assert directives(again) == set(PUBLIC.split(", "))
    assert "Expires" not in again


def test_a_kept_page_carries_its_etag_and_a_rendered_one_leaves_it_to_the_middleware(rf):
    kept_view, _calls = counting_view()
    rendered_view, _calls = counting_view(keep=False)

    kept = kept_view(rf.get("/en/x/"))
    again = kept_view(rf.get("/en/x/"))
    rendered = rendered_view(rf.get("/en/x/"))

    assert kept["ETag"] == again["ETag"]
    assert kept["ETag"].startswith('"')
    assert not rendered.has_header("ETag")  # ConditionalGetMiddleware hashes it


def test_each_address_is_kept_apart(rf):
    view, _calls = counting_view()

    view(rf.get("/en/x/", {"a": "1"}))

    assert view(rf.get("/en/x/", {"a": "2"})).content == b"page 2"
    assert view(rf.get("/en/x/", {"a": "1"})).content == b"page 1"


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_visitor_with_a_session_or_messages_gets_the_page_rendered_and_private(rf, cookie):
    view, _calls = counting_view()
    view(rf.get("/en/x/"))
    request = rf.get("/en/x/")
    request.COOKIES[cookie] = "something"

    response = view(request)

    assert response.content == b"page 2"
    assert directives(response) == {"private", "no-cache"}
    assert "Cookie" in response["Vary"]


def test_when_decides_which_addresses_are_kept(rf):
    view, calls = counting_view(when=lambda request: "keep" in request.GET)

    view(rf.get("/en/x/", {"keep": "1"}))
    view(rf.get("/en/x/", {"keep": "1"}))
    view(rf.get("/en/x/"))
    view(rf.get("/en/x/"))

    assert len(calls) == 3


def test_a_page_that_changes_without_a_generation_is_never_kept(rf):
    view, _calls = counting_view(keep=False)

    view(rf.get("/en/x/"))
    response = view(rf.get("/en/x/"))

    assert response.content == b"page 2"
    assert directives(response) == set(PUBLIC.split(", "))


def test_a_page_with_a_csrf_token_is_neither_kept_nor_public(rf):
    view, calls = counting_view("{% csrf_token %}{{ n }}")

    first = view(rf.get("/en/x/"))
    view(rf.get("/en/x/"))

    assert len(calls) == 2
    assert "private" in directives(first)


def test_with_the_cache_off_every_page_is_rendered(rf, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    view, calls = counting_view()

    view(rf.get("/en/x/"))
    view(rf.get("/en/x/"))

    assert len(calls) == 2


def test_with_whole_pages_off_pages_are_rendered_and_values_still_kept(rf, settings):
    settings.KEEP_PUBLIC_PAGES = False
    view, _calls = counting_view()
    computed = []

    first = view(rf.get("/en/x/"))
    again = view(rf.get("/en/x/"))
    caching.for_generation("test-figures", lambda: computed.append(1))
    caching.for_generation("test-figures", lambda: computed.append(1))

    assert (first.content, again.content) == (b"page 1", b"page 2")
    assert directives(again) == set(PUBLIC.split(", "))
    assert len(computed) == 1


def test_the_pillars_are_read_once_per_generation():
    from coalition.models import Pillar
    from coalition.pillars import pillars_in_order

    before = [pillar.short_name for pillar in pillars_in_order()]
    pillar = Pillar.objects.in_order().first()
    pillar.short_name = "Renamed"
    pillar.save()
    kept = [p.short_name for p in pillars_in_order()]
    caching.bump_generation()  # as the admin does once the change commits
    after = [p.short_name for p in pillars_in_order()]

    assert kept == before
    assert after == ["Renamed", *before[1:]]


# --- HTTP caching of the public pages ----------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/about/",
        VIEWER,
        "/en/pledges/?country=BE",
        "/en/pledges/countries/be/",
        "/en/pillars/education/",
        "/en/pledges/data/",
        "/en/national-coalitions/",
    ],
)
def test_an_anonymous_page_is_public_with_an_etag_and_a_repeat_is_304(client, path):
    public_pledge()

    response = client.get(path)
    repeat = client.get(path, headers={"if-none-match": response["ETag"]})

    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert response["ETag"].startswith('"')
    assert "Cookie" in response["Vary"]
    assert repeat.status_code == 304
    assert repeat.content == b""
    assert repeat["Cache-Control"] == PUBLIC


def test_a_logged_in_visitor_gets_private_pages(client):
    public_pledge()
    client.force_login(UserFactory())

    response = client.get(VIEWER)

    assert directives(response) == {"private", "no-cache"}
    assert "Cookie" in response["Vary"]


def test_the_organisation_page_is_public_but_not_kept(client, django_assert_max_num_queries):
    pledge = public_pledge()
    path = pledge.organisation.get_absolute_url()
    client.get(path)

    with django_assert_max_num_queries(50) as queries:
        response = client.get(path)

    assert len(queries) > 0  # rendered again
    assert response["Cache-Control"] == PUBLIC


def test_the_organisation_pages_pledges_are_kept_for_a_generation_for_everyone(
    client, django_capture_on_commit_callbacks
):
    first = public_pledge(title="First pledge")
    organisation = first.organisation
    client.force_login(UserFactory())
    path = organisation.get_absolute_url()
    with CaptureQueriesContext(connection) as cold:
        before = client.get(path)
    cold_queries = len(cold)  # each request empties Django's query log
    with CaptureQueriesContext(connection) as warm:
        kept = client.get(path)
    warm_queries = len(warm)

    with django_capture_on_commit_callbacks(execute=True):
        public_pledge(title="Second pledge", organisation=organisation)
    after = client.get(path)

    assert "First pledge" in before.text
    assert "Second pledge" not in kept.text
    assert warm_queries == cold_queries - 2  # its pledges and their totals
    assert "Second pledge" in after.text
    assert after["Cache-Control"] == "private, no-cache"


def test_approving_a_pledge_makes_the_next_anonymous_request_render_anew(
    client, django_capture_on_commit_callbacks
):
    public_pledge(title="Already there")
    first = client.get(VIEWER)
    pledge = complete_pledge(status=Pledge.Status.SUBMITTED, title="Newly approved")

    kept = client.get(VIEWER, headers={"if-none-match": first["ETag"]})
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_approve(pledge=pledge, actor=VerifiedUserFactory(is_staff=True))
    fresh = client.get(VIEWER, headers={"if-none-match": first["ETag"]})

    assert kept.status_code == 304
    assert fresh.status_code == 200
    assert "Newly approved" in fresh.text
    assert fresh["ETag"] != first["ETag"]


def test_a_bumped_generation_renders_the_home_page_anew(client):
    first = client.get("/en/")
    OrganisationFactory(member_since="2025-01-01T00:00:00Z")  # no service, no bump

    kept = client.get("/en/")
    caching.bump_generation()
    fresh = client.get("/en/")

    assert 'data-figure="members">0</dd>' in first.text
    assert kept.content == first.content
    assert 'data-figure="members">1</dd>' in fresh.text


def test_pages_are_compressed_and_a_compressed_page_still_revalidates(client):
    public_pledge()

    response = client.get(VIEWER, headers={"accept-encoding": "gzip"})
    repeat = client.get(
        VIEWER, headers={"accept-encoding": "gzip", "if-none-match": response["ETag"]}
    )

    assert response["Content-Encoding"] == "gzip"
    assert b"<h1" in gzip.decompress(response.content)
    assert response["ETag"].startswith('W/"')  # the body sent is not the one hashed
    assert "Accept-Encoding" in response["Vary"]
    assert repeat.status_code == 304


# --- Exports, feeds and the sitemap -------------------------------------------


@pytest.mark.parametrize("path", ["/en/pledges/export.csv", "/en/pledges/export.json"])
def test_an_export_has_an_etag_from_the_generation_and_its_query(client, path):
    public_pledge()

    response = client.get(path, {"country": "BE"})
    b"".join(response.streaming_content)
    repeat = client.get(path, {"country": "BE"}, headers={"if-none-match": response["ETag"]})
    other = client.get(path, {"country": "FR"})
    caching.bump_generation()
    after = client.get(path, {"country": "BE"}, headers={"if-none-match": response["ETag"]})

    assert response["Cache-Control"] == PUBLIC
    assert repeat.status_code == 304
    assert repeat["Cache-Control"] == PUBLIC
    assert other["ETag"] != response["ETag"]
    assert after.status_code == 200
    assert after["ETag"] != response["ETag"]


def test_a_logged_in_visitor_gets_the_same_public_export(client):
    public_pledge()
    anonymous = client.get("/en/pledges/export.csv")
    client.force_login(UserFactory())

    logged_in = client.get("/en/pledges/export.csv")

    assert logged_in["ETag"] == anonymous["ETag"]
    assert logged_in["Cache-Control"] == PUBLIC


@pytest.mark.parametrize(
    "path",
    ["/en/pledges/feed/", "/en/pledges/feed/pillars/education/", "/en/pledges/feed/countries/be/"],
)
def test_a_feed_says_how_to_keep_it_and_when_it_changed(client, path):
    public_pledge()

    response = client.get(path)
    repeat = client.get(path, headers={"if-none-match": response["ETag"]})
    since = client.get(path, headers={"if-modified-since": response["Last-Modified"]})

    assert response["Cache-Control"] == PUBLIC
    assert response["Last-Modified"]
    assert repeat.status_code == 304
    assert since.status_code == 304


@pytest.mark.parametrize(
    ("query", "kept"), [("country=BE", True), ("q=robotics", False), ("country=BE&q=x", False)]
)
def test_a_filtered_feed_is_kept_only_for_the_viewers_popular_filters(
    client, query, kept, django_assert_max_num_queries
):
    public_pledge(countries=("BE",))
    path = f"/en/pledges/feed/?{query}"
    client.get(path)

    with django_assert_max_num_queries(5) as queries:
        response = client.get(path)

    assert response.status_code == 200
    assert (len(queries) == 0) == kept


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-pledges.xml"])
def test_the_sitemap_is_public_and_revalidates(client, path):
    public_pledge()

    response = client.get(path)
    repeat = client.get(path, headers={"if-none-match": response["ETag"]})

    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert repeat.status_code == 304


def test_the_sitemap_shows_a_new_pledge_at_once(client, django_capture_on_commit_callbacks):
    client.get("/sitemap-pledges.xml")

    with django_capture_on_commit_callbacks(execute=True):
        pledge = public_pledge()

    assert pledge.get_absolute_url() in client.get("/sitemap-pledges.xml").text


def test_a_head_request_is_answered_like_a_get(client):
    get = client.get("/en/about/")

    head = client.head("/en/about/")

    assert head.status_code == 200
    assert head["Cache-Control"] == get["Cache-Control"]
    assert head.content == b""


def test_request_factory_is_a_plain_visitor():
    assert caching.is_plain_visitor(RequestFactory().get("/"))
    assert not caching.is_plain_visitor(RequestFactory().post("/"))
