"""The members dashboard's reporting section."""

import datetime

import pytest
from django.urls import reverse

from tests.pledges.factories import MemberOrganisationFactory, editor_of
from tests.pledges.reporting.conftest import approved_pledge

pytestmark = pytest.mark.django_db


def test_the_dashboard_counts_each_organisations_pledges_by_status(editor_client, organisation):
    approved_pledge(organisation, "Coding clubs")
    approved_pledge(
        organisation, "Old", approved_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )

    html = editor_client.get(reverse("members:dashboard")).content.decode()

    assert '<h2 class="ecl-u-type-heading-3" id="reporting-heading">Progress reports</h2>' in html
    assert '<span class="portal-status portal-status--neutral">Inactive</span> 1 pledge' in html
    assert '<span class="portal-status portal-status--error">Overdue</span> 0 pledges' in html
    assert reverse("pledges:reporting", kwargs={"slug": organisation.slug}) in html


def test_the_dashboard_has_no_section_without_approved_pledges(editor_client, organisation):
    html = editor_client.get(reverse("members:dashboard")).content.decode()

    assert "Progress reports" not in html


@pytest.mark.parametrize("size", [1, 6])
def test_the_section_is_one_query_for_every_organisation(size, client, django_assert_num_queries):
    user = editor_of(MemberOrganisationFactory())
    for index in range(size):
        organisation = MemberOrganisationFactory()
        editor_of(organisation)
        organisation.team.create(user=user, role="editor")
        approved_pledge(organisation, f"Pledge {index}")
    client.force_login(user)

    # session, user, memberships, national coalitions edited, join requests,
    # reporting counts, pillars
    with django_assert_num_queries(7):
        response = client.get(reverse("members:dashboard"))

    assert response.content.decode().count('id="reporting-heading"') == 1
    assert response.content.decode().count("Up to date</span> 1 pledge") == size
