"""Every login goes through allauth: the other login forms authenticate nothing."""

import pytest
from allauth.account.models import EmailAddress

from tests.accounts.conftest import LOGIN_URL, log_in, logged_in_user_id
from tests.factories import EditorFactory, UserFactory
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/login/", "/_util/login/"])
def test_other_login_forms_create_no_session(client, editor, url):
    # Wagtail's forms take a username; send both, with the right password.
    response = client.post(
        url, {"username": editor.username, "email": editor.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert logged_in_user_id(client) is None
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/admin/"


def test_other_login_forms_pass_on_a_local_next_only(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == f"{LOGIN_URL}?next=%2Fadmin%2Fpages%2F"

    response = client.get("/_util/login/?next=https://evil.example/")
    assert response["Location"] == LOGIN_URL


def test_admin_sends_anonymous_visitors_to_allauth_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/admin/"


def test_editor_logs_in_through_allauth_and_reaches_the_admin(client, editor):
    response = client.post(
        f"{LOGIN_URL}?next=/admin/", {"login": editor.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert logged_in_user_id(client) == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_a_user_who_is_no_editor_gets_no_admin(client, user):
    log_in(client, user.email)

    response = client.get("/admin/")

    assert logged_in_user_id(client) == str(user.pk)
    assert response.status_code == 302
    assert response["Location"] != "/admin/"


@pytest.mark.parametrize("address", ["unverified", "missing"], ids=["unverified", "no-row"])
def test_unverified_email_cannot_log_in(client, mailoutbox, address):
    # "missing": an account as `createsuperuser` makes it, without an EmailAddress row.
    person = EditorFactory(verified=False)
    if address == "unverified":
        EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)

    response = log_in(client, person.email)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert logged_in_user_id(client) is None
    assert client.get("/admin/").status_code == 302
    # allauth sends a fresh confirmation link instead.
    assert [message.to for message in mailoutbox] == [[person.email]]


def test_wrong_password_is_refused_with_a_dutch_message(client, user):
    response = log_in(client, user.email, "niet-het-wachtwoord")

    assert response.status_code == 200
    assert logged_in_user_id(client) is None
    html = response.content.decode()
    assert "Het door jou opgegeven e-mailadres en/of wachtwoord is niet correct." in html
    assert 'role="alert"' in html
    assert "<title>Fout: " in html


def test_unknown_address_gets_the_same_message(client, db):
    known = UserFactory()
    wrong_password = log_in(client, known.email, "niet-het-wachtwoord").content.decode()
    unknown = log_in(client, "niemand@example.org").content.decode()

    message = "Het door jou opgegeven e-mailadres en/of wachtwoord is niet correct."
    assert message in wrong_password and message in unknown
