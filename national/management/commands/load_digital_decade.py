"""manage.py load_digital_decade FILE [FILE ...]: load Eurostat's JSON-stat files
of the Digital Decade's skills indicators (national/digital_decade.py); every
file or none. README.md ("Digital Decade figures") says where to get them."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from national import digital_decade


class Command(BaseCommand):
    help = (
        "Load Eurostat JSON-stat 2.0 files of isoc_sk_dskl_i21 (basic digital skills) and of "
        "the ICT specialists' datasets (isoc_sks_its…), replacing those datasets' figures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="+", help="JSON-stat files, as Eurostat's API gives them"
        )
        parser.add_argument(
            "--dataset",
            help="The dataset's code, for a file that does not say it (extension.id)",
        )
        parser.add_argument(
            "--source-url",
            help="Where the file came from (default: the Eurostat API address of its dataset)",
        )

    def handle(
        self, *args, files: list[str], dataset: str | None, source_url: str | None, **options
    ) -> None:
        releases = []
        for name in files:
            try:
                data = json.loads(Path(name).read_text(encoding="utf-8"))
            except OSError as exc:
                raise CommandError(
                    f"{name}: cannot be read ({exc.strerror or exc}). Nothing was loaded."
                ) from exc
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise CommandError(
                    f"{name}: this is not a JSON file ({exc}). Nothing was loaded."
                ) from exc
            try:
                releases.append(digital_decade.parse(data, dataset=dataset, source_url=source_url))
            except digital_decade.DigitalDecadeError as exc:
                raise CommandError(f"{name}: {exc} Nothing was loaded.") from exc
        if len({release.dataset for release in releases}) != len(releases):
            raise CommandError(
                "Two files hold the same dataset: give each once. Nothing was loaded."
            )
        loaded = digital_decade.load(releases)
        for release in releases:
            self.stdout.write(
                f"{release.dataset} (updated {release.updated.isoformat()}): "
                f"{len(release.figures)} figures"
            )
        self.stdout.write(self.style.SUCCESS(f"Loaded {loaded} figures."))
