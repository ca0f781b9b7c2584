"""Every registration rule, through the services the pages and the admin call."""

from datetime import timedelta

from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

import pytest

from community.events import services
from community.events.models import EventSeats, Registration
from community.events.selectors import seats_left, seats_taken, waitlist, waitlist_position
from community.events.services import RegistrationError
from community.outbox.models import OutgoingMail
from tests.factories import EditorFactory, InstitutionFactory
from tests.factories.events import RegistrationFactory

from .conftest import clock_at, fresh, guest, later, new_member

pytestmark = pytest.mark.django_db
Status = Registration.Status


def register(event, user, **kwargs):
    return services.registration_create(event=event, user=user, **kwargs)


def statuses(event):
    return sorted(event.registrations.values_list("status", flat=True))


def subjects(outbox):
    return [message.subject for message in outbox]


# --- Capacity and the waitlist ------------------------------------------------------


def test_a_member_takes_a_seat_and_gets_a_confirmation(event, member, outbox):
    registration = register(event, member)

    assert registration.status == Status.CONFIRMED
    assert (registration.name, registration.email) == ("Anouk Jansen", member.email)
    assert registration.institution_name == "Technische Universiteit Eindhoven"
    assert seats_left(event=event) == 2
    assert subjects(outbox) == [f"[IV-HO] Aanmelding bevestigd: {event.title}"]
    assert EventSeats.objects.filter(event=event).count() == 1


def test_when_full_the_next_member_goes_on_the_waitlist(event, members, outbox):
    people = members(5)
    made = [register(event, person) for person in people]

    assert [r.status for r in made] == [Status.CONFIRMED] * 3 + [Status.WAITLISTED] * 2
    assert seats_taken(event=event) == 3
    assert [r.pk for r in waitlist(event=event)] == [made[3].pk, made[4].pk]
    assert waitlist_position(registration=made[4]) == 2
    assert "Je staat op de wachtlijst" in outbox[-1].subject
    assert "nummer 2" in outbox[-1].body


def test_without_capacity_everyone_gets_a_seat(make_event, members):
    event = make_event(capacity=None)
    assert {register(event, person).status for person in members(6)} == {Status.CONFIRMED}
    assert seats_left(event=event) is None


def test_the_institution_maximum_sends_the_third_colleague_to_the_waitlist(make_event):
    event = make_event(capacity=10, max_per_institution=2)
    tue = InstitutionFactory()
    colleagues = [new_member(institution=tue) for _ in range(3)]
    other = new_member()

    results = [register(event, person).status for person in colleagues + [other]]
    assert results == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED, Status.CONFIRMED]


def test_an_editor_may_pass_the_institution_maximum_and_force_a_seat(make_event):
    event = make_event(capacity=2, max_per_institution=1)
    tue = InstitutionFactory()
    editor = EditorFactory()
    first, second, third = (new_member(institution=tue) for _ in range(3))
    register(event, first)

    by_hand = register(event, second, added_by=editor)
    assert by_hand.status == Status.CONFIRMED  # the institution maximum does not apply
    assert by_hand.added_by == editor
    assert register(event, third, added_by=editor).status == Status.WAITLISTED  # full
    assert register(event, new_member(), added_by=editor, force_seat=True).status == (
        Status.CONFIRMED
    )
    assert seats_taken(event=event) == 3


# --- Duplicates -------------------------------------------------------------------------


def test_registering_twice_gives_a_friendly_message(event, member):
    register(event, member)
    with pytest.raises(RegistrationError, match="al aangemeld"):
        register(event, member)
    assert event.registrations.count() == 1


def test_waiting_twice_is_also_refused(make_event, members):
    event = make_event(capacity=1)
    first, second = members(2)
    register(event, first)
    register(event, second)
    with pytest.raises(RegistrationError, match="al op de wachtlijst"):
        register(event, second)


def test_the_database_refuses_a_second_active_registration(event, member):
    """The last line of defence if a check is ever skipped: the partial unique constraint."""
    RegistrationFactory(event=event, user=member)
    with pytest.raises(IntegrityError):
        RegistrationFactory(event=event, user=member, email="ander@example.org")


