"""Every account page renders in our layout, in Dutch, accessibly, and CSP-clean.

audit_account_page (conftest) checks: lang="nl", skip link, header, one <main>,
footer, exactly one h1, a label for every form control, aria-describedby that
points at something, and no inline <script>, <style> or style= attribute.
"""

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str

from tests.accounts.conftest import (
    MFA_AUTHENTICATE_URL,
    audit_account_page,
    log_in,
    log_in_with_totp,
)
from tests.factories import UserFactory
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/accounts/login/", "Aanmelden"),
        ("/accounts/signup/", "Registreren"),
        ("/accounts/confirm-email/", "Verifieer je e-mailadres"),
        ("/accounts/confirm-email/ongeldige-sleutel/", "Bevestig e-mailadres"),
        ("/accounts/password/reset/", "Nieuw wachtwoord"),
        ("/accounts/password/reset/done/", "Nieuw wachtwoord"),
        ("/accounts/password/reset/key/done/", "Wachtwoord wijzigen"),
    ],
)
def test_pages_for_visitors(client, url, heading):
    response = client.get(url)

    audit_account_page(response)
    assert heading in response.content.decode()


def test_login_page_links_to_signup_and_password_reset(client):
    html = client.get("/accounts/login/").content.decode()

    assert 'href="/accounts/signup/"' in html
    assert 'href="/accounts/password/reset/"' in html
    assert 'autocomplete="current-password"' in html


def test_login_and_signup_with_errors(client, user):
    response = log_in(client, user.email, "fout")
    page = audit_account_page(response)
    assert ("div", {"class": "form-errors", "role": "alert"}) in page.tags

    response = client.post("/accounts/signup/", {"email": "geen-adres", "password1": "a"})
    page = audit_account_page(response)
    email_input = next(attrs for tag, attrs in page.tags if attrs.get("id") == "id_email")
    assert email_input["aria-invalid"] == "true"
    assert "id_email_error" in email_input["aria-describedby"].split()
    assert "<title>Fout: " in response.content.decode()


def test_confirm_email_page_with_a_valid_key(client):
    person = UserFactory(verified=False)
    address = EmailAddress.objects.create(user=person, email=person.email, primary=True)
    key = EmailConfirmationHMAC(address).key

    response = client.get(f"/accounts/confirm-email/{key}/")

    audit_account_page(response)
    assert person.email in response.content.decode()


def test_set_new_password_page(client, user):
    key_url = (
        f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-"
        f"{default_token_generator.make_token(user)}/"
    )

    response = client.get(client.get(key_url)["Location"])

    audit_account_page(response)
    assert "Nieuw wachtwoord (bevestigen)" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/accounts/email/", "E-mailadressen"),
        ("/accounts/password/change/", "Wachtwoord wijzigen"),
        ("/accounts/logout/", "Afmelden"),
        ("/accounts/2fa/", "Twee-factor-authenticatie"),
        ("/accounts/reauthenticate/", "Toegang bevestigen"),
    ],
)
@pytest.mark.parametrize("person", ["user", "editor"])
def test_pages_for_a_logged_in_user(client, request, person, url, heading):
    # An editor also gets Wagtail's user bar on these pages.
    log_in(client, request.getfixturevalue(person).email)

    response = client.get(url)

    page = audit_account_page(response)
    assert heading in response.content.decode()
    if "/2fa/" in url or url.endswith(("/email/", "/change/")):
        assert ("nav", {"class": "account-subnav", "aria-label": "Mijn account"}) in page.tags


def test_set_password_page_for_an_account_without_one(client):
    person = UserFactory(password=None)
    person.set_unusable_password()
    person.save()
    client.force_login(person)

    response = client.get("/accounts/password/set/")

    audit_account_page(response)
    assert "Zet wachtwoord" in response.content.decode()


def test_email_addresses_are_a_labelled_group(client, user):
    log_in(client, user.email)

    page = audit_account_page(client.get("/accounts/email/"))

    tags = [tag for tag, _ in page.tags]
    assert "fieldset" in tags and "legend" in tags
    radio = next(a for t, a in page.tags if t == "input" and a.get("type") == "radio")
    assert radio["value"] == user.email


def test_totp_activation_page(client, user):
    log_in(client, user.email)
    reauth_url = client.get("/accounts/2fa/totp/activate/")["Location"]
    audit_account_page(client.get(reauth_url))
    client.post(reauth_url, {"password": PASSWORD})

    response = client.get("/accounts/2fa/totp/activate/")

    page = audit_account_page(response)
    [qr] = [attrs for tag, attrs in page.tags if "qr-code" in attrs.get("class", "")]
    assert qr["src"].startswith("data:image/svg+xml")  # allowed by img-src data:
    assert "QR-code" in qr["alt"]
    assert response.context["form"].secret not in qr["alt"]
    secret = next(attrs for tag, attrs in page.tags if attrs.get("id") == "authenticator_secret")
    assert secret["value"] == response.context["form"].secret
    assert "readonly" in secret


def test_two_factor_pages(client, totp_user, recovery_codes, totp_clock):
    log_in(client, totp_user.email)
    audit_account_page(client.get(MFA_AUTHENTICATE_URL))
    client.post("/accounts/logout/")
    log_in_with_totp(client, totp_user)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})

    for url in [
        "/accounts/2fa/",
        "/accounts/2fa/totp/deactivate/",
        "/accounts/2fa/recovery-codes/",
        "/accounts/2fa/recovery-codes/generate/",
        "/accounts/2fa/reauthenticate/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        audit_account_page(response)


def test_429_page(client, user):
    for _ in range(6):
        response = log_in(client, user.email, "fout")

    audit_account_page(response, status=429)
