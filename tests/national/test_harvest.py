"""The harvester against a real local HTTP server serving real feed files."""

import datetime as dt
import os
import time
from email.utils import formatdate
from io import StringIO

import pytest
from django.core.management import call_command

from national import harvest
from national.models import Feed, Item, Kind
from tests.national.conftest import allowing
from tests.national.factories import FeedFactory, ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 6, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(hours=1)


def feed_for(server, path, *, kind=Kind.NEWS, country="FR", trusted=False, **extra):
    coalition = NationalCoalitionFactory(country=country, trusted=trusted, language="en")
    return FeedFactory(coalition=coalition, kind=kind, url=server.url(path), **extra)


def test_it_creates_items_from_an_rss_feed(feed_server):
    feed = feed_for(feed_server, "rss.xml", kind=Kind.EVENT)

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert (report.created, report.updated, report.error) == (3, 0, "")
    items = {item.guid: item for item in Item.objects.all()}
    assert sorted(items) == [
        "coalition-numerique-fr-event-101",
        "coalition-numerique-fr-event-102",
        "https://coalition-numerique.example.fr/evenements/forum-metiers/",
    ]
    code_week = items["coalition-numerique-fr-event-101"]
    assert code_week.title == "Semaine du code à Lyon"
    assert code_week.summary == (
        "<p>Une semaine d’ateliers de <strong>programmation</strong> pour les collégiens, "
        "avec nos partenaires.</p>"
    )
    assert (
        code_week.link == "https://coalition-numerique.example.fr/evenements/semaine-du-code-lyon/"
    )
    assert code_week.kind == Kind.EVENT
    assert code_week.language == "fr"
    assert code_week.country == "FR"
    assert code_week.starts_on == dt.date(2026, 4, 13)
    assert code_week.ends_on == dt.date(2026, 4, 17)
    assert code_week.location == "Lyon, Halle Tony Garnier"
    assert code_week.published_at == dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    assert code_week.source == Item.Source.HARVESTED
    assert code_week.state == Item.State.PENDING
    assert code_week.feed == feed
    assert items["coalition-numerique-fr-event-102"].starts_on == dt.date(2026, 5, 5)


def test_it_records_success_on_the_feed(feed_server):
    feed = feed_for(feed_server, "rss.xml", kind=Kind.EVENT, consecutive_failures=3)

    harvest.harvest_feed(feed=feed, now=NOW)

    feed.refresh_from_db()
    assert feed.last_success_at == NOW
    assert feed.last_checked_at == NOW
    assert feed.consecutive_failures == 0
    assert feed.entries_seen == 3
    assert feed.etag.startswith('"')
    assert feed.last_modified.endswith("GMT")


def test_it_creates_items_from_an_atom_feed(feed_server):
    feed = feed_for(feed_server, "atom.xml", country="DE")

    harvest.harvest_feed(feed=feed, now=NOW)

    items = list(Item.objects.order_by("published_at"))
    assert [item.title for item in items] == [
        "Digitaltag & Koalitionstreffen in Berlin",
        "Neue Förderlinie für digitale Weiterbildung",
    ]
    assert [item.language for item in items] == ["de", "de"]
    assert (
        items[0].summary == "<p>Über 300 Partner trafen sich zum <strong>Digitaltag</strong>.</p>"
    )
    assert items[1].summary == (
        "<p>Das Ministerium fördert <em>Weiterbildung</em> "
        "in kleinen und mittleren Unternehmen.</p>"
    )
    assert items[0].guid == "tag:digitale-koalition.example.de,2026:news-16"
    assert items[0].starts_on is None


def test_it_publishes_at_once_for_a_trusted_coalition(feed_server):
    feed = feed_for(feed_server, "atom.xml", trusted=True)

    harvest.harvest_feed(feed=feed, now=NOW)

    assert set(Item.objects.values_list("state", flat=True)) == {Item.State.APPROVED}


def test_it_never_makes_the_same_entry_into_two_items(feed_server):
    feed = feed_for(feed_server, "rss.xml", kind=Kind.EVENT)
    harvest.harvest_feed(feed=feed, now=NOW)
    Feed.objects.filter(pk=feed.pk).update(etag="", last_modified="")  # no conditional GET
    feed.refresh_from_db()

    report = harvest.harvest_feed(feed=feed, now=LATER)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert Item.objects.count() == 3


