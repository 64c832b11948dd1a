"""National items record their language: editors choose it (the coalition's
main language proposed); harvested items take their entry's xml:lang or
dc:language, else their feed's, else the coalition's."""

import pytest
from django.urls import reverse

from national.harvest import parse
from national.models import Item
from tests.factories import UserFactory
from tests.national.factories import NationalCoalitionFactory

pytestmark = pytest.mark.django_db


def test_the_item_form_asks_for_the_language_of_the_text(client):
    coalition = NationalCoalitionFactory(country="FI", language="fi")
    editor = UserFactory()
    coalition.editors.add(editor)
    client.force_login(editor)

    response = client.get("/de" + reverse("national:item_new", args=[coalition.slug])[3:])

    field = response.context["form"].fields["language"]
    assert response.context["form"]["language"].value() == "fi"
    assert field.label == "Sprache dieses Textes"
    assert [str(label) for _code, label in field.choices][:2] == ["Bulgarisch", "Dänisch"]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Coalition</title><id>urn:x</id><updated>2026-03-01T00:00:00Z</updated>
  <entry xml:lang="nl-BE"><title>Digitale vaardigheden</title><id>urn:1</id>
    <updated>2026-03-01T00:00:00Z</updated><link href="https://example.be/1"/></entry>
  <entry><title>Compétences numériques</title><id>urn:2</id>
    <updated>2026-03-01T00:00:00Z</updated><link href="https://example.be/2"/></entry>
  <entry xml:lang="tlh"><title>Unknown tongue</title><id>urn:3</id>
    <updated>2026-03-01T00:00:00Z</updated><link href="https://example.be/3"/></entry>
</feed>""".encode()

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
  <title>Coalition</title><link>https://example.pl/</link><description>d</description>
  <item><title>Szkolenie</title><guid>g1</guid></item>
  <item><title>Training</title><guid>g2</guid><dc:language>en-GB</dc:language></item>
</channel></rss>"""


def test_an_atom_entry_in_its_own_language_keeps_it():
    entries = parse(ATOM, default_language="de")

    assert [e.language for e in entries] == ["nl", "fr", "fr"]


def test_an_rss_item_takes_its_dc_language_else_the_coalitions():
    entries = parse(RSS, default_language="pl")

    assert [e.language for e in entries] == ["pl", "en"]


def test_national_items_keep_their_languages():
    # The field now offers every content language and stores longer codes too.
    item = Item._meta.get_field("language")

    assert item.max_length == 10
    assert "ga" in dict(item.choices)


def test_lists_name_an_items_language_in_the_pages_language_unmarked(client):
    from tests.national.factories import ItemFactory

    coalition = NationalCoalitionFactory(country="FR", language="fr")
    ItemFactory(coalition=coalition, language="en", title="Cloud bootcamp", state="approved")

    html = client.get("/fr" + reverse("national:detail", args=[coalition.slug])[3:]).text

    assert "<span>Anglais</span>" in html
    assert '<span lang="en">Anglais</span>' not in html
    assert 'lang="en" dir="ltr">Cloud bootcamp</a>' in html


def test_the_coalitions_description_is_marked_with_its_main_language(client):
    coalition = NationalCoalitionFactory(
        country="FR", language="fr", description="Nous réunissons 300 partenaires."
    )

    html = client.get(reverse("national:detail", args=[coalition.slug])).text

    assert '<div lang="fr" dir="ltr"><p>Nous réunissons 300 partenaires.</p></div>' in html


def test_every_page_marks_an_items_text_and_names_its_language_in_the_pages(client):
    from tests.languages_markup import language_of
    from tests.national.factories import ItemFactory

    coalition = NationalCoalitionFactory(country="FR", language="fr")
    item = ItemFactory(
        coalition=coalition,
        language="en",
        title="Cloud bootcamp",
        summary="Ten weeks of cloud skills.",
        state="approved",
    )
    editor = UserFactory()
    coalition.editors.add(editor)

    listed = client.get(f"/fr/national-coalitions/{coalition.slug}/").text
    shown = client.get(f"/fr/national-coalitions/items/{item.pk}/").text
    client.force_login(editor)
    edited = client.get(f"/fr/national-coalitions/{coalition.slug}/items/").text

    assert language_of(listed, "Anglais") == "fr"
    assert language_of(listed, "Cloud bootcamp") == "en"
    assert language_of(shown, "Cloud bootcamp") == "en"  # the <h1>
    assert language_of(shown, "Ten weeks of cloud skills.") == "en"
    assert language_of(shown, "Anglais") == "fr"
    assert language_of(edited, "Cloud bootcamp") == "en"


def test_the_country_feed_marks_each_entrys_language(client):
    import xml.etree.ElementTree as ET

    from tests.national.factories import ItemFactory

    coalition = NationalCoalitionFactory(country="FR", language="fr")
    ItemFactory(coalition=coalition, language="fr", title="Nouvelles", state="approved")
    ItemFactory(coalition=coalition, language="en", title="News", state="approved")

    response = client.get("/fr/national-coalitions/feeds/fr/")

    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    atom, lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.get(lang) == "fr"
    assert sorted(
        (entry.find(f"{atom}title").text, entry.get(lang)) for entry in root.iter(f"{atom}entry")
    ) == [("News", "en"), ("Nouvelles", None)]
