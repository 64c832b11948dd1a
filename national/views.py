from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Q, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from coalition import maps
from coalition.caching import public_page
from members.logos import store_logo
from national import digital_decade, queries, services
from national.access import coalition_for_editor, item_for_editor, item_for_viewer
from national.filters import ItemFilter
from national.forms import CoalitionForm, ItemForm
from national.models import Item, Kind, NationalCoalition, published_or_created

PAGE_SIZE = 20
# The public pages are marked for browsers and proxies to revalidate by their
# ETag (coalition/caching.py) but not kept by the server: national content
# changes (moderation, the scheduled harvest, the day's events) start no new
# generation.


def _is_editor(request: HttpRequest, coalition: NationalCoalition) -> bool:
    user = request.user
    return user.is_authenticated and coalition.editors.filter(pk=user.pk).exists()


def _today():
    return timezone.localdate()


@require_safe
@public_page(keep=False)
def index(request: HttpRequest) -> HttpResponse:
    coalitions = list(queries.coalitions_for_index())
    by_country = {coalition.country.code: coalition for coalition in coalitions}

    def link_for(code: str) -> str | None:
        coalition = by_country.get(code)
        return coalition.get_absolute_url() if coalition else None

    country_map = maps.europe_map(
        queries.items_per_country(),
        link_for=link_for,
        title=_("National coalitions on the map"),
        description=_(
            "A map of the EU Member States. Countries with a national coalition link to its "
            "page; the darker the country, the more content its coalition shares."
        ),
        legend_label=_("Published items"),
        map_id="coalitions-map",
    )
    return render(
        request,
        "national/index.html",
        {
            "coalitions": coalitions,
            "country_map": country_map,
            # The map is a Jinja2 template, shared with the Pledge Viewer; its
            # output is markup (escaped by Jinja2) that this page prints as it is.
            "map_html": SafeString(
                render_to_string("includes/europe_map.html", {"map": country_map}, using="jinja2")
            ),
            "edited": list(NationalCoalition.objects.for_editor(request.user).order_by("name")),
            "kinds": Kind.choices,
        },
    )


@require_safe
@public_page(keep=False)
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        coalition = queries.coalition_for_page(slug)
    except NationalCoalition.DoesNotExist as exc:
        raise Http404 from exc
    code = coalition.country.code
    return render(
        request,
        "national/detail.html",
        {
            "coalition": coalition,
            "partners": [
                (partner, reverse("members:organisation_detail", kwargs={"slug": partner.slug}))
                for partner in coalition.partners.all()
            ],
            "latest_by_kind": [
                (Kind(kind).label, kind, items)
                for kind, items in queries.latest_by_kind(coalition=coalition).items()
            ],
            "events": queries.upcoming_events(today=_today(), coalition=coalition),
            "pledge_count": queries.active_pledge_count(code),
            "viewer_url": queries.viewer_url(code),
            "is_editor": _is_editor(request, coalition),
            "decade": digital_decade.standing(code),
        },
    )


def _ordered_for_lists(items, *, today):
    """Upcoming events first (soonest first), then everything else, newest first;
    past events by the day they started."""
    upcoming = Q(kind=Kind.EVENT) & (
        Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today)
    )
    return items.annotate(
        upcoming=Case(When(upcoming, then=1), default=0, output_field=IntegerField()),
        upcoming_start=Case(When(upcoming, then=F("starts_on")), default=None),
    ).order_by(
        "-upcoming",
        F("upcoming_start").asc(nulls_last=True),
        F("starts_on").desc(nulls_last=True),
        published_or_created().desc(),
        "-pk",
    )


@require_safe
@public_page(keep=False)
def content(request: HttpRequest, kind: str | None = None) -> HttpResponse:
    if kind is not None and kind not in Kind.values:
        raise Http404
    items = queries.public_items()
    if kind:
        items = items.filter(kind=kind)
    filterset = ItemFilter(request.GET or None, queryset=items, show_kind=kind is None)
    ordered = _ordered_for_lists(filterset.qs, today=_today())
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "national/content.html",
        {
            "kind": kind,
            "kind_label": Kind(kind).label if kind else _("National content"),
            "filter": filterset,
            "page": page,
            "query": query.urlencode(),
            "kinds": Kind.choices,
            "today": _today(),
        },
    )


@require_safe
@public_page(keep=False)
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for_viewer(request.user, pk)
    return render(
        request,
        "national/item_detail.html",
        {
            "item": item,
            "viewer_url": queries.viewer_url(item.country.code),
            "is_editor": _is_editor(request, item.coalition),
            "today": _today(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def coalition_edit(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_for_editor(request.user, slug)
    form = CoalitionForm(request.POST or None, request.FILES or None, instance=coalition)
    if request.method == "POST" and form.is_valid():
        form.save()
        if form.processed_logo is not None:
            store_logo(file=coalition.logo, logo=form.processed_logo, stem=coalition.slug)
        messages.success(request, _("The coalition’s page is saved."))
        return redirect(coalition)
    return render(request, "national/coalition_form.html", {"coalition": coalition, "form": form})


@login_required
@require_safe
def editor_items(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_for_editor(request.user, slug)
    items = coalition.items.select_related("feed").order_by("-created_at", "-pk")
    state = request.GET.get("state", "")
    if state not in Item.State.values:
        state = ""
    if state:
        items = items.filter(state=state)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "national/editor_items.html",
        {
            "coalition": coalition,
            "page": page,
            "state": state,
            "state_query": f"state={state}" if state else "",
            "states": Item.State.choices,
            "feeds": list(coalition.feeds.all()),
            "has_harvested": any(item.is_harvested for item in page.object_list),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_new(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_for_editor(request.user, slug)
    form = ItemForm(request.POST or None, coalition=coalition)
    if request.method == "POST" and form.is_valid():
        item = services.item_create(
            coalition=coalition, editor=request.user, data=form.cleaned_data
        )
        messages.success(request, _message_after_save(item))
        return redirect("national:editor_items", slug=coalition.slug)
    return render(
        request, "national/item_form.html", {"coalition": coalition, "form": form, "item": None}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for_editor(request.user, pk)
    if item.is_harvested:
        messages.warning(
            request,
            _(
                "“%(title)s” comes from your connected website: edit it there, and the next "
                "harvest brings the change to the portal."
            )
            % {"title": item.title},
        )
        return redirect("national:editor_items", slug=item.coalition.slug)
    form = ItemForm(request.POST or None, instance=item, coalition=item.coalition)
    if request.method == "POST" and form.is_valid():
        # The form has put the new values on the instance; the service decides its state.
        item = services.item_update(item=item, editor=request.user, data=form.cleaned_data)
        messages.success(request, _message_after_save(item))
        return redirect("national:editor_items", slug=item.coalition.slug)
    return render(
        request,
        "national/item_form.html",
        {"coalition": item.coalition, "form": form, "item": item},
    )


def _message_after_save(item: Item) -> str:
    if item.is_public:
        return _("“%(title)s” is saved and published.") % {"title": item.title}
    return _("“%(title)s” is saved. It will be published once a moderator approves it.") % {
        "title": item.title
    }
