"""Writes for discussions: posting, editing, flags, likes, follows, moderation, mail.

Every function takes keyword arguments only and checks its own rules, so a view
(or a shell) cannot skip them: only members post, reply, like, flag and follow,
and only on instruments they may see. A rule broken by the input raises
ValidationError with a message for the member; a rule broken by who asks
raises PermissionDenied. Nothing is stored before every check has passed.

Existing XtdComment rows are changed with `QuerySet.update()`, never `save()`:
xtd's pre_save receiver would otherwise rewrite `is_public` of every reply.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from cms.visibility import MEMBERS_ONLY_PERMISSION, user_is_member
from community.members.selectors import display_name

from . import mails
from .markup import clean_comment_text
from .models import CommentState, DigestWatermark, FlagReason, Follow
from .selectors import (
    EDIT_WINDOW,
    author_profile,
    instrument_comments,
    instrument_content_type,
    instrument_for_viewer,
    max_level,
    valid_id,
)

logger = logging.getLogger(__name__)

MODERATE_PERMISSION = "discussions.moderate_comments"
UNSUBSCRIBE_SALT = "discussions.unsubscribe"
# The digest covers comments up to a moment slightly in the past, so a comment
# whose transaction is still open when the digest runs is in the next one.
DIGEST_SETTLE = timedelta(minutes=2)
# However often the digest task runs, a member gets one digest a day at most.
DIGEST_MIN_INTERVAL = timedelta(hours=20)
# A comment whose notification task was lost (broker down) is picked up by the sweep.
NOTIFY_GRACE = timedelta(minutes=2)
NOTIFY_GIVE_UP = timedelta(days=2)

MAX_REASON_LENGTH = 500

DEPTH_EXCEEDED = (
    "Op deze reactie kun je niet verder antwoorden: een discussie gaat maximaal "
    "{levels} niveaus diep. Reageer op de reactie erboven of begin een nieuwe draad."
)
EDIT_WINDOW_PASSED = (
    "Je kunt een reactie alleen in de eerste 15 minuten na plaatsen bewerken. "
    "Verwijder hem en plaats een nieuwe als er iets niet klopt."
)
NOT_YOURS = "Dit is niet jouw reactie."
GONE = "Deze reactie is verwijderd of verborgen."
OWN_COMMENT_LIKE = "Je kunt je eigen reactie niet waarderen."
OWN_COMMENT_FLAG = "Je kunt je eigen reactie niet melden; verwijder hem als je dat wilt."
ALREADY_FLAGGED = "Je hebt deze reactie al gemeld. De redactie bekijkt hem."
REASON_TOO_LONG = "Houd de toelichting korter dan {max} tekens (nu {length})."
AUTHOR_REMOVED = (
    "De auteur heeft deze reactie zelf verwijderd; die kan de redactie niet terugzetten."
)


# --- Checks ------------------------------------------------------------------------


def _require_member(user):
    if not user_is_member(user):
        raise PermissionDenied("Alleen leden van het kennisnetwerk kunnen dit doen.")


def _require_visible_page(*, page, user):
    visible = instrument_for_viewer(page_id=page.pk, user=user) if page is not None else None
    if visible is None:
        raise PermissionDenied("Dit instrument bestaat niet of is niet zichtbaar.")
    return visible


def _require_readable(comment):
    # Re-read: the caller's copy may be stale (hidden or removed meanwhile).
    fresh = XtdComment.norel_objects.filter(pk=comment.pk).values("is_public", "is_removed")
    row = fresh.first()
    if row is None or not row["is_public"] or row["is_removed"]:
        raise ValidationError(GONE, code="gone")


def _comment_page(*, comment, user):
    from cms.models import InstrumentPage

    if comment.content_type_id != instrument_content_type().pk:
        raise PermissionDenied("Dit is geen reactie bij een instrument.")
    page = InstrumentPage.objects.filter(pk=valid_id(comment.object_pk)).first()
    return _require_visible_page(page=page, user=user)


def _state_for(comment):
    state, _ = CommentState.objects.get_or_create(comment_id=comment.pk)
    return state


# --- Posting -------------------------------------------------------------------------


@transaction.atomic
def comment_post(*, user, page, text):
    """A new thread on an instrument. The author follows it from then on."""
    _require_member(user)
    page = _require_visible_page(page=page, user=user)
    text = clean_comment_text(text)
    return _create(user=user, page=page, text=text, parent=None)


@transaction.atomic
def comment_reply(*, user, parent, text):
    """A reply to `parent`, at most COMMENTS_XTD_MAX_THREAD_LEVEL deep.

    The depth is checked before anything is saved: xtd itself would only
    notice after inserting the row.
    """
    _require_member(user)
    page = _comment_page(comment=parent, user=user)
    _require_readable(parent)
    limit = max_level()
    if parent.level >= limit:
        raise ValidationError(DEPTH_EXCEEDED.format(levels=limit + 1), code="too_deep")
    text = clean_comment_text(text)
    return _create(user=user, page=page, text=text, parent=parent)


def _create(*, user, page, text, parent):
    comment = XtdComment(
        content_type=instrument_content_type(),
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
    _follow(user=user, page=page, thread_id=comment.thread_id)
    transaction.on_commit(lambda: _dispatch_notification(comment.pk))
    return comment


def _dispatch_notification(comment_id):
    from .tasks import discussions_notify

    try:
        discussions_notify.delay(comment_id)
    except Exception:
        # Broker unreachable: the periodic sweep notifies followers later.
        logger.warning(
            "Notification for comment %s not dispatched; the sweep will retry.",
            comment_id, exc_info=True,
        )


@transaction.atomic
def comment_edit(*, user, comment, text):
    """The author corrects their comment, within 15 minutes of posting it."""
    _require_member(user)
    _comment_page(comment=comment, user=user)
    if comment.user_id != user.pk:
        raise PermissionDenied(NOT_YOURS)
    _require_readable(comment)
    if timezone.now() - comment.submit_date >= EDIT_WINDOW:
        raise ValidationError(EDIT_WINDOW_PASSED, code="edit_window")
    text = clean_comment_text(text)
    XtdComment.objects.filter(pk=comment.pk).update(comment=text)
    CommentState.objects.update_or_create(
        comment_id=comment.pk, defaults={"edited_at": timezone.now()}
    )
    comment.comment = text
    return comment


@transaction.atomic
def comment_delete(*, user, comment):
    """The author removes their comment; replies stay, it reads "[verwijderd door de auteur]"."""
    _require_member(user)
    _comment_page(comment=comment, user=user)
    if comment.user_id != user.pk:
        raise PermissionDenied(NOT_YOURS)
    _require_readable(comment)
    XtdComment.objects.filter(pk=comment.pk).update(is_removed=True)
    CommentState.objects.update_or_create(
        comment_id=comment.pk, defaults={"removed_by": CommentState.RemovedBy.AUTHOR}
    )
    comment.is_removed = True
    return comment


# --- Flags and likes -------------------------------------------------------------


@transaction.atomic
def comment_flag(*, user, comment, reason=""):
    """A member asks the editors to look at a comment."""
    _require_member(user)
    _comment_page(comment=comment, user=user)
    _require_readable(comment)
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
def comment_like(*, user, comment):
    """Toggle the member's appreciation of a comment; returns True when it is now liked."""
    _require_member(user)
    _comment_page(comment=comment, user=user)
    _require_readable(comment)
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


