"""Writes for network-meeting registrations: seats, the waitlist, mail.

Every function takes keyword arguments only, runs in one transaction and,
before it changes who holds a seat, locks the event's `EventSeats` row
(SELECT … FOR UPDATE). Counting seats and writing the registration happen under
that lock, so forty people clicking at once can never take eleven of ten seats;
the partial unique constraints on Registration catch a double registration
that slips past the check. Mails are outbox rows written in the same
transaction as the change they report (community.outbox): a rolled-back change
sends nothing, a committed one is delivered exactly once.

A rule broken by the input raises RegistrationError with a Dutch message for
the person; nothing is stored before every check has passed.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format

from cms.visibility import user_is_member
from community.members.models import Profile
from community.outbox.services import outbox_enqueue

from . import mails
from .models import CalendarFeed, EventPage, EventSeats, Registration, new_feed_token
from .selectors import cancellation_deadline, institution_seat_counts, place_key, seats_taken

logger = logging.getLogger(__name__)

Status = Registration.Status

# The reminder goes out about this long before the start (beat runs every 15 minutes).
REMINDER_BEFORE = timedelta(hours=24)
# A guest may ask for their confirmation mail again after this long.
RESEND_AFTER = timedelta(minutes=10)
# A guest who has not confirmed their address within this long loses the sign-up
# (and so does everyone unconfirmed once the event starts): the address stays free
# for its owner, who may be a member (see registration_create).
UNCONFIRMED_EXPIRE_AFTER = timedelta(days=3)


class RegistrationError(ValidationError):
    """A registration rule said no; `messages` holds what to tell the person."""


# --- Messages (shared with the views, so the page and the service say the same) ----

EVENT_CANCELLED = "Deze bijeenkomst is geannuleerd; aanmelden is niet meer mogelijk."
EVENT_STARTED = "Deze bijeenkomst is al begonnen of voorbij; aanmelden kan niet meer."
NOT_ENABLED = "Voor deze bijeenkomst meld je je niet via het platform aan."
NOT_PUBLISHED = "Deze bijeenkomst is niet (meer) gepubliceerd."
NOT_YET_OPEN = "De aanmelding opent op {moment}."
CLOSED = "De aanmelding is gesloten."
MEMBERS_ONLY = (
    "Aanmelden kan alleen als goedgekeurd lid van het kennisnetwerk. Is je lidmaatschap "
    "nog in afwachting? Dan hoor je van ons zodra het is goedgekeurd."
)
NOT_FOR_GUESTS = "Deze bijeenkomst is alleen voor leden van het kennisnetwerk."
ALREADY = {
    Status.UNCONFIRMED: (
        "Je hebt je al aangemeld. Bevestig je e-mailadres met de link in de mail die we "
        "je stuurden."
    ),
    Status.CONFIRMED: "Je bent al aangemeld voor deze bijeenkomst.",
    Status.WAITLISTED: "Je staat al op de wachtlijst voor deze bijeenkomst.",
    Status.OFFERED: (
        "Er is een plek voor je vrijgekomen. Bevestig die met de link in je mail of op "
        "de pagina van de bijeenkomst."
    ),
}
ALREADY_OTHER = "Dit e-mailadres is al aangemeld voor deze bijeenkomst."
GUEST_FIELDS_MISSING = "Vul je naam, e-mailadres en instelling in."
ANSWER_REQUIRED = "Beantwoord de vraag: {question}"
ANSWER_NOT_A_CHOICE = "Kies bij “{question}” een van de gegeven antwoorden."
NOT_ACTIVE = "Deze aanmelding is al afgemeld of verlopen."
CANCEL_DEADLINE_PASSED = (
    "Afmelden via het platform kon tot {moment}. Kun je toch niet komen? Laat het de "
    "organisatie weten door op de bevestigingsmail te antwoorden."
)
NOT_UNCONFIRMED = "Deze aanmelding is al bevestigd."
UNCONFIRMED_EXPIRED = (
    "Deze aanmelding is verlopen: je hebt je e-mailadres niet binnen drie dagen "
    "bevestigd. Meld je opnieuw aan op de pagina van de bijeenkomst."
)
NO_OFFER = "Er staat voor jou geen plek klaar bij deze bijeenkomst."
OFFER_EXPIRED = (
    "Het aanbod is verlopen: de plek is aangeboden aan de volgende op de wachtlijst."
)


def _moment(value):
    return date_format(timezone.localtime(value), "l j F Y, H:i")


# --- The lock ---------------------------------------------------------------------------


def _lock_seats(event):
    """Lock the event's seat row, creating it the first time.

    A new row starts out "told about" the event as it is now, so a later
    publish only mails registrants about what really changed.
    """
    seats, _ = EventSeats.objects.select_for_update().get_or_create(
        event_id=event.pk,
        defaults={
            "notified_start": event.start,
            "notified_end": event.end,
            "notified_place": place_key(event),
            "notified_cancelled": event.cancelled,
        },
    )
    return seats


def _locked(registration):
    """Re-read a registration after taking the lock: the caller's copy may be stale."""
    return Registration.objects.select_for_update().select_related("event").get(
        pk=registration.pk
    )