def test_a_constraint_hit_under_a_race_becomes_a_message(event, member, monkeypatch):
    """Two requests both pass the check; the second insert trips the constraint."""
    RegistrationFactory(event=event, user=member)
    calls = []
    real_existing = services._existing

    def blind_first(**kwargs):
        calls.append(kwargs)
        return None if len(calls) == 1 else real_existing(**kwargs)

    monkeypatch.setattr(services, "_existing", blind_first)
    with pytest.raises(RegistrationError, match="al aangemeld"):
        register(event, member)
    assert event.registrations.count() == 1


def test_after_cancelling_a_member_may_register_again(event, member):
    registration = register(event, member)
    services.registration_cancel(registration=registration)
    assert register(event, member).status == Status.CONFIRMED
    assert statuses(event) == [Status.CANCELLED, Status.CONFIRMED]


# --- Who may register and when --------------------------------------------------------


def test_a_non_member_may_not_register_as_member(event, pending):
    with pytest.raises(RegistrationError, match="goedgekeurd lid"):
        register(event, pending)
    assert not event.registrations.exists()


def test_registration_must_be_enabled(make_event, member):
    event = make_event(registration_enabled=False)
    with pytest.raises(RegistrationError, match="niet via het platform"):
        register(event, member)


def test_an_unpublished_event_takes_no_registrations(make_event, member):
    event = make_event()
    event.unpublish()
    event.refresh_from_db()
    with pytest.raises(RegistrationError, match="niet \\(meer\\) gepubliceerd"):
        register(event, member)


def test_a_cancelled_event_takes_no_registrations(make_event, member):
    with pytest.raises(RegistrationError, match="geannuleerd"):
        register(make_event(cancelled=True), member)


def test_registration_opens_and_closes_at_the_editors_times(make_event, member):
    now = timezone.now()
    event = make_event(
        start=now + timedelta(days=10), end=now + timedelta(days=10, hours=3),
        registration_opens_at=now + timedelta(days=1),
        registration_closes_at=now + timedelta(days=5),
    )
    with pytest.raises(RegistrationError, match="De aanmelding opent op"):
        register(event, member)
    with later(days=6), pytest.raises(RegistrationError, match="gesloten"):
        register(event, member)
    with later(days=2):
        assert register(event, member).status == Status.CONFIRMED


def test_an_editor_is_not_held_to_the_window_but_not_after_the_start(make_event, member):
    now = timezone.now()
    editor = EditorFactory()
    event = make_event(
        start=now + timedelta(days=3), end=now + timedelta(days=3, hours=2),
        registration_closes_at=now + timedelta(days=1),
    )
    with later(days=2):
        assert register(event, member, added_by=editor).status == Status.CONFIRMED
    with later(days=4), pytest.raises(RegistrationError, match="al begonnen"):
        register(event, new_member(), added_by=editor)


def test_the_opening_time_in_the_message_is_dutch_time_across_dst(make_event, member):
    """The clocks go back on 25 October 2026 at 03:00 CEST (01:00 UTC)."""
    from datetime import UTC, datetime

    event = make_event(
        start=datetime(2026, 10, 27, 9, 0, tzinfo=UTC),
        end=datetime(2026, 10, 27, 15, 0, tzinfo=UTC),
        registration_opens_at=datetime(2026, 10, 25, 9, 0, tzinfo=UTC),  # 10:00 CET
    )
    with (
        clock_at(datetime(2026, 10, 24, 9, 0, tzinfo=UTC)),
        pytest.raises(RegistrationError) as error,
    ):
        register(event, member)
    assert "zondag 25 oktober 2026, 10:00" in error.value.messages[0]


# --- Questions ----------------------------------------------------------------------------


@pytest.fixture
def event_with_questions(make_event):
    from community.events.models import RegistrationQuestion

    event = make_event(capacity=5)
    RegistrationQuestion.objects.create(
        event=event, label="Dieetwensen", kind="text", sort_order=0
    )
    RegistrationQuestion.objects.create(
        event=event, label="Workshop", kind="choice", choices="Phishing\nCrisisoefening",
        required=True, sort_order=1,
    )
    return event


