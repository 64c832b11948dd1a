"""allauth's hooks for the portal: emails name the portal (SITE_NAME, SITE_URL in
their context); their links are built from the request that triggered them, so
they use the host the visitor came by (one of ALLOWED_HOSTS). A new account
starts with the page's language as the language of its emails."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language

from coalition.languages import interface_language


class AccountAdapter(DefaultAccountAdapter):
    def get_email_confirmation_url(self, request: Any, emailconfirmation: Any) -> str:
        # The link may be opened on another device, in a session that never saw
        # the sign-up: it carries where the person was going, which allauth's
        # confirmation page keeps (``next``).
        url = super().get_email_confirmation_url(request, emailconfirmation)
        if request is None:
            return url
        next_url = request.POST.get("next") or request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            url = f"{url}?{urlencode({'next': next_url})}"
        return url

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
        super().send_mail(template_prefix, email, context)

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        # The page's language comes from its address (LocaleMiddleware).
        user.preferred_language = interface_language(get_language())
        return super().save_user(request, user, form, commit=commit)
