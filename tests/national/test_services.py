"""Writes for national items that the editor views do not reach on their own."""

import pytest

from national import services
from national.models import Item
from tests.factories import UserFactory
from tests.national.factories import ItemFactory

pytestmark = pytest.mark.django_db


def test_item_update_refuses_a_harvested_item():
    item = ItemFactory(source=Item.Source.HARVESTED, title="From the website")

    with pytest.raises(ValueError, match="edited on their connected website"):
        services.item_update(item=item, editor=UserFactory(), data={"title": "Changed"})

    item.refresh_from_db()
    assert item.title == "From the website"
