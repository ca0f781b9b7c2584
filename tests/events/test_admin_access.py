"""Who reaches the editors' registration pages: only who may edit the event page.

Anonymous visitors go to the login page, members and accounts without admin
access are sent away, and an editor without rights on the event gets Wagtail's
"no permission" redirect; none of them sees a name or an address.
"""

import re

from django.urls import reverse

from wagtail.models import Page

import pytest

from community.events.models import Registration
from tests.factories import EditorFactory
from tests.factories.events import RegistrationFactory

from .helpers import admin_only_user, section_editor

pytestmark = pytest.mark.django_db


def urls(event, registration):
    base = f"/admin/bijeenkomsten/{event.pk}/"
    return [
        base,
        base + "export.csv",
        base + "export.xlsx",
        base + "presentielijst/",
        base + "aanmelden/",
        base + "mail/",
        base + f"intrekken/{registration.pk}/",
    ]


@pytest.fixture
def registration(event, member):
    return RegistrationFactory(
        event=event, user=member, answers=[{"question": "Dieet", "answer": "notenallergie"}]
    )


def no_data(response, member):
    body = response.content.decode(errors="replace")
    return member.email not in body and "notenallergie" not in body and "Jansen" not in body


def test_anonymous_visitors_are_sent_to_the_login_page(client, event, registration, member):
    login = reverse("account_login")
    for url in urls(event, registration) + ["/admin/bijeenkomsten/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url
    response = client.post(urls(event, registration)[-1])
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


@pytest.mark.parametrize("who", ["member", "pending"])
def test_members_without_admin_access_get_nothing(
    client, request, who, event, registration, member
):
    client.force_login(request.getfixturevalue(who))
    for url in urls(event, registration) + ["/admin/bijeenkomsten/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert no_data(response, member), url
    client.post(urls(event, registration)[-1])
    client.post(f"/admin/bijeenkomsten/{event.pk}/mail/", {"subject": "x", "body": "y"})
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_an_admin_account_without_page_rights_is_refused(client, event, registration, member):
    client.force_login(admin_only_user())
    for url in urls(event, registration) + ["/admin/bijeenkomsten/"]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    response = client.post(urls(event, registration)[-1])
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert "Aanmeldingen bijeenkomsten" not in client.get("/admin/").content.decode()


def test_an_editor_of_another_section_sees_neither_the_event_nor_its_list(
    client, site_tree, event, registration, member
):
    client.force_login(section_editor(site_tree["news"]))
    # They edit pages somewhere, so the menu item is there …
    assert "Aanmeldingen bijeenkomsten" in client.get("/admin/").content.decode()
    listing = client.get("/admin/bijeenkomsten/")
    assert listing.status_code == 200
    # … but this event is not theirs.
    assert event.title not in listing.content.decode()
    for url in urls(event, registration):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
        assert no_data(response, member)


def test_an_editor_of_the_agenda_section_manages_its_events(
    client, agenda, event, registration, member
):
    client.force_login(section_editor(agenda))
    for url in urls(event, registration):
        assert client.get(url).status_code == 200, url
    assert event.title in client.get("/admin/bijeenkomsten/").content.decode()


@pytest.mark.parametrize("superuser", [False, True])
def test_editors_and_superusers_reach_every_page(client, superuser, event, registration, member):
    user = EditorFactory(is_superuser=superuser, groups=[] if superuser else None)
    client.force_login(user)
    for url in urls(event, registration):
        response = client.get(url)
        assert response.status_code == 200, url
    assert member.email in client.get(urls(event, registration)[0]).content.decode()
    assert "Aanmeldingen bijeenkomsten" in client.get("/admin/").content.decode()


def test_the_event_page_in_the_admin_links_to_its_registrations(client, agenda, event):
    client.force_login(EditorFactory())
    target = f"/admin/bijeenkomsten/{event.pk}/"
    edit = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert target in edit
    explorer = client.get(f"/admin/pages/{agenda.pk}/").content.decode()
    assert target in explorer
    # Other pages have no such button (the menu item links to the list, without an id).
    html = client.get(f"/admin/pages/{agenda.pk}/edit/").content.decode()
    assert not re.search(r"/admin/bijeenkomsten/\d+/", html)


def test_the_button_is_not_shown_to_an_editor_without_rights_on_the_event(
    client, site_tree, event
):
    client.force_login(section_editor(site_tree["news"]))
    html = client.get(f"/admin/pages/{site_tree['news'].pk}/edit/").content.decode()
    assert f"/admin/bijeenkomsten/{event.pk}/" not in html


def test_unknown_ids_and_other_pages_are_not_found(client, agenda, make_event, event, member):
    client.force_login(EditorFactory())
    other = make_event(title="Andere bijeenkomst")
    elsewhere = RegistrationFactory(event=other, user=member)
    for url in [
        "/admin/bijeenkomsten/987654/",
        f"/admin/bijeenkomsten/{agenda.pk}/",
        f"/admin/bijeenkomsten/{Page.objects.get(depth=1).pk}/export.csv",
        f"/admin/bijeenkomsten/{10**12}/",
        f"/admin/bijeenkomsten/{event.pk}/intrekken/987654/",
        f"/admin/bijeenkomsten/{event.pk}/intrekken/{10**12}/",
        # A registration of another event, reached through this one.
        f"/admin/bijeenkomsten/{event.pk}/intrekken/{elsewhere.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(f"/admin/bijeenkomsten/{event.pk}/intrekken/{elsewhere.pk}/")
    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == Registration.Status.CONFIRMED
