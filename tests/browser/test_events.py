"""Register, cancel and get a seat from the waitlist, in a real browser."""

import re

from django.contrib.auth import get_user_model

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from community.events import services
from community.events.models import Registration, RegistrationQuestion
from community.events.selectors import seats_taken
from community.outbox.models import OutgoingMail
from tests.factories import EventPageFactory, MemberFactory

from .test_accessibility import violations_on
from .test_discussions import assert_no_inline_code, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def offer_link(user):
    """The link in the newest "plek vrij" mail to this person, as a path."""
    mail = OutgoingMail.objects.filter(
        subject__startswith="[IV-HO] Er is een plek vrij", recipients__icontains=user.email
    ).latest("pk")
    return re.search(r"https?://[^/\s]+(/bijeenkomsten/aanmelding/\S+/)", mail.payload["body"])[1]


def test_register_cancel_and_promotion_from_the_waitlist(open_page, site_tree):
    event = EventPageFactory(
        parent=site_tree["events"], title="Oefendag crisisteams", capacity=1,
        registration_enabled=True, location_name="Zwolle",
    )
    RegistrationQuestion.objects.create(
        event=event, label="Je rol in het crisisteam", kind="choice",
        choices="Voorzitter\nCommunicatie", required=True, sort_order=0,
    )
    first = fresh(MemberFactory(first_name="Anouk", last_name="Jansen"))
    second = fresh(MemberFactory(first_name="Bram", last_name="Visser"))

    # The first member takes the only seat.
    page, _ = open_page()
    log_in(page, first, event.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    box = page.get_by_role("region", name="Aanmelden")
    expect(box).to_contain_text("Nog 1 plaats vrij")
    box.get_by_role("button", name="Aanmelden").click()
    # A required question left open is explained next to it; nothing is stored.
    expect(page.get_by_role("alert")).to_contain_text("Controleer het formulier")
    expect(page.get_by_text("Beantwoord de vraag: Je rol in het crisisteam")).to_be_visible()
    page.get_by_label("Voorzitter").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("status")).to_contain_text("Je bent aangemeld")
    # The outcome sits in the box and the fragment moves focus to it (WCAG 4.1.3).
    expect(page.locator("#aanmelden-uitkomst")).to_be_focused()
    box = page.get_by_role("region", name="Aanmelden")
    expect(box).to_contain_text("Je bent aangemeld voor deze bijeenkomst")

    # The second member finds it full and joins the waitlist.
    other, _ = open_page()
    log_in(other, second, event.url)
    box = other.get_by_role("region", name="Aanmelden")
    expect(box).to_contain_text("Vol.")
    box.get_by_label("Communicatie").check()
    box.get_by_role("button", name="Zet me op de wachtlijst").click()
    expect(other.get_by_role("region", name="Aanmelden")).to_contain_text(
        "Je staat op de wachtlijst, als nummer 1"
    )
    axe = Axe()
    assert violations_on(other, axe) == []
    assert_no_inline_code(other)

    # The first member cancels; the seat is offered to the second.
    page.get_by_role("region", name="Aanmelden").get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("status")).to_contain_text("Je bent afgemeld")
    expect(page.locator("#aanmelden-uitkomst")).to_be_focused()
    assert violations_on(page, axe) == []

    # The second follows the link in the mail and takes the seat with a button.
    other.goto(offer_link(second))
    expect(other.get_by_role("heading", level=1)).to_contain_text("Je aanmelding")
    assert Registration.objects.get(user=second).status == Registration.Status.OFFERED
    assert violations_on(other, axe) == []
    other.get_by_role("button", name="Ja, ik kom").click()
    expect(other.get_by_role("status")).to_contain_text("Je plek is bevestigd")
    assert Registration.objects.get(user=second).status == Registration.Status.CONFIRMED

    other.goto(event.url)
    expect(other.get_by_role("region", name="Aanmelden")).to_contain_text(
        "Je bent aangemeld voor deze bijeenkomst"
    )
    assert seats_taken(event=event) == 1


def test_the_guest_form_and_my_events_are_accessible(open_page, site_tree):
    event = EventPageFactory(
        parent=site_tree["events"], title="Jaarconferentie", capacity=100,
        registration_enabled=True, open_to_guests=True, chatham_house=True,
        location_name="Utrecht",
    )
    RegistrationQuestion.objects.create(
        event=event, label="Dieetwensen", kind="text", sort_order=0,
    )
    axe = Axe()
    page, _ = open_page()
    page.goto(event.url)
    expect(page.get_by_text("Chatham House Rule.")).to_be_visible()
    box = page.get_by_role("region", name="Aanmelden")
    expect(box.get_by_label("E-mailadres")).to_be_visible()
    assert violations_on(page, axe) == []
    box.get_by_label("Naam").fill("Petra de Boer")
    box.get_by_label("E-mailadres").fill("petra@gemeente.example")
    box.get_by_role("button", name="Aanmelden als gast").click()
    # The institution is missing: explained on the form page, which is accessible too.
    expect(page.get_by_role("alert")).to_contain_text("Controleer het formulier")
    assert violations_on(page, axe) == []
    page.get_by_label("Andere instelling of organisatie").fill("Gemeente Utrecht")
    page.get_by_role("button", name="Aanmelden als gast").click()
    expect(page.get_by_role("status")).to_contain_text("Bevestig je e-mailadres")
    assert Registration.objects.get().status == Registration.Status.UNCONFIRMED

    member = fresh(MemberFactory())
    services.registration_create(event=event, user=member)
    log_in(page, member, "/bijeenkomsten/mijn/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn bijeenkomsten")
    expect(page.get_by_role("link", name="Jaarconferentie", exact=True)).to_be_visible()
    assert violations_on(page, axe) == []
