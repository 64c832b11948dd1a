"""Drop the PL/pgSQL functions pledges_page() and pledges_badges() (migrations
0055 and 0056): the pledge page now loads through the ORM
(pledges.queries.with_content) and the badges are one ORM query
(pledges.badges.organisation_badges); statement plans are kept by the database
connection's prepared statements (settings.DATABASES OPTIONS) instead."""

import importlib

from django.db import migrations

DROP_PAGE = "DROP FUNCTION IF EXISTS pledges_page(bigint, text[], text, timestamptz);"
DROP_BADGES = "DROP FUNCTION IF EXISTS pledges_badges(bigint, text[], text, timestamptz);"


def _sql(migration: str, name: str) -> str:
    return getattr(importlib.import_module(f"pledges.migrations.{migration}"), name)


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0058_content_languages_and_pledge_translations"),
    ]

    operations = [
        migrations.RunSQL(DROP_PAGE, reverse_sql=_sql("0055_pledge_page_functions", "PAGE")),
        migrations.RunSQL(
            DROP_BADGES, reverse_sql=_sql("0056_pledgecard_targets_reached", "BADGES")
        ),
    ]
