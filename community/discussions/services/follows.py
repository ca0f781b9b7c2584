"""Following discussions: an instrument's whole discussion or one thread, and unsubscribing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import selectors
from ..models import DigestWatermark, Follow
from .rules import comment_page, require_member, require_readable, require_visible_page

if TYPE_CHECKING:
    from django_comments_xtd.models import XtdComment

    from cms.models import InstrumentPage
    from community.members.models import User


def follow_add(*, user: User, page: InstrumentPage, thread_id: int | None = None) -> Follow:
    """The follow row (made once; a concurrent request may have made it already)."""
    try:
        with transaction.atomic():
            follow, _ = Follow.objects.get_or_create(user=user, page=page, thread_id=thread_id)
    except IntegrityError:  # a concurrent request made the same row
        follow = Follow.objects.get(user=user, page=page, thread_id=thread_id)
    # The first follow starts the member's digest from now, not from the past.
    DigestWatermark.objects.get_or_create(user=user, defaults={"until": timezone.now()})
    return follow


@transaction.atomic
def instrument_follow(*, user: User, page: InstrumentPage) -> Follow:
    require_member(user)
    page = require_visible_page(page=page, user=user)
    return follow_add(user=user, page=page)


@transaction.atomic
def instrument_unfollow(*, user: User, page: InstrumentPage) -> int:
    """Stop following the instrument's discussion, its threads included."""
    require_member(user)
    page = require_visible_page(page=page, user=user)
    deleted, _ = Follow.objects.filter(user=user, page=page).delete()
    return deleted


@transaction.atomic
def thread_follow(*, user: User, comment: XtdComment) -> Follow:
    require_member(user)
    page = comment_page(comment=comment, user=user)
    require_readable(comment)
    return follow_add(user=user, page=page, thread_id=comment.thread_id)


@transaction.atomic
def thread_unfollow(*, user: User, comment: XtdComment) -> int:
    require_member(user)
    page = comment_page(comment=comment, user=user)
    deleted, _ = Follow.objects.filter(user=user, page=page, thread_id=comment.thread_id).delete()
    return deleted


@transaction.atomic
def unsubscribe(*, token: str) -> tuple[Any, InstrumentPage | None, int]:
    """Follow the link in a mail: no more mail about that instrument (or about any).

    Needs no login: the signed token is the proof. Returns (user, page, removed).
    """
    user, page = selectors.unsubscribe_target(token=token)
    follows = Follow.objects.filter(user=user)
    if page is not None:
        follows = follows.filter(page=page)
    removed, _ = follows.delete()
    return user, page, removed
