"""One rule names people everywhere: never (part of) their e-mail address."""

from django.contrib.auth import get_user_model

import pytest

from community.members.models import Profile
from community.members.selectors import display_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def nameless(db):
    return get_user_model().objects.create_user(
        username="naamloos", email="j.jansen@voorbeeld.example", password="x" * 12
    )


def test_a_person_without_a_name_is_never_named_after_their_address(nameless):
    assert display_name(nameless) == "Lid zonder naam"
    profile, _ = Profile.objects.get_or_create(user=nameless)
    assert profile.name == "Lid zonder naam"
    assert "jansen" not in display_name(nameless)


def test_the_profile_name_comes_first_then_the_account_name(nameless):
    nameless.first_name, nameless.last_name = "Jan", "Jansen"
    nameless.save()
    assert display_name(nameless) == "Jan Jansen"
    Profile.objects.update_or_create(user=nameless, defaults={"display_name": "J. Jansen (CISO)"})
    nameless.refresh_from_db()
    assert display_name(nameless) == "J. Jansen (CISO)"
