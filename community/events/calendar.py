"""iCalendar files for network meetings: one event, a personal feed, the public feed.

Times are written in UTC (…Z), so no calendar has to know our time zone
rules; the UID is stable per event and SEQUENCE (EventSeats.ics_sequence) rises
with every change, so an updated file replaces the entry in the person's
calendar instead of adding a second one or being ignored as stale. A file with
METHOD:CANCEL (cancellation_ics) removes the entry.
"""

from datetime import UTC, timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from icalendar import Alarm, Calendar, Event

from .models import EventSeats

PRODID = "-//IV-HO//Bijeenkomsten//NL"
# A calendar alarm an hour before the start; the reminder mail comes a day before.
ALARM_BEFORE = timedelta(hours=1)


def event_uid(event):
    host = urlsplit(settings.SITE_URL).hostname or "ivho.nl"
    return f"bijeenkomst-{event.pk}@{host}"


def event_url(event):
    parts = event.get_url_parts()
    return f"{settings.SITE_URL}{parts[2] if parts else '/'}"


def event_sequence(event):
    """The current SEQUENCE of the event's calendar entry (0 before any change)."""
    return (
        EventSeats.objects.filter(event_id=event.pk)
        .values_list("ics_sequence", flat=True)
        .first()
    ) or 0


def _sequences(events):
    return dict(
        EventSeats.objects.filter(event_id__in=[event.pk for event in events]).values_list(
            "event_id", "ics_sequence"
        )
    )


def _vevent(event, *, with_online_link, with_alarm, sequence, cancelled=None):
    cancelled = event.cancelled if cancelled is None else cancelled
    item = Event()
    item.add("uid", event_uid(event))
    item.add("sequence", sequence)
    item.add("dtstamp", timezone.now().astimezone(UTC))
    item.add("dtstart", event.start.astimezone(UTC))
    item.add("dtend", event.end.astimezone(UTC))
    item.add("summary", event.title)
    url = event_url(event)
    item.add("url", url)
    description = [event.intro] if event.intro else []
    if with_online_link and event.online_url:
        description.append(f"Online deelnemen: {event.online_url}")
    description.append(f"Meer informatie: {url}")
    item.add("description", "\n\n".join(description))
    location = ", ".join(part for part in [event.location_name, event.address] if part)
    if not location and event.online_url:
        location = event.online_url if with_online_link else "Online"
    if location:
        item.add("location", location)
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if with_alarm and not cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Herinnering: {event.title}")
        alarm.add("trigger", -ALARM_BEFORE)
        item.add_component(alarm)
    return item


def _calendar(name, *, method="PUBLISH"):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    return calendar


def event_ics(event, *, with_online_link=False):
    """One event as a file: the mail attachment or the page's download.

    The caller decides about the online link (mails to a confirmed seat, the
    download by permissions.may_see_online_link).
    """
    calendar = _calendar(event.title)
    calendar.add_component(
        _vevent(
            event, with_online_link=with_online_link, with_alarm=True,
            sequence=event_sequence(event),
        )
    )
    return calendar.to_ical()


def cancellation_ics(event, *, attendee=""):
    """METHOD:CANCEL for the entry a registrant has: the event is off, or they are.

    Same UID, STATUS:CANCELLED and the current SEQUENCE, which the service raised
    for the cancellation, so it outranks the file the person holds. RFC 5546
    wants an organizer (and the attendee) on a cancellation; calendars that
    import it remove the entry.
    """
    calendar = _calendar(event.title, method="CANCEL")
    item = _vevent(
        event, with_online_link=False, with_alarm=False, sequence=event_sequence(event),
        cancelled=True,
    )
    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    if organizer:
        item.add("organizer", f"mailto:{organizer}")
    if attendee:
        item.add("attendee", f"mailto:{attendee}")
    calendar.add_component(item)
    return calendar.to_ical()


def feed_ics(events, *, name, for_registrant=False, online_link_for=frozenset()):
    """Many events as one feed. Alarms only in a personal feed: the public one is for reading.

    Only events whose id is in `online_link_for` carry the online link: a
    personal feed also lists open offers, which are no seat yet.
    """
    calendar = _calendar(name)
    events = list(events)
    sequences = _sequences(events)
    for event in events:
        calendar.add_component(
            _vevent(
                event, with_online_link=event.pk in online_link_for, with_alarm=for_registrant,
                sequence=sequences.get(event.pk, 0),
            )
        )
    return calendar.to_ical()
