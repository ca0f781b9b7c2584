"""Read-side queries for discussions, always narrowed to what the viewer may see.

Selectors return models and querysets; what a page shows of them (the tree of a
discussion, an author's card) is built in `presenters`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from django_comments.models import CommentFlag
from django_comments_xtd.models import (
    LIKEDIT_FLAG,
    XtdComment,
    max_thread_level_for_content_type,
)

from cms.selectors import visible_instruments
from cms.visibility import MEMBERS_ONLY_PERMISSION

from .models import CommentState, Follow
from .tokens import read_unsubscribe_token

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from cms.models import InstrumentPage
    from community.members.models import Profile, User

    Viewer = User | AnonymousUser | None

EDIT_WINDOW = timedelta(minutes=15)
# A comment whose notification task was lost (broker down) is picked up by the sweep.
NOTIFY_GRACE = timedelta(minutes=2)
NOTIFY_GIVE_UP = timedelta(days=2)

MAX_ID = 2**63 - 1  # beyond this SQLite raises OverflowError instead of finding nothing


def valid_id(value: object) -> int | None:
    """`value` as a positive database id, or None (never an exception)."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def instrument_content_type() -> ContentType:
    from cms.models import InstrumentPage

    return ContentType.objects.get_for_model(InstrumentPage)


def max_level() -> int:
    return int(max_thread_level_for_content_type(instrument_content_type()))


def instrument_for_viewer(*, page_id: object, user: Viewer) -> InstrumentPage | None:
    """The live instrument `page_id` if `user` may see it, else None.

    A members-only instrument is None for anyone but a member: the same answer
    as for an id that does not exist.
    """
    pk = valid_id(page_id)
    if pk is None:
        return None
    return visible_instruments(user=user).filter(pk=pk).first()


def instrument_page(*, page_id: object) -> InstrumentPage | None:
    """The instrument `page_id` in any state (for the services' own checks)."""
    from cms.models import InstrumentPage

    pk = valid_id(page_id)
    return InstrumentPage.objects.filter(pk=pk).first() if pk is not None else None


def instrument_comments() -> QuerySet[XtdComment]:
    """Every comment on an instrument (any state), threads in order."""
    return XtdComment.objects.filter(content_type=instrument_content_type())


