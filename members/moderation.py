"""The "Moderators" group: staff who review organisations, memberships, pledges
and national content without being superusers.

`MODERATOR_PERMISSIONS` is the one list to extend when an app gains something to
moderate. `ensure_moderators_group()` is idempotent: a data migration calls it,
and so does every `migrate` (post_migrate), so models added later by other apps
get their permissions as soon as they exist. Permissions of models that do not
exist (yet) are skipped."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps

from coalition.emails import Recipient

MODERATORS_GROUP = "Moderators"

# (app label, model name, actions). Moderators decide; they never delete history.
MODERATOR_PERMISSIONS: list[tuple[str, str, tuple[str, ...]]] = [
    ("members", "organisation", ("view", "change")),
    ("members", "teammembership", ("view",)),
    ("members", "membershipapplication", ("view", "change")),
    ("members", "charter", ("view", "add", "change")),
    ("members", "chartertranslation", ("view", "add", "change")),
    ("members", "joinrequest", ("view",)),
    ("members", "invitation", ("view",)),
    ("members", "user", ("view",)),
    ("pledges", "pledge", ("view", "change")),
    ("pledges", "initiative", ("view",)),
    ("pledges", "indicator", ("view",)),
    ("pledges", "progressreport", ("view", "change")),
    ("pledges", "reportedvalue", ("view",)),
    ("pledges", "pledgetransition", ("view",)),
    # Organisations' translations show at once; moderators can hide one.
    ("pledges", "pledgetranslation", ("view", "change")),
    # Staff moderate national items and register connected websites' feeds.
    ("national", "nationalcoalition", ("view", "change")),
    ("national", "item", ("view", "add", "change")),
    ("national", "feed", ("view", "add", "change")),
]


def ensure_moderators_group(apps: Any = global_apps) -> Any:
    """Create the Moderators group if needed and give it exactly the permissions
    listed in MODERATOR_PERMISSIONS that exist now. Returns the group."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.get_or_create(name=MODERATORS_GROUP)
    wanted = []
    for app_label, model, actions in MODERATOR_PERMISSIONS:
        codenames = [f"{action}_{model}" for action in actions]
        wanted.extend(
            permission_model.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=codenames,
            )
        )
    group.permissions.set(wanted)
    return group


def moderator_recipients() -> list[Recipient]:
    """Who hears of something to moderate: the active staff in the Moderators
    group, each in the language they chose for emails, and MODERATORS_EMAIL
    (shared mailboxes, in the site's language), sorted, each once."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(
        is_active=True, is_staff=True, groups__name=MODERATORS_GROUP
    )
    found = {
        address: Recipient(address, language)
        for address, language in users.values_list("email", "preferred_language")
    }
    for address in settings.MODERATORS_EMAIL:
        found.setdefault(address, Recipient(address))
    return [found[address] for address in sorted(found)]


def create_permissions_now(apps: Any) -> None:
    """Permissions are normally created after all migrations (post_migrate); a data
    migration that assigns them needs them at once."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # create_permissions skips apps without a models module, which is every
        # app of a migration's state; put back what was there, so that called with
        # the real registry it leaves the apps as they were.
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = previous
