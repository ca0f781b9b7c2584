"""The mail outbox: every mail is a row before it is a message on the wire."""

from django.db import models
from django.utils import timezone


class OutgoingMail(models.Model):
    """One e-mail message, stored in the transaction that caused it.

    `payload` holds what is needed to rebuild the message (see `serialization`).
    Delivery locks the row and marks it sent in the same transaction, so a
    retried or duplicated task does not send it twice. (Only a crash between the
    mail server accepting the message and that commit can repeat a mail.)
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "in wachtrij"
        SENT = "sent", "verzonden"
        FAILED = "failed", "mislukt"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    subject = models.CharField(max_length=998)
    recipients = models.JSONField(default=list)
    payload = models.JSONField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # When the periodic sweep may (re)try a queued mail: backs off after failures.
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "uitgaande e-mail"
        verbose_name_plural = "uitgaande e-mails"
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.recipients)}"
