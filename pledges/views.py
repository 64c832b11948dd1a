"""Pledge pages: the public pledge page, and the organisation's pledge editor
(every editor view goes through pledges.access.pledge_for_editor)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from coalition.caching import public_page
from coalition.labels import labels_of, names_of_countries
from members.access import organisation_for_user
from members.models import Organisation
from pledges import badges, page_content, progress, queries, services
from pledges.access import is_moderator, is_team, pledge_for_editor, report_for_editor
from pledges.forms import (
    IndicatorFormSet,
    InitiativeForm,
    PledgeForm,
    ReportForm,
    SubmitForm,
    WithdrawForm,
)
from pledges.models import (
    ActionType,
    BeneficiaryGroup,
    Indicator,
    Initiative,
    Pledge,
    ProgressReport,
)
from pledges.page_content import PledgeContent
from pledges.reporting import breakdown
from pledges.services import WorkflowError
from pledges.translations import for_language


def _manage_url(pledge: Pledge) -> str:
    return reverse("pledges:manage", kwargs={"slug": pledge.organisation.slug, "pk": pledge.pk})


def _body_context(content: PledgeContent, *, show_all_reports: bool) -> dict:
    """What templates/pledges/includes/pledge_body.html shows of a pledge."""
    pledge, initiatives = content.pledge, content.initiatives
    pillars = {p.pk: p for item in initiatives for p in item.pillars}
    countries = sorted({c for item in initiatives for c in item.initiative.countries})
    try:
        organisation_url = pledge.organisation.get_absolute_url()
    except NoReverseMatch:
        organisation_url = ""
    return {
        "pledge": pledge,
        # the title and summary in the page's language where the organisation
        # translated them, else the original ("Original language: …")
        "shown": for_language(pledge, get_language() or "", translations=content.translations),
        "organisation_url": organisation_url,
        "partners": content.partners,
        "pillars": sorted(pillars.values(), key=lambda p: p.position),
        "countries": countries,
        "country_names": ", ".join(names_of_countries(countries)),
        "eu_wide": any(item.initiative.eu_wide for item in initiatives),
        "initiatives_heading": ngettext("Initiative", "Initiatives (%(counter)s)", len(initiatives))
        % {"counter": len(initiatives)},
        "initiatives": [
            {
                "initiative": item.initiative,
                # What the page prints, joined here rather than in template loops.
                "pillars": ", ".join(p.short_label for p in item.pillars),
                "countries": ", ".join(names_of_countries(item.initiative.countries)),
                "groups": ", ".join(
                    labels_of(item.initiative.beneficiary_groups, BeneficiaryGroup)
                ),
                "actions": ", ".join(labels_of(item.initiative.action_types, ActionType)),
                "indicators": [
                    {
                        "indicator": i,
                        "progress": progress.indicator_progress(i),
                        "breakdown": _breakdown(i),
                    }
                    for i in item.indicators
                ],
            }
            for item in initiatives
        ],
        "several_initiatives": len(initiatives) > 1,
        "totals": progress.indicator_totals(content.indicators),
        "reports": [
            item
            for item in content.reports
            if show_all_reports or item.report.status == ProgressReport.Status.APPROVED
        ],
        "targets_reached": progress.targets_reached(content.indicators),
    }


def _breakdown(indicator: Indicator) -> dict | None:
    """What the page says of who an indicator's approved values counted: per
    dimension (gender, age) its groups, adding up to the total (values given
    without one counted as not recorded), or None where none was recorded; None
    altogether for an indicator that does not count people or has no approved
    value."""
    if not breakdown.takes_breakdown(indicator.kind) or not indicator.approved_values:
        return None
    summary = breakdown.summarise(indicator.approved_values)
    rows = summary.rows()
    return {
        "gender": rows["gender"] if summary.gender_recorded else None,
        "age": rows["age"] if summary.age_recorded else None,
    }


def _page_context(
    content: PledgeContent, *, earned: list, team: bool, preview: bool = False
) -> dict:
    """The pledge page's context, for the page itself and for the editors' preview
    (the same template, so the two cannot drift apart). The team also sees its
    workflow history and a link to manage the pledge, but not in the preview."""
    pledge = content.pledge
    context = _body_context(content, show_all_reports=team and not preview)
    context |= {
        "is_team": team and not preview,
        "preview": preview,
        "badges": earned,
        "transitions": queries.transitions_for(pledge.revision_of or pledge)
        if team and not preview
        else [],
    }
    return context


# --- Public -------------------------------------------------------------------


@require_safe
@public_page
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A pledge as the public sees it; the owning team also sees it before it is
    public (with a banner saying so) and its workflow history, and the
    moderators see it before it is public. Its content comes in one statement
    (pledges.page_content.public). Plain anonymous visitors get the page
    from the cache (coalition.caching.public_page): it is the same for all of
    them, and holds no form."""
    page = page_content.public(pk)
    if page is None:
        raise Http404
    pledge = page.content.pledge
    team = is_team(request.user, pledge)
    if not pledge.is_public and not (team or is_moderator(request.user)):
        raise Http404
    context = _page_context(page.content, earned=page.badges, team=team)
    # The navigation's pillars came with the content: no query for the layout.
    context["nav_pillars"] = page.pillars
    return render(request, "pledges/detail.html", context)


