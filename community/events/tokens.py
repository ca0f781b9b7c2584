"""Signed references to one registration, for the links in mails (views.manage).

A module of its own: the mails put a token in every link and the views read it
back, and neither has to import the services for it (the services import the
mails).
"""

from django.core import signing
from django.utils import timezone

from .models import Registration

TOKEN_SALT = "events.registration"


def registration_token(*, registration: Registration) -> str:
    """A signed, unguessable reference to one registration, for links in mail.

    For a guest, whoever has the mail may confirm, accept an offer or cancel:
    that is what the mail is for. A registration that belongs to an account
    also needs that account logged in (views.manage). The salt keeps the token
    useless anywhere else.
    """
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def registration_from_token(token: str) -> Registration | None:
    """The registration the token names, or None (tampered, unknown, anonymised, or
    the event is over: a link in an old mail has nothing left to do)."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(pk, int):
        return None
    return (
        Registration.objects.select_related("event", "institution")
        .filter(pk=pk, anonymised_at__isnull=True, event__end__gt=timezone.now())
        .first()
    )
