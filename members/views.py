"""Members pages: thin views that parse input, call a service or query, render.
Every organisation-scoped view goes through members.access."""

from __future__ import annotations

import json

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.decorators import verified_email_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from coalition.caching import public_page
from members import access, queries, services
from members.filters import filter_directory
from members.forms import (
    DeleteAccountForm,
    EmailLanguageForm,
    EndorseCharterForm,
    HandOverForm,
    InvitationForm,
    JoinRequestForm,
    NameForm,
    OrganisationEditForm,
    OrganisationForm,
    RoleForm,
)
from members.models import Charter, JoinRequest, Organisation, TeamMembership

DIRECTORY_PAGE_SIZE = 24


# --- Public pages -----------------------------------------------------------------


@require_safe
def become_pledger(request: HttpRequest) -> HttpResponse:
    return render(request, "members/become_pledger.html", {"charter": Charter.objects.current()})


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    filterset = filter_directory(request.GET or None)
    organisations = (
        filterset.qs if filterset.is_bound and filterset.is_valid() else (filterset.queryset)
    )
    page = Paginator(organisations, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/directory.html",
        {"filter": filterset, "page": page, "query": query.urlencode()},
    )


@require_safe
# Not kept by the server: a membership application shows here at once, and
# applying starts no new generation; browsers and proxies revalidate by ETag.
@public_page(keep=False)
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    membership = None
    if request.user.is_authenticated:
        membership = organisation.team.filter(user=request.user).first()
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "application": queries.latest_application(organisation),
            "membership": membership,
        },
    )


# --- Your organisations ------------------------------------------------------------


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "members/dashboard.html",
        {
            "memberships": queries.memberships_of(request.user),
            "join_requests": queries.pending_join_requests_of(request.user),
        },
    )


