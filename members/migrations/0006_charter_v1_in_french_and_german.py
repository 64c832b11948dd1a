"""Version 1 of the Members Charter in French and German (members/charter.py),
if version 1 still has the text it was created with."""

from django.db import migrations

from members.charter import CHARTER_V1_TEXT, CHARTER_V1_TITLE, CHARTER_V1_TRANSLATIONS


def forwards(apps, schema_editor):
    Charter = apps.get_model("members", "Charter")
    CharterTranslation = apps.get_model("members", "CharterTranslation")
    charter = Charter.objects.filter(
        version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT
    ).first()
    if charter is None:
        return
    for language, (title, text) in CHARTER_V1_TRANSLATIONS.items():
        CharterTranslation.objects.get_or_create(
            charter=charter, language=language, defaults={"title": title, "text": text}
        )


def backwards(apps, schema_editor):
    apps.get_model("members", "CharterTranslation").objects.filter(
        charter__version=1, language__in=list(CHARTER_V1_TRANSLATIONS)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0005_languages_and_charter_translations")]

    operations = [migrations.RunPython(forwards, backwards)]
