"""A URLconf with no pledge pages, for tests/coalition/test_addresses.py."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("", lambda request: HttpResponse("ok"), name="home")]
