import pytest

from coalition.caching import current_generation
from pledges import progress, queries
from pledges.models import Indicator, Pledge, ProgressReport
from pledges.viewer.models import PledgeCard, PledgeChange, PledgeFacets, PledgeSearch
from pledges.viewer.read_model import rebuild_all, refresh_pledges
from tests.pledges.viewer.factories import PledgeFactory, public_pledge

pytestmark = pytest.mark.django_db


def test_it_flattens_a_public_pledge_into_one_row():
    pledge = public_pledge(
        pillars=("education", "for-all"),
        countries=("FR", "BE"),
        targets={"people-reached": 300, "new-courses": 4},
        achieved={"people-reached": 120},
    )

    card = PledgeCard.objects.get(pk=pledge.pk)

    assert card.title == pledge.title
    assert card.pillars == ["education", "for-all"]
    assert card.countries == ["BE", "FR"]
    assert card.beneficiary_groups == ["pupils"]
    assert card.delivery_modes == ["in-person"]
    assert card.start_year == 2025
    assert card.target_reach == 300  # new courses count no people
    assert (card.target_people_reached, card.achieved_people_reached) == (300, 120)
    assert (card.target_new_courses, card.achieved_new_courses) == (4, None)
    assert card.has_reported is True


def test_it_tells_not_yet_reported_from_zero():
    silent = public_pledge(targets={"placements": 10})
    zero = public_pledge(targets={"placements": 10}, achieved={"placements": 0})

    assert PledgeCard.objects.get(pk=silent.pk).achieved_placements is None
    assert PledgeCard.objects.get(pk=zero.pk).achieved_placements == 0
    assert PledgeCard.objects.get(pk=silent.pk).has_reported is False


@pytest.mark.parametrize(
    ("targets", "achieved", "reached"),
    [
        ({"people-reached": 100}, None, False),  # not yet reported
        ({"people-reached": 100}, {"people-reached": 99}, False),
        ({"people-reached": 100}, {"people-reached": 100}, True),
        ({"people-reached": 100}, {"people-reached": 250}, True),
        ({"people-reached": 100, "placements": 5}, {"people-reached": 100}, False),
        ({"people-reached": 100, "placements": 5}, {"people-reached": 100, "placements": 5}, True),
        ({"people-reached": 100, "custom": 3}, {"people-reached": 100, "custom": 2}, False),
    ],
)
def test_it_says_whether_every_target_is_reached_as_the_pledge_page_does(
    targets, achieved, reached
):
    pledge = public_pledge(targets=targets, achieved=achieved)

    card = PledgeCard.objects.get(pk=pledge.pk)

    assert card.targets_reached is reached
    assert progress.all_targets_reached(queries.pledge_with_content(pledge.pk)) is reached


def test_only_approved_values_reach_a_target_and_a_pledge_without_one_reaches_none():
    pledge = public_pledge(targets={"placements": 10})
    ProgressReport.objects.create(
        pledge=pledge,
        period_start="2025-01-01",
        period_end="2025-06-30",
        narrative="Waiting.",
        status=ProgressReport.Status.SUBMITTED,
    ).values.create(indicator=Indicator.objects.get(initiative__pledge=pledge), value=10)
    empty = public_pledge()
    Indicator.objects.filter(initiative__pledge=empty).delete()
    refresh_pledges([pledge.pk, empty.pk])

    assert PledgeCard.objects.get(pk=pledge.pk).targets_reached is False
    assert PledgeCard.objects.get(pk=empty.pk).targets_reached is False


def test_it_marks_eu_wide_initiatives_with_eu():
    pledge = public_pledge(countries=(), eu_wide=True)

    assert PledgeCard.objects.get(pk=pledge.pk).countries == ["EU"]


def test_it_finds_pledges_by_organisation_and_initiative_words():
    pledge = public_pledge(title="Robotics for girls")

    found = PledgeSearch.objects.filter(search_vector="robotics").values_list("pk", flat=True)
    by_org = PledgeSearch.objects.filter(search_vector=pledge.organisation.name.split()[0])

    assert list(found) == [pledge.pk]
    assert list(by_org.values_list("pk", flat=True)) == [pledge.pk]


