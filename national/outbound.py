"""HTTP requests to addresses that someone outside the portal chose (connected
websites' feeds), made so that they cannot be turned against the portal's own
network.

httpcore (the transport under httpx) does the HTTP; this module gives it a
network backend, its documented hook for opening connections, that:

- resolves the host name itself, refuses it unless every address it resolves
  to is a global unicast address (not loopback, private, link-local, shared,
  reserved, multicast, unspecified, IPv4-mapped or -translated) and the port is
  80 or 443, then connects to the very address it checked, so a second DNS
  answer cannot point the connection elsewhere (DNS rebinding);
- does so for every connection, so each redirect is checked as the first request;
- bounds every step by one deadline: name lookup, connect, TLS, each read and
  write get the time left, never a fresh timeout, so a server that trickles its
  headers or body one byte at a time is cut off when the deadline passes.

Redirects are followed here, one hop at a time (httpcore follows none).
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import threading
import time
import typing
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpcore
from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
DestinationCheck = Callable[[Address, int], bool]

ALLOWED_PORTS = frozenset({80, 443})
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

# IPv6 ranges that carry an IPv4 address on to an IPv4 network (RFC 6052 NAT64,
# RFC 8215 local translation): their IPv4 half may be private.
_TRANSLATED = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)
_GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")


class DestinationRefusedError(Exception):
    """The destination is not one the portal may connect to."""


class FetchError(Exception):
    """The request failed: refused, unreachable, too slow, not HTTP. The message
    is for the log only: it may describe what answered."""


class TooSlowError(FetchError):
    """The deadline passed (`in_body`: after the headers had come)."""

    in_body = False


class TooBigError(FetchError):
    """The body exceeded the size limit (`announced`: by its Content-Length)."""

    def __init__(self, message: str, *, announced: int | None = None) -> None:
        super().__init__(message)
        self.announced = announced


class BadRedirectError(FetchError):
    """A redirect to something other than an http or https address."""


def is_global_unicast(address: Address) -> bool:
    """Whether `address` is a public unicast address on the internet."""
    if isinstance(address, ipaddress.IPv6Address) and (
        address.ipv4_mapped is not None
        or address.sixtofour is not None
        or address.teredo is not None
        or any(address in network for network in _TRANSLATED)
        or address not in _GLOBAL_UNICAST_V6
    ):
        return False
    return (
        address.is_global
        and not address.is_multicast
        and not address.is_private
        and not address.is_loopback
        and not address.is_link_local
        and not address.is_reserved
        and not address.is_unspecified
    )


def is_public_destination(address: Address, port: int) -> bool:
    """The production rule: a global unicast address, on the web's ports."""
    return port in ALLOWED_PORTS and is_global_unicast(address)


