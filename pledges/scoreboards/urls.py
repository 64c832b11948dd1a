"""Addresses of the scoreboards, part of the `viewer` namespace (pledges/viewer/urls.py)."""

from django.urls import path

from pledges.scoreboards import views as scoreboard_views

urlpatterns = [
    path("scoreboards/add/", scoreboard_views.scoreboard_add, name="scoreboard_add"),
    path(
        "scoreboards/save-filter/",
        scoreboard_views.scoreboard_save_filter,
        name="scoreboard_save_filter",
    ),
    path(
        "scoreboards/shared/<str:token>/",
        scoreboard_views.scoreboard_shared,
        name="scoreboard_shared",
    ),
    path(
        "scoreboards/shared/<str:token>/export.csv",
        scoreboard_views.scoreboard_shared_csv,
        name="scoreboard_shared_csv",
    ),
    path(
        "scoreboards/embed/<str:token>/",
        scoreboard_views.scoreboard_embed,
        name="scoreboard_embed",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/",
        scoreboard_views.scoreboard_list,
        name="scoreboards",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/<int:pk>/",
        scoreboard_views.scoreboard_detail,
        name="scoreboard_detail",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/<int:pk>/export.csv",
        scoreboard_views.scoreboard_csv,
        name="scoreboard_csv",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/<int:pk>/edit/",
        scoreboard_views.scoreboard_edit,
        name="scoreboard_edit",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/<int:pk>/delete/",
        scoreboard_views.scoreboard_delete,
        name="scoreboard_delete",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/<int:pk>/share/",
        scoreboard_views.scoreboard_share,
        name="scoreboard_share",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/<int:pk>/revoke/",
        scoreboard_views.scoreboard_revoke,
        name="scoreboard_revoke",
    ),
    path(
        "organisations/<slug:slug>/scoreboards/<int:pk>/remove/",
        scoreboard_views.scoreboard_remove,
        name="scoreboard_remove",
    ),
]
