"""What visitors read of a pledge in their language (pledges.translations)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from pledges.translations import LocalisedPledge, for_language, for_language_many
from tests.pledges.factories import PledgeFactory
from tests.pledges.translations.conftest import translate

pytestmark = pytest.mark.django_db


def test_a_visitor_reads_the_translation_into_their_language(pledge):
    translate(pledge, "fr", "Le code dans chaque école", "Nous formons des enseignants.")

    assert for_language(pledge, "fr") == LocalisedPledge(
        "Le code dans chaque école", "Nous formons des enseignants.", "fr", False
    )


def test_without_a_translation_they_read_the_original_in_its_language(pledge):
    translate(pledge, "fr", "Le code dans chaque école")

    assert for_language(pledge, "de") == LocalisedPledge(
        "Coding for every school", "We train teachers to teach coding.", "en", True
    )
    assert for_language(pledge, "en").is_original


def test_a_hidden_translation_is_not_shown(pledge):
    translate(pledge, "fr", "Le code dans chaque école", hidden=True)

    assert for_language(pledge, "fr").is_original


def test_a_translation_of_an_earlier_wording_is_not_shown(pledge):
    translate(pledge, "fr", "Le code dans chaque école")
    pledge.summary = "We train teachers and pupils."
    pledge.save()

    assert for_language(pledge, "fr") == LocalisedPledge(
        "Coding for every school", "We train teachers and pupils.", "en", True
    )


def test_a_translation_into_the_pledges_own_language_is_ignored(pledge):
    translate(pledge, "de", "Programmieren für jede Schule")
    pledge.language = "de"  # the organisation said later that it writes in German
    pledge.save()
    translate(pledge, "fr", "Le code dans chaque école")

    assert for_language(pledge, "de").is_original


def test_prefetched_it_makes_no_query(pledge, django_assert_num_queries):
    translate(pledge, "fr", "Le code dans chaque école")
    from pledges.models import Pledge

    loaded = Pledge.objects.prefetch_related("translations").get(pk=pledge.pk)
    with django_assert_num_queries(0):
        assert for_language(loaded, "fr").title == "Le code dans chaque école"


def test_for_language_many_reads_a_list_in_one_query(pledge, django_assert_num_queries):
    other = PledgeFactory(organisation=pledge.organisation, approved=True)
    untranslated = PledgeFactory(organisation=pledge.organisation, approved=True)
    translate(pledge, "fr", "Le code dans chaque école")
    translate(other, "fr", "Autre", hidden=True)
    stale = translate(untranslated, "fr", "Périmé")
    stale.source_fingerprint = "0" * 64
    stale.save()

    with django_assert_num_queries(1):
        found = for_language_many([pledge.pk, other.pk, untranslated.pk], "fr")

    assert found == {pledge.pk: for_language(pledge, "fr")}


def test_the_template_tag_and_the_original_language_label(pledge):
    translate(pledge, "fr", "Le code dans chaque école")
    template = Template(
        "{% load pledge_translations %}{% pledge_in_language pledge as shown %}"
        '<h1 lang="{{ shown.language }}">{{ shown.title }}</h1>'
        '{% include "pledges/translations/original_language.html" %}'
    )

    with translation.override("fr"):
        french = template.render(Context({"pledge": pledge}))
    with translation.override("de"):
        german = template.render(Context({"pledge": pledge}))
    with translation.override("en"):
        english = template.render(Context({"pledge": pledge}))

    assert french.strip() == '<h1 lang="fr">Le code dans chaque école</h1>'
    assert english.strip() == '<h1 lang="en">Coding for every school</h1>'
    # "Original language: English", the language named in itself, marked as English.
    assert german.startswith(
        '<h1 lang="en">Coding for every school</h1><p class="portal-original-language">'
    )
    assert german.strip().endswith(' <span lang="en" dir="ltr">English</span></p>')
