"""The AVG: download everything we hold about you; delete your account and every trace."""

import datetime
import json

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal import auth as totp_auth
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from community.discussions.privacy_data import ERASED_NAME
from community.members.models import Profile
from community.outbox.models import OutgoingMail
from community.outbox.serialization import message_to_payload
from community.privacy.services import account_erase, personal_data_export
from tests.accounts.conftest import audit_account_page, unreachable_cache
from tests.factories import UserFactory
from tests.factories.people import PASSWORD

from .conftest import comment_on
from .test_photos import photo_of

MY_DATA = "/leden/mijn-gegevens/"
DOWNLOAD = "/leden/mijn-gegevens/download/"
DELETE = "/leden/mijn-gegevens/verwijderen/"

pytestmark = pytest.mark.django_db


def mail(to, subject, status=OutgoingMail.Status.SENT, body="Hallo"):
    message = EmailMessage(subject, body, "IV-HO <noreply@ivho.nl>", to)
    return OutgoingMail.objects.create(
        subject=subject, recipients=list(message.recipients()),
        payload=message_to_payload(message), status=status,
    )


@pytest.fixture
def person(institutions, themes, instruments):
    """A member with everything a person can leave behind on the platform."""
    user = UserFactory(first_name="Jeroen", last_name="Bakker", email="j.bakker@tue.example")
    user.last_login = timezone.now() - datetime.timedelta(days=1)
    user.save()
    EmailAddress.objects.create(user=user, email="jeroen.prive@example.net", verified=True)
    profile = photo_of(
        user, institution=institutions["tue"], display_name="Jeroen B.", function="CISO",
        bio="Informatiebeveiliging sinds 2004.", visibility=Profile.Visibility.PUBLIC,
        notification_frequency=Profile.Frequency.INSTANT, affiliation_email=user.email,
        status_changed_at=timezone.now(), expertise=[themes["kennis"]],
    )
    secret = totp_auth.generate_totp_secret()
    totp_auth.TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    someone = UserFactory(first_name="Anouk", last_name="Smit")
    own = comment_on(instruments["public"], user, "Mijn reactie op het stappenplan")
    reply_target = comment_on(instruments["secret"], someone, "Een reactie van Anouk")
    CommentFlag.objects.create(user=user, comment=reply_target, flag=LIKEDIT_FLAG,
                               flag_date=timezone.now())
    return {
        "user": user, "profile": profile, "photo": profile.photo.name, "totp_secret": secret,
        "recovery_codes": Authenticator.objects.get(user=user, type="recovery_codes")
        .wrap().get_unused_codes(),
        "comment": own, "other_comment": reply_target, "someone": someone,
        "mails": [
            mail([user.email], "Bevestig je e-mailadres"),
            mail(["Jeroen Bakker <JEROEN.PRIVE@example.net>"], "Wachtwoord gewijzigd",
                 status=OutgoingMail.Status.QUEUED),
            mail([someone.email], "Nieuwe aanmelding",
                 body=f"Jeroen Bakker ({user.email}) wil lid worden."),
        ],
        "shared_mail": mail([user.email, someone.email], "Uitnodiging netwerkdag",
                            status=OutgoingMail.Status.QUEUED),
        "unrelated_mail": mail([someone.email], "Nieuwsbrief"),
    }


def test_export_contains_everything(person, themes):
    user = person["user"]
    data = personal_data_export(user=user)
    json.dumps(data)  # JSON-serialisable as it is

    account = data["account"]
    assert account["e-mailadres"] == "j.bakker@tue.example"
    assert (account["voornaam"], account["achternaam"]) == ("Jeroen", "Bakker")
    assert account["aangemaakt_op"] == user.date_joined.isoformat()
    assert account["laatst_ingelogd"] == user.last_login.isoformat()
    assert {a["e-mailadres"] for a in data["e-mailadressen"]} == {
        "j.bakker@tue.example", "jeroen.prive@example.net"}
    assert {a["soort_code"] for a in data["tweestapsverificatie"]} == {"totp", "recovery_codes"}
    assert all(a["ingesteld_op"] for a in data["tweestapsverificatie"])

    profile = data["profiel"]
    assert profile["naam"] == "Jeroen B."
    assert profile["instelling"] == "Technische Universiteit Eindhoven"
    assert profile["lidmaatschap"] == "Lid"
    assert profile["functie"] == "CISO"
    assert profile["over_mij"] == "Informatiebeveiliging sinds 2004."
    assert profile["expertise"] == ["Kennisveiligheid"]
    assert profile["zichtbaarheid"] == "Openbaar"
    assert profile["e-mail_over_reacties"] == "Direct bij elke reactie"
    assert profile["adres_bij_besluit"] == "j.bakker@tue.example"
    assert profile["foto"] is True

    assert [c["tekst"] for c in data["reacties"]] == ["Mijn reactie op het stappenplan"]
    assert data["reacties"][0]["pagina"] == "Openbaar stappenplan"
    assert data["waarderingen_en_meldingen"] == [{
        "reactie": person["other_comment"].pk, "soort": "vind ik nuttig",
        "op": CommentFlag.objects.get(user=user).flag_date.isoformat(),
    }]
    subjects = {m["onderwerp"] for m in data["e-mails"]}
    assert subjects == {"Bevestig je e-mailadres", "Wachtwoord gewijzigd",
                        "Uitnodiging netwerkdag"}


