"""Sessions end after a while without activity (half an hour for staff, a few
hours for others, two weeks with "Remember me") and after an absolute limit."""

import time

import pytest
from django.urls import reverse

from coalition.middleware import SESSION_SEEN, SESSION_STARTED
from tests.members.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/en/my/"
PASSWORD = "correct horse battery staple"


def log_in(client, *, remember: bool, staff: bool = False):
    user = VerifiedUserFactory(email="person@example.org", is_staff=staff)
    data = {"login": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post(reverse("account_login"), data)
    assert response.status_code == 302
    client.get(DASHBOARD)  # shows (and so clears) the login's message
    return user


def age_session(client, *, idle: int = 0, started: int = 0) -> None:
    """Move the session's clocks back by this many seconds."""
    session = client.session
    session[SESSION_SEEN] -= idle
    session[SESSION_STARTED] -= started
    session.save()


def logged_in(client) -> bool:
    return client.get(DASHBOARD).status_code == 200


def test_the_login_starts_the_clocks(client):
    before = int(time.time())

    log_in(client, remember=False)

    assert client.session[SESSION_STARTED] >= before
    assert client.session[SESSION_SEEN] == client.session[SESSION_STARTED]


def test_a_staff_session_ends_after_half_an_hour_without_activity(client):
    log_in(client, remember=True, staff=True)
    age_session(client, idle=31 * 60)

    response = client.get(DASHBOARD, follow=True)

    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert [str(m) for m in response.context["messages"]] == [
        "For your security, you were logged out after a while. Please log in again."
    ]


def test_a_staff_session_lives_on_with_activity(client):
    log_in(client, remember=True, staff=True)
    for _ in range(3):
        age_session(client, idle=29 * 60)
        assert logged_in(client)


@pytest.mark.parametrize(
    ("idle_minutes", "still_in"), [(31, True), (3 * 60 + 59, True), (4 * 60 + 1, False)]
)
def test_other_sessions_end_after_four_hours_without_activity(client, idle_minutes, still_in):
    log_in(client, remember=False)
    age_session(client, idle=idle_minutes * 60)

    assert logged_in(client) is still_in


def test_without_remember_me_the_cookie_ends_with_the_browser(client):
    log_in(client, remember=False)

    cookie = client.cookies["sessionid"]

    assert (cookie["max-age"], cookie["expires"]) == ("", "")


@pytest.mark.parametrize(("idle_days", "still_in"), [(1, True), (13, True), (15, False)])
def test_remember_me_keeps_a_session_two_weeks_without_activity(client, idle_days, still_in):
    log_in(client, remember=True)
    age_session(client, idle=idle_days * 86400)

    assert logged_in(client) is still_in


def test_remember_me_renews_the_cookie_with_activity(client):
    log_in(client, remember=True)
    age_session(client, idle=2 * 86400)

    client.get(DASHBOARD)

    assert int(client.cookies["sessionid"]["max-age"]) == 14 * 86400
    assert abs(client.session[SESSION_SEEN] - time.time()) < 5


def test_activity_within_a_minute_writes_nothing_to_the_session(client):
    log_in(client, remember=True)
    seen = client.session[SESSION_SEEN]

    response = client.get(DASHBOARD)

    assert client.session[SESSION_SEEN] == seen
    assert "sessionid" not in response.cookies  # no new cookie: nothing saved


def test_any_session_ends_after_thirty_days_whatever_the_activity(client):
    log_in(client, remember=True)
    age_session(client, started=30 * 86400 + 60)

    assert logged_in(client) is False


def test_visitors_without_a_session_are_not_looked_at(client):
    response = client.get("/en/pledges/feed/")  # a response that reads no session

    assert response.status_code == 200
    assert response.wsgi_request.session.accessed is False
