import importlib

import pytest
from django.contrib.auth.models import Group, Permission

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
    """The group the data migration set up (a transactional test's flush may have
    emptied the tables since: set it up again the same way)."""
    migration = importlib.import_module("pledges.migrations.0003_moderators_permissions")
    group, _ = Group.objects.get_or_create(name=migration.GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="pledges", codename__in=migration.PERMISSIONS
        )
    )
    return group


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
