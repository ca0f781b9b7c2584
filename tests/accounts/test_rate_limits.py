"""Brute force: failed logins are counted per account and per IP (ACCOUNT_RATE_LIMITS)."""

import pytest

from tests.accounts.conftest import audit_account_page, log_in, logged_in_user_id
from tests.factories import UserFactory
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db

TOO_MANY = "Te veel pogingen"


def test_sixth_attempt_for_one_account_gets_429_even_with_the_right_password(client, user):
    for _ in range(5):
        response = log_in(client, user.email, "geraden-wachtwoord")
        assert response.status_code == 200

    response = log_in(client, user.email, PASSWORD)

    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    audit_account_page(response, status=429)  # our templates/429.html
    assert logged_in_user_id(client) is None


def test_failed_attempts_for_one_account_count_from_any_ip(client, user):
    for number in range(5):
        log_in(client, user.email, "geraden-wachtwoord", REMOTE_ADDR=f"192.0.2.{number + 1}")

    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )

    assert response.status_code == 429


def test_a_successful_login_does_not_use_up_the_allowance(client, user):
    for _ in range(4):
        log_in(client, user.email, "geraden-wachtwoord")
    for _ in range(3):
        assert log_in(client, user.email).status_code == 302
        client.post("/accounts/logout/")

    assert log_in(client, user.email).status_code == 302


def test_eleventh_failure_from_one_ip_gets_429(client, db):
    # Ten failures for ten different accounts: the per-IP limit, not the per-account one.
    for number in range(10):
        response = log_in(client, f"poging{number}@example.org", "geraden-wachtwoord")
        assert response.status_code == 200

    other = UserFactory()
    response = log_in(client, other.email)

    assert response.status_code == 429
    assert logged_in_user_id(client) is None


def test_another_ip_and_account_are_not_blocked(client, user):
    for _ in range(6):
        log_in(client, user.email, "geraden-wachtwoord")
    other = UserFactory()

    response = client.post(
        "/accounts/login/", {"login": other.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(other.pk)
