"""Redis stops: logins, sign-ups, resets and codes keep their limits, counted in the database.

Each test runs on a Redis of its own (tests/helpers/redis_server.py) and stops
it, as an outage would; config.cache then keeps allauth's counters and the TOTP
replay guard in the database table `accounts_cache_guard`.
"""

from django.contrib.auth import get_user_model

import pytest

from community.accounts.models import CacheGuardEntry
from tests.accounts.conftest import LOGIN_URL, current_totp_code, log_in, logged_in_user_id
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_right_password_still_logs_in(client, user, own_redis):
    own_redis.stop()

    response = log_in(client, user.email)

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


def test_failed_logins_are_still_counted(client, user, own_redis):
    own_redis.stop()
    for _ in range(5):
        assert log_in(client, user.email, "geraden-wachtwoord").status_code == 200

    response = log_in(client, user.email)

    assert response.status_code == 429
    assert logged_in_user_id(client) is None
    assert CacheGuardEntry.objects.filter(cache_key__contains="login_failed").exists()


def test_sign_ups_from_one_ip_stay_limited(client, own_redis, mailoutbox):
    own_redis.stop()
    password = "lang-genoeg-wachtwoord-7"

    answers = [
        client.post("/accounts/signup/", {
            "display_name": f"Persoon {n}", "email": f"persoon{n}@example.org",
            "password1": password, "password2": password,
        }).status_code
        for n in range(22)
    ]

    assert answers == [302] * 20 + [429] * 2  # signup: 20 a minute per IP
    assert get_user_model().objects.count() == 20
    assert len(mailoutbox) == 20


def test_password_resets_for_one_address_stay_limited(client, user, own_redis, mailoutbox):
    own_redis.stop()

    answers = [
        client.post("/accounts/password/reset/", {"email": user.email}).status_code
        for _ in range(7)
    ]

    assert answers == [302] * 5 + [429] * 2  # reset_password: 5 a minute per address
    assert len(mailoutbox) == 5


def test_confirmation_mail_is_not_resent_more_than_once_in_three_minutes(
    client, own_redis, mailoutbox
):
    user = get_user_model().objects.create_user(
        username="onbevestigd", email="onbevestigd@example.org", password=PASSWORD
    )
    user.emailaddress_set.create(email=user.email, primary=True, verified=False)
    own_redis.stop()

    for _ in range(4):
        client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})

    assert len([mail for mail in mailoutbox if user.email in mail.to]) == 1


def test_a_totp_code_cannot_be_used_twice(client, totp_user, totp_clock, own_redis):
    own_redis.stop()
    code = current_totp_code(totp_user.totp_secret)
    log_in(client, totp_user.email)
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    client.post("/accounts/logout/")

    log_in(client, totp_user.email)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})

    assert response.status_code == 200
    assert logged_in_user_id(client) is None


def test_expired_counters_are_pruned_and_live_ones_kept(db):
    from datetime import timedelta

    from django.utils import timezone

    from community.accounts.tasks import cache_guard_prune

    now = timezone.now()
    for key, expires in [("oud", now - timedelta(minutes=1)),
                         ("nog-geldig", now + timedelta(hours=1))]:
        CacheGuardEntry.objects.create(cache_key=key, value="x", expires=expires)

    assert cache_guard_prune() == 1
    assert list(CacheGuardEntry.objects.values_list("cache_key", flat=True)) == ["nog-geldig"]