# --- Following -----------------------------------------------------------------------


def _follow(*, user, page, thread_id=None):
    try:
        with transaction.atomic():
            follow, _ = Follow.objects.get_or_create(user=user, page=page, thread_id=thread_id)
    except IntegrityError:  # a concurrent request made the same row
        follow = Follow.objects.get(user=user, page=page, thread_id=thread_id)
    # The first follow starts the member's digest from now, not from the past.
    DigestWatermark.objects.get_or_create(user=user, defaults={"until": timezone.now()})
    return follow


@transaction.atomic
def instrument_follow(*, user, page):
    _require_member(user)
    page = _require_visible_page(page=page, user=user)
    return _follow(user=user, page=page)


@transaction.atomic
def instrument_unfollow(*, user, page):
    """Stop following the instrument's discussion, its threads included."""
    _require_member(user)
    page = _require_visible_page(page=page, user=user)
    deleted, _ = Follow.objects.filter(user=user, page=page).delete()
    return deleted


@transaction.atomic
def thread_follow(*, user, comment):
    _require_member(user)
    page = _comment_page(comment=comment, user=user)
    _require_readable(comment)
    return _follow(user=user, page=page, thread_id=comment.thread_id)


@transaction.atomic
def thread_unfollow(*, user, comment):
    _require_member(user)
    page = _comment_page(comment=comment, user=user)
    deleted, _ = Follow.objects.filter(user=user, page=page, thread_id=comment.thread_id).delete()
    return deleted


# --- Unsubscribe links ---------------------------------------------------------------


