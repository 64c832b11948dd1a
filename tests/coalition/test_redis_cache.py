"""The shared cache as production runs it: Redis through django-redis (settings,
REDIS_URL). The portal's uses of the cache (the generation, values per
generation, rate limits) behave there as on the database cache the other tests
use. Needs the Redis server the README's setup runs (TEST_REDIS_URL, database 15
by default, emptied before each test)."""

import os

import pytest
from django.core.cache import cache
from django.test import override_settings
from django_redis import get_redis_connection

from coalition import caching, ratelimits

REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
        "KEY_PREFIX": "coalition-tests",
    }
}


@pytest.fixture(autouse=True)
def redis_cache():
    with override_settings(CACHES=REDIS):
        cache.clear()
        yield
        cache.clear()


def test_the_generation_is_kept_in_redis_and_bumped():
    first = caching.current_generation()

    assert cache.get(caching.GENERATION_KEY) == first
    assert get_redis_connection().exists(cache.make_key(caching.GENERATION_KEY)) == 1

    assert caching.current_generation() == first
    caching.bump_generation()
    assert caching.current_generation() not in {first, None}


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_a_value_is_computed_once_per_generation():
    calls = []

    def compute():
        calls.append(1)
        return {"pledges": len(calls)}

    assert caching.for_generation("figures", compute) == {"pledges": 1}
    assert caching.for_generation("figures", compute) == {"pledges": 1}
    caching.bump_generation()
    assert caching.for_generation("figures", compute) == {"pledges": 2}


@override_settings(RATE_LIMITS={"invite": (2, 3600)})
def test_a_rate_limit_counts_in_redis():
    uses = [ratelimits.consume("invite", "org-1", now=7200.0) for _ in range(3)]

    assert uses == [True, True, False]
    # another key, and the next window, count from zero
    assert ratelimits.consume("invite", "org-2", now=7200.0)
    assert ratelimits.consume("invite", "org-1", now=10800.0)
