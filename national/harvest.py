"""Harvesting connected websites: fetch each feed, turn its entries into items.

Every feed is fetched on its own, with a timeout, a size limit and a conditional
GET (ETag, Last-Modified). A feed that fails (slow, unreachable, not a feed,
too big) gets its error recorded and is skipped: the other feeds go on and the
items it brought before stay. HTML from feeds is sanitised with nh3 before it
is stored. The same entry (by its id) never becomes two items; an entry that
changed updates its item, which keeps its moderation state.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import feedparser
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from coalition.languages import content_languages
from national import outbound
from national.models import Feed, Item, Kind
from national.sanitise import plain_text, sanitise_html

logger = logging.getLogger(__name__)


def timeout_seconds() -> float:
    return float(getattr(settings, "NATIONAL_FEED_TIMEOUT", 10))


def max_bytes() -> int:
    return int(getattr(settings, "NATIONAL_FEED_MAX_BYTES", 2_000_000))


class FeedError(Exception):
    """Why a feed could not be harvested, in words staff can act on."""


@dataclass
class Fetched:
    not_modified: bool
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


@dataclass
class FeedReport:
    feed_id: int
    created_pending: list[int] = field(default_factory=list)  # new items to moderate
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    not_modified: bool = False
    error: str = ""


@dataclass
class HarvestReport:
    feeds: list[FeedReport] = field(default_factory=list)

    @property
    def created_pending(self) -> list[int]:
        return [pk for report in self.feeds for pk in report.created_pending]

    @property
    def failed(self) -> int:
        return sum(1 for report in self.feeds if report.error)

    def as_dict(self) -> dict[str, int]:
        return {
            "feeds": len(self.feeds),
            "failed": self.failed,
            "created": sum(r.created for r in self.feeds),
            "updated": sum(r.updated for r in self.feeds),
            "not_modified": sum(1 for r in self.feeds if r.not_modified),
        }


COULD_NOT_FETCH = "The feed could not be fetched."


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET a feed with a conditional GET, one deadline over the whole exchange
    and a size limit, from public addresses only (national/outbound.py).
    Raises FeedError.

    A refused address, a failed name lookup, a refused or reset connection and
    a TLS failure all read "The feed could not be fetched.": staff (or a
    website's redirect) must not learn from the portal what answers inside its
    network. The reason goes to the log."""
    if not url.lower().startswith(("http://", "https://")):
        raise FeedError("Only http and https feed addresses are fetched.")
    limit, timeout = max_bytes(), timeout_seconds()
    headers = {
        "User-Agent": f"CoalitionPortal-harvester (+{settings.SITE_URL})",
        "Accept": "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        response = outbound.get(url, headers=headers, seconds=timeout, max_bytes=limit)
    except outbound.TooBigError as exc:
        if exc.announced is not None:
            raise FeedError(
                f"The feed is too big ({exc.announced:,} bytes; limit {limit:,})."
            ) from exc
        raise FeedError(f"The feed is too big (over {limit:,} bytes).") from exc
    except outbound.TooSlowError as exc:
        if exc.in_body:
            raise FeedError(f"The feed took longer than {timeout:g} seconds to download.") from exc
        raise FeedError(f"The website did not answer within {timeout:g} seconds.") from exc
    except outbound.BadRedirectError as exc:
        raise FeedError("The website redirected to an address that is not http or https.") from exc
    except outbound.FetchError as exc:
        logger.info("Feed %s could not be fetched: %s", url, exc)
        raise FeedError(COULD_NOT_FETCH) from exc
    if response.status == 304:
        return Fetched(not_modified=True, etag=etag, last_modified=last_modified)
    if response.status != 200:
        reason = HTTPStatus(response.status).phrase if response.status in _STATUSES else ""
        raise FeedError(f"The website answered HTTP {response.status} {reason}".rstrip() + ".")
    return Fetched(
        not_modified=False,
        body=response.body,
        etag=response.headers.get("etag", "")[:300],
        last_modified=response.headers.get("last-modified", "")[:100],
    )


_STATUSES = {status.value for status in HTTPStatus}


def _date_of(value: Any) -> dt.date | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:  # both raise ValueError for a well-formed impossible date (30 February)
        moment = parse_datetime(value)
        if moment is not None:
            return moment.date()
        return parse_date(value[:10])
    except ValueError:
        return None


def _published(entry: Any) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)


def _language(code: str | None, default: str) -> str:
    """A language tag ("de-AT", "fr") as one of the portal's content
    languages (its own code, else its base language's), else ``default``."""
    code = (code or "").strip().lower().replace("_", "-")
    known = content_languages()
    for candidate in (code, code.split("-")[0]):
        if candidate in known:
            return candidate
    return default


def _entry_language(raw: Any) -> str | None:
    """An entry's own language: Dublin Core's dc:language, else the xml:lang
    its title is in (Atom's, which an entry inherits from its feed)."""
    return raw.get("language") or (raw.get("title_detail") or {}).get("language")


