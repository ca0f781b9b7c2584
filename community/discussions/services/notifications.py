"""Mail to followers: one per comment, or a daily digest, each exactly once."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .. import mails, selectors
from ..models import CommentState, DigestWatermark, Follow

if TYPE_CHECKING:
    from django_comments_xtd.models import XtdComment

# The digest covers comments up to a moment slightly in the past, so a comment
# whose transaction is still open when the digest runs is in the next one.
DIGEST_SETTLE = timedelta(minutes=2)
# However often the digest task runs, a member gets one digest a day at most.
DIGEST_MIN_INTERVAL = timedelta(hours=20)


def comment_notify(*, comment_id: int) -> int:
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
        comment = selectors.instrument_comments().filter(pk=comment_id).first()
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
            .objects.filter(pk__in=selectors.member_ids(follower_ids))
            .select_related("profile")
            .order_by("pk")
        )
        sent = 0
        told = []
        for recipient in recipients:
            if selectors.notification_frequency(recipient) != Profile.Frequency.INSTANT:
                continue
            mails.comment_notification(recipient=recipient, comment=comment, page=page).send()
            told.append(recipient.pk)
            sent += 1
        # Whoever switches to the digest later will not get these comments again.
        DigestWatermark.objects.filter(user_id__in=told, until__lt=comment.submit_date).update(
            until=comment.submit_date
        )
        return sent


def digest_send(*, now: datetime | None = None) -> int:
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


def _digest_for(*, user_id: int, now: datetime, cutoff: datetime) -> int:
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
            and user_id in selectors.member_ids([user_id])
            and selectors.notification_frequency(user) == Profile.Frequency.DAILY
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
            selectors.instrument_comments()
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


def _covers(follow: Follow, comment: XtdComment, page_id: int) -> bool:
    if follow.page_id != page_id or comment.submit_date < follow.created_at:
        return False
    return follow.thread_id is None or follow.thread_id == comment.thread_id
