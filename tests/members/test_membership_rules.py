"""The membership rules: institution addresses, address changes and the group "Leden".

Address events go through allauth's own pages (add, confirm, make primary), so
the signal wiring is tested with the rules.
"""

import importlib
import io

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from community.members.models import InstitutionDomain, Profile
from community.members.services import (
    institution_members_sync,
    profile_approve,
    profile_get_or_create,
    profile_membership_sync,
    profile_reject,
)
from tests.accounts.conftest import link_from_mail
from tests.factories import InstitutionFactory, MemberFactory, UserFactory

from .conftest import fresh, group_names

pytestmark = pytest.mark.django_db


def add_and_confirm(client, user, email, mailoutbox):
    """Add an address on the account page and confirm it by the link in the mail."""
    client.force_login(user)
    mailoutbox.clear()
    response = client.post("/accounts/email/", {"action_add": "", "email": email})
    assert response.status_code == 302, response.content.decode()
    [message] = [m for m in mailoutbox if m.to == [email]]
    assert client.post(link_from_mail(message, "/accounts/confirm-email/")).status_code == 302
    return EmailAddress.objects.get(user=user, email=email)


def make_primary(client, email):
    response = client.post("/accounts/email/", {"action_primary": "", "email": email})
    assert response.status_code == 302


# --- Institution addresses ---------------------------------------------------------------


def test_a_verified_institution_address_makes_an_approved_member(tue):
    user = UserFactory(email="jan@tue.example")

    profile = fresh(user).profile

    assert profile.status == Profile.Status.APPROVED
    assert profile.institution == tue
    assert profile.affiliation_email == "jan@tue.example"
    assert profile.decided_by is None and profile.status_changed_at
    assert "Leden" in group_names(user)
    assert fresh(user).has_perm("cms.view_members_only")


def test_the_domain_match_ignores_case(tue):
    user = UserFactory(email="Jan.Jansen@TUE.Example")

    profile = profile_membership_sync(user=user)

    assert (profile.status, profile.institution) == (Profile.Status.APPROVED, tue)


def test_an_unverified_institution_address_does_not_count(tue):
    user = UserFactory(email="jan@tue.example", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)

    profile = profile_membership_sync(user=user)

    assert profile.status == Profile.Status.PENDING
    assert profile.institution is None
    assert "Leden" not in group_names(user)


def test_a_subdomain_does_not_count(tue):
    user = UserFactory(email="student@student.tue.example")

    profile = profile_membership_sync(user=user)

    assert profile.status == Profile.Status.PENDING and profile.institution is None


def test_a_lookalike_domain_does_not_count(tue):
    user = UserFactory(email="jan@nottue.example")

    assert profile_membership_sync(user=user).status == Profile.Status.PENDING


def test_without_a_matching_domain_the_account_stays_pending(tue):
    user = UserFactory(email="anna@example.org")

    profile = profile_membership_sync(user=user)

    assert profile.status == Profile.Status.PENDING
    assert not fresh(user).has_perm("cms.view_members_only")


def test_confirming_an_institution_address_approves_through_allauth(client, tue, mailoutbox):
    user = UserFactory(email="anna@example.org")
    assert user.profile.status == Profile.Status.PENDING
    # A second address is not primary yet: the membership follows the primary one.
    add_and_confirm(client, user, "anna@tue.example", mailoutbox)
    assert fresh(user).profile.status == Profile.Status.PENDING

    make_primary(client, "anna@tue.example")

    profile = fresh(user).profile
    assert (profile.status, profile.institution) == (Profile.Status.APPROVED, tue)
    assert profile.affiliation_email == "anna@tue.example"


# --- Address changes ------------------------------------------------------------------------


def test_a_new_primary_address_at_another_institution_moves_the_membership(
    client, tue, hva, mailoutbox
):
    user = UserFactory(email="sam@tue.example")
    assert fresh(user).profile.institution == tue

    add_and_confirm(client, user, "sam@hva.example", mailoutbox)
    make_primary(client, "sam@hva.example")

    profile = fresh(user).profile
    assert (profile.status, profile.institution) == (Profile.Status.APPROVED, hva)
    assert profile.affiliation_email == "sam@hva.example"
    assert "Leden" in group_names(user)


