"""Pledge Scoreboards: an organisation's own pages (private to its team), and the
shared and embeddable pages anyone with the link may open."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from coalition.caching import public_page
from members.access import organisation_for_user
from pledges.models import Indicator
from pledges.scoreboards import access
from pledges.scoreboards import services as scoreboards
from pledges.scoreboards.models import Scoreboard
from pledges.viewer.views import option_labels


class ScoreboardForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=_("Description (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("Give the scoreboard a name."))
        return name


def _apply_errors(form: forms.Form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        for message in errors:
            form.add_error(field if field in form.fields else None, message)


@require_http_methods(["GET", "HEAD", "POST"])
def scoreboard_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _membership = organisation_for_user(request.user, slug)
    form = ScoreboardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            scoreboard = scoreboards.scoreboard_create(
                organisation=organisation,
                user=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, gettext("Scoreboard created. Add pledges from the viewer."))
            return redirect(scoreboard.get_absolute_url())
    boards = list(organisation.scoreboards.order_by("name"))
    return render(
        request,
        "pledges/scoreboards/list.html",
        {"organisation": organisation, "scoreboards": boards, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _comparison_context(scoreboard: Scoreboard, request: HttpRequest) -> dict:
    sort = request.GET.get("sort", "")
    comparison = scoreboards.scoreboard_cards(scoreboard, sort=sort)
    labels = option_labels()
    kind_labels = dict(Indicator.Kind.choices)
    rows = []
    for card in comparison.cards:
        rows.append(
            {
                "pk": card.pledge_id,
                "url": reverse("pledges:detail", kwargs={"pk": card.pledge_id}),
                "title": card.title,
                "language": card.pledge_language,
                "organisation": card.organisation_name,
                "pillars": ", ".join(labels["pillar"].get(p, p) for p in card.pillars),
                "countries": ", ".join(labels["country"].get(c, c) for c in card.countries),
                "start": card.start_date,
                "end": card.end_date,
                "values": [
                    (getattr(card, f"target_{s}"), getattr(card, f"achieved_{s}"))
                    for _k, s in comparison.kinds
                ],
            }
        )
    return {
        "scoreboard": scoreboard,
        "rows": rows,
        "kinds": [(kind, kind_labels[kind]) for kind, _s in comparison.kinds],
        "totals": [comparison.totals[kind] for kind, _s in comparison.kinds],
        "truncated": comparison.truncated,
        "max_compared": scoreboards.MAX_COMPARED,
        "sort": sort if sort in scoreboards.SORTS else "",
        "sorts": list(scoreboards.SORT_LABELS.items()),
    }


@require_safe
def scoreboard_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scoreboard = access.scoreboard_for_user(request.user, slug, pk)
    context = _comparison_context(scoreboard, request)
    context["form"] = ScoreboardForm(
        initial={"name": scoreboard.name, "description": scoreboard.description}
    )
    context["organisation"] = scoreboard.organisation
    context["shared_url"] = (
        request.build_absolute_uri(scoreboard.get_shared_url()) if scoreboard.is_shared else ""
    )
    context["embed_url"] = (
        request.build_absolute_uri(scoreboard.get_embed_url()) if scoreboard.is_shared else ""
    )
    return render(request, "pledges/scoreboards/detail.html", context)


@require_POST
def scoreboard_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scoreboard = access.scoreboard_for_user(request.user, slug, pk)
    form = ScoreboardForm(request.POST)
    if form.is_valid():
        try:
            scoreboards.scoreboard_update(
                scoreboard=scoreboard,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, gettext("Scoreboard saved."))
            return redirect(scoreboard.get_absolute_url())
    scoreboard.refresh_from_db()
    context = _comparison_context(scoreboard, request)
    context.update({"form": form, "organisation": scoreboard.organisation, "shared_url": ""})
    return render(request, "pledges/scoreboards/detail.html", context, status=400)


@require_POST
def scoreboard_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scoreboard = access.scoreboard_for_user(request.user, slug, pk)
    scoreboards.scoreboard_delete(scoreboard=scoreboard)
    messages.success(request, gettext("Scoreboard deleted."))
    return redirect("viewer:scoreboards", slug=slug)


@require_POST
def scoreboard_share(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scoreboard = access.scoreboard_for_user(request.user, slug, pk)
    scoreboards.scoreboard_share(scoreboard=scoreboard, now=timezone.now())
    messages.success(request, gettext("Anyone with the link can now see this scoreboard."))
    return redirect(scoreboard.get_absolute_url())


@require_POST
def scoreboard_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scoreboard = access.scoreboard_for_user(request.user, slug, pk)
    scoreboards.scoreboard_revoke(scoreboard=scoreboard)
    messages.success(request, gettext("The link no longer works: the scoreboard is private."))
    return redirect(scoreboard.get_absolute_url())


@require_POST
def scoreboard_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scoreboard = access.scoreboard_for_user(request.user, slug, pk)
    pledge = request.POST.get("pledge", "")
    if not pledge.isdigit():
        return HttpResponse(gettext("Choose a pledge to remove."), status=400)
    scoreboards.scoreboard_remove_pledge(scoreboard=scoreboard, pledge_id=int(pledge))
    messages.success(request, gettext("Pledge removed from the scoreboard."))
    return redirect(scoreboard.get_absolute_url())


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_POST
def scoreboard_add(request: HttpRequest) -> HttpResponse:
    """Add the ticked pledges (viewer) or one pledge (pledge page) to a scoreboard."""
    scoreboard = access.scoreboard_for_member(request.user, request.POST.get("scoreboard"))
    if scoreboard.kind != Scoreboard.Kind.SELECTION:
        raise Http404
    ids = [int(v) for v in request.POST.getlist("pledge")[:500] if v.isdigit() and len(v) < 19]
    if not ids:
        messages.error(request, gettext("Tick at least one pledge to add."))
        return redirect(_safe_next(request, scoreboard.get_absolute_url()))
    added = scoreboards.scoreboard_add_pledges(scoreboard=scoreboard, pledge_ids=ids)
    # The message names and links the scoreboard: its markup is a template's,
    # kept as safe text by the message storage.
    messages.success(
        request,
        render_to_string(
            "pledges/scoreboards/added_message.html",
            {"added": added, "scoreboard": scoreboard},
            request=request,
        ),
    )
    return redirect(_safe_next(request, scoreboard.get_absolute_url()))


@require_POST
def scoreboard_save_filter(request: HttpRequest) -> HttpResponse:
    """Save the viewer's current filter as a live scoreboard."""
    organisation, _membership = organisation_for_user(
        request.user, request.POST.get("organisation", "")[:220]
    )
    form = ScoreboardForm(request.POST)
    if form.is_valid():
        try:
            scoreboard = scoreboards.scoreboard_create(
                organisation=organisation,
                user=request.user,
                name=form.cleaned_data["name"],
                query=request.POST.get("query", "") or "sort=newest",
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, gettext("Live scoreboard saved."))
            return redirect(scoreboard.get_absolute_url())
    boards = list(organisation.scoreboards.order_by("name"))
    return render(
        request,
        "pledges/scoreboards/list.html",
        {"organisation": organisation, "scoreboards": boards, "form": form},
        status=400,
    )


