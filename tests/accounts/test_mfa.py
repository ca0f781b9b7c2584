"""Two-factor authentication with an authenticator app (TOTP) and recovery codes."""

import pytest
from allauth.mfa.models import Authenticator

from tests.accounts.conftest import (
    MFA_AUTHENTICATE_URL,
    current_totp_code,
    log_in,
    log_in_with_totp,
    logged_in_user_id,
    wrong_totp_code,
)
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db


def reauthenticate(client, url="/accounts/reauthenticate/", password=PASSWORD):
    """allauth asks for the password again before 2FA settings change."""
    response = client.post(url, {"password": password})
    assert response.status_code == 302
    return response


def test_activate_totp_then_login_asks_for_the_code(client, user, totp_clock):
    log_in(client, user.email)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert reauthenticate(client, response["Location"])["Location"] == (
        "/accounts/2fa/totp/activate/"
    )
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    assert 'src="data:image/svg+xml' in page.content.decode()

    refused = client.post("/accounts/2fa/totp/activate/", {"code": wrong_totp_code(secret)})
    assert refused.status_code == 200
    assert "Ongeldige code." in refused.content.decode()
    assert not Authenticator.objects.filter(user=user).exists()

    response = client.post("/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    index = client.get("/accounts/2fa/").content.decode()
    assert "Er zijn nog 10 van de 10 herstelcodes beschikbaar." in index

    client.post("/accounts/logout/")
    user.totp_secret = secret

    # The password alone no longer logs in: allauth asks for the code.
    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == MFA_AUTHENTICATE_URL
    assert logged_in_user_id(client) is None
    step = client.get(MFA_AUTHENTICATE_URL)
    assert "Twee-factor-authenticatie" in step.content.decode()

    refused = client.post(MFA_AUTHENTICATE_URL, {"code": wrong_totp_code(secret)})
    assert refused.status_code == 200
    assert "Ongeldige code." in refused.content.decode()
    assert logged_in_user_id(client) is None

    response = client.post(MFA_AUTHENTICATE_URL, {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


def test_the_code_step_cannot_be_skipped(client, totp_user):
    log_in(client, totp_user.email)

    for url in ["/accounts/email/", "/admin/", "/accounts/2fa/"]:
        client.get(url)
        assert logged_in_user_id(client) is None, url


def test_a_code_is_accepted_once(client, totp_user, totp_clock):
    code = current_totp_code(totp_user.totp_secret)
    log_in_with_totp(client, totp_user, code)
    assert logged_in_user_id(client) == str(totp_user.pk)
    client.post("/accounts/logout/")

    response = log_in_with_totp(client, totp_user, code)

    assert response.status_code == 200
    assert "Ongeldige code." in response.content.decode()
    assert logged_in_user_id(client) is None


def test_a_recovery_code_logs_in_once(client, totp_user, recovery_codes):
    response = log_in_with_totp(client, totp_user, recovery_codes[0])
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(totp_user.pk)
    client.post("/accounts/logout/")

    response = log_in_with_totp(client, totp_user, recovery_codes[0])

    assert response.status_code == 200
    assert logged_in_user_id(client) is None


def test_recovery_codes_page_lists_the_unused_codes(client, totp_user, recovery_codes, totp_clock):
    log_in_with_totp(client, totp_user)
    reauthenticate(client)

    html = client.get("/accounts/2fa/recovery-codes/").content.decode()

    assert all(code in html for code in recovery_codes)


def test_deactivate_totp(client, totp_user, totp_clock):
    log_in_with_totp(client, totp_user)
    reauthenticate(client)

    response = client.post("/accounts/2fa/totp/deactivate/")

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=totp_user, type="totp").exists()
