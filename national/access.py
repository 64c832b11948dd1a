"""Who may edit a national coalition and its items: its editors, nobody else.
Outsiders get 404, never 403, so slugs and ids leak nothing."""

from __future__ import annotations

from django.http import Http404

from national.models import Item, NationalCoalition


def coalition_for_editor(user, slug: str) -> NationalCoalition:
    """The coalition with this slug if `user` is one of its editors; Http404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    coalition = NationalCoalition.objects.filter(slug=slug, editors=user).first()
    if coalition is None:
        raise Http404
    return coalition


def item_for_editor(user, pk: int) -> Item:
    """The item if `user` edits its coalition; Http404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    item = Item.objects.select_related("coalition").filter(pk=pk, coalition__editors=user).first()
    if item is None:
        raise Http404
    return item


def item_for_viewer(user, pk: int) -> Item:
    """A public item, or a not-yet-public one for its coalition's editors; Http404 otherwise."""
    item = Item.objects.select_related("coalition").filter(pk=pk).first()
    if item is None:
        raise Http404
    if item.is_public:
        return item
    if user.is_authenticated and item.coalition.editors.filter(pk=user.pk).exists():
        return item
    raise Http404
