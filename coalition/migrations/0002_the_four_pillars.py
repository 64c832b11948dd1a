from django.db import migrations

from coalition.pillars import ensure_pillars


def create_pillars(apps, schema_editor):
    ensure_pillars(apps.get_model("coalition", "Pillar"))


class Migration(migrations.Migration):
    dependencies = [("coalition", "0001_initial")]

    operations = [migrations.RunPython(create_pillars, migrations.RunPython.noop)]
