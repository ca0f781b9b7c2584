"""The rules every write checks first, and the messages people get when one is broken.

A rule broken by the input raises ValidationError with a message for the member;
a rule broken by who asks raises PermissionDenied. The services check before
they store anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from cms.visibility import user_is_member

from .. import selectors

if TYPE_CHECKING:
    from django_comments_xtd.models import XtdComment

    from cms.models import InstrumentPage

    from ..selectors import Viewer

MODERATE_PERMISSION = "discussions.moderate_comments"
MAX_REASON_LENGTH = 500

DEPTH_EXCEEDED = _(
    "Op deze reactie kun je niet verder antwoorden: een discussie gaat maximaal "
    "{levels} niveaus diep. Reageer op de reactie erboven of begin een nieuwe draad."
)
EDIT_WINDOW_PASSED = _(
    "Je kunt een reactie alleen in de eerste 15 minuten na plaatsen bewerken. "
    "Verwijder hem en plaats een nieuwe als er iets niet klopt."
)
NOT_YOURS = _("Dit is niet jouw reactie.")
GONE = _("Deze reactie is verwijderd of verborgen.")
OWN_COMMENT_LIKE = _("Je kunt je eigen reactie niet waarderen.")
OWN_COMMENT_FLAG = _("Je kunt je eigen reactie niet melden; verwijder hem als je dat wilt.")
ALREADY_FLAGGED = _("Je hebt deze reactie al gemeld. De redactie bekijkt hem.")
REASON_TOO_LONG = _("Houd de toelichting korter dan {max} tekens (nu {length}).")
AUTHOR_REMOVED = _(
    "De auteur heeft deze reactie zelf verwijderd; die kan de redactie niet terugzetten."
)
MEMBERS_ONLY = _("Alleen leden van het kennisnetwerk kunnen dit doen.")
NOT_VISIBLE = _("Dit instrument bestaat niet of is niet zichtbaar.")
NOT_ON_INSTRUMENT = _("Dit is geen reactie bij een instrument.")
EDITORS_ONLY = _("Alleen de redactie behandelt gemarkeerde reacties.")


def require_member(user: Viewer) -> None:
    if not user_is_member(user):
        raise PermissionDenied(MEMBERS_ONLY)


def require_visible_page(*, page: InstrumentPage | None, user: Viewer) -> InstrumentPage:
    visible = (
        selectors.instrument_for_viewer(page_id=page.pk, user=user) if page is not None else None
    )
    if visible is None:
        raise PermissionDenied(NOT_VISIBLE)
    return visible


def require_readable(comment: XtdComment) -> None:
    # Re-read: the caller's copy may be stale (hidden or removed meanwhile).
    if not selectors.comment_is_readable(comment_id=comment.pk):
        raise ValidationError(GONE, code="gone")


def require_own(*, user: Viewer, comment: XtdComment) -> None:
    if user is None or comment.user_id != user.pk:
        raise PermissionDenied(NOT_YOURS)


def comment_page(*, comment: XtdComment, user: Viewer) -> InstrumentPage:
    """The instrument the comment is on, if the user may see it."""
    if comment.content_type_id != selectors.instrument_content_type().pk:
        raise PermissionDenied(NOT_ON_INSTRUMENT)
    page = selectors.instrument_page(page_id=comment.object_pk)
    return require_visible_page(page=page, user=user)


def require_moderator(user: Viewer) -> None:
    allowed = user is not None and user.is_authenticated and user.is_active
    if not (allowed and user.has_perm(MODERATE_PERMISSION)):  # type: ignore[union-attr]
        raise PermissionDenied(EDITORS_ONLY)
