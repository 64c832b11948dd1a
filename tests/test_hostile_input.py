"""Hostile input never gives a 500: every URL pattern of the portal (the admin's
included), with real, huge and NUL-bearing values in its path, nonsense in its
query, and every form the pages show posted back with huge numbers, long and
NUL-bearing values, as a visitor, a team admin and a superuser."""

import re
from contextlib import contextmanager
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.cache import cache
from django.db import models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from national.models import Feed
from pledges.models import ProgressReport
from pledges.scoreboards.services import scoreboard_add_pledges, scoreboard_create, scoreboard_share
from tests.factories import TeamMembershipFactory, UserFactory
from tests.members.factories import InvitationFactory, JoinRequestFactory
from tests.national.factories import ItemFactory, NationalCoalitionFactory
from tests.pledges.factories import MemberOrganisationFactory, complete_pledge
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
NUL = "\x00"
LONG = "x" * 5000
HOSTILE_QUERY = [
    {"page": HUGE, "year": HUGE, "sort": HUGE, "q": LONG, "p": HUGE, "o": HUGE},
    {"page": "-1", "year": "-99999999999999999999", "country": HUGE, "pillar": HUGE},
]
NUL_QUERY = dict.fromkeys(
    ["q", "sort", "country", "pillar", "status", "kind", "language", "organisation", "next"],
    "a\x00b",
)
# Pages that end the session or the account are visited last.
LAST = ("logout", "delete", "leave", "hand-over", "remove", "revoke")


def routes(patterns=None, prefix=""):
    """Every URL pattern, as (route text, name), the admin's included."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name


ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")


def fill(route: str, value_of) -> str:
    path = ARGUMENT.sub(lambda m: value_of(m["name"] or m["group"], route), route)
    return "/" + path.replace("^", "").replace("$", "").lstrip("/")


class Forms(HTMLParser):
    """The POST forms of a page: their action and field names."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.forms.append((attrs.get("action") or "", []))
        elif (
            tag in ("input", "select", "textarea")
            and self.forms
            and attrs.get("name") not in (None, "csrfmiddlewaretoken")
        ):
            self.forms[-1][1].append(attrs["name"])


@pytest.fixture
def world():
    """One of everything a URL can name, owned by `owner`."""
    owner = UserFactory(email="owner@example.org")
    organisation = MemberOrganisationFactory(name="Digital Academy Ghent")
    membership = TeamMembershipFactory(organisation=organisation, user=owner)
    other = TeamMembershipFactory(organisation=organisation, role="editor")
    pledge = public_pledge(organisation=organisation, achieved={"people-reached": 10})
    draft = complete_pledge(organisation=organisation)
    board = scoreboard_create(organisation=organisation, user=owner, name="Shared")
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[pledge.pk])
    scoreboard_share(scoreboard=board, now=timezone.now())
    board.refresh_from_db()
    invitation = InvitationFactory(
        organisation=organisation, invited_by=owner, token="hostile-input-invitation-token"
    )
    join_request = JoinRequestFactory(organisation=organisation)
    coalition = NationalCoalitionFactory(country="FR")
    coalition.editors.add(owner)
    item = ItemFactory(coalition=coalition)
    Feed.objects.create(coalition=coalition, kind="news", url="https://example.org/feed.xml")
    superuser = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    values = {
        "organisations": {"slug": organisation.slug, "member_id": other.pk, "pk": invitation.pk},
        "join-requests": {"pk": join_request.pk},
        "pledges": {
            "pk": draft.pk,
            "initiative_pk": draft.initiatives.first().pk,
            "report_pk": ProgressReport.objects.get(pledge=pledge).pk,
        },
        "scoreboards": {"pk": board.pk, "token": board.share_token},
        "invitations": {"token": "hostile-input-invitation-token"},
        "national-coalitions": {"slug": coalition.slug, "pk": item.pk, "country": "fr"},
        "": {
            "slug": "education",
            "pk": pledge.pk,
            "code": "be",
            "kind": "events",
            "section": "pledges",
            "key": "x",
            "uidb36": "1",
            "path": "x",
            "object_id": str(pledge.pk),
            "app_label": "pledges",
        },
    }
    return {"owner": owner, "superuser": superuser, "values": values, "member": membership}


def real_value(values):
    def value_of(name, route):
        # The last part of the route that names a value for this argument wins:
        # organisations/<slug>/pledges/<pk>/ takes the pledge's pk.
        wrapped = f"/{route}"
        parts = [p for p in values if p and f"/{p}/" in wrapped]
        for part in sorted(parts, key=lambda p: wrapped.rfind(f"/{p}/"), reverse=True):
            if name in values[part]:
                return quote(str(values[part][name]), safe="")
        return quote(str(values[""].get(name, "x")), safe="")

    return value_of