def test_it_removes_the_row_of_a_pledge_that_is_no_longer_public():
    pledge = public_pledge()

    Pledge.objects.filter(pk=pledge.pk).update(status=Pledge.Status.WITHDRAWN)
    refresh_pledges([pledge.pk])

    assert not PledgeCard.objects.filter(pk=pledge.pk).exists()
    assert not PledgeFacets.objects.filter(pk=pledge.pk).exists()
    assert not PledgeSearch.objects.filter(pk=pledge.pk).exists()


def test_it_never_indexes_drafts_or_revisions():
    public = public_pledge()
    draft = PledgeFactory(status=Pledge.Status.DRAFT)
    revision = PledgeFactory(status=Pledge.Status.APPROVED, revision_of=public)

    refresh_pledges([draft.pk, revision.pk])

    assert list(PledgeCard.objects.values_list("pk", flat=True)) == [public.pk]


def test_it_updates_a_row_when_the_pledge_changes():
    pledge = public_pledge(title="Old title")

    Pledge.objects.filter(pk=pledge.pk).update(title="New title")
    refresh_pledges([pledge.pk])

    assert PledgeCard.objects.get(pk=pledge.pk).title == "New title"


def test_rebuild_all_indexes_every_public_pledge_and_drops_stale_rows():
    kept = public_pledge(index=False)
    gone = public_pledge()
    Pledge.objects.filter(pk=gone.pk).update(status=Pledge.Status.REJECTED)

    count = rebuild_all()

    assert count == 1
    assert list(PledgeCard.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_refresh_changes_the_cache_generation_once_committed(
    django_capture_on_commit_callbacks,
):
    pledge = public_pledge()
    before = current_generation()

    with django_capture_on_commit_callbacks(execute=True):
        refresh_pledges([pledge.pk])

    assert current_generation() != before


def test_the_management_command_rebuilds_the_index():
    from django.core.management import call_command

    pledge = public_pledge(index=False)

    call_command("rebuild_pledge_index", verbosity=0)

    assert PledgeCard.objects.filter(pk=pledge.pk).exists()


def test_the_demo_seed_indexes_pledges_and_shares_one_scoreboard_idempotently():
    import random

    from pledges.scoreboards.models import Scoreboard
    from pledges.viewer import demo as demo_viewer

    for _ in range(3):
        public_pledge(pillars=("education",), index=False)

    demo_viewer.seed(random.Random(1))
    demo_viewer.seed(random.Random(1))

    board = Scoreboard.objects.get()
    assert PledgeCard.objects.count() == 3
    assert board.share_token == demo_viewer.DEMO_TOKEN
    assert board.entries.count() == 3


def changes() -> set[int]:
    return set(PledgeChange.objects.values_list("pledge_id", flat=True))


def test_it_logs_each_pledge_whose_viewer_rows_change_come_or_go():
    pledge = public_pledge()
    draft = PledgeFactory(status=Pledge.Status.DRAFT)
    assert changes() == {pledge.pk}  # it came
    PledgeChange.objects.all().delete()

    refresh_pledges([pledge.pk, draft.pk])
    assert changes() == set()  # nothing changed: nothing logged

    Pledge.objects.filter(pk=pledge.pk).update(title="A new title")
    refresh_pledges([pledge.pk])
    assert changes() == {pledge.pk}  # its title (sort order, search words) changed
    PledgeChange.objects.all().delete()

    Pledge.objects.filter(pk=pledge.pk).update(status=Pledge.Status.WITHDRAWN)
    refresh_pledges([pledge.pk])
    assert changes() == {pledge.pk}  # it went


def test_the_log_keeps_a_day_of_changes():
    import datetime as dt

    from django.utils import timezone

    old = public_pledge()
    PledgeChange.objects.update(changed_at=timezone.now() - dt.timedelta(days=1, minutes=1))
    new = public_pledge()

    assert changes() == {new.pk}
    assert old.pk != new.pk
