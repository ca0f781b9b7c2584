"""How allauth behaves on this platform, where it differs from allauth's defaults."""

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit
from allauth.core.ratelimit import respond_429

# Failed logins for one address from all client addresses together, on top of
# allauth's `login_failed` (which we key per address *and* client IP).
ADDRESS_CEILING_ACTION = "login_failed_address"
# "There is no account for this address" mails, per address: see send_mail().
UNKNOWN_ACCOUNT_MAIL_ACTION = "unknown_account_mail"
UNKNOWN_ACCOUNT_TEMPLATE = "account/email/unknown_account"
# A browser that logged in to an address before: strangers filling the per-address
# ceiling do not lock it out (OWASP's "device cookies"). Signed; it names the
# addresses only as hashes.
DEVICE_COOKIE = "ivho_device"
DEVICE_SALT = "community.accounts.known-device"
DEVICE_MAX_AGE = 180 * 24 * 60 * 60
DEVICE_MAX_ADDRESSES = 5


def _address_hash(address: str) -> str:
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()[:32]


def known_device_addresses(request: HttpRequest) -> list[str]:
    """The address hashes this browser has logged in to (valid, signed cookie only)."""
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    try:
        hashes = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return []
    return [item for item in hashes if isinstance(item, str)] if isinstance(hashes, list) else []


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Mails saying an address has no account stop at a daily ceiling per address.

        Anyone can ask a login code (or a password reset) for a stranger's address;
        allauth then mails "you have no account", held by its per-minute limits only
        (for login codes 3 a minute: 4,320 a day). Nobody is kept out of an account
        that does not exist, so over the ceiling the mail is simply not sent; the
        page answers the same, so this tells nobody whether the address is known.
        """
        if template_prefix == UNKNOWN_ACCOUNT_TEMPLATE and not ratelimit.consume(
            allauth_context.request, app="allauth.account", action=UNKNOWN_ACCOUNT_MAIL_ACTION,
            key=email.lower(),
        ):
            return
        super().send_mail(template_prefix, email, context)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """Count failed logins per address and client IP, not per address alone.

        Keyed on the address alone, anyone who knows it can keep its owner out
        by failing five times. Per address and IP, an attacker only locks
        themselves out; the per-address ceiling below still stops a spread-out
        attack, and the owner then logs in by a code mailed to the address.
        """
        return f"{self._address_key(request, **credentials)}:{ratelimit.get_ip(request)}"

    def _address_key(self, request: HttpRequest, **credentials: Any) -> str:
        return super()._get_login_attempts_cache_key(request, **credentials)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Refuse an attempt over a failed-login limit with HTTP 429.

        allauth refuses it with a form error on an ordinary 200 page. A 429 (our
        templates/429.html, which offers a login code by mail) says the same to
        the person, and lets the proxy and monitoring see a brute-force attempt
        for what it is. It applies to every attempt over a limit, a correct
        password included.
        """
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ImmediateHttpResponse(respond_429(request)) from error
            raise
        login = str(credentials.get("email") or credentials.get("username") or "")
        if _address_hash(login) in known_device_addresses(request):
            # A browser the owner logged in with before: the ceiling against a
            # spread-out attack does not apply (`login_failed` per IP still does).
            self._address_usage = None
            return
        if getattr(self, "_reauthenticating", False):
            # The logged-in owner confirming their password (allauth's reauthentication
            # before a password or two-factor change): the ceiling against strangers
            # does not apply to them; `login_failed` and `reauthenticate` still do.
            self._address_usage = None
            return
        self._address_usage = ratelimit.consume(
            request,
            app="allauth.account",
            action=ADDRESS_CEILING_ACTION,
            key=self._address_key(request, **credentials),
        )
        if not self._address_usage:
            self._rollback_login_failed_rl_usage()
            raise ImmediateHttpResponse(respond_429(request))

    def post_login(
        self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> HttpResponse:
        """After a full login (password or code, and two-factor): remember this browser."""
        response = super().post_login(request, user, **kwargs)
        hashes = [_address_hash(user.email)] + [
            item for item in known_device_addresses(request) if item != _address_hash(user.email)
        ]
        response.set_cookie(
            DEVICE_COOKIE,
            signing.dumps(hashes[:DEVICE_MAX_ADDRESSES], salt=DEVICE_SALT),
            max_age=DEVICE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response

    def reauthenticate(self, user, password: str) -> bool:
        self._reauthenticating = True
        try:
            return super().reauthenticate(user, password)
        finally:
            self._reauthenticating = False

    def _rollback_login_failed_rl_usage(self) -> None:
        # A successful login gives back what the attempt consumed, under both limits.
        super()._rollback_login_failed_rl_usage()
        usage = getattr(self, "_address_usage", None)
        if usage:
            usage.rollback()
        self._address_usage = None

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any) -> None:
        # A completed password reset proves the owner: clear their own IP's count
        # and the address's ceiling (other IPs' counts stay).
        super()._delete_login_attempts_cached_email(request, **credentials)
        ratelimit.clear(
            request,
            app="allauth.account",
            action=ADDRESS_CEILING_ACTION,
            key=self._address_key(request, **credentials),
        )
