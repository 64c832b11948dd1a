"""Factories for national coalitions, their items and feeds."""

import datetime as dt

import factory

from national.models import Feed, Item, Kind, NationalCoalition


class NationalCoalitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalCoalition
        django_get_or_create = ("country",)

    country = "FR"
    name = factory.LazyAttribute(lambda o: f"National Digital Skills Coalition {o.country}")
    slug = factory.LazyAttribute(lambda o: f"coalition-{o.country.lower()}")
    description = "Public authorities, companies and schools closing the digital skills gap."
    website = factory.LazyAttribute(lambda o: f"https://coalition-{o.country.lower()}.example.eu/")
    contact_email = factory.LazyAttribute(
        lambda o: f"contact@coalition-{o.country.lower()}.example.eu"
    )
    launched_on = dt.date(2017, 5, 4)
    language = "en"


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    coalition = factory.SubFactory(NationalCoalitionFactory)
    kind = Kind.NEWS
    title = factory.Sequence(lambda n: f"Digital skills news {n}")
    summary = "What happened, in a few words."
    link = factory.Sequence(lambda n: f"https://example.eu/news/{n}")
    language = "en"
    country = factory.LazyAttribute(lambda o: o.coalition.country)
    state = Item.State.APPROVED
    published_at = factory.Sequence(
        lambda n: dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=n)
    )


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    coalition = factory.SubFactory(NationalCoalitionFactory)
    kind = Kind.NEWS
    url = "https://coalition.example.eu/feed/"