def test_answers_are_stored_with_the_question(event_with_questions, member):
    registration = register(
        event_with_questions, member,
        answers=[
            {"question": "Workshop", "answer": "Crisisoefening"},
            {"question": "Dieetwensen", "answer": " vegetarisch "},
            {"question": "Niet gesteld", "answer": "genegeerd"},
        ],
    )
    assert registration.answers == [
        {"question": "Dieetwensen", "answer": "vegetarisch"},
        {"question": "Workshop", "answer": "Crisisoefening"},
    ]


def test_a_required_question_must_be_answered(event_with_questions, member):
    with pytest.raises(RegistrationError, match="Beantwoord de vraag: Workshop"):
        register(event_with_questions, member, answers=[])
    assert not Registration.objects.exists()


def test_a_choice_must_be_one_of_the_list(event_with_questions, member):
    with pytest.raises(RegistrationError, match="Kies bij"):
        register(event_with_questions, member, answers=[{"question": "Workshop", "answer": "X"}])


# --- Guests -----------------------------------------------------------------------------------


def test_a_guest_confirms_their_address_before_a_seat_is_decided(make_event, outbox):
    event = make_event(capacity=1, open_to_guests=True)
    registration = services.registration_create(event=event, guest=guest(1))

    assert registration.status == Status.UNCONFIRMED
    assert seats_taken(event=event) == 0
    assert subjects(outbox) == [f"[IV-HO] Bevestig je aanmelding: {event.title}"]

    services.guest_confirm(registration=registration)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert seats_taken(event=event) == 1
    # Confirming twice changes nothing and mails nothing.
    services.guest_confirm(registration=registration)
    assert len(outbox) == 2

    second = services.registration_create(event=event, guest=guest(2))
    services.guest_confirm(registration=second)
    second.refresh_from_db()
    assert second.status == Status.WAITLISTED


def test_a_guest_who_signs_up_again_gets_the_mail_again_but_not_too_often(make_event, outbox):
    event = make_event(open_to_guests=True)
    first = services.registration_create(event=event, guest=guest(1))
    assert services.registration_create(event=event, guest=guest(1)) == first
    assert len(outbox) == 1  # too soon: no second mail
    with later(minutes=11):
        assert services.registration_create(event=event, guest=guest(1)) == first
    assert subjects(outbox) == [f"[IV-HO] Bevestig je aanmelding: {event.title}"] * 2
    assert event.registrations.count() == 1


def test_guests_only_when_the_event_is_open_to_them(event):
    with pytest.raises(RegistrationError, match="alleen voor leden"):
        services.registration_create(event=event, guest=guest())


def test_a_guest_needs_name_address_and_institution(make_event):
    event = make_event(open_to_guests=True)
    with pytest.raises(RegistrationError, match="Vul je naam"):
        services.registration_create(event=event, guest=guest(name="  "))


def test_a_guest_address_counts_once_whatever_its_case(make_event):
    event = make_event(open_to_guests=True)
    first = services.registration_create(event=event, guest=guest(email="Piet@Gemeente.example"))
    again = services.registration_create(event=event, guest=guest(email="piet@gemeente.example "))
    assert again == first and event.registrations.count() == 1
    services.guest_confirm(registration=first)
    with pytest.raises(RegistrationError, match="al aangemeld"):
        services.registration_create(event=event, guest=guest(email="PIET@gemeente.example"))


def test_a_guest_cannot_use_a_members_address_twice(make_event, member):
    event = make_event(open_to_guests=True)
    register(event, member)
    with pytest.raises(RegistrationError, match="Dit e-mailadres is al aangemeld"):
        services.registration_create(event=event, guest=guest(email=member.email.upper()))


# --- Cancelling and promotion ------------------------------------------------------------


