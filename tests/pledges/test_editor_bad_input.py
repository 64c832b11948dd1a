"""Bad input on the editor's forms, for pledges, initiatives and reports that
already exist: the page comes back (200) with the message in the field's own
error list, what was typed is still in the form, and the database is exactly
as it was. Pledges that are not editable refuse initiative changes outright."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from coalition.models import Pillar
from pledges.models import (
    Indicator,
    Initiative,
    Pledge,
    PledgeTransition,
    ProgressReport,
    ReportedValue,
)
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
TOO_LONG = "x" * 201  # titles hold 200 characters


# --- Helpers ----------------------------------------------------------------------


def editor_url(name: str, pledge: Pledge, **kwargs) -> str:
    return reverse(
        f"pledges:{name}", kwargs={"slug": pledge.organisation.slug, "pk": pledge.pk, **kwargs}
    )


def snapshot(pledge: Pledge) -> dict:
    """Every row the editor's forms could touch, as stored now (updated_at
    included, so even a no-op save shows)."""
    pledge = Pledge.objects.get(pk=pledge.pk)
    return {
        "pledge": {**model_to_dict(pledge), "updated_at": pledge.updated_at},
        "initiatives": [
            model_to_dict(i) for i in Initiative.objects.filter(pledge=pledge).order_by("pk")
        ],
        "indicators": list(
            Indicator.objects.filter(initiative__pledge=pledge).order_by("pk").values()
        ),
        "reports": list(ProgressReport.objects.filter(pledge=pledge).order_by("pk").values()),
        "values": list(ReportedValue.objects.filter(report__pledge=pledge).order_by("pk").values()),
        "transitions": list(PledgeTransition.objects.filter(pledge=pledge).values()),
        "pledges": Pledge.objects.count(),
    }


def field_errors(response, field_id: str) -> str:
    """The text of the error list the template puts next to the field."""
    match = re.search(
        rf'<ul class="errorlist[^"]*" id="{re.escape(field_id)}_error">(.*?)</ul>',
        response.text,
        re.DOTALL,
    )
    assert match, f"no error list next to {field_id}"
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1)))).strip()


class _Values(HTMLParser):
    """What a browser would show in each form control, by id."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, object] = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in ("checkbox", "radio"):
            self.values[attrs.get("id")] = "checked" in attrs
        elif tag == "input":
            self.values[attrs.get("id")] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = attrs.get("id")
            self.values[self._textarea] = ""
        elif tag == "select":
            self._select = attrs.get("id")
            self.values[self._select] = []
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select].append(attrs.get("value"))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def shown(response) -> dict:
    parser = _Values()
    parser.feed(response.text)
    return parser.values


# --- Data -------------------------------------------------------------------------


def pledge_data(**overrides) -> dict:
    return {
        "title": "Coding for every school",
        "summary": "Coding clubs in 200 schools.",
        "beyond_day_to_day": "New and free.",
        "start_date": "2026-01-01",
        "end_date": "2027-12-31",
        **overrides,
    }


def initiative_data(indicator: Indicator | None = None, **overrides) -> dict:
    data = {
        "title": "Typed initiative title",
        "description": "Typed description.",
        "pillars": [str(Pillar.objects.get(slug="education").pk)],
        "countries": ["BE", "FR"],
        "beneficiary_groups": ["pupils"],
        "action_types": ["coding-classes"],
        "delivery_mode": "blended",
        "link": "https://typed.example.org/",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "1" if indicator else "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "20",
        "indicators-0-id": str(indicator.pk) if indicator else "",
        "indicators-0-kind": "people-reached",
        "indicators-0-custom_name": "",
        "indicators-0-target": "4321",
    }
    return {**data, **overrides}


def report_data(indicator: Indicator, **overrides) -> dict:
    return {
        "period_start": "2026-07-01",
        "period_end": "2026-12-31",
        "narrative": "Typed narrative.",
        "evidence_url": "https://typed.example.org/results",
        f"value_{indicator.pk}": "777",
        **{k.replace("VALUE", f"value_{indicator.pk}"): v for k, v in overrides.items()},
    }


@pytest.fixture
def draft(organisation):
    pledge = PledgeFactory(organisation=organisation, title="Stored title")
    IndicatorFactory(initiative=InitiativeFactory(pledge=pledge, title="Stored initiative"))
    return pledge


@pytest.fixture
def approved(organisation):
    pledge = PledgeFactory(organisation=organisation, approved=True)
    IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))
    return pledge


