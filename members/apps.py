from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_moderators_group(sender: AppConfig, **kwargs: object) -> None:
    # post_migrate is sent once per app; act once, after the last app's
    # permissions exist.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if with_models and sender is with_models[-1]:
        from members.moderation import ensure_moderators_group

        ensure_moderators_group()


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        # After every migrate (and test database flush), so permissions of
        # models that other apps add later reach the Moderators group.
        post_migrate.connect(_sync_moderators_group, dispatch_uid="members_moderators_group")
