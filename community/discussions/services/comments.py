"""Writing comments: post, reply, edit, delete, flag and like.

Existing XtdComment rows are changed with `QuerySet.update()`, never `save()`:
xtd's pre_save receiver would otherwise rewrite `is_public` of every reply.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from community.members.selectors import display_name

from .. import selectors
from ..markup import clean_comment_text
from ..models import CommentState, FlagReason
from .follows import follow_add
from .rules import (
    ALREADY_FLAGGED,
    DEPTH_EXCEEDED,
    EDIT_WINDOW_PASSED,
    MAX_REASON_LENGTH,
    OWN_COMMENT_FLAG,
    OWN_COMMENT_LIKE,
    REASON_TOO_LONG,
    comment_page,
    require_member,
    require_own,
    require_readable,
    require_visible_page,
)

if TYPE_CHECKING:
    from cms.models import InstrumentPage
    from community.members.models import User

logger = logging.getLogger(__name__)


@transaction.atomic
def comment_post(*, user: User, page: InstrumentPage, text: str) -> XtdComment:
    """A new thread on an instrument. The author follows it from then on."""
    require_member(user)
    page = require_visible_page(page=page, user=user)
    text = clean_comment_text(text)
    return _create(user=user, page=page, text=text, parent=None)


@transaction.atomic
def comment_reply(*, user: User, parent: XtdComment, text: str) -> XtdComment:
    """A reply to `parent`, at most COMMENTS_XTD_MAX_THREAD_LEVEL deep.

    The depth is checked before anything is saved: xtd itself would only
    notice after inserting the row.
    """
    require_member(user)
    page = comment_page(comment=parent, user=user)
    require_readable(parent)
    limit = selectors.max_level()
    if parent.level >= limit:
        raise ValidationError(DEPTH_EXCEEDED.format(levels=limit + 1), code="too_deep")
    text = clean_comment_text(text)
    return _create(user=user, page=page, text=text, parent=parent)


def _create(
    *, user: User, page: InstrumentPage, text: str, parent: XtdComment | None
) -> XtdComment:
    comment = XtdComment(
        content_type=selectors.instrument_content_type(),
        object_pk=str(page.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=display_name(user)[:50],
        # Data minimisation: no e-mail or IP address copied onto the comment.
        user_email="",
        comment=text,
        submit_date=timezone.now(),
        is_public=True,
        is_removed=False,
        parent_id=parent.pk if parent is not None else 0,
    )
    comment.save()
    CommentState.objects.create(comment=comment)
    follow_add(user=user, page=page, thread_id=comment.thread_id)
    transaction.on_commit(lambda: _dispatch_notification(comment.pk))
    return comment


def _dispatch_notification(comment_id: int) -> None:
    from ..tasks import discussions_notify

    try:
        discussions_notify.delay(comment_id)
    except Exception:
        # Broker unreachable: the periodic sweep notifies followers later.
        logger.warning(
            "Notification for comment %s not dispatched; the sweep will retry.",
            comment_id, exc_info=True,
        )


@transaction.atomic
def comment_edit(*, user: User, comment: XtdComment, text: str) -> XtdComment:
    """The author corrects their comment, within 15 minutes of posting it."""
    require_member(user)
    comment_page(comment=comment, user=user)
    require_own(user=user, comment=comment)
    require_readable(comment)
    if timezone.now() - comment.submit_date >= selectors.EDIT_WINDOW:
        raise ValidationError(EDIT_WINDOW_PASSED, code="edit_window")
    text = clean_comment_text(text)
    XtdComment.objects.filter(pk=comment.pk).update(comment=text)
    CommentState.objects.update_or_create(
        comment_id=comment.pk, defaults={"edited_at": timezone.now()}
    )
    comment.comment = text
    return comment


@transaction.atomic
def comment_delete(*, user: User, comment: XtdComment) -> XtdComment:
    """The author removes their comment; replies stay, it reads "[verwijderd door de auteur]"."""
    require_member(user)
    comment_page(comment=comment, user=user)
    require_own(user=user, comment=comment)
    require_readable(comment)
    XtdComment.objects.filter(pk=comment.pk).update(is_removed=True)
    CommentState.objects.update_or_create(
        comment_id=comment.pk, defaults={"removed_by": CommentState.RemovedBy.AUTHOR}
    )
    comment.is_removed = True
    return comment


@transaction.atomic
def comment_flag(*, user: User, comment: XtdComment, reason: str = "") -> CommentFlag:
    """A member asks the editors to look at a comment."""
    require_member(user)
    comment_page(comment=comment, user=user)
    require_readable(comment)
    if comment.user_id == user.pk:
        raise ValidationError(OWN_COMMENT_FLAG, code="own_comment")
    reason = (reason or "").replace("\x00", "").strip()
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            REASON_TOO_LONG.format(max=MAX_REASON_LENGTH, length=len(reason)), code="too_long"
        )
    if CommentFlag.objects.filter(
        user=user, comment_id=comment.pk, flag=CommentFlag.SUGGEST_REMOVAL
    ).exists():
        raise ValidationError(ALREADY_FLAGGED, code="already_flagged")
    try:
        with transaction.atomic():  # a double click races for the same unique row
            flag = CommentFlag.objects.create(
                user=user, comment_id=comment.pk, flag=CommentFlag.SUGGEST_REMOVAL,
                flag_date=timezone.now(),
            )
    except IntegrityError:
        raise ValidationError(ALREADY_FLAGGED, code="already_flagged") from None
    if reason:
        FlagReason.objects.create(flag=flag, reason=reason)
    return flag


@transaction.atomic
def comment_like(*, user: User, comment: XtdComment) -> bool:
    """Toggle the member's appreciation of a comment; returns True when it is now liked."""
    require_member(user)
    comment_page(comment=comment, user=user)
    require_readable(comment)
    if comment.user_id == user.pk:
        raise ValidationError(OWN_COMMENT_LIKE, code="own_comment")
    deleted, _ = CommentFlag.objects.filter(
        user=user, comment_id=comment.pk, flag=LIKEDIT_FLAG
    ).delete()
    if deleted:
        return False
    CommentFlag.objects.get_or_create(
        user=user, comment_id=comment.pk, flag=LIKEDIT_FLAG,
        defaults={"flag_date": timezone.now()},
    )
    return True
