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


def _apply(
    *, editor: User, comment: XtdComment, action: str, flags: dict[str, bool], **state: Any
) -> XtdComment:
    """Change the comment's flags, close its open reports and tell the author."""
    XtdComment.objects.filter(pk=comment.pk).update(**flags)
    _moderated(editor=editor, comment=comment, **state)
    for name, value in flags.items():
        setattr(comment, name, value)
    _tell_author(comment=comment, action=action)
    return comment


@transaction.atomic
def comment_hide(*, editor: User, comment: XtdComment) -> XtdComment:
    """Editors take a comment off the site (is_public=False); the author is told."""
    require_moderator(editor)
    return _apply(editor=editor, comment=comment, action="hidden", flags={"is_public": False})


@transaction.atomic
def comment_restore(*, editor: User, comment: XtdComment) -> XtdComment:
    """Editors put a hidden (or editor-removed) comment back; the author is told."""
    require_moderator(editor)
    state = _state_for(comment)
    if comment.is_removed and state.removed_by == CommentState.RemovedBy.AUTHOR:
        raise ValidationError(AUTHOR_REMOVED, code="author_removed")
    return _apply(editor=editor, comment=comment, action="restored",
                  flags={"is_public": True, "is_removed": False}, removed_by="")


@transaction.atomic
def comment_remove(*, editor: User, comment: XtdComment) -> XtdComment:
    """Editors remove a comment; the thread reads "[verwijderd door de redactie]"."""
    require_moderator(editor)
    return _apply(editor=editor, comment=comment, action="removed", flags={"is_removed": True},
                  removed_by=CommentState.RemovedBy.EDITORS)


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
