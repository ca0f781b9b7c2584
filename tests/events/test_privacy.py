"""AVG: the data download lists registrations; erasure cancels future ones and anonymises all."""

from datetime import timedelta

from django.utils import timezone

import pytest

from community.events.models import CalendarFeed, Registration
from community.events.services import calendar_feed_renew, registration_create
from community.privacy.services import account_erase, personal_data_export
from tests.factories.events import RegistrationFactory

from .conftest import guest

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_the_download_lists_registrations_also_as_a_guest(make_event, member):
    event = make_event(title="Netwerkdag privacy", open_to_guests=True)
    earlier = make_event(title="Webinar AVG-incidenten", open_to_guests=True)
    registration_create(event=event, user=member,
                        answers=[])
    registration_create(event=earlier, guest=guest(email=member.email.upper()))
    data = personal_data_export(user=member)
    rows = data["aanmeldingen_bijeenkomsten"]
    assert sorted(row["bijeenkomst"] for row in rows) == [
        "Netwerkdag privacy", "Webinar AVG-incidenten",
    ]
    assert {row["e-mailadres"] for row in rows} == {member.email}


def test_erasure_cancels_future_seats_promotes_the_waitlist_and_anonymises(
    make_event, member, members, outbox
):
    now = timezone.now()
    coming = make_event(capacity=1)
    past = make_event(start=now - timedelta(days=5), end=now - timedelta(days=5, hours=-3))
    registration_create(event=coming, user=member)
    waiting = registration_create(event=coming, user=members(1)[0])
    RegistrationFactory(event=past, user=member, answers=[{"question": "Dieet", "answer": "halal"}])
    calendar_feed_renew(user=member)
    outbox.clear()

    account_erase(user=member)

    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert not Registration.objects.filter(email=member.email).exists()
    assert not Registration.objects.filter(name="Anouk Jansen").exists()
    mine = Registration.objects.exclude(pk=waiting.pk)
    assert {r.status for r in mine} == {Status.CANCELLED, Status.CONFIRMED}
    assert all(r.anonymised_at and r.answers == [] for r in mine)
    assert not CalendarFeed.objects.exists()
    # The person being erased gets no mail; the one offered the seat does.
    assert [m.to for m in outbox] == [[waiting.email]]


# --- Only addresses the person proved are theirs -----------------------------------------


def test_an_unverified_address_gives_no_access_to_someone_elses_registration(
    make_event, member, members, outbox
):
    """Anyone can add victim@… to their account unverified: that must not reach the
    victim's registration (answers included) nor let them erase it, nor their mail."""
    from allauth.account.models import EmailAddress

    event = make_event(title="Netwerkdag", open_to_guests=True)
    victim = registration_create(
        event=event, guest=guest(email="victim@gemeente.example"),
        answers=[],
    )
    services_confirm(victim)
    intruder = members(1)[0]
    EmailAddress.objects.create(user=intruder, email="Victim@gemeente.example", verified=False)

    data = personal_data_export(user=intruder)
    assert data["aanmeldingen_bijeenkomsten"] == []
    assert data["e-mails"] == []

    account_erase(user=intruder)
    victim.refresh_from_db()
    assert victim.status == Status.CONFIRMED
    assert victim.email == "victim@gemeente.example" and victim.anonymised_at is None
    assert any(mail.to == ["victim@gemeente.example"] for mail in outbox)


def test_a_verified_second_address_is_included(make_event, member):
    from allauth.account.models import EmailAddress

    event = make_event(open_to_guests=True)
    registration_create(event=event, guest=guest(email="prive@voorbeeld.example"))
    EmailAddress.objects.create(user=member, email="prive@voorbeeld.example", verified=True)
    rows = personal_data_export(user=member)["aanmeldingen_bijeenkomsten"]
    assert [row["e-mailadres"] for row in rows] == ["prive@voorbeeld.example"]


def test_the_account_email_counts_only_when_verified(make_event, member):
    from allauth.account.models import EmailAddress

    from community.outbox.privacy_data import user_addresses

    assert user_addresses(member) == {member.email}
    EmailAddress.objects.filter(user=member).update(verified=False)
    assert user_addresses(member) == set()


def services_confirm(registration):
    from community.events.services import guest_confirm

    return guest_confirm(registration=registration)
