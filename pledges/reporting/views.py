"""An organisation's reporting page: each approved pledge's reporting status,
the sheet to download, and the upload that checks a filled sheet, previews it,
and submits one progress report per pledge. Editors of the organisation only
(members.access.organisation_for_user); everyone else gets 404."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from members.access import organisation_for_user
from members.models import Organisation
from pledges.reporting import files, services, sheet, status
from pledges.services import WorkflowError


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled-in reporting sheet"),
        help_text=gettext_lazy("The CSV or Excel (.xlsx) file downloaded above, with new values."),
        error_messages={"required": gettext_lazy("Choose the file to upload.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update(
            {"accept": f".csv,text/csv,.xlsx,{files.XLSX_TYPE}", "class": "ecl-file-upload"}
        )


class ConfirmForm(forms.Form):
    """The checked sheet, sent back as text to be checked again and submitted."""

    sheet = forms.CharField(widget=forms.HiddenInput, max_length=2_000_000, strip=False)


def _filename(organisation: Organisation, extension: str) -> str:
    return f"progress-{organisation.slug}-{timezone.localdate().isoformat()}.{extension}"


def _overview_context(organisation: Organisation) -> dict:
    now = timezone.now()
    pledges = sheet.reportable_pledges(organisation)
    listed = list(
        status.annotate(pledges, now=now)
        .only("pk", "title", "organisation_id", "language")
        .order_by("report_due", "title", "pk")
    )
    labels = dict(status.ReportingStatus.choices)
    for pledge in listed:
        pledge.status_label = labels[pledge.reporting_status]
        pledge.status_modifier = status.MODIFIERS[pledge.reporting_status]
    return {
        "organisation": organisation,
        "counts": status.counts(pledges, now=now),
        "pledges": listed,
    }


@login_required
@require_safe
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = organisation_for_user(request.user, slug)
    context = _overview_context(organisation) | {"form": UploadForm()}
    return render(request, "pledges/reporting/overview.html", context)


@login_required
@require_safe
def sheet_csv(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = organisation_for_user(request.user, slug)
    response = HttpResponse(
        # A byte order mark, so spreadsheets open accented names as UTF-8.
        "\ufeff" + files.csv_text(sheet.sheet_rows(organisation)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(organisation, "csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def sheet_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = organisation_for_user(request.user, slug)
    content = files.xlsx_bytes(sheet.sheet_rows(organisation), title=_("Progress"))
    response = HttpResponse(content, content_type=files.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(organisation, "xlsx")}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _preview(request, organisation, plan: sheet.Plan, *, status_code: int = 200) -> HttpResponse:
    return render(
        request,
        "pledges/reporting/preview.html",
        {
            "organisation": organisation,
            "plan": plan,
            "confirm": ConfirmForm(initial={"sheet": plan.as_text()}) if plan.ok else None,
            "form": UploadForm(),
        },
        status=status_code,
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    """Check an uploaded sheet and show what it would submit, or every problem."""
    organisation, _membership = organisation_for_user(request.user, slug)
    if request.method == "GET":
        return redirect("pledges:reporting", slug=organisation.slug)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        context = _overview_context(organisation) | {"form": form}
        return render(request, "pledges/reporting/overview.html", context, status=400)
    uploaded = form.cleaned_data["file"]
    if uploaded.size > files.MAX_FILE_BYTES:
        table_or_problem = files.UnreadableFileError(
            _("The file is larger than %(size)s MB. Keep one row per indicator, as downloaded.")
            % {"size": files.MAX_FILE_BYTES // (1024 * 1024)}
        )
    else:
        try:
            table_or_problem = files.read_table(uploaded.name, uploaded.read())
        except files.UnreadableFileError as exc:
            table_or_problem = exc
    if isinstance(table_or_problem, files.UnreadableFileError):
        plan = sheet.Plan([], [sheet.RowProblem(None, str(table_or_problem))], [])
    else:
        plan = sheet.check(organisation, table_or_problem)
    return _preview(request, organisation, plan, status_code=200 if plan.ok else 400)


@login_required
@require_POST
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    """Check the previewed sheet again and submit its reports, all or none."""
    organisation, _membership = organisation_for_user(request.user, slug)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Upload the filled-in sheet again."))
        return redirect("pledges:reporting", slug=organisation.slug)
    try:
        table = files.read_csv(form.cleaned_data["sheet"])
    except files.UnreadableFileError as exc:
        plan = sheet.Plan([], [sheet.RowProblem(None, str(exc))], [])
    else:
        plan = sheet.check(organisation, table)
    if plan.ok:
        try:
            reports = services.reports_submit_from_sheet(
                organisation=organisation, actor=request.user, plan=plan
            )
        except WorkflowError as exc:
            plan.problems.append(sheet.RowProblem(None, str(exc)))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s progress report submitted. It counts once the moderators "
                    "approve it.",
                    "%(count)s progress reports submitted. Each counts once the moderators "
                    "approve it.",
                    len(reports),
                )
                % {"count": len(reports)},
            )
            return redirect("pledges:reporting", slug=organisation.slug)
    plan.reports = []
    return _preview(request, organisation, plan, status_code=400)
