"""Every editor view: anonymous users are sent to log in, outsiders (and team
members of another organisation) get 404, wrong methods get 405."""

import pytest
from django.urls import reverse

from members.models import TeamMembership
from tests.factories import UserFactory
from tests.pledges.factories import ProgressReportFactory, complete_pledge

pytestmark = pytest.mark.django_db

# (url name, needs a pledge, extra kwargs, allowed methods)
VIEWS = [
    ("pledges:list", False, {}, {"GET"}),
    ("pledges:create", False, {}, {"GET", "POST"}),
    ("pledges:badge_snippet", False, {}, {"GET"}),
    ("pledges:manage", True, {}, {"GET"}),
    ("pledges:edit", True, {}, {"GET", "POST"}),
    ("pledges:preview", True, {}, {"GET"}),
    ("pledges:submit", True, {}, {"GET", "POST"}),
    ("pledges:withdraw", True, {}, {"GET", "POST"}),
    ("pledges:delete", True, {}, {"GET", "POST"}),
    ("pledges:revise", True, {}, {"POST"}),
    ("pledges:complete", True, {}, {"GET", "POST"}),
    ("pledges:initiative_create", True, {}, {"GET", "POST"}),
    ("pledges:initiative_edit", True, {"initiative_pk": "initiative"}, {"GET", "POST"}),
    ("pledges:initiative_delete", True, {"initiative_pk": "initiative"}, {"GET", "POST"}),
    ("pledges:report_create", True, {}, {"GET", "POST"}),
    ("pledges:report_edit", True, {"report_pk": "report"}, {"GET", "POST"}),
]


@pytest.fixture
def objects(organisation):
    pledge = complete_pledge(organisation=organisation)
    return {
        "pledge": pledge,
        "initiative": pledge.initiatives.get(),
        "report": ProgressReportFactory(pledge=pledge),
    }


def url_for(name, needs_pledge, extra, objects, organisation):
    kwargs = {"slug": organisation.slug}
    if needs_pledge:
        kwargs["pk"] = objects["pledge"].pk
    for key, obj in extra.items():
        kwargs[key] = objects[obj].pk
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(("name", "needs_pledge", "extra", "methods"), VIEWS)
def test_anonymous_users_are_sent_to_log_in(
    client, objects, organisation, name, needs_pledge, extra, methods
):
    url = url_for(name, needs_pledge, extra, objects, organisation)

    for method in methods:
        response = getattr(client, method.lower())(url)
        assert response.status_code == 302, method
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "needs_pledge", "extra", "methods"), VIEWS)
def test_outsiders_get_404(
    outsider_client, objects, organisation, name, needs_pledge, extra, methods
):
    url = url_for(name, needs_pledge, extra, objects, organisation)

    for method in methods:
        assert getattr(outsider_client, method.lower())(url).status_code == 404, method


@pytest.mark.parametrize(("name", "needs_pledge", "extra", "methods"), VIEWS)
def test_a_logged_in_user_without_a_team_gets_404(
    client, objects, organisation, name, needs_pledge, extra, methods
):
    client.force_login(UserFactory())
    url = url_for(name, needs_pledge, extra, objects, organisation)

    for method in methods:
        assert getattr(client, method.lower())(url).status_code == 404, method


@pytest.mark.parametrize(("name", "needs_pledge", "extra", "methods"), VIEWS)
def test_wrong_methods_get_405(
    editor_client, objects, organisation, name, needs_pledge, extra, methods
):
    url = url_for(name, needs_pledge, extra, objects, organisation)

    for method in {"GET", "POST", "PUT", "DELETE"} - methods:
        assert getattr(editor_client, method.lower())(url).status_code == 405, method


@pytest.mark.parametrize("name", ["pledges:manage", "pledges:edit", "pledges:preview"])
def test_a_pledge_of_another_organisation_is_404_even_for_an_editor(
    editor_client, organisation, name
):
    foreign = complete_pledge()

    url = reverse(name, kwargs={"slug": organisation.slug, "pk": foreign.pk})

    assert editor_client.get(url).status_code == 404


def test_admins_of_the_team_may_edit_too(client, organisation, objects):
    admin = UserFactory()
    TeamMembership.objects.create(organisation=organisation, user=admin, role="admin")
    client.force_login(admin)

    url = reverse("pledges:edit", kwargs={"slug": organisation.slug, "pk": objects["pledge"].pk})

    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("name", "needs_pledge", "extra", "methods"), VIEWS)
def test_an_empty_post_never_fails(
    editor_client, objects, organisation, name, needs_pledge, extra, methods
):
    url = url_for(name, needs_pledge, extra, objects, organisation)

    if "POST" in methods:
        assert editor_client.post(url, {}).status_code in (200, 302)


def test_an_id_too_large_for_the_database_is_404(client):
    assert client.get("/en/pledges/99999999999999999999999/").status_code == 404
