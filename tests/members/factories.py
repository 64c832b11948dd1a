"""Factories for the members app's models (on top of tests/factories.py)."""

from datetime import UTC, datetime, timedelta

import factory
from allauth.account.models import EmailAddress

from members.models import Charter, Invitation, JoinRequest, MembershipApplication
from members.services import token_hash
from tests.factories import OrganisationFactory, TeamMembershipFactory, UserFactory

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
PASSWORD = "correct horse battery staple"


class VerifiedUserFactory(UserFactory):
    """A user who signed up and verified their address, as allauth leaves them."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class CharterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Charter
        django_get_or_create = ("version",)

    version = factory.Sequence(lambda n: n + 1)
    title = "Members Charter"
    text = "We commit to act for digital skills.\n\nWe report our progress."


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    organisation = factory.SubFactory(OrganisationFactory)
    charter = factory.SubFactory(CharterFactory)
    endorsed_by = factory.SubFactory(VerifiedUserFactory)
    endorsed_at = NOW


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation
        exclude = ("token",)

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    token = factory.Sequence(lambda n: f"token-{n}-abcdefghijklmnopqrstuvwxyz")
    token_hash = factory.LazyAttribute(lambda o: token_hash(o.token))
    invited_by = factory.SubFactory(VerifiedUserFactory)
    created_at = NOW
    expires_at = NOW + timedelta(days=7)


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    message = "I work here."
    created_at = NOW


__all__ = [
    "NOW",
    "PASSWORD",
    "CharterFactory",
    "InvitationFactory",
    "JoinRequestFactory",
    "MembershipApplicationFactory",
    "OrganisationFactory",
    "TeamMembershipFactory",
    "UserFactory",
    "VerifiedUserFactory",
]
