"""Concurrent deliveries of one row send one mail (PostgreSQL row locks)."""

import threading

from django.core import mail
from django.core.mail import EmailMessage
from django.db import connection

import pytest

from community.outbox import selectors, services
from community.outbox.models import OutgoingMail
from community.outbox.serialization import message_to_payload
from tests.outbox.backends import BlockingBackend
from tests.outbox.helpers import LOCMEM_BACKEND, far_future, requires_postgres

pytestmark = [pytest.mark.postgres, requires_postgres, pytest.mark.django_db(transaction=True)]


def queued_mail(subject="Herinnering netwerkdag"):
    message = EmailMessage(subject, "Tot morgen!", to=["lid@tue.example"])
    return OutgoingMail.objects.create(
        subject=subject, recipients=message.recipients(), payload=message_to_payload(message)
    )


def in_thread(function, results, key):
    def run():
        try:
            results[key] = function()
        finally:
            connection.close()  # each thread has its own database connection

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.fixture
def blocking_backend(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.outbox.backends.BlockingBackend"
    BlockingBackend.sending = threading.Event()
    BlockingBackend.release = threading.Event()
    yield BlockingBackend
    BlockingBackend.release.set()


def test_second_delivery_skips_a_row_being_sent(blocking_backend):
    row = queued_mail()
    results = {}

    first = in_thread(lambda: services.outbox_deliver(mail_id=row.pk), results, "first")
    assert blocking_backend.sending.wait(timeout=10), "the first delivery never started"
    # The first delivery holds the row lock, mid-send. The second must not wait
    # for it (skip_locked) and must not send.
    second = in_thread(lambda: services.outbox_deliver(mail_id=row.pk), results, "second")
    second.join(timeout=10)
    second_done_while_first_sending = not second.is_alive()
    blocking_backend.release.set()
    first.join(timeout=10)
    second.join(timeout=10)

    assert results == {"first": True, "second": False}
    assert second_done_while_first_sending
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingMail.Status.SENT, 1)


def test_racing_sweeps_send_every_mail_once(settings):
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM_BACKEND
    subjects = {f"Mail {number}" for number in range(30)}
    for subject in subjects:
        queued_mail(subject)
    start = threading.Barrier(4)
    results = {}

    def sweep():
        start.wait(timeout=10)
        return sum(services.outbox_deliver(mail_id=pk) for pk in selectors.outbox_pending_ids())

    with far_future():
        threads = [in_thread(sweep, results, number) for number in range(4)]
        for thread in threads:
            thread.join(timeout=30)

    assert sum(results.values()) == 30
    assert sorted(message.subject for message in mail.outbox) == sorted(subjects)
    assert not OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).exists()
