from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Open data API")

    def ready(self) -> None:
        checks.register(check_rate_limit)


def check_rate_limit(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A rate limit that does not read stops the start (manage.py check, migrate,
    runserver), rather than failing every API request."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    from api.http import DEFAULT_RATE, parse_rate

    try:
        parse_rate(getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE))
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="api.E001")]
    return []
