"""Reads of the outbox queue."""

from django.utils import timezone

from .models import OutgoingMail


def outbox_pending_ids() -> list[int]:
    """Queued mails that are due: their dispatch was lost, or they wait for a retry."""
    return list(
        OutgoingMail.objects.filter(
            status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:500]
    )
