"""The Jinja2 environment of the few templates that Jinja2 renders, through
Django's documented backend (`django.template.backends.jinja2.Jinja2`,
settings.TEMPLATES), all in `templates/jinja2/`:

- the Pledge Viewer's fragment (`pledges/viewer/_viewer.html`, with its result
  list `_results.html`), which prints about 1,400 values per request (every
  facet option, twenty result rows, the totals);
- the map of Europe (`includes/europe_map.html`), on every viewer page and the
  national index (which renders it with `using="jinja2"`);
- the header of every page (`includes/header.html`: the 24 languages, the
  navigation) and the head's links to the page in the other languages
  (`includes/alternates.html`), through `{% header %}` and `{% alternates %}`
  in base.html (coalition/templatetags/layout.py).

Why a second engine for these: Django's template language resolves each value
through its node and variable machinery, which made rendering about half of a
viewer request's CPU; Jinja2 compiles a template to Python and prints the same
markup several times faster (`python -m bench.profile` prints the fragment's
share of a request). Pages and everything else stay in Django's template
language; a Jinja2 template's output reaches them as markup it has escaped.

What the templates may call: `_()` (Django's gettext, so `makemessages` finds
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