def test_it_updates_an_entry_that_changed_and_keeps_its_moderation_state(feed_server):
    feed = feed_for(feed_server, "rss.xml", kind=Kind.EVENT)
    harvest.harvest_feed(feed=feed, now=NOW)
    Item.objects.filter(guid="coalition-numerique-fr-event-101").update(state=Item.State.APPROVED)
    Item.objects.filter(guid="coalition-numerique-fr-event-102").update(state=Item.State.REJECTED)
    rss = feed_server.root / "rss.xml"
    rss.write_text(
        rss.read_text()
        .replace("Semaine du code à Lyon", "Semaine du code à Lyon (complet)")
        .replace("2026-04-17", "2026-04-18")
    )

    report = harvest.harvest_feed(feed=feed, now=LATER)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    item = Item.objects.get(guid="coalition-numerique-fr-event-101")
    assert item.title == "Semaine du code à Lyon (complet)"
    assert item.ends_on == dt.date(2026, 4, 18)
    assert item.state == Item.State.APPROVED
    assert Item.objects.get(guid="coalition-numerique-fr-event-102").state == Item.State.REJECTED


def test_it_sends_a_conditional_get_and_spares_an_unchanged_feed(feed_server):
    feed = feed_for(feed_server, "rss.xml", kind=Kind.EVENT)
    harvest.harvest_feed(feed=feed, now=NOW)
    feed.refresh_from_db()
    etag = feed.etag

    report = harvest.harvest_feed(feed=feed, now=LATER)

    assert report.not_modified is True
    assert feed_server.requests[-1][1]["If-None-Match"] == etag
    assert "If-Modified-Since" in feed_server.requests[-1][1]
    feed.refresh_from_db()
    assert feed.last_success_at == LATER
    assert feed.etag == etag
    assert Item.objects.count() == 3


def test_it_strips_scripts_and_unsafe_links_from_feed_html(feed_server):
    feed = feed_for(feed_server, "script.xml", kind=Kind.RESOURCE, country="NL")

    harvest.harvest_feed(feed=feed, now=NOW)

    guide = Item.objects.get(guid="resource-gids")
    assert guide.title == "Gids voor digitale vaardigheden"
    assert guide.summary.startswith("<p>Een praktische gids.</p>")
    for unsafe in ("<script", "onclick", "onerror", "javascript:", "<iframe", "<style", "<img"):
        assert unsafe not in guide.summary
    assert (
        '<a href="https://resources.example.nl/gids.pdf" rel="noopener noreferrer nofollow">PDF</a>'
        in (guide.summary)
    )
    assert guide.language == "nl"
    assert Item.objects.get(guid="resource-lesmateriaal").link == ""


def test_it_records_a_feed_that_is_not_xml_and_keeps_its_items(feed_server):
    feed = feed_for(feed_server, "broken.xml", consecutive_failures=1)
    ItemFactory(coalition=feed.coalition, feed=feed, guid="kept-1", source=Item.Source.HARVESTED)

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error.startswith("The address does not serve an RSS or Atom feed")
    feed.refresh_from_db()
    assert feed.last_error == report.error
    assert feed.last_error_at == NOW
    assert feed.consecutive_failures == 2
    assert feed.last_success_at is None
    assert list(Item.objects.values_list("guid", flat=True)) == ["kept-1"]


def test_it_gives_up_on_a_slow_feed(feed_server):
    feed = feed_for(feed_server, "slow/slow.xml")

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error == "The website did not answer within 0.5 seconds."
    assert Item.objects.count() == 0
    feed.refresh_from_db()
    assert feed.consecutive_failures == 1


def test_it_gives_up_on_a_feed_that_trickles_in_slower_than_the_timeout(feed_server):
    feed = feed_for(feed_server, "drip/rss.xml")  # 40 bytes, one per 50 ms: 2 seconds
    started = time.monotonic()

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error == "The feed took longer than 0.5 seconds to download."
    assert time.monotonic() - started < 1.5  # stopped at the deadline, not at the end
    assert Item.objects.count() == 0


def test_it_refuses_a_huge_feed_by_its_announced_length(feed_server):
    feed = feed_for(feed_server, "huge.xml", kind=Kind.TRAINING)

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error.startswith("The feed is too big (")
    assert "limit 50,000" in report.error
    assert Item.objects.count() == 0


