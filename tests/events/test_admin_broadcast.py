"""A mail to everyone registered: one outbox mail per person, in one transaction, sent once."""

import uuid
from datetime import UTC, datetime, timedelta
from unittest import mock

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from community.events.broadcasts import registrants_mail
from community.events.models import Broadcast, Registration
from community.outbox import services as outbox_services
from community.outbox.models import OutgoingMail
from tests.factories import EditorFactory
from tests.factories.events import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox(settings):
    """Mail as the project sends it: an outbox row, delivered on commit to mail.outbox."""
    settings.EMAIL_BACKEND = "community.outbox.backends.OutboxBackend"
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    return mail.outbox

Status = Registration.Status


@pytest.fixture
def editor(db):
    return EditorFactory(first_name="Roos", last_name="Redactie")


@pytest.fixture
def crowd(make_event, members):
    """Two with a seat, one with a seat on offer, one waiting, and people who get nothing."""
    event = make_event(
        title="Netwerkdag kennisveiligheid", capacity=3,
        start=datetime(2026, 12, 14, 9, 0, tzinfo=UTC),
        end=datetime(2026, 12, 14, 15, 0, tzinfo=UTC),
    )
    a, b, c, d, e = members(5)
    now = timezone.now()
    RegistrationFactory(event=event, user=a, name="Anouk Jansen")
    RegistrationFactory(event=event, user=b, name="Bram Visser")
    RegistrationFactory(event=event, user=c, status=Status.OFFERED,
                        offer_expires_at=now + timedelta(hours=10))
    RegistrationFactory(event=event, user=d, status=Status.WAITLISTED, waitlisted_at=now)
    RegistrationFactory(event=event, user=e, status=Status.CANCELLED)
    RegistrationFactory(event=event, email="gast@example.org", status=Status.UNCONFIRMED)
    RegistrationFactory(event=event, name="", email="", anonymised_at=now)
    RegistrationFactory(event=make_event(title="Andere dag"), user=e)
    event.people = {"seat": [a.email, b.email, c.email], "waiting": [d.email]}
    return event


def send(event, sender, **kwargs):
    kwargs.setdefault("subject", "Routebeschrijving")
    kwargs.setdefault("body", "Neem de ingang aan de achterkant.\nTot maandag!")
    return registrants_mail(event=event, sender=sender, **kwargs)


# --- The service --------------------------------------------------------------------------


def test_one_mail_per_seat_holder_through_the_outbox(
    crowd, editor, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        count = send(crowd, editor)
    assert count == 3
    assert sorted(message.to[0] for message in mailbox) == sorted(crowd.people["seat"])
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mailbox)
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT).count() == 3
    message = mailbox[0]
    assert message.subject == "[IV-HO] Routebeschrijving"
    assert "Neem de ingang aan de achterkant." in message.body
    # The event's time in Amsterdam (10:00 CET), in Dutch.
    assert "maandag 14 december 2026 om 10:00 uur" in message.body
    assert "Netwerkdag kennisveiligheid" in message.body
    broadcast = Broadcast.objects.get()
    assert (broadcast.recipient_count, broadcast.sent_by, broadcast.include_waitlist) == (
        3, editor, False
    )


