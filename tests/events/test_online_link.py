"""The online meeting link reaches people with a confirmed seat and the event's editors only.

An open offer is not a seat (it can still be refused or expire), nor is a
waitlist place or an unconfirmed guest sign-up. Every place that renders an
event is checked here: the event page, its .ics download, the public and the
personal calendar feed, the agenda, the home page, search, "Mijn bijeenkomsten",
the pages mail links lead to, and the admin. (Mails: test_mails.py.)
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from icalendar import Calendar

from community.events import services, tokens
from community.events.models import Registration
from tests.factories import EditorFactory, EventPageFactory, UserFactory
from tests.factories.events import RegistrationFactory
from tests.helpers.previews import preview_event

from .conftest import fresh, new_member
from .helpers import admin_only_user, section_editor

pytestmark = pytest.mark.django_db
Status = Registration.Status
ONLINE = "https://vergaderen.example/geheime-kamer-4711"
SEAT_HINT = "Wie een plek heeft, ziet de link hier en krijgt hem per e-mail."


@pytest.fixture
def online_event(make_event):
    return make_event(
        title="Netwerkdag hybride", capacity=2, format="hybrid", location_name="Utrecht",
        online_url=ONLINE, open_to_guests=True,
    )


def registered(event, status, **kwargs):
    """A member (or, with user=None, a guest) with a registration of `status`."""
    kwargs.setdefault("user", new_member())
    if status == Status.WAITLISTED:
        kwargs["waitlisted_at"] = timezone.now()
    if status == Status.OFFERED:
        kwargs["waitlisted_at"] = timezone.now() - timedelta(days=1)
        kwargs["offer_expires_at"] = timezone.now() + timedelta(days=1)
    return RegistrationFactory(event=event, status=status, **kwargs)


def viewer(kind, event, site_tree):
    """The account for a kind of viewer of `event` (None: an anonymous visitor)."""
    if kind == "anonymous":
        return None
    if kind == "pending":  # logged in, membership not approved
        return fresh(UserFactory())
    if kind == "guest_account":  # logged in, not a member, a confirmed guest seat
        user = fresh(UserFactory())
        registered(event, Status.CONFIRMED, user=None, email=user.email)
        return user
    if kind == "member":
        return new_member()
    if kind in {"waitlisted", "offered", "cancelled", "seat"}:
        status = Status.CONFIRMED if kind == "seat" else kind
        return registered(event, status).user
    if kind == "editor":
        return fresh(EditorFactory())
    if kind == "editor_elsewhere":
        return section_editor(site_tree["news"])
    if kind == "admin_only":
        return admin_only_user()
    raise AssertionError(kind)


WITHOUT_LINK = [
    "anonymous", "pending", "guest_account", "member", "waitlisted", "offered", "cancelled",
    "editor_elsewhere", "admin_only",
]
WITH_LINK = ["seat", "editor"]


def get(client, user, url):
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- The event page ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", WITHOUT_LINK)
def test_the_page_hides_the_link_from_everyone_without_a_seat(
    client, online_event, site_tree, kind
):
    body = get(client, viewer(kind, online_event, site_tree), online_event.url)
    assert ONLINE not in body
    assert SEAT_HINT in body


@pytest.mark.parametrize("kind", WITH_LINK)
def test_the_page_shows_the_link_to_a_seat_holder_and_an_editor(
    client, online_event, site_tree, kind
):
    body = get(client, viewer(kind, online_event, site_tree), online_event.url)
    assert f'<a href="{ONLINE}" rel="noopener">Link voor online deelname</a>' in body
    assert SEAT_HINT not in body


def test_a_guest_who_registered_from_the_page_does_not_see_it(client, online_event, outbox):
    """A guest confirms by mail; the page cannot know them, so it never shows the link."""
    data = {"guest_name": "Gast Voorbeeld", "guest_email": "gast@gemeente.example",
            "guest_institution_name": "Gemeente Voorbeeldstad"}
    response = client.post(reverse("events:guest_register", args=[online_event.pk]), data)
    assert response.status_code == 302
    registration = online_event.registrations.get()
    assert registration.status == Status.UNCONFIRMED
    assert ONLINE not in get(client, None, online_event.url)
    services.guest_confirm(registration=registration)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert ONLINE not in get(client, None, online_event.url)
    assert ONLINE in outbox[-1].body  # the confirmation mail carries it


def test_without_registration_on_the_platform_only_editors_see_it(client, agenda, site_tree):
    event = EventPageFactory(parent=agenda, format="online", online_url=ONLINE,
                             location_name="")
    body = get(client, viewer("member", event, site_tree), event.url)
    assert ONLINE not in body
    assert "De organisatie stuurt de link aan de deelnemers." in body
    client.logout()
    assert ONLINE in get(client, viewer("editor", event, site_tree), event.url)


def test_a_seat_for_another_event_does_not_count(client, online_event, make_event):
    other = make_event(capacity=5)
    user = registered(other, Status.CONFIRMED).user
    assert ONLINE not in get(client, user, online_event.url)


# --- The pages mail links lead to -----------------------------------------------------------


@pytest.mark.parametrize(
    "status", [Status.UNCONFIRMED, Status.WAITLISTED, Status.OFFERED, Status.CANCELLED]
)
@pytest.mark.parametrize("who", ["guest", "member"])
def test_the_mail_link_pages_do_not_show_it_without_a_seat(client, online_event, status, who):
    registration = registered(online_event, status, **({"user": None} if who == "guest" else {}))
    if registration.user is not None:
        client.force_login(registration.user)
    token = tokens.registration_token(registration=registration)
    assert ONLINE not in get(client, None, reverse("events:manage", args=[token]))


# --- Calendar files and feeds ---------------------------------------------------------------


def ics_text(content):
    """Every VEVENT's text, unfolded (a long link is folded across lines in the file)."""
    return "\n".join(
        str(item.get(field, ""))
        for item in Calendar.from_ical(content).walk("VEVENT")
        for field in ("DESCRIPTION", "LOCATION", "URL", "SUMMARY")
    )


