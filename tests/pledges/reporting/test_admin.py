"""Reporting status for moderators: the overview page and the list filter."""

import datetime

import pytest
from django.urls import reverse

from pledges.models import Pledge
from tests.factories import UserFactory
from tests.pledges.factories import PledgeFactory

pytestmark = pytest.mark.django_db

OVERVIEW = "admin:pledges_pledge_reporting"
LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def make(size):
    """`size` inactive pledges, `size` up to date, and a draft."""
    for _ in range(size):
        PledgeFactory(status=Pledge.Status.APPROVED, approved_at=LONG_AGO)
        PledgeFactory(
            status=Pledge.Status.APPROVED, approved_at=datetime.datetime.now(datetime.UTC)
        )
    PledgeFactory(title="A draft")


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse(OVERVIEW))

    assert response.status_code == 302


def test_staff_without_the_pledges_permission_are_refused(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse(OVERVIEW)).status_code == 403


def test_moderators_see_the_number_in_each_status(client, moderator):
    make(2)
    client.force_login(moderator)

    response = client.get(reverse(OVERVIEW), {"status": "inactive"})

    assert response.status_code == 200
    assert [(c.status, c.count) for c in response.context["counts"]] == [
        ("overdue", 0),
        ("due", 0),
        ("inactive", 2),
        ("up-to-date", 2),
    ]
    assert len(response.context["page"].object_list) == 2
    html = response.content.decode()
    assert '<span class="portal-status portal-status--neutral">Inactive</span>' in html
    assert "Inactive: 2 pledges" in html


def test_the_overview_answers_nonsense_with_its_default(client, moderator):
    client.force_login(moderator)

    response = client.get(reverse(OVERVIEW), {"status": "nonsense", "page": "x"})

    assert response.status_code == 200
    assert response.context["chosen"].status == "overdue"


def test_the_overview_takes_no_post(client, moderator):
    client.force_login(moderator)

    assert client.post(reverse(OVERVIEW)).status_code == 405


@pytest.mark.parametrize("size", [1, 12])
def test_the_overview_reads_a_fixed_number_of_times(
    size, client, moderator, django_assert_num_queries
):
    make(size)
    client.force_login(moderator)

    # session, user, user's and group's permissions, counts, page count, page rows
    with django_assert_num_queries(7):
        response = client.get(reverse(OVERVIEW), {"status": "up-to-date"})

    assert len(response.context["page"].object_list) == size


def test_the_pledge_list_filters_by_reporting_status(client, moderator):
    make(1)
    client.force_login(moderator)

    response = client.get(reverse("admin:pledges_pledge_changelist"), {"reporting": "inactive"})

    assert response.status_code == 200
    assert [p.approved_at for p in response.context["cl"].result_list] == [LONG_AGO]
    assert "Reporting status" in response.content.decode()  # the overview's link


def test_the_pledge_list_filter_with_nonsense_lists_nothing(client, moderator):
    make(1)
    client.force_login(moderator)

    response = client.get(reverse("admin:pledges_pledge_changelist"), {"reporting": "nonsense"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []
