"""Discussions per instrument.

Comments themselves are django-comments-xtd's `XtdComment` (threading in
`thread_id`/`parent_id`/`level`/`order`), attached to the *specific*
`cms.InstrumentPage`. What xtd has no place for lives here: who follows what,
each follower's digest watermark, the platform's own state of a comment
(edited, removed by whom, followers told) and the reason given with a flag.

Never call `save()` on an existing XtdComment: xtd's pre_save receiver then
rewrites `is_public` of every reply below it. The services update rows with
`QuerySet.update()` instead.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Follow(models.Model):
    """A member follows an instrument's whole discussion, or one thread in it.

    `thread` empty: every new comment on the instrument. `thread` set (the
    thread's first comment): every reply in that thread. Posting in a thread
    follows it automatically.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="lid", on_delete=models.CASCADE,
        related_name="discussion_follows",
    )
    page = models.ForeignKey(
        "cms.InstrumentPage", verbose_name="instrument", on_delete=models.CASCADE,
        related_name="discussion_follows",
    )
    thread = models.ForeignKey(
        "django_comments_xtd.XtdComment", verbose_name="draad", null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )
    created_at = models.DateTimeField("sinds", auto_now_add=True)

    class Meta:
        verbose_name = "gevolgde discussie"
        verbose_name_plural = "gevolgde discussies"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"], condition=Q(thread__isnull=True),
                name="discussions_follow_one_per_instrument",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False),
                name="discussions_follow_one_per_thread",
            ),
        ]

    def __str__(self):
        what = f"draad {self.thread_id}" if self.thread_id else "hele discussie"
        return f"{self.user} volgt {self.page_id} ({what})"


class DigestWatermark(models.Model):
    """Up to when a follower has been told about new comments.

    The daily digest mails the comments submitted after `until` and moves
    `until` on in the same transaction as the outbox row of that mail, so a
    comment is in one digest at most, however often the task runs.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="lid", on_delete=models.CASCADE,
        related_name="discussion_digest",
    )
    until = models.DateTimeField("bijgewerkt tot")
    last_sent_at = models.DateTimeField("laatste overzicht verstuurd", null=True, blank=True)

    class Meta:
        verbose_name = "stand dagelijks overzicht"
        verbose_name_plural = "standen dagelijks overzicht"

    def __str__(self):
        return f"{self.user}: tot {self.until:%Y-%m-%d %H:%M}"


class CommentState(models.Model):
    """The platform's own facts about one comment, beside xtd's row."""

    class RemovedBy(models.TextChoices):
        AUTHOR = "author", "de auteur"
        EDITORS = "editors", "de redactie"

    comment = models.OneToOneField(
        "django_comments_xtd.XtdComment", verbose_name="reactie", primary_key=True,
        on_delete=models.CASCADE, related_name="discussion_state",
    )
    edited_at = models.DateTimeField("bewerkt op", null=True, blank=True)
    removed_by = models.CharField(
        "verwijderd door", max_length=10, choices=RemovedBy.choices, blank=True,
    )
    # Followers who want a mail per comment were told (or there was no one to tell).
    notified_at = models.DateTimeField("volgers ingelicht op", null=True, blank=True)
    # Flags up to this moment have been dealt with by an editor.
    flags_resolved_at = models.DateTimeField("meldingen behandeld op", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="behandeld door", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = "status van een reactie"
        verbose_name_plural = "status van reacties"
        permissions = [("moderate_comments", "Kan gemarkeerde reacties behandelen")]

    def __str__(self):
        return f"status van reactie {self.comment_id}"


class FlagReason(models.Model):
    """The optional explanation a member gives when flagging a comment."""

    flag = models.OneToOneField(
        "django_comments.CommentFlag", verbose_name="melding", primary_key=True,
        on_delete=models.CASCADE, related_name="discussion_reason",
    )
    reason = models.CharField("reden", max_length=500, blank=True)

    class Meta:
        verbose_name = "reden van een melding"
        verbose_name_plural = "redenen van meldingen"

    def __str__(self):
        return self.reason