@pytest.mark.parametrize("kind", WITHOUT_LINK)
def test_the_event_download_has_no_link_without_a_seat(client, online_event, site_tree, kind):
    user = viewer(kind, online_event, site_tree)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("events:event_ics", args=[online_event.pk]))
    assert response.status_code == 200
    assert online_event.title in ics_text(response.content)
    assert ONLINE not in ics_text(response.content)


@pytest.mark.parametrize("kind", WITH_LINK)
def test_the_event_download_has_the_link_for_a_seat_holder_and_an_editor(
    client, online_event, site_tree, kind
):
    client.force_login(viewer(kind, online_event, site_tree))
    response = client.get(reverse("events:event_ics", args=[online_event.pk]))
    assert f"Online deelnemen: {ONLINE}" in ics_text(response.content)


def test_the_public_feed_never_has_the_link(client, online_event, make_event):
    registered(online_event, Status.CONFIRMED)
    online_only = make_event(format="online", online_url=ONLINE + "-b", location_name="")
    registered(online_only, Status.CONFIRMED)
    response = client.get(reverse("events:public_feed"))
    text = ics_text(response.content)
    assert online_event.title in text and online_only.title in text
    assert ONLINE not in text


def test_the_personal_feed_has_the_link_for_confirmed_seats_only(client, make_event):
    member = new_member()
    seat = make_event(title="Met plek", format="online", online_url=ONLINE + "-plek",
                      location_name="")
    offer = make_event(title="Met aanbod", format="online", online_url=ONLINE + "-aanbod",
                       location_name="")
    waiting = make_event(title="Op de wachtlijst", format="online",
                         online_url=ONLINE + "-wacht", location_name="")
    registered(seat, Status.CONFIRMED, user=member)
    registered(offer, Status.OFFERED, user=member)
    registered(waiting, Status.WAITLISTED, user=member)
    feed = services.calendar_feed_renew(user=member)
    text = ics_text(client.get(reverse("events:personal_feed", args=[feed.token])).content)
    assert "Met plek" in text and "Met aanbod" in text
    assert "Op de wachtlijst" not in text
    assert f"Online deelnemen: {ONLINE}-plek" in text
    assert ONLINE + "-aanbod" not in text and ONLINE + "-wacht" not in text


# --- Lists, search and the member pages: never the link, not even for a seat holder -----------


@pytest.mark.parametrize("kind", ["anonymous", "seat", "editor"])
def test_listings_never_show_the_link(client, online_event, site_tree, home, kind):
    online_event.intro = "Een dag over hybride samenwerken."
    online_event.save_revision().publish()
    user = viewer(kind, online_event, site_tree)
    for url in [site_tree["events"].url, home.url, reverse("search") + "?q=Netwerkdag"]:
        body = get(client, user, url)
        assert online_event.title in body, url
        assert ONLINE not in body, url


def test_my_events_does_not_show_the_link(client, online_event, make_event):
    other = make_event(capacity=1, format="online", online_url=ONLINE + "-b", location_name="")
    member = registered(online_event, Status.CONFIRMED).user
    registered(other, Status.OFFERED, user=member)
    body = get(client, member, reverse("events:my_events"))
    assert online_event.title in body and other.title in body
    assert ONLINE not in body


def test_no_page_api_is_mounted(client, online_event):
    """Wagtail's API would serve every field of a page, the link included."""
    for url in ["/api/v2/pages/", f"/api/v2/pages/{online_event.pk}/"]:
        assert client.get(url).status_code == 404, url


# --- The admin ----------------------------------------------------------------------------


def test_an_editor_without_rights_on_the_event_gets_no_link_in_the_admin(
    client, online_event, site_tree
):
    client.force_login(section_editor(site_tree["news"]))
    for url in [
        reverse("wagtailadmin_pages:edit", args=[online_event.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[online_event.pk]),
        reverse("wagtailadmin_pages:history", args=[online_event.pk]),
    ]:
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert ONLINE not in response.content.decode(), url


def test_the_editor_sees_the_link_in_the_draft_and_the_live_preview(client, online_event):
    client.force_login(fresh(EditorFactory()))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[online_event.pk]))
    assert response.status_code == 200
    assert ONLINE in response.content.decode()
    response = preview_event(client, online_event, online_url=ONLINE + "-nieuw")
    assert response.status_code == 200
    assert ONLINE + "-nieuw" in response.content.decode()
