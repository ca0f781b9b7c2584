"""The demo events take registrations: settings, questions and a waitlist, written once."""

from collections import Counter

from django.contrib.auth import get_user_model

import pytest

from community.events.models import Registration
from community.events.selectors import seats_taken
from demo import events as demo
from tests.factories import EventPageFactory
from tests.helpers.people import new_member

pytestmark = pytest.mark.django_db


def test_demo_registrations_fill_the_crisis_exercise_and_are_written_once(site_tree):
    def make_event(**kwargs):
        return EventPageFactory(parent=site_tree["events"], **{"registration_enabled": True,
                                                               **kwargs})

    for item in demo.EVENTS:
        if "registration" in item:
            make_event(slug=item["slug"], title=item["title"], **demo.registration_fields(item))
    for email in ["lid@tue.example", "lid@hva.example", "lid@rug.example", "lid@saxion.example"]:
        user = new_member()
        get_user_model().objects.filter(pk=user.pk).update(email=email)
    created = Counter()
    agenda = make_event().get_parent()
    demo.seed_registrations(agenda, created)
    demo.seed_registrations(agenda, created)

    exercise = Registration.objects.filter(event__slug="oefendag-crisisteams")
    assert sorted(exercise.values_list("status", flat=True)) == [
        "confirmed", "confirmed", "waitlisted",
    ]
    event = exercise.first().event
    assert event.chatham_house and event.max_per_institution == 1
    assert seats_taken(event=event) == event.capacity
    assert event.registration_questions.get().required
    conference = Registration.objects.filter(event__slug__startswith="jaarconferentie")
    assert conference.filter(user__isnull=True).count() == 1  # the guest
    assert conference.first().event.open_to_guests
    assert created["aanmeldingen voor bijeenkomsten"] == 5  # the second run added none
