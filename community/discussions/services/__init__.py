"""Writes for discussions: posting, editing, flags, likes, follows, moderation, mail.

Every function takes keyword arguments only and checks its own rules, so a view
(or a shell) cannot skip them: only members post, reply, like, flag and follow,
and only on instruments they may see. A rule broken by the input raises
ValidationError with a message for the member; a rule broken by who asks
raises PermissionDenied. Nothing is stored before every check has passed.

The writes live in modules by subject; import them from here
(`from community.discussions.services import comment_post`).
"""

from django.core.exceptions import PermissionDenied, ValidationError

from ..tokens import UNSUBSCRIBE_SALT, unsubscribe_token
from .comments import (
    comment_delete,
    comment_edit,
    comment_flag,
    comment_like,
    comment_post,
    comment_reply,
)
from .follows import (
    instrument_follow,
    instrument_unfollow,
    thread_follow,
    thread_unfollow,
    unsubscribe,
)
from .moderation import comment_hide, comment_remove, comment_restore, flags_dismiss
from .notifications import DIGEST_MIN_INTERVAL, DIGEST_SETTLE, comment_notify, digest_send
from .rules import (
    ALREADY_FLAGGED,
    AUTHOR_REMOVED,
    DEPTH_EXCEEDED,
    EDIT_WINDOW_PASSED,
    GONE,
    MAX_REASON_LENGTH,
    MODERATE_PERMISSION,
    NOT_YOURS,
    OWN_COMMENT_FLAG,
    OWN_COMMENT_LIKE,
    REASON_TOO_LONG,
)

__all__ = [
    "ALREADY_FLAGGED",
    "AUTHOR_REMOVED",
    "DEPTH_EXCEEDED",
    "DIGEST_MIN_INTERVAL",
    "DIGEST_SETTLE",
    "EDIT_WINDOW_PASSED",
    "GONE",
    "MAX_REASON_LENGTH",
    "MODERATE_PERMISSION",
    "NOT_YOURS",
    "OWN_COMMENT_FLAG",
    "OWN_COMMENT_LIKE",
    "REASON_TOO_LONG",
    "UNSUBSCRIBE_SALT",
    "PermissionDenied",
    "ValidationError",
    "comment_delete",
    "comment_edit",
    "comment_flag",
    "comment_hide",
    "comment_like",
    "comment_notify",
    "comment_post",
    "comment_remove",
    "comment_reply",
    "comment_restore",
    "digest_send",
    "flags_dismiss",
    "instrument_follow",
    "instrument_unfollow",
    "thread_follow",
    "thread_unfollow",
    "unsubscribe",
    "unsubscribe_token",
]
