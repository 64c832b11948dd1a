from django.db import migrations

from members.charter import CHARTER_V1_TEXT, CHARTER_V1_TITLE
from members.moderation import create_permissions_now, ensure_moderators_group


def forwards(apps, schema_editor):
    Charter = apps.get_model("members", "Charter")
    if not Charter.objects.exists():
        Charter.objects.create(version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT)
    create_permissions_now(apps)
    ensure_moderators_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_membership_charter_team"),
        ("pledges", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