def test_export_holds_no_secrets_and_nobody_else(person):
    dumped = json.dumps(personal_data_export(user=person["user"]))
    assert person["totp_secret"] not in dumped
    for code in person["recovery_codes"]:
        assert code not in dumped
    assert person["user"].password not in dumped
    assert "md5$" not in dumped and "seed" not in dumped
    # Not another person's data: their comment text, address, or a mail about them.
    assert "Een reactie van Anouk" not in dumped
    assert person["someone"].email not in dumped
    assert "Nieuwsbrief" not in dumped


def test_download(client, person):
    client.force_login(person["user"])
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="ivho-mijn-gegevens-{today}.json"'
    )
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["e-mailadres"] == "j.bakker@tue.example"


def test_pages_need_a_login(client):
    for url in (MY_DATA, DOWNLOAD):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert client.post(DELETE, {"password": "x"}).status_code == 302


def test_my_data_page(client, person):
    client.force_login(person["user"])
    response = client.get(MY_DATA)
    audit_account_page(response)
    html = response.content.decode()
    assert f'href="{DOWNLOAD}"' in html
    assert f'action="{DELETE}"' in html and "csrfmiddlewaretoken" in html
    assert client.get(DELETE).status_code == 405


def test_wrong_password_deletes_nothing(client, person):
    user = person["user"]
    client.force_login(user)
    response = client.post(DELETE, {"password": "niet-mijn-wachtwoord"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit wachtwoord klopt niet. Je account is niet verwijderd." in html
    assert 'id="id_password_error"' in html
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert Profile.objects.filter(user=user).exists()
    assert client.session.get(SESSION_KEY) == str(user.pk)
    response = client.post(DELETE, {})
    assert "verplicht" in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_repeated_wrong_passwords_are_rate_limited(client, person):
    client.force_login(person["user"])
    codes = [client.post(DELETE, {"password": f"fout-{n}"}).status_code for n in range(7)]
    assert codes[0] == 200
    assert codes[-1] == 429
    assert get_user_model().objects.filter(pk=person["user"].pk).exists()


def test_cache_down_refuses_to_confirm_and_deletes_nothing(client, person):
    client.force_login(person["user"])
    with unreachable_cache("resilient"):
        response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 200
    assert "kan nu niet worden gecontroleerd" in response.content.decode()
    assert get_user_model().objects.filter(pk=person["user"].pk).exists()


def test_erase_leaves_no_personal_data(client, person, instruments,
                                       django_capture_on_commit_callbacks):
    user = person["user"]
    other_device = type(client)()
    other_device.force_login(user)
    client.force_login(user)
    assert default_storage.exists(person["photo"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/leden/account-verwijderd/"
    done = client.get(response["Location"])
    assert "Je account is verwijderd" in done.content.decode()
    assert SESSION_KEY not in client.session

    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email__icontains="bakker").exists()
    assert not EmailAddress.objects.filter(email__icontains="jeroen").exists()
    assert not Profile.objects.filter(user_id=user.pk).exists()
    assert not Authenticator.objects.filter(user_id=user.pk).exists()
    assert not default_storage.exists(person["photo"])
    assert not CommentFlag.objects.filter(user_id=user.pk).exists()
    for session in Session.objects.all():
        assert session.get_decoded().get(SESSION_KEY) != str(user.pk)
    assert other_device.get("/leden/profiel/").status_code == 302  # logged out there too

    # The outbox: nothing to or about them; a shared queued mail still goes to the other.
    remaining = OutgoingMail.objects.all()
    assert {m.subject for m in remaining} == {"Uitnodiging netwerkdag", "Nieuwsbrief"}
    for row in remaining:
        text = json.dumps([row.recipients, row.payload]).lower()
        assert "bakker" not in text and "jeroen" not in text
    shared = OutgoingMail.objects.get(subject="Uitnodiging netwerkdag")
    assert shared.recipients == [person["someone"].email]
    assert shared.payload["to"] == [person["someone"].email]

    # Discussions stay readable, without who wrote them.
    comment = XtdComment.objects.get(pk=person["comment"].pk)
    assert comment.user_id is None
    assert comment.user_name == ERASED_NAME
    assert comment.name == ERASED_NAME
    assert comment.user_email == ""
    assert comment.ip_address is None
    assert comment.comment == "Mijn reactie op het stappenplan"
    page = client.get(instruments["public"].url)
    assert page.status_code == 200
    thread = page.content.decode()
    assert "Mijn reactie op het stappenplan" in thread and ERASED_NAME in thread
    assert "Jeroen" not in thread and "Bakker" not in thread
    # Other people's things are untouched.
    assert XtdComment.objects.get(pk=person["other_comment"].pk).user == person["someone"]


def test_a_failing_provider_changes_nothing(monkeypatch, person,
                                           django_capture_on_commit_callbacks):
    # A provider that fails after all the real ones have erased their part.
    from community.privacy import registry

    from . import broken_provider

    providers = dict(registry._providers)
    monkeypatch.setattr(registry, "_providers", providers)
    registry.register("kapot", broken_provider, stage=registry.Stage.ACCOUNT)
    user = person["user"]
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        account_erase(user=user)
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert XtdComment.objects.get(pk=person["comment"].pk).user_name == "Jeroen Bakker"
    assert Profile.objects.filter(user=user).exists()
    assert default_storage.exists(person["photo"])
    assert OutgoingMail.objects.count() == 5


def test_erase_works_for_an_account_without_profile(client):
    user = UserFactory()
    Profile.objects.filter(user=user).delete()
    client.force_login(user)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()

