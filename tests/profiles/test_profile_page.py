"""A member's profile page /leden/<id>/: who sees it, what it shows, recent contributions."""

import datetime

from django.utils import timezone

import pytest

from community.members.models import Profile
from tests.accounts.conftest import audit_account_page
from tests.factories import UserFactory

from .conftest import comment_on, profile_for
from .test_photos import photo_of

pytestmark = pytest.mark.django_db


def url(user):
    return f"/leden/{user.pk}/"


@pytest.fixture
def person(institutions, themes):
    user = UserFactory(first_name="Fatima", last_name="El Amrani",
                       email="f.elamrani@hva.example")
    profile_for(
        user, institution=institutions["hva"], function="Vertrouwenspersoon",
        bio="Ik begeleid melders van ongewenst gedrag.", expertise=[themes["privacy"]],
    )
    return user


def set_profile(user, **fields):
    Profile.objects.filter(user=user).update(**fields)


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 404), ("outsider", 404), ("member", 200)]
)
def test_members_only_profile(client, person, viewer, outsider, who, expected):
    login = {"anonymous": None, "outsider": outsider, "member": viewer}[who]
    if login:
        client.force_login(login)
    response = client.get(url(person))
    assert response.status_code == expected
    if expected == 404:
        assert "Fatima" not in response.content.decode()


def test_public_profile_is_visible_without_email(client, person):
    set_profile(person, visibility=Profile.Visibility.PUBLIC)
    photo_of(person)
    response = client.get(url(person))
    audit_account_page(response)
    html = response.content.decode()
    for shown in ["Fatima El Amrani", "Vertrouwenspersoon", "Hogeschool van Amsterdam",
                  'href="/themas/privacy/"', "Ik begeleid melders van ongewenst gedrag.",
                  f'src="/leden/{person.pk}/foto/?v=']:
        assert shown in html, shown
    assert "f.elamrani" not in html and "hva.example" not in html
    # Outsiders get no link into the members-only directory.
    assert 'href="/leden/"' not in html
    # Findable in the sector, not by search engines.
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in html


@pytest.mark.parametrize("status", [Profile.Status.PENDING, Profile.Status.REJECTED])
def test_unapproved_profile_is_never_shown_to_others(client, person, viewer, status):
    set_profile(person, status=status, visibility=Profile.Visibility.PUBLIC)
    assert client.get(url(person)).status_code == 404
    client.force_login(viewer)
    assert client.get(url(person)).status_code == 404


def test_inactive_account_is_not_shown(client, person, viewer):
    person.is_active = False
    person.save()
    client.force_login(viewer)
    assert client.get(url(person)).status_code == 404


def test_owner_sees_own_pending_profile_with_a_note(client, person):
    set_profile(person, status=Profile.Status.PENDING)
    client.force_login(person)
    response = client.get(url(person))
    assert response.status_code == 200
    assert "Alleen jij ziet dit profiel" in response.content.decode()


def test_unknown_and_profileless_accounts_are_404(client, viewer):
    client.force_login(viewer)
    assert client.get("/leden/987654/").status_code == 404
    bare = UserFactory()
    Profile.objects.filter(user=bare).delete()
    assert client.get(url(bare)).status_code == 404


@pytest.fixture
def contributions(person, instruments):
    now = timezone.now()
    public, secret = instruments["public"], instruments["secret"]

    def at(minutes):
        return now - datetime.timedelta(minutes=minutes)

    comment_on(public, person, "Openbare reactie een", when=at(60))
    comment_on(secret, person, "Reactie bij geheim instrument", when=at(50))
    comment_on(public, person, "Verborgen reactie", is_public=False, when=at(40))
    comment_on(public, person, "Verwijderde reactie", is_removed=True, when=at(30))
    comment_on(public, UserFactory(), "Reactie van iemand anders", when=at(20))
    return instruments


def test_outsider_sees_no_contributions_on_members_only_instruments(client, person,
                                                                     contributions):
    set_profile(person, visibility=Profile.Visibility.PUBLIC)
    html = client.get(url(person)).content.decode()
    assert "Openbare reactie een" in html
    assert f'href="{contributions["public"].url}#c' in html
    assert "Reactie bij geheim instrument" not in html
    assert "Vertrouwelijk dreigingsbeeld" not in html
    for hidden in ["Verborgen reactie", "Verwijderde reactie", "Reactie van iemand anders"]:
        assert hidden not in html


def test_member_sees_contributions_on_members_only_instruments(client, person, viewer,
                                                                contributions):
    client.force_login(viewer)
    response = client.get(url(person))
    texts = [comment.comment for comment, _ in response.context["contributions"]]
    assert texts == ["Reactie bij geheim instrument", "Openbare reactie een"]


def test_at_most_five_latest_contributions(client, person, viewer, instruments):
    now = timezone.now()
    for number in range(7):
        comment_on(instruments["public"], person, f"Reactie {number}",
                   when=now - datetime.timedelta(minutes=10 - number))
    client.force_login(viewer)
    response = client.get(url(person))
    texts = [comment.comment for comment, _ in response.context["contributions"]]
    assert texts == [f"Reactie {number}" for number in (6, 5, 4, 3, 2)]


def test_a_profile_without_a_name_does_not_show_the_address(client, viewer):
    nameless = UserFactory(first_name="", last_name="", email="geheim.adres@tue.example")
    profile_for(nameless, visibility=Profile.Visibility.PUBLIC)
    html = client.get(url(nameless)).content.decode()
    assert "Lid zonder naam" in html
    assert "geheim.adres" not in html
    client.force_login(viewer)
    assert "geheim.adres" not in client.get("/leden/").content.decode()
