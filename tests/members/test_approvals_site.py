"""/leden/aanmeldingen/: a contact person decides on who asked for their institution."""

from django.test import Client

import pytest

from community.members.models import Profile
from tests.accounts.conftest import audit_account_page
from tests.factories import MemberFactory

from .conftest import applicant, group_names, message_texts

pytestmark = pytest.mark.django_db

QUEUE = "/leden/aanmeldingen/"


def approve_url(profile):
    return f"{QUEUE}{profile.pk}/goedkeuren/"


def reject_url(profile):
    return f"{QUEUE}{profile.pk}/afwijzen/"


def test_contact_sees_only_people_for_their_institution(
    client, tue_contact, tue_applicant, hva_applicant
):
    by_domain = applicant("student@student.tue.example", name="Stijn Student")
    client.force_login(tue_contact)

    response = client.get(QUEUE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Pieter Bakker" in html and "pieter@adviesbureau.example" in html
    assert "Stijn Student" in html  # a subdomain is a hint for the contact, not membership
    assert "Hanna de Groot" not in html
    assert f'action="{approve_url(tue_applicant)}"' in html
    assert "Goedkeuren als lid namens Technische Universiteit Eindhoven" in html
    assert by_domain.status == Profile.Status.PENDING


def test_contact_approves_and_the_person_gets_a_mail(client, tue, tue_contact, tue_applicant,
                                                     mailoutbox):
    client.force_login(tue_contact)

    response = client.post(approve_url(tue_applicant), {"institution": tue.pk})

    assert response.status_code == 302 and response["Location"] == QUEUE
    assert message_texts(response) == [
        "Pieter Bakker is nu lid namens Technische Universiteit Eindhoven. "
        "We hebben een e-mail gestuurd."
    ]
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.APPROVED
    assert tue_applicant.institution == tue and tue_applicant.decided_by == tue_contact
    assert tue_applicant.affiliation_email == "pieter@adviesbureau.example"
    assert "Leden" in group_names(tue_applicant.user)
    [mail] = mailoutbox
    assert mail.to == ["pieter@adviesbureau.example"]
    assert mail.subject == "[IV-HO] Je bent lid van het IV-HO-netwerk"
    assert "Beste Pieter Bakker" in mail.body
    assert "lid namens Technische Universiteit Eindhoven" in mail.body
    assert "http://testserver/accounts/login/" in mail.body
    assert f'id="aanmelding-{tue_applicant.pk}"' not in client.get(QUEUE).content.decode()


def test_contact_rejects_with_a_reason(client, tue_contact, tue_applicant, mailoutbox):
    client.force_login(tue_contact)

    response = client.post(reject_url(tue_applicant),
                           {"reason": "Niet bekend bij de afdeling Veiligheid."})

    assert response.status_code == 302
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.REJECTED
    assert tue_applicant.decided_by == tue_contact and tue_applicant.institution is None
    assert "Leden" not in group_names(tue_applicant.user)
    [mail] = mailoutbox
    assert mail.subject == "[IV-HO] Je aanmelding bij IV-HO"
    assert "niet goedgekeurd" in mail.body
    assert "Niet bekend bij de afdeling Veiligheid." in mail.body


def test_rejection_without_a_reason_says_none(client, tue_contact, tue_applicant, mailoutbox):
    client.force_login(tue_contact)

    client.post(reject_url(tue_applicant), {"reason": ""})

    assert "De reden die is opgegeven" not in mailoutbox[0].body


def test_contact_cannot_decide_on_someone_for_another_institution(
    client, tue_contact, hva_applicant, mailoutbox
):
    client.force_login(tue_contact)

    assert client.post(approve_url(hva_applicant), {"institution": "1"}).status_code == 404
    assert client.post(reject_url(hva_applicant), {"reason": ""}).status_code == 404

    hva_applicant.refresh_from_db()
    assert hva_applicant.status == Profile.Status.PENDING
    assert mailoutbox == []


def test_contact_cannot_approve_for_an_institution_that_is_not_theirs(
    client, tue_contact, hva, tue_applicant, mailoutbox
):
    client.force_login(tue_contact)

    response = client.post(approve_url(tue_applicant), {"institution": hva.pk})

    assert response.status_code == 302
    assert message_texts(response) == [
        "Pieter Bakker: Kies een instelling waarvoor je aanmeldingen mag goedkeuren."
    ]
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, "Pieter Bakker: Kies de instelling waarvoor je deze persoon goedkeurt."),
        ({"institution": "tue"}, "Pieter Bakker: Kies een instelling waarvoor je "
                                 "aanmeldingen mag goedkeuren."),
        ({"institution": "999999"}, "Pieter Bakker: Kies een instelling waarvoor je "
                                    "aanmeldingen mag goedkeuren."),
    ],
)
def test_a_bad_approval_gets_a_message_and_changes_nothing(
    client, tue_contact, tue_applicant, mailoutbox, data, expected
):
    client.force_login(tue_contact)

    response = client.post(approve_url(tue_applicant), data)

    assert response.status_code == 302
    assert message_texts(response) == [expected]
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING
    assert mailoutbox == []


