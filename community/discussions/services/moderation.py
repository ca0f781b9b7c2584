"""The editors' handling of flagged comments: hide, restore, remove, or let stand.

The author gets a mail about what happened to their comment (not when the
flags are dismissed: nothing changed for them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from django_comments_xtd.models import XtdComment

from .. import mails, selectors
from ..models import CommentState
from .rules import AUTHOR_REMOVED, require_moderator

if TYPE_CHECKING:
    from community.members.models import User


def _state_for(comment: XtdComment) -> CommentState:
    state, _ = CommentState.objects.get_or_create(comment_id=comment.pk)
    return state


def _moderated(*, editor: User, comment: XtdComment, **changes: Any) -> CommentState:
    state = _state_for(comment)
    state.flags_resolved_at = timezone.now()
    state.moderated_by = editor
    for name, value in changes.items():
        setattr(state, name, value)
    state.save()
    return state


@transaction.atomic
def comment_hide(*, editor: User, comment: XtdComment) -> XtdComment:
    """Editors take a comment off the site (is_public=False); the author is told."""
    require_moderator(editor)
    XtdComment.objects.filter(pk=comment.pk).update(is_public=False)
    _moderated(editor=editor, comment=comment)
    comment.is_public = False
    _tell_author(comment=comment, action="hidden")
    return comment


@transaction.atomic
def comment_restore(*, editor: User, comment: XtdComment) -> XtdComment:
    """Editors put a hidden (or editor-removed) comment back; the author is told."""
    require_moderator(editor)
    state = _state_for(comment)
    if comment.is_removed and state.removed_by == CommentState.RemovedBy.AUTHOR:
        raise ValidationError(AUTHOR_REMOVED, code="author_removed")
    XtdComment.objects.filter(pk=comment.pk).update(is_public=True, is_removed=False)
    _moderated(editor=editor, comment=comment, removed_by="")
    comment.is_public, comment.is_removed = True, False
    _tell_author(comment=comment, action="restored")
    return comment


@transaction.atomic
def comment_remove(*, editor: User, comment: XtdComment) -> XtdComment:
    """Editors remove a comment; the thread reads "[verwijderd door de redactie]"."""
    require_moderator(editor)
    XtdComment.objects.filter(pk=comment.pk).update(is_removed=True)
    _moderated(editor=editor, comment=comment, removed_by=CommentState.RemovedBy.EDITORS)
    comment.is_removed = True
    _tell_author(comment=comment, action="removed")
    return comment


@transaction.atomic
def flags_dismiss(*, editor: User, comment: XtdComment) -> XtdComment:
    """The editors looked and the comment may stay: the flags are closed."""
    require_moderator(editor)
    _moderated(editor=editor, comment=comment)
    return comment


def _tell_author(*, comment: XtdComment, action: str) -> None:
    author = comment.user
    if author is None or not author.is_active or not author.email:
        return
    page = selectors.instrument_page(page_id=comment.object_pk)
    mails.moderation_notice(recipient=author, comment=comment, page=page, action=action).send()
