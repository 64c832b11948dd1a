"""Moderators see organisations' translations and hide one that should not show."""

import pytest
from django.urls import reverse

from coalition.caching import current_generation
from pledges.translations.models import PledgeTranslation
from tests.pledges.translations.conftest import translate

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:pledges_pledgetranslation_changelist")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_moderators_list_the_translations(moderator_client, pledge):
    translate(pledge, "fr", "Le code dans chaque école")

    response = moderator_client.get(CHANGELIST)

    assert response.status_code == 200
    assert "Le code dans chaque école" in response.text


def test_moderators_hide_translations_in_bulk_and_show_them_again(
    moderator_client, pledge, django_capture_on_commit_callbacks
):
    french = translate(pledge, "fr", "Le code")
    german = translate(pledge, "de", "Programmieren")
    before = current_generation()

    with django_capture_on_commit_callbacks(execute=True):
        hidden = moderator_client.post(
            CHANGELIST, {"action": "hide", "_selected_action": [french.pk, german.pk]}
        )

    assert hidden.status_code == 302
    assert set(PledgeTranslation.objects.values_list("hidden", flat=True)) == {True}
    assert current_generation() != before
    moderator_client.post(CHANGELIST, {"action": "show", "_selected_action": [french.pk]})
    assert PledgeTranslation.objects.get(pk=french.pk).hidden is False


def test_moderators_change_only_whether_it_is_hidden(moderator_client, pledge):
    french = translate(pledge, "fr", "Le code")
    url = reverse("admin:pledges_pledgetranslation_change", args=[french.pk])

    response = moderator_client.post(url, {"hidden": "on", "title": "Changed by staff"})

    french.refresh_from_db()
    assert response.status_code == 302
    assert (french.hidden, french.title) == (True, "Le code")


def test_nobody_adds_one_in_the_admin(moderator_client):
    assert moderator_client.get(reverse("admin:pledges_pledgetranslation_add")).status_code == 403
