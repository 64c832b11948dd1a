"""Editors keep their coalition's page and items; nobody else can (404)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from national.models import Item, Kind, NationalCoalition
from tests.factories import UserFactory
from tests.national.factories import ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db

ITEM = {
    "kind": "training",
    "title": "Cloud bootcamp for job seekers",
    "summary": "Twelve weeks, full time.",
    "link": "https://coalition-fr.example.eu/training/cloud",
    "language": "fr",
    "starts_on": "",
    "ends_on": "",
    "location": "",
    "deadline": "2030-06-30",
}


@pytest.fixture
def coalition():
    return NationalCoalitionFactory(country="FR", trusted=False)


@pytest.fixture
def editor(coalition):
    user = UserFactory()
    coalition.editors.add(user)
    return user


@pytest.fixture
def other_editor():
    """Edits another country's coalition: an outsider to France's."""
    user = UserFactory()
    NationalCoalitionFactory(country="DE").editors.add(user)
    return user


def urls(coalition, item):
    return [
        reverse("national:edit", args=[coalition.slug]),
        reverse("national:editor_items", args=[coalition.slug]),
        reverse("national:item_new", args=[coalition.slug]),
        reverse("national:item_edit", args=[item.pk]),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, coalition):
    item = ItemFactory(coalition=coalition)

    for url in urls(coalition, item):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))


def test_outsiders_and_other_coalitions_editors_get_404(client, coalition, other_editor):
    item = ItemFactory(coalition=coalition)
    staff = UserFactory(is_staff=True)

    for user in (UserFactory(), other_editor, staff):
        client.force_login(user)
        for url in urls(coalition, item):
            assert client.get(url).status_code == 404, url
        assert client.post(urls(coalition, item)[3], ITEM).status_code == 404


def test_outsiders_cannot_change_anything_by_posting(client, coalition, other_editor):
    item = ItemFactory(coalition=coalition, title="Original")
    client.force_login(other_editor)

    client.post(reverse("national:item_edit", args=[item.pk]), ITEM)
    client.post(reverse("national:item_new", args=[coalition.slug]), ITEM)
    client.post(reverse("national:edit", args=[coalition.slug]), {"name": "Hijacked"})

    item.refresh_from_db()
    coalition.refresh_from_db()
    assert item.title == "Original"
    assert Item.objects.count() == 1
    assert coalition.name != "Hijacked"


def test_editor_pages_refuse_other_methods(client, coalition, editor):
    item = ItemFactory(coalition=coalition)
    client.force_login(editor)

    for url in urls(coalition, item):
        assert client.delete(url).status_code == 405, url
    assert client.post(reverse("national:editor_items", args=[coalition.slug])).status_code == 405


# --- items ---------------------------------------------------------------------


def test_an_editor_adds_an_item_that_waits_for_moderation(client, coalition, editor):
    client.force_login(editor)
    before = timezone.now()

    response = client.post(reverse("national:item_new", args=[coalition.slug]), ITEM)

    assert response.status_code == 302
    assert response["Location"] == reverse("national:editor_items", args=[coalition.slug])
    item = Item.objects.get()
    assert (item.title, item.kind, item.language, item.country) == (
        "Cloud bootcamp for job seekers",
        Kind.TRAINING,
        "fr",
        "FR",
    )
    assert item.deadline == dt.date(2030, 6, 30)
    assert item.state == Item.State.PENDING
    assert item.source == Item.Source.TYPED
    assert item.created_by == editor
    assert before <= item.published_at <= timezone.now()  # sorts among harvested items
    assert client.get(item.get_absolute_url()).status_code == 200  # editors see it
    client.logout()
    assert client.get(item.get_absolute_url()).status_code == 404  # the public does not


def test_a_trusted_coalitions_item_is_published_at_once(client, coalition, editor):
    NationalCoalition.objects.filter(pk=coalition.pk).update(trusted=True)
    client.force_login(editor)

    response = client.post(reverse("national:item_new", args=[coalition.slug]), ITEM, follow=True)

    assert Item.objects.get().state == Item.State.APPROVED
    assert "is saved and published" in response.text


def test_the_new_item_form_starts_in_the_coalitions_language(client, coalition, editor):
    NationalCoalition.objects.filter(pk=coalition.pk).update(language="fr")
    client.force_login(editor)

    response = client.get(reverse("national:item_new", args=[coalition.slug]))

    assert response.status_code == 200
    assert response.context["form"]["language"].value() == "fr"
    assert response.text.count("<h1") == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "x" * 301}, "title", "Ensure this value has at most 300 characters"),
        ({"summary": "<script>alert(1)</script>"}, "summary", "Use plain text only"),
        ({"kind": "gossip"}, "kind", "Select a valid choice."),
        ({"language": "xx"}, "language", "Select a valid choice."),
        ({"link": "not a link"}, "link", "Enter a valid URL."),
        ({"deadline": "31/31/2030"}, "deadline", "Enter a valid date."),
        ({"kind": "events", "starts_on": ""}, "starts_on", "An event needs the day it starts."),
        (
            {"kind": "events", "starts_on": "2030-05-02", "ends_on": "2030-05-01"},
            "ends_on",
            "An event cannot end before it starts.",
        ),
    ],
)
def test_it_answers_bad_input_next_to_the_field(client, coalition, editor, changes, field, message):
    client.force_login(editor)

    response = client.post(reverse("national:item_new", args=[coalition.slug]), ITEM | changes)

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors), errors
    assert f'id="id_{field}-error"' in response.text
    assert f'aria-describedby="id_{field}' in response.text
    assert Item.objects.count() == 0
    if field != "title":
        assert 'value="Cloud bootcamp for job seekers"' in response.text  # keeps what was typed


def test_it_refuses_a_duplicate_link(client, coalition, editor):
    ItemFactory(coalition=coalition, link=ITEM["link"])
    client.force_login(editor)

    response = client.post(reverse("national:item_new", args=[coalition.slug]), ITEM)

    assert response.context["form"].errors["link"] == [
        "Your coalition already shares an item with this link."
    ]
    assert Item.objects.count() == 1


def test_an_editor_edits_an_item_which_goes_back_to_moderation(client, coalition, editor):
    item = ItemFactory(coalition=coalition, state=Item.State.APPROVED, link=ITEM["link"])
    client.force_login(editor)

    response = client.post(reverse("national:item_edit", args=[item.pk]), ITEM | {"title": "New"})

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "New"
    assert item.state == Item.State.PENDING


def test_the_edit_form_shows_the_item(client, coalition, editor):
    item = ItemFactory(coalition=coalition, title="Stratégie nationale")
    client.force_login(editor)

    response = client.get(reverse("national:item_edit", args=[item.pk]))

    assert response.status_code == 200
    assert 'value="Stratégie nationale"' in response.text


def test_the_edit_answers_404_for_an_unknown_item(client, editor):
    client.force_login(editor)

    assert client.get(reverse("national:item_edit", args=[999999])).status_code == 404


def harvested_item(coalition, **fields):
    return ItemFactory(
        coalition=coalition,
        source=Item.Source.HARVESTED,
        guid="https://coalition-fr.example.eu/news/1",
        summary="<p>From the <strong>website</strong>.</p>",
        title="Harvested news",
        **fields,
    )


def test_the_editor_list_offers_no_edit_link_for_harvested_items(client, coalition, editor):
    typed = ItemFactory(coalition=coalition, title="Typed news")
    harvested = harvested_item(coalition)
    client.force_login(editor)

    response = client.get(reverse("national:editor_items", args=[coalition.slug]))

    assert reverse("national:item_edit", args=[typed.pk]) in response.text
    assert reverse("national:item_edit", args=[harvested.pk]) not in response.text
    assert response.text.count("Edited on your website") == 1
    assert (
        "Items harvested from your connected website are edited on that website: the next "
        "harvest brings the changes to the portal and would overwrite any made here."
    ) in response.text


def test_the_editor_list_explains_harvested_items_only_to_connected_coalitions(
    client, coalition, editor
):
    ItemFactory(coalition=coalition)
    client.force_login(editor)

    response = client.get(reverse("national:editor_items", args=[coalition.slug]))

    assert "Items harvested from your connected website" not in response.text


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_harvested_item_cannot_be_edited_on_the_portal(client, coalition, editor, method):
    item = harvested_item(coalition, state=Item.State.APPROVED)
    client.force_login(editor)

    response = getattr(client, method)(
        reverse("national:item_edit", args=[item.pk]), ITEM, follow=True
    )

    assert response.redirect_chain == [
        (reverse("national:editor_items", args=[coalition.slug]), 302)
    ]
    assert [str(m) for m in response.context["messages"]] == [
        "“Harvested news” comes from your connected website: edit it there, and the next "
        "harvest brings the change to the portal."
    ]
    item.refresh_from_db()
    assert (item.title, item.summary, item.state) == (
        "Harvested news",
        "<p>From the <strong>website</strong>.</p>",
        Item.State.APPROVED,
    )


def test_the_item_page_offers_editors_no_edit_link_for_a_harvested_item(client, coalition, editor):
    item = harvested_item(coalition)
    client.force_login(editor)

    response = client.get(item.get_absolute_url())

    assert reverse("national:item_edit", args=[item.pk]) not in response.text
    assert (
        "This item comes from your connected website: edit it there, and the next harvest "
        "brings the change to the portal."
    ) in response.text


def test_the_item_page_offers_editors_an_edit_link_for_a_typed_item(client, coalition, editor):
    item = ItemFactory(coalition=coalition)
    client.force_login(editor)

    response = client.get(item.get_absolute_url())

    assert f'href="{reverse("national:item_edit", args=[item.pk])}">Edit this item</a>' in (
        response.text
    )
    assert "This item comes from your connected website" not in response.text


@pytest.mark.parametrize("count", [1, 25])
def test_the_editor_list_shows_every_state_in_constant_queries(
    client, coalition, editor, django_assert_max_num_queries, count
):
    for state in Item.State.values:
        ItemFactory.create_batch(count, coalition=coalition, state=state)
    client.force_login(editor)

    with django_assert_max_num_queries(7):
        response = client.get(reverse("national:editor_items", args=[coalition.slug]))

    assert response.context["page"].paginator.count == 3 * count


def test_the_editor_list_filters_by_state_and_ignores_a_bad_one(client, coalition, editor):
    pending = ItemFactory(coalition=coalition, state=Item.State.PENDING)
    ItemFactory(coalition=coalition, state=Item.State.APPROVED)
    client.force_login(editor)

    filtered = client.get(
        reverse("national:editor_items", args=[coalition.slug]), {"state": "pending"}
    )
    bad = client.get(reverse("national:editor_items", args=[coalition.slug]), {"state": "<x>"})

    assert [i.pk for i in filtered.context["page"].object_list] == [pending.pk]
    assert bad.context["page"].paginator.count == 2


# --- the coalition's page -----------------------------------------------------------


def coalition_data(**changes):
    return {
        "name": "Coalition numérique française",
        "description": "Nous formons.",
        "website": "https://coalition.example.fr/",
        "contact_name": "Secrétariat",
        "contact_email": "contact@coalition.example.fr",
        "launched_on": "2017-05-04",
        "language": "fr",
    } | changes


def test_an_editor_edits_the_coalitions_page(client, coalition, editor):
    client.force_login(editor)

    response = client.post(reverse("national:edit", args=[coalition.slug]), coalition_data())

    assert response.status_code == 302
    assert response["Location"] == coalition.get_absolute_url()
    coalition.refresh_from_db()
    assert coalition.name == "Coalition numérique française"
    assert coalition.launched_on == dt.date(2017, 5, 4)
    assert coalition.trusted is False  # editors cannot trust themselves


def test_editors_cannot_set_what_staff_decide(client, coalition, editor):
    client.force_login(editor)

    client.post(
        reverse("national:edit", args=[coalition.slug]),
        coalition_data(trusted="on", slug="taken", country="DE"),
    )

    coalition.refresh_from_db()
    assert (coalition.trusted, coalition.slug, coalition.country) == (False, "coalition-fr", "FR")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"name": "<b>Bold</b>"}, "name", "Use plain text only"),
        ({"website": "ftp://x"}, "website", "Enter a valid URL."),
        ({"contact_email": "nobody"}, "contact_email", "Enter a valid email address."),
        ({"launched_on": "yesterday"}, "launched_on", "Enter a valid date."),
        ({"language": "klingon"}, "language", "Select a valid choice."),
    ],
)
def test_the_page_form_answers_bad_input(client, coalition, editor, changes, field, message):
    client.force_login(editor)
    before = NationalCoalition.objects.values().get(pk=coalition.pk)

    response = client.post(
        reverse("national:edit", args=[coalition.slug]), coalition_data(**changes)
    )

    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field])
    assert NationalCoalition.objects.values().get(pk=coalition.pk) == before


def test_the_page_form_refuses_a_file_that_is_not_an_image(client, coalition, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    fake = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")

    response = client.post(
        reverse("national:edit", args=[coalition.slug]), coalition_data(logo=fake)
    )

    assert response.status_code == 200
    assert "logo" in response.context["form"].errors


def test_an_editor_finds_the_coalitions_they_edit_on_their_dashboard(client, coalition, editor):
    other = NationalCoalitionFactory(country="BE", name="Belgian Digital Skills Coalition")
    other.editors.add(editor)
    NationalCoalitionFactory(country="IT", name="Not theirs")
    client.force_login(editor)

    html = client.get(reverse("members:dashboard")).content.decode()

    assert "National coalitions you edit" in html
    for edited in (coalition, other):
        assert f'href="{reverse("national:editor_items", args=[edited.slug])}"' in html
        assert f'href="{edited.get_absolute_url()}"' in html
    assert html.index(other.name) < html.index(coalition.name)  # by name
    assert "Not theirs" not in html


def test_a_dashboard_without_coalitions_has_no_national_section(client):
    user = UserFactory()
    client.force_login(user)

    html = client.get(reverse("members:dashboard")).content.decode()

    assert "National coalitions you edit" not in html
