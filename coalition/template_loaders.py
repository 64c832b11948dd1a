"""The template loader: Django's cached loader, with one copy of each template per
language in which every constant ``{% translate "…" %}`` is already translated.

Why: a page prints dozens of fixed labels ("Organisation", "Pillars",
"Indicators" for every initiative), and each ``{% translate %}`` looks its
message up in the catalogues every time it renders (together a twentieth of
a pledge page). Translated once per language when the
template is compiled, it costs what plain text costs.

What is translated ahead: ``{% translate "literal" %}`` with no filter, no
``context``, no ``noop`` and no ``as``; its text is what the tag itself renders
in that language (the tag is rendered once, with an empty context). Everything
else (variables, ``{% blocktranslate %}``, ``_("…")`` in filter arguments) is
left to render as usual. Templates made with ``Engine.from_string`` do not come
through a loader and are left as they are.

When the catalogues change (a deploy), the processes restart; in development
the autoreloader empties this cache as it empties Django's own.
"""

from __future__ import annotations

from django.template import Context, Template
from django.template.base import Node, NodeList, TextNode
from django.template.defaulttags import IfNode
from django.template.loaders import cached
from django.templatetags.i18n import TranslateNode
from django.utils.translation import get_language


class Loader(cached.Loader):
    def cache_key(self, template_name, skip=None):
        return f"{get_language()}:{super().cache_key(template_name, skip)}"

    def get_template(self, template_name, skip=None):
        cached = self.get_template_cache.get(self.cache_key(template_name, skip))
        if isinstance(cached, Template):  # the usual case, in one key lookup
            return cached
        known = cached is not None
        template = super().get_template(template_name, skip)
        if not known:
            translate_ahead(template)
        return template


def translate_ahead(template: Template) -> None:
    """Replace, in place, each constant translate tag by its text in the active
    language (see the module's docstring for which ones)."""
    _walk(template.nodelist)
    for partial in template.extra_data.get("partials", {}).values():
        _walk(partial.nodelist)


def _walk(nodelist: NodeList) -> None:
    for index, node in enumerate(nodelist):
        if _is_constant(node):
            text = TextNode(node.render(Context()))
            text.token, text.origin = node.token, node.origin  # for error reports
            nodelist[index] = text
            continue
        for child in _children(node):
            _walk(child)


def _children(node: Node):
    if isinstance(node, IfNode):
        for _condition, nodelist in node.conditions_nodelists:
            yield nodelist
    for name in node.child_nodelists:
        nodelist = getattr(node, name, None)
        if isinstance(nodelist, NodeList):
            yield nodelist


def _is_constant(node: Node) -> bool:
    if type(node) is not TranslateNode:
        return False
    expression = node.filter_expression
    return (
        not node.noop
        and node.asvar is None
        and node.message_context is None
        and not expression.filters
        and expression.is_var
        and expression.var.literal is not None
        and expression.var.lookups is None
    )
