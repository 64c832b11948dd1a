from django.urls import path

from pledges import views

app_name = "pledges"

# Editor pages live under the organisation; they answer 404 to anyone outside
# its team (pledges.access).
ORG = "organisations/<slug:slug>/pledges/"

urlpatterns = [
    path("pledges/<int:pk>/", views.detail, name="detail"),
    path(ORG, views.pledge_list, name="list"),
    path(ORG + "new/", views.create, name="create"),
    path(ORG + "badge/", views.badge_snippet, name="badge_snippet"),
    path(ORG + "badge.svg", views.badge_svg, name="badge_svg"),
    path(ORG + "<int:pk>/", views.manage, name="manage"),
    path(ORG + "<int:pk>/edit/", views.edit, name="edit"),
    path(ORG + "<int:pk>/preview/", views.preview, name="preview"),
    path(ORG + "<int:pk>/submit/", views.submit, name="submit"),
    path(ORG + "<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path(ORG + "<int:pk>/delete/", views.delete, name="delete"),
    path(ORG + "<int:pk>/propose-changes/", views.revise, name="revise"),
    path(ORG + "<int:pk>/complete/", views.complete, name="complete"),
    path(ORG + "<int:pk>/initiatives/new/", views.initiative_form, name="initiative_create"),
    path(
        ORG + "<int:pk>/initiatives/<int:initiative_pk>/edit/",
        views.initiative_form,
        name="initiative_edit",
    ),
    path(
        ORG + "<int:pk>/initiatives/<int:initiative_pk>/delete/",
        views.initiative_delete,
        name="initiative_delete",
    ),
    path(ORG + "<int:pk>/reports/new/", views.report_create, name="report_create"),
    path(ORG + "<int:pk>/reports/<int:report_pk>/edit/", views.report_edit, name="report_edit"),
]
