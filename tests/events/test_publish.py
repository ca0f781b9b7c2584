"""Publishing a changed event page mails its registrants once (Wagtail's page_published)."""

from datetime import timedelta

import pytest

from community.events import services
from community.events.models import Registration

pytestmark = pytest.mark.django_db


def publish(event, **changes):
    for field, value in changes.items():
        setattr(event, field, value)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def subjects(outbox):
    return [m.subject for m in outbox]


def test_publishing_a_new_time_mails_once(event, members, outbox):
    for person in members(2):
        services.registration_create(event=event, user=person)
    outbox.clear()

    publish(event, intro="Nieuwe inleiding")  # no change of time or place
    assert subjects(outbox) == []

    publish(event, start=event.start + timedelta(hours=2), end=event.end + timedelta(hours=2))
    publish(event, intro="Nog een keer gepubliceerd")
    assert subjects(outbox) == [f"[IV-HO] Gewijzigd: {event.title}"] * 2


def test_publishing_a_cancellation_mails_once_and_closes_registration(event, member, outbox):
    services.registration_create(event=event, user=member)
    outbox.clear()
    publish(event, cancelled=True)
    publish(event, intro="Excuses voor het ongemak")
    assert subjects(outbox) == [f"[IV-HO] Geannuleerd: {event.title}"]
    with pytest.raises(services.RegistrationError, match="geannuleerd"):
        services.registration_create(event=event, user=member)
    # The registration itself stays: should the event go ahead after all, people are told.
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    publish(event, cancelled=False)
    assert subjects(outbox)[-1] == f"[IV-HO] Gaat toch door: {event.title}"


def test_a_first_publish_mails_nobody(make_event, outbox):
    event = make_event()
    publish(event, title="Nieuwe titel")
    assert subjects(outbox) == []
