"""What the discussion pages show, as dataclasses: an author's card, a discussion's tree.

Presenters decide what a viewer sees of what the selectors read (names, who may
reply or edit); they build no HTML: the templates render these, and comment text
goes through the `comment_html` filter there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.visibility import user_is_member
from community.members.selectors import display_name

from . import selectors
from .markup import excerpt

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    from django_comments_xtd.models import XtdComment

    from cms.models import InstrumentPage

    from .selectors import Viewer

ANONYMOUS_AUTHOR = _("Lid van het netwerk")
ERASED_AUTHOR = _("verwijderd lid")


@dataclass(frozen=True)
class AuthorCard:
    """Name, institution, initials and photo of a comment's author, as a viewer may see them."""

    name: str | _StrPromise
    initials: str = ""
    photo_url: str = ""
    institution: str = ""
    profile_url: str = ""


def initials(name: str) -> str:
    words = [word for word in name.replace("-", " ").split() if word[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def author_card(comment: XtdComment, *, viewer_is_member: bool) -> AuthorCard:
    """The author as this viewer may see them.

    Members see their peers; others see a name only when the member made
    their profile public. No Gravatar: initials, or our own photo URL.
    """
    user = comment.user
    if user is None:
        name = comment.user_name or str(ERASED_AUTHOR)
        return AuthorCard(name=name, initials=initials(name))
    profile = selectors.author_profile(user)
    public = profile is not None and profile.visibility == profile.Visibility.PUBLIC
    if not (viewer_is_member or public):
        return AuthorCard(name=ANONYMOUS_AUTHOR)
    name = display_name(user)
    return AuthorCard(
        name=name,
        initials=initials(name),
        photo_url=selectors.photo_url(profile) if profile is not None and profile.photo else "",
        institution=(
            profile.institution.label if profile and profile.institution is not None else ""
        ),
        profile_url=selectors.profile_url(user) if profile is not None else "",
    )


# --- One instrument's discussion --------------------------------------------------


@dataclass
class CommentNode:
    """One comment in the tree, with what the viewer may do with it."""

    comment: XtdComment
    id: int
    level: int
    heading_level: int
    visible: bool
    removed: bool
    hidden: bool
    removed_by: str
    edited: bool
    children: list[CommentNode] = field(default_factory=list)
    author: AuthorCard | None = None
    can_reply: bool = False
    can_edit: bool = False
    can_delete: bool = False
    can_react: bool = False
    followed: bool = False

    def prune(self) -> bool:
        """Keep a node if it is visible, removed (shown as a placeholder), or has kept replies.

        Hidden comments (is_public=False) appear only as a placeholder above
        replies that are still visible; removed ones always keep their place.
        """
        self.children = [child for child in self.children if child.prune()]
        return self.visible or self.removed or bool(self.children)


@dataclass
class Discussion:
    """Everything the discussion block on an instrument page shows."""

    page: InstrumentPage
    threads: list[CommentNode]
    count: int
    is_member: bool
    is_authenticated: bool
    following_page: bool
    max_level: int


def _node(comment: XtdComment, *, user: Viewer, is_member: bool, limit: int) -> CommentNode:
    state = selectors.comment_state(comment)
    visible = comment.is_public and not comment.is_removed
    node = CommentNode(
        comment=comment,
        id=comment.pk,
        level=comment.level,
        heading_level=min(comment.level + 3, 6),
        visible=visible,
        removed_by=state.removed_by if (comment.is_removed and state) else "",
        removed=comment.is_removed,
        hidden=not comment.is_public and not comment.is_removed,
        edited=bool(state and state.edited_at),
    )
    if visible:
        own = is_member and user is not None and comment.user_id == user.pk
        node.author = author_card(comment, viewer_is_member=is_member)
        node.can_reply = is_member and comment.level < limit
        node.can_edit = own and timezone.now() - comment.submit_date < selectors.EDIT_WINDOW
        node.can_delete = own
        node.can_react = is_member and not own
    return node


def discussion_for_viewer(*, page: InstrumentPage | None, user: Viewer) -> Discussion | None:
    """The discussion of an instrument for this viewer, in a fixed number of queries.

    None when `user` may not see the instrument at all.
    """
    if page is None or page.pk is None:
        return None
    if selectors.instrument_for_viewer(page_id=page.pk, user=user) is None:
        return None
    is_member = user_is_member(user)
    comments = selectors.discussion_comments(page=page, user=user)
    limit = selectors.max_level()
    nodes: dict[int, CommentNode] = {}
    roots = []
    for comment in comments:
        node = _node(comment, user=user, is_member=is_member, limit=limit)
        nodes[comment.pk] = node
        parent = nodes.get(comment.parent_id) if comment.parent_id != comment.pk else None
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)
    threads = [node for node in roots if node.prune()]
    following_page, followed_threads = False, set[int]()
    if is_member and user is not None and user.is_authenticated:
        following_page, followed_threads = selectors.follows_of(user=user, page=page)
    for node in threads:
        node.followed = node.id in followed_threads
    return Discussion(
        page=page,
        threads=threads,
        count=sum(1 for comment in comments if comment.is_public and not comment.is_removed),
        is_member=is_member,
        is_authenticated=bool(user and user.is_authenticated),
        following_page=following_page,
        max_level=limit,
    )


# --- Home page ------------------------------------------------------------------------


@dataclass(frozen=True)
class RecentDiscussion:
    comment: XtdComment
    page: InstrumentPage
    excerpt: str
    author: AuthorCard


def recent_discussions(*, user: Viewer, limit: int = 5) -> list[RecentDiscussion]:
    """The latest readable comments on instruments this viewer may see."""
    is_member = user_is_member(user)
    return [
        RecentDiscussion(
            comment=comment,
            page=page,
            excerpt=excerpt(comment.comment, 140),
            author=author_card(comment, viewer_is_member=is_member),
        )
        for comment, page in selectors.recent_comments(user=user, limit=limit)
    ]
