"""The Pledge Viewer's rows follow the workflow: approving, completing,
withdrawing a pledge and approving a report refresh them at once."""

import pytest

from pledges import services
from pledges.models import Pledge
from pledges.viewer.models import PledgeCard
from tests.members.factories import VerifiedUserFactory
from tests.pledges.factories import complete_pledge

pytestmark = pytest.mark.django_db


def test_approving_a_pledge_puts_it_in_the_viewer_and_withdrawing_takes_it_out():
    pledge = complete_pledge(status=Pledge.Status.SUBMITTED)
    moderator = VerifiedUserFactory(is_staff=True)
    assert not PledgeCard.objects.filter(pk=pledge.pk).exists()

    services.pledge_approve(pledge=pledge, actor=moderator)

    assert PledgeCard.objects.filter(pk=pledge.pk).exists()
    services.pledge_withdraw(pledge=Pledge.objects.get(pk=pledge.pk), actor=moderator)
    assert not PledgeCard.objects.filter(pk=pledge.pk).exists()
