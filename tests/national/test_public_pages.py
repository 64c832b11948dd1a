"""The public national pages: index with map, coalition page, content lists, item page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from coalition.demo import MEMBER_STATES
from national import services
from national.models import Item, Kind
from tests.factories import OrganisationFactory, UserFactory
from tests.national.factories import FeedFactory, ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


# --- index ---------------------------------------------------------------------


def test_it_shows_the_index_with_a_map_and_its_table(client):
    france = NationalCoalitionFactory(country="FR", name="Coalition numérique")
    ItemFactory.create_batch(2, coalition=france)
    ItemFactory(coalition=france, state=Item.State.PENDING)

    response = client.get(reverse("national:index"))

    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    assert 'id="coalitions-map"' in html
    assert f'<a href="{france.get_absolute_url()}" aria-label="France, Published items: 2"' in html
    assert 'data-country="DE" role="img" aria-label="Germany, Published items: 0"' in html
    assert f'<a class="ecl-link" href="{france.get_absolute_url()}">France</a>' in html
    assert "2 published items" in html


def test_it_marks_connected_coalitions_on_the_index(client):
    germany = NationalCoalitionFactory(country="DE")
    FeedFactory(coalition=germany, kind=Kind.NEWS)
    FeedFactory(coalition=germany, kind=Kind.EVENT)
    ItemFactory.create_batch(3, coalition=germany)
    NationalCoalitionFactory(country="AT")

    response = client.get(reverse("national:index"))

    assert response.text.count("Connected website</span>") == 1
    counts = {
        c.country.code: (c.public_items, c.active_feeds) for c in response.context["coalitions"]
    }
    assert counts == {"DE": (3, 2), "AT": (0, 0)}


def test_it_shows_an_empty_index(client):
    response = client.get(reverse("national:index"))

    assert response.status_code == 200
    assert "No national coalition has a page yet." in response.text


def test_it_lists_the_coalitions_a_user_edits_on_the_index(client):
    editor = UserFactory()
    coalition = NationalCoalitionFactory(country="SE")
    coalition.editors.add(editor)
    client.force_login(editor)

    response = client.get(reverse("national:index"))

    assert [c.pk for c in response.context["edited"]] == [coalition.pk]
    assert reverse("national:editor_items", args=[coalition.slug]) in response.text


@pytest.mark.parametrize("count", [1, 25])
def test_the_index_queries_stay_constant(client, django_assert_max_num_queries, count):
    countries = [c for c in MEMBER_STATES if c not in ("LU", "MT")]
    for country in countries[:count]:
        coalition = NationalCoalitionFactory(country=country)
        ItemFactory(coalition=coalition)
        FeedFactory(coalition=coalition)

    with django_assert_max_num_queries(4):
        response = client.get(reverse("national:index"))

    assert len(response.context["coalitions"]) == count


def test_the_index_answers_only_get(client):
    assert client.post(reverse("national:index")).status_code == 405


# --- coalition page ----------------------------------------------------------------


def test_it_shows_a_coalition_with_partners_content_and_upcoming_events(client):
    coalition = NationalCoalitionFactory(country="FR", launched_on=dt.date(2018, 3, 1))
    coalition.partners.add(OrganisationFactory(name="Académie du Code", country="FR"))
    soon = ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(3), title="Soon")
    later = ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(30), title="Later")
    ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(-30), title="Past")
    ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(5), state=Item.State.PENDING)
    ongoing = ItemFactory(
        coalition=coalition, kind=Kind.EVENT, starts_on=days(-2), ends_on=days(1), title="Now"
    )
    policy = ItemFactory(coalition=coalition, kind=Kind.POLICY, title="Stratégie nationale")

    response = client.get(coalition.get_absolute_url())

    assert response.status_code == 200
    assert [e.pk for e in response.context["events"]] == [ongoing.pk, soon.pk, later.pk]
    assert [(label, kind, [i.pk for i in items]) for label, kind, items in
            response.context["latest_by_kind"]] == [
        ("National policies and strategies", "policies", [policy.pk])
    ]  # fmt: skip
    assert "Académie du Code" in response.text
    assert "1 March 2018" in response.text
    assert reverse("national:country_feed", args=["fr"]) in response.text


def test_it_shows_the_latest_three_items_of_each_kind(client):
    coalition = NationalCoalitionFactory(country="IT")
    news = [
        ItemFactory(
            coalition=coalition,
            kind=Kind.NEWS,
            published_at=dt.datetime(2026, 1, n, tzinfo=dt.UTC),
        )
        for n in range(1, 6)
    ]

    response = client.get(coalition.get_absolute_url())

    ((_, kind, items),) = response.context["latest_by_kind"]
    assert kind == "news"
    assert [i.pk for i in items] == [news[4].pk, news[3].pk, news[2].pk]


def test_it_counts_the_ongoing_pledges_the_viewer_shows_behind_its_link(client):
    from pledges.models import Pledge
    from tests.pledges.viewer.factories import public_pledge

    coalition = NationalCoalitionFactory(country="PT")
    public_pledge(countries=["PT"])
    public_pledge(countries=["PT", "ES"])
    public_pledge(countries=["PT"], status=Pledge.Status.COMPLETED)  # not ongoing
    public_pledge(countries=[], eu_wide=True)  # the viewer files it under "EU-wide"
    public_pledge(countries=["ES"])
    public_pledge(countries=["PT"], status=Pledge.Status.DRAFT)

    response = client.get(coalition.get_absolute_url())

    viewer_url = reverse("pledges:viewer") + "?country=PT&status=approved"
    assert response.context["pledge_count"] == 2
    assert response.context["viewer_url"] == viewer_url
    assert "2 ongoing pledges have initiatives in Portugal." in response.text
    link = viewer_url.replace("&", "&amp;")
    assert f'href="{link}">See the ongoing pledges in Portugal</a>' in response.text
    assert client.get(viewer_url).context["viewer"]["count"] == 2


def test_it_says_when_no_pledge_is_ongoing_in_the_country(client):
    coalition = NationalCoalitionFactory(country="PT")

    response = client.get(coalition.get_absolute_url())

    assert response.context["pledge_count"] == 0
    assert "0 ongoing pledges have initiatives in Portugal." in response.text


def typed_among_harvested():
    """Two harvested news items from January, one typed in by an editor today, and
    one typed in before items got their publication date (published_at empty)."""
    coalition = NationalCoalitionFactory(country="FR", trusted=True)
    january = [
        ItemFactory(
            coalition=coalition,
            source=Item.Source.HARVESTED,
            published_at=dt.datetime(2026, 1, day, tzinfo=dt.UTC),
        )
        for day in (1, 2)
    ]
    typed = services.item_create(
        coalition=coalition,
        editor=UserFactory(),
        data={"kind": Kind.NEWS, "title": "Typed", "summary": "Today.", "language": "fr"},
    )
    legacy = ItemFactory(coalition=coalition, published_at=None)
    return coalition, [legacy.pk, typed.pk, january[1].pk, january[0].pk]


def test_a_typed_item_sorts_among_harvested_ones_on_the_coalition_page(client):
    coalition, newest_first = typed_among_harvested()

    response = client.get(coalition.get_absolute_url())

    ((_, _, items),) = response.context["latest_by_kind"]
    assert [i.pk for i in items] == newest_first[:3]


def test_a_typed_item_sorts_among_harvested_ones_in_the_lists(client):
    _, newest_first = typed_among_harvested()

    response = client.get(reverse("national:kind", args=["news"]))

    assert [i.pk for i in response.context["page"].object_list] == newest_first


def test_it_answers_404_for_an_unknown_coalition(client):
    response = client.get(reverse("national:detail", args=["nowhere"]))

    assert response.status_code == 404


def test_the_coalition_page_answers_only_get(client):
    coalition = NationalCoalitionFactory()

    assert client.post(coalition.get_absolute_url()).status_code == 405


@pytest.mark.parametrize("count", [1, 20])
def test_the_coalition_page_queries_stay_constant(client, django_assert_max_num_queries, count):
    coalition = NationalCoalitionFactory(country="FR")
    coalition.partners.add(*OrganisationFactory.create_batch(count))
    for kind in Kind.values:
        ItemFactory.create_batch(count, coalition=coalition, kind=kind, starts_on=days(2))

    # The eighth: the Digital Decade figures (national.digital_decade.standing,
    # then kept for the generation).
    with django_assert_max_num_queries(8):
        response = client.get(coalition.get_absolute_url())

    assert response.status_code == 200


# --- content lists -----------------------------------------------------------------


def test_it_lists_events_upcoming_first_then_past(client):
    coalition = NationalCoalitionFactory(country="DE")
    past = ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(-10), title="Past")
    older = ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(-100), title="Older")
    later = ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(40), title="Later")
    soon = ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(1), title="Soon")
    ItemFactory(coalition=coalition, kind=Kind.NEWS)
    ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(2), state=Item.State.PENDING)

    response = client.get(reverse("national:kind", args=["events"]))

    assert [i.pk for i in response.context["page"].object_list] == [
        soon.pk,
        later.pk,
        past.pk,
        older.pk,
    ]


def test_it_lists_everything_with_upcoming_events_first(client):
    coalition = NationalCoalitionFactory(country="DE")
    news = ItemFactory(coalition=coalition, kind=Kind.NEWS)
    event = ItemFactory(coalition=coalition, kind=Kind.EVENT, starts_on=days(3))

    response = client.get(reverse("national:content"))

    assert [i.pk for i in response.context["page"].object_list] == [event.pk, news.pk]


def test_it_filters_by_country_kind_and_language(client):
    germany = NationalCoalitionFactory(country="DE")
    austria = NationalCoalitionFactory(country="AT")
    wanted = ItemFactory(coalition=germany, kind=Kind.TRAINING, language="de")
    ItemFactory(coalition=germany, kind=Kind.TRAINING, language="en")
    ItemFactory(coalition=germany, kind=Kind.NEWS, language="de")
    ItemFactory(coalition=austria, kind=Kind.TRAINING, language="de")

    response = client.get(
        reverse("national:content"), {"country": "DE", "kind": "training", "language": "de"}
    )

    assert [i.pk for i in response.context["page"].object_list] == [wanted.pk]
    assert "1 item" in response.text


def test_it_answers_an_invalid_filter_with_a_message_and_ignores_it(client):
    item = ItemFactory(coalition=NationalCoalitionFactory(country="DE"))

    response = client.get(reverse("national:content"), {"country": "US", "language": "<script>"})

    assert response.status_code == 200
    assert [i.pk for i in response.context["page"].object_list] == [item.pk]
    assert "Select a valid choice." in response.text
    assert "<script>" not in response.text


def test_a_kind_list_has_no_kind_filter(client):
    response = client.get(reverse("national:kind", args=["news"]))

    assert "kind" not in response.context["filter"].form.fields
    assert response.context["kind_label"] == "News"


def test_it_answers_404_for_an_unknown_kind(client):
    assert client.get(reverse("national:kind", args=["gossip"])).status_code == 404


def test_it_survives_a_bad_page_number(client):
    ItemFactory()

    response = client.get(reverse("national:content"), {"page": "x"})

    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_the_list_answers_only_get(client):
    assert client.post(reverse("national:content")).status_code == 405


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_queries_stay_constant(client, django_assert_max_num_queries, count):
    ItemFactory.create_batch(count, coalition=NationalCoalitionFactory(country="FR"))

    with django_assert_max_num_queries(3):
        response = client.get(reverse("national:content"), {"country": "FR"})

    assert len(response.context["page"].object_list) == min(count, 20)


@pytest.mark.parametrize("count", [1, 30])
def test_the_kind_list_queries_stay_constant(client, django_assert_num_queries, count):
    ItemFactory.create_batch(count, coalition=NationalCoalitionFactory(country="FR"))

    with django_assert_num_queries(3):  # the header's pillars, the count, the page
        response = client.get(reverse("national:kind", args=["news"]), {"country": "FR"})

    assert len(response.context["page"].object_list) == min(count, 20)


# --- item page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "when", "deadline"),
    [
        ("fr", "Du lundi 6 mai 2030 au mardi 7 mai 2030", "vendredi 3 mai 2030"),
        ("de", "Vom Montag, 6. Mai 2030 bis Dienstag, 7. Mai 2030", "Freitag, 3. Mai 2030"),
    ],
)
def test_an_items_dates_are_written_as_the_language_writes_them(client, language, when, deadline):
    from django.utils import translation

    item = ItemFactory(
        kind=Kind.EVENT,
        starts_on=dt.date(2030, 5, 6),
        ends_on=dt.date(2030, 5, 7),
        deadline=dt.date(2030, 5, 3),
    )

    with translation.override(language):
        response = client.get(item.get_absolute_url())

    assert f"<dd>{when}" in response.text
    assert f"<dd>{deadline}</dd>" in response.text


def test_it_shows_an_approved_item(client):
    item = ItemFactory(
        kind=Kind.EVENT,
        title="Digital Skills Day",
        starts_on=dt.date(2030, 5, 6),
        ends_on=dt.date(2030, 5, 7),
        location="Lyon",
        summary="Line one\n\nLine <two>",
    )

    response = client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert "From Monday 6 May 2030 to Tuesday 7 May 2030" in response.text
    assert "<p>Line one</p>\n\n<p>Line &lt;two&gt;</p>" in response.text
    assert f'href="{item.link}"' in response.text


def test_it_renders_harvested_html_sanitised(client):
    item = ItemFactory(
        source=Item.Source.HARVESTED,
        summary=(
            '<p>Safe <strong>text</strong></p><script>alert(1)</script><a href="javascript:x">x</a>'
        ),
    )

    response = client.get(item.get_absolute_url())

    assert "<p>Safe <strong>text</strong></p>" in response.text
    assert "alert(1)" not in response.text
    assert "javascript:x" not in response.text


@pytest.mark.parametrize("state", [Item.State.PENDING, Item.State.REJECTED])
def test_it_hides_an_unapproved_item_from_the_public_and_outsiders(client, state):
    item = ItemFactory(state=state)
    outsider = UserFactory()

    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_it_shows_an_unapproved_item_to_its_coalitions_editors(client):
    item = ItemFactory(state=Item.State.PENDING)
    editor = UserFactory()
    item.coalition.editors.add(editor)
    client.force_login(editor)

    response = client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert "Only your coalition’s editors see this item" in response.text


def test_the_item_page_answers_only_get(client):
    item = ItemFactory()

    assert client.post(item.get_absolute_url()).status_code == 405


def test_the_item_page_answers_404_for_an_unknown_item(client):
    assert client.get(reverse("national:item", args=[999999])).status_code == 404


def test_the_item_page_links_to_the_countrys_ongoing_pledges(client):
    item = ItemFactory(coalition=NationalCoalitionFactory(country="FR"))

    response = client.get(item.get_absolute_url())

    link = reverse("pledges:viewer") + "?country=FR&amp;status=approved"
    assert f'href="{link}">Ongoing pledges in France</a>' in response.text


@pytest.mark.parametrize("count", [1, 30])
def test_the_item_page_queries_stay_constant(client, django_assert_num_queries, count):
    items = ItemFactory.create_batch(count, coalition=NationalCoalitionFactory(country="FR"))

    with django_assert_num_queries(2):  # the item with its coalition, the header's pillars
        response = client.get(items[-1].get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_the_item_page_queries_stay_constant_for_an_editor(
    client, django_assert_num_queries, count
):
    coalition = NationalCoalitionFactory(country="FR")
    editors = UserFactory.create_batch(count)
    coalition.editors.add(*editors)
    item = ItemFactory(coalition=coalition, state=Item.State.PENDING)
    client.force_login(editors[-1])

    with django_assert_num_queries(6):  # session, user, item, editor (access, page), pillars
        response = client.get(item.get_absolute_url())

    assert response.status_code == 200
