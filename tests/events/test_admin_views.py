"""The editors' registration pages in the Wagtail admin, driven as an editor would:
the list of events, one event's registrations, the check-in list, adding and removing."""

from datetime import UTC, datetime, timedelta

from django.core import mail
from django.utils import timezone

import pytest

from community.events.models import Registration, RegistrationQuestion
from tests.factories import EditorFactory, InstitutionFactory
from tests.factories.events import RegistrationFactory

from .conftest import new_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox(settings):
    """Mail as the project sends it: an outbox row, delivered on commit to mail.outbox."""
    settings.EMAIL_BACKEND = "community.outbox.backends.OutboxBackend"
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    return mail.outbox

Status = Registration.Status


def event_url(event, rest=""):
    return f"/admin/bijeenkomsten/{event.pk}/{rest}"


@pytest.fixture
def editor(db):
    return EditorFactory(first_name="Roos", last_name="Redactie")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def section(page_html, heading_id):
    start = page_html.index(f'id="{heading_id}"')
    end = page_html.find("<section", start)
    return page_html[start:end if end != -1 else None]


# --- The list of events --------------------------------------------------------------


def test_the_list_shows_upcoming_events_with_their_seats(editor_client, make_event, members):
    full = make_event(title="Netwerkdag sociale veiligheid", capacity=2)
    open_event = make_event(title="Online sessie cybersecurity", capacity=None)
    make_event(title="Zonder aanmelding via het platform", registration_enabled=False)
    past = make_event(
        title="Terugkomdag crisismanagement",
        start=timezone.now() - timedelta(days=30),
        end=timezone.now() - timedelta(days=30, hours=-3),
    )
    a, b, c = members(3)
    RegistrationFactory(event=full, user=a)
    RegistrationFactory(event=full, user=b, status=Status.OFFERED,
                        offer_expires_at=timezone.now() + timedelta(hours=5))
    RegistrationFactory(event=full, user=c, status=Status.WAITLISTED, waitlisted_at=timezone.now())
    RegistrationFactory(event=open_event, user=a)

    page = html(editor_client.get("/admin/bijeenkomsten/"))
    assert "Zonder aanmelding via het platform" not in page
    assert past.title not in page
    row = page[page.index(f'id="bijeenkomst-{full.pk}"'):]
    row = row[:row.index("</tr>")]
    cells = [cell.split(">", 1)[1].split("<", 1)[0].strip() for cell in row.split("<td")[1:]]
    # capacity, taken, left, waitlist, unconfirmed
    assert cells[2:] == ["2", "2", "0", "1", "0"]
    assert f'href="/admin/bijeenkomsten/{full.pk}/"' in page
    assert open_event.title in page and "onbeperkt" in page

    earlier = html(editor_client.get("/admin/bijeenkomsten/?eerder=1"))
    assert past.title in earlier and full.title not in earlier


def test_the_list_shows_times_in_amsterdam(editor_client, make_event):
    # Saturday 30 October 2027 is summer time (UTC+2), the Sunday after winter time (UTC+1).
    make_event(title="Zaterdag", start=datetime(2027, 10, 30, 8, 0, tzinfo=UTC))
    make_event(title="Zondag", start=datetime(2027, 10, 31, 8, 0, tzinfo=UTC))
    page = html(editor_client.get("/admin/bijeenkomsten/"))
    assert "30 oktober 2027, 10:00" in page
    assert "31 oktober 2027, 09:00" in page


def test_no_events_gives_a_clear_message(editor_client, agenda):
    assert "Er zijn geen komende bijeenkomsten" in html(editor_client.get("/admin/bijeenkomsten/"))


# --- One event ---------------------------------------------------------------------------


def test_an_event_without_registrations_renders(editor_client, event):
    page = html(editor_client.get(event_url(event)))
    assert "Nog niemand heeft een plek." in page
    assert "Niemand staat op de wachtlijst." in page


