"""A broker that is down when the transaction commits delays mail but loses none."""

import logging
import socket
import threading
import time

from django.core import mail
from django.core.mail import send_mail
from django.db import transaction

import pytest

from community.outbox import services, tasks
from community.outbox.models import OutgoingMail
from tests.outbox.helpers import celery_config, clock_moved

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_backend")]

CLOSED_PORT_BROKER = "redis://127.0.0.1:6390/0"  # nothing listens there


@pytest.fixture
def silent_broker():
    """A port that accepts connections and never answers: a hung Redis.

    It closes after 20 s, resetting the connections it holds, so a client
    without socket timeouts fails the test instead of hanging it.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    closer = threading.Timer(20, listener.close)
    closer.start()
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    closer.cancel()
    listener.close()


@pytest.fixture(params=["closed", "silent"])
def broken_broker(request):
    if request.param == "closed":
        return CLOSED_PORT_BROKER
    return request.getfixturevalue("silent_broker")


def test_broker_down_at_commit_loses_no_mail(
    broken_broker, django_capture_on_commit_callbacks, caplog
):
    with celery_config(task_always_eager=False, broker_url=broken_broker):
        started = time.monotonic()
        with (
            caplog.at_level(logging.WARNING, logger="community.outbox"),
            django_capture_on_commit_callbacks(execute=True),
            transaction.atomic(),
        ):
            assert send_mail("Bevestig je e-mailadres", "…", None, ["lid@tue.example"]) == 1
        elapsed = time.monotonic() - started

    # The request still succeeds, without hanging on the broker (a guard, not a benchmark).
    assert elapsed < 10
    assert "not dispatched; the sweep will retry it" in caplog.text
    row = OutgoingMail.objects.get()
    assert (row.status, row.attempts) == (OutgoingMail.Status.QUEUED, 0)
    assert mail.outbox == []

    # Later the periodic sweep delivers it, once.
    with clock_moved(services.DISPATCH_GRACE):
        assert tasks.outbox_sweep.apply().get() == 1
        assert tasks.outbox_sweep.apply().get() == 0
    assert [message.subject for message in mail.outbox] == ["Bevestig je e-mailadres"]
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT
