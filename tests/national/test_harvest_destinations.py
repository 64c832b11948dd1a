"""The harvester cannot be turned inward: it fetches from global unicast
addresses on ports 80 and 443 only, checks each redirect as the first request,
connects to the address it checked, and ends every fetch at its deadline.

The feed server of these tests listens on 127.0.0.1; the fixture lets exactly
its address and port through, and every other destination meets the production
rule. The "inside" servers below are real listeners that must never be reached."""

import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest

from national import harvest, outbound
from national.models import Feed, Item, Kind
from tests.national.factories import FeedFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db

NOW = harvest.timezone.now()


class Inside:
    """A server that should stay out of reach, counting the requests it gets."""

    def __init__(self, host: str) -> None:
        self.hits = 0
        inside = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args):
                pass

            def do_GET(self):
                inside.hits += 1
                body = (
                    b'<?xml version="1.0"?><rss version="2.0"><channel><title>inside</title>'
                    b"<item><title>secret</title><guid>secret-1</guid></item></channel></rss>"
                )
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server_class = ThreadingHTTPServer
        if ":" in host:

            class V6(ThreadingHTTPServer):
                address_family = socket.AF_INET6

            server_class = V6
        self.httpd = server_class((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]


@pytest.fixture
def inside_v4():
    server = Inside("127.0.0.1")
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def inside_v6():
    try:
        server = Inside("::1")
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


COUNTRIES = iter(["FR", "DE", "IT", "ES", "PT", "NL", "BE", "AT", "PL", "SE"] * 10)


def feed_at(url: str) -> Feed:
    coalition = NationalCoalitionFactory(country=next(COUNTRIES), language="en")
    return FeedFactory(coalition=coalition, kind=Kind.NEWS, url=url)


def assert_refused(feed: Feed, report) -> None:
    assert report.error == "The feed could not be fetched."
    assert Item.objects.count() == 0
    feed.refresh_from_db()
    assert (feed.last_error, feed.consecutive_failures) == ("The feed could not be fetched.", 1)
    assert feed.last_success_at is None


@pytest.mark.parametrize("port", [80, 443])
def test_a_redirect_to_loopback_is_refused_even_on_the_web_ports(feed_server, port, settings):
    # Nothing listens on 127.0.0.1:80 here: a connection attempt would fail the
    # same way, so the refusal is shown by the check, recorded below.
    asked = []
    check = outbound.destination_check()

    def recording(address, port):
        asked.append((str(address), port))
        return check(address, port)

    settings.NATIONAL_FEED_DESTINATION_CHECK = recording
    feed = feed_at(feed_server.url("to/" + quote(f"http://127.0.0.1:{port}/feed", safe="")))

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert asked[-1] == ("127.0.0.1", port)
    assert_refused(feed, report)


def test_a_redirect_to_a_loopback_server_is_refused(feed_server, inside_v4):
    target = f"http://127.0.0.1:{inside_v4.port}/rss.xml"
    feed = feed_at(feed_server.url("to/" + quote(target, safe="")))

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert inside_v4.hits == 0
    assert_refused(feed, report)


def test_a_redirect_to_an_ipv6_loopback_server_is_refused(feed_server, inside_v6):
    target = f"http://[::1]:{inside_v6.port}/rss.xml"
    feed = feed_at(feed_server.url("to/" + quote(target, safe="")))

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert inside_v6.hits == 0
    assert_refused(feed, report)


@pytest.mark.parametrize(
    "target",
    [
        "http://10.1.2.3/feed.xml",  # private
        "http://169.254.169.254/latest/meta-data/",  # link-local: cloud metadata
        "http://[::ffff:127.0.0.1]/feed.xml",  # IPv4-mapped loopback
        "http://0.0.0.0/feed.xml",  # unspecified
        "http://localhost/feed.xml",  # a name that resolves inward
    ],
)
def test_a_redirect_inward_is_refused_before_any_connection(feed_server, target):
    feed = feed_at(feed_server.url("to/" + quote(target, safe="")))

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert_refused(feed, report)


def test_an_address_set_by_staff_is_refused_like_a_redirect(feed_server, inside_v4):
    feed = feed_at(f"http://127.0.0.1:{inside_v4.port}/rss.xml")

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert inside_v4.hits == 0
    assert_refused(feed, report)


def test_a_refused_address_reads_like_a_closed_port(feed_server, inside_v4, settings):
    from tests.national.conftest import allowing

    open_port = f"http://127.0.0.1:{inside_v4.port}/missing"
    settings.NATIONAL_FEED_DESTINATION_CHECK = allowing(("127.0.0.1", 9))
    closed = feed_at("http://127.0.0.1:9/feed.xml")  # allowed, nothing listens

    closed_report = harvest.harvest_feed(feed=closed, now=NOW)
    open_report = harvest.harvest_feed(feed=feed_at(open_port), now=NOW)

    assert closed_report.error == open_report.error == "The feed could not be fetched."
    assert inside_v4.hits == 0


def test_a_redirect_to_another_port_of_the_allowed_host_is_refused(feed_server, inside_v4):
    feed = feed_at(feed_server.url("to/" + quote(f"http://127.0.0.1:{inside_v4.port}/", safe="")))

    harvest.harvest_feed(feed=feed, now=NOW)

    assert inside_v4.hits == 0


def test_a_server_trickling_its_headers_is_cut_off_at_the_deadline(feed_server, settings):
    settings.NATIONAL_FEED_TIMEOUT = 3
    feed = feed_at(feed_server.url("trickle-headers/"))
    started = time.monotonic()

    report = harvest.harvest_feed(feed=feed, now=NOW)

    elapsed = time.monotonic() - started
    assert report.error == "The website did not answer within 3 seconds."
    assert 3 <= elapsed < 4
    assert Item.objects.count() == 0


def test_the_connection_goes_to_the_address_that_was_checked(feed_server, monkeypatch, settings):
    """A second DNS answer cannot move the connection: the backend resolves once,
    checks, and connects to that address, never to the name."""
    connected = []
    real_connect = outbound.httpcore.SyncBackend.connect_tcp

    def connect_tcp(self, host, port, **kwargs):
        connected.append(host)
        return real_connect(self, host, port, **kwargs)

    monkeypatch.setattr(outbound.httpcore.SyncBackend, "connect_tcp", connect_tcp)
    host, port = feed_server.httpd.server_address[:2]
    feed = feed_at(f"http://localhost:{port}/atom.xml")
    settings.NATIONAL_FEED_DESTINATION_CHECK = lambda address, p: (
        address == ipaddress.ip_address(host) and p == port
    )

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert (report.error, report.created) == ("", 2)
    assert connected == ["127.0.0.1"]
    assert feed_server.requests[-1][1]["Host"] == f"localhost:{port}"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("10.0.0.1", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("100.64.0.1", False),  # shared address space (carrier NAT)
        ("169.254.169.254", False),
        ("0.0.0.0", False),  # noqa: S104 - an address to refuse, not to bind
        ("224.0.0.1", False),
        ("239.255.255.250", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("192.0.2.1", False),  # documentation
        ("198.18.0.1", False),  # benchmarking
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("fd12:3456::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:8.8.8.8", False),  # IPv4-mapped: refused whatever it maps
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("2002:a00:1::1", False),  # 6to4 of 10.0.0.1
        ("2001::1", False),  # Teredo
        ("2001:db8::1", False),  # documentation
    ],
)
def test_only_global_unicast_addresses_pass(address, public):
    assert outbound.is_global_unicast(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(("port", "allowed"), [(80, True), (443, True), (8080, False), (22, False)])
def test_only_the_web_ports_pass(port, allowed):
    assert outbound.is_public_destination(ipaddress.ip_address("93.184.215.14"), port) is allowed


def test_without_the_test_rule_the_production_rule_applies(settings):
    settings.NATIONAL_FEED_DESTINATION_CHECK = None

    assert outbound.destination_check() is outbound.is_public_destination


def test_nothing_is_stored_from_a_refused_redirect_even_if_the_inside_speaks_rss(
    feed_server, inside_v4
):
    feed = feed_at(feed_server.url("to/" + quote(f"http://127.0.0.1:{inside_v4.port}/", safe="")))

    report = harvest.harvest_all(now=NOW)

    assert report.as_dict()["failed"] == 1
    assert not Item.objects.filter(guid="secret-1").exists()
    feed.refresh_from_db()
    assert "secret" not in feed.last_error
