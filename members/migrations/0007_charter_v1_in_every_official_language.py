"""Version 1 of the Members Charter in the 21 official languages of the EU
that 0006 left out (members/charter.py), if version 1 still has the text it
was created with. A language that staff have already added in the admin is
left as it is."""

from django.db import migrations

from members.charter import CHARTER_V1_TEXT, CHARTER_V1_TITLE, CHARTER_V1_TRANSLATIONS

LANGUAGES = (
    "bg", "cs", "da", "el", "es", "et", "fi", "ga", "hr", "hu", "it",
    "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip


def forwards(apps, schema_editor):
    Charter = apps.get_model("members", "Charter")
    CharterTranslation = apps.get_model("members", "CharterTranslation")
    charter = Charter.objects.filter(
        version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT
    ).first()
    if charter is None:
        return
    for language in LANGUAGES:
        title, text = CHARTER_V1_TRANSLATIONS[language]
        CharterTranslation.objects.get_or_create(
            charter=charter, language=language, defaults={"title": title, "text": text}
        )


def backwards(apps, schema_editor):
    apps.get_model("members", "CharterTranslation").objects.filter(
        charter__version=1, language__in=LANGUAGES
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0006_charter_v1_in_french_and_german")]

    operations = [migrations.RunPython(forwards, backwards)]