# --- Checks -------------------------------------------------------------------------------


def _check_event_open(*, event, now, by_editor):
    if not event.live and not by_editor:
        raise RegistrationError(NOT_PUBLISHED, code="not_published")
    if not event.registration_enabled:
        raise RegistrationError(NOT_ENABLED, code="not_enabled")
    if event.cancelled:
        raise RegistrationError(EVENT_CANCELLED, code="cancelled")
    if event.start <= now:
        raise RegistrationError(EVENT_STARTED, code="started")
    if by_editor:
        return
    if event.registration_opens_at and now < event.registration_opens_at:
        raise RegistrationError(
            NOT_YET_OPEN.format(moment=_moment(event.registration_opens_at)), code="not_open"
        )
    if event.registration_closes_at and now >= event.registration_closes_at:
        raise RegistrationError(CLOSED, code="closed")


def _clean_answers(*, event, answers, by_editor):
    """The answers as stored: one per question, in the editor's order, with its label.

    An editor adding someone by hand may leave required questions open.
    """
    given = {}
    for item in answers or []:
        question = str(item.get("question", "")).strip()
        given[question] = str(item.get("answer", "") or "").strip()[:1000]
    cleaned = []
    for question in event.registration_questions.all():
        answer = given.get(question.label, "")
        if not answer:
            if question.required and not by_editor:
                raise RegistrationError(
                    ANSWER_REQUIRED.format(question=question.label), code="answer_required"
                )
            continue
        if question.kind == question.Kind.CHOICE and answer not in question.choice_list:
            raise RegistrationError(
                ANSWER_NOT_A_CHOICE.format(question=question.label), code="answer_choice"
            )
        cleaned.append({"question": question.label, "answer": answer})
    return cleaned


def _existing(*, event, user=None, email=""):
    """The active registration of this member or address (the member's own first), or None."""
    condition = Q(email=email.strip().lower())
    if user is not None:
        condition |= Q(user=user)
    rows = list(
        Registration.objects.filter(event_id=event.pk, status__in=Registration.ACTIVE)
        .filter(condition)[:2]
    )
    rows.sort(key=lambda row: user is None or row.user_id != user.pk)
    return rows[0] if rows else None


def _already_error(existing, *, own=True):
    message = ALREADY.get(existing.status, ALREADY_OTHER) if own else ALREADY_OTHER
    return RegistrationError(message, code="duplicate")


def _member_details(user):
    profile = Profile.objects.select_related("institution").filter(user=user).first()
    institution = profile.institution if profile is not None else None
    name = profile.name if profile is not None else (user.get_full_name() or user.email)
    return {
        "name": name[:150],
        "email": user.email,
        "institution": institution,
        "institution_name": institution.name if institution is not None else "",
    }


def _guest_details(guest):
    guest = guest or {}
    name = " ".join(str(guest.get("name", "")).split())
    email = str(guest.get("email", "")).strip().lower()
    institution = guest.get("institution")
    institution_name = " ".join(str(guest.get("institution_name", "") or "").split())
    if institution is not None and not institution_name:
        institution_name = institution.name
    if not (name and email and institution_name):
        raise RegistrationError(GUEST_FIELDS_MISSING, code="guest_fields")
    return {
        "name": name[:150],
        "email": email,
        "institution": institution,
        "institution_name": institution_name[:160],
    }


# --- Seats ------------------------------------------------------------------------------------


