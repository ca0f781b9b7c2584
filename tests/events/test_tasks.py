"""The beat schedule runs the periodic services, and each task only calls its service."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

import pytest

from community.events import services, tasks
from community.events.models import Registration
from config.celery_app import app as celery_app
from tests.factories.events import RegistrationFactory

from .conftest import later

pytestmark = pytest.mark.django_db


def test_beat_runs_the_event_tasks():
    entries = settings.CELERY_BEAT_SCHEDULE.values()
    schedule = {entry["task"]: entry["schedule"] for entry in entries}
    assert schedule["community.events.tasks.events_offers_expire"] == 300.0
    assert schedule["community.events.tasks.events_reminders_send"] == 900.0
    assert "community.events.tasks.events_anonymise" in schedule
    for name in schedule:
        if name.startswith("community.events."):
            celery_app.loader.import_default_modules()
            assert name in celery_app.tasks, name


def test_the_tasks_do_the_work(make_event, members, outbox, settings):
    settings.EVENTS_ANONYMISE_AFTER_DAYS = 30
    event = make_event(capacity=1, offer_hours=1, start=timezone.now() + timedelta(days=2))
    first, second = members(2)
    seat = services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    services.registration_cancel(registration=seat)

    with later(hours=2):
        assert tasks.events_offers_expire.apply().get() == 1
    # Nobody holds a seat now; the waitlist is empty.
    assert event.registrations.filter(status__in=Registration.HOLDS_SEAT).count() == 0

    services.registration_create(event=event, user=members(1)[0])
    with later(days=1, hours=1):
        assert tasks.events_reminders_send.apply().get() == 1
        assert tasks.events_reminders_send.apply().get() == 0

    old = make_event(start=timezone.now() - timedelta(days=40),
                     end=timezone.now() - timedelta(days=40) + timedelta(hours=3))
    RegistrationFactory(event=old, user=first)
    assert tasks.events_anonymise.apply().get() == 1
