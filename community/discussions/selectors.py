"""Read-side queries for discussions, always narrowed to what the viewer may see."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
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
from cms.visibility import user_is_member
from community.members.selectors import display_name

from .markup import excerpt, render_html
from .models import CommentState, Follow

EDIT_WINDOW = timedelta(minutes=15)
ANONYMOUS_AUTHOR = "Lid van het netwerk"
ERASED_AUTHOR = "verwijderd lid"


MAX_ID = 2**63 - 1  # beyond this SQLite raises OverflowError instead of finding nothing


def valid_id(value):
    """`value` as a positive database id, or None (never an exception)."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return None
    return value if 0 < value <= MAX_ID else None


def instrument_content_type():
    from cms.models import InstrumentPage

    return ContentType.objects.get_for_model(InstrumentPage)


def max_level():
    return max_thread_level_for_content_type(instrument_content_type())


def instrument_for_viewer(*, page_id, user):
    """The live instrument `page_id` if `user` may see it, else None.

    A members-only instrument is None for anyone but a member: the same answer
    as for an id that does not exist.
    """
    page_id = valid_id(page_id)
    if page_id is None:
        return None
    return visible_instruments(user=user).filter(pk=page_id).first()


def instrument_comments():
    """Every comment on an instrument (any state), threads in order."""
    return XtdComment.objects.filter(content_type=instrument_content_type())


def comment_for_viewer(*, comment_id, user, include_hidden=False):
    """A comment on an instrument `user` may see, with `.page` set; else None.

    Hidden and removed comments are None unless `include_hidden` (for the
    author's own view of a removed comment, nothing else).
    """
    comment_id = valid_id(comment_id)
    if comment_id is None:
        return None
    comment = (
        instrument_comments()
        .select_related("user", "discussion_state")
        .filter(pk=comment_id)
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


def comments_on(page):
    return instrument_comments().filter(object_pk=str(page.pk))


def comment_count(*, page):
    """Comments on the instrument that anyone who may see it can read."""
    return comments_on(page).filter(is_public=True, is_removed=False).count()


# --- Authors -----------------------------------------------------------------


def author_profile(user):
    """The user's Profile, or None (an account need not have one)."""
    if user is None:
        return None
    try:
        return user.profile
    except Exception:  # RelatedObjectDoesNotExist
        return None


def photo_url(profile):
    """Our own URL of the member's photo (community.members serves it; never Gravatar)."""
    try:
        return reverse("members:photo", args=[profile.user_id])
    except NoReverseMatch:
        return f"/leden/{profile.user_id}/foto/"


def profile_url(user):
    try:
        return reverse("members:profile", args=[user.pk])
    except NoReverseMatch:
        return ""


def initials(name):
    words = [word for word in name.replace("-", " ").split() if word[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def author_card(comment, *, viewer_is_member):
    """Name, institution, initials and photo of a comment's author, as this viewer may see them.

    Members see their peers; others see a name only when the member made
    their profile public. No Gravatar: initials, or our own photo URL.
    """
    user = comment.user
    if user is None:
        name = comment.user_name or ERASED_AUTHOR
        return {"name": name, "initials": initials(name), "photo_url": "", "institution": "",
                "profile_url": ""}
    profile = author_profile(user)
    public = profile is not None and profile.visibility == profile.Visibility.PUBLIC
    if not (viewer_is_member or public):
        return {"name": ANONYMOUS_AUTHOR, "initials": "", "photo_url": "", "institution": "",
                "profile_url": ""}
    name = display_name(user)
    institution = profile.institution.label if profile and profile.institution_id else ""
    return {
        "name": name,
        "initials": initials(name),
        "photo_url": photo_url(profile) if profile is not None and profile.photo else "",
        "institution": institution,
        "profile_url": profile_url(user) if profile is not None else "",
    }


# --- One instrument's discussion --------------------------------------------------


def _annotated(queryset, user):
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
        queryset = queryset.annotate(
            liked_by_me=Exists(mine.filter(flag=LIKEDIT_FLAG)),
            flagged_by_me=Exists(mine.filter(flag=CommentFlag.SUGGEST_REMOVAL)),
        )
    else:
        queryset = queryset.annotate(liked_by_me=Value(False), flagged_by_me=Value(False))
    return queryset


def discussion_for_viewer(*, page, user):
    """Everything the discussion block on an instrument page shows, in a fixed number of queries.

    Returns None when `user` may not see the instrument at all.
    """
    if page is None or page.pk is None:
        return None
    if instrument_for_viewer(page_id=page.pk, user=user) is None:
        return None
    is_member = user_is_member(user)
    comments = list(
        _annotated(comments_on(page), user).select_related(
            "user__profile__institution", "discussion_state"
        )
    )
    now = timezone.now()
    limit = max_level()
    nodes = {}
    roots = []
    for comment in comments:
        state = _state(comment)
        visible = comment.is_public and not comment.is_removed
        node = {
            "comment": comment,
            "id": comment.pk,
            "level": comment.level,
            "heading_level": min(comment.level + 3, 6),
            "children": [],
            "visible": visible,
            "removed_by": state.removed_by if (comment.is_removed and state) else "",
            "removed": comment.is_removed,
            "hidden": not comment.is_public and not comment.is_removed,
            "edited": bool(state and state.edited_at),
        }
        if visible:
            own = is_member and comment.user_id == user.pk
            node.update(
                html=render_html(comment.comment),
                author=author_card(comment, viewer_is_member=is_member),
                can_reply=is_member and comment.level < limit,
                can_edit=own and now - comment.submit_date < EDIT_WINDOW,
                can_delete=own,
                can_react=is_member and not own,
            )
        nodes[comment.pk] = node
        parent = nodes.get(comment.parent_id) if comment.parent_id != comment.pk else None
        if parent is None:
            roots.append(node)
        else:
            parent["children"].append(node)
    threads = [node for node in roots if _prune(node)]
    following_page = False
    followed_threads = set()
    if is_member:
        for thread_id in Follow.objects.filter(user=user, page=page).values_list(
            "thread_id", flat=True
        ):
            if thread_id is None:
                following_page = True
            else:
                followed_threads.add(thread_id)
    for node in threads:
        node["followed"] = node["id"] in followed_threads
    return {
        "page": page,
        "threads": threads,
        "count": sum(1 for comment in comments if comment.is_public and not comment.is_removed),
        "is_member": is_member,
        "is_authenticated": bool(user and user.is_authenticated),
        "following_page": following_page,
        "max_level": limit,
    }


def _state(comment):
    try:
        return comment.discussion_state
    except CommentState.DoesNotExist:
        return None


def _prune(node):
    """Keep a node if it is visible, removed (shown as a placeholder), or has kept replies.

    Hidden comments (is_public=False) appear only as a placeholder above
    replies that are still visible; removed ones always keep their place.
    """
    node["children"] = [child for child in node["children"] if _prune(child)]
    return node["visible"] or node["removed"] or bool(node["children"])


# --- Home page ------------------------------------------------------------------------


def recent_discussions(*, user, limit=5):
    """The latest readable comments on instruments this viewer may see."""
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
    is_member = user_is_member(user)
    items = []
    for comment in comments:
        page = pages.get(int(comment.object_pk))
        if page is None:
            continue
        items.append(
            {
                "comment": comment,
                "page": page,
                "excerpt": excerpt(comment.comment, 140),
                "author": author_card(comment, viewer_is_member=is_member),
            }
        )
    return items


# --- Moderation ------------------------------------------------------------------------


def flagged_comments(*, only_open=True):
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
        comment.state = _state(comment)
        comment.excerpt = excerpt(comment.comment, 300)
    return comments

