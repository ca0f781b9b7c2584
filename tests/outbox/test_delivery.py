"""Mail goes into the outbox in the caller's transaction and out exactly once."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.mail import (
    BadHeaderError,
    EmailMessage,
    EmailMultiAlternatives,
    get_connection,
    send_mail,
)
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

import pytest

from community.outbox import services, tasks
from community.outbox.models import OutgoingMail
from tests.outbox.helpers import clock_moved, far_future

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_backend")]

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IV-HO//NL\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:netwerkdag-2026@ivho.nl\r\nDTSTART:20261204T090000Z\r\n"
    "SUMMARY:Netwerkdag Continuïteit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
PDF = b"%PDF-1.4\n\x00\xff\xfe binary \x80\x81\n%%EOF"


def send_one(subject="Welkom bij IV-HO"):
    return send_mail(subject, "Hallo!", None, ["lid@tue.example"])


def test_send_mail_queues_and_delivers_once_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert send_one() == 1
        queued = OutgoingMail.objects.get()
        assert queued.status == OutgoingMail.Status.QUEUED
        assert queued.recipients == ["lid@tue.example"]
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1

    delivered = OutgoingMail.objects.get()
    assert delivered.status == OutgoingMail.Status.SENT
    assert delivered.attempts == 1
    assert delivered.sent_at is not None
    assert [message.subject for message in mail.outbox] == ["Welkom bij IV-HO"]
    assert mail.outbox[0].to == ["lid@tue.example"]

    # Neither a later sweep nor a repeated task sends it again.
    with far_future():
        assert tasks.outbox_sweep() == 0
    assert tasks.outbox_deliver(delivered.pk) is False
    assert len(mail.outbox) == 1


def test_attachments_alternatives_and_headers_survive_the_outbox(
    django_capture_on_commit_callbacks,
):
    message = EmailMultiAlternatives(
        subject="Uitnodiging: Netwerkdag",
        body="Zie de bijlage.",
        from_email="IV-HO <agenda@ivho.nl>",
        to=["lid@tue.example"],
        cc=["collega@tue.example"],
        bcc=["archief@ivho.nl"],
        reply_to=["secretariaat@ivho.nl"],
        headers={"X-IVHO-Event": "42"},
    )
    message.attach_alternative("<p>Zie de <b>bijlage</b>.</p>", "text/html")
    message.attach("netwerkdag.ics", ICS, "text/calendar")
    message.attach("programma.pdf", PDF, "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        assert message.send() == 1

    [delivered] = mail.outbox
    assert delivered.subject == message.subject
    assert delivered.body == message.body
    assert delivered.from_email == message.from_email
    assert (delivered.to, delivered.cc, delivered.bcc, delivered.reply_to) == (
        message.to,
        message.cc,
        message.bcc,
        message.reply_to,
    )
    assert delivered.recipients() == message.recipients()
    assert delivered.extra_headers["X-IVHO-Event"] == "42"
    assert list(delivered.alternatives) == list(message.alternatives)
    assert list(delivered.attachments) == [
        ("netwerkdag.ics", ICS, "text/calendar"),
        ("programma.pdf", PDF, "application/pdf"),
    ]
    # And as it goes on the wire:
    parts = {part.get_content_type(): part for part in delivered.message().walk()}
    assert parts["text/calendar"].get_filename() == "netwerkdag.ics"
    assert "Continuïteit" in parts["text/calendar"].get_payload(decode=True).decode()
    assert parts["application/pdf"].get_payload(decode=True) == PDF
    assert "<b>bijlage</b>" in parts["text/html"].get_payload(decode=True).decode()


def test_html_body_stays_html(django_capture_on_commit_callbacks):
    """An EmailMessage whose body is HTML (content_subtype) is not sent as plain text."""
    message = EmailMessage("Nieuwsbrief", "<h1>Nieuws</h1>", to=["lid@tue.example"])
    message.content_subtype = "html"
    with django_capture_on_commit_callbacks(execute=True):
        message.send()
    [delivered] = mail.outbox
    assert delivered.message().get_content_type() == "text/html"


def test_rolled_back_transaction_leaves_no_mail(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_one()
        assert OutgoingMail.objects.count() == 1
        raise RuntimeError("the registration failed half-way")
    assert callbacks == []
    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []


def test_bad_header_fails_the_caller_not_the_delivery():
    with pytest.raises(BadHeaderError):
        send_one(subject="Welkom\nBcc: iedereen@example.com")
    assert not OutgoingMail.objects.exists()


def test_mail_without_recipients_is_not_queued():
    # Straight to the backend: EmailMessage.send() itself skips such a mail.
    assert get_connection().send_messages([EmailMessage("Aan niemand", "…", to=[])]) == 0
    assert not OutgoingMail.objects.exists()


def test_delivering_the_same_mail_twice_sends_it_once():
    """A retried or duplicated task (acks_late, a sweep racing it) sends nothing more."""
    send_one()  # the test's transaction never commits, so nothing is dispatched
    mail_id = OutgoingMail.objects.get().pk

    assert tasks.outbox_deliver.apply(args=[mail_id]).get() is True
    assert tasks.outbox_deliver.apply(args=[mail_id]).get() is False
    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.get().attempts == 1


def test_failing_server_is_retried_with_backoff_then_given_up(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.outbox.backends.FailingBackend"
    send_one()
    row = OutgoingMail.objects.get()

    delays = []
    for attempt in range(1, services.MAX_ATTEMPTS):
        assert services.outbox_deliver(mail_id=row.pk) is False
        row.refresh_from_db()
        assert row.status == OutgoingMail.Status.QUEUED
        assert row.attempts == attempt
        assert row.last_error.startswith("SMTPServerDisconnected: Connection unexpectedly")
        delays.append(row.next_attempt_at)
    assert delays == sorted(delays)

    assert services.outbox_deliver(mail_id=row.pk) is False
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.FAILED
    assert row.attempts == services.MAX_ATTEMPTS

    # Given up for good: a working server later does not resurrect it.
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with far_future():
        assert tasks.outbox_sweep() == 0
    assert services.outbox_deliver(mail_id=row.pk) is False
    assert mail.outbox == []
    row.refresh_from_db()
    assert row.attempts == services.MAX_ATTEMPTS


def test_sweep_waits_for_the_retry_delay(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.outbox.backends.FailingBackend"
    send_one()
    row = OutgoingMail.objects.get()
    assert services.outbox_deliver(mail_id=row.pk) is False  # first try: 2 minutes' pause

    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with clock_moved(timedelta(minutes=1)):
        assert tasks.outbox_sweep() == 0
    assert mail.outbox == []
    with clock_moved(timedelta(minutes=2, seconds=1)):
        assert tasks.outbox_sweep() == 1
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (OutgoingMail.Status.SENT, 2, "")


def test_sweep_leaves_a_fresh_mail_to_its_own_task():
    send_one()
    assert tasks.outbox_sweep() == 0
    with clock_moved(services.DISPATCH_GRACE + timedelta(seconds=1)):
        assert tasks.outbox_sweep() == 1
    assert len(mail.outbox) == 1


def test_prune_deletes_sent_and_failed_mail_past_the_keep_days(settings):
    settings.OUTBOX_KEEP_DAYS = 7
    now = timezone.now()

    def row(status, sent_days_ago=None):
        sent_at = None if sent_days_ago is None else now - timedelta(days=sent_days_ago)
        return OutgoingMail.objects.create(
            subject=f"{status} {sent_days_ago}", payload={}, status=status, sent_at=sent_at
        ).pk

    old_sent = row(OutgoingMail.Status.SENT, sent_days_ago=8)
    old_failed = row(OutgoingMail.Status.FAILED)
    old_queued = row(OutgoingMail.Status.QUEUED)
    OutgoingMail.objects.filter(pk__in=[old_failed, old_queued]).update(
        created_at=now - timedelta(days=30)
    )
    kept = {
        old_queued,  # still to be delivered: never pruned
        row(OutgoingMail.Status.SENT, sent_days_ago=6),
        row(OutgoingMail.Status.FAILED),
    }

    assert tasks.outbox_prune() == 2
    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == kept
    assert not OutgoingMail.objects.filter(pk__in=[old_sent, old_failed]).exists()


def test_sweep_command_delivers_due_mail_without_a_broker():
    send_one()
    out = StringIO()
    with clock_moved(services.DISPATCH_GRACE + timedelta(seconds=1)):
        call_command("outbox_sweep", stdout=out)
    assert "Verzonden: 1" in out.getvalue()
    assert len(mail.outbox) == 1