def test_a_new_primary_address_without_institution_ends_the_membership(
    client, tue, mailoutbox
):
    user = UserFactory(email="sam@tue.example", groups=["Redacteuren"])
    assert fresh(user).profile.status == Profile.Status.APPROVED

    add_and_confirm(client, user, "sam@prive.example", mailoutbox)
    make_primary(client, "sam@prive.example")

    profile = fresh(user).profile
    assert profile.status == Profile.Status.PENDING
    assert profile.institution is None and profile.affiliation_email == ""
    assert group_names(user) == {"Redacteuren"}  # out of Leden; the editor group stays
    page = client.get("/").content.decode()
    assert "wacht daarom opnieuw op goedkeuring" in page


def test_reconfirming_the_same_address_keeps_a_manual_approval(tue, editor):
    profile = UserFactory(email="extern@adviesbureau.example").profile
    profile_approve(profile=profile, institution=tue, decided_by=editor)
    address = EmailAddress.objects.get(email="extern@adviesbureau.example")

    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)

    profile.refresh_from_db()
    assert (profile.status, profile.institution) == (Profile.Status.APPROVED, tue)
    assert profile.decided_by == editor
    assert "Leden" in group_names(profile.user)


def test_a_manual_approval_ends_when_the_primary_address_changes(client, tue, editor,
                                                                 mailoutbox):
    user = UserFactory(email="extern@adviesbureau.example")
    profile_approve(profile=user.profile, institution=tue, decided_by=editor)

    add_and_confirm(client, user, "extern@anderbureau.example", mailoutbox)
    make_primary(client, "extern@anderbureau.example")

    profile = fresh(user).profile
    assert profile.status == Profile.Status.PENDING
    assert "Leden" not in group_names(user)


def test_a_rejected_account_stays_rejected_on_another_private_address(editor):
    profile = UserFactory(email="x@example.org").profile
    profile_reject(profile=profile, decided_by=editor)
    address = EmailAddress.objects.get(email="x@example.org")
    address.email = "y@example.org"
    address.save()

    assert profile_membership_sync(user=profile.user).status == Profile.Status.REJECTED


def test_a_rejected_account_with_an_institution_address_becomes_a_member(tue, editor):
    profile = UserFactory(email="x@example.org").profile
    profile_reject(profile=profile, decided_by=editor)
    EmailAddress.objects.filter(user=profile.user).update(email="x@tue.example")

    profile = profile_membership_sync(user=profile.user)

    assert (profile.status, profile.institution) == (Profile.Status.APPROVED, tue)


# --- The group "Leden" follows the status ----------------------------------------------------


def test_group_leden_follows_approval_and_rejection(tue, editor):
    approved = UserFactory().profile
    rejected = UserFactory().profile
    assert "Leden" not in group_names(approved.user)

    profile_approve(profile=approved, institution=tue, decided_by=editor)
    profile_reject(profile=rejected, decided_by=editor, reason="Onbekend bij de instelling.")

    assert "Leden" in group_names(approved.user)
    assert fresh(approved.user).has_perm("cms.view_members_only")
    assert "Leden" not in group_names(rejected.user)
    assert not fresh(rejected.user).has_perm("cms.view_members_only")


def test_a_decision_is_taken_once(tue, editor):
    profile = UserFactory().profile
    profile_approve(profile=profile, institution=tue, decided_by=editor)

    with pytest.raises(ValidationError, match="al beoordeeld"):
        profile_reject(profile=profile, decided_by=editor)
    with pytest.raises(ValidationError, match="Kies de instelling"):
        profile_approve(profile=UserFactory().profile, institution=None, decided_by=editor)


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_pending_and_rejected_accounts_see_only_public_content(client, knowledge_base,
                                                               editor, status):
    profile = UserFactory().profile
    if status == "rejected":
        profile_reject(profile=profile, decided_by=editor)
    client.force_login(profile.user)

    assert client.get(knowledge_base["secret"].url).status_code == 403
    assert client.get(knowledge_base["public"].url).status_code == 200
    listing = client.get(knowledge_base["instruments"].url).content.decode()
    assert "Vertrouwelijk dreigingsbeeld" not in listing


