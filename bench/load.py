"""Load the portal as in production and print each page's throughput and latency.

    DATABASE_URL=postgres://.../coalition_bench .venv/bin/python -m bench.load

Serves the portal with gunicorn (gunicorn.conf.py: 2 sync workers, DEBUG off,
SECRET_KEY set, bench.settings = production settings + a reference view) and
loads it with wrk (Debian package `wrk`), 16 connections, for each scenario:
the reference view (no database, no template), the viewer with random filter
combinations (computed: the cache of whole anonymous pages off, values kept
for the generation as in production), the same while a moderator approves a
pledge every 2 seconds (`bench.churn`), searches (a common word or a rare one,
alone or with filters; computed), a pledge page, the viewer on popular filters
for anonymous visitors (whole pages kept), and repeat visits to those that send the
page's ETag back (`If-None-Match`, answered 304 when the page is unchanged), the open data API
(its list of pledges with the viewer's random filters, and one pledge; rate limit
off: every request comes from one address), and the home page and organisation
pages for a logged-in visitor (whom no page cache serves: `bench_visitor()` logs a
bench user in and passes the session cookie).
Each page runs between two runs of the reference view, and its ratio is to their
mean (the machine's speed drifts while the benchmark runs). Each search scenario
runs 3 seconds unmeasured first: a worker keeps the common words it has looked
up. Prints requests per second, p50/p99/max latency, answers other than 200 (and
304) and the ratios; the reference rows give the mean of the reference runs
and, in brackets, their range.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "viewer.lua"
GOALS = {
    "viewer, random filters": 0.05,
    "viewer, popular (anonymous)": 0.3,
    "pledge page": 0.08,
    "home page (logged in)": 0.05,
    "organisation page (logged in)": 0.05,
    "API, pledges, random filters": 0.04,
}
P99_GOALS_MS = {"viewer, random filters": 250.0, "API, pledges, random filters": 250.0}
SEARCHES = (
    ("search, a common word", "search_common"),
    ("search, a rare word", "search_rare"),
    ("search, common word + 2 filters", "search_common_filters"),
    ("search, rare word + filters", "search_rare_filters"),
)
for _name, _scenario in SEARCHES:
    GOALS[_name] = 0.04
    P99_GOALS_MS[_name] = 250.0
# The viewer while a moderator approves a pledge every 2 seconds, against the
# same run without approvals: its share of that throughput, and its slowest answer.
CHURN = "viewer, random filters + approvals"
CHURN_BASE = "viewer, random filters"
CHURN_SHARE_GOAL = 0.8
CHURN_MAX_MS = 1000.0
# wrk gives up on a request after this long (and counts it as an error).
TIMEOUT_SECONDS = 10
# Repeat visits that send the ETag back: the share answered 304.
CONDITIONAL = "viewer, popular, If-None-Match"
NOT_MODIFIED_GOAL = 0.95


def server_env(port: int, keep_pages: bool) -> dict[str, str]:
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
            "BENCH_KEEP_PAGES": "1" if keep_pages else "0",
            "API_RATE_LIMIT": "off",
        }
    )
    return env


def start(port: int, keep_pages: bool) -> subprocess.Popen:
    env = server_env(port, keep_pages)
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
            SERVER_GROUP[0] = server.pid  # start_new_session: its own process group
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
    SERVER_GROUP[0] = None
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


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 if it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _server_processes(group: int) -> list[int]:
    """gunicorn's master and workers: the processes of its process group."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group:
                pids.append(int(entry.name))
    return pids


def _database_backends() -> list[int]:
    """The PostgreSQL server processes serving the bench database."""
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        ).fetchall()
    return [pid for (pid,) in rows]


def cpu_snapshot(group: int | None) -> dict[int, float]:
    """CPU seconds so far of the portal's processes and its database backends,
    by process: what a request costs the machine, whatever else runs on it."""
    if group is None:
        return {}
    return {pid: _cpu_seconds(pid) for pid in [*_server_processes(group), *_database_backends()]}


def cpu_spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds spent between two snapshots (a process started in between
    counts from zero)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


# The gunicorn process group whose CPU time wrk() counts (set by start()).
SERVER_GROUP: list[int | None] = [None]


