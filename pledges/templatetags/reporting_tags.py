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
def breakdown_fields(form, field) -> dict:
    """The breakdown fields that go with a value field of
    pledges.forms.ReportForm, per dimension, and whether to show them open (a
    group is filled in or wrong); empty for an indicator that counts no people."""
    found = {
        key: [form[f"{field.name}_{group}"] for group, _label in groups]
        for key, groups in breakdown.DIMENSIONS.items()
        if f"{field.name}_{groups[0][0]}" in form.fields
    }
    if not found:
        return {}
    bound = [f for fields in found.values() for f in fields]
    return found | {"open": any(f.errors or f.value() not in (None, "") for f in bound)}
