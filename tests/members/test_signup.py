"""Sign-up through allauth's own view, with the name and institution it now asks."""

from django.contrib.auth import get_user_model

import pytest

from community.members.models import Profile
from tests.accounts.conftest import audit_account_page, link_from_mail, logged_in_user_id

from .conftest import group_names

pytestmark = pytest.mark.django_db

PASSWORD = "nieuw-en-lang-genoeg-42"
INSTITUTION_LABEL = "Instelling (als je geen e-mailadres van je instelling gebruikt)"


def sign_up(client, **fields):
    data = {"display_name": "Lotte van Dam", "email": "lotte@example.org",
            "requested_institution": "", "password1": PASSWORD, "password2": PASSWORD,
            **fields}
    return client.post("/accounts/signup/", data)


def confirm(client, mailoutbox):
    [message] = mailoutbox
    return client.post(link_from_mail(message, "/accounts/confirm-email/"), follow=True)


def test_signup_page_asks_name_and_institution_in_dutch(client):
    response = client.get("/accounts/signup/")

    page = audit_account_page(response)  # every field labelled, our layout, CSP-clean
    html = response.content.decode()
    assert '<label for="id_display_name">Naam</label>' in html
    assert f'<label for="id_requested_institution">{INSTITUTION_LABEL}</label>' in html
    ids = [attrs.get("id") for tag, attrs in page.tags if tag == "input"]
    assert ids.index("id_display_name") < ids.index("id_email") < ids.index("id_password1")
    inputs = {attrs.get("id"): attrs for tag, attrs in page.tags if tag == "input"}
    assert "required" in inputs["id_display_name"]
    assert inputs["id_display_name"]["autocomplete"] == "name"
    assert "required" not in inputs["id_requested_institution"]


def test_signup_with_an_institution_address_becomes_a_member_after_confirming(
    client, tue, mailoutbox
):
    response = sign_up(client, email="Lotte@TUE.example")
    assert response.status_code == 302

    profile = Profile.objects.get(user__email="lotte@tue.example")
    assert profile.display_name == "Lotte van Dam"
    assert profile.status == Profile.Status.PENDING  # not verified yet
    assert "Leden" not in group_names(profile.user)

    page = confirm(client, mailoutbox)

    profile.refresh_from_db()
    assert (profile.status, profile.institution) == (Profile.Status.APPROVED, tue)
    assert profile.affiliation_email == "lotte@tue.example" and profile.decided_by is None
    assert "Leden" in group_names(profile.user)
    assert logged_in_user_id(client) == str(profile.user.pk)
    assert "Technische Universiteit Eindhoven: je bent lid" in page.content.decode()


def test_signup_without_institution_address_waits_with_the_requested_institution(
    client, tue, mailoutbox
):
    response = sign_up(client, requested_institution="  Hogeschool   van Amsterdam ")
    assert response.status_code == 302

    page = confirm(client, mailoutbox)

    profile = Profile.objects.get(user__email="lotte@example.org")
    assert profile.status == Profile.Status.PENDING and profile.institution is None
    assert profile.requested_institution == "Hogeschool van Amsterdam"
    assert "Leden" not in group_names(profile.user)
    assert "Je aanmelding als lid wacht op goedkeuring" in page.content.decode()


def test_signup_without_a_name_is_refused_in_dutch(client, mailoutbox):
    response = sign_up(client, display_name="   ")

    assert response.status_code == 200
    assert "Vul je naam in." in response.content.decode()
    assert not get_user_model().objects.filter(email="lotte@example.org").exists()
    assert mailoutbox == []


def test_signup_with_a_too_long_institution_is_refused(client, mailoutbox):
    response = sign_up(client, requested_institution="x" * 161)

    assert response.status_code == 200
    assert response.context["form"].errors["requested_institution"]
    assert not get_user_model().objects.filter(email="lotte@example.org").exists()


def test_signup_for_an_existing_address_creates_nothing(client, mailoutbox):
    sign_up(client)
    mailoutbox.clear()

    response = sign_up(client, display_name="Iemand Anders", email="LOTTE@example.org")

    assert response.status_code == 302  # allauth tells nothing (enumeration)
    assert Profile.objects.filter(user__email="lotte@example.org").count() == 1
    assert Profile.objects.get(user__email="lotte@example.org").display_name == "Lotte van Dam"
