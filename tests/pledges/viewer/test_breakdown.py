"""The viewer's rows carry the breakdowns of approved people-based values, and
the viewer's totals show them, with what was not recorded."""

import pytest

from pledges.reporting import breakdown
from pledges.viewer.models import BREAKDOWN_GROUPS, BREAKDOWN_KINDS, STANDARD_KINDS, PledgeCard
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

GENDER = {"women": 6, "men": 3, "gender_other": 1}
AGES = {"age_under_25": 4, "age_25_to_54": 4, "age_55_and_over": 1, "age_not_recorded": 1}


def test_the_viewers_groups_are_the_breakdowns():
    assert BREAKDOWN_GROUPS == breakdown.FIELDS
    assert {kind for kind, _s in BREAKDOWN_KINDS} == breakdown.PEOPLE_KINDS
    assert [k for k, _s in BREAKDOWN_KINDS] == [
        k for k, _s in STANDARD_KINDS if k in breakdown.PEOPLE_KINDS
    ]


def test_a_row_holds_each_groups_sum_and_null_where_none_was_given():
    pledge = public_pledge(
        targets={"people-reached": 100, "certifications": 20, "new-courses": 2},
        achieved={"people-reached": 10, "certifications": 5, "new-courses": 1},
        breakdowns={"people-reached": GENDER | AGES, "certifications": GENDER | {"women": 1}},
    )
    card = PledgeCard.objects.get(pk=pledge.pk)

    assert card.women_people_reached == 6
    assert card.age_under_25_people_reached == 4
    assert card.women_certifications == 1  # 1 + 3 + 1 = 5
    assert card.age_under_25_certifications is None  # no age breakdown given
    assert card.women_placements is None


def test_the_viewer_shows_the_breakdown_totals(client):
    public_pledge(
        targets={"people-reached": 100},
        achieved={"people-reached": 10},
        breakdowns={"people-reached": GENDER | AGES},
    )
    public_pledge(targets={"people-reached": 50}, achieved={"people-reached": 5})

    html = client.get("/en/pledges/").content.decode()

    table = html[html.index("portal-totals__breakdown") :]
    table = table[: table.index("</table>")]
    cells = [c.split("<")[0] for c in table.split('<td class="portal-num">')[1:]]
    # 6 women, 3 men, 1 other + 5 without a breakdown; ages, 1 + 5 not recorded.
    assert cells == ["6", "3", "6", "4", "4", "1", "6"]
    assert "Values reported without a gender or age breakdown" in html


def test_no_breakdown_table_without_achieved_people(client):
    public_pledge(targets={"new-courses": 3}, achieved={"new-courses": 1})

    html = client.get("/en/pledges/").content.decode()

    assert "portal-totals__breakdown" not in html