def test_the_event_page_lists_attendees_waitlist_and_more(editor_client, event, members):
    RegistrationQuestion.objects.create(event=event, label="Dieetwensen")
    tue = InstitutionFactory(name="Technische Universiteit Eindhoven")
    anouk = new_member(first_name="Anouk", last_name="Jansen", institution=tue)
    RegistrationFactory(
        event=event, user=anouk, answers=[{"question": "Dieetwensen", "answer": "halal"}]
    )
    now = timezone.now()
    first, second = members(2)
    RegistrationFactory(event=event, user=second, name="Tweede Wachtende",
                        status=Status.WAITLISTED, waitlisted_at=now - timedelta(hours=1))
    RegistrationFactory(event=event, user=first, name="Eerste Wachtende",
                        status=Status.WAITLISTED, waitlisted_at=now - timedelta(hours=2))
    RegistrationFactory(event=event, name="Gast Onbevestigd", status=Status.UNCONFIRMED)
    RegistrationFactory(event=event, name="Iemand Afgemeld", status=Status.CANCELLED,
                        cancelled_at=now)

    page = html(editor_client.get(event_url(event)))
    attendees = section(page, "deelnemers")
    assert "Anouk Jansen" in attendees and anouk.email in attendees
    assert "Technische Universiteit Eindhoven" in attendees
    assert "Dieetwensen" in attendees and "halal" in attendees
    waitlist = section(page, "wachtlijst")
    assert waitlist.index("Eerste Wachtende") < waitlist.index("Tweede Wachtende")
    assert "Gast Onbevestigd" in section(page, "onbevestigd")
    assert "Iemand Afgemeld" in section(page, "afgemeld")
    assert "Iemand Afgemeld" not in attendees
    # Seats: 3, one taken, two free.
    assert "<dt>Bezet</dt><dd>1</dd>" in page.replace("\n", "")
    assert "<dt>Vrij</dt><dd>2</dd>" in page.replace("\n", "")
    for rest in ("export.csv", "export.xlsx", "presentielijst/", "aanmelden/", "mail/"):
        assert event_url(event, rest) in page