def test_a_too_long_reason_gets_a_message(client, tue_contact, tue_applicant, mailoutbox):
    client.force_login(tue_contact)

    response = client.post(reject_url(tue_applicant), {"reason": "x" * 1001})

    assert message_texts(response) == ["Pieter Bakker: Houd de reden kort: hoogstens 1000 tekens."]
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING


def test_a_second_decision_is_refused_with_a_message(client, tue, tue_contact, tue_applicant,
                                                     mailoutbox):
    client.force_login(tue_contact)
    client.post(approve_url(tue_applicant), {"institution": tue.pk})

    response = client.post(reject_url(tue_applicant), {"reason": "Toch niet."})

    assert message_texts(response)[-1] == "De aanmelding van Pieter Bakker is al beoordeeld."
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.APPROVED
    assert len(mailoutbox) == 1


def test_a_member_who_is_no_contact_gets_403(client, tue, tue_applicant):
    member = MemberFactory(institution=tue)
    client.force_login(member)

    response = client.get(QUEUE)

    assert response.status_code == 403
    assert "Deze pagina is voor contactpersonen" in response.content.decode()
    assert "Pieter Bakker" not in response.content.decode()
    assert client.post(approve_url(tue_applicant), {"institution": tue.pk}).status_code == 403
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING


def test_an_editor_is_pointed_to_the_admin(client, editor):
    client.force_login(editor)

    response = client.get(QUEUE)

    assert response.status_code == 403
    assert 'href="/admin/aanmeldingen/"' in response.content.decode()


def test_anonymous_visitors_are_asked_to_log_in(client, tue_applicant):
    response = client.get(QUEUE)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.post(approve_url(tue_applicant)).status_code == 302


def test_decisions_need_a_post(client, tue_contact, tue_applicant):
    client.force_login(tue_contact)

    assert client.get(approve_url(tue_applicant)).status_code == 405
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING


def test_decisions_need_the_csrf_token(tue, tue_contact, tue_applicant):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(tue_contact)

    assert browser.post(approve_url(tue_applicant), {"institution": tue.pk}).status_code == 403
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING


def test_queue_page_is_accessible(client, tue_contact, tue_applicant, hva):
    hva.contacts.add(tue_contact)  # two institutions: a choice with a label
    # On a TU/e subdomain, asking for the HvA: a match for both.
    hva_too = applicant("z@mail.tue.example", requested_institution="Hogeschool van Amsterdam",
                        name="Zoë Zwart")
    client.force_login(tue_contact)

    page = audit_account_page(client.get(QUEUE))

    ids = {attrs.get("id") for tag, attrs in page.tags if tag in {"select", "textarea"}}
    assert {f"reason-{tue_applicant.pk}", f"reason-{hva_too.pk}"} <= ids
    assert f"institution-{hva_too.pk}" in ids  # two institutions to choose from
    assert f"institution-{tue_applicant.pk}" not in ids  # one: a single button
    assert hva_too.status == Profile.Status.PENDING
