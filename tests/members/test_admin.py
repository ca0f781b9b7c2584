"""The Wagtail admin: institutions with their domains, and the queue "Aanmeldingen"."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from allauth.account.models import EmailAddress

from community.members.models import Institution, Profile
from tests.factories import MemberFactory, UserFactory

from .conftest import applicant, group_names, message_texts

pytestmark = pytest.mark.django_db

QUEUE = "/admin/aanmeldingen/"


def approve_url(profile_id):
    return f"{QUEUE}{profile_id}/goedkeuren/"


def reject_url(profile_id):
    return f"{QUEUE}{profile_id}/afwijzen/"


def admin_only_group():
    group = Group.objects.create(name="Alleen admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


# --- Institutions --------------------------------------------------------------------------


def institution_form(**fields):
    data = {"name": "Universiteit Utrecht", "short_name": "UU", "slug": "uu",
            "kind": "universiteit", "website": "https://www.uu.example",
            "domains": inline_formset([{"domain": "uu.example"}]), **fields}
    return nested_form_data(data)


@pytest.mark.parametrize("group", ["Redacteuren", "Eindredactie"])
def test_editors_may_add_change_and_delete_institutions(group):
    codenames = set(Group.objects.get(name=group).permissions.filter(
        content_type__app_label="members").values_list("codename", flat=True))

    assert {"add_institution", "change_institution", "delete_institution",
            "change_profile"} <= codenames


def test_editor_adds_an_institution_with_its_domains(client, editor):
    client.force_login(editor)

    response = client.post(reverse("wagtailsnippets_members_institution:add"),
                           institution_form())

    assert response.status_code == 302
    institution = Institution.objects.get(slug="uu")
    assert list(institution.domains.values_list("domain", flat=True)) == ["uu.example"]
    listing = client.get(reverse("wagtailsnippets_members_institution:list"))
    assert listing.status_code == 200
    assert "Universiteit Utrecht" in listing.content.decode()
    assert "uu.example" in listing.content.decode()


def test_editors_filter_institutions_by_size(client, editor):
    from tests.factories import InstitutionFactory

    InstitutionFactory(name="Hogeschool Klein", is_small=True)
    InstitutionFactory(name="Hogeschool Groot", is_small=False)
    client.force_login(editor)
    url = reverse("wagtailsnippets_members_institution:list")

    html = client.get(url, {"is_small": "true"}).content.decode()

    assert "Hogeschool Klein" in html and "Hogeschool Groot" not in html
    assert "kleine instelling" in client.get(url).content.decode().lower()


def test_a_bad_domain_is_a_form_error_not_a_500(client, editor):
    client.force_login(editor)

    response = client.post(reverse("wagtailsnippets_members_institution:add"),
                           institution_form(domains=inline_formset([{"domain": "@uu.example"}])))

    assert response.status_code == 200
    assert "Geef alleen het domein" in response.content.decode()
    assert not Institution.objects.filter(slug="uu").exists()


def test_adding_a_domain_in_the_admin_admits_who_waits_with_that_address(client, editor):
    waiting = applicant("iemand@uu.example", name="Ilse Wacht")
    client.force_login(editor)

    response = client.post(reverse("wagtailsnippets_members_institution:add"),
                           institution_form())

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Profile.Status.APPROVED
    assert waiting.institution.slug == "uu"
    assert any(
        text.startswith("1 account met een adres")
        and text.endswith("is nu lid van deze instelling.")
        for text in message_texts(response)
    )


def test_members_cannot_reach_the_institutions(client, member):
    client.force_login(member)

    response = client.get(reverse("wagtailsnippets_members_institution:list"))

    assert response.status_code == 302  # no admin access: off to the login


# --- Aanmeldingen --------------------------------------------------------------------------


def test_editor_sees_every_pending_account_with_a_count(
    client, editor, tue, hva, tue_applicant, hva_applicant
):
    member = MemberFactory(institution=tue)
    client.force_login(editor)

    response = client.get(QUEUE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Pieter Bakker" in html and "Hanna de Groot" in html
    assert "Technische Universiteit Eindhoven" in html  # the asked-for institution
    assert member.email not in html
    # The institution someone asked for is preselected.
    assert f'<option value="{hva.pk}" selected>Hogeschool van Amsterdam</option>' in html
    menu = client.get("/admin/").content.decode()
    assert "Aanmeldingen (2)" in menu


def test_editor_approves_in_the_admin(client, editor, tue, tue_applicant, mailoutbox):
    client.force_login(editor)

    response = client.post(approve_url(tue_applicant.pk), {"institution": tue.pk})

    assert response.status_code == 302 and response["Location"] == QUEUE
    assert message_texts(response) == [
        "Pieter Bakker is nu lid namens Technische Universiteit Eindhoven. "
        "We hebben een e-mail gestuurd."
    ]
    tue_applicant.refresh_from_db()
    assert (tue_applicant.status, tue_applicant.institution) == (Profile.Status.APPROVED, tue)
    assert tue_applicant.decided_by == editor
    assert "Leden" in group_names(tue_applicant.user)
    assert [mail.to for mail in mailoutbox] == [["pieter@adviesbureau.example"]]


def test_editor_may_approve_for_any_institution(client, editor, hva, tue_applicant):
    client.force_login(editor)

    client.post(approve_url(tue_applicant.pk), {"institution": hva.pk})

    tue_applicant.refresh_from_db()
    assert tue_applicant.institution == hva


def test_editor_rejects_in_the_admin(client, editor, tue_applicant, mailoutbox):
    client.force_login(editor)

    response = client.post(reject_url(tue_applicant.pk), {"reason": "Geen medewerker."})

    assert response.status_code == 302
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.REJECTED
    assert "Geen medewerker." in mailoutbox[0].body


@pytest.mark.parametrize(
    ("url", "data", "expected"),
    [
        (approve_url(999999), {"institution": "1"}, "Deze aanmelding bestaat niet (meer)."),
        (reject_url(999999), {}, "Deze aanmelding bestaat niet (meer)."),
        ("missing-institution", {},
         "Pieter Bakker: Kies de instelling waarvoor je deze persoon goedkeurt."),
        ("unknown-institution", {"institution": "999999"},
         "Pieter Bakker: Kies een instelling waarvoor je aanmeldingen mag goedkeuren."),
    ],
)
def test_a_bad_post_gets_a_clear_message_and_changes_nothing(
    client, editor, tue_applicant, mailoutbox, url, data, expected
):
    if not url.startswith("/"):
        url = approve_url(tue_applicant.pk)
    client.force_login(editor)

    response = client.post(url, data)

    assert response.status_code == 302 and response["Location"] == QUEUE
    assert message_texts(response) == [expected]
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING
    assert mailoutbox == []
    page = client.get(QUEUE)
    assert page.status_code == 200 and expected in page.content.decode()


def test_a_contact_person_with_admin_access_sees_only_their_institution(
    client, tue, tue_applicant, hva_applicant
):
    contact = MemberFactory(email="beheer@tue.example", institution=tue)
    contact.groups.add(admin_only_group())  # no right to decide on everyone
    tue.contacts.add(contact)
    client.force_login(contact)

    response = client.get(QUEUE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Pieter Bakker" in html and "Hanna de Groot" not in html
    assert "Aanmeldingen (1)" in client.get("/admin/").content.decode()
    assert client.post(approve_url(hva_applicant.pk), {"institution": "1"}).status_code == 404


def test_admin_users_who_decide_nothing_get_no_queue(client, tue_applicant):
    someone = UserFactory()
    someone.groups.add(admin_only_group())
    client.force_login(someone)

    # Wagtail answers PermissionDenied in the admin with a redirect to its dashboard.
    assert client.get(QUEUE)["Location"] == "/admin/"
    assert client.post(approve_url(tue_applicant.pk), {"institution": "1"}
                       )["Location"] == "/admin/"
    assert "Aanmeldingen" not in client.get("/admin/").content.decode()
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING


def test_members_without_admin_access_cannot_reach_the_admin_queue(client, member, tue_applicant):
    client.force_login(member)

    assert client.get(QUEUE).status_code == 302
    assert client.post(approve_url(tue_applicant.pk), {"institution": "1"}).status_code == 302
    tue_applicant.refresh_from_db()
    assert tue_applicant.status == Profile.Status.PENDING


def test_accounts_that_never_confirmed_their_address_are_not_in_the_queue(client, editor):
    unconfirmed = applicant("typo@exampel.org", name="Tim Typo", verified=False)
    EmailAddress.objects.create(user=unconfirmed.user, email="typo@exampel.org", primary=True)
    client.force_login(editor)

    html = client.get(QUEUE).content.decode()

    assert "Tim Typo" not in html
    assert unconfirmed.status == Profile.Status.PENDING
    assert "Aanmeldingen (" not in client.get("/admin/").content.decode()
