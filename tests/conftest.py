import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.utils import translation

from coalition.models import Pillar, PillarTranslation
from coalition.pillar_translations import ensure_pillar_translations
from coalition.pillars import ensure_pillars
from pledges.viewer import facet_index

CHARTER_MIGRATIONS = (
    "0003_first_charter_and_moderators",
    "0006_charter_v1_in_french_and_german",
    "0007_charter_v1_in_every_official_language",
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # With --reuse-db, a previous run's transactional tests may have flushed the
    # rows that data migrations create: put them back once per run (the fixed
    # pillars; the first Members Charter in every language, and the moderators'
    # group, by their migrations, which leave rows that exist as they are).
    with django_db_blocker.unblock():
        ensure_pillars(Pillar)
        ensure_pillar_translations(Pillar, PillarTranslation)
        for migration in CHARTER_MIGRATIONS:
            importlib.import_module(f"members.migrations.{migration}").forwards(apps, None)


@pytest.fixture(autouse=True)
def _no_facet_index_from_another_test():
    # Transactional tests flush the tables without writing the change log the
    # index follows: each test starts with this process's index unbuilt.
    facet_index.forget()


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request to /fr/... leaves French active in the thread (LocaleMiddleware
    # never deactivates it); each test starts in the default language instead.
    translation.deactivate()
    yield
    translation.deactivate()