def wrk(
    port: int,
    path: str,
    *,
    scenario: str | None,
    seconds: int,
    pledges: int,
    headers: tuple[str, ...] = (),
    extra_env: dict[str, str] | None = None,
    etags: str = "",
) -> dict:
    drain(port)
    command = [
        "wrk",
        "-t2",
        "-c16",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        f"{TIMEOUT_SECONDS}s",
    ]
    for header in headers:
        command += ["-H", header]
    env = dict(
        os.environ,
        SCENARIO=scenario or "",
        PLEDGES=str(pledges),
        ETAGS=etags,
        **(extra_env or {}),
    )
    if scenario:
        command += ["-s", str(LUA)]
    cpu_before = cpu_snapshot(SERVER_GROUP[0])
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = cpu_spent(cpu_before, cpu_snapshot(SERVER_GROUP[0]))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    slowest = _ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    run = {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "max": slowest,
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
        "304": 0,
        # CPU milliseconds per request (portal processes + database backends).
        "cpu_ms": cpu * 1000 / max(1, requests),
    }
    answers = re.search(r"answers: 200=(\d+) 304=(\d+) other=(\d+)", out)
    if answers:  # the Lua script counts by status (wrk counts 304 as a success)
        run.update({"errors": int(answers.group(3)), "304": int(answers.group(2))})
        run["answers"] = sum(int(n) for n in answers.groups())
    # Requests that got no answer at all (wrk leaves timeouts out of its latencies).
    failed = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if failed:
        run["errors"] += sum(int(n) for n in failed.groups())
        if int(failed.group(4)):
            run["max"] = max(run["max"], TIMEOUT_SECONDS * 1000.0)
    return run


def page_etags(port: int) -> str:
    """The ETag each popular page has now, as `bench/viewer.lua` reads them
    ("path<TAB>etag" lines); none while the portal sends no ETag."""
    popular = re.search(r"local popular = \{(.*?)\n\}", LUA.read_text(), re.DOTALL).group(1)
    lines = []
    for path in re.findall(r'"(/[^"]*)"', popular):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
            etag = response.headers.get("ETag")
        if etag:
            lines.append(f"{path}\t{etag}")
    return "\n".join(lines)


@contextlib.contextmanager
def with_etags(port: int):
    """The popular pages' ETags, for the script to send back."""
    yield {"etags": page_etags(port)}


@contextlib.contextmanager
def approvals(port: int):
    """`bench.churn` approving a pledge every 2 seconds while the block runs; the
    workers answer a few requests first, so each has caught up with the pledges
    it took back before the measured run starts."""
    churn = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "bench.churn"],
        cwd=ROOT,
        env=server_env(port, 0),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        if churn.stdout.readline().strip() != "ready":
            raise SystemExit("bench.churn did not start")
        for _ in range(20):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/en/pledges/?sort=title", timeout=60)
        churn.stdin.write("go\n")
        churn.stdin.flush()
        yield
    finally:
        churn.stdin.close()
        print(f"bench.churn: {churn.stdout.read().strip()}", file=sys.stderr)
        churn.wait(timeout=120)


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

    # (name, run, the reference's req/s around it, the reference's CPU ms per request)
    runs: list[tuple[str, dict, float, float]] = []

    def measure(port: int, path: str, scenario: str | None, **options) -> dict:
        return wrk(
            port, path, scenario=scenario, seconds=args.seconds, pledges=args.pledges, **options
        )

    def measure_between_references(port: int, scenarios, label: str, **options) -> None:
        """Each page between two runs of the reference view, and its ratio to their
        mean: the machine's speed drifts (other machines share its cores), and a
        reference measured a minute earlier would count the drift as the page's."""
        scenarios = [entry for entry in scenarios if args.only in entry[0]]
        if not scenarios:
            return
        before = measure(port, "/bench/ref", None)
        references = [before]
        for name, scenario, *during in scenarios:
            if scenario.startswith("search_"):
                # Each worker keeps the words it looked up (a common word's first
                # search reads its pledges); measure what a running worker does.
                wrk(port, "/", scenario=scenario, seconds=3, pledges=args.pledges)
            # `during`: a context manager to run the scenario in (approvals, ETags)
            with during[0]() if during else contextlib.nullcontext({}) as during_options:
                run = measure(port, "/", scenario, **(during_options or {}), **options)
            after = measure(port, "/bench/ref", None)
            references.append(after)
            runs.append(
                (
                    name,
                    run,
                    (before["rps"] + after["rps"]) / 2,
                    (before["cpu_ms"] + after["cpu_ms"]) / 2,
                )
            )
            before = after
        rates = [reference["rps"] for reference in references]
        mean = sum(rates) / len(rates)
        mean_cpu = sum(reference["cpu_ms"] for reference in references) / len(references)
        spread = f"{min(rates):.0f}–{max(rates):.0f}"
        runs.insert(
            len(runs) - len(scenarios),
            (f"{label} ({spread})", {**before, "rps": mean, "cpu_ms": mean_cpu}, mean, mean_cpu),
        )

    # Without the cache of whole anonymous pages: every page is computed (values
    # kept for the generation, as in production: the pillars, a country's figures).
    server = start(args.port, keep_pages=False)
    try:
        wrk(args.port, "/bench/ref", scenario=None, seconds=3, pledges=args.pledges)  # warm up
        wrk(args.port, "/", scenario="random", seconds=3, pledges=args.pledges)
        measure_between_references(
            args.port,
            (
                ("viewer, random filters", "random"),
                (CHURN, "random", lambda: approvals(args.port)),
                *SEARCHES,
                ("pledge page", "pledge"),
                ("API, pledges, random filters", "api"),
                ("API, one pledge", "api-pledge"),
            ),
            "reference view",
        )
    finally:
        stop(server)
    # With the cache of whole anonymous pages (as in production), against its own
    # reference runs.
    server = start(args.port, keep_pages=True)
    try:
        wrk(args.port, "/", scenario="popular", seconds=3, pledges=args.pledges)  # fill the cache
        measure_between_references(
            args.port,
            (
                ("viewer, popular (anonymous)", "popular"),
                (CONDITIONAL, "conditional", lambda: with_etags(args.port)),
            ),
            "reference, 2nd server",
        )
    finally:
        stop(server)
    if args.only in "home page (logged in), organisation page (logged in)":
        server = start(args.port, keep_pages=True)
        try:
            # A logged-in visitor: every page rendered (no page cache serves them).
            cookie, organisations = bench_visitor(server_env(args.port, keep_pages=True))
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

    print_table(runs)