def test_registration_times_are_shown_in_amsterdam_across_the_clock_change(
    editor_client, make_event, member
):
    event = make_event(start=datetime(2026, 10, 25, 8, 0, tzinfo=UTC),
                       end=datetime(2026, 10, 25, 12, 0, tzinfo=UTC))
    summer = RegistrationFactory(event=event, user=member)
    winter = RegistrationFactory(event=event, name="Na de omschakeling")
    for registration, moment in [
        (summer, datetime(2026, 10, 24, 8, 0, tzinfo=UTC)),
        (winter, datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
    ]:
        Registration.objects.filter(pk=registration.pk).update(created_at=moment)
    page = html(editor_client.get(event_url(event)))
    assert "zondag 25 oktober 2026, 09:00" in page  # the event itself, in winter time
    assert "24 oktober 2026, 10:00" in page
    assert "25 oktober 2026, 09:00" in page


def test_chatham_house_events_show_the_list_with_a_warning(editor_client, make_event, member):
    event = make_event(chatham_house=True)
    RegistrationFactory(event=event, user=member)
    page = html(editor_client.get(event_url(event)))
    assert "Chatham House Rule" in page
    assert member.email in page
    checkin = html(editor_client.get(event_url(event, "presentielijst/")))
    assert "Chatham House Rule" in checkin


def test_anonymised_registrations_show_as_such(editor_client, event, member):
    RegistrationFactory(event=event, name="", email="", user=None,
                        institution_name="Hogeschool Utrecht", anonymised_at=timezone.now())
    RegistrationFactory(event=event, name="", email="", user=None, status=Status.CANCELLED,
                        institution_name="Hogeschool Utrecht", anonymised_at=timezone.now())
    page = html(editor_client.get(event_url(event)))
    assert page.count("geanonimiseerd") >= 2
    assert "geanonimiseerd" in html(editor_client.get(event_url(event, "presentielijst/")))


def test_a_cancelled_event_or_one_without_registration_says_so(editor_client, make_event):
    page = html(editor_client.get(event_url(make_event(cancelled=True))))
    assert "Deze bijeenkomst is geannuleerd." in page
    page = html(editor_client.get(event_url(make_event(registration_enabled=False))))
    assert "Aanmelden via het platform staat uit" in page


# --- Check-in list --------------------------------------------------------------------


def test_the_check_in_list_is_sorted_by_name_with_a_box_each(editor_client, event, make_event):
    RegistrationFactory(event=event, name="Zeger Zwart", institution_name="Universiteit Leiden")
    RegistrationFactory(event=event, name="Anna Bakker", institution_name="Hogeschool Rotterdam")
    RegistrationFactory(event=event, name="Wim Wachtlijst", status=Status.WAITLISTED,
                        waitlisted_at=timezone.now())
    RegistrationFactory(event=event, name="Afra Afgemeld", status=Status.CANCELLED)
    RegistrationFactory(event=make_event(title="Andere"), name="Olga Ander")
    page = html(editor_client.get(event_url(event, "presentielijst/")))
    assert page.index("Anna Bakker") < page.index("Zeger Zwart")
    assert "Universiteit Leiden" in page and "Hogeschool Rotterdam" in page
    for absent in ("Wim Wachtlijst", "Afra Afgemeld", "Olga Ander"):
        assert absent not in page
    assert "@media print" in page
    assert page.count('class="box"><span') == 2
    assert "2 deelnemers" in page


def test_an_empty_check_in_list_renders(editor_client, event):
    assert "nog geen deelnemers" in html(editor_client.get(event_url(event, "presentielijst/")))


# --- Adding someone by hand ----------------------------------------------------------


def add(client, event, **data):
    return client.post(event_url(event, "aanmelden/"), data)


def test_the_add_form_lists_approved_members_only(editor_client, event, member, pending):
    page = html(editor_client.get(event_url(event, "aanmelden/")))
    assert member.email in page
    assert pending.email not in page


def test_an_editor_adds_a_member_outside_the_window_and_the_cap(
    editor_client, editor, make_event, institution, mailbox, django_capture_on_commit_callbacks
):
    event = make_event(
        capacity=5, max_per_institution=1,
        registration_closes_at=timezone.now() - timedelta(hours=1),
    )
    RegistrationQuestion.objects.create(event=event, label="Dieetwensen")
    RegistrationFactory(event=event, user=new_member(institution=institution))
    colleague = new_member(first_name="Karin", last_name="Smit", institution=institution)
    with django_capture_on_commit_callbacks(execute=True):
        response = add(editor_client, event, kind="lid", member=colleague.pk,
                       **{f"vraag_{event.registration_questions.get().pk}": "glutenvrij"})
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, user=colleague)
    assert registration.status == Status.CONFIRMED
    assert registration.added_by == editor
    assert registration.answers == [{"question": "Dieetwensen", "answer": "glutenvrij"}]
    assert [message.to for message in mailbox] == [[colleague.email]]
    assert "heeft een plek" in html(editor_client.get(response["Location"]))


def test_a_full_event_puts_the_added_member_on_the_waitlist_unless_forced(
    editor_client, make_event, members
):
    event = make_event(capacity=1)
    taken, waiting, forced = members(3)
    RegistrationFactory(event=event, user=taken)
    add(editor_client, event, kind="lid", member=waiting.pk)
    assert Registration.objects.get(user=waiting).status == Status.WAITLISTED
    add(editor_client, event, kind="lid", member=forced.pk, force_seat="on")
    assert Registration.objects.get(user=forced).status == Status.CONFIRMED
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 2


def test_an_editor_adds_a_guest(editor_client, event):
    response = add(editor_client, event, kind="gast", guest_name="Pieter Politie",
                   guest_email="Pieter@Politie.Example", guest_institution_name="Politie Utrecht")
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert (registration.name, registration.email, registration.institution_name) == (
        "Pieter Politie", "pieter@politie.example", "Politie Utrecht"
    )
    assert registration.user is None
    assert registration.status == Status.CONFIRMED