def test_cancelling_offers_the_seat_to_the_first_on_the_waitlist(make_event, members, outbox):
    event = make_event(capacity=1, offer_hours=24)
    first, second, third = members(3)
    seat = register(event, first)
    waiting = register(event, second)
    register(event, third)
    outbox.clear()

    services.registration_cancel(registration=seat)

    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert abs(waiting.offer_expires_at - (timezone.now() + timedelta(hours=24))) < timedelta(
        minutes=1
    )
    assert seats_taken(event=event) == 1  # an offer holds the seat
    assert subjects(outbox) == [
        f"[IV-HO] Afgemeld: {event.title}",
        f"[IV-HO] Er is een plek vrij: {event.title}",
    ]
    assert outbox[1].to == [second.email]
    assert "/bijeenkomsten/aanmelding/" in outbox[1].body

    services.offer_accept(registration=waiting)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert outbox[-1].subject.startswith("[IV-HO] Aanmelding bevestigd")
    services.offer_accept(registration=waiting)  # a second click: nothing new
    assert len(outbox) == 3


def test_an_offer_never_runs_past_the_start(make_event, members):
    event = make_event(
        capacity=1, offer_hours=48,
        start=timezone.now() + timedelta(hours=10), end=timezone.now() + timedelta(hours=12),
    )
    first, second = members(2)
    seat = register(event, first)
    waiting = register(event, second)
    services.registration_cancel(registration=seat)
    waiting.refresh_from_db()
    assert waiting.offer_expires_at == event.start


def test_promotion_skips_people_whose_institution_is_full(make_event):
    event = make_event(capacity=2, max_per_institution=1)
    tue, uva = InstitutionFactory(), InstitutionFactory()
    tue_1, tue_2 = new_member(institution=tue), new_member(institution=tue)
    uva_1, uva_2 = new_member(institution=uva), new_member(institution=uva)
    other = new_member()
    register(event, tue_1)
    uva_seat = register(event, uva_1)
    tue_wait = register(event, tue_2)  # TU/e is at its maximum
    uva_wait = register(event, uva_2)
    other_wait = register(event, other)
    assert {r.status for r in (tue_wait, uva_wait, other_wait)} == {Status.WAITLISTED}

    services.registration_cancel(registration=uva_seat)

    # TU/e is still full; the UvA colleague is next in line for the UvA seat.
    for registration in (tue_wait, uva_wait, other_wait):
        registration.refresh_from_db()
    assert (tue_wait.status, uva_wait.status, other_wait.status) == (
        Status.WAITLISTED, Status.OFFERED, Status.WAITLISTED,
    )


def test_the_cancellation_deadline_holds_for_members_not_for_editors(make_event, member, outbox):
    now = timezone.now()
    event = make_event(
        start=now + timedelta(days=5), end=now + timedelta(days=5, hours=3),
        cancellation_deadline=now + timedelta(days=2),
    )
    registration = register(event, member)
    with later(days=3), pytest.raises(RegistrationError, match="Afmelden via het platform kon tot"):
        services.registration_cancel(registration=registration)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED

    with later(days=3):
        services.registration_cancel(registration=registration, by=EditorFactory())
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert "De redactie heeft je aanmelding ingetrokken" in outbox[-1].body


def test_leaving_the_waitlist_is_allowed_after_the_deadline(make_event, members):
    now = timezone.now()
    event = make_event(
        capacity=1, start=now + timedelta(days=5), end=now + timedelta(days=5, hours=3),
        cancellation_deadline=now + timedelta(days=2),
    )
    first, second = members(2)
    register(event, first)
    waiting = register(event, second)
    with later(days=3):
        services.registration_cancel(registration=waiting)
    waiting.refresh_from_db()
    assert waiting.status == Status.CANCELLED


def test_an_offered_seat_can_be_declined_after_the_deadline(make_event, members):
    now = timezone.now()
    event = make_event(
        capacity=1, start=now + timedelta(days=5), end=now + timedelta(days=5, hours=3),
        cancellation_deadline=now + timedelta(days=2),
    )
    first, second, third = members(3)
    seat = register(event, first)
    offered = register(event, second)
    waiting = register(event, third)
    editor = EditorFactory()
    with later(days=3):
        services.registration_cancel(registration=seat, by=editor)
        offered.refresh_from_db()
        assert offered.status == Status.OFFERED
        services.registration_cancel(registration=offered)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


