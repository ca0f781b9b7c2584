"""manage.py create_editor: an editor who can log in through allauth at once."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

import pytest
from allauth.account.models import EmailAddress

from community.accounts.management.commands import create_editor as command_module
from tests.accounts.conftest import log_in, logged_in_user_id

pytestmark = pytest.mark.django_db

PASSWORD = "redactie-wachtwoord-2026"


def create_editor(*args, **options):
    out = StringIO()
    call_command("create_editor", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_creates_a_verified_editor_who_can_log_in_and_reach_the_admin(
    client, django_user_model, monkeypatch
):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)

    output = create_editor("--email", " Redactie@Example.org ", "--noinput")

    user = django_user_model.objects.get(email="redactie@example.org")
    assert "aangemaakt" in output
    assert set(user.groups.values_list("name", flat=True)) == {"Redacteuren", "Eindredactie"}
    assert not user.is_superuser and not user.is_staff
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == (user.email, True, True)
    assert user.username  # allauth filled in the internal username

    response = log_in(client, "redactie@example.org", PASSWORD)
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)
    assert client.get("/admin/").status_code == 200


def test_superuser_option(django_user_model, monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)

    create_editor("--email", "beheer@example.org", "--superuser", "--noinput")

    user = django_user_model.objects.get(email="beheer@example.org")
    assert user.is_superuser and user.is_staff


def test_without_a_password_the_account_has_none(django_user_model, monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)

    output = create_editor("--email", "zonder@example.org", "--noinput")

    assert not django_user_model.objects.get(email="zonder@example.org").has_usable_password()
    assert "Wachtwoord vergeten" in output


def test_repairs_an_account_made_by_createsuperuser(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password=PASSWORD
    )
    assert log_in(client, "admin@example.org", PASSWORD)["Location"] == "/accounts/confirm-email/"

    output = create_editor("--email", "admin@example.org", "--noinput")

    assert "bijgewerkt" in output
    user.refresh_from_db()
    assert user.check_password(PASSWORD)  # untouched
    assert EmailAddress.objects.get(user=user, email="admin@example.org").verified
    assert user.groups.count() == 2
    assert log_in(client, "admin@example.org", PASSWORD).status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


def test_running_twice_changes_nothing_more(django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)
    create_editor("--email", "twee@example.org", "--noinput")
    create_editor("--email", "twee@example.org", "--noinput")

    assert django_user_model.objects.filter(email="twee@example.org").count() == 1
    assert EmailAddress.objects.filter(email="twee@example.org").count() == 1


def test_interactive_password_is_asked_twice_and_validated(django_user_model, monkeypatch):
    answers = iter(["kort", "kort", PASSWORD, "anders-dan-eerst-123", PASSWORD, PASSWORD])
    monkeypatch.setattr(command_module.getpass, "getpass", lambda prompt: next(answers))

    create_editor("--email", "vraag@example.org")

    assert django_user_model.objects.get(email="vraag@example.org").check_password(PASSWORD)
    assert next(answers, None) is None  # asked until two equal, valid entries


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--email", "geen-adres", "--noinput"], "Ongeldig e-mailadres"),
        (["--email", "zwak@example.org", "--noinput"], "te kort"),
    ],
    ids=["bad-email", "weak-password"],
)
def test_refuses_bad_input(django_user_model, monkeypatch, options, message):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "kort")

    with pytest.raises(CommandError, match=message):
        create_editor(*options)

    assert not django_user_model.objects.exists()


def test_refuses_when_the_editor_groups_are_missing(django_user_model, monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    Group.objects.filter(name="Eindredactie").delete()

    with pytest.raises(CommandError, match="Eindredactie"):
        create_editor("--email", "x@example.org", "--noinput")

    assert not django_user_model.objects.exists()
