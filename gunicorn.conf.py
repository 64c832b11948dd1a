"""gunicorn settings; each can be overridden from the environment."""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then (a guard against slow leaks), but rarely: a new
# worker builds the Pledge Viewer's index in full before its first request
# (post_worker_init below), which costs a busy worker as much as many requests.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "200000"))
max_requests_jitter = max_requests // 10
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "1") == "1" else None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "coalition.wsgi:application"
# Objects allocated between two collections of the youngest generation
# (Python's default: 700); see post_worker_init.
GC_THRESHOLD = int(os.environ.get("GUNICORN_GC_THRESHOLD", "5000"))


def post_worker_init(worker):
    """Build the Pledge Viewer's index before the worker takes its first request,
    so no visitor waits for it; from then on each request applies what changed
    (pledges.viewer.facet_index). If the database is not there yet, the first
    viewer request builds it instead.

    Then the garbage collector: what the worker has loaded by now (Django, the
    apps, the URLs, the index) lives as long as the worker, so `gc.freeze()`
    moves it out of every later collection, and collecting after 5,000 new
    objects instead of 700 lets most of a request's objects go by reference
    counting before a collection looks at them. Together they halved the time
    the collector took from a viewer request (measured in one process, with
    gc.callbacks)."""
    try:
        from pledges.viewer.facet_index import warm

        warm()
    except Exception:  # never keep a worker from starting
        worker.log.exception("The Pledge Viewer's index was not built at start")
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
