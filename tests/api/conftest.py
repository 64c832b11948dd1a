import pytest


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    # The rate limit has its own tests (test_http.py); elsewhere it is out of the way.
    settings.API_RATE_LIMIT = "off"
