import pytest
from django.contrib.auth.models import Group

from members.moderation import ensure_moderators_group
from tests.factories import OrganisationFactory, UserFactory
from tests.pledges.factories import MemberOrganisationFactory, editor_of


@pytest.fixture
def organisation(db):
    return MemberOrganisationFactory(name="Code Club Ghent", slug="code-club-ghent")


@pytest.fixture
def editor(organisation):
    return editor_of(organisation)


@pytest.fixture
def outsider(db):
    """Editor of another organisation: must learn nothing about ours."""
    return editor_of(OrganisationFactory())


def moderators_group() -> Group:
    """The real Moderators group, with exactly the permissions members.moderation
    gives it (idempotent: a transactional test's flush may have emptied the tables)."""
    return ensure_moderators_group()


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderator@example.eu", is_staff=True)
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client
