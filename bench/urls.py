from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from coalition.urls import urlpatterns as portal_urlpatterns


@require_safe
def reference(request: HttpRequest) -> HttpResponse:
    """The yardstick: the whole middleware stack, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ref", reference, name="bench_reference"), *portal_urlpatterns]
