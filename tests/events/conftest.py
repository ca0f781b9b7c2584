"""Fixtures for the event registration tests: an agenda, members, guests, mail via the outbox."""

import contextlib
from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

import pytest

from community.outbox.models import OutgoingMail
from community.outbox.serialization import payload_to_message
from tests.factories import EventPageFactory, InstitutionFactory, MemberFactory, UserFactory
from tests.outbox.helpers import LOCMEM_BACKEND, OUTBOX_BACKEND


def fresh(user):
    """The account as a request would load it (factories leave a stale permission cache)."""
    return get_user_model().objects.get(pk=user.pk)


def new_member(**kwargs):
    return fresh(MemberFactory(**kwargs))


@pytest.fixture
def agenda(site_tree):
    return site_tree["events"]


@pytest.fixture
def make_event(agenda):
    """make_event(capacity=10, …): a live event a week ahead with registration on."""

    def make(**kwargs):
        kwargs.setdefault("registration_enabled", True)
        return EventPageFactory(parent=agenda, **kwargs)

    return make


@pytest.fixture
def event(make_event):
    return make_event(capacity=3)


@pytest.fixture
def institution(db):
    return InstitutionFactory(name="Technische Universiteit Eindhoven", short_name="TU/e")


@pytest.fixture
def member(institution):
    return new_member(first_name="Anouk", last_name="Jansen", institution=institution)


@pytest.fixture
def members(db):
    """Make n members, each of their own institution unless one is given."""

    def make(n, **kwargs):
        return [new_member(**kwargs) for _ in range(n)]

    return make


@pytest.fixture
def pending(db):
    """Logged in and verified, but not (yet) a member."""
    return fresh(UserFactory())


class QueuedMail:
    """The mails queued in the outbox since the test began (or since `clear()`), as messages.

    Tests run inside a transaction that never commits, so delivery (on commit)
    does not happen: what counts is the outbox row, written with the change.
    """

    def __init__(self):
        self.after = 0

    def _messages(self):
        rows = OutgoingMail.objects.filter(pk__gt=self.after).order_by("pk")
        return [payload_to_message(row.payload) for row in rows]

    def __iter__(self):
        return iter(self._messages())

    def __len__(self):
        return len(self._messages())

    def __getitem__(self, index):
        return self._messages()[index]

    def clear(self):
        last = OutgoingMail.objects.order_by("-pk").values_list("pk", flat=True).first()
        self.after = last or 0


@pytest.fixture
def outbox(settings, db):
    """Mail as the project sends it: rows in the outbox (delivery is tested separately)."""
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM_BACKEND
    mail.outbox.clear()
    queued = QueuedMail()
    queued.clear()
    return queued


@contextlib.contextmanager
def clock_at(moment):
    """Let the code believe it is `moment` (it calls django.utils.timezone.now())."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def later(**kwargs):
    return clock_at(timezone.now() + timedelta(**kwargs))


def guest(n=1, **overrides):
    return {
        "name": f"Gast Voorbeeld {n}",
        "email": f"gast{n}@gemeente.example",
        "institution": None,
        "institution_name": "Gemeente Voorbeeldstad",
        **overrides,
    }


@pytest.fixture
def outbox_backend(settings):
    """Mail as the project sends it, delivered (on commit) through locmem to mail.outbox."""
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM_BACKEND