def badge_svg(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's badges as an SVG image to embed on its own website."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    organisation = get_object_or_404(Organisation, slug=slug)
    earned = badges.organisation_badges(organisation)
    if not earned:
        raise Http404
    svg = render(
        request,
        "pledges/badge.svg",
        {"organisation": organisation, "badges": earned, "width": 150 + 90 * len(earned)},
        content_type="image/svg+xml; charset=utf-8",
    )
    svg["Cache-Control"] = "public, max-age=3600"
    svg["Access-Control-Allow-Origin"] = "*"
    # An image: it loads, runs and frames nothing (it has no style element either).
    svg["Content-Security-Policy"] = "default-src 'none'; base-uri 'none'; form-action 'none'"
    svg["X-Frame-Options"] = "SAMEORIGIN"
    return svg


# --- The organisation's pledges -------------------------------------------------


@login_required
@require_safe
def pledge_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = organisation_for_user(request.user, slug)
    return render(
        request,
        "pledges/manage/list.html",
        {
            "organisation": organisation,
            "pledges": queries.organisation_pledges(organisation),
            "badges": badges.organisation_badges(organisation),
        },
    )


@login_required
@require_safe
def badge_snippet(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = organisation_for_user(request.user, slug)
    earned = badges.organisation_badges(organisation)
    svg_url = settings.SITE_URL + reverse("pledges:badge_svg", kwargs={"slug": slug})
    try:
        target_url = settings.SITE_URL + organisation.get_absolute_url()
    except NoReverseMatch:  # the public organisation page is not there yet
        target_url = settings.SITE_URL + reverse("home")
    snippet = format_html(
        '<a href="{}"><img src="{}" alt="{}" height="44"></a>',
        target_url,
        svg_url,
        f"{organisation.name}: {', '.join(str(b.name) for b in earned)} — {settings.SITE_NAME}",
    )
    return render(
        request,
        "pledges/manage/badge.html",
        {"organisation": organisation, "badges": earned, "snippet": snippet},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = organisation_for_user(request.user, slug)
    form = PledgeForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        pledge = services.pledge_create(
            organisation=organisation,
            actor=request.user,
            partners=form.cleaned_data["partners"],
            **form.content(),
        )
        messages.success(request, _("Draft saved. Now add the pledge’s initiatives."))
        return redirect(_manage_url(pledge))
    return render(
        request, "pledges/manage/pledge_form.html", {"organisation": organisation, "form": form}
    )


@login_required
@require_safe
def manage(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The editor's page for one pledge: state, moderators' messages, content,
    what can be done next."""
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    pledge = queries.pledge_with_content(pledge.pk)
    transitions = list(queries.transitions_for(pledge.revision_of or pledge))
    last_message = next(
        (
            t
            for t in transitions
            if t.message
            and t.from_status == Pledge.Status.SUBMITTED
            and not t.report_id
            and t.on_revision == pledge.is_revision
        ),
        None,
    )
    revision = Pledge.objects.filter(revision_of=pledge).first() if pledge.is_public else None
    context = _body_context(page_content.of_pledge(pledge), show_all_reports=True)
    report_messages = {}
    for step in reversed(transitions):  # oldest first: the newest message wins
        if step.report_id and step.message:
            report_messages[step.report_id] = step.message
    for item in context["reports"]:
        item.report.moderator_message = report_messages.get(item.report.pk, "")
    for item in context["initiatives"]:  # what each draft initiative still lacks
        item["gaps"] = services.initiative_gaps(item["initiative"]) if pledge.is_editable else []
    if pledge.is_revision:
        page_title = _("Proposed changes: %(title)s") % {"title": pledge.title}
    else:
        page_title = pledge.title
    context |= {
        "page_title": page_title,
        # the title alone is the organisation's text, in the pledge's language
        "page_title_language": "" if pledge.is_revision else pledge.language,
        "can_delete": services.pledge_may_be_deleted(pledge=pledge, history=transitions),
        "organisation": organisation,
        "transitions": transitions,
        "last_message": last_message,
        "revision": revision,
        "problems": services.submission_problems(pledge) if pledge.is_editable else [],
        "changes": queries.revision_changes(pledge) if pledge.is_revision else [],
    }
    return render(request, "pledges/manage/manage.html", context)


def _editable_or_redirect(request, pledge):
    if pledge.is_editable:
        return None
    messages.error(request, _("This pledge cannot be edited now."))
    return redirect(_manage_url(pledge))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    if refused := _editable_or_redirect(request, pledge):
        return refused
    form = PledgeForm(request.POST or None, instance=pledge, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        services.pledge_update(
            pledge=pledge,
            actor=request.user,
            partners=form.cleaned_data["partners"],
            **form.content(),
        )
        messages.success(request, _("Your changes are saved."))
        return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/pledge_form.html",
        {"organisation": organisation, "form": form, "pledge": pledge},
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_form(
    request: HttpRequest, slug: str, pk: int, initiative_pk: int | None = None
) -> HttpResponse:
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    if refused := _editable_or_redirect(request, pledge):
        return refused
    initiative = None
    if initiative_pk is not None:
        initiative = get_object_or_404(Initiative, pk=initiative_pk, pledge=pledge)
    data = request.POST if request.method == "POST" else None
    form = InitiativeForm(data, instance=initiative)
    formset = IndicatorFormSet(
        data,
        instance=initiative or Initiative(pledge=pledge),
        prefix="indicators",
        queryset=Indicator.objects.filter(initiative=initiative).order_by("pk")
        if initiative
        else Indicator.objects.none(),
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        services.initiative_save(pledge=pledge, initiative_form=form, indicator_formset=formset)
        messages.success(request, _("The initiative is saved."))
        return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/initiative_form.html",
        {
            "organisation": organisation,
            "pledge": pledge,
            "initiative": initiative,
            "form": form,
            "formset": formset,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_delete(request: HttpRequest, slug: str, pk: int, initiative_pk: int):
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    if refused := _editable_or_redirect(request, pledge):
        return refused
    initiative = get_object_or_404(Initiative, pk=initiative_pk, pledge=pledge)
    if request.method == "POST":
        services.initiative_delete(initiative=initiative)
        messages.success(request, _("The initiative is removed."))
        return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/confirm.html",
        {
            "organisation": organisation,
            "pledge": pledge,
            "title": _("Remove the initiative “%(title)s”?") % {"title": initiative.title},
            "lead": _("Its indicators are removed with it."),
            "button": _("Remove the initiative"),
        },
    )


@login_required
@require_safe
def preview(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    pledge = queries.pledge_with_content(pledge.pk)
    pledge.organisation = organisation
    context = _page_context(
        page_content.of_pledge(pledge),
        earned=badges.organisation_badges(organisation),
        team=True,
        preview=True,
    )
    return render(request, "pledges/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    if not services.pledge_may_be_submitted(pledge=pledge):
        messages.error(request, _("This pledge cannot be submitted now."))
        return redirect(_manage_url(pledge))
    pledge = queries.pledge_with_content(pledge.pk)
    form = SubmitForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_submit(pledge=pledge, actor=request.user, declaration=True)
        except WorkflowError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                _("Submitted. The moderators will review it; you will hear from us by email."),
            )
            return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/submit.html",
        {
            "organisation": organisation,
            "pledge": pledge,
            "form": form,
            "error": error,
            "problems": services.submission_problems(pledge),
            "is_member": organisation.is_member,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_withdraw(
                pledge=pledge, actor=request.user, message=form.cleaned_data["message"]
            )
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The pledge is withdrawn."))
        return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/withdraw.html",
        {"organisation": organisation, "pledge": pledge, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    public = pledge.revision_of
    if request.method == "POST":
        try:
            services.pledge_delete(pledge=pledge, actor=request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect(_manage_url(pledge))
        messages.success(
            request, _("The proposed changes are discarded.") if public else _("Draft deleted.")
        )
        if public:
            return redirect(_manage_url(public))
        return redirect("pledges:list", slug=organisation.slug)
    return render(
        request,
        "pledges/manage/confirm.html",
        {
            "organisation": organisation,
            "pledge": pledge,
            "title": _("Discard the proposed changes?") if public else _("Delete this draft?"),
            "lead": _("This cannot be undone."),
            "button": _("Discard the changes") if public else _("Delete the draft"),
        },
    )


@login_required
@require_POST
def revise(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, _organisation, _membership = pledge_for_editor(request.user, slug, pk)
    try:
        revision = services.pledge_revise(pledge=pledge, actor=request.user)
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect(_manage_url(pledge))
    messages.info(
        request,
        _(
            "You are editing proposed changes. The public sees the approved pledge until the "
            "moderators approve your changes."
        ),
    )
    return redirect(_manage_url(revision))


@login_required
@require_http_methods(["GET", "POST"])
def complete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A confirmation page (GET) explaining what completing does; only its button
    (POST with `confirm`) completes the pledge."""
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":  # not from the confirmation page
            return redirect("pledges:complete", slug=organisation.slug, pk=pledge.pk)
        try:
            services.pledge_complete(pledge=pledge, actor=request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The pledge is marked as completed."))
        return redirect(_manage_url(pledge))
    if pledge.status != Pledge.Status.APPROVED or pledge.is_revision:
        messages.error(request, _("Only approved pledges can be marked as completed."))
        return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/confirm.html",
        {
            "organisation": organisation,
            "pledge": pledge,
            "title": _("Mark this pledge as completed?"),
            "lead": _(
                "“%(title)s” stays public, shown as completed. You can still report its "
                "results, but you can no longer propose changes to it, and this cannot be undone."
            )
            % {"title": pledge.title},
            "button": _("Mark as completed"),
            "confirm": True,
        },
    )


def _indicators(pledge: Pledge) -> list[Indicator]:
    return list(
        Indicator.objects.filter(initiative__pledge=pledge)
        .select_related("initiative")
        .order_by("initiative__position", "initiative_id", "pk")
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    if not pledge.accepts_reports:
        messages.error(request, _("Progress can only be reported on approved pledges."))
        return redirect(_manage_url(pledge))
    form = ReportForm(request.POST or None, indicators=_indicators(pledge))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.report_submit(
                    pledge=pledge,
                    actor=request.user,
                    values=form.values(),
                    **{name: form.cleaned_data[name] for name in ReportForm.Meta.fields},
                )
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Report submitted. It counts once the moderators approve it.")
            )
            return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/report_form.html",
        {"organisation": organisation, "pledge": pledge, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, slug: str, pk: int, report_pk: int) -> HttpResponse:
    report, pledge, organisation = report_for_editor(request.user, slug, pk, report_pk)
    if report.status != ProgressReport.Status.CHANGES_REQUESTED:
        messages.error(request, _("Only reports with changes requested can be edited."))
        return redirect(_manage_url(pledge))
    if not pledge.accepts_reports:
        messages.error(request, _("Progress can only be reported on approved pledges."))
        return redirect(_manage_url(pledge))
    report.moderator_message = (
        report.transitions.exclude(message="")
        .order_by("-created_at", "-pk")
        .values_list("message", flat=True)
    ).first() or ""
    form = ReportForm(request.POST or None, instance=report, indicators=_indicators(pledge))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ReportForm.Meta.fields}
        report.refresh_from_db()  # the form wrote its values onto the instance
        try:
            services.report_resubmit(
                report=report, actor=request.user, values=form.values(), **fields
            )
        except WorkflowError as exc:  # e.g. the pledge was withdrawn meanwhile
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Report submitted again."))
            return redirect(_manage_url(pledge))
    return render(
        request,
        "pledges/manage/report_form.html",
        {"organisation": organisation, "pledge": pledge, "form": form, "report": report},
    )
