"""The organisation's reporting pages, included by pledges/urls.py under
``organisations/<slug>/pledges/reporting/`` (names in the ``pledges`` namespace)."""

from django.urls import path

from pledges.reporting import views

urlpatterns = [
    path("", views.overview, name="reporting"),
    path("sheet.csv", views.sheet_csv, name="reporting_csv"),
    path("sheet.xlsx", views.sheet_xlsx, name="reporting_xlsx"),
    path("upload/", views.upload, name="reporting_upload"),
    path("submit/", views.submit, name="reporting_submit"),
]
