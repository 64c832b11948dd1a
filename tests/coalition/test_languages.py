"""coalition.languages and its template filters: the languages of texts and of
the interface, their names and writing direction."""

import re

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from coalition import languages
from coalition.forms import LANGUAGE_LABEL, LanguageChoiceField, ask_language

OFFICIAL = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
]


def test_a_text_may_be_in_any_of_the_24_official_languages():
    codes = [code for code, _label in languages.content_language_choices()]

    assert codes == OFFICIAL


def test_a_language_added_to_the_settings_is_offered_for_texts_too(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("uk", "Ukrainian")]

    codes = [code for code, _label in languages.content_language_choices()]

    assert codes == [*OFFICIAL, "uk"]


def test_the_languages_are_named_in_the_pages_language():
    with translation.override("fr"):
        names = {code: str(label) for code, label in languages.content_language_choices()}

    assert (names["de"], names["en"]) == ("Allemand", "Anglais")


def test_sorted_by_name_orders_as_the_page_reads_ignoring_accents():
    with translation.override("fr"):
        names = [
            str(label)
            for _code, label in languages.sorted_by_name(languages.content_language_choices())
        ]

    assert names.index("Espagnol") < names.index("Estonien") < names.index("Finnois")
    assert names == sorted(names, key=lambda n: n.replace("É", "E").casefold())


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fr", "fr"),
        ("de-at", "de"),
        ("DE", "de"),
        ("pl", "pl"),
        ("xx", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_interface_language_is_one_the_interface_has_else_the_sites(code, expected):
    assert languages.interface_language(code) == expected


@pytest.mark.parametrize(
    ("active", "expected"), [("fr", "fr"), ("de-at", "de"), ("pt-br", "pt"), ("xx", "en")]
)
def test_page_language_is_the_active_one_as_a_content_language(active, expected):
    with translation.override(active):
        assert languages.page_language() == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "ltr"), ("el", "ltr"), ("bg", "ltr"), ("ar", "rtl"), ("he", "rtl"), ("zz", "ltr")],
)
def test_direction(code, expected):
    assert languages.direction(code) == expected


def test_local_name_is_the_languages_name_in_itself():
    assert [languages.local_name(c) for c in ("de", "fr", "el", "zz")] == [
        "Deutsch",
        "français",
        "Ελληνικά",
        "zz",
    ]


def test_the_template_filters():
    template = Template(
        "{% load languages %}{{ code|language_dir }} {{ code|language_label }} "
        "{{ code|language_local_name }} {{ missing|language_label }}|"
    )

    with translation.override("fr"):
        text = template.render(Context({"code": "de", "missing": None}))

    assert text == "ltr Allemand Deutsch |"


class TextForm(forms.Form):
    language = LanguageChoiceField()


def test_ask_language_proposes_the_pages_language_alphabetically_listed():
    with translation.override("fr"):
        form = TextForm()
        ask_language(form)
        labels = [str(label) for _code, label in form.fields["language"].choices]

    assert form.initial["language"] == "fr"
    assert labels[:3] == ["Allemand", "Anglais", "Bulgare"]
    assert form.fields["language"].label == LANGUAGE_LABEL


def test_a_form_sent_without_the_language_keeps_the_one_proposed():
    with translation.override("de"):
        form = TextForm(data={})
        ask_language(form)
        assert form.is_valid()

    assert form.cleaned_data["language"] == "de"


def test_a_language_that_is_not_offered_is_refused():
    form = TextForm(data={"language": "xx"})
    ask_language(form)

    assert not form.is_valid()
    assert list(form.errors) == ["language"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "expected"),
    [("pl,en;q=0.5", "/pl/"), ("mt", "/mt/"), ("fi-FI,fi;q=0.9", "/fi/"), ("zh", "/en/")],
)
def test_the_root_sends_a_visitor_to_their_best_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_every_page_links_its_other_languages_named_in_themselves(client):
    response = client.get("/sv/about/")

    text = response.text
    links = re.findall(
        r'<a class="portal-language__link" href="([^"]+)" hreflang="([\w-]+)" lang="[\w-]+"'
        r'(?: aria-current="true")?>([^<]+)</a>',
        text,
    )
    assert [code for _url, code, _name in links] == [code for code, _ in settings.LANGUAGES]
    names = {code: name for _url, code, name in links}
    assert (names["mt"], names["fi"], names["el"], names["sv"]) == (
        "Malti",
        "Suomi",
        "Ελληνικά",
        "Svenska",
    )
    assert {code: url for url, code, _name in links}["pl"] == "/pl/about/"
    alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', text)
    assert len(alternates) == len(settings.LANGUAGES) - 1
    assert ("de", "http://testserver/de/about/") in alternates
    assert '<html lang="sv">' in text


@pytest.mark.parametrize(
    ("language", "msgid", "expected"),
    [
        ("mt", "This field is required.", "Dan il-qasam huwa obbligatorju."),  # Django's
        ("mt", "Sign In", "Idħol"),  # allauth's
        ("ga", "Sign In", "Sínigh isteach"),
        ("mt", "Belgium", "Belġju"),  # django-countries'
        ("ga", "Belgium", "An Bheilg"),
    ],
)
def test_libraries_strings_are_translated_where_the_library_ships_no_catalogue(
    language, msgid, expected
):
    with translation.override(language):
        assert translation.gettext(msgid) == expected


def test_maltese_dates_and_numbers_are_written_as_malta_writes_them():
    import datetime

    from django.utils import formats

    from coalition.numbers import grouped

    day = datetime.date(2026, 3, 5)
    with translation.override("mt"):
        assert formats.date_format(day, "DATE_FORMAT") == "5 Marzu 2026"
        assert formats.date_format(day, "YEAR_MONTH_FORMAT") == "Marzu 2026"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "05/03/2026"
        assert grouped(1417) == "1,417"