def _has_seat_for(*, event, institution_id, respect_institution_cap=True):
    """Is a seat free for someone of this institution? Call only under the lock."""
    if event.capacity is not None and seats_taken(event=event) >= event.capacity:
        return False
    if respect_institution_cap and event.max_per_institution and institution_id:
        held = institution_seat_counts(event=event).get(institution_id, 0)
        if held >= event.max_per_institution:
            return False
    return True


def _seat_or_waitlist(registration, *, now, seat):
    """Set the fields for a seat or a waitlist place (the caller saves).

    Someone confirmed within a day of the start gets no separate reminder:
    the confirmation itself is the reminder.
    """
    if seat:
        registration.status = Status.CONFIRMED
        registration.offer_expires_at = None
        if registration.event.start - now <= REMINDER_BEFORE:
            registration.reminder_sent_at = now
    else:
        registration.status = Status.WAITLISTED
        registration.waitlisted_at = registration.waitlisted_at or now


def _mail_placement(registration):
    """The confirmation (with the .ics file) or the waitlist mail, into the outbox."""
    if registration.status == Status.CONFIRMED:
        outbox_enqueue(message=mails.confirmation(registration=registration))
    else:
        outbox_enqueue(message=mails.waitlisted(registration=registration))


def _confirm(registration, *, now):
    _seat_or_waitlist(registration, now=now, seat=True)
    registration.save()
    _mail_placement(registration)


def _seat_free_for(registration, *, by_editor=False, force_seat=False):
    return force_seat or _has_seat_for(
        event=registration.event, institution_id=registration.institution_id,
        respect_institution_cap=not by_editor,
    )


def _place(registration, *, now, by_editor=False, force_seat=False):
    """A seat if one is free (or forced), otherwise the waitlist; saved and mailed."""
    seat = _seat_free_for(registration, by_editor=by_editor, force_seat=force_seat)
    _seat_or_waitlist(registration, now=now, seat=seat)
    registration.save()
    _mail_placement(registration)


def _offer_deadline(event, now):
    # Never after the start: an offer nobody can use in time is no offer.
    return min(now + timedelta(hours=event.offer_hours), event.start)


def _fill_seats(event, *, now):
    """Offer free seats to the first eligible people on the waitlist. Under the lock.

    "Eligible": their institution is below its maximum. Someone whose
    institution is full keeps their place in the queue for a seat of their own
    institution. Returns the registrations that got an offer.
    """
    if event.cancelled or event.start <= now:
        return []
    offered = []
    skipped = set()
    while True:
        if event.capacity is not None and seats_taken(event=event) >= event.capacity:
            break
        counts = institution_seat_counts(event=event) if event.max_per_institution else {}
        full_institutions = {
            pk for pk, held in counts.items() if held >= (event.max_per_institution or 0)
        }
        candidate = (
            Registration.objects.select_for_update()
            .select_related("event")
            .filter(event_id=event.pk, status=Status.WAITLISTED)
            .exclude(pk__in=skipped)
            .exclude(institution_id__in=full_institutions)
            .order_by("waitlisted_at", "pk")
            .first()
        )
        if candidate is None:
            break
        candidate.status = Status.OFFERED
        candidate.offer_expires_at = _offer_deadline(event, now)
        candidate.save()
        outbox_enqueue(message=mails.offer(registration=candidate))
        offered.append(candidate)
        skipped.add(candidate.pk)
    return offered


# --- Registering ------------------------------------------------------------------------------


