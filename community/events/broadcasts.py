"""Editors mail everyone registered for an event: one outbox mail per person, sent once.

Each recipient gets a mail of their own (nobody sees the other addresses). The
mails and the `Broadcast` row that records them are written in one transaction,
so either all are queued and the history shows it, or nothing is. The token
from the confirmation form is unique: a second POST of the same form (a double
click, a browser resend) finds it taken and sends nothing.
"""

import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from community.outbox.services import outbox_enqueue

from .models import Broadcast, Registration

SUBJECT_PREFIX = "[IV-HO] "
MAX_SUBJECT_LENGTH = 200
ALREADY_SENT = "Deze mail is al verstuurd; hij staat hieronder in de lijst met verstuurde mails."
NO_RECIPIENTS = "Er is niemand om deze mail aan te sturen."


def recipient_statuses(*, include_waitlist):
    """Who hears from the editors: people with a seat (or a seat on offer), and if
    asked the waitlist. Guests who never confirmed their address are left out: we
    do not know the address is theirs."""
    statuses = [Registration.Status.CONFIRMED, Registration.Status.OFFERED]
    if include_waitlist:
        statuses.append(Registration.Status.WAITLISTED)
    return statuses


def recipients(*, event, include_waitlist=False):
    """The registrations that get the mail, one per address, by name."""
    rows = (
        event.registrations.filter(status__in=recipient_statuses(include_waitlist=include_waitlist))
        .exclude(email="")
        .order_by("name", "pk")
    )
    seen, result = set(), []
    for row in rows:
        if row.email not in seen:
            seen.add(row.email)
            result.append(row)
    return result


def recipient_count(*, event, include_waitlist=False):
    return len(recipients(event=event, include_waitlist=include_waitlist))


def _event_link(event):
    parts = event.get_url_parts()
    return f"{settings.SITE_URL}{parts[2] if parts else '/'}"


def _message(*, event, registration, subject, body):
    amsterdam = ZoneInfo(settings.TIME_ZONE)
    start = timezone.localtime(event.start, amsterdam)
    context = {
        "name": registration.name,
        "body": body,
        "event_title": event.title,
        "event_start": start,
        "event_url": _event_link(event),
        "status": registration.status,
    }
    # The editor may use the admin in English or another time zone; the mail is
    # Dutch, in Amsterdam time, all the same.
    with translation.override("nl"), timezone.override(amsterdam):
        message = EmailMultiAlternatives(
            subject=SUBJECT_PREFIX + " ".join(subject.split()),
            body=render_to_string("events/admin/email/broadcast.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string("events/admin/email/broadcast.html", context), "text/html"
        )
    return message


def registrants_mail(*, event, subject, body, sender, include_waitlist=False, token=None):
    """Queue `subject`/`body` for everyone registered for `event`; returns how many.

    `token` (a UUID from the confirmation form) makes the call idempotent: the
    same token twice raises ValidationError and queues nothing the second time.
    """
    subject = " ".join((subject or "").split())
    body = (body or "").strip()
    errors = {}
    if not subject:
        errors["subject"] = "Geef de mail een onderwerp."
    elif len(subject) > MAX_SUBJECT_LENGTH:
        errors["subject"] = f"Houd het onderwerp korter dan {MAX_SUBJECT_LENGTH} tekens."
    if not body:
        errors["body"] = "Schrijf het bericht."
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            people = recipients(event=event, include_waitlist=include_waitlist)
            if not people:
                raise ValidationError(NO_RECIPIENTS, code="no_recipients")
            Broadcast.objects.create(
                event=event,
                token=token or uuid.uuid4(),
                subject=subject,
                body=body,
                include_waitlist=include_waitlist,
                recipient_count=len(people),
                sent_by=sender,
            )
            for registration in people:
                outbox_enqueue(
                    message=_message(
                        event=event, registration=registration, subject=subject, body=body
                    )
                )
    except IntegrityError as error:
        raise ValidationError(ALREADY_SENT, code="already_sent") from error
    return len(people)


def broadcast_history(*, event):
    return event.broadcasts.select_related("sent_by")
