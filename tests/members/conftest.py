import pytest

from members.models import Charter, TeamMembership
from tests.members.factories import (
    CharterFactory,
    OrganisationFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Ghent Digital Academy", slug="ghent-digital-academy")


@pytest.fixture
def admin_user(organisation):
    user = VerifiedUserFactory(email="admin@ghent.example.org")
    TeamMembershipFactory(organisation=organisation, user=user, role=TeamMembership.Role.ADMIN)
    return user


@pytest.fixture
def editor_user(organisation):
    user = VerifiedUserFactory(email="editor@ghent.example.org")
    TeamMembershipFactory(organisation=organisation, user=user, role=TeamMembership.Role.EDITOR)
    return user


@pytest.fixture
def outsider(db):
    """Admin of another organisation: logged in, but a stranger to `organisation`."""
    user = VerifiedUserFactory(email="outsider@elsewhere.example.org")
    TeamMembershipFactory(user=user, role=TeamMembership.Role.ADMIN)
    return user


@pytest.fixture
def charter(db):
    """The current version of the Members Charter (above the migration's first one)."""
    current = Charter.objects.current()
    return CharterFactory(version=(current.version if current else 0) + 1)
