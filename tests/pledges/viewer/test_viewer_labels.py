"""The viewer's option labels: those fixed in the code are computed once per
language (pledges.viewer.views.fixed_labels), each in its own language; the
pillars' come from the database on every call."""

import pytest
from django.utils import translation

from coalition.models import Pillar
from pledges.viewer.views import fixed_labels, option_labels

pytestmark = pytest.mark.django_db


def test_each_language_gets_its_own_labels():
    with translation.override("en"):
        english = option_labels()
    with translation.override("fr"):
        french = option_labels()

    assert english["country"]["DE"] == "Germany"
    assert french["country"]["DE"] == "Allemagne"
    assert english["kind"]["people-reached"] != french["kind"]["people-reached"]
    # the Member States in the alphabetical order of each language
    assert list(french["country"])[:3] == ["DE", "AT", "BE"]
    assert fixed_labels("fr") is fixed_labels("fr")


def test_a_pillar_renamed_shows_at_once():
    pillar = Pillar.objects.in_order().first()
    Pillar.objects.filter(pk=pillar.pk).update(short_name="Renamed pillar")

    with translation.override("en"):
        assert option_labels()["pillar"][pillar.slug] == "Renamed pillar"
