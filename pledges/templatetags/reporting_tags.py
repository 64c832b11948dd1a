"""Template tags of reporting: the members dashboard's reporting section, and
the breakdown fields that go with a value in the progress report form."""

from __future__ import annotations

from django import template
from django.db.models import Count
from django.utils import timezone

from pledges.models import Pledge
from pledges.reporting import breakdown, status

register = template.Library()


@register.inclusion_tag("pledges/reporting/dashboard_summary.html")
def reporting_summary(memberships) -> dict:
    """Each of the user's organisations that has approved pledges, with how many
    are in each reporting status (one query for all of them). ``memberships``
    are the dashboard's, already read."""
    organisations = {m.organisation_id: m.organisation for m in memberships}
    found: dict[int, dict[str, int]] = {}
    if organisations:
        rows = (
            status.annotate(
                Pledge.objects.filter(organisation_id__in=organisations), now=timezone.now()
            )
            .order_by()
            .values("organisation_id", "reporting_status")
            .annotate(n=Count("pk"))
            .values_list("organisation_id", "reporting_status", "n")
        )
        for organisation_id, reporting_status, n in rows:
            found.setdefault(organisation_id, {})[reporting_status] = n
    labels = dict(status.ReportingStatus.choices)
    return {
        "rows": [
            {
                "organisation": organisation,
                "counts": [
                    status.StatusCount(
                        key, str(labels[key]), status.MODIFIERS[key], found[pk].get(key, 0)
                    )
                    for key in status.ORDER
                ],
            }
            for pk, organisation in organisations.items()
            if pk in found
        ]
    }


@register.filter
def breakdown_fields(form, field) -> list:
    """The breakdown fields of a value field of pledges.forms.ReportForm, in
    order (empty for an indicator that does not count people)."""
    names = [f"{field.name}_{group}" for group in breakdown.FIELDS]
    return [form[name] for name in names if name in form.fields]


@register.filter
def gender_fields(fields) -> list:
    return fields[: len(breakdown.GENDER)]


@register.filter
def age_fields(fields) -> list:
    return fields[len(breakdown.GENDER) :]