def verdicts(name: str, run: dict, ratio: float, ratios: dict[str, float]) -> list[str]:
    """Each goal of the scenario, met ("ok") or "MISSED"."""

    def check(text: str, met: bool) -> str:
        return f"{text} {'ok' if met else 'MISSED'}"

    out = []
    if name in GOALS:
        out.append(check(f"≥ {GOALS[name]}", ratio >= GOALS[name]))
    if name in P99_GOALS_MS:
        out.append(check(f"p99 < {P99_GOALS_MS[name]:.0f} ms", run["p99"] < P99_GOALS_MS[name]))
    if name == CHURN and CHURN_BASE in ratios:
        share = ratio / ratios[CHURN_BASE]
        out.append(
            check(f"{share:.2f}× without approvals ≥ {CHURN_SHARE_GOAL}", share >= CHURN_SHARE_GOAL)
        )
        out.append(check(f"max < {CHURN_MAX_MS:.0f} ms", run["max"] < CHURN_MAX_MS))
    if name == CONDITIONAL:
        share = run["304"] / max(1, run.get("answers", 0))
        out.append(
            check(f"304 for {share:.1%} ≥ {NOT_MODIFIED_GOAL:.0%}", share >= NOT_MODIFIED_GOAL)
        )
    return out


def print_table(runs: list[tuple[str, dict, float, float]]) -> None:
    """The goals are judged on the throughput ratio. The CPU ratio (the reference's
    CPU time per request over the page's, counting the portal's processes and its
    database backends) says the same on a quiet machine and stays meaningful on a
    shared one, where other processes take cores from both runs unevenly."""
    ratios = {name: run["rps"] / reference for name, run, reference, _cpu in runs}
    print(
        f"{'scenario':36} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'errors':>7} {'ratio':>6} {'cpu ms':>7} {'cpu ratio':>9}  goal"
    )
    for name, run, _reference, reference_cpu in runs:
        goals = ", ".join(verdicts(name, run, ratios[name], ratios))
        cpu_ratio = reference_cpu / run["cpu_ms"] if run["cpu_ms"] else 0.0
        print(
            f"{name:36} {run['rps']:8.1f} {run['p50']:8.1f} {run['p99']:8.1f} {run['max']:8.1f} "
            f"{run['errors']:7d} {ratios[name]:7.3f} {run['cpu_ms']:7.2f} {cpu_ratio:9.3f}  {goals}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
