"""Forty people click "Aanmelden" at once for ten seats: never an eleventh (PostgreSQL).

Each thread has its own database connection, as concurrent requests would, and
all start together behind a barrier. SQLite serialises every write, so these
tests only mean something on PostgreSQL; CI runs the suite there too.
"""

import threading

from django.db import connection, connections

import pytest

from community.events import services
from community.events.models import Registration
from community.events.services import RegistrationError

from .conftest import new_member

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency needs PostgreSQL's row locks (set DATABASE_URL); SQLite "
        "serialises all writes",
    ),
]


def run_together(calls):
    """Run each call in its own thread, all released at once; returns results or errors."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what came back
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a registration hung"
    return results


def test_forty_members_for_ten_seats_get_ten_seats_and_thirty_waitlist_places(make_event):
    event = make_event(capacity=10)
    people = [new_member() for _ in range(40)]

    results = run_together(
        [lambda person=person: services.registration_create(event=event, user=person)
         for person in people]
    )

    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == []
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == 10
    assert statuses.count(Registration.Status.WAITLISTED) == 30
    assert len(statuses) == 40


def test_the_same_member_twice_at_once_gets_one_registration_and_one_message(make_event):
    event = make_event(capacity=10)
    member = new_member()

    results = run_together(
        [lambda: services.registration_create(event=event, user=member)] * 2
    )

    registrations = [r for r in results if isinstance(r, Registration)]
    refusals = [r for r in results if isinstance(r, RegistrationError)]
    assert len(registrations) == 1, results
    assert len(refusals) == 1, results
    assert "al aangemeld" in refusals[0].messages[0]
    assert event.registrations.count() == 1


def test_a_cancellation_racing_new_registrations_never_overbooks(make_event):
    """One seat frees up while ten others try to register: still at most the capacity."""
    event = make_event(capacity=5)
    holders = [services.registration_create(event=event, user=new_member()) for _ in range(5)]
    waiting = [new_member() for _ in range(10)]

    calls = [lambda r=holders[0]: services.registration_cancel(registration=r)] + [
        lambda person=person: services.registration_create(event=event, user=person)
        for person in waiting
    ]
    results = run_together(calls)

    assert [r for r in results if isinstance(r, Exception)] == []
    held = event.registrations.filter(status__in=Registration.HOLDS_SEAT).count()
    assert held == 5


def test_the_per_institution_maximum_holds_under_concurrency(make_event):
    """Twenty members of two institutions at once, at most three seats each, ten seats."""
    from tests.factories import InstitutionFactory

    event = make_event(capacity=10, max_per_institution=3)
    first, second = InstitutionFactory(), InstitutionFactory()
    people = [new_member(institution=first if n % 2 else second) for n in range(20)]

    results = run_together(
        [lambda person=person: services.registration_create(event=event, user=person)
         for person in people]
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    seats = event.registrations.filter(status=Registration.Status.CONFIRMED)
    assert seats.filter(institution=first).count() == 3
    assert seats.filter(institution=second).count() == 3
    assert event.registrations.filter(status=Registration.Status.WAITLISTED).count() == 14


@pytest.mark.parametrize("round_", range(4))
def test_accepting_an_offer_while_it_expires_has_exactly_one_outcome(make_event, round_):
    from datetime import timedelta

    from community.outbox.models import OutgoingMail

    event = make_event(capacity=1)
    holder = services.registration_create(event=event, user=new_member())
    waiting = services.registration_create(event=event, user=new_member())
    services.registration_cancel(registration=holder)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.OFFERED
    OutgoingMail.objects.all().delete()
    # The sweeper believes the deadline has passed; the person clicks just before it.
    after_deadline = waiting.offer_expires_at + timedelta(minutes=1)

    accepted, expired = run_together([
        lambda: services.offer_accept(registration=waiting),
        lambda: services.offers_expire(now=after_deadline),
    ])

    waiting.refresh_from_db()
    subjects = sorted(OutgoingMail.objects.values_list("subject", flat=True))
    if waiting.status == Registration.Status.CONFIRMED:
        assert isinstance(accepted, Registration) and expired == 0
        assert subjects == [f"[IV-HO] Aanmelding bevestigd: {event.title}"]
    else:
        assert waiting.status == Registration.Status.EXPIRED
        assert isinstance(accepted, RegistrationError) and expired == 1
        assert subjects == [f"[IV-HO] Aanbod verlopen: {event.title}"]
    assert event.registrations.filter(status__in=Registration.HOLDS_SEAT).count() <= 1