# --- edit: an existing pledge ---------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "   "}, "title", "This field is required."),
        ({"title": TOO_LONG}, "title", "Ensure this value has at most 200 characters"),
        ({"summary": "s" * 3001}, "summary", "Ensure this value has at most 3000 characters"),
        ({"start_date": "soon"}, "start_date", "Enter a valid date."),
        ({"end_date": "2027-02-30"}, "end_date", "Enter a valid date."),
        ({"end_date": "2025-12-31"}, "end_date", "The end date must be after the start date."),
        ({"partners": ["abc"]}, "partners", "“abc” is not a valid value."),
        ({"partners": ["999999"]}, "partners", "Select a valid choice."),
        (
            {"title": SCRIPT, "end_date": "2025-01-01"},
            "end_date",
            "The end date must be after the start date.",
        ),
    ],
)
def test_editing_a_pledge_with_bad_input(overrides, field, message, editor_client, draft):
    before = snapshot(draft)
    data = pledge_data(**overrides)

    response = editor_client.post(editor_url("edit", draft), data)

    assert response.status_code == 200
    assert message in field_errors(response, f"id_{field}")
    values = shown(response)
    for name in ("title", "summary", "beyond_day_to_day", "start_date", "end_date"):
        if name != field:
            assert values[f"id_{name}"].strip() == data[name].strip()
    assert SCRIPT not in response.text  # shown as text, never as markup
    assert snapshot(draft) == before


# --- initiative_create and initiative_edit ----------------------------------------


INITIATIVE_CASES = [
    ({"title": ""}, "id_title", "This field is required."),
    ({"title": TOO_LONG}, "id_title", "Ensure this value has at most 200 characters"),
    ({"description": "d" * 5001}, "id_description", "at most 5000 characters"),
    ({"pillars": ["abc"]}, "id_pillars", "“abc” is not a valid value."),
    ({"pillars": ["999999"]}, "id_pillars", "Select a valid choice."),
    ({"countries": ["XX"]}, "id_countries", "Select a valid choice. XX is not one of"),
    ({"countries": ["US"]}, "id_countries", "Select a valid choice. US is not one of"),
    ({"beneficiary_groups": ["robots"]}, "id_beneficiary_groups", "Select a valid choice."),
    # (no pillar or country is not bad input: a draft initiative may lack them,
    # and submitting says so: services.submission_problems)
    ({"delivery_mode": "by-pigeon"}, "id_delivery_mode", "Select a valid choice."),
    ({"link": "not a web address"}, "id_link", "Enter a valid URL."),
    ({"link": "javascript:alert(1)"}, "id_link", "Enter a valid URL."),
    ({"link": "https://" + "a" * 500 + ".org/"}, "id_link", "at most 500 characters"),
    ({"indicators-0-target": "-5"}, "id_indicators-0-target", "greater than or equal to 1"),
    ({"indicators-0-target": "0"}, "id_indicators-0-target", "greater than or equal to 1"),
    ({"indicators-0-target": "many"}, "id_indicators-0-target", "Enter a whole number."),
    ({"indicators-0-target": "1.5"}, "id_indicators-0-target", "Enter a whole number."),
    ({"indicators-0-target": "3000000000"}, "id_indicators-0-target", "less than or equal"),
    ({"indicators-0-kind": "unicorns"}, "id_indicators-0-kind", "Select a valid choice."),
    ({"indicators-0-kind": "custom"}, "id_indicators-0-custom_name", "Name the custom"),
    (
        {"title": SCRIPT, "link": "javascript:alert(1)"},
        "id_link",
        "Enter a valid URL.",
    ),
]


def assert_initiative_kept(response, data, field_id):
    values = shown(response)
    for name in ("title", "description", "link"):
        if f"id_{name}" != field_id:
            assert values[f"id_{name}"].strip() == data[name]
    assert values["id_delivery_mode"] == (
        [data["delivery_mode"]] if field_id != "id_delivery_mode" else []
    )
    checked = {key for key, value in values.items() if value is True}
    if field_id != "id_countries":
        assert {key for key in checked if key.startswith("id_countries_")} == {
            f"id_countries_{i}" for i in _country_indexes(response, data["countries"])
        }
    if field_id != "id_indicators-0-target":
        assert values["id_indicators-0-target"] == data["indicators-0-target"]


def _country_indexes(response, codes):
    choices = [code for code, _name in response.context["form"].fields["countries"].choices]
    return {choices.index(code) for code in codes}


@pytest.mark.parametrize(("overrides", "field_id", "message"), INITIATIVE_CASES)
def test_editing_an_initiative_with_bad_input(overrides, field_id, message, editor_client, draft):
    initiative = draft.initiatives.get()
    data = initiative_data(indicator=initiative.indicators.get(), **overrides)
    before = snapshot(draft)

    response = editor_client.post(
        editor_url("initiative_edit", draft, initiative_pk=initiative.pk), data
    )

    assert response.status_code == 200
    assert message in field_errors(response, field_id)
    assert_initiative_kept(response, data, field_id)
    assert SCRIPT not in response.text
    assert snapshot(draft) == before


@pytest.mark.parametrize(("overrides", "field_id", "message"), INITIATIVE_CASES)
def test_adding_an_initiative_with_bad_input(overrides, field_id, message, editor_client, draft):
    data = initiative_data(**overrides)
    before = snapshot(draft)

    response = editor_client.post(editor_url("initiative_create", draft), data)

    assert response.status_code == 200
    assert message in field_errors(response, field_id)
    assert_initiative_kept(response, data, field_id)
    assert SCRIPT not in response.text
    assert snapshot(draft) == before


