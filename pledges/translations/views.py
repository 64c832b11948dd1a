"""The editor's pages for a pledge's translations, under its management page.
Editors and admins of the organisation only (pledges.access: 404 otherwise);
translations belong to the pledge, not to a revision of it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from pledges.access import pledge_for_editor
from pledges.translations import services
from pledges.translations.forms import PledgeTranslationForm
from pledges.translations.models import PledgeTranslation


def _pledge(request: HttpRequest, slug: str, pk: int):
    pledge, organisation, _membership = pledge_for_editor(request.user, slug, pk)
    if pledge.is_revision:
        raise Http404
    return pledge, organisation


def _list_url(pledge):
    return redirect("pledges:translations", slug=pledge.organisation.slug, pk=pledge.pk)


@login_required
@require_safe
def translation_list(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    pledge, organisation = _pledge(request, slug, pk)
    translations = list(pledge.translations.all())
    for translation in translations:
        translation.pledge = pledge
    return render(
        request,
        "pledges/translations/list.html",
        {"pledge": pledge, "organisation": organisation, "translations": translations},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def translation_form(
    request: HttpRequest, slug: str, pk: int, translation_pk: int | None = None
) -> HttpResponse:
    pledge, organisation = _pledge(request, slug, pk)
    translation = None
    if translation_pk is not None:
        translation = get_object_or_404(PledgeTranslation, pk=translation_pk, pledge=pledge)
    form = PledgeTranslationForm(request.POST or None, instance=translation, pledge=pledge)
    if request.method == "POST" and form.is_valid():
        services.pledge_translation_save(
            pledge=pledge,
            actor=request.user,
            translation=translation,
            **form.cleaned_data,
        )
        messages.success(request, _("The translation is saved."))
        return _list_url(pledge)
    return render(
        request,
        "pledges/translations/form.html",
        {
            "pledge": pledge,
            "organisation": organisation,
            "translation": translation,
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def translation_delete(
    request: HttpRequest, slug: str, pk: int, translation_pk: int
) -> HttpResponse:
    pledge, organisation = _pledge(request, slug, pk)
    translation = get_object_or_404(PledgeTranslation, pk=translation_pk, pledge=pledge)
    if request.method == "POST":
        translation.pledge = pledge
        services.pledge_translation_delete(translation=translation)
        messages.success(request, _("The translation is deleted."))
        return _list_url(pledge)
    return render(
        request,
        "pledges/translations/delete.html",
        {"pledge": pledge, "organisation": organisation, "translation": translation},
    )