def test_cancelling_twice_is_refused(event, member):
    registration = register(event, member)
    services.registration_cancel(registration=registration)
    with pytest.raises(RegistrationError, match="al afgemeld"):
        services.registration_cancel(registration=registration)


def test_offers_expire_and_pass_to_the_next(make_event, members, outbox):
    event = make_event(capacity=1, offer_hours=24)
    first, second, third = members(3)
    seat = register(event, first)
    second_reg = register(event, second)
    third_reg = register(event, third)
    services.registration_cancel(registration=seat)

    assert services.offers_expire() == 0  # not yet
    with later(hours=25):
        assert services.offers_expire() == 1
        assert services.offers_expire() == 0
        with pytest.raises(RegistrationError, match="verlopen"):
            services.offer_accept(registration=second_reg)
    second_reg.refresh_from_db()
    third_reg.refresh_from_db()
    assert second_reg.status == Status.EXPIRED
    assert third_reg.status == Status.OFFERED
    assert [m.to for m in outbox if "Aanbod verlopen" in m.subject] == [[second.email]]


def test_an_offer_cannot_be_taken_after_its_deadline_even_before_the_sweep(make_event, members):
    event = make_event(capacity=1, offer_hours=1)
    first, second = members(2)
    seat = register(event, first)
    waiting = register(event, second)
    services.registration_cancel(registration=seat)
    with later(hours=2), pytest.raises(RegistrationError, match="verlopen"):
        services.offer_accept(registration=waiting)


# --- Reminders --------------------------------------------------------------------------------


def test_a_reminder_goes_out_once_a_day_before(make_event, members, outbox):
    event = make_event(start=timezone.now() + timedelta(days=3))
    seat_holder, waiting_one = members(2)
    event.capacity = 1
    event.save()
    register(event, seat_holder)
    register(event, waiting_one)
    outbox.clear()

    assert services.reminders_send() == 0  # three days ahead
    with later(days=2, hours=1):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0
    assert [(m.subject, m.to) for m in outbox] == [
        (f"[IV-HO] Morgen: {event.title}", [seat_holder.email])
    ]
    assert outbox[0].attachments[0][0] == "bijeenkomst.ics"


def test_who_registers_within_a_day_gets_no_separate_reminder(make_event, member, outbox):
    event = make_event(start=timezone.now() + timedelta(hours=6))
    register(event, member)
    assert services.reminders_send() == 0
    assert subjects(outbox) == [f"[IV-HO] Aanmelding bevestigd: {event.title}"]


def test_no_reminder_for_a_cancelled_event(make_event, member, outbox):
    event = make_event(start=timezone.now() + timedelta(days=2))
    register(event, member)
    event.cancelled = True
    event.save()
    with later(days=1, hours=1):
        assert services.reminders_send() == 0


# --- Changes to the event -----------------------------------------------------------------


def test_a_new_time_is_mailed_once(event, members, outbox):
    for person in members(2):
        register(event, person)
    outbox.clear()

    assert services.event_changes_notify(event=event) == 0  # nothing changed
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save()
    assert services.event_changes_notify(event=event) == 2
    assert services.event_changes_notify(event=event) == 0
    assert subjects(outbox) == [f"[IV-HO] Gewijzigd: {event.title}"] * 2
    assert outbox[0].attachments[0][0] == "bijeenkomst.ics"


def test_a_new_place_is_mailed(event, member, outbox):
    register(event, member)
    outbox.clear()
    event.location_name = "Jaarbeurs Utrecht"
    event.save()
    assert services.event_changes_notify(event=event) == 1
    assert "Jaarbeurs Utrecht" in outbox[0].body


