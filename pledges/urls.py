from django.urls import include, path, register_converter

from pledges import views
from pledges.viewer import views as viewer_views


class IdConverter:
    """A database id: digits that fit a bigint (longer numbers are 404, not a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

# After the converter: the translation pages' addresses use it.
from pledges.translations import urls as translation_urls  # noqa: E402

app_name = "pledges"

# Editor pages live under the organisation; they answer 404 to anyone outside
# its team (pledges.access).
ORG = "organisations/<slug:slug>/pledges/"

urlpatterns = [
    path("pledges/", viewer_views.viewer, name="viewer"),
    path("pledges/<id:pk>/", views.detail, name="detail"),
    path(ORG, views.pledge_list, name="list"),
    path(ORG + "new/", views.create, name="create"),
    path(ORG + "badge/", views.badge_snippet, name="badge_snippet"),
    path(ORG + "badge.svg", views.badge_svg, name="badge_svg"),
    path(ORG + "<id:pk>/", views.manage, name="manage"),
    path(ORG + "<id:pk>/edit/", views.edit, name="edit"),
    path(ORG + "<id:pk>/preview/", views.preview, name="preview"),
    path(ORG + "<id:pk>/submit/", views.submit, name="submit"),
    path(ORG + "<id:pk>/withdraw/", views.withdraw, name="withdraw"),
    path(ORG + "<id:pk>/delete/", views.delete, name="delete"),
    path(ORG + "<id:pk>/propose-changes/", views.revise, name="revise"),
    path(ORG + "<id:pk>/complete/", views.complete, name="complete"),
    path(ORG + "<id:pk>/initiatives/new/", views.initiative_form, name="initiative_create"),
    path(
        ORG + "<id:pk>/initiatives/<id:initiative_pk>/edit/",
        views.initiative_form,
        name="initiative_edit",
    ),
    path(
        ORG + "<id:pk>/initiatives/<id:initiative_pk>/delete/",
        views.initiative_delete,
        name="initiative_delete",
    ),
    path(ORG + "<id:pk>/reports/new/", views.report_create, name="report_create"),
    path(ORG + "<id:pk>/reports/<id:report_pk>/edit/", views.report_edit, name="report_edit"),
    path(ORG + "reporting/", include("pledges.reporting.urls")),
    *translation_urls.urlpatterns,
]