@dataclass(frozen=True)
class Entry:
    guid: str
    title: str
    summary: str
    link: str
    language: str
    published_at: dt.datetime | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    location: str

    @property
    def fingerprint(self) -> str:
        parts = (
            self.title,
            self.summary,
            self.link,
            self.language,
            str(self.starts_on),
            str(self.ends_on),
            self.location,
            str(self.published_at),
        )
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def parse(body: bytes, *, default_language: str) -> list[Entry]:
    """The entries of an RSS 2.0 or Atom 1.0 document. Raises FeedError."""
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise FeedError(
            "The address does not serve an RSS or Atom feed"
            + (f" ({str(reason)[:200]})." if reason else ".")
        )
    feed_language = _language(parsed.feed.get("language"), default_language)
    entries = []
    for raw in parsed.entries:
        title = plain_text(raw.get("title", ""))[:300]
        link = raw.get("link", "")
        if not link.lower().startswith(("http://", "https://")) or len(link) > 500:
            link = ""
        guid = (raw.get("id") or link or "")[:500]
        if not title or not guid:
            continue  # an entry without a title or an identity cannot be shown or tracked
        content = raw.get("content") or []
        html = raw.get("summary") or (content[0].get("value", "") if content else "")
        summary = sanitise_html(html)
        if len(summary) > 5000:
            summary = sanitise_html(summary[:4990])  # cutting may break a tag: clean again
        starts_on = _date_of(raw.get("ev_startdate"))
        ends_on = _date_of(raw.get("ev_enddate"))
        if starts_on and ends_on and ends_on < starts_on:
            ends_on = None
        entries.append(
            Entry(
                guid=guid,
                title=title,
                summary=summary,
                link=link,
                language=_language(_entry_language(raw), feed_language),
                published_at=_published(raw),
                starts_on=starts_on,
                ends_on=ends_on,
                location=plain_text(raw.get("ev_location", ""))[:200],
            )
        )
    return entries


@transaction.atomic
def store_entries(*, feed: Feed, entries: list[Entry]) -> FeedReport:
    """Create or update the feed's items; moderation states stay as they are."""
    coalition = feed.coalition
    report = FeedReport(feed_id=feed.pk)
    known = {
        item.guid: item
        for item in Item.objects.select_for_update().filter(
            coalition=coalition, guid__in=[entry.guid for entry in entries]
        )
    }
    initial_state = Item.State.APPROVED if coalition.trusted else Item.State.PENDING
    seen: set[str] = set()
    for entry in entries:
        if entry.guid in seen:
            continue  # the same entry twice in one document
        seen.add(entry.guid)
        values = {
            "kind": feed.kind,
            "title": entry.title,
            "summary": entry.summary,
            "link": entry.link,
            "language": entry.language,
            "published_at": entry.published_at,
            "location": entry.location if feed.kind == Kind.EVENT else "",
            "starts_on": entry.starts_on if feed.kind == Kind.EVENT else None,
            "ends_on": entry.ends_on if feed.kind == Kind.EVENT else None,
            "fingerprint": entry.fingerprint,
            "feed": feed,
        }
        item = known.get(entry.guid)
        if item is None:
            created = Item.objects.create(
                coalition=coalition,
                country=coalition.country,
                guid=entry.guid,
                source=Item.Source.HARVESTED,
                state=initial_state,
                **values,
            )
            report.created += 1
            if created.state == Item.State.PENDING:
                report.created_pending.append(created.pk)
        elif item.fingerprint != entry.fingerprint or item.kind != feed.kind:
            for name, value in values.items():
                setattr(item, name, value)
            item.save()
            report.updated += 1
        else:
            report.unchanged += 1
    return report


def harvest_feed(*, feed: Feed, now: dt.datetime) -> FeedReport:
    """Fetch one feed and store its entries; a failure is recorded on the feed."""
    feed.last_checked_at = now
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if fetched.not_modified:
            report = FeedReport(feed_id=feed.pk, not_modified=True)
        else:
            entries = parse(fetched.body, default_language=feed.coalition.language)
            report = store_entries(feed=feed, entries=entries)
            feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
            feed.entries_seen = len(entries)
    except FeedError as exc:
        feed.last_error, feed.last_error_at = str(exc), now
        feed.consecutive_failures += 1
        feed.save()
        logger.warning("Feed %s (%s) failed: %s", feed.pk, feed.url, exc)
        return FeedReport(feed_id=feed.pk, error=str(exc))
    feed.last_success_at = now
    feed.consecutive_failures = 0
    feed.save()
    return report


def harvest_all(
    *, now: dt.datetime | None = None, feeds: QuerySet[Feed] | None = None
) -> HarvestReport:
    """Harvest every active feed (or those of `feeds`, paused or not), one after
    the other; one feed's failure never stops the others."""
    now = now or timezone.now()
    report = HarvestReport()
    if feeds is None:
        feeds = Feed.objects.filter(is_active=True)
    for feed in feeds.select_related("coalition").order_by("pk"):
        try:
            report.feeds.append(harvest_feed(feed=feed, now=now))
        except Exception as exc:  # a bug or the database: record it, go on with the rest
            logger.exception("Harvesting feed %s failed unexpectedly", feed.pk)
            Feed.objects.filter(pk=feed.pk).update(
                last_error=f"Unexpected error: {exc.__class__.__name__}",
                last_error_at=now,
                last_checked_at=now,
                consecutive_failures=feed.consecutive_failures + 1,
            )
            report.feeds.append(FeedReport(feed_id=feed.pk, error=str(exc)))
    return report
