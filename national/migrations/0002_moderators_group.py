"""Moderators look after national content. Which permissions they get is decided
in one place, members/moderation.py (MODERATOR_PERMISSIONS: view and change
coalitions, view, add and change items and feeds, never delete), which every
`migrate` applies again; this migration only applies it as soon as the national
models exist."""

from django.db import migrations

from members.moderation import create_permissions_now, ensure_moderators_group


def grant(apps, schema_editor):
    create_permissions_now(apps)
    ensure_moderators_group(apps)


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
