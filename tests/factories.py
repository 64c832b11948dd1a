"""Factories for the whole project (factory_boy)."""

import factory
from django.utils.text import slugify

from members.models import Organisation, TeamMembership, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("correct horse battery staple")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Digital Academy {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    sector = Organisation.Sector.PRIVATE
    type = Organisation.Type.EDUCATION_PROVIDER
    size = Organisation.Size.SMALL
    country = "BE"
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.org/")
    description = "We teach digital skills."
    contact_email = factory.LazyAttribute(lambda o: f"info@{o.slug}.example.org")


class TeamMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamMembership.Role.ADMIN
