"""Editing your own profile at /leden/profiel/."""

import re

from django.urls import reverse

import pytest

from community.members.models import Profile
from tests.accounts.conftest import audit_account_page
from tests.factories import UserFactory

from .conftest import profile_for

URL = "/leden/profiel/"

pytestmark = pytest.mark.django_db


def form_data(themes, **overrides):
    data = {
        "display_name": "Sanne de Vries",
        "function": "Manager integrale veiligheid",
        "expertise": [themes["privacy"].pk, themes["kennis"].pk],
        "bio": "Twintig jaar in de beveiliging.\nNu bij een hogeschool.",
        "visibility": "public",
        "notification_frequency": "none",
    }
    data.update(overrides)
    return data


def test_urls_are_under_leden():
    assert reverse("members:profile_edit") == URL
    assert reverse("members:directory") == "/leden/"
    assert reverse("privacy:my_data") == "/leden/mijn-gegevens/"


def test_anonymous_visitor_is_asked_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_page_shows_institution_and_status_read_only(client, user, institutions, themes):
    profile_for(user, status=Profile.Status.PENDING, institution=institutions["tue"])
    client.force_login(user)
    response = client.get(URL)
    page = audit_account_page(response)
    html = response.content.decode()
    assert "Technische Universiteit Eindhoven" in html
    assert "In afwachting" in html
    # Read-only: no control to change them.
    names = {attrs.get("name") for tag, attrs in page.tags if tag in {"input", "select"}}
    assert "institution" not in names and "status" not in names
    # Expertise is a group of checkboxes in a fieldset with a legend.
    assert "<legend>Expertise</legend>" in html
    assert f'value="{themes["privacy"].pk}"' in html
    assert 'href="/leden/mijn-gegevens/"' in html


def test_new_profile_is_visible_to_members_only_by_default(client):
    user = UserFactory()
    Profile.objects.filter(user=user).delete()
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    profile = Profile.objects.get(user=user)
    assert profile.visibility == Profile.Visibility.MEMBERS
    html = response.content.decode()
    assert re.search(r'name="visibility" value="members"[^>]*checked', html)
    assert not re.search(r'name="visibility" value="public"[^>]*checked', html)


def test_edit_round_trip(client, user, themes, institutions):
    profile_for(user, status=Profile.Status.APPROVED, institution=institutions["hva"])
    client.force_login(user)
    response = client.post(URL, form_data(themes))
    assert response.status_code == 302
    assert response["Location"] == URL

    profile = Profile.objects.get(user=user)
    assert profile.display_name == "Sanne de Vries"
    assert profile.function == "Manager integrale veiligheid"
    assert set(profile.expertise.all()) == {themes["privacy"], themes["kennis"]}
    assert profile.bio == "Twintig jaar in de beveiliging.\nNu bij een hogeschool."
    assert profile.visibility == Profile.Visibility.PUBLIC
    assert profile.notification_frequency == Profile.Frequency.NONE
    # What the person cannot set stays as it was.
    assert profile.status == Profile.Status.APPROVED
    assert profile.institution == institutions["hva"]

    html = client.get(URL).content.decode()
    assert "Je profiel is opgeslagen." in html
    assert 'value="Sanne de Vries"' in html
    assert "Twintig jaar in de beveiliging." in html


def test_status_and_institution_cannot_be_posted(client, user, themes, institutions):
    profile_for(user, status=Profile.Status.PENDING)
    client.force_login(user)
    data = form_data(themes, status="approved", institution=institutions["tue"].pk)
    assert client.post(URL, data).status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.status == Profile.Status.PENDING
    assert profile.institution is None


def test_too_long_bio_is_refused_and_nothing_is_lost(client, user, themes):
    profile_for(user, display_name="Oude naam", bio="Oude tekst")
    client.force_login(user)
    response = client.post(URL, form_data(themes, bio="x" * 1001))
    assert response.status_code == 200
    html = response.content.decode()
    assert "niet meer dan 1000 tekens" in html
    assert 'id="id_bio_error"' in html
    assert 'value="Sanne de Vries"' in html  # what was typed is still in the form
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.bio) == ("Oude naam", "Oude tekst")


def test_unpublished_theme_is_not_offered(client, user, themes):
    themes["kennis"].unpublish()
    profile_for(user)
    client.force_login(user)
    response = client.post(URL, form_data(themes))
    assert response.status_code == 200
    assert "expertise" in response.context["form"].errors
    assert not Profile.objects.get(user=user).expertise.exists()


def test_bio_is_plain_text(client, user, themes):
    profile_for(user)
    client.force_login(user)
    client.post(URL, form_data(themes, bio="<script>alert(1)</script> <b>vet</b>"))
    profile = Profile.objects.get(user=user)
    response = client.get(reverse("members:profile", args=[user.pk]))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html
    assert profile.bio.startswith("<script>")