def paths(values, *, hostile_arguments: bool = True) -> list[str]:
    """Each route with real values and (unless told not) with huge numbers and
    with a NUL in its arguments' place."""
    found = []
    for route, _name in routes():
        found.append(fill(route, real_value(values)))
        if hostile_arguments and ARGUMENT.search(route):
            found.append(fill(route, lambda name, route: HUGE))
            found.append(fill(route, lambda name, route: "a%00b"))
    return sorted(set(found), key=lambda path: (any(word in path for word in LAST), path))


class Persona(Client):
    """A test client that answers 500s instead of raising, and can start afresh
    as itself (logged in as its user, or as a visitor)."""

    def __init__(self, user=None) -> None:
        super().__init__(raise_request_exception=False)
        self.user = user
        self.start()

    def start(self) -> None:
        self.cookies.clear()
        if self.user is not None:
            self.force_login(self.user)


def clients(world) -> dict[str, Persona]:
    return {
        "visitor": Persona(),
        "team admin": Persona(world["owner"]),
        "superuser": Persona(world["superuser"]),
    }


def test_no_url_pattern_gives_a_500_to_any_path_or_query(world):
    failures = []
    for who, client in clients(world).items():
        for path in paths(world["values"]):
            for query in [{}, *HOSTILE_QUERY, NUL_QUERY]:
                response = client.get(path, query)
                if response.status_code >= 500:
                    failures.append((who, "GET", path, query, response.status_code))
    assert failures == []


def test_no_form_gives_a_500_to_huge_long_or_nul_values(world):
    failures = []
    posted = 0
    for who, client in clients(world).items():
        # The pages themselves: an address with a hostile argument shows no form.
        for path in paths(world["values"], hostile_arguments=False):
            with undone():
                # Each page meets the persona as it started (a post may have
                # logged it out, or changed its password).
                client.start()
                posted += post_forms(client, who, path, failures)
    assert posted > 1500
    assert failures == []


@contextmanager
def undone():
    """Undo what a page's posts changed (a team left, an email address changed),
    so that every page meets the same world."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


def post_forms(client, who, path, failures) -> int:
    """Post every form of the page at `path` (and a blind post) with bad values."""
    posted = 0
    page = client.get(path)
    forms = []
    if page.status_code == 200 and page["Content-Type"].startswith("text/html"):
        parser = Forms()
        parser.feed(page.content.decode())
        forms = parser.forms
    # Every URL takes a blind post as well: its view may take posts that
    # no form of this page shows.
    for action, names in [*forms, ("", ["name", "email", "organisation", "pk"])]:
        target = action or path
        # Every field at once, then (a field's value may never be read
        # when another one is already wrong) one field at a time.
        posts = [dict.fromkeys(names, value) for value in (HUGE, "-" + HUGE, LONG, "0")]
        posts += [{**dict.fromkeys(names, "1"), name: bad} for name in names for bad in (NUL, HUGE)]
        for data in posts:
            response = client.post(target, data)
            posted += 1
            if response.status_code >= 500:
                failures.append((who, "POST", target, data))
    return posted


def test_a_nul_in_a_posted_organisation_is_a_bad_request(world):
    client = clients(world)["team admin"]

    response = client.post("/en/scoreboards/save-filter/", {"organisation": "a\x00b"})

    assert response.status_code == 400


def date_fields(model) -> list[str]:
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.DateField) and not field.is_relation
    ]


@pytest.mark.parametrize(
    "query",
    [
        "{field}__year=99999999999999999999",
        "{field}__year=10000",
        "{field}__year=0",
        "{field}__year__gte=99999999999999999999",
        "{field}__year__in=2026,99999999999999999999",
        "{field}__year=2026&{field}__month=99999999999999999999",
        "{field}__year=2026&{field}__month=1&{field}__day=99999999999999999999",
        "{field}__gte=99999-01-01",
        "{field}__month=13",
    ],
)
def test_admin_date_filters_refuse_impossible_dates_as_other_bad_filters(world, query):
    client = clients(world)["superuser"]
    checked = 0
    registered = [m for m in apps.get_models() if admin.site.is_registered(m) and date_fields(m)]
    for model in registered:
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for field in date_fields(model):
            response = client.get(f"{changelist}?" + query.format(field=field))
            checked += 1
            assert response.status_code == 302, (model, field, response.status_code)
            assert response["Location"].endswith("?e=1")
    assert checked >= 10


def test_admin_exact_filters_refuse_a_nul(world):
    client = clients(world)["superuser"]
    checked = []
    for model in [m for m in apps.get_models() if admin.site.is_registered(m)]:
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField | models.TextField) and not field.is_relation:
                response = client.get(f"{changelist}?{field.name}__exact=a%00b&q=%00")
                checked.append((changelist, field.name, response.status_code))
    assert len(checked) >= 20
    assert {status for _c, _f, status in checked} == {400}
