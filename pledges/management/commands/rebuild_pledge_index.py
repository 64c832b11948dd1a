from django.core.management.base import BaseCommand

from pledges.search_index import bump_generation, rebuild_all


class Command(BaseCommand):
    help = "Rebuild the Pledge Viewer's rows (search, facets, totals) for every public pledge."

    def handle(self, *args, **options):
        count = rebuild_all()
        bump_generation()
        self.stdout.write(f"The Pledge Viewer now holds {count} public pledges.")
