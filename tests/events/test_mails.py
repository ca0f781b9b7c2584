"""The mails: what they say, the .ics they carry, and that the outbox sends each once."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

import pytest
from icalendar import Calendar

from community.events import services
from community.outbox import services as outbox_services
from community.outbox import tasks as outbox_tasks
from community.outbox.models import OutgoingMail
from tests.outbox.helpers import celery_config, clock_moved

from .conftest import clock_at, guest

pytestmark = pytest.mark.django_db

CLOSED_PORT_BROKER = "redis://127.0.0.1:6390/0"  # nothing listens there


def ics_of(message):
    (filename, content, mimetype), = message.attachments
    assert filename == "bijeenkomst.ics"
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def links(message):
    return re.findall(r"http://testserver/bijeenkomsten/aanmelding/[^\s]+/", message.body)


@pytest.fixture
def dst_event(make_event):
    """On the day the clocks go back: 10:00–16:30 Amsterdam time is 09:00–15:30 UTC."""
    return make_event(
        title="Netwerkdag crisismanagement",
        start=datetime(2026, 10, 25, 9, 0, tzinfo=UTC),
        end=datetime(2026, 10, 25, 15, 30, tzinfo=UTC),
        location_name="Jaarbeurs", address="Jaarbeursplein 6, Utrecht",
        capacity=1, offer_hours=24,
    )


def test_the_confirmation_carries_an_ics_that_parses_back(dst_event, members, outbox):
    first, second = members(2)
    with clock_at(datetime(2026, 10, 1, 12, 0, tzinfo=UTC)):
        services.registration_create(event=dst_event, user=first)
    message = outbox[0]
    assert message.to == [first.email]
    assert "zondag 25 oktober 2026, 10:00 – 16:30" in message.body
    assert "Jaarbeurs, Jaarbeursplein 6, Utrecht" in message.body
    assert len(links(message)) == 1

    calendar = ics_of(message)
    assert str(calendar["METHOD"]) == "PUBLISH"
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 10, 25, 15, 30, tzinfo=UTC)
    assert event.to_ical().count(b"Z\r\n") >= 3  # DTSTART, DTEND, DTSTAMP all in UTC
    assert str(event["SUMMARY"]) == "Netwerkdag crisismanagement"
    assert str(event["LOCATION"]) == "Jaarbeurs, Jaarbeursplein 6, Utrecht"
    alarm = event.walk("VALARM")[0]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(hours=1)
    uid = str(event["UID"])
    assert uid == f"bijeenkomst-{dst_event.pk}@testserver"

    # Another person's file names the same event: the UID is per event.
    dst_event.capacity = 5
    dst_event.save()
    with clock_at(datetime(2026, 10, 1, 12, 0, tzinfo=UTC)):
        services.registration_create(event=dst_event, user=second)
    assert str(ics_of(outbox[-1]).walk("VEVENT")[0]["UID"]) == uid


def test_the_offer_mail_has_the_link_and_the_deadline_in_dutch_time(dst_event, members, outbox):
    first, second = members(2)
    with clock_at(datetime(2026, 10, 23, 12, 0, tzinfo=UTC)):  # 14:00 CEST
        seat = services.registration_create(event=dst_event, user=first)
        services.registration_create(event=dst_event, user=second)
        services.registration_cancel(registration=seat)
    offer = outbox[-1]
    assert offer.subject == "[IV-HO] Er is een plek vrij: Netwerkdag crisismanagement"
    # 24 hours later is 14:00 on Saturday, still summer time.
    assert "uiterlijk zaterdag 24 oktober 2026, 14:00" in offer.body
    assert len(links(offer)) == 1
    assert offer.attachments == []


def test_the_offer_deadline_stops_at_the_start_across_the_dst_change(dst_event, members, outbox):
    first, second = members(2)
    with clock_at(datetime(2026, 10, 24, 20, 0, tzinfo=UTC)):
        seat = services.registration_create(event=dst_event, user=first)
        services.registration_create(event=dst_event, user=second)
        services.registration_cancel(registration=seat)
    # The start, 09:00 UTC, is 10:00 in winter time.
    assert "uiterlijk zondag 25 oktober 2026, 10:00" in outbox[-1].body


def test_the_guest_mail_asks_to_confirm_by_link(make_event, outbox):
    event = make_event(open_to_guests=True)
    services.registration_create(event=event, guest=guest(7, name="Joost Bakker"))
    message = outbox[0]
    assert message.to == ["gast7@gemeente.example"]
    # The address is not confirmed yet: the mail holds nothing the form's sender chose.
    assert message.body.startswith("Hallo,")
    assert "Joost" not in message.body and "Bakker" not in message.body
    assert "Bevestig je e-mailadres" in message.body
    assert len(links(message)) == 1
    assert message.attachments == []


def test_update_and_cancellation_mails(make_event, member, outbox):
    event = make_event(location_name="Utrecht")
    services.registration_create(event=event, user=member)
    event.location_name = "Eindhoven"
    event.save()
    services.event_changes_notify(event=event)
    update = outbox[-1]
    assert update.subject == f"[IV-HO] Gewijzigd: {event.title}"
    assert "Eindhoven" in update.body
    assert str(ics_of(update).walk("VEVENT")[0]["LOCATION"]) == "Eindhoven"

    event.cancelled = True
    event.save()
    services.event_changes_notify(event=event)
    cancellation = outbox[-1]
    assert cancellation.subject == f"[IV-HO] Geannuleerd: {event.title}"
    assert str(ics_of(cancellation).walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_the_reminder_mail(make_event, member, outbox):
    event = make_event(start=timezone.now() + timedelta(days=2))
    services.registration_create(event=event, user=member)
    with clock_moved(timedelta(days=1, hours=1)):
        services.reminders_send()
    reminder = outbox[-1]
    assert reminder.subject == f"[IV-HO] Morgen: {event.title}"
    assert "morgen is de bijeenkomst" in reminder.body
    ics_of(reminder)


# --- Exactly once, also when the broker is down ----------------------------------------------


def test_a_retried_delivery_task_does_not_send_twice(
    event, member, outbox_backend, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, user=member)
    assert [m.subject for m in mail.outbox] == [f"[IV-HO] Aanmelding bevestigd: {event.title}"]
    row = OutgoingMail.objects.get()
    assert row.status == OutgoingMail.Status.SENT

    # The task runs again (a redelivered message, a retry): nothing is sent.
    assert outbox_tasks.outbox_deliver.apply(args=[row.pk]).get() is False
    with clock_moved(timedelta(hours=1)):
        assert outbox_tasks.outbox_sweep.apply().get() == 0
    assert len(mail.outbox) == 1


def test_with_the_broker_down_the_mail_waits_and_the_sweep_sends_it_once(
    event, member, outbox_backend, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with (
        celery_config(task_always_eager=False, broker_url=CLOSED_PORT_BROKER),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        registration = services.registration_create(event=event, user=member)

    # The registration stands; the mail is queued, not lost and not sent.
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    row = OutgoingMail.objects.get()
    assert (row.status, row.attempts) == (OutgoingMail.Status.QUEUED, 0)
    assert mail.outbox == []

    with clock_moved(outbox_services.DISPATCH_GRACE):
        assert outbox_tasks.outbox_sweep.apply().get() == 1
        assert outbox_tasks.outbox_sweep.apply().get() == 0
    assert [m.subject for m in mail.outbox] == [f"[IV-HO] Aanmelding bevestigd: {event.title}"]
    assert mail.outbox[0].attachments[0][0] == "bijeenkomst.ics"


# --- The online link goes only to people with a seat ------------------------------------------


ONLINE = "https://meet.example/geheime-kamer"


def test_the_online_link_is_only_in_mails_to_seat_holders(make_event, members, outbox):
    event = make_event(
        capacity=1, open_to_guests=True, format="hybrid", location_name="Utrecht",
        online_url=ONLINE,
    )
    first, second = members(2)
    seat = services.registration_create(event=event, user=first)
    assert ONLINE in outbox[-1].body  # the confirmation
    waiting = services.registration_create(event=event, user=second)
    services.registration_create(event=event, guest=guest(3))
    services.registration_cancel(registration=seat)  # cancelled mail + offer to `second`
    with clock_at(waiting.event.start - timedelta(minutes=30)):
        services.offers_expire()  # offer-expired mail
    without_seat = [m for m in outbox if "Aanmelding bevestigd" not in m.subject]
    assert {m.subject.split(":")[0] for m in without_seat} == {
        "[IV-HO] Je staat op de wachtlijst", "[IV-HO] Bevestig je aanmelding",
        "[IV-HO] Afgemeld", "[IV-HO] Er is een plek vrij", "[IV-HO] Aanbod verlopen",
    }
    for message in without_seat:
        assert ONLINE not in message.body, message.subject
        assert all(ONLINE not in str(content) for _, content, _ in message.attachments)


def test_the_reminder_and_the_update_carry_the_online_link(make_event, members, outbox):
    event = make_event(capacity=1, format="online", online_url=ONLINE)
    first, second = members(2)
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)  # waitlisted
    outbox.clear()
    with clock_at(event.start - timedelta(hours=2)):
        services.reminders_send()
    assert ONLINE in outbox[-1].body
    outbox.clear()
    event.online_url = ONLINE + "-nieuw"
    event.save()
    services.event_changes_notify(event=event)
    by_address = {m.to[0]: m for m in outbox}
    assert ONLINE + "-nieuw" in by_address[first.email].body
    assert ONLINE not in by_address[second.email].body


# --- Always Dutch, always Amsterdam time ---------------------------------------------------


def test_mails_caused_in_an_english_admin_are_dutch(make_event, member, outbox):
    """An editor with an English admin publishes a move, then cancels someone by hand."""
    from django.utils import translation

    start = max(datetime(2027, 3, 29, 8, 0, tzinfo=UTC), timezone.now() + timedelta(days=7))
    event = make_event(start=start, end=start + timedelta(hours=6))
    services.registration_create(event=event, user=member)
    event.start += timedelta(days=1)
    event.end += timedelta(days=1)
    event.save()
    with translation.override("en"), timezone.override(UTC):
        services.event_changes_notify(event=event)
        services.registration_cancel(registration=event.registrations.get(), by=member)
    expected = timezone.localtime(event.start, ZoneInfo("Europe/Amsterdam"))
    with translation.override("nl"):
        dutch = date_format(expected, "l j F Y, H:i")
    update, cancelled = outbox[-2], outbox[-1]
    for message in (update, cancelled):
        assert dutch in message.body, message.body
        assert not re.search(r"January|March|April|Monday|Tuesday|\bAM\b|\bPM\b", message.body)


# --- SEQUENCE and METHOD:CANCEL ---------------------------------------------------------------


def test_updates_raise_the_sequence_and_cancellation_removes_the_entry(
    make_event, member, outbox
):
    event = make_event(location_name="Utrecht")
    services.registration_create(event=event, user=member)
    first = ics_of(outbox[-1])
    assert first["METHOD"] == "PUBLISH"
    assert first.walk("VEVENT")[0]["SEQUENCE"] == 0

    event.location_name = "Eindhoven"
    event.save()
    services.event_changes_notify(event=event)
    services.event_changes_notify(event=event)  # nothing new: no new sequence either
    update = ics_of(outbox[-1])
    assert update.walk("VEVENT")[0]["SEQUENCE"] == 1

    event.cancelled = True
    event.save()
    services.event_changes_notify(event=event)
    cancel = ics_of(outbox[-1])
    item = cancel.walk("VEVENT")[0]
    assert cancel["METHOD"] == "CANCEL"
    assert str(item["STATUS"]) == "CANCELLED"
    assert str(item["UID"]) == str(first.walk("VEVENT")[0]["UID"])
    assert item["SEQUENCE"] == 2
    assert not item.walk("VALARM")


def test_cancelling_your_own_seat_sends_a_cancel_file_that_a_new_one_outranks(
    make_event, member, outbox
):
    event = make_event()
    registration = services.registration_create(event=event, user=member)
    held = ics_of(outbox[-1]).walk("VEVENT")[0]
    services.registration_cancel(registration=registration)
    cancel = ics_of(outbox[-1])
    assert cancel["METHOD"] == "CANCEL"
    item = cancel.walk("VEVENT")[0]
    assert item["UID"] == held["UID"]
    assert item["SEQUENCE"] > held["SEQUENCE"]
    assert str(item["ATTENDEE"]) == f"mailto:{member.email}"

    services.registration_create(event=event, user=member)
    again = ics_of(outbox[-1]).walk("VEVENT")[0]
    assert again["SEQUENCE"] > item["SEQUENCE"]


def test_the_feeds_and_the_download_carry_the_sequence(client, make_event, member):
    from django.urls import reverse

    from community.events.models import CalendarFeed

    event = make_event(location_name="Utrecht")
    services.registration_create(event=event, user=member)
    event.location_name = "Eindhoven"
    event.save()
    services.event_changes_notify(event=event)
    services.calendar_feed_renew(user=member)
    token = CalendarFeed.objects.get(user=member).token
    for url in (
        reverse("events:event_ics", args=[event.pk]),
        reverse("events:personal_feed", args=[token]),
        reverse("events:public_feed"),
    ):
        calendar = Calendar.from_ical(client.get(url).content)
        assert [item["SEQUENCE"] for item in calendar.walk("VEVENT")] == [1], url


def test_an_update_to_someone_with_an_open_offer_has_no_link_and_no_file(
    make_event, members, outbox
):
    event = make_event(capacity=1, format="online", online_url=ONLINE)
    first, second = members(2)
    seat = services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    services.registration_cancel(registration=seat)  # `second` now has an offer
    outbox.clear()
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save()
    services.event_changes_notify(event=event)
    (update,) = list(outbox)
    assert update.to == [second.email]
    assert ONLINE not in update.body
    assert update.attachments == []