def test_it_stops_reading_a_huge_feed_without_a_length(feed_server):
    feed = feed_for(feed_server, "stream/huge.xml", kind=Kind.TRAINING)

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error == "The feed is too big (over 50,000 bytes)."
    assert Item.objects.count() == 0


def test_it_records_an_http_error(feed_server):
    feed = feed_for(feed_server, "status/500")

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error == "The website answered HTTP 500 Internal Server Error."


def test_it_records_an_unreachable_website_without_saying_what_answered(feed_server, settings):
    settings.NATIONAL_FEED_DESTINATION_CHECK = allowing(("127.0.0.1", 9))
    feed = feed_for(feed_server, "rss.xml")
    feed.url = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error == "The feed could not be fetched."


def test_it_fetches_only_http_addresses(feed_server, tmp_path):
    feed = feed_for(feed_server, "rss.xml")
    feed.url = f"file://{feed_server.root / 'rss.xml'}"

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error == "Only http and https feed addresses are fetched."
    assert Item.objects.count() == 0


def test_it_follows_a_redirect_to_another_http_address(feed_server):
    feed = feed_for(feed_server, "redirect/http/atom.xml", country="DE")

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert (report.created, report.error) == (2, "")


def test_it_refuses_a_redirect_to_another_scheme(feed_server):
    feed = feed_for(feed_server, "redirect/ftp/atom.xml", country="DE")

    report = harvest.harvest_feed(feed=feed, now=NOW)

    assert report.error == "The website redirected to an address that is not http or https."
    assert Item.objects.count() == 0


def test_one_failing_feed_never_stops_the_others(feed_server):
    slow = feed_for(feed_server, "slow/slow.xml", country="BE")
    broken = feed_for(feed_server, "broken.xml", country="AT")
    good = feed_for(feed_server, "atom.xml", country="DE")
    feed_for(feed_server, "rss.xml", country="IT", is_active=False)

    report = harvest.harvest_all(now=NOW)

    assert report.as_dict() == {
        "feeds": 3,
        "failed": 2,
        "created": 2,
        "updated": 0,
        "not_modified": 0,
    }
    assert set(Item.objects.values_list("feed", flat=True)) == {good.pk}
    slow.refresh_from_db()
    broken.refresh_from_db()
    assert slow.consecutive_failures == broken.consecutive_failures == 1


def test_the_command_harvests_and_reports(feed_server):
    feed_for(feed_server, "atom.xml", country="DE")
    feed_for(feed_server, "broken.xml", country="AT")
    out, err = StringIO(), StringIO()

    call_command("harvest_feeds", stdout=out, stderr=err)

    assert out.getvalue() == (
        "Harvested 2 feeds: 2 items created, 0 updated, 0 unchanged since last time, 1 failed.\n"
    )
    assert "does not serve an RSS or Atom feed" in err.getvalue()


def test_the_task_harvests_every_feed(feed_server):
    from national.tasks import harvest_feeds

    feed_for(feed_server, "atom.xml", country="DE")

    result = harvest_feeds.enqueue()

    assert result.return_value == {
        "feeds": 1,
        "failed": 0,
        "created": 2,
        "updated": 0,
        "not_modified": 0,
    }


def test_the_schedule_needs_a_backend_that_runs_tasks_later():
    out = StringIO()

    call_command("harvest_feeds", "--schedule", stdout=out)

    assert "cannot run tasks later" in out.getvalue()


def test_the_schedule_enqueues_one_next_run_on_the_database_backend(settings):
    from django_tasks_db.models import DBTaskResult

    from national import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    first = tasks.schedule_next_harvest(now=NOW)
    second = tasks.schedule_next_harvest(now=NOW)

    assert (first, second) == (True, False)
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "national.tasks.scheduled_harvest"
    assert queued.run_after == NOW + dt.timedelta(minutes=60)


def test_the_command_can_hand_the_harvest_to_the_worker(feed_server):
    feed_for(feed_server, "atom.xml", country="DE")
    out = StringIO()

    call_command("harvest_feeds", "--enqueue", stdout=out)

    assert out.getvalue().startswith("Harvest enqueued (task ")
    assert Item.objects.count() == 2  # the immediate backend of the tests ran it at once


