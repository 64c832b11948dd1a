from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("become-a-pledger/", views.become_pledger, name="become_pledger"),
    path("members/", views.directory, name="directory"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/join/", views.join_request_create, name="join_request"),
    path("organisations/<slug:slug>/membership/", views.membership_apply, name="membership_apply"),
    path("organisations/<slug:slug>/team/", views.team, name="team"),
    path("organisations/<slug:slug>/team/invite/", views.team_invite, name="team_invite"),
    path("organisations/<slug:slug>/team/leave/", views.team_leave, name="team_leave"),
    path("organisations/<slug:slug>/team/hand-over/", views.team_hand_over, name="hand_over"),
    path(
        "organisations/<slug:slug>/team/<int:member_id>/role/",
        views.team_change_role,
        name="team_change_role",
    ),
    path(
        "organisations/<slug:slug>/team/<int:member_id>/remove/",
        views.team_remove,
        name="team_remove",
    ),
    path(
        "organisations/<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "organisations/<slug:slug>/join-requests/<int:pk>/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("my/", views.dashboard, name="dashboard"),
    path("my/name/", views.account_name, name="account_name"),
    path("my/language/", views.account_language, name="account_language"),
    path("my/data/", views.account_data, name="account_data"),
    path("my/data/download/", views.account_data_download, name="account_data_download"),
    path("my/delete/", views.account_delete, name="account_delete"),
]
