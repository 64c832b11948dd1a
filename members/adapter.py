"""allauth's hooks for the portal: emails name the portal (SITE_NAME, SITE_URL in
their context); their links are built from the request that triggered them, so
they use the host the visitor came by (one of ALLOWED_HOSTS)."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
        super().send_mail(template_prefix, email, context)