def test_the_waitlist_hears_it_when_asked(
    crowd, editor, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert send(crowd, editor, include_waitlist=True) == 4
    everyone = crowd.people["seat"] + crowd.people["waiting"]
    assert sorted(m.to[0] for m in mailbox) == sorted(everyone)
    waiting = next(m for m in mailbox if m.to == crowd.people["waiting"])
    assert "op de wachtlijst staat" in waiting.body


def test_the_same_confirmation_sends_once(
    crowd, editor, mailbox, django_capture_on_commit_callbacks
):
    token = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        send(crowd, editor, token=token)
    with pytest.raises(ValidationError) as caught:
        send(crowd, editor, token=token)
    assert caught.value.code == "already_sent"
    assert len(mailbox) == 3
    assert OutgoingMail.objects.count() == 3
    assert Broadcast.objects.count() == 1


@pytest.mark.parametrize(
    ("subject", "body", "field"),
    [("", "Tekst", "subject"), ("   ", "Tekst", "subject"), ("Onderwerp", "  \n ", "body"),
     ("x" * 201, "Tekst", "subject")],
)
def test_an_empty_or_overlong_mail_is_refused(crowd, editor, subject, body, field):
    with pytest.raises(ValidationError) as caught:
        send(crowd, editor, subject=subject, body=body)
    assert field in caught.value.message_dict
    assert not OutgoingMail.objects.exists() and not Broadcast.objects.exists()


def test_no_recipients_sends_nothing(event, editor):
    with pytest.raises(ValidationError, match="niemand"):
        send(event, editor)
    assert not Broadcast.objects.exists()


def test_a_header_injection_in_the_subject_stays_on_one_line(crowd, editor, mailbox,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(crowd, editor, subject="Nieuws\nBcc: iedereen@example.org")
    assert {m.subject for m in mailbox} == {"[IV-HO] Nieuws Bcc: iedereen@example.org"}
    assert all(not m.bcc for m in mailbox)


def test_all_or_nothing_when_queueing_fails_halfway(crowd, editor):
    real = outbox_services.outbox_enqueue
    calls = []

    def flaky(*, message):
        calls.append(message)
        if len(calls) == 2:
            raise RuntimeError("database hiccup")
        return real(message=message)

    with (
        mock.patch("community.events.broadcasts.outbox_enqueue", flaky),
        pytest.raises(RuntimeError),
    ):
        send(crowd, editor)
    assert not OutgoingMail.objects.exists()
    assert not Broadcast.objects.exists()


def test_a_broker_that_is_down_delays_the_mail_but_loses_none(
    crowd, editor, mailbox, django_capture_on_commit_callbacks
):
    with mock.patch(
        "community.outbox.tasks.outbox_deliver.delay", side_effect=ConnectionError("broker down")
    ), django_capture_on_commit_callbacks(execute=True):
        assert send(crowd, editor) == 3
    assert mailbox == []
    queued = list(OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED))
    assert len(queued) == 3
    # The sweep delivers them later; a retried delivery sends nothing twice.
    for row in queued:
        assert outbox_services.outbox_deliver(mail_id=row.pk) is True
        assert outbox_services.outbox_deliver(mail_id=row.pk) is False
    assert sorted(m.to[0] for m in mailbox) == sorted(crowd.people["seat"])


# --- The admin page ----------------------------------------------------------------------


def url(event):
    return f"/admin/bijeenkomsten/{event.pk}/mail/"


def test_write_preview_confirm_and_the_history(
    client, crowd, editor, mailbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    page = client.get(url(crowd)).content.decode()
    assert "Wie een plek heeft: 3 personen." in page
    assert "Met de wachtlijst erbij: 4 personen." in page
    assert "nog geen mail" in page

    data = {"subject": "Programma bekend", "body": "Het programma staat online.",
            "stap": "controleren"}
    preview = client.post(url(crowd), data).content.decode()
    assert "Deze mail gaat naar 3 personen." in preview
    assert "Het programma staat online." in preview
    assert mailbox == [] and not OutgoingMail.objects.exists()
    token = preview.split('name="token" value="')[1].split('"')[0]
    uuid.UUID(token)

    confirm = {**data, "stap": "versturen", "token": token}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(crowd), confirm)
    assert response.status_code == 302
    assert len(mailbox) == 3
    # A resent form (double click, back button) sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url(crowd), confirm, follow=True)
    assert "al verstuurd" in again.content.decode()
    assert len(mailbox) == 3

    history = client.get(url(crowd)).content.decode()
    assert "Programma bekend" in history
    assert "Roos Redactie" in history
    assert ">3<" in history.replace(" ", "").replace("\n", "")


def test_back_to_editing_sends_nothing(client, crowd, editor, mailbox):
    client.force_login(editor)
    data = {"subject": "Programma", "body": "Tekst", "stap": "bewerken", "token": str(uuid.uuid4())}
    page = client.post(url(crowd), data).content.decode()
    assert 'value="Programma"' in page
    assert "Bekijk de mail" in page
    assert not OutgoingMail.objects.exists()


def test_bad_input_on_the_page_gives_messages(client, crowd, event, editor):
    client.force_login(editor)
    page = client.post(url(crowd), {"subject": "", "body": "", "stap": "controleren"})
    assert page.status_code == 200
    assert "Dit is een verplicht veld." in page.content.decode()
    # Nobody to mail: said plainly, nothing stored.
    page = client.post(url(event), {"subject": "Hallo", "body": "Tekst", "stap": "versturen",
                                    "token": str(uuid.uuid4())})
    assert page.status_code == 200
    assert "niemand om deze mail aan te sturen" in page.content.decode()
    assert not Broadcast.objects.exists()
    page = client.post(url(crowd), {"subject": "Hallo", "body": "Tekst", "stap": "versturen",
                                    "token": "geen-uuid"})
    assert page.status_code == 200
    assert not Broadcast.objects.exists()