def test_a_server_sending_only_last_modified_is_spared_on_the_second_harvest(feed_server):
    feed = feed_for(feed_server, "lastmod/rss.xml", kind=Kind.EVENT)
    harvest.harvest_feed(feed=feed, now=NOW)
    feed.refresh_from_db()
    assert feed.etag == ""
    last_modified = feed.last_modified
    assert last_modified.endswith(" GMT")

    report = harvest.harvest_feed(feed=feed, now=LATER)

    sent = feed_server.requests[-1][1]
    assert sent["If-Modified-Since"] == last_modified
    assert "If-None-Match" not in sent
    assert (report.not_modified, report.created, report.error) == (True, 0, "")
    feed.refresh_from_db()
    assert (feed.last_success_at, feed.last_modified) == (LATER, last_modified)
    assert Item.objects.count() == 3


def test_it_fetches_a_last_modified_feed_again_once_it_changed(feed_server):
    feed = feed_for(feed_server, "lastmod/rss.xml", kind=Kind.EVENT)
    harvest.harvest_feed(feed=feed, now=NOW)
    file = feed_server.root / "rss.xml"
    file.write_text(file.read_text().replace("Semaine du code à Lyon", "Semaine du code"))
    later = file.stat().st_mtime + 60
    os.utime(file, (later, later))
    feed.refresh_from_db()

    report = harvest.harvest_feed(feed=feed, now=LATER)

    assert (report.not_modified, report.updated) == (False, 1)
    feed.refresh_from_db()
    assert feed.last_modified == formatdate(int(later), usegmt=True)
    assert Item.objects.get(guid="coalition-numerique-fr-event-101").title == "Semaine du code"


def test_an_unexpected_error_in_one_feed_never_stops_the_others(feed_server, monkeypatch):
    broken = feed_for(feed_server, "rss.xml", kind=Kind.EVENT, country="FR")
    good = feed_for(feed_server, "atom.xml", country="DE")
    real_store = harvest.store_entries

    def store_entries(*, feed, entries):  # a bug in the code, not in the feed
        if feed.pk == broken.pk:
            raise RuntimeError("boom")
        return real_store(feed=feed, entries=entries)

    monkeypatch.setattr(harvest, "store_entries", store_entries)

    report = harvest.harvest_all(now=NOW)

    assert report.as_dict() == {
        "feeds": 2,
        "failed": 1,
        "created": 2,
        "updated": 0,
        "not_modified": 0,
    }
    assert [(r.feed_id, r.error) for r in report.feeds] == [(broken.pk, "boom"), (good.pk, "")]
    assert set(Item.objects.values_list("feed", flat=True)) == {good.pk}
    broken.refresh_from_db()
    assert (
        broken.last_error,
        broken.last_error_at,
        broken.last_checked_at,
        broken.consecutive_failures,
        broken.last_success_at,
    ) == ("Unexpected error: RuntimeError", NOW, NOW, 1, None)


def test_an_impossible_event_date_is_left_out():
    body = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/"><channel><title>t</title>
<item><title>Forum</title><guid>forum-1</guid>
<ev:startdate>2026-02-30T10:00:00</ev:startdate><ev:enddate>2026-03-02</ev:enddate></item>
</channel></rss>"""

    (entry,) = harvest.parse(body, default_language="en")

    assert (entry.starts_on, entry.ends_on) == (None, dt.date(2026, 3, 2))


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NATIONAL_HARVEST_INTERVAL_MINUTES = 30


def queued_harvests():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.filter(status="READY").values_list("task_path", "run_after"))


def test_the_scheduled_harvest_harvests_and_queues_its_next_run(feed_server, database_tasks):
    from django.utils import timezone

    from national.tasks import scheduled_harvest

    feed_for(feed_server, "atom.xml", country="DE")
    before = timezone.now()

    summary = scheduled_harvest.call()

    assert summary == {"feeds": 1, "failed": 0, "created": 2, "updated": 0, "not_modified": 0}
    ((path, run_after),) = queued_harvests()
    assert path == "national.tasks.scheduled_harvest"
    assert (
        before + dt.timedelta(minutes=30) <= run_after <= timezone.now() + dt.timedelta(minutes=30)
    )


def test_the_scheduled_harvest_queues_its_next_run_even_when_it_breaks(database_tasks, monkeypatch):
    from national import tasks

    def harvest_all(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(harvest, "harvest_all", harvest_all)

    with pytest.raises(RuntimeError, match="database gone"):
        tasks.scheduled_harvest.call()

    assert [path for path, _ in queued_harvests()] == ["national.tasks.scheduled_harvest"]