def unsubscribe_token(*, user, page=None):
    """A signed token for one click: stop mail about `page`, or about every discussion."""
    return signing.dumps({"u": user.pk, "p": page.pk if page else None}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_target(*, token):
    """(user, page or None) for a valid token; raises signing.BadSignature otherwise."""
    from cms.models import InstrumentPage

    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or "u" not in data:
        raise signing.BadSignature("malformed")
    user = get_user_model().objects.filter(pk=data["u"]).first()
    if user is None:
        raise signing.BadSignature("unknown user")
    page = InstrumentPage.objects.filter(pk=data["p"]).first() if data.get("p") else None
    return user, page


@transaction.atomic
def unsubscribe(*, token):
    """Follow the link in a mail: no more mail about that instrument (or about any).

    Needs no login: the signed token is the proof. Returns (user, page, removed).
    """
    user, page = unsubscribe_target(token=token)
    follows = Follow.objects.filter(user=user)
    if page is not None:
        follows = follows.filter(page=page)
    removed, _ = follows.delete()
    return user, page, removed


# --- Notifications -------------------------------------------------------------------


def _member_ids(user_ids):
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
        .objects.filter(pk__in=user_ids, is_active=True)
        .filter(permission | Q(is_superuser=True))
        .values_list("pk", flat=True)
    )


def _frequency(user):
    """How often this member wants mail about discussions (the Profile default without one)."""
    from community.members.models import Profile

    profile = author_profile(user)
    if profile is None:
        return Profile._meta.get_field("notification_frequency").default
    return profile.notification_frequency


def comment_notify(*, comment_id):
    """Mail the followers who want a mail per comment. Runs once per comment.

    The state row is locked and marked in the same transaction as the outbox
    rows of the mails, so a repeated or duplicated task sends nothing twice.
    """
    from cms.models import InstrumentPage
    from community.members.models import Profile

    with transaction.atomic():
        state = (
            CommentState.objects.select_for_update()
            .filter(comment_id=comment_id, notified_at__isnull=True)
            .first()
        )
        if state is None:
            return 0
        state.notified_at = timezone.now()
        state.save(update_fields=["notified_at"])
        comment = instrument_comments().filter(pk=comment_id).first()
        if comment is None or not comment.is_public or comment.is_removed:
            return 0
        page = InstrumentPage.objects.live().public().filter(pk=int(comment.object_pk)).first()
        if page is None:
            return 0
        follower_ids = set(
            Follow.objects.filter(page=page)
            .filter(Q(thread__isnull=True) | Q(thread_id=comment.thread_id))
            .exclude(user_id=comment.user_id)
            .values_list("user_id", flat=True)
        )
        recipients = (
            get_user_model()
            .objects.filter(pk__in=_member_ids(follower_ids))
            .select_related("profile")
            .order_by("pk")
        )
        sent = 0
        told = []
        for recipient in recipients:
            if _frequency(recipient) != Profile.Frequency.INSTANT:
                continue
            mails.comment_notification(recipient=recipient, comment=comment, page=page).send()
            told.append(recipient.pk)
            sent += 1
        # Whoever switches to the digest later will not get these comments again.
        DigestWatermark.objects.filter(user_id__in=told, until__lt=comment.submit_date).update(
            until=comment.submit_date
        )
        return sent


def comments_to_notify():
    """Comments whose notification task never ran (lost dispatch)."""
    now = timezone.now()
    return list(
        CommentState.objects.filter(
            notified_at__isnull=True,
            comment__submit_date__lt=now - NOTIFY_GRACE,
            comment__submit_date__gt=now - NOTIFY_GIVE_UP,
        ).values_list("comment_id", flat=True)[:500]
    )


def digest_send(*, now=None):
    """One mail per member who wants a daily digest, with the comments since the last one.

    Per member, in one transaction: lock the watermark, gather the comments
    after it, queue the mail and move the watermark. Running twice sends no
    comment twice, and no member gets more than one digest within 20 hours.
    Returns the number of digests queued.
    """
    now = now or timezone.now()
    cutoff = now - DIGEST_SETTLE
    user_ids = Follow.objects.values_list("user_id", flat=True).distinct().order_by("user_id")
    sent = 0
    for user_id in list(user_ids):
        sent += _digest_for(user_id=user_id, now=now, cutoff=cutoff)
    return sent