def comment_for_viewer(
    *, comment_id: object, user: Viewer, include_hidden: bool = False
) -> XtdComment | None:
    """A comment on an instrument `user` may see, with `.page` set; else None.

    Hidden and removed comments are None unless `include_hidden` (for the
    author's own view of a removed comment, nothing else).
    """
    pk = valid_id(comment_id)
    if pk is None:
        return None
    comment = (
        instrument_comments()
        .select_related("user", "discussion_state")
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        return None
    if not include_hidden and (not comment.is_public or comment.is_removed):
        return None
    page = instrument_for_viewer(page_id=comment.object_pk, user=user)
    if page is None:
        return None
    comment.page = page
    return comment


def comment_is_readable(*, comment_id: int) -> bool:
    """Public and not removed, as the database has it now (a caller's copy may be stale)."""
    row = (
        XtdComment.norel_objects.filter(pk=comment_id).values("is_public", "is_removed").first()
    )
    return row is not None and bool(row["is_public"]) and not row["is_removed"]


def comments_on(page: InstrumentPage) -> QuerySet[XtdComment]:
    return instrument_comments().filter(object_pk=str(page.pk))


def comment_count(*, page: InstrumentPage) -> int:
    """Comments on the instrument that anyone who may see it can read."""
    return comments_on(page).filter(is_public=True, is_removed=False).count()


def comment_state(comment: XtdComment) -> CommentState | None:
    """The platform's state row of a comment as loaded with it (no query), or None."""
    try:
        return comment.discussion_state
    except CommentState.DoesNotExist:
        return None


# --- Authors -----------------------------------------------------------------


def author_profile(user: User | None) -> Profile | None:
    """The user's Profile, or None (an account need not have one)."""
    if user is None:
        return None
    try:
        return user.profile
    except Exception:  # RelatedObjectDoesNotExist
        return None


def photo_url(profile: Profile) -> str:
    """Our own URL of the member's photo (community.members serves it; never Gravatar)."""
    try:
        return reverse("members:photo", args=[profile.user_id])
    except NoReverseMatch:
        return f"/leden/{profile.user_id}/foto/"


def profile_url(user: User) -> str:
    try:
        return reverse("members:profile", args=[user.pk])
    except NoReverseMatch:
        return ""


# --- One instrument's discussion --------------------------------------------------


def _annotated(queryset: QuerySet[XtdComment], user: Viewer) -> QuerySet[XtdComment]:
    likes = (
        CommentFlag.objects.filter(comment=OuterRef("pk"), flag=LIKEDIT_FLAG)
        .order_by()
        .values("comment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = queryset.annotate(
        like_count=Coalesce(Subquery(likes, output_field=IntegerField()), Value(0))
    )
    if user is not None and user.is_authenticated:
        mine = CommentFlag.objects.filter(comment=OuterRef("pk"), user=user)
        return queryset.annotate(
            liked_by_me=Exists(mine.filter(flag=LIKEDIT_FLAG)),
            flagged_by_me=Exists(mine.filter(flag=CommentFlag.SUGGEST_REMOVAL)),
        )
    return queryset.annotate(liked_by_me=Value(False), flagged_by_me=Value(False))


def discussion_comments(*, page: InstrumentPage, user: Viewer) -> list[XtdComment]:
    """Every comment on the instrument in thread order, with likes and the viewer's own
    likes and flags, authors and state: one query, whatever the number of comments."""
    return list(
        _annotated(comments_on(page), user).select_related(
            "user__profile__institution", "discussion_state"
        )
    )


def follows_of(*, user: User, page: InstrumentPage) -> tuple[bool, set[int]]:
    """(follows the whole discussion, ids of the threads followed) for one member."""
    whole = False
    threads = set()
    for thread_id in Follow.objects.filter(user=user, page=page).values_list(
        "thread_id", flat=True
    ):
        if thread_id is None:
            whole = True
        else:
            threads.add(thread_id)
    return whole, threads


# --- Home page ------------------------------------------------------------------------


def recent_comments(*, user: Viewer, limit: int = 5) -> list[tuple[XtdComment, InstrumentPage]]:
    """The latest readable comments on instruments this viewer may see, with their page."""
    from cms.models import InstrumentPage

    visible_ids = (
        visible_instruments(user=user)
        .annotate(pk_text=Cast("pk", output_field=CharField()))
        .values("pk_text")
    )
    comments = list(
        instrument_comments()
        .filter(object_pk__in=Subquery(visible_ids), is_public=True, is_removed=False)
        .select_related("user__profile__institution")
        .order_by("-submit_date", "-pk")[:limit]
    )
    pages = InstrumentPage.objects.in_bulk([int(comment.object_pk) for comment in comments])
    found = []
    for comment in comments:
        page = pages.get(int(comment.object_pk))
        if page is not None:
            found.append((comment, page))
    return found


# --- Notifications ----------------------------------------------------------------------


def member_ids(user_ids: Iterable[int]) -> set[int]:
    """Of these accounts, the active ones allowed to see members-only content.

    The same rule as cms.visibility.user_is_member, for many users in one query.
    """
    app_label, codename = MEMBERS_ONLY_PERMISSION.split(".")
    permission = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return set(
        get_user_model()
        .objects.filter(pk__in=list(user_ids), is_active=True)
        .filter(permission | Q(is_superuser=True))
        .values_list("pk", flat=True)
    )


def notification_frequency(user: User) -> str:
    """How often this member wants mail about discussions (the Profile default without one)."""
    from community.members.models import Profile

    profile = author_profile(user)
    if profile is None:
        return str(Profile._meta.get_field("notification_frequency").default)
    return str(profile.notification_frequency)


def comments_to_notify() -> list[int]:
    """Comments whose notification task never ran (lost dispatch)."""
    now = timezone.now()
    return list(
        CommentState.objects.filter(
            notified_at__isnull=True,
            comment__submit_date__lt=now - NOTIFY_GRACE,
            comment__submit_date__gt=now - NOTIFY_GIVE_UP,
        ).values_list("comment_id", flat=True)[:500]
    )


def unsubscribe_target(*, token: str) -> tuple[Any, InstrumentPage | None]:
    """(user, page or None) for a valid token; raises signing.BadSignature otherwise."""
    user_id, page_id = read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise signing.BadSignature("unknown user")
    page = instrument_page(page_id=page_id) if page_id else None
    return user, page


# --- Moderation ------------------------------------------------------------------------


def flagged_comments(*, only_open: bool = True) -> list[XtdComment]:
    """Comments members flagged, newest flag first, with the flags and their reasons."""
    from cms.models import InstrumentPage

    flags = CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL)
    queryset = (
        instrument_comments()
        .filter(pk__in=flags.values("comment_id"))
        .annotate(
            flag_count=Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)),
            last_flagged=Max("flags__flag_date", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)),
        )
        .select_related("user", "discussion_state")
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=flags.select_related("user", "discussion_reason").order_by("flag_date"),
                to_attr="removal_flags",
            )
        )
        .order_by("-last_flagged")
    )
    if only_open:
        queryset = queryset.filter(
            Q(discussion_state__isnull=True)
            | Q(discussion_state__flags_resolved_at__isnull=True)
            | Q(last_flagged__gt=F("discussion_state__flags_resolved_at"))
        )
    comments = list(queryset)
    pages = InstrumentPage.objects.in_bulk([int(comment.object_pk) for comment in comments])
    for comment in comments:
        comment.page = pages.get(int(comment.object_pk))
        comment.state = comment_state(comment)
    return comments


def moderation_comment(*, comment_id: object) -> XtdComment | None:
    """Any comment on an instrument, in any state, for the editors' actions."""
    pk = valid_id(comment_id)
    if pk is None:
        return None
    return instrument_comments().select_related("user").filter(pk=pk).first()