@transaction.atomic
def registration_create(
    *, event, user=None, guest=None, answers=None, added_by=None, force_seat=False
):
    """Register a member (`user`) or a guest (`guest` dict) for `event`.

    A member gets a seat or, when the event or their institution is full, a
    place on the waitlist. A guest starts unconfirmed and gets a mail to
    confirm their address; the seat is decided then (`guest_confirm`). An
    editor (`added_by`) is not held to the registration window or the
    per-institution maximum, and with `force_seat` gets a seat even when full.
    """
    if (user is None) == (guest is None):
        raise ValueError("Pass exactly one of user and guest.")
    by_editor = added_by is not None
    now = timezone.now()
    _check_event_open(event=event, now=now, by_editor=by_editor)
    if user is not None:
        if not user_is_member(user):
            raise RegistrationError(MEMBERS_ONLY, code="not_member")
        details = _member_details(user)
    else:
        if not (event.open_to_guests or by_editor):
            raise RegistrationError(NOT_FOR_GUESTS, code="not_for_guests")
        details = _guest_details(guest)
    cleaned_answers = _clean_answers(event=event, answers=answers, by_editor=by_editor)

    _lock_seats(event)
    existing = _existing(event=event, user=user, email=details["email"])
    if _is_unconfirmed_guest_again(existing, user=user, by_editor=by_editor):
        return _guest_confirmation_resend(existing, now=now)
    if _is_unconfirmed_guest_of_member(existing, user=user):
        return _guest_takeover(
            _locked(existing), user=user, details=details, answers=cleaned_answers,
            added_by=added_by, now=now, by_editor=by_editor, force_seat=force_seat,
        )
    if existing is not None:
        # A guest using a member's address is told the address is taken, no more.
        own = existing.user_id == (user.pk if user is not None else None)
        raise _already_error(existing, own=own)

    registration = Registration(
        event=event, user=user, answers=cleaned_answers, added_by=added_by, **details
    )
    is_guest = user is None and not by_editor
    if not is_guest:  # a guest's place is decided when they confirm their address
        seat = _seat_free_for(registration, by_editor=by_editor, force_seat=force_seat)
        _seat_or_waitlist(registration, now=now, seat=seat)
    try:
        # A savepoint: the unique constraint is the last line of defence (a
        # second request that got past the check), and turns into a message.
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        existing = _existing(event=event, user=user, email=details["email"])
        if existing is None:
            raise
        raise _already_error(existing) from None

    if is_guest:
        outbox_enqueue(message=mails.guest_confirmation(registration=registration))
    else:
        _mail_placement(registration)
    return registration


def _is_unconfirmed_guest_again(existing, *, user, by_editor):
    return bool(
        existing is not None and user is None and not by_editor
        and existing.user_id is None and existing.status == Status.UNCONFIRMED
    )


def _is_unconfirmed_guest_of_member(existing, *, user):
    """A guest sign-up nobody confirmed, with the address of the member now registering.

    Whoever made it never proved the address is theirs; the member's account has.
    """
    return bool(
        existing is not None and user is not None and existing.user_id is None
        and existing.status == Status.UNCONFIRMED
    )


def _guest_takeover(registration, *, user, details, answers, added_by, now, by_editor,
                    force_seat):
    """The member takes over an unconfirmed guest row with their address, then is placed."""
    registration.user = user
    registration.answers = answers
    registration.added_by = added_by
    for field, value in details.items():
        setattr(registration, field, value)
    _place(registration, now=now, by_editor=by_editor, force_seat=force_seat)
    return registration


def _guest_confirmation_resend(registration, *, now):
    """A guest who lost the confirmation mail signs up again: send it again.

    At most once per RESEND_AFTER, so the form cannot flood someone's inbox.
    """
    if registration.updated_at <= now - RESEND_AFTER:
        registration.save(update_fields=["updated_at"])
        outbox_enqueue(message=mails.guest_confirmation(registration=registration))
    return registration


@transaction.atomic
def guest_confirm(*, registration):
    """A guest confirmed their e-mail address: now they get a seat or a waitlist place.

    Clicking the link twice is harmless: an already-placed registration is
    returned as it is.
    """
    _lock_seats(registration.event)
    registration = _locked(registration)
    if registration.status != Status.UNCONFIRMED:
        if registration.is_active:
            return registration
        raise RegistrationError(NOT_ACTIVE, code="not_active")
    event = registration.event
    now = timezone.now()
    if event.cancelled:
        raise RegistrationError(EVENT_CANCELLED, code="cancelled")
    if event.start <= now:
        raise RegistrationError(EVENT_STARTED, code="started")
    if registration.created_at <= now - UNCONFIRMED_EXPIRE_AFTER:
        raise RegistrationError(UNCONFIRMED_EXPIRED, code="unconfirmed_expired")
    _place(registration, now=now)
    return registration


@transaction.atomic
def offer_accept(*, registration):
    """Someone from the waitlist takes the seat offered to them (before the deadline)."""
    _lock_seats(registration.event)
    registration = _locked(registration)
    if registration.status == Status.CONFIRMED:
        return registration  # a second click: no second confirmation mail
    if registration.status == Status.EXPIRED:
        raise RegistrationError(OFFER_EXPIRED, code="offer_expired")
    if registration.status != Status.OFFERED:
        raise RegistrationError(NO_OFFER, code="no_offer")
    now = timezone.now()
    if registration.offer_expires_at <= now:
        raise RegistrationError(OFFER_EXPIRED, code="offer_expired")
    if registration.event.cancelled:
        raise RegistrationError(EVENT_CANCELLED, code="cancelled")
    if registration.event.start <= now:
        raise RegistrationError(EVENT_STARTED, code="started")
    _confirm(registration, now=now)
    return registration


