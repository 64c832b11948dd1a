"""The writes on pledge translations."""

import pytest
from django.core.exceptions import ValidationError

from coalition.caching import current_generation
from pledges.translations import services
from pledges.translations.models import PledgeTranslation
from tests.pledges.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def save(pledge, **changes):
    fields = {"language": "fr", "title": "Le code", "summary": "Nous formons."} | changes
    return services.pledge_translation_save(pledge=pledge, actor=None, **fields)


def test_it_records_the_wording_it_translates(pledge):
    translation = save(pledge, title="  Le code  ")

    assert translation.title == "Le code"
    assert translation.is_current
    pledge.title = "Coding in every school"
    pledge.save()
    translation.pledge = pledge
    assert not translation.is_current


def test_it_refuses_the_pledges_own_language(pledge):
    with pytest.raises(ValidationError) as refused:
        save(pledge, language="en")

    assert list(refused.value.message_dict) == ["language"]
    assert PledgeTranslation.objects.count() == 0


def test_it_refuses_a_second_translation_into_one_language(pledge):
    save(pledge)

    with pytest.raises(ValidationError):
        save(pledge, title="Encore")

    assert list(PledgeTranslation.objects.values_list("title", flat=True)) == ["Le code"]


def test_it_refuses_proposed_changes(pledge):
    revision = PledgeFactory(organisation=pledge.organisation, revision_of=pledge)

    with pytest.raises(ValidationError):
        save(revision)


def test_it_refuses_a_translation_of_another_pledge(pledge):
    other = PledgeFactory(organisation=pledge.organisation)
    translation = save(other)

    with pytest.raises(ValidationError):
        save(pledge, translation=translation)


def test_a_translation_of_a_public_pledge_refreshes_the_public_pages(
    pledge, django_capture_on_commit_callbacks
):
    draft = PledgeFactory(organisation=pledge.organisation)
    first = current_generation()

    with django_capture_on_commit_callbacks(execute=True):
        save(draft)
    second = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        save(pledge)

    assert second == first  # nobody sees a draft
    assert current_generation() != second


def test_hiding_and_deleting(pledge):
    translation = save(pledge)

    services.pledge_translation_set_hidden(translation=translation, hidden=True)
    assert PledgeTranslation.objects.get().hidden
    services.pledge_translation_delete(translation=translation)
    assert PledgeTranslation.objects.count() == 0
