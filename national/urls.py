from django.urls import path

from national import feeds, views

app_name = "national"

urlpatterns = [
    path("national-coalitions/", views.index, name="index"),
    path("national-coalitions/content/", views.content, name="content"),
    path("national-coalitions/content/<slug:kind>/", views.content, name="kind"),
    path("national-coalitions/items/<int:pk>/", views.item_detail, name="item"),
    path("national-coalitions/items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("national-coalitions/feeds/<str:country>/", feeds.CountryFeed(), name="country_feed"),
    path("national-coalitions/<slug:slug>/", views.detail, name="detail"),
    path("national-coalitions/<slug:slug>/edit/", views.coalition_edit, name="edit"),
    path("national-coalitions/<slug:slug>/items/", views.editor_items, name="editor_items"),
    path("national-coalitions/<slug:slug>/items/new/", views.item_new, name="item_new"),
]
