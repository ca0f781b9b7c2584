"""The discussion services: who may do what, threading, the edit window, removal, flags, likes."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from cms.models import InstrumentPage
from community.discussions import services
from community.discussions.models import CommentState, FlagReason, Follow
from tests.factories import InstrumentPageFactory

from .conftest import later, post, reply

pytestmark = pytest.mark.django_db


def test_comment_is_attached_to_the_specific_instrument_page(author, public):
    comment = post(user=author, page=public)
    assert comment.content_type == ContentType.objects.get_for_model(InstrumentPage)
    assert (comment.content_type.app_label, comment.content_type.model) == (
        "cms", "instrumentpage",
    )
    assert comment.object_pk == str(public.pk)
    assert comment.level == 0 and comment.thread_id == comment.pk == comment.parent_id
    assert comment.user_name == "Anouk Jansen"
    # Data minimisation: no address or IP copied onto the comment.
    assert comment.user_email == "" and comment.ip_address is None
    assert CommentState.objects.filter(comment=comment).exists()


def test_author_follows_the_thread_they_start_and_reply_in(author, other_member, public):
    first = post(user=author, page=public)
    answer = reply(user=other_member, parent=first)
    assert Follow.objects.filter(user=author, page=public, thread_id=first.pk).exists()
    assert Follow.objects.filter(user=other_member, page=public, thread_id=first.pk).exists()
    assert answer.thread_id == first.pk


@pytest.mark.parametrize("who", ["pending", "outsider"])
def test_only_members_post(who, request, public):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        post(user=user, page=public)
    assert not XtdComment.objects.exists()


def test_anonymous_cannot_post(public):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        post(user=AnonymousUser(), page=public)


def test_member_of_any_institution_posts_on_members_only_instrument(other_member, secret):
    comment = post(user=other_member, page=secret)
    assert comment.object_pk == str(secret.pk)


def test_unpublished_instrument_takes_no_comments(author, kb):
    draft = InstrumentPageFactory(parent=kb["theme"], title="Concept", live=False)
    with pytest.raises(PermissionDenied):
        post(user=author, page=draft)
    assert not XtdComment.objects.exists()


def test_replies_go_two_levels_deep_and_no_further(author, other_member, public):
    top = post(user=author, page=public)
    first = reply(user=other_member, parent=top)
    second = reply(user=author, parent=first)
    assert (top.level, first.level, second.level) == (0, 1, 2)
    count = XtdComment.objects.count()
    with pytest.raises(ValidationError) as error:
        reply(user=other_member, parent=second)
    assert "niet verder antwoorden" in error.value.messages[0]
    assert XtdComment.objects.count() == count  # nothing stored, no orphan row
    assert not CommentState.objects.filter(comment_id__gt=second.pk).exists()


def test_replies_keep_thread_order(author, other_member, public):
    top = post(user=author, page=public)
    a = reply(user=other_member, parent=top, text="Eerste antwoord")
    b = reply(user=author, parent=top, text="Tweede antwoord")
    a1 = reply(user=author, parent=a, text="Antwoord op het eerste")
    ordered = list(XtdComment.objects.filter(thread_id=top.pk).values_list("pk", flat=True))
    assert ordered == [top.pk, a.pk, a1.pk, b.pk]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "minstens 2 tekens"),
        ("x", "minstens 2 tekens"),
        ("   \n  ", "minstens 2 tekens"),
        ("a" * 3001, "het maximum is 3000"),
        ("<script>alert(1)</script>", "geen leesbare tekst"),
        ("Hallo\x00daar", "stuurteken"),
    ],
)
def test_bad_text_is_refused_with_a_clear_message(author, public, text, message):
    with pytest.raises(ValidationError) as error:
        post(user=author, page=public, text=text)
    assert message in error.value.messages[0]
    assert not XtdComment.objects.exists()


def test_text_of_exactly_the_limits_is_accepted(author, public):
    assert post(user=author, page=public, text="ok").comment == "ok"
    assert len(post(user=author, page=public, text="b" * 3000).comment) == 3000


def test_author_edits_within_fifteen_minutes(author, public):
    comment = post(user=author, page=public)
    with later(minutes=14, seconds=50):
        services.comment_edit(user=author, comment=comment, text="Verbeterde tekst")
    comment.refresh_from_db()
    assert comment.comment == "Verbeterde tekst"
    assert CommentState.objects.get(comment=comment).edited_at is not None


def test_edit_after_fifteen_minutes_is_refused(author, public):
    comment = post(user=author, page=public, text="Oorspronkelijke tekst")
    with later(minutes=15, seconds=1), pytest.raises(ValidationError) as error:
        services.comment_edit(user=author, comment=comment, text="Te laat")
    assert "15 minuten" in error.value.messages[0]
    comment.refresh_from_db()
    assert comment.comment == "Oorspronkelijke tekst"


def test_only_the_author_edits_and_deletes(author, other_member, public):
    comment = post(user=author, page=public)
    with pytest.raises(PermissionDenied):
        services.comment_edit(user=other_member, comment=comment, text="Overgenomen")
    with pytest.raises(PermissionDenied):
        services.comment_delete(user=other_member, comment=comment)
    comment.refresh_from_db()
    assert not comment.is_removed and comment.comment != "Overgenomen"


def test_delete_keeps_replies_readable(author, other_member, public):
    top = post(user=author, page=public)
    answer = reply(user=other_member, parent=top)
    services.comment_delete(user=author, comment=top)
    top.refresh_from_db()
    answer.refresh_from_db()
    assert top.is_removed
    # xtd's pre_save receiver would have unpublished the reply: we update instead.
    assert answer.is_public and not answer.is_removed
    assert CommentState.objects.get(comment=top).removed_by == "author"


def test_editing_a_comment_does_not_republish_hidden_replies(author, other_member, editor, public):
    top = post(user=author, page=public)
    answer = reply(user=other_member, parent=top)
    services.comment_hide(editor=editor, comment=answer)
    services.comment_edit(user=author, comment=top, text="Aangepaste tekst")
    answer.refresh_from_db()
    assert not answer.is_public


def test_removed_comment_takes_no_reply_edit_or_flag(author, other_member, public):
    top = post(user=author, page=public)
    services.comment_delete(user=author, comment=top)
    for action in (
        lambda: reply(user=other_member, parent=top),
        lambda: services.comment_flag(user=other_member, comment=top),
        lambda: services.comment_like(user=other_member, comment=top),
        lambda: services.comment_edit(user=author, comment=top, text="Toch weer"),
    ):
        with pytest.raises(ValidationError):
            action()
    assert XtdComment.objects.count() == 1


def test_flag_with_reason_once(author, other_member, public):
    comment = post(user=author, page=public)
    flag = services.comment_flag(user=other_member, comment=comment, reason="Bevat een naam")
    assert flag.flag == CommentFlag.SUGGEST_REMOVAL
    assert FlagReason.objects.get(flag=flag).reason == "Bevat een naam"
    with pytest.raises(ValidationError) as error:
        services.comment_flag(user=other_member, comment=comment)
    assert "al gemeld" in error.value.messages[0]
    assert CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL).count() == 1


def test_flag_rules(author, other_member, pending, public):
    comment = post(user=author, page=public)
    with pytest.raises(ValidationError):
        services.comment_flag(user=author, comment=comment)
    with pytest.raises(ValidationError) as error:
        services.comment_flag(user=other_member, comment=comment, reason="x" * 501)
    assert "korter dan 500" in error.value.messages[0]
    with pytest.raises(PermissionDenied):
        services.comment_flag(user=pending, comment=comment)
    assert not CommentFlag.objects.exists()


def test_like_toggles_and_not_on_own_comment(author, other_member, public):
    comment = post(user=author, page=public)
    assert services.comment_like(user=other_member, comment=comment) is True
    assert CommentFlag.objects.filter(flag=LIKEDIT_FLAG).count() == 1
    assert services.comment_like(user=other_member, comment=comment) is False
    assert not CommentFlag.objects.exists()
    with pytest.raises(ValidationError):
        services.comment_like(user=author, comment=comment)


def test_follow_and_unfollow(author, other_member, public):
    services.instrument_follow(user=other_member, page=public)
    services.instrument_follow(user=other_member, page=public)  # twice is once
    assert Follow.objects.filter(user=other_member, page=public, thread=None).count() == 1
    top = post(user=author, page=public)
    services.thread_follow(user=other_member, comment=top)
    assert Follow.objects.filter(user=other_member).count() == 2
    services.thread_unfollow(user=other_member, comment=top)
    assert Follow.objects.filter(user=other_member, thread__isnull=False).count() == 0
    services.thread_follow(user=other_member, comment=top)
    services.instrument_unfollow(user=other_member, page=public)
    assert not Follow.objects.filter(user=other_member).exists()


def test_non_member_cannot_follow(pending, public):
    with pytest.raises(PermissionDenied):
        services.instrument_follow(user=pending, page=public)
    assert not Follow.objects.exists()
