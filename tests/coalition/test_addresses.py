"""coalition/addresses.py: url_for() gives what reverse() gives, in every
language, under a script prefix and with another URLconf."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils.translation import override

from coalition.addresses import url_for, url_prefix

PAGES = [
    ("pledges:detail", "pk", 42),
    ("pledges:detail", "pk", 1),
    ("pillar_detail", "slug", "for-all"),
    ("members:organisation_detail", "slug", "org-11617"),
    ("members:organisation_detail", "slug", "under_score-2"),
]


@pytest.mark.parametrize("language", ["en", "fr", "de"])
@pytest.mark.parametrize(("name", "kwarg", "value"), PAGES)
def test_url_for_is_reverse(language, name, kwarg, value):
    with override(language):
        assert url_for(name, kwarg, value) == reverse(name, kwargs={kwarg: value})


@pytest.mark.parametrize(("name", "kwarg", "value"), PAGES)
def test_url_for_follows_the_script_prefix(name, kwarg, value):
    try:
        set_script_prefix("/portal/")
        with override("fr"):
            expected = reverse(name, kwargs={kwarg: value})
            assert expected.startswith("/portal/fr/")
            assert url_for(name, kwarg, value) == expected
    finally:
        set_script_prefix("/")
    assert url_for(name, kwarg, value) == reverse(name, kwargs={kwarg: value})


def test_any_other_value_goes_through_reverse():
    # Not an integer nor a slug: reverse() checks it against the pattern, as before.
    with pytest.raises(NoReverseMatch):
        reverse("members:organisation_detail", kwargs={"slug": "é/x"})
    with pytest.raises(NoReverseMatch):
        url_for("members:organisation_detail", "slug", "é/x")
    assert url_for("pledges:detail", "pk", "42") == reverse("pledges:detail", kwargs={"pk": "42"})


def test_an_unknown_page_raises_as_reverse_does():
    assert url_prefix("no-such-page", "pk") is None
    with pytest.raises(NoReverseMatch):
        url_for("no-such-page", "pk", 1)


def test_another_urlconf_has_its_own_addresses():
    assert url_prefix("pledges:detail", "pk") is not None
    with override_settings(ROOT_URLCONF="tests.coalition.urls_without_pledges"):
        assert url_prefix("pledges:detail", "pk") is None
        with pytest.raises(NoReverseMatch):
            url_for("pledges:detail", "pk", 1)
    assert url_for("pledges:detail", "pk", 1) == reverse("pledges:detail", kwargs={"pk": 1})
