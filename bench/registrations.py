"""Registrations per second under concurrency, and a check that no event is overbooked.

Usage (PostgreSQL, as in production; SQLite serialises every write and says little):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ivho \\
        .venv/bin/python -m bench.registrations [--people 400] [--threads 20] \\
        [--capacity 100] [--events 1]

Runs against a throw-away test database. Each thread has its own database
connection, like a web worker, and registers its share of the people through
`community.events.services.registration_create` (seat lock, constraints and the
outbox row included; handing the mail to Celery is left out, that is the
worker's job). With `--events 1` everyone competes for the same seat row, the
worst case. Prints registrations per second and the seats per event, and exits
with status 1 if any event holds more seats than it has.
"""

import argparse
import os
import statistics
import sys
import threading
import time

from bench.page_render import setup_django


def build(*, people, capacity, events):
    from datetime import timedelta

    from django.utils import timezone

    from cms.models import HomePage
    from community.events.models import EventIndexPage
    from tests.factories import EventPageFactory, InstitutionFactory, MemberFactory

    home = HomePage.objects.get()
    agenda = home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    start = timezone.now() + timedelta(days=14)
    pages = [
        EventPageFactory(
            parent=agenda, title=f"Netwerkdag {n}", registration_enabled=True,
            capacity=capacity, start=start, end=start + timedelta(hours=6),
        )
        for n in range(events)
    ]
    institutions = [InstitutionFactory() for _ in range(20)]
    members = [MemberFactory(institution=institutions[n % 20]) for n in range(people)]
    from django.contrib.auth import get_user_model

    users = list(get_user_model().objects.filter(pk__in=[m.pk for m in members]))
    return pages, users


def run(pages, users, *, threads):
    from django.db import connections

    from community.events import services

    work = [(pages[n % len(pages)], user) for n, user in enumerate(users)]
    shares = [work[n::threads] for n in range(threads)]
    barrier = threading.Barrier(threads + 1)
    latencies, errors = [], []

    def worker(share):
        barrier.wait()
        try:
            for event, user in share:
                started = time.perf_counter()
                try:
                    services.registration_create(event=event, user=user)
                except Exception as error:  # noqa: BLE001 - counted and reported
                    errors.append(repr(error))
                latencies.append((time.perf_counter() - started) * 1000)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=worker, args=(share,)) for share in shares]
    for thread in pool:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in pool:
        thread.join()
    return time.perf_counter() - started, latencies, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=400)
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument("--capacity", type=int, default=100)
    parser.add_argument("--events", type=int, default=1)
    args = parser.parse_args()

    connection, name = setup_django()
    from unittest import mock

    from community.events.models import Registration

    overbooked = False
    try:
        pages, users = build(people=args.people, capacity=args.capacity, events=args.events)
        if connection.vendor != "postgresql":
            print("Let op: SQLite serialiseert alle schrijfacties; meet op PostgreSQL.")
        # Queue the mail (the outbox row is part of the work), but don't deliver it here.
        with mock.patch("community.outbox.services._dispatch"):
            seconds, latencies, errors = run(pages, users, threads=args.threads)
        print(
            f"{connection.vendor}: {args.people} registrations, {args.threads} threads, "
            f"{args.events} event(s) of {args.capacity} seats"
        )
        print(f"  {args.people / seconds:.0f} registrations/second ({seconds:.2f} s)")
        print(
            f"  latency per registration: median {statistics.median(latencies):.1f} ms, "
            f"p95 {statistics.quantiles(latencies, n=20)[18]:.1f} ms, "
            f"max {max(latencies):.1f} ms"
        )
        if errors:
            print(f"  errors: {len(errors)}, e.g. {errors[0]}")
        for page in pages:
            statuses = list(
                Registration.objects.filter(event=page).values_list("status", flat=True)
            )
            seats = sum(status in Registration.HOLDS_SEAT for status in statuses)
            waiting = statuses.count(Registration.Status.WAITLISTED)
            ok = seats <= args.capacity
            overbooked |= not ok
            print(
                f"  {page.title}: {seats}/{args.capacity} seats, {waiting} on the waitlist"
                f" {'OK' if ok else 'OVERBOOKED'}"
            )
    finally:
        connection.close()
        connection.creation.destroy_test_db(name, verbosity=0)
    sys.exit(1 if overbooked else 0)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    main()
