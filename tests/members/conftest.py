"""Fixtures for institutions and membership: two institutions, a contact person, applicants."""

from django.contrib.messages import get_messages

import pytest

from community.members.models import Institution, Profile
from tests.cms.conftest import knowledge_base  # noqa: F401 (a fixture for these tests too)
from tests.factories import InstitutionFactory, MemberFactory, UserFactory


@pytest.fixture
def tue(db):
    return InstitutionFactory(
        name="Technische Universiteit Eindhoven", short_name="TU/e", slug="tue",
        kind=Institution.Kind.UNIVERSITY, domains=["tue.example"],
    )


@pytest.fixture
def hva(db):
    return InstitutionFactory(
        name="Hogeschool van Amsterdam", short_name="HvA", slug="hva", domains=["hva.example"],
    )


@pytest.fixture
def tue_contact(tue):
    """A TU/e member who is its contact person (no Wagtail admin access)."""
    user = MemberFactory(email="contact@tue.example", first_name="Carla", last_name="Contact",
                         institution=tue)
    tue.contacts.add(user)
    return user


def applicant(email, *, requested_institution="", name="Pieter Bakker", **kwargs):
    """A pending account, as the sign-up form leaves it."""
    first_name, last_name = name.split(" ", 1)
    user = UserFactory(email=email, first_name=first_name, last_name=last_name, **kwargs)
    Profile.objects.filter(user=user).update(
        display_name=name, requested_institution=requested_institution
    )
    profile = user.profile
    profile.refresh_from_db()
    assert profile.status == Profile.Status.PENDING
    return profile


@pytest.fixture
def tue_applicant(db):
    """Works for the TU/e, signed up with an address of their own firm."""
    return applicant("pieter@adviesbureau.example",
                     requested_institution="Technische Universiteit Eindhoven")


@pytest.fixture
def hva_applicant(db):
    return applicant("hanna@zzp.example", requested_institution="Hogeschool van Amsterdam",
                     name="Hanna de Groot")


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def fresh(user):
    """The user as the next request sees it (no cached permissions)."""
    return type(user).objects.get(pk=user.pk)


def group_names(user):
    return set(user.groups.values_list("name", flat=True))
