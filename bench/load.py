"""Load the portal as in production and print each page's throughput and latency.

    DATABASE_URL=postgres://.../coalition_bench .venv/bin/python -m bench.load

Serves the portal with gunicorn (gunicorn.conf.py: 2 sync workers, DEBUG off,
SECRET_KEY set, bench.settings = production settings + a reference view) and
loads it with wrk (Debian package `wrk`), 16 connections, for each scenario:
the reference view (no database, no template), the viewer with random filter
combinations (anonymous cache off), the viewer with a search (cache off), the
viewer on popular filters for anonymous visitors (cache on), a pledge page, and
the open data API: its list of pledges with the viewer's random filters, and one
pledge (rate limit off: every request comes from one address);
the home page and organisation pages for a logged-in visitor (whom no page cache
serves: `bench_visitor()` logs a bench user in and passes the session cookie).
Each page runs between two runs of the reference view, and its ratio is to their
mean (the machine's speed drifts while the benchmark runs). Prints requests per
second, p50/p99 latency, non-200 answers and the ratios; the reference rows give
the mean of the reference runs and, in brackets, their range.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "viewer.lua"
GOALS = {
    "viewer, random filters": 0.05,
    "viewer, popular (anonymous)": 0.3,
    "pledge page": 0.1,
    "home page (logged in)": 0.05,
    "organisation page (logged in)": 0.05,
    "API, pledges, random filters": 0.04,
}
P99_GOALS_MS = {"viewer, random filters": 250.0, "API, pledges, random filters": 250.0}


def server_env(port: int, cache_seconds: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_ACCESS_LOG": "0",
            "BENCH_VIEWER_CACHE_SECONDS": str(cache_seconds),
            "API_RATE_LIMIT": "off",
        }
    )
    return env


def start(port: int, cache_seconds: int) -> subprocess.Popen:
    env = server_env(port, cache_seconds)
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run(
        [python, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run([python, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/ref", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise SystemExit("gunicorn did not start")


def drain(port: int) -> None:
    """Wait until the workers have answered what the last run left queued."""
    for _ in range(300):
        started = time.monotonic()
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/ref", timeout=60)
        except OSError:
            continue
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


# A logged-in visitor: a bench user, its session cookie, and organisations with
# public pledges (for the organisation pages), printed by a Django process.
VISITOR_SCRIPT = """
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from members.models import Organisation
from pledges.viewer.models import PledgeCard

user, _created = get_user_model().objects.get_or_create(email="bench-visitor@example.org")
client = Client()
client.force_login(user)
print(f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}")
owners = PledgeCard.objects.order_by("organisation_id").values("organisation_id").distinct()
slugs = Organisation.objects.filter(pk__in=owners[:500]).order_by("pk")
print(",".join(slugs.values_list("slug", flat=True)))
"""


def bench_visitor(env: dict[str, str]) -> tuple[str, str]:
    """(Cookie header value, comma-separated organisation slugs) for a logged-in
    bench user (made on the first run, with a new session each run)."""
    out = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", VISITOR_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return out[0], out[1]


def wrk(
    port: int,
    path: str,
    *,
    scenario: str | None,
    seconds: int,
    pledges: int,
    headers: tuple[str, ...] = (),
    extra_env: dict[str, str] | None = None,
) -> dict:
    drain(port)
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    env = dict(os.environ, SCENARIO=scenario or "", PLEDGES=str(pledges), **(extra_env or {}))
    if scenario:
        command += ["-s", str(LUA)]
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": int(non_2xx.group(1)) if non_2xx else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description="Load the portal and print throughput.")
    parser.add_argument("--port", type=int, default=8113)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument(
        "--only", default="", help="run only the scenarios whose name contains this text"
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("Set DATABASE_URL to the database bench.fill filled.")

    runs: list[tuple[str, dict, float]] = []

    def measure(port: int, path: str, scenario: str | None, **options) -> dict:
        return wrk(
            port, path, scenario=scenario, seconds=args.seconds, pledges=args.pledges, **options
        )

    def measure_between_references(port: int, scenarios, label: str, **options) -> None:
        """Each page between two runs of the reference view, and its ratio to their
        mean: the machine's speed drifts (other machines share its cores), and a
        reference measured a minute earlier would count the drift as the page's."""
        scenarios = [(name, scenario) for name, scenario in scenarios if args.only in name]
        if not scenarios:
            return
        before = measure(port, "/bench/ref", None)
        references = [before["rps"]]
        for name, scenario in scenarios:
            run = measure(port, "/", scenario, **options)
            after = measure(port, "/bench/ref", None)
            references.append(after["rps"])
            runs.append((name, run, (before["rps"] + after["rps"]) / 2))
            before = after
        mean = sum(references) / len(references)
        spread = f"{min(references):.0f}–{max(references):.0f}"
        runs.insert(
            len(runs) - len(scenarios),
            (f"{label} ({spread})", {**before, "rps": mean}, mean),
        )

    # Without the anonymous cache: every viewer request is computed.
    server = start(args.port, cache_seconds=0)
    try:
        wrk(args.port, "/bench/ref", scenario=None, seconds=3, pledges=args.pledges)  # warm up
        wrk(args.port, "/", scenario="random", seconds=3, pledges=args.pledges)
        measure_between_references(
            args.port,
            (
                ("viewer, random filters", "random"),
                ("viewer, search", "search"),
                ("pledge page", "pledge"),
                ("API, pledges, random filters", "api"),
                ("API, one pledge", "api-pledge"),
            ),
            "reference view",
        )
    finally:
        stop(server)
    # With the anonymous cache (as in production), against its own reference runs.
    if args.only in "viewer, popular (anonymous)":
        server = start(args.port, cache_seconds=600)
        try:
            wrk(args.port, "/", scenario="popular", seconds=3, pledges=args.pledges)  # fill it
            measure_between_references(
                args.port, (("viewer, popular (anonymous)", "popular"),), "reference, 2nd server"
            )
        finally:
            stop(server)
    if args.only in "home page (logged in), organisation page (logged in)":
        server = start(args.port, cache_seconds=600)
        try:
            # A logged-in visitor: every page rendered (no page cache serves them).
            cookie, organisations = bench_visitor(server_env(args.port, 600))
            measure_between_references(
                args.port,
                (
                    ("home page (logged in)", "home"),
                    ("organisation page (logged in)", "organisation"),
                ),
                "reference, logged in",
                headers=(f"Cookie: {cookie}",),
                extra_env={"ORGANISATIONS": organisations},
            )
        finally:
            stop(server)

    print(
        f"{'scenario':36} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-200':>8} {'ratio':>6} goal"
    )
    for name, run, reference_rps in runs:
        goal = GOALS.get(name)
        ratio = run["rps"] / reference_rps
        verdict = "" if goal is None else f"≥ {goal} {'ok' if ratio >= goal else 'MISSED'}"
        p99_goal = P99_GOALS_MS.get(name)
        if p99_goal is not None:
            verdict += f", p99 < {p99_goal:.0f} ms {'ok' if run['p99'] < p99_goal else 'MISSED'}"
        print(
            f"{name:36} {run['rps']:8.1f} {run['p50']:8.1f} {run['p99']:8.1f} "
            f"{run['errors']:8d} {ratio:7.3f}  {verdict}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