def test_adding_someone_twice_gives_a_message_not_an_error(editor_client, event, member):
    RegistrationFactory(event=event, user=member)
    response = add(editor_client, event, kind="lid", member=member.pk)
    assert "Je bent al aangemeld" in html(response)
    assert event.registrations.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "lid"}, "Kies het lid"),
        ({"kind": "lid", "member": "999999"}, "Selecteer een geldige keuze"),
        ({"kind": "gast", "guest_email": "geen-adres"}, "Vul de naam van de gast in"),
        (
            {"kind": "gast", "guest_name": "X", "guest_email": "x@example.org"},
            "Kies een instelling",
        ),
        ({"kind": "onzin"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gives_a_message_and_stores_nothing(editor_client, event, data, message):
    page = html(add(editor_client, event, **data))
    assert message in page
    assert not event.registrations.exists()


def test_a_pending_account_cannot_be_added_as_a_member(editor_client, event, pending):
    page = html(add(editor_client, event, kind="lid", member=pending.pk))
    assert "Selecteer een geldige keuze" in page
    assert not event.registrations.exists()


def test_an_event_that_already_began_refuses_with_a_message(editor_client, make_event, member):
    event = make_event(start=timezone.now() - timedelta(hours=1))
    page = html(add(editor_client, event, kind="lid", member=member.pk))
    assert "al begonnen" in page
    assert not event.registrations.exists()


# --- Removing someone -----------------------------------------------------------------


def test_removing_asks_first_then_gives_the_seat_to_the_waitlist(
    editor_client, make_event, members, mailbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1, cancellation_deadline=timezone.now() - timedelta(hours=1))
    holder, waiting = members(2)
    seat = RegistrationFactory(event=event, user=holder)
    queued = RegistrationFactory(event=event, user=waiting, status=Status.WAITLISTED,
                                 waitlisted_at=timezone.now())
    url = event_url(event, f"intrekken/{seat.pk}/")
    confirm = html(editor_client.get(url))
    assert seat.name in confirm and "Ja, intrekken" in confirm
    seat.refresh_from_db()
    assert seat.status == Status.CONFIRMED  # a GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url)
    assert response.status_code == 302
    seat.refresh_from_db()
    queued.refresh_from_db()
    # The deadline for members has passed; the editor may still remove.
    assert seat.status == Status.CANCELLED
    assert queued.status == Status.OFFERED
    assert sorted(message.to[0] for message in mailbox) == sorted([holder.email, waiting.email])
    assert "is ingetrokken" in html(editor_client.get(response["Location"]))


def test_removing_twice_is_harmless(editor_client, event, member):
    registration = RegistrationFactory(event=event, user=member, status=Status.CANCELLED)
    url = event_url(event, f"intrekken/{registration.pk}/")
    assert "al ingetrokken" in html(editor_client.get(url))
    response = editor_client.post(url, follow=True)
    assert "al ingetrokken" in html(response)


# --- Queries ----------------------------------------------------------------------------


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("rest", ["", "presentielijst/", "export.csv", "export.xlsx"])
def test_pages_do_not_query_per_registration(editor_client, make_event, editor, rest):
    event = make_event(capacity=100)
    for _ in range(2):
        RegistrationFactory(event=event, user=new_member(), added_by=editor)
    count_queries(editor_client, event_url(event, rest))  # warm up sessions and caches
    few = count_queries(editor_client, event_url(event, rest))
    for n in range(15):
        RegistrationFactory(event=event, user=new_member(), added_by=editor)
        RegistrationFactory(event=event, name=f"Wachtende {n}", status=Status.WAITLISTED,
                            waitlisted_at=timezone.now(), institution=InstitutionFactory())
    assert count_queries(editor_client, event_url(event, rest)) == few


def test_the_event_list_does_not_query_per_event(editor_client, make_event):
    make_event()
    count_queries(editor_client, "/admin/bijeenkomsten/")  # warm up sessions and caches
    few = count_queries(editor_client, "/admin/bijeenkomsten/")
    for _ in range(10):
        make_event()
    assert count_queries(editor_client, "/admin/bijeenkomsten/") == few