# --- report_create and report_edit --------------------------------------------------


REPORT_CASES = [
    ({"period_start": ""}, "id_period_start", "This field is required."),
    ({"period_start": "last spring"}, "id_period_start", "Enter a valid date."),
    ({"period_end": "2026-06-01"}, "id_period_end", "The period must end after it starts."),
    ({"narrative": ""}, "id_narrative", "This field is required."),
    ({"narrative": "n" * 5001}, "id_narrative", "at most 5000 characters"),
    ({"evidence_url": "see our website"}, "id_evidence_url", "Enter a valid URL."),
    ({"evidence_url": "javascript:alert(1)"}, "id_evidence_url", "Enter a valid URL."),
    ({"VALUE": "-1"}, "id_VALUE", "greater than or equal to 0"),
    ({"VALUE": "lots"}, "id_VALUE", "Enter a whole number."),
    ({"VALUE": "3000000000"}, "id_VALUE", "less than or equal to"),
    (
        {"narrative": SCRIPT, "evidence_url": "javascript:alert(1)"},
        "id_evidence_url",
        "Enter a valid URL.",
    ),
]


def assert_report_kept(response, data, field_id, indicator):
    values = shown(response)
    for name in ("period_start", "period_end", "narrative", "evidence_url"):
        if f"id_{name}" != field_id:
            assert values[f"id_{name}"].strip() == data[name]
    value = f"value_{indicator.pk}"
    if field_id != f"id_{value}":
        assert values[f"id_{value}"] == data[value]


@pytest.mark.parametrize(("overrides", "field_id", "message"), REPORT_CASES)
def test_reporting_with_bad_input(overrides, field_id, message, editor_client, approved):
    indicator = Indicator.objects.get(initiative__pledge=approved)
    data = report_data(indicator, **overrides)
    field_id = field_id.replace("VALUE", f"value_{indicator.pk}")
    before = snapshot(approved)

    response = editor_client.post(editor_url("report_create", approved), data)

    assert response.status_code == 200
    assert message in field_errors(response, field_id)
    assert_report_kept(response, data, field_id, indicator)
    assert SCRIPT not in response.text
    assert snapshot(approved) == before


@pytest.mark.parametrize(("overrides", "field_id", "message"), REPORT_CASES)
def test_correcting_a_report_with_bad_input(overrides, field_id, message, editor_client, approved):
    indicator = Indicator.objects.get(initiative__pledge=approved)
    report = ProgressReportFactory(pledge=approved, status=ProgressReport.Status.CHANGES_REQUESTED)
    ReportedValueFactory(report=report, indicator=indicator, value=100)
    data = report_data(indicator, **overrides)
    field_id = field_id.replace("VALUE", f"value_{indicator.pk}")
    before = snapshot(approved)

    response = editor_client.post(editor_url("report_edit", approved, report_pk=report.pk), data)

    assert response.status_code == 200
    assert message in field_errors(response, field_id)
    assert_report_kept(response, data, field_id, indicator)
    assert SCRIPT not in response.text
    assert snapshot(approved) == before


def test_a_report_without_any_value_is_explained_and_changes_nothing(editor_client, approved):
    indicator = Indicator.objects.get(initiative__pledge=approved)
    before = snapshot(approved)

    response = editor_client.post(
        editor_url("report_create", approved), report_data(indicator, VALUE="")
    )

    assert response.status_code == 200
    assert "Give the achieved value of at least one indicator." in response.text
    assert shown(response)["id_narrative"].strip() == "Typed narrative."
    assert snapshot(approved) == before


# --- Initiatives of pledges that are not editable -------------------------------------


@pytest.fixture(params=[Pledge.Status.SUBMITTED, Pledge.Status.APPROVED])
def locked(request, organisation):
    pledge = PledgeFactory(organisation=organisation, status=request.param)
    IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))
    return pledge


def initiative_urls(pledge):
    initiative = pledge.initiatives.get()
    return {
        "initiative_create": editor_url("initiative_create", pledge),
        "initiative_edit": editor_url("initiative_edit", pledge, initiative_pk=initiative.pk),
        "initiative_delete": editor_url("initiative_delete", pledge, initiative_pk=initiative.pk),
    }


@pytest.mark.parametrize("view", ["initiative_create", "initiative_edit", "initiative_delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_initiatives_of_a_pledge_that_is_not_editable_are_refused(
    view, method, editor_client, locked
):
    initiative = locked.initiatives.get()
    data = initiative_data(indicator=initiative.indicators.get()) if method == "post" else None
    before = snapshot(locked)

    response = getattr(editor_client, method)(initiative_urls(locked)[view], data, follow=True)

    assert response.redirect_chain == [(editor_url("manage", locked), 302)]
    assert [str(m) for m in response.context["messages"]] == ["This pledge cannot be edited now."]
    assert snapshot(locked) == before