def destination_check() -> DestinationCheck:
    """The rule in force. Tests, whose servers listen on 127.0.0.1, set
    NATIONAL_FEED_DESTINATION_CHECK to a rule that lets exactly those through."""
    return getattr(settings, "NATIONAL_FEED_DESTINATION_CHECK", None) or is_public_destination


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left; raises TooSlowError when there are none."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise TooSlowError(f"deadline of {self.seconds:g} s passed")
        return left

    def within(self, timeout: float | None) -> float:
        left = self.left()
        return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every operation gets only the time left."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self.stream = stream
        self.deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, self.deadline.within(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, self.deadline.within(timeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        # CPython bounds the whole handshake by the socket's timeout.
        tls = self.stream.start_tls(ssl_context, server_hostname, self.deadline.within(timeout))
        return DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self.stream.get_extra_info(info)


def resolve(host: str, port: int, deadline: Deadline) -> list[Address]:
    """The addresses of `host`, looked up within the deadline (the system's
    resolver takes no timeout, so it runs in a thread that is left behind if late)."""
    found: list[list[Address]] = []
    failure: list[OSError] = []

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            failure.append(OSError(str(exc)))
            return
        # An IPv6 address may carry a zone ("fe80::1%eth0"), which ip_address refuses.
        found.append([ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos])

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(deadline.left())
    if failure:
        raise FetchError(f"name lookup failed: {failure[0]}")
    if not found:
        deadline.left()
        raise TooSlowError("name lookup took too long")
    return list(dict.fromkeys(found[0]))


class CheckedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, refusing destinations the rule refuses and
    connecting to the checked address itself."""

    def __init__(self, deadline: Deadline, check: DestinationCheck) -> None:
        self.inner = httpcore.SyncBackend()
        self.deadline = deadline
        self.check = check

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port, self.deadline)
        refused = [address for address in addresses if not self.check(address, port)]
        if refused or not addresses:
            # Every address must pass: a name that also resolves inward is refused,
            # whichever address a retry would pick.
            raise DestinationRefusedError(
                f"{host} port {port} resolves to refused {refused or 'nothing'}"
            )
        error: Exception | None = None
        for address in addresses:
            try:
                stream = self.inner.connect_tcp(
                    str(address),
                    port,
                    timeout=self.deadline.within(timeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                error = exc
                continue
            return DeadlineStream(stream, self.deadline)
        raise httpcore.ConnectError(str(error))

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise DestinationRefusedError("no local sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, self.deadline.left()))


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names; the last of repeated headers
    body: bytes


def _target(url: str) -> tuple[httpcore.URL, bytes]:
    """httpcore's URL for an http(s) address, and its Host header."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"bad address: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadRedirectError("not an http or https address")
    host = parts.hostname or ""
    try:
        host_bytes = host.encode("idna") if host else b""
    except UnicodeError as exc:
        raise FetchError("bad host name") from exc
    if not host_bytes:
        raise FetchError("no host")
    default = 443 if scheme == "https" else 80
    port = port or default
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    shown = b"[%b]" % host_bytes if b":" in host_bytes else host_bytes
    host_header = shown if port == default else b"%b:%d" % (shown, port)
    return (
        httpcore.URL(
            scheme=scheme.encode(),
            host=host_bytes,
            port=port,
            target=urllib.parse.quote(target, safe="/?&=%:@!$'()*+,;~").encode("ascii"),
        ),
        host_header,
    )


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """httpcore's default context (certifi's CAs, hostname checked), made once:
    loading the CA bundle costs more than a refused fetch."""
    return httpcore.default_ssl_context()


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except httpcore.TimeoutException as exc:
        raise TooSlowError(str(exc) or exc.__class__.__name__) from exc
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise FetchError(f"{exc.__class__.__name__}: {exc}") from exc
    except DestinationRefusedError as exc:
        raise FetchError(f"refused: {exc}") from exc
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise FetchError(f"{exc.__class__.__name__}: {exc}") from exc


def get(url: str, *, headers: dict[str, str], seconds: float, max_bytes: int) -> Response:
    """GET `url`, following up to MAX_REDIRECTS redirects, all within `seconds`
    and at most `max_bytes` of body. Raises FetchError (or a subclass)."""
    deadline = Deadline(seconds)
    backend = CheckedBackend(deadline, destination_check())
    encoded = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
    with (
        _translated(),
        httpcore.ConnectionPool(
            network_backend=backend, ssl_context=_ssl_context(), retries=0
        ) as pool,
    ):
        for _hop in range(MAX_REDIRECTS + 1):
            target, host_header = _target(url)
            left = deadline.left()
            timeouts = {"connect": left, "read": left, "write": left, "pool": left}
            with pool.stream(
                "GET",
                target,
                headers=[(b"Host", host_header), *encoded],
                extensions={"timeout": timeouts},
            ) as response:
                found = {
                    name.decode("latin-1").lower(): value.decode("latin-1")
                    for name, value in response.headers
                }
                if response.status in REDIRECT_STATUSES and "location" in found:
                    url = urllib.parse.urljoin(url, found["location"].strip())
                    continue
                length = found.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes:
                    raise TooBigError(f"announced {length} bytes", announced=int(length))
                try:
                    body = _read_body(response, deadline, max_bytes)
                except (TooSlowError, httpcore.TimeoutException) as exc:
                    slow = TooSlowError(f"body: {exc}")
                    slow.in_body = True
                    raise slow from exc
                return Response(status=response.status, headers=found, body=body)
    raise FetchError("too many redirects")


def _read_body(response: httpcore.Response, deadline: Deadline, max_bytes: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_stream():
        size += len(chunk)
        if size > max_bytes:
            raise TooBigError(f"over {max_bytes} bytes")
        chunks.append(chunk)
        deadline.left()
    return b"".join(chunks)
