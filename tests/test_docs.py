"""The documentation stays true: every environment variable the code reads is in
.env.example, and the README shows the two commands."""

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    settings = (ROOT / "coalition" / "settings.py").read_text()
    names |= set(re.findall(r'env(?:_bool|_int|_list)?\(\s*"([A-Z_]+)"', settings))
    gunicorn = (ROOT / "gunicorn.conf.py").read_text()
    names |= set(re.findall(r'environ\.get\(\s*"([A-Z_]+)"', gunicorn))
    return names


def test_env_example_lists_every_variable_the_code_reads():
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))

    missing = variables_read_by_the_code() - listed

    assert missing == set()


def test_readme_shows_the_run_and_test_commands():
    readme = (ROOT / "README.md").read_text()

    assert "make run" in readme
    assert "make test" in readme


def test_ci_runs_the_readmes_lint_and_test_commands():
    script = (ROOT / ".ci" / "run").read_text()

    syntax = subprocess.run([shutil.which("bash"), "-n", ROOT / ".ci" / "run"], check=False)
    assert syntax.returncode == 0
    assert re.findall(r"^\s*(?:\S+=\S+\s+)*make (lint|test)\b", script, re.MULTILINE) == [
        "lint",
        "test",
    ]
