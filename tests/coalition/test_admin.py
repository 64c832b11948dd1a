import pytest
from django.contrib import admin
from django.utils import translation


@pytest.mark.parametrize(
    ("language", "header", "title", "index_title"),
    [
        (
            "en",
            "Digital Skills and Jobs Coalition — administration",
            "Coalition Portal admin",
            "Moderation and content",
        ),
        (
            "fr",
            "Coalition pour les compétences et les emplois numériques — administration",
            "Administration du portail de la Coalition",
            "Modération et contenus",
        ),
        (
            "de",
            "Koalition für digitale Kompetenzen und Arbeitsplätze — Verwaltung",
            "Verwaltung des Koalitionsportals",
            "Moderation und Inhalte",
        ),
    ],
)
def test_the_admin_names_the_portal_in_the_visitors_language(language, header, title, index_title):
    with translation.override(language):
        assert str(admin.site.site_header) == header
        assert str(admin.site.site_title) == title
        assert str(admin.site.index_title) == index_title


@pytest.mark.django_db
def test_the_admin_index_shows_the_translated_titles(admin_client):
    response = admin_client.get("/de/admin/")

    assert response.status_code == 200
    title = "<title>Moderation und Inhalte | Verwaltung des Koalitionsportals</title>"
    assert title in response.text
