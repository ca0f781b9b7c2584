"""Reading registrations: seats, attendees and the waitlist of an event."""

from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from cms.visibility import user_is_member
from community.members.models import Profile

from .models import EventPage, Registration


def seats_taken(*, event):
    """Seats held now: confirmed registrations and open offers."""
    return event.registrations.filter(status__in=Registration.HOLDS_SEAT).count()


def seats_left(*, event):
    """Free seats, or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - seats_taken(event=event), 0)


def attendees(*, event):
    """Confirmed registrations, by name: the attendee list and its exports."""
    return (
        event.registrations.filter(status=Registration.Status.CONFIRMED)
        .select_related("institution", "user")
        .order_by("name", "pk")
    )


def waitlist(*, event):
    """Everyone still waiting or holding an offer, first come first served."""
    return (
        event.registrations.filter(
            status__in=[Registration.Status.WAITLISTED, Registration.Status.OFFERED]
        )
        .select_related("institution", "user")
        .order_by("waitlisted_at", "pk")
    )


def institution_seat_counts(*, event):
    """{institution_id: seats held}, for the per-institution maximum."""
    rows = (
        event.registrations.filter(status__in=Registration.HOLDS_SEAT, institution__isnull=False)
        .values("institution")
        .annotate(held=Count("pk"))
    )
    return {row["institution"]: row["held"] for row in rows}


# --- Added for the member pages, mails and feeds ---------------------------------------


def place_description(event):
    """Where the event takes place, as one line for every mail ("Waar:").

    Never the online link: that is for members with a seat only, and many mails
    go to people without one (a guest who has not confirmed their address, the
    waitlist). Mails to seat holders add it on a line of its own (mails.py).
    """
    parts = [event.get_format_display()]
    if event.location_name:
        parts.append(", ".join(p for p in [event.location_name, event.address] if p))
    return " – ".join(parts)


def place_key(event):
    """The place with the online link: what registrants were told, to spot a change.

    A new link is news for seat holders (an update mail) even though the
    "Waar:" line stays the same.
    """
    parts = [place_description(event)]
    if event.online_url:
        parts.append(event.online_url)
    return " – ".join(parts)


def event_for_request(request, event_id):
    """The live event if this viewer may see its page, else None (the caller's 404).

    Wagtail's page privacy (login, groups, password) applies exactly as on the page.
    """
    event = EventPage.objects.live().filter(pk=event_id).first()
    if event is None:
        return None
    for restriction in event.get_view_restrictions():
        if not restriction.accept_request(request):
            return None
    return event


def registration_for(*, event, user):
    """The member's active registration for the event, else their latest one, else None."""
    if user is None or not user.is_authenticated:
        return None
    mine = event.registrations.filter(user=user)
    return (
        mine.filter(status__in=Registration.ACTIVE).first()
        or mine.order_by("-created_at", "-pk").first()
    )


def waitlist_position(*, registration):
    """1 for the first in line; None when not waiting."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = registration.event.registrations.filter(
        status=Registration.Status.WAITLISTED,
    ).filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def registrations_of(*, user):
    """(upcoming, past) registrations of a member, for "Mijn bijeenkomsten"."""
    mine = (
        Registration.objects.filter(user=user, event__live=True)
        .exclude(status=Registration.Status.EXPIRED)
        .select_related("event")
    )
    now = timezone.now()
    upcoming = mine.filter(event__end__gte=now).order_by("event__start", "pk")
    past = mine.filter(event__end__lt=now, status=Registration.Status.CONFIRMED).order_by(
        "-event__start", "pk"
    )
    return upcoming, past


def feed_registrations(*, user):
    """Events in a member's personal calendar feed: seats held, from a year back."""
    since = timezone.now() - timedelta(days=365)
    return (
        Registration.objects.filter(
            user=user, status__in=Registration.HOLDS_SEAT, event__live=True,
            event__end__gte=since,
        )
        .select_related("event")
        .order_by("event__start")
    )


def public_feed_events():
    """Events anyone may see in the public calendar feed: live, no page privacy, recent."""
    since = timezone.now() - timedelta(days=90)
    return EventPage.objects.live().public().filter(end__gte=since).order_by("start")


def attendee_cards(*, event):
    """Members on the attendee list with what their peers may see; guests only counted.

    Guests never agreed to a profile on the platform, so they are not named.
    """
    cards, guests = [], 0
    rows = list(attendees(event=event))
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.filter(
            user_id__in=[row.user_id for row in rows if row.user_id]
        ).select_related("institution", "user")
    }
    for row in rows:
        profile = profiles.get(row.user_id)
        if profile is None:
            guests += 1
            continue
        cards.append(
            {
                "name": profile.name,
                "function": profile.function,
                "institution": profile.institution.label if profile.institution_id else "",
                "user_id": row.user_id,
            }
        )
    return cards, guests


def registration_window(*, event, now):
    """'open', 'not_yet', 'closed', 'cancelled', 'started' or 'off' (no platform registration)."""
    if not event.registration_enabled:
        return "off"
    if event.cancelled:
        return "cancelled"
    if event.start <= now:
        return "started"
    if event.registration_opens_at and now < event.registration_opens_at:
        return "not_yet"
    if event.registration_closes_at and now >= event.registration_closes_at:
        return "closed"
    return "open"


def card_seats_left(*, event, now) -> int | None:
    """Free seats for an agenda card (0: full, waitlist open), or None to say nothing.

    Only where registration is open and the number is limited, and only for an
    event from a queryset with `seats_held` (EventPageQuerySet.with_seats_held):
    a card never costs a query of its own.
    """
    held = getattr(event, "seats_held", None)
    if held is None or event.capacity is None:
        return None
    if registration_window(event=event, now=now) != "open":
        return None
    return max(event.capacity - held, 0)


def upcoming_events(*, limit: int):
    """The next `limit` live public events that have not ended, soonest first (the home page)."""
    return (
        EventPage.objects.live().public().filter(end__gte=timezone.now()).order_by("start")
    )[:limit]


def cancellation_deadline(event: EventPage) -> datetime:
    """Until when a confirmed seat can be given back: the deadline, or else the start."""
    return event.cancellation_deadline or event.start


def registration_state(*, event, user):
    """What the registration box on the event page shows this viewer (no forms)."""
    now = timezone.now()
    mine = registration_for(event=event, user=user)
    left = seats_left(event=event) if event.registration_enabled else None
    deadline = cancellation_deadline(event)
    return {
        "window": registration_window(event=event, now=now),
        "seats_left": left,
        "is_full": left == 0,
        "viewer_is_member": user_is_member(user),
        "registration": mine if mine is not None and mine.is_active else None,
        "last_registration": mine,
        "waitlist_position": waitlist_position(registration=mine) if mine else None,
        "cancel_until": deadline,
        "can_cancel": bool(
            mine is not None and mine.is_active
            and (mine.status != Registration.Status.CONFIRMED or now <= deadline)
        ),
        "show_attendees": bool(
            user_is_member(user) and not event.chatham_house and event.registration_enabled
        ),
        "attendee_count": attendees(event=event).count() if event.registration_enabled else 0,
    }
