"""With REQUIRE_MFA_FOR_ADMIN, the Wagtail admin needs two-factor login."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal import auth as totp_auth

from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _require_mfa(settings):
    settings.REQUIRE_MFA_FOR_ADMIN = True


def test_editor_without_two_factor_is_sent_to_set_it_up(client):
    client.force_login(EditorFactory())
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # allauth first asks for the password again, then shows the set-up page.
    follow = client.get(response["Location"], follow=True)
    assert "inloggen in twee stappen" in follow.content.decode()


def test_editor_with_two_factor_gets_in(client):
    editor = EditorFactory()
    totp_auth.TOTP.activate(editor, totp_auth.generate_totp_secret())
    assert Authenticator.objects.filter(user=editor).exists()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_public_pages_do_not_ask_for_two_factor(client, site_tree):
    client.force_login(EditorFactory())
    assert client.get("/").status_code == 200
