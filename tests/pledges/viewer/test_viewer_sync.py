"""The Pledge Viewer's rows follow the workflow: approving, completing,
withdrawing a pledge and approving a report refresh them at once, and each web
process's facet index applies the change without building itself again."""

import pytest

from coalition.caching import current_generation
from pledges import services
from pledges.models import Pledge
from pledges.viewer import facet_index
from pledges.viewer.models import PledgeCard
from tests.members.factories import VerifiedUserFactory
from tests.pledges.factories import complete_pledge
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


def test_approving_a_pledge_puts_it_in_the_viewer_and_withdrawing_takes_it_out():
    pledge = complete_pledge(status=Pledge.Status.SUBMITTED)
    moderator = VerifiedUserFactory(is_staff=True)
    assert not PledgeCard.objects.filter(pk=pledge.pk).exists()

    services.pledge_approve(pledge=pledge, actor=moderator)

    assert PledgeCard.objects.filter(pk=pledge.pk).exists()
    services.pledge_withdraw(pledge=Pledge.objects.get(pk=pledge.pk), actor=moderator)
    assert not PledgeCard.objects.filter(pk=pledge.pk).exists()


def test_the_index_follows_an_approval_and_a_withdrawal_without_a_rebuild(
    django_capture_on_commit_callbacks, monkeypatch
):
    public_pledge()
    pledge = complete_pledge(status=Pledge.Status.SUBMITTED)
    moderator = VerifiedUserFactory(is_staff=True)
    before = facet_index.for_generation(current_generation())
    built = []
    monkeypatch.setattr(facet_index, "build", lambda: built.append(1))

    with django_capture_on_commit_callbacks(execute=True):  # the generation moves on
        services.pledge_approve(pledge=pledge, actor=moderator)
    approved = facet_index.for_generation(current_generation())
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_withdraw(pledge=Pledge.objects.get(pk=pledge.pk), actor=moderator)
    withdrawn = facet_index.for_generation(current_generation())

    assert not before.everything.bit_test(pledge.pk)
    assert approved.everything.bit_test(pledge.pk)
    assert not withdrawn.everything.bit_test(pledge.pk)
    assert withdrawn.everything.bit_count() == 1
    assert built == []
