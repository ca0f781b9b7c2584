"""Queueing and delivering outbox mail (reads of the queue are in `selectors`)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutgoingMail
from .serialization import message_to_payload, payload_to_message

logger = logging.getLogger(__name__)

# Failed deliveries are retried by the sweep after 2, 4, 8, … minutes, at most
# 4 hours apart: ten attempts span about 12 hours of mail server outage.
MAX_ATTEMPTS = 10
MAX_RETRY_DELAY = timedelta(hours=4)
# The task dispatched on commit normally delivers a new mail; the sweep leaves
# it alone for this long so the two do not race for it.
DISPATCH_GRACE = timedelta(seconds=30)


def outbox_enqueue(*, message: EmailMessage) -> OutgoingMail:
    """Store `message` and ask a worker to deliver it once the transaction commits."""
    # Build the MIME message now, as an SMTP backend would: a bad header
    # (BadHeaderError) fails the caller instead of every later attempt.
    message.message()
    mail = OutgoingMail.objects.create(
        subject=str(message.subject)[:998],
        recipients=[str(address) for address in message.recipients()],
        payload=message_to_payload(message),
        next_attempt_at=timezone.now() + DISPATCH_GRACE,
    )
    transaction.on_commit(lambda: _dispatch(mail.pk))
    return mail


def _dispatch(mail_id: int) -> None:
    from .tasks import outbox_deliver

    try:
        outbox_deliver.delay(mail_id)
    except Exception:
        # The broker is unreachable: the row stays queued and the periodic
        # sweep delivers it once the broker is back.
        logger.warning(
            "Outbox mail %s not dispatched; the sweep will retry it.", mail_id, exc_info=True
        )


def outbox_deliver(*, mail_id: int) -> bool:
    """Send one queued mail. Returns True when this call sent it.

    The row is locked while sending (other callers skip it), and marked sent
    in the same transaction, so a retried or duplicated task never sends the
    same mail twice.
    """
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=OutgoingMail.Status.QUEUED)
            .first()
        )
        if mail is None:
            return False
        mail.attempts += 1
        try:
            connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=False)
            payload_to_message(mail.payload, connection=connection).send()
        except Exception as error:
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts >= MAX_ATTEMPTS:
                mail.status = OutgoingMail.Status.FAILED
                logger.exception("Outbox mail %s failed for good.", mail.pk)
            else:
                mail.next_attempt_at = timezone.now() + _retry_delay(mail.attempts)
                logger.exception("Outbox mail %s failed (attempt %s).", mail.pk, mail.attempts)
            mail.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return False
        mail.status = OutgoingMail.Status.SENT
        mail.sent_at = timezone.now()
        mail.last_error = ""
        mail.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return True


def _retry_delay(attempts: int) -> timedelta:
    return min(timedelta(minutes=2**attempts), MAX_RETRY_DELAY)


def outbox_prune(*, keep_days: int | None = None) -> int:
    """Delete sent and failed mail after a while: it holds personal data (AVG).

    Queued mail is never deleted; failed mail is kept as long as sent mail, so
    someone can see what went wrong.
    """
    keep_days = settings.OUTBOX_KEEP_DAYS if keep_days is None else keep_days
    cutoff = timezone.now() - timedelta(days=keep_days)
    deleted, _ = OutgoingMail.objects.filter(
        Q(status=OutgoingMail.Status.SENT, sent_at__lt=cutoff)
        | Q(status=OutgoingMail.Status.FAILED, created_at__lt=cutoff)
    ).delete()
    return deleted
