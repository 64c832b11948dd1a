"""Benchmark settings: the production settings, plus a trivial reference view.

The load test (`bench/load.py`) serves the portal with these settings so that the
same gunicorn processes answer both the pages measured and `/bench/ref`, a view
that touches neither the database nor a template: the yardstick every page's
throughput is divided by. Nothing else differs from production."""

import os

from coalition.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The load test measures the viewer with and without the shared cache of
# anonymous pages (coalition/caching.py).
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("BENCH_VIEWER_CACHE_SECONDS", "600"))
