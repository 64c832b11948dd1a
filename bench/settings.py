"""Benchmark settings: the production settings, plus a trivial reference view.

The load test (`bench/load.py`) serves the portal with these settings so that the
same gunicorn processes answer both the pages measured and `/bench/ref`, a view
that touches neither the database nor a template: the yardstick every page's
throughput is divided by. Nothing else differs from production."""

import os

from coalition.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The load test measures pages computed on every request (the shared cache of
# whole anonymous pages off, values kept per generation as in production) and
# pages served from that cache (coalition/caching.py).
KEEP_PUBLIC_PAGES = os.environ.get("BENCH_KEEP_PAGES", "1") == "1"
