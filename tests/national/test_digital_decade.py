"""manage.py load_digital_decade and where a country stands on the Digital
Decade targets on its pages. The files are made-up test data (tests/national/jsonstat.py)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from national import digital_decade
from national.models import DigitalDecadeFigure, DigitalDecadeRelease
from tests.national import jsonstat
from tests.national.factories import NationalCoalitionFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

SKILLS = {
    ("BE", "2021"): 50.0,
    ("BE", "2023"): 60.0,
    ("EL", "2023"): 40.0,
    ("EU27_2020", "2021"): 45.0,
    ("EU27_2020", "2023"): 55.0,
    ("IS", "2023"): 70.0,  # not in the EU: left out
}
ICT = {
    ("T", "BE", "2023"): 200.0,
    ("F", "BE", "2023"): 50.0,
    ("M", "BE", "2023"): 150.0,
    ("T", "EU27_2020", "2023"): 10000.0,
}


def load(tmp_path, *files, **options):
    paths = [jsonstat.write(tmp_path, f"file{n}.json", data) for n, data in enumerate(files)]
    call_command("load_digital_decade", *paths, **options)


def figures():
    return sorted(
        DigitalDecadeFigure.objects.values_list("indicator", "country", "year", "sex", "value")
    )


def test_it_loads_the_skills_and_ict_specialists_files(tmp_path):
    load(tmp_path, jsonstat.skills(SKILLS), jsonstat.ict(ICT))

    assert figures() == [
        ("basic-digital-skills", "BE", 2021, "T", Decimal("50.00")),
        ("basic-digital-skills", "BE", 2023, "T", Decimal("60.00")),
        ("basic-digital-skills", "EU", 2021, "T", Decimal("45.00")),
        ("basic-digital-skills", "EU", 2023, "T", Decimal("55.00")),
        ("basic-digital-skills", "GR", 2023, "T", Decimal("40.00")),  # Eurostat's EL
        ("ict-specialists", "BE", 2023, "F", Decimal("50.00")),
        ("ict-specialists", "BE", 2023, "M", Decimal("150.00")),
        ("ict-specialists", "BE", 2023, "T", Decimal("200.00")),
        ("ict-specialists", "EU", 2023, "T", Decimal("10000.00")),
    ]
    releases = list(DigitalDecadeRelease.objects.values_list("dataset", "updated", "source_url"))
    assert releases == [
        (
            "isoc_sk_dskl_i21",
            dt.date(2030, 1, 15),
            "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/"
            "isoc_sk_dskl_i21?format=JSON&lang=EN",
        ),
        (
            "isoc_sks_itspt",
            dt.date(2030, 1, 15),
            "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/"
            "isoc_sks_itspt?format=JSON&lang=EN",
        ),
    ]


def test_loading_a_dataset_again_replaces_its_release(tmp_path):
    load(tmp_path, jsonstat.skills(SKILLS), jsonstat.ict(ICT))

    newer = jsonstat.skills({("BE", "2024"): 65.0}, updated="2031-02-01T10:00:00+0100")
    load(tmp_path, newer)

    assert [f for f in figures() if f[0] == "basic-digital-skills"] == [
        ("basic-digital-skills", "BE", 2024, "T", Decimal("65.00"))
    ]
    assert DigitalDecadeRelease.objects.get(dataset="isoc_sk_dskl_i21").updated == dt.date(
        2031, 2, 1
    )
    assert DigitalDecadeFigure.objects.filter(indicator="ict-specialists").count() == 4


def broken(data: dict, **changes) -> dict:
    return {**data, **changes}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "this is not a JSON file"),
        ([], "This is not a JSON-stat dataset."),
        (broken(jsonstat.skills(SKILLS), version="1.0"), "Only JSON-stat version 2.0"),
        (broken(jsonstat.skills(SKILLS), updated="soon"), "no valid “updated” date"),
        (broken(jsonstat.skills(SKILLS), size=[1, 1]), "do not agree"),
        (broken(jsonstat.skills(SKILLS), value="none"), "The file has no values."),
        (
            jsonstat.dataset("isoc_ci_in_h", {"geo": ["BE"], "time": ["2023"]}, {}),
            "The dataset isoc_ci_in_h is not one the portal reads",
        ),
        (
            jsonstat.dataset(
                "isoc_sks_itsag",
                {"age": ["Y15-34", "Y35-74"], "unit": ["THS_PER"], "geo": ["BE"], "time": ["2023"]},
                {("Y15-34", "THS_PER", "BE", "2023"): 1.0},
            ),
            "The dimension “age” has several categories (Y15-34, Y35-74)",
        ),
        (
            jsonstat.dataset(
                "isoc_sk_dskl_i21",
                {"unit": ["PC_IND"], "geo": ["BE"], "time": ["2023"]},
                {("PC_IND", "BE", "2023"): 1.0},
            ),
            "The file has no “indic_is”",  # not there: the selection cannot be made
        ),
        (
            jsonstat.dataset(
                "isoc_sks_itspt",
                {"unit": ["THS_PER"], "geo": ["BE"], "time": ["2023-Q1"]},
                {("THS_PER", "BE", "2023-Q1"): 1.0},
            ),
            "“2023-Q1” is not a year",
        ),
        (jsonstat.ict({("T", "IS", "2023"): 5.0}), "no figure for the EU or its Member States"),
    ],
)
def test_a_wrong_or_malformed_file_is_refused_and_nothing_is_loaded(tmp_path, content, message):
    load(tmp_path, jsonstat.ict(ICT))
    before = figures()

    with pytest.raises(CommandError) as refused:
        load(tmp_path, jsonstat.skills({("BE", "2024"): 1.0}), content)

    assert message in str(refused.value)
    assert "Nothing was loaded." in str(refused.value)
    assert figures() == before  # the good file given with it was not loaded either


def test_a_file_of_another_dataset_than_named_is_refused(tmp_path):
    with pytest.raises(
        CommandError, match="holds the dataset isoc_sk_dskl_i21, not isoc_sks_itspt"
    ):
        load(tmp_path, jsonstat.skills(SKILLS), dataset="isoc_sks_itspt")

    assert DigitalDecadeRelease.objects.count() == 0


def test_a_file_that_does_not_name_its_dataset_may_be_named(tmp_path):
    data = jsonstat.skills(SKILLS)
    del data["extension"]

    with pytest.raises(CommandError, match="does not say which dataset"):
        load(tmp_path, data)
    load(tmp_path, data, dataset="isoc_sk_dskl_i21", source_url="https://example.org/file.json")

    assert DigitalDecadeRelease.objects.get().source_url == "https://example.org/file.json"


def test_an_unreadable_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("load_digital_decade", str(tmp_path / "missing.json"))


def test_the_standing_of_a_country(tmp_path):
    load(tmp_path, jsonstat.skills(SKILLS), jsonstat.ict(ICT))

    skills, ict = digital_decade.standing("BE")

    assert (skills.indicator, skills.year, skills.value, skills.eu) == (
        "basic-digital-skills",
        2023,
        Decimal("60.00"),
        Decimal("55.00"),
    )
    assert [(row.year, row.value, row.eu) for row in skills.rows] == [
        (2023, Decimal("60.00"), Decimal("55.00")),
        (2021, Decimal("50.00"), Decimal("45.00")),
    ]
    assert [bar.year for bar in skills.bars] == [2021, 2023]
    assert skills.target_y is not None  # the 80 % line
    assert (ict.value, ict.women_share, ict.target_y) == (Decimal("200.00"), Decimal("25.0"), None)
    assert digital_decade.standing("EU")[1].target_y is not None  # 20 million, EU-wide
    assert digital_decade.standing("FR") == []


def test_a_country_page_shows_where_it_stands(tmp_path, client):
    load(tmp_path, jsonstat.skills(SKILLS), jsonstat.ict(ICT))
    coalition = NationalCoalitionFactory(country="BE")

    html = client.get(coalition.get_absolute_url()).content.decode()

    assert "Where Belgium stands on the EU’s 2030 Digital Decade targets" in html
    assert "Source: Eurostat, dataset isoc_sk_dskl_i21, updated 15 January 2030" in html
    assert "Source: Eurostat, dataset isoc_sks_itspt, updated 15 January 2030" in html
    assert html.count('role="img"') == 2
    assert "<dd>60.0%</dd>" in html
    assert "<dd>25.0%</dd>" in html  # women among the ICT specialists
    assert "80% of people aged 16–74" in html


def test_without_figures_the_page_says_so(client):
    coalition = NationalCoalitionFactory(country="BE")

    html = client.get(coalition.get_absolute_url()).content.decode()

    assert "No Digital Decade figures from Eurostat have been loaded into the portal yet." in html
    assert 'role="img"' not in html


def test_the_viewer_filtered_to_one_country_shows_where_it_stands(tmp_path, client):
    load(tmp_path, jsonstat.skills(SKILLS), jsonstat.ict(ICT))
    public_pledge(countries=("BE", "FR"))

    one = client.get("/en/pledges/", {"country": "BE"}).content.decode()
    page = client.get("/en/pledges/countries/be/").content.decode()
    two = client.get("/en/pledges/", {"country": ["BE", "FR"]}).content.decode()
    eu = client.get("/en/pledges/countries/eu/").content.decode()

    assert "Where Belgium stands" in one
    assert "Where Belgium stands" in page
    assert "Digital Decade" not in two
    assert "Where the European Union stands" in eu