def _csv_response(scoreboard: Scoreboard, request: HttpRequest) -> StreamingHttpResponse:
    context = _comparison_context(scoreboard, request)

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())
    base = request.build_absolute_uri("/").rstrip("/")

    def stream() -> Iterator[str]:
        header = ["id", "url", "title", "organisation", "pillars", "countries", "start", "end"]
        for _kind, label in context["kinds"]:
            header += [f"{label}: {gettext('target')}", f"{label}: {gettext('achieved')}"]
        yield writer.writerow(header)
        for row in context["rows"]:
            line = [
                row["pk"],
                base + row["url"],
                _plain(row["title"]),
                _plain(row["organisation"]),
                row["pillars"],
                row["countries"],
                row["start"] or "",
                row["end"] or "",
            ]
            for target, achieved in row["values"]:
                if not target:  # no indicator of this kind: blank, as the page's dash
                    line += ["", ""]
                else:
                    line += [target, "" if achieved is None else achieved]
            yield writer.writerow(line)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="scoreboard-{scoreboard.pk}.csv"'
    return response


def _plain(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@require_safe
def scoreboard_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _csv_response(access.scoreboard_for_user(request.user, slug, pk), request)


@require_safe
@public_page(keep=False)  # edits to a scoreboard start no new generation
def scoreboard_shared(request: HttpRequest, token: str) -> HttpResponse:
    scoreboard = access.shared_scoreboard(token)
    context = _comparison_context(scoreboard, request)
    context["organisation"] = scoreboard.organisation
    response = render(request, "pledges/scoreboards/shared.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def scoreboard_shared_csv(request: HttpRequest, token: str) -> HttpResponse:
    return _csv_response(access.shared_scoreboard(token), request)


@xframe_options_exempt
@csp_override({**settings.SECURE_CSP, "frame-ancestors": ["*"]})
@require_safe
@public_page(keep=False)
def scoreboard_embed(request: HttpRequest, token: str) -> HttpResponse:
    """The only page other websites may frame: the portal's policy, but any
    website may be its frame's ancestor."""
    scoreboard = access.shared_scoreboard(token)
    context = _comparison_context(scoreboard, request)
    context["organisation"] = scoreboard.organisation
    response = render(request, "pledges/scoreboards/embed.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
