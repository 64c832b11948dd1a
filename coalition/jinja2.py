"""The Jinja2 environment of the one template that Jinja2 renders: the Pledge
Viewer's fragment (`templates/jinja2/pledges/viewer/_viewer.html`), through
Django's documented backend (`django.template.backends.jinja2.Jinja2`,
settings.TEMPLATES).

Why a second engine for one template: the fragment prints about 1,400 values
per request (every facet option, twenty result rows, the totals). Django's
template language resolves each through its node and variable machinery, which
made rendering about half of a viewer request's CPU; Jinja2 compiles the
template to Python and prints the same markup several times faster
(`python -m bench.profile` prints the fragment's share of a request). Every
other page stays in Django's template language.

What the template may call: `_()` (Django's gettext, so `makemessages` finds
`{{ _("…") }}` as it finds `{% translate %}`, and the strings share the
catalogues), `url()` (reverse) and `static()`. Output is escaped (the backend's
autoescape), and an undefined name is an error rather than an empty string."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext
from jinja2 import Environment, StrictUndefined


def environment(**options) -> Environment:
    options.setdefault("undefined", StrictUndefined)
    options.pop("autoescape", None)  # always on, whatever a setting says
    env = Environment(autoescape=True, **options)
    env.globals.update({"_": gettext, "url": reverse, "static": static})
    return env
