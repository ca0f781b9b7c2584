"""The AVG export and erasure cover follows, digest watermarks and flag reasons."""

import json
from datetime import timedelta

from django.utils import timezone

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from community.discussions import privacy_data, services
from community.discussions.models import DigestWatermark, FlagReason, Follow

from .conftest import post

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_member(author, other_member, public, secret):
    """other_member: follows, posts, flags and has had a digest."""
    services.instrument_follow(user=other_member, page=secret)
    comment = post(user=other_member, page=public, text="Mijn ervaring")
    services.comment_flag(
        user=other_member, comment=post(user=author, page=public), reason="Klopt niet"
    )
    DigestWatermark.objects.filter(user=other_member).update(last_sent_at=timezone.now())
    return other_member, comment


def test_export_lists_follows_watermark_and_reasons(active_member, public, secret):
    member, comment = active_member
    data = privacy_data.export(member)
    json.dumps(data)  # the download is JSON
    follows = data["gevolgde_discussies"]
    assert {(item["instrument"], item["draad"]) for item in follows} == {
        (secret.title, None), (public.title, comment.pk),
    }
    assert data["dagelijks_overzicht"][0]["laatst_verstuurd"] is not None
    assert data["toelichtingen_bij_meldingen"][0]["toelichting"] == "Klopt niet"
    # What the other provider part covers is still there.
    assert data["reacties"][0]["tekst"] == "Mijn ervaring"
    assert data["waarderingen_en_meldingen"][0]["soort"] == "gemeld bij de moderatie"


def test_erase_removes_follows_watermark_flags_and_reasons(active_member, author):
    member, comment = active_member
    services.instrument_follow(user=author, page=comment.content_object)
    privacy_data.erase(member)
    assert not Follow.objects.filter(user=member).exists()
    assert not DigestWatermark.objects.filter(user=member).exists()
    assert not CommentFlag.objects.filter(user=member).exists()
    assert not FlagReason.objects.exists()
    comment = XtdComment.objects.get(pk=comment.pk)
    assert comment.user is None and comment.user_name == "verwijderd lid"
    # Someone else's follows stay.
    assert Follow.objects.filter(user=author).exists()


def test_erase_forgets_which_editor_moderated(editor, author, public):
    from community.discussions.models import CommentState

    comment = post(user=author, page=public)
    services.comment_hide(editor=editor, comment=comment)
    privacy_data.erase(editor)
    assert CommentState.objects.get(comment=comment).moderated_by is None


def test_erased_author_shows_as_removed_member(client, active_member, public):
    member, comment = active_member
    privacy_data.erase(member)
    html = client.get(public.url).content.decode()
    assert "Mijn ervaring" in html  # the thread stays readable
    assert "verwijderd lid" in html


def test_watermark_export_uses_iso_dates(active_member):
    member, _ = active_member
    DigestWatermark.objects.filter(user=member).update(until=timezone.now() - timedelta(days=1))
    value = privacy_data.export(member)["dagelijks_overzicht"][0]["bijgewerkt_tot"]
    assert "T" in value
