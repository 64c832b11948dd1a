"""The organisation's reporting pages: who may see them, what bad input gets,
and the way from download to submitted reports."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import TeamMembership
from pledges.models import Pledge, ProgressReport
from pledges.reporting import files, sheet
from tests.factories import UserFactory
from tests.pledges.factories import PledgeFactory
from tests.pledges.reporting.conftest import approved_pledge, indicators_of
from tests.pledges.reporting.test_sheet import REPORT, fill

pytestmark = pytest.mark.django_db

# (url name, allowed methods)
VIEWS = [
    ("pledges:reporting", {"GET"}),
    ("pledges:reporting_csv", {"GET"}),
    ("pledges:reporting_xlsx", {"GET"}),
    ("pledges:reporting_upload", {"GET", "POST"}),
    ("pledges:reporting_submit", {"POST"}),
]


def url(name, organisation):
    return reverse(name, kwargs={"slug": organisation.slug})


def upload(client, organisation, content: bytes, name="progress.csv"):
    return client.post(
        url("pledges:reporting_upload", organisation),
        {"file": SimpleUploadedFile(name, content)},
    )


def as_csv(table) -> bytes:
    return files.csv_text(table).encode()


@pytest.mark.parametrize(("name", "methods"), VIEWS)
def test_anonymous_users_are_sent_to_log_in(client, organisation, name, methods):
    for method in methods:
        response = getattr(client, method.lower())(url(name, organisation))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "methods"), VIEWS)
def test_outsiders_get_404(outsider_client, organisation, pledges, name, methods):
    for method in methods:
        assert getattr(outsider_client, method.lower())(url(name, organisation)).status_code == 404


@pytest.mark.parametrize(("name", "methods"), VIEWS)
def test_a_user_who_left_the_team_gets_404(client, organisation, name, methods):
    user = UserFactory()
    TeamMembership.objects.create(organisation=organisation, user=user, role="editor").delete()
    client.force_login(user)

    for method in methods:
        assert getattr(client, method.lower())(url(name, organisation)).status_code == 404


@pytest.mark.parametrize(("name", "methods"), VIEWS)
def test_wrong_methods_get_405(editor_client, organisation, name, methods):
    for method in {"GET", "POST", "PUT", "DELETE"} - methods:
        assert getattr(editor_client, method.lower())(url(name, organisation)).status_code == 405


def test_the_page_lists_pledges_by_status_in_words(editor_client, organisation, pledges):
    Pledge.objects.filter(pk=pledges[1].pk).update(
        approved_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    PledgeFactory(organisation=organisation, title="A draft")

    response = editor_client.get(url("pledges:reporting", organisation))

    assert response.status_code == 200
    listed = {p.title: p.status_label for p in response.context["pledges"]}
    assert listed == {
        "Coding clubs": listed["Coding clubs"],
        "Digital skills for seniors": "Inactive",
        "Girls who code": listed["Girls who code"],
    }
    html = response.content.decode()
    assert '<span class="portal-status portal-status--neutral">Inactive</span>' in html
    assert "1 pledge" in html


def test_an_organisation_without_approved_pledges_is_told_when_it_can_report(
    editor_client, organisation
):
    response = editor_client.get(url("pledges:reporting", organisation))

    assert "None of your pledges takes progress reports yet" in response.content.decode()
    assert "Check the file" not in response.content.decode()


@pytest.mark.parametrize("size", [1, 8])
def test_the_page_reads_a_fixed_number_of_times(
    size, editor_client, organisation, django_assert_num_queries
):
    for index in range(size):
        approved_pledge(organisation, f"Pledge {index}")

    # session, user, membership, pledges, counts, the navigation's pillars
    with django_assert_num_queries(6):
        response = editor_client.get(url("pledges:reporting", organisation))

    assert len(response.context["pledges"]) == size


@pytest.mark.parametrize("size", [1, 8])
def test_the_download_reads_a_fixed_number_of_times(
    size, editor_client, organisation, django_assert_num_queries
):
    for index in range(size):
        approved_pledge(organisation, f"Pledge {index}")

    # session, user, membership, indicators, totals, last values
    with django_assert_num_queries(6):
        response = editor_client.get(url("pledges:reporting_csv", organisation))

    assert response.content.decode("utf-8-sig").count("\r\n") == size + 1


def test_the_csv_download_is_the_sheet(editor_client, organisation, pledges):
    response = editor_client.get(url("pledges:reporting_csv", organisation))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="progress-code-club-ghent-'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert files.read_table("x.csv", response.content) == [
        [str(c) if c is not None else "" for c in row] for row in sheet.sheet_rows(organisation)
    ]


def test_the_xlsx_download_is_the_sheet(editor_client, organisation, pledges):
    response = editor_client.get(url("pledges:reporting_xlsx", organisation))

    assert response["Content-Type"] == files.XLSX_TYPE
    table = files.read_table("x.xlsx", response.content)
    assert [row[: len(sheet.COLUMNS)] for row in table] == sheet.sheet_rows(organisation)


def test_a_filled_sheet_is_previewed_and_nothing_saved(editor_client, organisation, pledges):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[0])[0], new_value=120, women=70, men=50, **REPORT)

    response = upload(editor_client, organisation, as_csv(table))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The file reports on 1 pledge." in html
    assert "Women: 70; Men: 50; Other or not recorded: 0" in html
    assert "Submit 1 progress report" in html
    assert ProgressReport.objects.count() == 0


def test_the_preview_submits_one_report_per_pledge(editor_client, editor, organisation, pledges):
    table = sheet.sheet_rows(organisation)
    for pledge in pledges:
        fill(table, indicators_of(pledge)[0], new_value=10, **REPORT)
    preview = upload(editor_client, organisation, as_csv(table))

    response = editor_client.post(
        url("pledges:reporting_submit", organisation),
        {"sheet": preview.context["confirm"].initial["sheet"]},
        follow=True,
    )

    assert response.redirect_chain == [(url("pledges:reporting", organisation), 302)]
    assert "3 progress reports submitted." in response.content.decode()
    assert sorted(
        ProgressReport.objects.values_list("pledge__title", "status", "submitted_by")
    ) == [(p.title, "submitted", editor.pk) for p in pledges]


def test_an_excel_file_is_read_too(editor_client, organisation, pledges):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[1])[0], new_value=10, **REPORT)
    content = files.xlsx_bytes(table, title="Progress")

    response = upload(editor_client, organisation, content, name="progress.xlsx")

    assert response.status_code == 200
    assert response.context["plan"].ok


def test_a_sheet_with_a_bad_row_is_refused_with_its_message(editor_client, organisation, pledges):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[0])[0], new_value=10, **REPORT)
    fill(table, indicators_of(pledges[1])[0], new_value="ten", **REPORT)

    response = upload(editor_client, organisation, as_csv(table))

    assert response.status_code == 400
    html = response.content.decode()
    assert "nothing was saved" in html
    assert "Row 4: “ten” in new_value is not a whole number" in html
    assert "Submit" not in html
    assert ProgressReport.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG\r\n", "This is not a CSV or Excel (.xlsx) file."),
        ("progress.xlsx", b"not a zip", "This file is not an Excel workbook (.xlsx)."),
        ("progress.csv", b"pledge,value\n1,2\n", "The column “pledge_id” is missing."),
    ],
)
def test_a_wrong_file_gets_a_message(editor_client, organisation, pledges, name, content, message):
    response = upload(editor_client, organisation, content, name=name)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_no_file_gets_a_message(editor_client, organisation, pledges):
    response = editor_client.post(url("pledges:reporting_upload", organisation), {})

    assert response.status_code == 400
    assert "Choose the file to upload." in response.content.decode()


def test_a_tampered_confirmation_is_checked_again(editor_client, organisation, pledges):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[0])[0], new_value=-3, **REPORT)

    response = editor_client.post(
        url("pledges:reporting_submit", organisation), {"sheet": files.csv_text(table)}
    )

    assert response.status_code == 400
    assert "Row 2: new_value is negative (-3); write 0 or more." in response.content.decode()
    assert ProgressReport.objects.count() == 0


def test_a_confirmation_without_the_sheet_sends_back_to_the_page(editor_client, organisation):
    response = editor_client.post(url("pledges:reporting_submit", organisation), {})

    assert response.status_code == 302
    assert response["Location"] == url("pledges:reporting", organisation)


def test_a_pledge_withdrawn_before_confirming_saves_nothing(
    editor_client, editor, organisation, pledges
):
    table = sheet.sheet_rows(organisation)
    for pledge in pledges:
        fill(table, indicators_of(pledge)[0], new_value=10, **REPORT)
    preview = upload(editor_client, organisation, as_csv(table))
    Pledge.objects.filter(pk=pledges[2].pk).update(status=Pledge.Status.WITHDRAWN)

    response = editor_client.post(
        url("pledges:reporting_submit", organisation),
        {"sheet": preview.context["confirm"].initial["sheet"]},
    )

    assert response.status_code == 400
    assert "there is no indicator" in response.content.decode()
    assert ProgressReport.objects.count() == 0


def test_uploading_with_get_goes_to_the_page(editor_client, organisation):
    response = editor_client.get(url("pledges:reporting_upload", organisation))

    assert response.status_code == 302


def test_an_oversized_upload_is_refused(editor_client, organisation, pledges):
    content = io.BytesIO(b"x" * (files.MAX_FILE_BYTES + 10)).getvalue()

    response = upload(editor_client, organisation, content)

    assert response.status_code == 400
    assert "larger than 2 MB" in response.content.decode()