@verified_email_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, request.FILES or None)
    look_alikes: list[Organisation] = []
    exact_duplicate = False
    if request.method == "POST" and form.is_valid():
        look_alikes = queries.similar_organisations(form.cleaned_data["name"])
        if not look_alikes or request.POST.get("confirm_distinct") == "yes":
            organisation = services.organisation_create(
                user=request.user, data=form.profile_data(), logo=form.logo
            )
            messages.success(
                request,
                _(
                    "%(name)s is registered. Next, endorse the Members Charter "
                    "to join the Coalition."
                )
                % {"name": organisation.name},
            )
            return redirect("members:membership_apply", slug=organisation.slug)
    elif request.method == "POST" and form.has_error("name", code="duplicate"):
        # The name is taken: offer to join that organisation (and its look-alikes).
        exact_duplicate = True
        look_alikes = queries.similar_organisations(" ".join(form.data.get("name", "").split()))
    return render(
        request,
        "members/organisation_form.html",
        {
            "form": form,
            "look_alikes": look_alikes,
            "exact_duplicate": exact_duplicate,
            "creating": True,
            "own_organisation_ids": set(
                request.user.team_memberships.values_list("organisation_id", flat=True)
            )
            if look_alikes
            else set(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = access.organisation_for_user(request.user, slug)
    form = OrganisationEditForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            organisation=organisation,
            data=form.profile_data(),
            logo=form.logo,
            remove_logo=form.cleaned_data["remove_logo"],
        )
        messages.success(request, _("The organisation’s profile is saved."))
        return redirect(organisation)
    if request.method == "POST":
        # The instance holds the rejected values; show the stored ones elsewhere.
        organisation.refresh_from_db()
    return render(
        request,
        "members/organisation_form.html",
        {"form": form, "organisation": organisation, "creating": False},
    )


@verified_email_required
@require_http_methods(["GET", "HEAD", "POST"])
def join_request_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_create(
                organisation=organisation, user=request.user, message=form.cleaned_data["message"]
            )
        except services.ActionRefusedError as refusal:
            # Already in the team, already asked or too many requests: say so in
            # the form, keep the message.
            form.add_error(None, str(refusal))
            if isinstance(refusal, services.RateLimitedError):
                return render(
                    request,
                    "members/join_request_form.html",
                    {"form": form, "organisation": organisation},
                    status=429,
                )
        else:
            messages.success(
                request,
                _("Your request is sent. The administrators of %(name)s will answer it.")
                % {"name": organisation.name},
            )
            return redirect("members:dashboard")
    return render(
        request,
        "members/join_request_form.html",
        {"form": form, "organisation": organisation},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Team ---------------------------------------------------------------------------


def _team_context(request: HttpRequest, organisation: Organisation, membership: TeamMembership):
    return {
        "organisation": organisation,
        "membership": membership,
        "is_admin": membership.role == TeamMembership.Role.ADMIN,
        "team": organisation.team.select_related("user").order_by("user__email"),
        "invitations": queries.open_invitations(organisation),
        "join_requests": organisation.join_requests.filter(
            status=JoinRequest.Status.PENDING
        ).select_related("user"),
        "roles": TeamMembership.Role.choices,
        "now": timezone.now(),
    }


@login_required
@require_safe
def team(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, membership = access.organisation_for_user(request.user, slug)
    context = _team_context(request, organisation, membership)
    context["invite_form"] = InvitationForm(organisation=organisation)
    return render(request, "members/team.html", context)


@login_required
@require_POST
def team_invite(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, membership = access.organisation_for_user(request.user, slug, roles=access.ADMINS)
    form = InvitationForm(request.POST, organisation=organisation)
    status = 400
    if form.is_valid():
        try:
            services.invitation_create(
                organisation=organisation,
                invited_by=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                language=form.cleaned_data["language"],
            )
        except services.ActionRefusedError as refusal:
            form.add_error(None, str(refusal))
            status = 429 if isinstance(refusal, services.RateLimitedError) else 400
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("members:team", slug=organisation.slug)
    context = _team_context(request, organisation, membership)
    context["invite_form"] = form
    return render(request, "members/team.html", context, status=status)


@login_required
@require_POST
def team_change_role(request: HttpRequest, slug: str, member_id: int) -> HttpResponse:
    organisation, _membership = access.organisation_for_user(
        request.user, slug, roles=access.ADMINS
    )
    target = get_object_or_404(organisation.team.select_related("user"), pk=member_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return redirect("members:team", slug=organisation.slug)
    try:
        services.team_member_change_role(membership=target, role=form.cleaned_data["role"])
    except services.ActionRefusedError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("%(email)s is now: %(role)s.")
            % {"email": target.user.email, "role": target.get_role_display()},
        )
    if target.user_id == request.user.pk and form.cleaned_data["role"] != TeamMembership.Role.ADMIN:
        return redirect(organisation)
    return redirect("members:team", slug=organisation.slug)


@login_required
@require_POST
def team_remove(request: HttpRequest, slug: str, member_id: int) -> HttpResponse:
    organisation, _membership = access.organisation_for_user(
        request.user, slug, roles=access.ADMINS
    )
    target = get_object_or_404(organisation.team.select_related("user"), pk=member_id)
    try:
        services.team_member_remove(membership=target)
    except services.ActionRefusedError as refusal:
        messages.error(request, str(refusal))
        return redirect("members:team", slug=organisation.slug)
    messages.success(request, _("%(email)s left the team.") % {"email": target.user.email})
    if target.user_id == request.user.pk:
        return redirect("members:dashboard")
    return redirect("members:team", slug=organisation.slug)


@login_required
@require_POST
def team_leave(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, membership = access.organisation_for_user(request.user, slug)
    try:
        services.team_member_remove(membership=membership)
    except services.ActionRefusedError as refusal:
        messages.error(request, str(refusal))
        return redirect("members:team", slug=organisation.slug)
    messages.success(request, _("You left %(name)s.") % {"name": organisation.name})
    return redirect("members:dashboard")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def team_hand_over(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = access.organisation_for_user(
        request.user, slug, roles=access.ADMINS
    )
    form = HandOverForm(request.POST or None, organisation=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        new_admin = form.cleaned_data["to_member"]
        services.organisation_hand_over(
            organisation=organisation,
            from_user=request.user,
            to_membership=new_admin,
            leave=form.cleaned_data["leave"],
        )
        messages.success(
            request,
            _("%(email)s is now an administrator of %(name)s.")
            % {"email": new_admin.user.email, "name": organisation.name},
        )
        if form.cleaned_data["leave"]:
            return redirect("members:dashboard")
        return redirect(organisation)
    return render(request, "members/hand_over.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation, _membership = access.organisation_for_user(
        request.user, slug, roles=access.ADMINS
    )
    invitation = get_object_or_404(organisation.invitations.filter(accepted_at__isnull=True), pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(
        request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
    )
    return redirect("members:team", slug=organisation.slug)


@login_required
@require_POST
def join_request_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation, _membership = access.organisation_for_user(
        request.user, slug, roles=access.ADMINS
    )
    join_request = get_object_or_404(
        organisation.join_requests.select_related("user"), pk=pk, status=JoinRequest.Status.PENDING
    )
    decision = request.POST.get("decision")
    if decision not in {"accept", "refuse"}:
        messages.error(request, _("Choose to accept or refuse the request."))
        return redirect("members:team", slug=organisation.slug)
    services.join_request_decide(
        join_request=join_request, decided_by=request.user, accept=decision == "accept"
    )
    if decision == "accept":
        messages.success(
            request, _("%(email)s joined the team.") % {"email": join_request.user.email}
        )
    else:
        messages.success(
            request,
            _("The request from %(email)s is refused.") % {"email": join_request.user.email},
        )
    return redirect("members:team", slug=organisation.slug)


@require_http_methods(["GET", "HEAD", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "members/invitation_invalid.html", status=404)
    if not request.user.is_authenticated:
        # Whoever opened the link got it at the invited address: an account
        # created with that address in this session starts verified (allauth's
        # hook for invitations), with no second email to confirm.
        get_account_adapter(request).stash_verified_email(request, invitation.email)
        return render(request, "members/invitation.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except services.ActionRefusedError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Welcome to the team of %(name)s.") % {"name": invitation.organisation.name},
            )
            return redirect("members:dashboard")
    return render(
        request,
        "members/invitation.html",
        {
            "invitation": invitation,
            "email_matches": services.user_has_verified_email(request.user, invitation.email),
        },
    )


# --- Coalition membership ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_apply(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = access.organisation_for_user(
        request.user, slug, roles=access.ADMINS
    )
    charter = Charter.objects.current()
    application = queries.latest_application(organisation)
    form = EndorseCharterForm(
        request.POST or None, initial={"charter_version": charter.version if charter else None}
    )
    can_apply = (
        charter is not None
        and not organisation.is_member
        and not (application and application.status == application.Status.PENDING)
    )
    if request.method == "POST" and can_apply and form.is_valid():
        if form.cleaned_data["charter_version"] != charter.version:
            form.add_error(
                None,
                _("The Members Charter has changed since you opened this page: read it again."),
            )
        else:
            try:
                services.membership_apply(
                    organisation=organisation, user=request.user, charter=charter
                )
            except services.ActionRefusedError as refusal:
                messages.error(request, str(refusal))
                return redirect("members:membership_apply", slug=organisation.slug)
            messages.success(
                request,
                _(
                    "Thank you. Your application is sent; "
                    "we will tell you of our decision by email."
                ),
            )
            return redirect(organisation)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "members/membership_apply.html",
        {
            "organisation": organisation,
            "charter": charter,
            "application": application,
            "form": form,
            "can_apply": can_apply,
        },
        status=status,
    )


# --- Personal data ------------------------------------------------------------------


@login_required
@require_safe
def account_data(request: HttpRequest) -> HttpResponse:
    return render(
        request, "members/account_data.html", {"data": queries.personal_data(request.user)}
    )


@login_required
@require_safe
def account_data_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        json.dumps(queries.personal_data(request.user), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-personal-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_name(request: HttpRequest) -> HttpResponse:
    form = NameForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your name is saved."))
        return redirect("members:account_name")
    if request.method == "POST":
        request.user.refresh_from_db()  # the header shows the stored account, not the typed values
    return render(
        request,
        "members/account_name.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_language(request: HttpRequest) -> HttpResponse:
    form = EmailLanguageForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The language of your emails is saved."))
        return redirect("members:account_language")
    return render(
        request,
        "members/account_language.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    plan = services.account_deletion_plan(request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and not plan.refused and form.is_valid():
        user = request.user
        try:
            with transaction.atomic():
                services.account_delete(user=user)
        except (services.ActionRefusedError, ValidationError) as refusal:
            messages.error(request, str(refusal))
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data are deleted."))
            return redirect("home")
    return render(
        request,
        "members/account_delete.html",
        {"form": form, "plan": plan, "contact_email": settings.CONTACT_EMAIL},
    )