def test_after_approval_the_members_only_instrument_opens(client, knowledge_base, tue, editor):
    profile = UserFactory().profile
    client.force_login(profile.user)
    assert client.get(knowledge_base["secret"].url).status_code == 403

    profile_approve(profile=profile, institution=tue, decided_by=editor)

    assert client.get(knowledge_base["secret"].url).status_code == 200


# --- Every account has a profile ----------------------------------------------------------------


def test_profile_get_or_create_makes_one_profile():
    user = get_user_model().objects.create_user(username="los", email="los@example.org")
    assert not Profile.objects.filter(user=user).exists()

    first = profile_get_or_create(user=user)
    second = profile_get_or_create(user=user)

    assert first.pk == second.pk and first.status == Profile.Status.PENDING
    assert Profile.objects.filter(user=user).count() == 1


def test_accounts_that_already_see_members_content_start_as_members():
    editor = get_user_model().objects.create_user(username="red", email="red@ivho.example")
    editor.groups.add(Group.objects.get(name="Redacteuren"))

    profile = profile_get_or_create(user=fresh(editor))

    assert profile.status == Profile.Status.APPROVED and profile.institution is None
    assert group_names(editor) == {"Redacteuren", "Leden"}


def test_login_makes_a_missing_profile_and_tells_a_pending_person(client):
    user = get_user_model().objects.create_user(
        username="nieuw", email="nieuw@example.org", password="lang-genoeg-wachtwoord"
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)

    response = client.post("/accounts/login/", {"login": user.email,
                                                "password": "lang-genoeg-wachtwoord"},
                           follow=True)

    assert Profile.objects.get(user=user).status == Profile.Status.PENDING
    html = response.content.decode()
    assert "Je aanmelding als lid wacht op goedkeuring" in html
    assert response.context["membership_notice"].startswith("Je aanmelding als lid wacht")


def test_a_member_gets_no_notice(client, tue):
    member = MemberFactory(institution=tue)
    client.force_login(member)

    response = client.get("/")

    assert str(response.context["membership_notice"]) == ""
    assert "wacht op goedkeuring" not in response.content.decode()


def test_create_editor_accounts_get_a_profile_at_first_login(client, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "redactie-wachtwoord-2026")
    call_command("create_editor", "--email", "chef@ivho.example", "--noinput",
                 stdout=io.StringIO())
    user = get_user_model().objects.get(email="chef@ivho.example")

    client.post("/accounts/login/", {"login": user.email,
                                     "password": "redactie-wachtwoord-2026"})

    assert Profile.objects.get(user=user).status == Profile.Status.APPROVED
    assert client.get("/admin/").status_code == 200


def test_migration_gives_existing_accounts_a_profile():
    User = get_user_model()
    member = User.objects.create_user(username="a", email="a@example.org")
    member.groups.add(Group.objects.get(name="Leden"))
    editor = User.objects.create_user(username="b", email="b@example.org")
    editor.groups.add(Group.objects.get(name="Eindredactie"))
    outsider = User.objects.create_user(username="c", email="c@example.org")
    inactive = User.objects.create_user(username="d", email="d@example.org", is_active=False)
    inactive.groups.add(Group.objects.get(name="Leden"))
    migration = importlib.import_module(
        "community.members.migrations.0004_profiles_for_existing_accounts"
    )

    migration.backfill(global_apps, None)
    migration.backfill(global_apps, None)  # a second run adds nothing

    statuses = dict(Profile.objects.values_list("user__username", "status"))
    assert statuses == {"a": "approved", "b": "approved", "c": "pending", "d": "pending"}
    assert "Leden" in group_names(editor)
    assert "Leden" not in group_names(outsider)
    assert "Leden" not in group_names(inactive)  # approved ⇔ in Leden, also here


def test_adding_a_domain_admits_people_already_waiting_with_that_address():
    waiting = UserFactory(email="iemand@fontys.example").profile
    assert waiting.status == Profile.Status.PENDING
    fontys = InstitutionFactory(name="Fontys Hogescholen", slug="fontys", domains=[])
    assert institution_members_sync(institution=fontys) == 0

    InstitutionDomain.objects.create(institution=fontys, domain="fontys.example")

    assert institution_members_sync(institution=fontys) == 1
    waiting.refresh_from_db()
    assert (waiting.status, waiting.institution) == (Profile.Status.APPROVED, fontys)
    assert institution_members_sync(institution=fontys) == 0
