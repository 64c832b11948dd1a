from django.conf import settings
from django.http import HttpRequest

from coalition.models import Pillar


def site(request: HttpRequest) -> dict[str, object]:
    """Values every page's layout needs. The pillar query is lazy: one query, only
    on pages that render the navigation."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "nav_pillars": Pillar.objects.in_order().only("slug", "short_name"),
    }
