"""Fixtures and helpers for the account tests: logging in, mail links, TOTP codes."""

import contextlib
import re
import socket
import threading
import time
from html.parser import HTMLParser
from types import SimpleNamespace

from django.contrib.auth import SESSION_KEY
from django.test import override_settings

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal import auth as totp_auth

from config.cache import ResilientRedisCache
from tests.factories.people import PASSWORD

LOGIN_URL = "/accounts/login/"
MFA_AUTHENTICATE_URL = "/accounts/2fa/authenticate/"
# A port nothing listens on: every cache access fails at once (connection refused).
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:6390/0"
# Django's own Redis backend, and the one production uses (config/cache.py), which
# turns ordinary keys into misses but still raises for allauth's keys.
CACHE_BACKENDS = {
    "django-redis": "django.core.cache.backends.redis.RedisCache",
    "resilient": "config.cache.ResilientRedisCache",
}


@contextlib.contextmanager
def unreachable_cache(backend="resilient", url=UNREACHABLE_REDIS_URL):
    """The shared cache (Redis) is unreachable inside the block."""
    caches = {
        "default": {
            "BACKEND": CACHE_BACKENDS[backend],
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    ResilientRedisCache.paused_until = 0.0
    try:
        with override_settings(CACHES=caches):
            yield backend
    finally:
        ResilientRedisCache.paused_until = 0.0


@pytest.fixture
def hung_redis_url():
    """A server that accepts connections and never answers: a hung Redis."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def accept_and_stay_silent():
        with contextlib.suppress(OSError):
            while True:
                accepted.append(server.accept()[0])

    threading.Thread(target=accept_and_stay_silent, daemon=True).start()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    server.close()
    for connection in accepted:
        connection.close()


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN_URL, {"login": email, "password": password, **extra})


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


def link_from_mail(message, path_prefix):
    """The first link in a mail whose path starts with path_prefix, as a path."""
    match = re.search(rf"https?://testserver({re.escape(path_prefix)}\S+)", message.body)
    assert match, f"no {path_prefix} link in: {message.body}"
    return match.group(1)


def current_totp_code(secret):
    """The code an authenticator app shows now, computed with allauth's own helpers.

    Use with the `totp_clock` fixture, so that "now" cannot move to the next
    30-second step between computing the code and checking it.
    """
    counter = int(totp_auth.time.time()) // mfa_settings.TOTP_PERIOD
    return totp_auth.format_hotp_value(totp_auth.hotp_value(secret, counter))


def wrong_totp_code(secret):
    right = current_totp_code(secret)
    return next(code for code in ("000000", "111111") if code != right)


@pytest.fixture
def totp_clock(monkeypatch):
    """Stop the clock for allauth's TOTP checks (only there) for the test."""
    now = time.time()
    monkeypatch.setattr(totp_auth, "time", SimpleNamespace(time=lambda: now))
    return now


def log_in_with_totp(client, user, code=None):
    """Password step, then the authenticator step; returns the second response."""
    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == MFA_AUTHENTICATE_URL
    return client.post(MFA_AUTHENTICATE_URL, {"code": code or current_totp_code(user.totp_secret)})


@pytest.fixture
def totp_user(user):
    """A verified user with an authenticator app and recovery codes; `.totp_secret` set."""
    secret = totp_auth.generate_totp_secret()
    totp_auth.TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    user.totp_secret = secret
    return user


@pytest.fixture
def recovery_codes(totp_user):
    authenticator = Authenticator.objects.get(
        user=totp_user, type=Authenticator.Type.RECOVERY_CODES
    )
    return authenticator.wrap().get_unused_codes()


@pytest.fixture(params=list(CACHE_BACKENDS))
def cache_down(request):
    """The cache is unreachable for the whole test; the value is the backend's name."""
    with unreachable_cache(request.param) as backend:
        yield backend


EXECUTABLE = {None, "", "text/javascript", "module"}
NOT_LABELLED = {"hidden", "submit", "button", "reset", "image"}


class _PageAudit(HTMLParser):
    """Collects what the accessibility and CSP checks need from one HTML page."""

    def __init__(self):
        super().__init__()
        self.tags = []  # (tag, attrs) in document order
        self.ids = set()
        self.label_for = set()
        self.inline_scripts = 0
        self.style_elements = 0
        self._label_depth = 0
        self.wrapped_controls = set()  # ids of controls inside a <label>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "label":
            self._label_depth += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        if tag in {"input", "select", "textarea"} and self._label_depth:
            self.wrapped_controls.add(attrs.get("id"))
        # A JSON data block (Wagtail's userbar has one) is not run: CSP ignores it.
        if tag == "script" and not attrs.get("src") and attrs.get("type") in EXECUTABLE:
            self.inline_scripts += 1
        if tag == "style":
            self.style_elements += 1

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1




def audit_account_page(response, *, status=200):
    """Assert one account page is ours, accessible and needs no inline script or style."""
    assert response.status_code == status
    html = response.content.decode()
    page = _PageAudit()
    page.feed(html)
    tags = [tag for tag, _ in page.tags]

    # Our layout: language, skip link, header, one main landmark, footer.
    assert '<html lang="nl">' in html
    assert ("a", {"class": "skip-link", "href": "#inhoud"}) in page.tags
    assert tags.count("main") == 1
    assert any(tag == "main" and attrs.get("id") == "inhoud" for tag, attrs in page.tags)
    assert tags.count("header") == 1 and tags.count("footer") == 1
    assert tags.count("h1") == 1, "exactly one h1"
    assert 'href="/static/css/site.css"' in html

    # Every form control has a label tied to it.
    for tag, attrs in page.tags:
        if tag in {"input", "select", "textarea"} and attrs.get("type") not in NOT_LABELLED:
            control_id = attrs.get("id")
            assert control_id, f"{tag} {attrs} has no id"
            assert control_id in page.label_for or control_id in page.wrapped_controls, (
                f"{tag}#{control_id} has no label"
            )
        # aria-describedby only points at elements that exist.
        for ref in (attrs.get("aria-describedby") or "").split():
            assert ref in page.ids, f"aria-describedby={ref} points nowhere"

    # Content-Security-Policy: no inline script or style anywhere.
    assert page.inline_scripts == 0, "inline <script>"
    assert page.style_elements == 0, "<style> element"
    assert not any("style" in attrs for _, attrs in page.tags), "style= attribute"
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    return page
