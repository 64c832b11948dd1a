"""The translation pages' addresses, under a pledge's management page (the
pledges app includes them in its own namespace)."""

from django.urls import path

from pledges.translations import views

ORG = "organisations/<slug:slug>/pledges/<id:pk>/translations/"

urlpatterns = [
    path(ORG, views.translation_list, name="translations"),
    path(ORG + "new/", views.translation_form, name="translation_create"),
    path(ORG + "<id:translation_pk>/edit/", views.translation_form, name="translation_edit"),
    path(ORG + "<id:translation_pk>/delete/", views.translation_delete, name="translation_delete"),
]
