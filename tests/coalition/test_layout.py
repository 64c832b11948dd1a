"""The layout (header, navigation, language links, footer): each page shows what
is true for it, whatever pages were rendered or cached before."""

import re

import pytest
from django.conf import settings
from django.urls import resolve, reverse, translate_url
from django.utils.translation import override

from coalition.context_processors import language_links
from coalition.models import Pillar
from tests.factories import UserFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


def nav(html: str) -> str:
    return re.search(r'<nav class="portal-nav".*?</nav>', html, re.S).group(0)


def current_links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)" aria-current="page"', nav(html))


def test_the_navigation_marks_the_page_it_links_to_and_no_other(client):
    pledge = public_pledge()
    viewer = reverse("pledges:viewer")
    about = reverse("about")
    education = reverse("pillar_detail", kwargs={"slug": "education"})

    assert current_links(client.get(pledge.get_absolute_url()).text) == []
    assert current_links(client.get(viewer).text) == [viewer]
    assert current_links(client.get(about).text) == [about]
    assert current_links(client.get(education).text) == [education]
    assert current_links(client.get(reverse("home")).text) == []
    assert current_links(client.get(pledge.get_absolute_url()).text) == []


def test_a_renamed_pillar_shows_in_the_navigation_at_once(
    client, django_capture_on_commit_callbacks
):
    client.get(reverse("home"))  # kept for anonymous visitors
    pillar = Pillar.objects.get(slug="education")
    pillar.short_name = "Schools and universities"
    with django_capture_on_commit_callbacks(execute=True):
        pillar.save()  # as the admin does: a new generation

    assert "Schools and universities" in nav(client.get(reverse("home")).text)


def test_the_navigation_follows_who_is_logged_in(client):
    anonymous = client.get(reverse("about")).text
    assert "Log in" in nav(anonymous)

    client.force_login(UserFactory())
    response = client.get(reverse("about")).text

    assert "Log in" not in nav(response)
    assert "Log out" in response


def test_the_layout_is_in_the_language_of_the_address(client):
    english = client.get("/en/about/").text
    french = client.get("/fr/about/").text

    assert "Accessibility statement" in english
    assert "Accessibility statement" not in french
    assert 'href="/fr/accessibility/"' in french
    assert 'href="/en/accessibility/"' not in french
    assert "logo-eu--fr" in french


CODES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/about/",
        "/en/pledges/?pillar=education&country=FR",
        "/en/pillars/education/",
        "/en/pledges/?q=%22caf%C3%A9%22%3Cb%3E",
        "/fr/pledges/12/",
        "/de/organisations/digital-academy/?x=%C3%A9",
        "/fr/accounts/login/?next=/fr/pledges/",
    ],
)
def test_language_links_are_what_translate_url_gives(rf, path):
    language = path.split("/")[1]
    request = rf.get(path)

    with override(language):
        request.resolver_match = resolve(request.path_info)
        links = [link.url for link in language_links(request)]
        expected = [translate_url(path, code) for code in CODES]

    assert links == expected


def test_a_page_with_no_match_falls_back_on_translate_url(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    links = re.findall(
        r'class="portal-language__link" href="([^"]+)" hreflang="(\w+)"', response.text
    )
    assert links == [(translate_url("/en/no-such-page/", code), code) for code in CODES]


def test_language_links_keep_an_odd_query_as_translate_url_does(rf):
    request = rf.get("/en/pledges/", QUERY_STRING='q="café"<b>')
    request.resolver_match = resolve("/en/pledges/")
    path = request.get_full_path()

    assert [link.url for link in language_links(request)] == [
        translate_url(path, code) for code in CODES
    ]
