"""A real HTTP server in a thread, serving the feed files of tests/national/feeds/
(copied to a temporary folder, so a test may change them), with conditional GET
(ETag with If-None-Match, Last-Modified with If-Modified-Since; under /lastmod/
only Last-Modified is sent), a slow path, and a path without Content-Length.

The harvester connects to public addresses only: the fixture lets exactly this
server's address and port through (NATIONAL_FEED_DESTINATION_CHECK) and leaves
every other destination to the production rule."""

import contextlib
import hashlib
import ipaddress
import shutil
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest

from national import outbound

FEEDS = Path(__file__).parent / "feeds"


class FeedServer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.slow_seconds = 2.0
        self.trickle_seconds = 1.0
        self.holding = True  # /hold/ paths wait for `release` (then close) while set
        self.held, self.release = threading.Event(), threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args):  # keep test output quiet
                pass

            def _not_modified(self, etag: str, mtime: int) -> bool:
                """RFC 9110: If-None-Match wins; If-Modified-Since only without it."""
                if "If-None-Match" in self.headers:
                    return bool(etag) and self.headers["If-None-Match"] == etag
                since = self.headers.get("If-Modified-Since")
                if not since:
                    return False
                try:
                    return mtime <= parsedate_to_datetime(since).timestamp()
                except (TypeError, ValueError):
                    return False

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                path = self.path.split("?")[0]
                if path.startswith("/redirect/"):  # /redirect/<scheme>/<path>
                    _, _, scheme, target = path.split("/", 3)
                    host = "{}:{}".format(*self.server.server_address[:2])
                    self.send_response(302)
                    self.send_header("Location", f"{scheme}://{host}/{target}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if path.startswith("/to/"):  # /to/<any address, quoted>
                    self.send_response(302)
                    self.send_header("Location", unquote(path.removeprefix("/to/")))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if path.startswith("/trickle-headers/"):  # a header byte a second, for ever
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                        self.wfile.flush()
                        for _ in range(60):
                            self.wfile.write(b"X")
                            self.wfile.flush()
                            time.sleep(server.trickle_seconds)
                    return
                if path.startswith("/hold/"):  # answers once the test releases it
                    path = path.removeprefix("/hold")
                    if server.holding:
                        server.held.set()
                        server.release.wait(30)
                        return
                if path.startswith("/slow/"):
                    time.sleep(server.slow_seconds)
                    path = path.removeprefix("/slow")
                if path.startswith("/drip/"):  # headers at once, then a byte at a time
                    self.send_response(200)
                    self.send_header("Content-Type", "application/xml")
                    self.end_headers()
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        for byte in (server.root / "rss.xml").read_bytes()[:40]:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(0.05)
                    return
                stream = path.startswith("/stream/")
                path = path.removeprefix("/stream")
                last_modified_only = path.startswith("/lastmod/")  # no ETag, as some servers
                path = path.removeprefix("/lastmod")
                file = server.root / path.lstrip("/")
                if path.startswith("/status/"):
                    self.send_response(int(path.rsplit("/", 1)[1]))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if not file.is_file():
                    self.send_error(404)
                    return
                body = file.read_bytes()
                etag = (
                    "" if last_modified_only else '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                )
                mtime = int(file.stat().st_mtime)
                modified = formatdate(mtime, usegmt=True)
                if self._not_modified(etag, mtime):
                    self.send_response(304)
                    if etag:
                        self.send_header("ETag", etag)
                    self.send_header("Last-Modified", modified)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/xml; charset=utf-8")
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
                if not stream:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # The harvester may give up on purpose (too big, too slow).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False  # a slow answer must not hold up the test
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/{path.lstrip('/')}"


def allowing(*destinations: tuple[str, int]):
    """The production rule, except for the given test servers' (address, port)."""
    allowed = {(ipaddress.ip_address(host), port) for host, port in destinations}

    def check(address, port):
        return (address, port) in allowed or outbound.is_public_destination(address, port)

    return check


@pytest.fixture
def feed_server(tmp_path, settings):
    settings.NATIONAL_FEED_TIMEOUT = 0.5
    settings.NATIONAL_FEED_MAX_BYTES = 50_000
    root = tmp_path / "feeds"
    shutil.copytree(FEEDS, root)
    server = FeedServer(root)
    server.thread.start()
    settings.NATIONAL_FEED_DESTINATION_CHECK = allowing(server.httpd.server_address[:2])
    yield server
    server.release.set()
    server.httpd.shutdown()
    server.httpd.server_close()
