from django.urls import path

from pledges import viewer_views

app_name = "pledges"

urlpatterns: list = [
    path("pledges/", viewer_views.viewer, name="viewer"),
    # Stand-in for the pledge page until the pledges branch's detail view lands: drop at merge.
    path("pledges/<int:pk>/", viewer_views.pledge_stand_in, name="detail"),
]
