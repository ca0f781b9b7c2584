"""A Redis cache *without* the database fallback is unreachable: account pages fail closed.

allauth keeps its rate limits and the TOTP replay guard in the cache. The full
stack counts them in the database while Redis is down (config/cache.py;
tests/accounts/test_redis_outage.py). Should that fallback be missing (Django's
own Redis backend, or ours without FALLBACK), there is no login without limits:
community.accounts.middleware answers 503. The `cache_down`
tests run against Django's Redis backend and against the one production uses
(config.cache.ResilientRedisCache); tests/test_cache.py covers the public pages.
"""

from django.contrib.auth import get_user_model
from django.test import RequestFactory

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from community.accounts.middleware import (
    ACCOUNTS_PATH_PREFIX,
    AccountsCacheUnavailableMiddleware,
)
from tests.accounts.conftest import (
    MFA_AUTHENTICATE_URL,
    current_totp_code,
    log_in,
    logged_in_user_id,
    unreachable_cache,
)
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db

UNAVAILABLE = "Inloggen tijdelijk niet mogelijk"


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert f"<h1>{UNAVAILABLE}</h1>" in html
    assert '<html lang="nl">' in html
    assert "<main" in html
    assert "style=" not in html and "<script" not in html


def test_login_with_the_right_password_answers_503_and_logs_nobody_in(client, user, cache_down):
    response = log_in(client, user.email, PASSWORD)

    assert_unavailable_page(response)
    assert logged_in_user_id(client) is None


@pytest.mark.parametrize("backend", ["django-redis", "resilient"])
def test_a_hung_redis_times_out_into_the_same_503(client, user, hung_redis_url, backend):
    with unreachable_cache(backend, url=hung_redis_url):
        response = log_in(client, user.email)

    assert_unavailable_page(response)
    assert logged_in_user_id(client) is None


def test_signup_answers_503_and_creates_nobody(client, cache_down, mailoutbox):
    password = "lang-genoeg-wachtwoord-7"
    response = client.post(
        "/accounts/signup/",
        {"email": "nieuw@example.org", "password1": password, "password2": password},
    )

    assert_unavailable_page(response)
    assert not get_user_model().objects.filter(email="nieuw@example.org").exists()
    assert mailoutbox == []


def test_password_reset_answers_503_and_sends_nothing(client, user, cache_down, mailoutbox):
    response = client.post("/accounts/password/reset/", {"email": user.email})

    assert_unavailable_page(response)
    assert mailoutbox == []


def test_code_step_answers_503_when_the_cache_goes_away_in_between(client, totp_user, totp_clock):
    log_in(client, totp_user.email)

    with unreachable_cache():
        response = client.post(
            MFA_AUTHENTICATE_URL, {"code": current_totp_code(totp_user.totp_secret)}
        )

    assert_unavailable_page(response)
    assert logged_in_user_id(client) is None


def test_login_page_itself(client, site_tree, cache_down):
    # The header's menu links need Wagtail's site root paths, kept in the cache:
    # Django's backend raises (so 503 here too), ours treats them as a miss.
    response = client.get("/accounts/login/")

    if cache_down == "resilient":
        assert response.status_code == 200
        assert 'name="password"' in response.content.decode()
    else:
        assert_unavailable_page(response)


def test_login_works_again_once_the_cache_is_back(client, user):
    with unreachable_cache():
        assert log_in(client, user.email).status_code == 503

    assert log_in(client, user.email).status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.parametrize("error", [RedisConnectionError, RedisTimeoutError])
def test_middleware_turns_cache_errors_under_accounts_into_503(error):
    request = RequestFactory().post("/accounts/login/")

    response = AccountsCacheUnavailableMiddleware(lambda r: None).process_exception(
        request, error("down")
    )

    assert_unavailable_page(response)


@pytest.mark.parametrize(
    ("path", "error"),
    [("/zoeken/", RedisConnectionError("down")), ("/accounts/login/", ValueError("bug"))],
    ids=["other-path", "other-error"],
)
def test_middleware_leaves_other_paths_and_errors_alone(path, error):
    middleware = AccountsCacheUnavailableMiddleware(lambda r: None)

    assert middleware.process_exception(RequestFactory().get(path), error) is None


def test_accounts_prefix_matches_the_urlconf():
    from django.urls import reverse

    assert reverse("account_login").startswith(ACCOUNTS_PATH_PREFIX)
    assert reverse("mfa_authenticate").startswith(ACCOUNTS_PATH_PREFIX)
