from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Pledges")

    def ready(self) -> None:
        from coalition.models import Pillar

        # Every cached viewer page shows the pillars (navigation, filters, rows):
        # staff editing one starts a new viewer generation.
        post_save.connect(_pillars_changed, sender=Pillar, dispatch_uid="pledges-pillar-saved")
        post_delete.connect(_pillars_changed, sender=Pillar, dispatch_uid="pledges-pillar-gone")


def _pillars_changed(**kwargs) -> None:

    from coalition.caching import bump_on_commit

    bump_on_commit()