def test_a_cancellation_is_mailed_once_and_closes_registration(event, members, outbox):
    first, second, late = members(3)
    register(event, first)
    cancelled_reg = register(event, second)
    services.registration_cancel(registration=cancelled_reg)
    outbox.clear()

    event.cancelled = True
    event.save()
    assert services.event_changes_notify(event=event) == 1  # not to who cancelled already
    assert services.event_changes_notify(event=event) == 0
    assert outbox[0].subject == f"[IV-HO] Geannuleerd: {event.title}"
    assert outbox[0].to == [first.email]
    with pytest.raises(RegistrationError, match="geannuleerd"):
        register(event, late)


def test_a_raised_capacity_offers_seats_to_the_waitlist(make_event, members, outbox):
    event = make_event(capacity=1)
    first, second = members(2)
    register(event, first)
    waiting = register(event, second)
    event.capacity = 2
    event.save()
    services.event_changes_notify(event=event)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


# --- Anonymisation ------------------------------------------------------------------------------


def test_registrations_of_past_events_are_anonymised_after_the_set_days(
    make_event, member, settings
):
    settings.EVENTS_ANONYMISE_AFTER_DAYS = 30
    now = timezone.now()
    past = make_event(start=now - timedelta(days=40), end=now - timedelta(days=39))
    recent = make_event(start=now - timedelta(days=10), end=now - timedelta(days=9))
    old = RegistrationFactory(
        event=past, user=member, answers=[{"question": "Dieet", "answer": "glutenvrij"}]
    )
    kept = RegistrationFactory(event=recent, user=member)

    assert services.registrations_anonymise() == 1
    assert services.registrations_anonymise() == 0
    old.refresh_from_db()
    kept.refresh_from_db()
    assert (old.name, old.email, old.user, old.answers) == ("", "", None, [])
    assert old.anonymised_at is not None
    assert old.institution_name  # kept: counts per institution stay possible
    assert kept.name and kept.anonymised_at is None


# --- Mail goes through the outbox, in the same transaction -----------------------------------


def test_a_refused_registration_leaves_no_mail_behind(event, member, settings):
    settings.EMAIL_BACKEND = "community.outbox.backends.OutboxBackend"
    register(event, member)
    count = OutgoingMail.objects.count()
    with pytest.raises(RegistrationError):
        register(event, member)
    assert OutgoingMail.objects.count() == count


def test_a_member_is_loaded_fresh(event, member):
    """The profile is read from the database, not from a cached copy on the user."""
    from community.members.models import Profile

    other = InstitutionFactory(name="Universiteit van Amsterdam")
    Profile.objects.filter(user=member).update(institution=other)
    assert register(event, fresh(member)).institution == other
    assert mail.outbox is not None


# --- An unconfirmed guest sign-up does not lock a member out ------------------------------


def test_a_member_takes_over_an_unconfirmed_guest_sign_up_with_their_address(
    make_event, member, outbox
):
    event = make_event(capacity=5, open_to_guests=True)
    squatter = services.registration_create(
        event=event, guest=guest(1, email=member.email.upper(), name="Iemand Anders"),
    )
    outbox.clear()

    registration = register(event, member)

    assert registration.pk == squatter.pk
    assert registration.user_id == member.pk
    assert registration.status == Status.CONFIRMED
    assert registration.name == "Anouk Jansen"
    assert registration.institution == member.profile.institution
    assert subjects(outbox) == [f"[IV-HO] Aanmelding bevestigd: {event.title}"]
    assert event.registrations.count() == 1


def test_a_taken_over_sign_up_joins_the_waitlist_when_full(make_event, member, members, outbox):
    event = make_event(capacity=1, open_to_guests=True)
    register(event, members(1)[0])
    services.registration_create(event=event, guest=guest(1, email=member.email))
    registration = register(event, member)
    assert registration.status == Status.WAITLISTED
    assert registration.user_id == member.pk


def test_a_confirmed_guest_row_still_blocks_the_address(make_event, member):
    event = make_event(capacity=5, open_to_guests=True)
    row = services.registration_create(event=event, guest=guest(1, email=member.email))
    services.guest_confirm(registration=row)
    with pytest.raises(RegistrationError, match="al aangemeld"):
        register(event, member)


