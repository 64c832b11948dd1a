from django.core.management.base import BaseCommand

from coalition.caching import bump_generation
from pledges.viewer.read_model import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the Pledge Viewer's rows (search, facets, totals) for every public pledge."

    def handle(self, *args, **options):
        count = rebuild_all()
        bump_generation()
        self.stdout.write(f"The Pledge Viewer now holds {count} public pledges.")
