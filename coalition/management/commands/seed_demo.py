import random

from django.core.management.base import BaseCommand
from django.db import transaction

from coalition import demo
from members import demo as members_demo
from members.models import Organisation
from national import demo as national_demo
from pledges import demo as pledges_demo
from pledges.viewer import demo as viewer_demo


class Command(BaseCommand):
    help = (
        "Fill the database with realistic demo data. Deterministic and idempotent: "
        "running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only seed when the database holds no organisations yet.",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The database already holds data: demo data not loaded.")
            return
        # Each app seeds from its own random stream, so adding data to one app
        # does not change what the others create.
        with transaction.atomic():
            lines = members_demo.seed(random.Random(f"{demo.SEED}-members"))
        with transaction.atomic():
            lines += pledges_demo.seed(random.Random(f"{demo.SEED}-pledges"))
        with transaction.atomic():
            lines += national_demo.seed(random.Random(f"{demo.SEED}-national"))
        # Pledge Viewer: index the public pledges (after every app that creates them).
        with transaction.atomic():
            lines += viewer_demo.seed(random.Random(f"{demo.SEED}-viewer"))
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
