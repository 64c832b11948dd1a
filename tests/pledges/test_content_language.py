"""Pledges, initiatives and progress reports record the language they are
written in: the forms ask for it, proposing the page's language (the text's own
once it has one), and proposed changes carry it to the public pledge."""

import pytest
from django.urls import reverse
from django.utils import translation

from pledges import services
from pledges.models import Indicator, Initiative, Pledge, ProgressReport
from tests.pledges.factories import PledgeFactory, complete_pledge

pytestmark = pytest.mark.django_db


def u(name, organisation, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs={"slug": organisation.slug, **kwargs})


PLEDGE = {"title": "Coding for every school", "summary": "Clubs.", "beyond_day_to_day": "New."}


def test_existing_texts_are_english():
    # What the migration gave rows written before the field (and SQL writes without it).
    pledge = PledgeFactory()
    Pledge.objects.filter(pk=pledge.pk).update(title="x")

    assert Pledge.objects.get(pk=pledge.pk).language == "en"


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_pledge_form_proposes_the_pages_language(editor_client, organisation, language):
    response = editor_client.get(u("pledges:create", organisation, language))

    form = response.context["form"]
    assert form.initial["language"] == language
    assert f'<option value="{language}" selected>' in response.text
    assert len(form.fields["language"].choices) == 24


def test_an_editor_says_which_language_the_pledge_is_in(editor_client, organisation):
    response = editor_client.post(
        u("pledges:create", organisation, "fr"), PLEDGE | {"language": "nl"}
    )

    assert response.status_code == 302
    assert Pledge.objects.get().language == "nl"


def test_a_pledge_sent_without_a_language_is_in_the_pages(editor_client, organisation):
    editor_client.post(u("pledges:create", organisation, "de"), PLEDGE)

    assert Pledge.objects.get().language == "de"


def test_editing_keeps_the_texts_language_whatever_the_page(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation, language="nl")

    page = editor_client.get(u("pledges:edit", organisation, "fr", pk=pledge.pk))
    editor_client.post(u("pledges:edit", organisation, "fr", pk=pledge.pk), PLEDGE)

    assert page.context["form"].initial["language"] == "nl"
    assert Pledge.objects.get().language == "nl"


def test_a_language_that_is_not_offered_is_refused(editor_client, organisation):
    response = editor_client.post(
        u("pledges:create", organisation), PLEDGE | {"language": "klingon"}
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["language"]
    assert Pledge.objects.count() == 0


def test_an_initiative_records_its_language(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)
    data = {
        "language": "es",
        "title": "Clubes",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
    }

    page = editor_client.get(u("pledges:initiative_create", organisation, "de", pk=pledge.pk))
    response = editor_client.post(u("pledges:initiative_create", organisation, pk=pledge.pk), data)

    assert page.context["form"].initial["language"] == "de"
    assert response.status_code == 302
    assert Initiative.objects.get().language == "es"


def test_a_progress_report_records_its_language(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    indicator = Indicator.objects.get()

    response = editor_client.post(
        u("pledges:report_create", organisation, "fr", pk=pledge.pk),
        {
            "language": "pt",
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "narrative": "Fizemos 40 clubes.",
            f"value_{indicator.pk}": "120",
        },
    )

    assert response.status_code == 302
    assert ProgressReport.objects.get().language == "pt"


def test_the_services_default_to_the_sites_language(organisation, editor):
    pledge = services.pledge_create(organisation=organisation, actor=editor, title="Idea")

    assert pledge.language == "en"


def test_proposed_changes_carry_the_language_to_the_public_pledge(editor, moderator):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True, language="en")
    Initiative.objects.filter(pledge=pledge).update(language="en")
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_update(pledge=revision, actor=editor, title="Le code", language="fr")
    Initiative.objects.filter(pledge=revision).update(language="fr")
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)

    services.pledge_approve(pledge=revision, actor=moderator)

    pledge.refresh_from_db()
    assert (pledge.title, pledge.language) == ("Le code", "fr")
    assert list(Initiative.objects.filter(pledge=pledge).values_list("language", flat=True)) == [
        "fr"
    ]
