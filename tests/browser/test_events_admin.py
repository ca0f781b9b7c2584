"""The editors' registration pages in the admin: no WCAG 2.1 A/AA violations (axe), and
the write → preview → send flow of a mail to everyone registered works in a real browser."""

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
    client = Client()
    client.force_login(EditorFactory())
    page, _log = open_page()
    page.context.add_cookies([{
        "name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url,
    }])
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