def _digest_for(*, user_id, now, cutoff):
    from cms.models import InstrumentPage
    from community.members.models import Profile

    with transaction.atomic():
        watermark, _ = DigestWatermark.objects.select_for_update().get_or_create(
            user_id=user_id, defaults={"until": cutoff - timedelta(days=1)}
        )
        if watermark.until >= cutoff:
            return 0
        user = get_user_model().objects.select_related("profile").filter(pk=user_id).first()
        wants_digest = (
            user is not None
            and user_id in _member_ids([user_id])
            and _frequency(user) == Profile.Frequency.DAILY
        )
        if not wants_digest:
            # Instant or no mail: keep up, so switching to the digest starts afresh.
            watermark.until = cutoff
            watermark.save(update_fields=["until"])
            return 0
        if watermark.last_sent_at and now - watermark.last_sent_at < DIGEST_MIN_INTERVAL:
            return 0
        follows = list(Follow.objects.filter(user_id=user_id))
        page_ids = {follow.page_id for follow in follows}
        pages = InstrumentPage.objects.live().public().in_bulk(page_ids)
        candidates = (
            instrument_comments()
            .filter(
                object_pk__in=[str(pk) for pk in pages],
                is_public=True,
                is_removed=False,
                submit_date__gt=watermark.until,
                submit_date__lte=cutoff,
            )
            .exclude(user_id=user_id)
            .select_related("user__profile")
            .order_by("object_pk", "thread_id", "order")
        )
        items = []
        for comment in candidates:
            page_id = int(comment.object_pk)
            if any(_covers(follow, comment, page_id) for follow in follows):
                items.append((pages[page_id], comment))
        watermark.until = cutoff
        if items:
            mails.digest(recipient=user, items=items).send()
            watermark.last_sent_at = now
        watermark.save(update_fields=["until", "last_sent_at"])
        return 1 if items else 0


def _covers(follow, comment, page_id):
    if follow.page_id != page_id or comment.submit_date < follow.created_at:
        return False
    return follow.thread_id is None or follow.thread_id == comment.thread_id


# --- Moderation ----------------------------------------------------------------------


def _require_moderator(user):
    allowed = user and user.is_authenticated and user.is_active
    if not (allowed and user.has_perm(MODERATE_PERMISSION)):
        raise PermissionDenied("Alleen de redactie behandelt gemarkeerde reacties.")


def _moderated(*, editor, comment, **changes):
    state = _state_for(comment)
    state.flags_resolved_at = timezone.now()
    state.moderated_by = editor
    for field, value in changes.items():
        setattr(state, field, value)
    state.save()
    return state


def _page_of(comment):
    from cms.models import InstrumentPage

    return InstrumentPage.objects.filter(pk=valid_id(comment.object_pk)).first()


@transaction.atomic
def comment_hide(*, editor, comment):
    """Editors take a comment off the site (is_public=False); the author is told."""
    _require_moderator(editor)
    XtdComment.objects.filter(pk=comment.pk).update(is_public=False)
    _moderated(editor=editor, comment=comment)
    comment.is_public = False
    _tell_author(comment=comment, action="hidden")
    return comment


@transaction.atomic
def comment_restore(*, editor, comment):
    """Editors put a hidden (or editor-removed) comment back; the author is told."""
    _require_moderator(editor)
    state = _state_for(comment)
    if comment.is_removed and state.removed_by == CommentState.RemovedBy.AUTHOR:
        raise ValidationError(AUTHOR_REMOVED, code="author_removed")
    XtdComment.objects.filter(pk=comment.pk).update(is_public=True, is_removed=False)
    _moderated(editor=editor, comment=comment, removed_by="")
    comment.is_public, comment.is_removed = True, False
    _tell_author(comment=comment, action="restored")
    return comment


@transaction.atomic
def comment_remove(*, editor, comment):
    """Editors remove a comment; the thread reads "[verwijderd door de redactie]"."""
    _require_moderator(editor)
    XtdComment.objects.filter(pk=comment.pk).update(is_removed=True)
    _moderated(editor=editor, comment=comment, removed_by=CommentState.RemovedBy.EDITORS)
    comment.is_removed = True
    _tell_author(comment=comment, action="removed")
    return comment


@transaction.atomic
def flags_dismiss(*, editor, comment):
    """The editors looked and the comment may stay: the flags are closed."""
    _require_moderator(editor)
    _moderated(editor=editor, comment=comment)
    return comment


def _tell_author(*, comment, action):
    author = comment.user
    if author is None or not author.is_active or not author.email:
        return
    page = _page_of(comment)
    mails.moderation_notice(recipient=author, comment=comment, page=page, action=action).send()
