"""GET /api/v1/organisations and /api/v1/organisations/<id>."""

import datetime as dt

import pytest

from pledges.models import Pledge
from tests.factories import OrganisationFactory
from tests.pledges.factories import MemberOrganisationFactory
from tests.pledges.factories import PledgeFactory as DraftFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [row["name"] for row in response.json()["results"]]


def test_it_lists_public_profiles_in_the_order_they_registered_with_their_public_pledges(client):
    member = MemberOrganisationFactory(name="Beta School", country="FR")
    public_pledge(organisation=member)
    public_pledge(organisation=member, status=Pledge.Status.COMPLETED)
    DraftFactory(organisation=member)  # not public: not counted
    OrganisationFactory(name="Alpha Academy")

    response = client.get("/api/v1/organisations")

    assert response.status_code == 200
    assert names(response) == ["Beta School", "Alpha Academy"]
    beta = response.json()["results"][0]
    assert beta == {
        "id": member.pk,
        "slug": member.slug,
        "name": "Beta School",
        "url": f"http://testserver/en/organisations/{member.slug}/",
        "api_url": f"http://testserver/api/v1/organisations/{member.pk}",
        "sector": "private",
        "type": "education-provider",
        "size": "small",
        "country": "FR",
        "website": member.website,
        "member_since": member.member_since.isoformat().replace("+00:00", "Z"),
        "public_pledges": 2,
    }
    # No personal data: no contact address.
    assert "contact_email" not in beta


def test_it_filters_by_country_sector_type_and_membership(client):
    MemberOrganisationFactory(name="Member in Belgium", country="BE")
    OrganisationFactory(name="Not a member in Belgium", country="BE")
    OrganisationFactory(name="Public body in France", country="FR", sector="public")

    members = client.get("/api/v1/organisations", {"member": "true"})
    not_members = client.get("/api/v1/organisations", {"member": "false", "country": "BE"})
    public = client.get("/api/v1/organisations", {"sector": "public"})
    both = client.get(
        "/api/v1/organisations", {"country": ["BE", "FR"], "type": "education-provider"}
    )

    assert names(members) == ["Member in Belgium"]
    assert names(not_members) == ["Not a member in Belgium"]
    assert names(public) == ["Public body in France"]
    assert len(names(both)) == 3


@pytest.mark.parametrize("count", [1, 25])
def test_the_list_reads_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        public_pledge()

    # The count, the page, the page's organisations' public pledges.
    with django_assert_num_queries(3):
        response = client.get("/api/v1/organisations", {"page_size": 100})

    assert response.json()["count"] == count
    assert {row["public_pledges"] for row in response.json()["results"]} == {1}


def test_an_organisation_lists_its_public_pledges_newest_first(client):
    organisation = OrganisationFactory(description="We teach.")
    old = public_pledge(
        organisation=organisation, approved_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    )
    new = public_pledge(
        organisation=organisation, approved_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )
    DraftFactory(organisation=organisation)

    response = client.get(f"/api/v1/organisations/{organisation.pk}")

    body = response.json()
    assert response.status_code == 200
    assert body["description"] == "We teach."
    assert body["logo"] is None
    assert body["public_pledges"] == 2
    assert [pledge["id"] for pledge in body["pledges"]] == [new.pk, old.pk]
    assert body["pledges"][0]["api_url"] == f"http://testserver/api/v1/pledges/{new.pk}"


@pytest.mark.parametrize("count", [1, 12])
def test_an_organisation_reads_a_constant_number_of_queries(
    client, django_assert_num_queries, count
):
    organisation = OrganisationFactory()
    for _ in range(count):
        public_pledge(organisation=organisation)

    with django_assert_num_queries(2):
        response = client.get(f"/api/v1/organisations/{organisation.pk}")

    assert len(response.json()["pledges"]) == count
