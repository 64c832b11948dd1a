"""Rate limits for forms that email someone else (invitations, join requests,
membership applications), kept in the shared cache so that every web process
counts the same. allauth limits the account forms itself (ACCOUNT_RATE_LIMITS).

Each limit is a number of uses per period (settings.RATE_LIMITS, name ->
(count, seconds)), counted per key (an organisation, an address, a user) in
fixed windows of the period: simple, and never more than twice the count in
any stretch of one period.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def consume(name: str, key: object, *, now: float | None = None) -> bool:
    """Count one use of limit `name` by `key`; False once the limit is reached
    (that use is refused, and counted)."""
    count, seconds = settings.RATE_LIMITS[name]
    window = int((time.time() if now is None else now) // seconds)
    # Hashed: keys may hold email addresses, which stay out of the cache's keys.
    digest = hashlib.sha256(str(key).lower().encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{name}:{digest}:{window}"
    cache.add(cache_key, 0, timeout=seconds)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # culled between add and incr: start the window again
        cache.set(cache_key, 1, timeout=seconds)
        used = 1
    return used <= count


def consume_all(*limits: tuple[str, object]) -> str | None:
    """Count one use of each (name, key); the name of the first limit reached, or None."""
    reached = [name for name, key in limits if not consume(name, key)]
    return reached[0] if reached else None
