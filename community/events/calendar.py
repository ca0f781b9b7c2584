"""iCalendar files for network meetings: one event, a personal feed, the public feed.

Times are written in UTC (…Z), so no calendar has to know our time zone
rules; the UID is stable per event, so an updated file replaces the entry in
the person's calendar instead of adding a second one.
"""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from icalendar import Alarm, Calendar, Event

PRODID = "-//IV-HO//Bijeenkomsten//NL"
# A calendar alarm an hour before the start; the reminder mail comes a day before.
ALARM_BEFORE = timedelta(hours=1)


def event_uid(event):
    host = urlsplit(settings.SITE_URL).hostname or "ivho.nl"
    return f"bijeenkomst-{event.pk}@{host}"


def event_url(event):
    parts = event.get_url_parts()
    return f"{settings.SITE_URL}{parts[2] if parts else '/'}"


def _vevent(event, *, with_online_link, with_alarm):
    item = Event()
    item.add("uid", event_uid(event))
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
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if with_alarm and not event.cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Herinnering: {event.title}")
        alarm.add("trigger", -ALARM_BEFORE)
        item.add_component(alarm)
    return item


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    return calendar


def event_ics(event, *, for_registrant=False):
    """One event as a file: the mail attachment (for a registrant) or the page's download."""
    calendar = _calendar(event.title)
    calendar.add_component(
        _vevent(event, with_online_link=for_registrant, with_alarm=True)
    )
    return calendar.to_ical()


def feed_ics(events, *, name, for_registrant=False):
    """Many events as one feed. Alarms only in a personal feed: the public one is for reading."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(
            _vevent(event, with_online_link=for_registrant, with_alarm=for_registrant)
        )
    return calendar.to_ical()
