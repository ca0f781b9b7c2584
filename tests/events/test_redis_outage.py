"""Redis stops: guest sign-ups (mail to a typed address) stay limited, counted in the database."""

from django.urls import reverse

import pytest

from community.events.models import Registration

pytestmark = pytest.mark.django_db


def guest_post(client, event, n, email=None, ip="127.0.0.1"):
    return client.post(
        reverse("events:guest_register", args=[event.pk]),
        {"guest_name": f"Gast {n}", "guest_email": email or f"gast{n}@gemeente.example",
         "guest_institution_name": "Gemeente Utrecht"},
        REMOTE_ADDR=ip,
    )


def test_guest_sign_ups_per_ip_stay_limited_while_redis_is_down(
    client, make_event, outbox, own_redis
):
    event = make_event(open_to_guests=True)
    own_redis.stop()

    answers = [guest_post(client, event, n).status_code for n in range(8)]

    assert answers == [302] * 5 + [429] * 3
    assert Registration.objects.count() == 5
    assert len(outbox) == 5


def test_guest_sign_ups_per_address_stay_limited_while_redis_is_down(
    client, make_event, outbox, own_redis
):
    events = [make_event(open_to_guests=True) for _ in range(5)]
    own_redis.stop()

    answers = [
        guest_post(client, event, index, email="slachtoffer@voorbeeld.example",
                   ip=f"192.0.2.{index + 1}").status_code
        for index, event in enumerate(events)
    ]

    assert answers == [302, 302, 302, 429, 429]
    assert len(outbox) == 3


def test_a_refused_guest_keeps_what_they_typed(client, make_event, own_redis):
    event = make_event(open_to_guests=True)
    own_redis.stop()
    for n in range(5):
        guest_post(client, event, n)

    response = guest_post(client, event, 99)

    assert response.status_code == 429
    html = response.content.decode()
    assert 'value="gast99@gemeente.example"' in html and 'value="Gast 99"' in html


def test_counts_made_while_redis_was_up_survive_its_return(client, make_event, own_redis):
    # Up: counted in Redis. The limit is per window, so a restart of Redis (empty)
    # may give a fresh window; within one store nothing is forgotten.
    event = make_event(open_to_guests=True)
    for n in range(5):
        assert guest_post(client, event, n).status_code == 302

    assert guest_post(client, event, 5).status_code == 429
