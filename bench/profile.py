"""Where a request's CPU goes, in one process: the figures behind bench.load's.

    DATABASE_URL=postgres://.../coalition_bench .venv/bin/python -m bench.profile
    ... -m bench.profile --page viewer --cprofile 25

Requests pages through Django's test client (production settings, DEBUG off,
no page cache) against the benchmark database and prints, per page, the mean
CPU milliseconds of this process per request (Python: views, ORM, templates)
and the mean wall milliseconds (CPU + waiting on PostgreSQL). For the viewer it
also prints its parts: the context (facet index, rows) and the fragment's
rendering (Jinja2), each alone. `--cprofile N` prints the N functions with the
most cumulative time (`--sort tottime`: own time) for the chosen pages.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ["BENCH_KEEP_PAGES"] = "0"  # every page computed (values kept, as in bench.load)

FACETS = {
    "pillar": ["for-all", "labour-force", "ict-professionals", "education"],
    "country": ["AT", "BE", "DE", "FR", "IT", "PL", "ES", "SE", "EU"],
    "group": ["citizens", "pupils", "teachers", "job-seekers", "smes"],
    "action": ["training", "courses", "certification", "coding-classes"],
    "delivery": ["online", "in-person", "blended"],
    "sector": ["private", "public", "third"],
    "status": ["approved", "completed"],
    "year": ["2018", "2020", "2022", "2024"],
}
WORDS = ["skills", "coding", "cloud", "quantum", "mentoring"]


def viewer_paths(rng: random.Random, count: int, search: bool = False) -> list[str]:
    """The viewer with 1-4 random filters (as bench/viewer.lua), or a search."""
    paths = []
    for _ in range(count):
        names = rng.sample(sorted(FACETS), rng.randint(1, 4))
        query = "&".join(f"{name}={rng.choice(FACETS[name])}" for name in names)
        if search:
            query = f"q={rng.choice(WORDS)}" + ("&" + query if rng.random() < 0.5 else "")
        paths.append(f"/en/pledges/?{query}")
    return paths


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client, RequestFactory
    from django.utils import translation

    from members.models import Organisation
    from pledges.models import Pledge
    from pledges.viewer import views

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=60, help="requests per page")
    parser.add_argument("--page", default="", help="only the pages whose name contains this")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    parser.add_argument(
        "--sort", default="cumulative", help="the profile's order (cumulative, tottime...)"
    )
    args = parser.parse_args()
    # as bench.load does before serving: the manifest the pages' static URLs need
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("createcachetable")

    rng = random.Random(17)
    n = args.requests
    public = Pledge.objects.filter(status__in=["approved", "completed"])
    pledge_ids = list(public.order_by("?").values_list("pk", flat=True)[:n])
    org_slugs = list(
        Organisation.objects.filter(pledges__in=public)
        .distinct()
        .values_list("slug", flat=True)[:n]
    )
    anonymous = Client()
    member = Client()
    user, _ = get_user_model().objects.get_or_create(email="bench-visitor@example.org")
    member.force_login(user)
    pages = {
        "viewer, random filters": (anonymous, viewer_paths(rng, n)),
        "viewer, search": (anonymous, viewer_paths(rng, n, search=True)),
        "pledge page": (anonymous, [f"/en/pledges/{pk}/" for pk in pledge_ids]),
        "home page (logged in)": (member, ["/en/"] * n),
        "organisation page (logged in)": (member, [f"/en/organisations/{s}/" for s in org_slugs]),
    }
    for name, (client, paths) in pages.items():
        if args.page not in name or not paths:
            continue
        client.get(paths[0])  # warm: templates compiled, connection open
        profile = cProfile.Profile() if args.cprofile else None
        cpu, wall = time.process_time(), time.perf_counter()
        if profile:
            profile.enable()
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
        if profile:
            profile.disable()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        cpu_ms, wall_ms = 1000 * cpu / len(paths), 1000 * wall / len(paths)
        print(f"{name:32} {cpu_ms:7.1f} ms CPU {wall_ms:7.1f} ms wall")
        if profile:
            pstats.Stats(profile).sort_stats(args.sort).print_stats(args.cprofile)

    if args.page in "viewer, parts":
        factory = RequestFactory()
        requests = [factory.get(path) for path in viewer_paths(rng, n)]
        with translation.override("en"):
            for request in requests:
                request.user = anonymous_user()
                request.session = {}
            contexts, cpu = [], time.process_time()
            for request in requests:
                data = request.GET.copy()
                contexts.append(
                    views.viewer_context(
                        request,
                        data=data,
                        page=1,
                        base_url="/en/pledges/",
                        fixed=None,
                        generation=views.current_generation(),
                    )
                )
            context_ms = 1000 * (time.process_time() - cpu) / n
            cpu = time.process_time()
            for request, context in zip(requests, contexts, strict=True):
                views.render_to_string(
                    "pledges/viewer/_viewer.html", context, request=request, using="jinja2"
                )
            render_ms = 1000 * (time.process_time() - cpu) / n
        print(f"{'  viewer context':32} {context_ms:7.1f} ms CPU")
        print(f"{'  viewer fragment (Jinja2)':32} {render_ms:7.1f} ms CPU")


def anonymous_user():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


if __name__ == "__main__":
    main()
