"""The mails about registrations. Each function returns a message for `outbox_enqueue`.

The services queue them in the same transaction as the change they report.
Every mail names the event, its time in Dutch time and a link to the
person's registration page (a signed token): from there they confirm, take
an offered seat or cancel, always with a button (POST), never by merely
opening the link, which mail scanners do.

Every mail is built in Dutch and Amsterdam time (`_in_dutch`), whoever causes
it: an editor with an English admin publishing a change included. The online
link goes only to people with a seat (confirmation, reminder, update).
"""

import functools
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from .calendar import cancellation_ics, event_ics, event_url
from .selectors import cancellation_deadline, place_description, waitlist_position
from .tokens import registration_token

SUBJECT_PREFIX = "[IV-HO] "
ICS_MIMETYPE = "text/calendar"


def _in_dutch(build):
    """Build the mail in Dutch and Dutch time, whatever the request's language or zone."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        with translation.override("nl"), timezone.override(ZoneInfo(settings.TIME_ZONE)):
            return build(*args, **kwargs)

    return wrapper


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def manage_link(registration):
    token = registration_token(registration=registration)
    return absolute(reverse("events:manage", args=[token]))


def when(event):
    """'dinsdag 27 oktober 2026, 10:00 – 16:00' in Dutch time, across days if need be."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    first = date_format(start, "l j F Y, H:i")
    if start.date() == end.date():
        return f"{first} – {date_format(end, 'H:i')}"
    return f"{first} – {date_format(end, 'l j F Y, H:i')}"


def _context(registration, *, with_online_link=False, **extra):
    event = registration.event
    deadline = cancellation_deadline(event)
    return {
        "name": registration.name,
        "event": event,
        "when": when(event),
        "place": place_description(event),
        "event_url": event_url(event),
        "manage_url": manage_link(registration),
        "cancel_until": date_format(timezone.localtime(deadline), "l j F Y, H:i"),
        "answers": registration.answers,
        "site_url": settings.SITE_URL,
        # Only mails to seat holders pass with_online_link and so show the link.
        "online_url": event.online_url if with_online_link else "",
        **extra,
    }


def _message(*, registration, subject, template, context=None, ics=False, cancel_ics=False):
    message = EmailMultiAlternatives(
        subject=SUBJECT_PREFIX + " ".join(subject.split()),
        body=render_to_string(
            f"events/email/{template}.txt", context or _context(registration)
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    if ics:
        message.attach(
            "bijeenkomst.ics", event_ics(registration.event, with_online_link=True), ICS_MIMETYPE
        )
    if cancel_ics:
        message.attach(
            "bijeenkomst.ics",
            cancellation_ics(registration.event, attendee=registration.email),
            ICS_MIMETYPE,
        )
    return message


@_in_dutch
def confirmation(*, registration):
    event = registration.event
    return _message(
        registration=registration, subject=f"Aanmelding bevestigd: {event.title}",
        template="confirmation", ics=True,
        context=_context(registration, with_online_link=True),
    )


@_in_dutch
def waitlisted(*, registration):
    event = registration.event
    return _message(
        registration=registration, subject=f"Je staat op de wachtlijst: {event.title}",
        template="waitlisted",
        context=_context(registration, position=waitlist_position(registration=registration)),
    )


@_in_dutch
def offer(*, registration):
    event = registration.event
    deadline = date_format(timezone.localtime(registration.offer_expires_at), "l j F Y, H:i")
    return _message(
        registration=registration, subject=f"Er is een plek vrij: {event.title}",
        template="offer", context=_context(registration, offer_until=deadline),
    )


@_in_dutch
def offer_expired(*, registration):
    event = registration.event
    return _message(
        registration=registration, subject=f"Aanbod verlopen: {event.title}",
        template="offer_expired",
    )


@_in_dutch
def cancelled(*, registration, by_editor=False, remove_from_calendar=False):
    """With `remove_from_calendar` (they had a seat, so an .ics) a METHOD:CANCEL file."""
    event = registration.event
    return _message(
        registration=registration, subject=f"Afgemeld: {event.title}",
        template="cancelled",
        context=_context(
            registration, by_editor=by_editor, remove_from_calendar=remove_from_calendar
        ),
        cancel_ics=remove_from_calendar,
    )


@_in_dutch
def guest_confirmation(*, registration):
    """To an address nobody has confirmed yet: it greets neutrally and holds nothing the
    sender of the form chose (no name, no answers), so the form cannot be used to
    mail someone text of a stranger's choosing."""
    event = registration.event
    return _message(
        registration=registration, subject=f"Bevestig je aanmelding: {event.title}",
        template="guest_confirmation",
    )


@_in_dutch
def reminder(*, registration):
    event = registration.event
    return _message(
        registration=registration, subject=f"Morgen: {event.title}",
        template="reminder", ics=True,
        context=_context(registration, with_online_link=True),
    )


@_in_dutch
def event_changed(*, registration, reinstated=False):
    event = registration.event
    subject = f"Gaat toch door: {event.title}" if reinstated else f"Gewijzigd: {event.title}"
    seat = registration.status == registration.Status.CONFIRMED
    return _message(
        registration=registration, subject=subject, template="event_changed",
        context=_context(registration, reinstated=reinstated, with_online_link=seat),
        ics=seat,  # the file holds the online link too
    )


@_in_dutch
def event_cancelled(*, registration):
    """People with a seat get a METHOD:CANCEL file that takes the entry out of their calendar."""
    event = registration.event
    return _message(
        registration=registration, subject=f"Geannuleerd: {event.title}",
        template="event_cancelled", cancel_ics=registration.holds_seat,
    )
