"""The editor's pages for a pledge's translations: the team's editors and admins
only (404 for everyone else), every view tested for wrong method and bad input."""

import pytest
from django.urls import reverse

from coalition.caching import current_generation
from pledges.translations.models import PledgeTranslation
from tests.pledges.factories import PledgeFactory
from tests.pledges.translations.conftest import translate

pytestmark = pytest.mark.django_db


def url(name, pledge, translation=None):
    kwargs = {"slug": pledge.organisation.slug, "pk": pledge.pk}
    if translation is not None:
        kwargs["translation_pk"] = translation.pk
    return reverse(f"pledges:{name}", kwargs=kwargs)


@pytest.fixture
def french(pledge):
    return translate(pledge, "fr", "Le code dans chaque école", "Nous formons des enseignants.")


def all_urls(pledge, french):
    return [
        (url("translations", pledge), {"get"}),
        (url("translation_create", pledge), {"get", "post"}),
        (url("translation_edit", pledge, french), {"get", "post"}),
        (url("translation_delete", pledge, french), {"get", "post"}),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, pledge, french):
    for address, methods in all_urls(pledge, french):
        for method in methods:
            response = getattr(client, method)(address)
            assert response.status_code == 302
            assert response["Location"].startswith("/en/accounts/login/")


def test_outsiders_get_404(outsider_client, pledge, french):
    for address, methods in all_urls(pledge, french):
        for method in methods:
            assert getattr(outsider_client, method)(address).status_code == 404
    assert PledgeTranslation.objects.get().title == "Le code dans chaque école"


def test_a_translation_of_another_pledge_is_404(editor_client, pledge, french):
    other = PledgeFactory(organisation=pledge.organisation)

    assert editor_client.get(url("translation_edit", other, french)).status_code == 404
    assert editor_client.post(url("translation_delete", other, french)).status_code == 404


def test_proposed_changes_have_no_translations_of_their_own(editor_client, pledge):
    revision = PledgeFactory(organisation=pledge.organisation, revision_of=pledge)

    assert editor_client.get(url("translations", revision)).status_code == 404


def test_wrong_methods_get_405(editor_client, pledge, french):
    assert editor_client.post(url("translations", pledge)).status_code == 405
    assert editor_client.put(url("translation_create", pledge)).status_code == 405
    assert editor_client.delete(url("translation_delete", pledge, french)).status_code == 405


def test_the_manage_page_links_to_the_translations(editor_client, pledge):
    html = editor_client.get(
        reverse("pledges:manage", args=[pledge.organisation.slug, pledge.pk])
    ).text

    assert f'href="{url("translations", pledge)}"' in html


def test_the_list_shows_each_translation_and_its_state(editor_client, pledge, french):
    translate(pledge, "de", "Programmieren", hidden=True)
    stale = translate(pledge, "it", "Programmazione")
    stale.source_fingerprint = "0" * 64
    stale.save()

    response = editor_client.get(url("translations", pledge))

    html = response.text
    assert response.status_code == 200
    assert '<td lang="fr" dir="ltr">Le code dans chaque école</td>' in html
    assert "Hidden by the moderators" in html
    assert "The pledge changed since: check the translation and save it again" in html
    assert html.count("<h1") == 1


def test_the_form_proposes_the_pages_language_and_offers_only_the_free_ones(
    editor_client, pledge, french
):
    response = editor_client.get("/de" + url("translation_create", pledge)[3:])

    field = response.context["form"].fields["language"]
    codes = [code for code, _label in field.choices]
    assert response.status_code == 200
    assert response.context["form"].initial["language"] == "de"
    assert codes[0] == ""
    assert "en" not in codes  # the pledge's own
    assert "fr" not in codes  # translated already
    assert len(codes) == 1 + 22
    assert '<div lang="en" dir="ltr">' in response.text  # the original, beside the form


def test_an_editor_adds_a_translation(
    editor_client, editor, pledge, django_capture_on_commit_callbacks
):
    before = current_generation()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            url("translation_create", pledge),
            {"language": "de", "title": "Programmieren für jede Schule", "summary": "Wir schulen."},
        )

    translation = PledgeTranslation.objects.get(language="de")
    assert response.status_code == 302
    assert response["Location"] == url("translations", pledge)
    assert (translation.pledge, translation.created_by, translation.is_current) == (
        pledge,
        editor,
        True,
    )
    assert current_generation() != before  # shown on the public pages at once


def test_an_editor_updates_a_translation_and_it_is_current_again(editor_client, pledge, french):
    pledge.summary = "We train teachers and pupils."
    pledge.save()

    response = editor_client.post(
        url("translation_edit", pledge, french),
        {"language": "fr", "title": "Le code partout", "summary": "Enseignants et élèves."},
    )

    french.refresh_from_db()
    assert response.status_code == 302
    assert (french.title, french.is_current) == ("Le code partout", True)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"language": "en", "title": "Same", "summary": "Same."}, "language"),  # its own
        ({"language": "fr", "title": "Double", "summary": "Double."}, "language"),  # taken
        ({"language": "xx", "title": "Unknown", "summary": "x"}, "language"),
        ({"title": "No language", "summary": "x"}, "language"),
        ({"language": "de", "title": "", "summary": "x"}, "title"),
        ({"language": "de", "title": "T" * 201, "summary": "x"}, "title"),
        ({"language": "de", "title": "Titel", "summary": ""}, "summary"),
    ],
)
def test_bad_input_is_answered_next_to_the_field(editor_client, pledge, french, data, field):
    response = editor_client.post(url("translation_create", pledge), data)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert PledgeTranslation.objects.count() == 1


def test_an_editor_deletes_a_translation(editor_client, pledge, french):
    page = editor_client.get(url("translation_delete", pledge, french))
    response = editor_client.post(url("translation_delete", pledge, french))

    assert page.status_code == 200
    assert '<p class="ecl-u-type-paragraph" lang="fr" dir="ltr">' in page.text
    assert response.status_code == 302
    assert PledgeTranslation.objects.count() == 0


def test_admins_of_the_organisation_manage_translations_too(client, pledge):
    from tests.pledges.factories import editor_of

    client.force_login(editor_of(pledge.organisation, role="admin"))

    assert client.get(url("translations", pledge)).status_code == 200