# --- Cancelling -----------------------------------------------------------------------------------


def _raise_ics_sequence(event_id):
    EventSeats.objects.filter(event_id=event_id).update(ics_sequence=F("ics_sequence") + 1)


def _cancel(registration, *, now, notify=True, by_editor=False):
    """Cancel a locked registration and pass a freed seat on to the waitlist."""
    held_seat = registration.holds_seat
    in_calendar = registration.status == Status.CONFIRMED  # they got an .ics file
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.offer_expires_at = None
    registration.save()
    if in_calendar:
        # The cancellation's .ics must outrank the file they hold ...
        _raise_ics_sequence(registration.event_id)
    if notify and registration.email:
        outbox_enqueue(
            message=mails.cancelled(
                registration=registration, by_editor=by_editor, remove_from_calendar=in_calendar
            )
        )
    if in_calendar:
        # ... and the file of a later registration must outrank the cancellation.
        _raise_ics_sequence(registration.event_id)
    if held_seat:
        _fill_seats(registration.event, now=now)


@transaction.atomic
def registration_cancel(*, registration, by=None):
    """Cancel a registration: by the person until the deadline, by an editor (`by`) any time.

    A freed seat is offered to the first eligible person on the waitlist.
    """
    _lock_seats(registration.event)
    registration = _locked(registration)
    if not registration.is_active:
        raise RegistrationError(NOT_ACTIVE, code="not_active")
    now = timezone.now()
    deadline = cancellation_deadline(registration.event)
    # The deadline protects the organisers from late no-shows. Leaving the waitlist,
    # an unconfirmed sign-up or declining an offered seat is always allowed.
    if by is None and registration.status == Status.CONFIRMED and now > deadline:
        raise RegistrationError(
            CANCEL_DEADLINE_PASSED.format(moment=_moment(deadline)), code="deadline"
        )
    _cancel(registration, now=now, by_editor=by is not None)
    return registration


# --- Periodic work ------------------------------------------------------------------------------


