"""The template loader (coalition/template_loaders.py): constant translate tags are
translated once per language, and every template renders what it rendered
without it, in each language, whatever language came first."""

import pytest
from django.template import Context, Engine
from django.template.base import TextNode
from django.templatetags.i18n import TranslateNode
from django.utils.translation import override

LIBRARIES = {"i18n": "django.templatetags.i18n"}
SOURCE = (
    "{% load i18n %}"
    "<h2>{% translate 'Pillars' %}</h2>"
    "{% if show %}<p>{% translate 'Partners' %}</p>"
    "{% else %}<p>{% translate 'Log out' %}</p>{% endif %}"
    "{% for x in items %}<i>{% translate 'Indicators' %}</i>{% endfor %}"
    "{% translate 'Pillars' as label %}[{{ label }}]"
    "{% translate 'Pillars'|upper %}"
    "{% translate 'Pillars' noop %}"
    "{% translate name %}"
    "{% translate 'required' context 'form field' %}"
    "{% translate '100%% sure' %}"
    "{% partialdef part %}<b>{% translate 'Partners' %}</b>{% endpartialdef %}"
)


def engine(tmp_path, loader):
    (tmp_path / "page.html").write_text(SOURCE)
    return Engine(
        dirs=[tmp_path],
        loaders=[(loader, ["django.template.loaders.filesystem.Loader"])],
        libraries=LIBRARIES,
    )


def render(engine, name, language, **context):
    with override(language):
        return engine.get_template(name).render(
            Context({"show": True, "items": [1, 2], "name": "Partners", **context})
        )


@pytest.mark.parametrize("first", ["en", "fr", "de"])
def test_each_language_renders_what_django_s_own_loader_renders(tmp_path, first):
    ours = engine(tmp_path, "coalition.template_loaders.Loader")
    django = engine(tmp_path, "django.template.loaders.cached.Loader")
    order = [first] + [code for code in ("en", "fr", "de") if code != first]

    for language in order * 2:
        for show in (True, False):
            assert render(ours, "page.html", language, show=show) == render(
                django, "page.html", language, show=show
            )
            assert render(ours, "page.html#part", language) == render(
                django, "page.html#part", language
            )


def test_french_is_french_and_german_is_german(tmp_path):
    ours = engine(tmp_path, "coalition.template_loaders.Loader")

    french = render(ours, "page.html", "fr")
    german = render(ours, "page.html", "de")

    assert "<h2>Piliers</h2><p>Partenaires</p><i>Indicateurs</i><i>Indicateurs</i>" in french
    assert "[Piliers]PILIERS" in french
    assert "obligatoire" in french
    assert "<h2>Säulen</h2><p>Partner</p>" in german


def test_only_constant_tags_become_text(tmp_path):
    ours = engine(tmp_path, "coalition.template_loaders.Loader")

    with override("fr"):
        template = ours.get_template("page.html")
    translate_nodes = template.nodelist.get_nodes_by_type(TranslateNode)
    texts = [n.s for n in template.nodelist.get_nodes_by_type(TextNode)]

    # as, a filter, noop, a variable and a context stay tags; the rest is text.
    assert len(translate_nodes) == 5
    assert {"Piliers", "Partenaires", "Indicateurs", "Se déconnecter"} <= set(texts)


def test_an_extending_template_and_its_blocks_are_translated(tmp_path):
    (tmp_path / "base.html").write_text(
        "{% load i18n %}<p>{% translate 'Log out' %}</p>{% block b %}{% endblock %}"
    )
    (tmp_path / "child.html").write_text(
        "{% extends 'base.html' %}{% load i18n %}"
        "{% block b %}{% translate 'Partners' %}{% endblock %}"
    )
    ours = Engine(
        libraries=LIBRARIES,
        dirs=[tmp_path],
        loaders=[
            ("coalition.template_loaders.Loader", ["django.template.loaders.filesystem.Loader"])
        ],
    )

    assert render(ours, "child.html", "fr") == "<p>Se déconnecter</p>Partenaires"
    assert render(ours, "child.html", "en") == "<p>Log out</p>Partners"


@pytest.mark.django_db
def test_the_portal_uses_it(client):
    from django.template import engines

    loaders = engines["django"].engine.template_loaders

    assert [type(loader).__module__ for loader in loaders] == ["coalition.template_loaders"]
    assert 'aria-label="Langue"' in client.get("/fr/").text