def test_unconfirmed_sign_ups_expire_after_three_days_and_at_the_start(make_event, outbox):
    soon = make_event(open_to_guests=True, start=timezone.now() + timedelta(hours=30))
    later_event = make_event(open_to_guests=True, start=timezone.now() + timedelta(days=20))
    at_start = services.registration_create(event=soon, guest=guest(1))
    after_days = services.registration_create(event=later_event, guest=guest(2))
    fresh_one = services.registration_create(event=later_event, guest=guest(3))
    Registration.objects.filter(pk=fresh_one.pk).update(
        created_at=timezone.now() + timedelta(days=2)
    )

    with later(days=2):
        services.offers_expire()
    for row in (at_start, after_days, fresh_one):
        row.refresh_from_db()
    assert at_start.status == Status.EXPIRED  # the event has started
    assert after_days.status == Status.UNCONFIRMED  # two days is not three
    with later(days=3, minutes=1):
        services.offers_expire()
    after_days.refresh_from_db()
    fresh_one.refresh_from_db()
    assert after_days.status == Status.EXPIRED
    assert fresh_one.status == Status.UNCONFIRMED
    # An expired sign-up frees the address: signing up again starts over.
    with later(days=3, minutes=2):
        again = services.registration_create(event=later_event, guest=guest(2))
    assert again.pk != after_days.pk and again.status == Status.UNCONFIRMED


def test_a_confirmation_link_older_than_three_days_is_refused(make_event):
    event = make_event(open_to_guests=True, start=timezone.now() + timedelta(days=20))
    row = services.registration_create(event=event, guest=guest(1))
    with later(days=3, minutes=1), pytest.raises(RegistrationError, match="verlopen"):
        services.guest_confirm(registration=row)


# --- Moving an event moves reminders and offers with it --------------------------------------


def test_moving_an_event_resets_the_reminder(make_event, member, outbox):
    event = make_event(start=timezone.now() + timedelta(days=2))
    registration = register(event, member)
    with later(days=1, hours=1):
        assert services.reminders_send() == 1
    event.start += timedelta(days=7)
    event.end += timedelta(days=7)
    event.save()
    services.event_changes_notify(event=event)
    registration.refresh_from_db()
    assert registration.reminder_sent_at is None
    with later(days=8, hours=1):
        assert services.reminders_send() == 1


def test_moving_an_event_to_within_a_day_lets_the_update_mail_be_the_reminder(
    make_event, member, outbox
):
    event = make_event(start=timezone.now() + timedelta(days=5))
    registration = register(event, member)
    event.start = timezone.now() + timedelta(hours=20)
    event.end = event.start + timedelta(hours=3)
    event.save()
    outbox.clear()
    services.event_changes_notify(event=event)
    registration.refresh_from_db()
    assert subjects(outbox) == [f"[IV-HO] Gewijzigd: {event.title}"]
    assert registration.reminder_sent_at is not None
    assert services.reminders_send() == 0


def test_moving_an_event_earlier_caps_open_offers_at_the_new_start(make_event, members, outbox):
    event = make_event(capacity=1, offer_hours=48, start=timezone.now() + timedelta(days=10))
    first, second = members(2)
    seat = register(event, first)
    waiting = register(event, second)
    services.registration_cancel(registration=seat)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    event.start = timezone.now() + timedelta(hours=12)
    event.end = event.start + timedelta(hours=2)
    event.save()
    services.event_changes_notify(event=event)
    waiting.refresh_from_db()
    assert waiting.offer_expires_at == event.start


def test_an_offer_cannot_be_accepted_once_the_event_has_started(make_event, members, outbox):
    event = make_event(capacity=1, start=timezone.now() + timedelta(days=3))
    first, second = members(2)
    seat = register(event, first)
    waiting = register(event, second)
    services.registration_cancel(registration=seat)
    # An offer that (wrongly) outlives the start, as one made before a move could.
    Registration.objects.filter(pk=waiting.pk).update(
        offer_expires_at=event.start + timedelta(days=1)
    )
    with clock_at(event.start + timedelta(minutes=5)), pytest.raises(
        RegistrationError, match="begonnen"
    ):
        services.offer_accept(registration=waiting)
