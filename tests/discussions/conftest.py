"""Fixtures for the discussion tests: a small knowledge base, people, mail through the outbox."""

import contextlib
from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

import pytest

from community.discussions import services
from community.members.models import Profile
from tests.cms.conftest import knowledge_base  # noqa: F401  (the fixture)
from tests.factories import EditorFactory, InstitutionFactory, MemberFactory, UserFactory
from tests.outbox.helpers import LOCMEM_BACKEND, OUTBOX_BACKEND


@pytest.fixture
def kb(knowledge_base):  # noqa: F811
    return knowledge_base


@pytest.fixture
def public(kb):
    return kb["public"]


@pytest.fixture
def secret(kb):
    return kb["secret"]


@pytest.fixture
def institution(db):
    return InstitutionFactory()


def fresh(user):
    """The account as a request would load it (factories leave a stale permission cache)."""
    return get_user_model().objects.get(pk=user.pk)


def new_member(**kwargs):
    return fresh(MemberFactory(**kwargs))


@pytest.fixture
def author(institution):
    return new_member(first_name="Anouk", last_name="Jansen", institution=institution)


@pytest.fixture
def other_member(db):
    """A member of another institution: members-only content is sector-wide, so they take part."""
    return new_member(first_name="Bram", last_name="Visser", institution=InstitutionFactory())


@pytest.fixture
def pending(db):
    """Logged in and verified, but not (yet) a member: no Leden group."""
    return fresh(UserFactory())


@pytest.fixture
def outsider(db):
    """Someone at another institution whose membership was rejected (no Leden group)."""
    user = UserFactory()
    Profile.objects.filter(user=user).update(
        status=Profile.Status.REJECTED, institution=InstitutionFactory()
    )
    return fresh(user)


@pytest.fixture
def editor(db):
    return fresh(EditorFactory())


@pytest.fixture
def outbox(settings):
    """Mail as the project sends it: an outbox row, then delivered (eagerly) to mail.outbox."""
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM_BACKEND
    mail.outbox.clear()
    return mail.outbox


def set_frequency(user, frequency):
    Profile.objects.filter(user=user).update(notification_frequency=frequency)
    return fresh(user)


def post(*, user, page, text="Een nuttig instrument, wij gebruiken het al een jaar."):
    return services.comment_post(user=user, page=page, text=text)


def reply(*, user, parent, text="Dank voor het delen, hoe pakten jullie de invoering aan?"):
    return services.comment_reply(user=user, parent=parent, text=text)


@contextlib.contextmanager
def clock_at(moment):
    """Let the code believe it is `moment` (it calls django.utils.timezone.now())."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def later(**kwargs):
    return clock_at(timezone.now() + timedelta(**kwargs))
