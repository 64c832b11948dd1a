from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from coalition import views

# Staff log in through allauth's page like everyone else, so its rate limits,
# lockout (five wrong passwords) and mandatory email verification hold for the
# admin too; Django's own admin login form would bypass them. Set before
# admin.site.urls is read below.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("csp-report", views.csp_report, name="csp_report"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("pledges.viewer.sitemap_urls")),
    path("", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("pillars/<slug:slug>/", views.pillar_detail, name="pillar_detail"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("contact/", views.contact, name="contact"),
    path("accounts/", include("allauth.urls")),
    path("", include("members.urls")),
    path("", include("pledges.urls")),
    path("", include("pledges.viewer.urls")),
    path("", include("national.urls")),
    path("admin/", admin.site.urls),
)

admin.site.site_header = _("Digital Skills and Jobs Coalition — administration")
admin.site.site_title = _("Coalition Portal admin")
admin.site.index_title = _("Moderation and content")


if settings.SERVE_MEDIA:
    # Uploaded files (logos) from local storage; production may use object
    # storage instead (FILE_STORAGE) and switch this off.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
