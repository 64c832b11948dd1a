from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionConfig(AppConfig):
    name = "coalition"
    verbose_name = _("Coalition")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from coalition.middleware import start_session_clocks

        # The session limits' clocks start with the login, which saves the
        # session anyway: the first page after it writes nothing more.
        user_logged_in.connect(start_session_clocks, dispatch_uid="coalition-session-clocks")
