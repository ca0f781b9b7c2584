"""Account pages when the shared cache (Redis) is unreachable: fail closed, clearly.

allauth keeps its rate limits (and the TOTP replay guard) in the cache. The
full stack's config.cache.ResilientRedisCache counts them in the database while
Redis is down, so this middleware is the last line: should a Redis backend
without that fallback raise for allauth's keys, we keep login closed (a
brute-force window is worse than a short outage for the security officers who
use the platform), but answer with a plain 503 page that says so, instead of a
server error.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from allauth.mfa.utils import is_mfa_enabled
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Where config/urls.py mounts allauth.
ACCOUNTS_PATH_PREFIX = "/accounts/"
CACHE_UNAVAILABLE_ERRORS = (RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 60


class AccountsCacheUnavailableMiddleware:
    """Turn a cache outage under /accounts/ into a 503 "login temporarily unavailable"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, CACHE_UNAVAILABLE_ERRORS):
            return None
        if not request.path.startswith(ACCOUNTS_PATH_PREFIX):
            return None
        logger.error("Cache unreachable, account page refused: %s %s", request.method, request.path)
        # Rendered without the request: the context processors and the site
        # header (page URLs) need the cache themselves.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


class EditorsNeedTwoFactorMiddleware:
    """The Wagtail admin only for accounts with two-factor login (REQUIRE_MFA_FOR_ADMIN).

    Editors publish for a community of security officers; a stolen password
    alone must not be enough to change what the sector reads.
    """

    admin_prefix = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_two_factor(request):
            messages.info(
                request,
                _("Stel eerst inloggen in twee stappen in; "
                  "daarna kun je de redactieomgeving gebruiken."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up_two_factor(self, request):
        return (
            settings.REQUIRE_MFA_FOR_ADMIN
            and request.path.startswith(self.admin_prefix)
            and request.user.is_authenticated
            and not is_mfa_enabled(request.user)
        )
