"""The editors' registration pages in the admin: no WCAG 2.1 A/AA violations (axe), the
write → preview → send flow of a mail to everyone registered, the check-in list's print
button, and Wagtail's live preview of an event page work in a real browser."""

from django.test import Client
from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe

from community.events.models import Registration, RegistrationQuestion
from tests.browser.test_accessibility import violations_on
from tests.factories import EditorFactory, EventPageFactory, MemberFactory
from tests.factories.events import RegistrationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def editor_page(open_page, live_server):
    """A browser page logged in as an editor (the session of Django's test client)."""
    client = Client()
    client.force_login(EditorFactory())
    page, _log = open_page()
    page.context.add_cookies([{
        "name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url,
    }])
    return page


def test_event_admin_pages_have_no_wcag_violations(open_page, site_tree, live_server):
    event = EventPageFactory(
        parent=site_tree["events"], title="Netwerkdag", registration_enabled=True,
        capacity=1, chatham_house=True,
    )
    RegistrationQuestion.objects.create(event=event, label="Dieetwensen")
    seated, waiting = MemberFactory(), MemberFactory()
    seat = RegistrationFactory(
        event=event, user=seated, answers=[{"question": "Dieetwensen", "answer": "vegan"}]
    )
    RegistrationFactory(event=event, user=waiting, status="waitlisted",
                        waitlisted_at=timezone.now())
    RegistrationFactory(event=event, name="", email="", anonymised_at=timezone.now(),
                        status=Registration.Status.CANCELLED)
    page = editor_page(open_page, live_server)
    axe = Axe()
    report = {}
    base = f"/admin/bijeenkomsten/{event.pk}/"
    for url in ["/admin/bijeenkomsten/", base, base + "presentielijst/", base + "aanmelden/",
                base + "mail/", base + f"intrekken/{seat.pk}/"]:
        assert page.goto(url).status == 200, url
        if found := violations_on(page, axe):
            report[url] = found
    page.goto(base + "mail/")
    page.fill("#id_subject", "Routebeschrijving")
    page.fill("#id_body", "Neem de ingang aan de achterkant.")
    page.click("text=Bekijk de mail")
    page.wait_for_selector("text=Controleer en verstuur")
    if found := violations_on(page, axe):
        report["preview"] = found
    page.click("text=Verstuur de mail")
    page.wait_for_selector("text=De mail is klaargezet voor 1 persoon")
    page.goto(base + "aanmelden/")
    page.click("button:has-text('Aanmelden')")
    page.wait_for_selector("text=Kies het lid")
    if found := violations_on(page, axe):
        report["add form with errors"] = found
    assert not report, report


def test_the_checkin_list_prints_from_its_button(open_page, site_tree, live_server):
    """The button is wired by static/js/print.js (no inline script); printing is stubbed."""
    event = EventPageFactory(parent=site_tree["events"], title="Netwerkdag",
                             registration_enabled=True)
    RegistrationFactory(event=event, user=MemberFactory())
    page = editor_page(open_page, live_server)
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(f"/admin/bijeenkomsten/{event.pk}/presentielijst/")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.printed") == 1


def test_the_live_preview_shows_the_event_page_beside_the_editor(
    open_page, site_tree, live_server
):
    """The preview is an iframe in the admin: its headers must let the admin frame it."""
    event = EventPageFactory(parent=site_tree["events"], title="Netwerkdag in Utrecht")
    page = editor_page(open_page, live_server)
    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1", has_text="Netwerkdag in Utrecht").wait_for()
