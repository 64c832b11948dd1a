"""The pillars in the 23 official languages besides English
(coalition/pillar_translations.py: the interface catalogues' translations)."""

from django.db import migrations

from coalition.pillar_translations import ensure_pillar_translations


def add_translations(apps, schema_editor):
    ensure_pillar_translations(
        apps.get_model("coalition", "Pillar"), apps.get_model("coalition", "PillarTranslation")
    )


def remove_translations(apps, schema_editor):
    apps.get_model("coalition", "PillarTranslation").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("coalition", "0003_pillar_translations")]

    operations = [migrations.RunPython(add_translations, remove_translations)]
