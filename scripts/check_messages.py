"""Checks that the translation catalogues match the source: every user-facing
string in the code and templates has a translation in every catalogue that is
not fuzzy, and the committed `.mo` files hold exactly what `make messages` would
compile. Runs `makemessages` on a copy of the project, so the checkout is left
as it is. Needs gettext's tools (`xgettext`, `msgattrib`, `msgfmt`).

    .venv/bin/python scripts/check_messages.py    (or `make check-messages`)
"""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The folders `make messages` leaves out.
LIBRARIES = ROOT / "locale-libraries"
IGNORED = (".venv", "node_modules", "build", "staticfiles", "tests", "bench")


def copy_project(copy: Path) -> None:
    """The checkout's files (committed, or new and not ignored by git) into `copy`."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file() and name.split("/", 1)[0] not in IGNORED:
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)


def makemessages(copy: Path) -> None:
    command = [sys.executable, "manage.py", "makemessages", "--all", "-v0"]
    command += [f"--ignore={folder}" for folder in IGNORED]
    env = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "coalition.settings"}
    subprocess.run(command, cwd=copy, env=env, check=True)


def entries(po: Path, *options: str) -> str:
    """The entries `msgattrib` selects from `po`, without the header."""
    selected = subprocess.run(
        ["msgattrib", "--no-obsolete", "--no-wrap", *options, str(po)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    blocks = [block for block in selected.split("\n\n") if block.strip()]
    return "\n\n".join(block for block in blocks if 'msgid ""\nmsgstr ""' not in block)


def catalogue(mo: Path) -> dict:
    with mo.open("rb") as file:
        translations = gettext.GNUTranslations(file)
    return {key: value for key, value in translations._catalog.items() if key != ""}


def main() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "project"
        copy_project(copy)
        makemessages(copy)
        catalogues = [
            (po, ROOT / "locale") for po in (copy / "locale").glob("*/LC_MESSAGES/django.po")
        ]
        # The libraries' strings for languages they ship no catalogue in: kept by
        # hand (makemessages does not write them), checked the same way.
        catalogues += [(po, LIBRARIES) for po in LIBRARIES.glob("*/LC_MESSAGES/django.po")]
        for po, folder_of_mo in sorted(catalogues):
            language = po.parent.parent.name
            for options, what in (
                (("--untranslated",), "not translated"),
                (("--only-fuzzy",), "fuzzy (the source changed)"),
            ):
                found = entries(po, *options)
                if found:
                    problems.append(f"{language}: {what}:\n{found}")
            compiled = Path(folder) / f"{folder_of_mo.name}-{language}.mo"
            subprocess.run(["msgfmt", "-o", str(compiled), str(po)], check=True)
            committed = folder_of_mo / language / "LC_MESSAGES" / "django.mo"
            expected, actual = catalogue(compiled), catalogue(committed)
            if expected != actual:
                missing = sorted(set(expected) - set(actual), key=str)
                stale = sorted(set(actual) - set(expected), key=str)
                changed = sorted(
                    (key for key in set(expected) & set(actual) if expected[key] != actual[key]),
                    key=str,
                )
                problems.append(
                    f"{language}: {committed.relative_to(ROOT)} is not compiled from the "
                    f"sources: {len(missing)} missing, {len(stale)} no longer used, "
                    f"{len(changed)} changed; first: {(missing + stale + changed)[:3]}"
                )
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("Run `make messages`, translate, and run it again.", file=sys.stderr)
        return 1
    print("ok: every string is translated in every catalogue, and the .mo files are compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
