"""The account flows a person goes through, step by step, as the browser would."""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from allauth.account.models import EmailAddress

from tests.accounts.conftest import link_from_mail, log_in, logged_in_user_id
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "nieuw-en-lang-genoeg-42"


def test_signup_confirm_by_mail_then_logged_in(client, mailoutbox):
    response = client.post(
        "/accounts/signup/",
        {"display_name": "Anna de Wit", "email": "Anna@Example.org",
         "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert logged_in_user_id(client) is None
    sent_page = client.get(response["Location"])
    assert "Verifieer je e-mailadres" in sent_page.content.decode()

    [message] = mailoutbox
    assert message.to == ["anna@example.org"]
    assert message.subject.startswith("[IV-HO] ")
    confirm_path = link_from_mail(message, "/accounts/confirm-email/")
    confirm_page = client.get(confirm_path)
    assert confirm_page.status_code == 200
    assert "Bevestig e-mailadres" in confirm_page.content.decode()
    assert logged_in_user_id(client) is None  # a GET confirms nothing

    response = client.post(confirm_path)

    assert response.status_code == 302
    user = get_user_model().objects.get(email="anna@example.org")
    assert logged_in_user_id(client) == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified


def test_signup_with_a_weak_password_is_refused_in_dutch(client, mailoutbox):
    response = client.post(
        "/accounts/signup/", {"email": "bob@example.org", "password1": "kort", "password2": "kort"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten." in html
    assert "too short" not in html
    assert not get_user_model().objects.filter(email="bob@example.org").exists()
    assert mailoutbox == []


def test_confirmation_link_from_another_browser_confirms_but_does_not_log_in(
    client, mailoutbox
):
    client.post(
        "/accounts/signup/",
        {"display_name": "Carla Jansen", "email": "carla@example.org",
         "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    other_browser = Client()

    other_browser.post(link_from_mail(mailoutbox[0], "/accounts/confirm-email/"))

    assert EmailAddress.objects.get(email="carla@example.org").verified
    assert logged_in_user_id(other_browser) is None


def test_logout_needs_a_post(client, user):
    log_in(client, user.email)

    confirm_page = client.get("/accounts/logout/")
    assert confirm_page.status_code == 200
    assert logged_in_user_id(client) == str(user.pk)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert logged_in_user_id(client) is None


def test_password_reset_by_mail_then_log_in_with_the_new_password(client, user, mailoutbox):
    response = client.post("/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"

    [message] = mailoutbox
    key_path = link_from_mail(message, "/accounts/password/reset/key/")
    # allauth moves the key from the URL into the session, then shows the form.
    response = client.get(key_path)
    assert response.status_code == 302
    form_path = response["Location"]
    assert "set-password" in form_path
    assert client.get(form_path).status_code == 200
    response = client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/key/done/"
    assert logged_in_user_id(client) is None

    assert log_in(client, user.email, PASSWORD).status_code == 200  # old one: refused
    assert logged_in_user_id(client) is None
    response = log_in(client, user.email, NEW_PASSWORD)
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


def test_password_reset_link_works_once(client, user, mailoutbox):
    client.post("/accounts/password/reset/", {"email": user.email})
    key_path = link_from_mail(mailoutbox[0], "/accounts/password/reset/key/")
    form_path = client.get(key_path)["Location"]
    client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    response = client.get(key_path, follow=True)

    assert response.context["token_fail"] is True
    assert "Ongeldige sleutel" in response.content.decode()
    assert "password1" not in response.content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing_and_tells_nothing(
    client, mailoutbox
):
    response = client.post("/accounts/password/reset/", {"email": "niemand@example.org"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    # allauth's enumeration protection mails the address that it has no account.
    assert all(m.to == ["niemand@example.org"] for m in mailoutbox)
    assert not any("/accounts/password/reset/key/" in m.body for m in mailoutbox)


def test_password_change_when_logged_in(client, user, mailoutbox):
    log_in(client, user.email)

    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert logged_in_user_id(client) == str(user.pk)  # ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE
    # The owner is told, in case it was not them (ACCOUNT_EMAIL_NOTIFICATIONS).
    assert [message.to for message in mailoutbox] == [[user.email]]
    assert "wachtwoord" in mailoutbox[0].body.lower()
