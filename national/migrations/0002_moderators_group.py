"""Moderators look after national content: the "Moderators" group gets the
national app's permissions (the members app creates the same group by name)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "nationalcoalition": ("view", "change"),
    "item": ("view", "add", "change", "delete"),
    "feed": ("view", "add", "change", "delete"),
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create ours now.
    app_config = apps.get_app_config("national")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Moderators")
    codenames = [
        f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="national", codename__in=codenames)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(content_type__app_label="national"))


class Migration(migrations.Migration):
    dependencies = [
        ("national", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