def offers_expire(*, now=None):
    """Expire offers past their deadline and offer the seats to the next in line.

    One transaction per event, so one busy event does not hold up the rest.
    Guest sign-ups left unconfirmed for UNCONFIRMED_EXPIRE_AFTER, or until the
    event started, expire too (they hold no seat, so nobody moves up).
    Returns the number of offers that expired.
    """
    now = now or timezone.now()
    Registration.objects.filter(status=Status.UNCONFIRMED).filter(
        Q(created_at__lte=now - UNCONFIRMED_EXPIRE_AFTER) | Q(event__start__lte=now)
    ).update(status=Status.EXPIRED, updated_at=now)

    event_ids = (
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    expired = 0
    for event in EventPage.objects.filter(pk__in=list(event_ids)):
        with transaction.atomic():
            _lock_seats(event)
            due = list(
                Registration.objects.select_for_update()
                .select_related("event")
                .filter(event_id=event.pk, status=Status.OFFERED, offer_expires_at__lte=now)
            )
            for registration in due:
                registration.status = Status.EXPIRED
                registration.save()
                # After a cancellation everyone already got the cancellation mail.
                if not event.cancelled:
                    outbox_enqueue(message=mails.offer_expired(registration=registration))
            expired += len(due)
            _fill_seats(event, now=now)
    return expired


def reminders_send(*, now=None):
    """Remind everyone with a seat, once, about a day before the event starts.

    `reminder_sent_at` is set in the same transaction as the outbox row, and the
    row is locked (skipping rows another run holds): two overlapping runs send
    one reminder, not two.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        anonymised_at__isnull=True,
        event__live=True,
        event__cancelled=False,
        event__start__gt=now,
        event__start__lte=now + REMINDER_BEFORE,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(skip_locked=True)
                .select_related("event")
                .filter(pk=pk, status=Status.CONFIRMED, reminder_sent_at__isnull=True)
                .first()
            )
            if registration is None:
                continue
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at", "updated_at"])
            outbox_enqueue(message=mails.reminder(registration=registration))
            sent += 1
    return sent


@transaction.atomic
def event_changes_notify(*, event):
    """After a publish: tell registrants once about a new time or place, or a cancellation.

    The seat row remembers what registrants were last told; comparing against
    it under the lock makes a second publish of the same change send nothing.
    A publish that raised the capacity offers the new seats to the waitlist.
    Returns the number of mails queued.
    """
    seats = _lock_seats(event)
    now = timezone.now()
    place = place_key(event)
    recipients = Registration.objects.filter(
        event_id=event.pk,
        status__in=[Status.CONFIRMED, Status.OFFERED, Status.WAITLISTED],
        anonymised_at__isnull=True,
    ).select_related("event")
    changed = (seats.notified_start, seats.notified_end, seats.notified_place) != (
        event.start, event.end, place,
    )
    moved = seats.notified_start is not None and seats.notified_start != event.start
    was_cancelled = seats.notified_cancelled
    if changed or was_cancelled != event.cancelled:
        # Every .ics from now on must replace the one people have (RFC 5545 SEQUENCE).
        seats.ics_sequence += 1
    seats.notified_start = event.start
    seats.notified_end = event.end
    seats.notified_place = place
    seats.notified_cancelled = event.cancelled
    seats.save()
    if moved:
        _follow_new_start(event, now=now)
    queued = 0
    # Nobody needs news about an event that is already over.
    if event.end > now and event.cancelled and not was_cancelled:
        for registration in recipients:
            outbox_enqueue(message=mails.event_cancelled(registration=registration))
            queued += 1
    elif event.end > now and not event.cancelled and (was_cancelled or changed):
        for registration in recipients:
            outbox_enqueue(
                message=mails.event_changed(registration=registration, reinstated=was_cancelled)
            )
            queued += 1
    if event.registration_enabled:
        _fill_seats(event, now=now)
    return queued


def _follow_new_start(event, *, now):
    """The event moved: reminders and open offers follow the new start. Under the lock.

    A reminder already sent was about the old date, so people with a seat get
    one again about a day before the new start. If the new start is within
    REMINDER_BEFORE, the update mail queued by the caller (it names the new
    time) is that reminder, exactly as a confirmation that close to the start
    is (see _seat_or_waitlist). An offer may not outlive the new start.
    """
    confirmed = Registration.objects.filter(event_id=event.pk, status=Status.CONFIRMED)
    update_mail_reminds = (
        event.start - now <= REMINDER_BEFORE and not event.cancelled and event.end > now
    )
    confirmed.update(reminder_sent_at=now if update_mail_reminds else None, updated_at=now)
    Registration.objects.filter(
        event_id=event.pk, status=Status.OFFERED, offer_expires_at__gt=event.start
    ).update(offer_expires_at=event.start, updated_at=now)


def registrations_anonymise(*, now=None):
    """Strip personal data from registrations of events that ended long enough ago.

    What stays: that a registration existed, its status and institution (for
    counts per institution); name, address, account and answers (dietary needs
    can be health data) go. Returns the number of registrations anonymised.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EVENTS_ANONYMISE_AFTER_DAYS)
    with transaction.atomic():
        return _anonymise(
            Registration.objects.filter(anonymised_at__isnull=True, event__end__lt=cutoff),
            now=now,
        )


def _anonymise(queryset, *, now):
    return queryset.update(
        name="", email="", user=None, answers=[], added_by=None, anonymised_at=now,
        updated_at=now,
    )


def registrations_erase_person(*, user, addresses):
    """AVG erasure: cancel someone's future registrations, anonymise the rest.

    Future seats are passed on to the waitlist as with any cancellation; the
    person gets no mail (their account is being deleted).
    """
    now = timezone.now()
    mine = Registration.objects.filter(Q(user=user) | Q(email__in=addresses))
    for registration in mine.filter(status__in=Registration.ACTIVE, event__end__gt=now):
        with transaction.atomic():
            _lock_seats(registration.event)
            registration = _locked(registration)
            if registration.is_active:
                _cancel(registration, now=now, notify=False)
    return _anonymise(mine.filter(anonymised_at__isnull=True), now=now)


# --- Calendar feed ------------------------------------------------------------------------------


@transaction.atomic
def calendar_feed_renew(*, user):
    """Give the member a (new) secret feed URL; an old one stops working at once."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    if not created:
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
    return feed
