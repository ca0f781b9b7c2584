"""The discussion on an instrument page and the form pages around it, for members and others."""

import re

from django.urls import reverse

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from community.discussions.models import Follow
from community.members.models import Profile

from .conftest import later, post, reply
from .test_markup import XSS_PAYLOADS, assert_safe_html

pytestmark = pytest.mark.django_db


def discussion_html(response):
    html = response.content.decode()
    start = html.index('<section id="discussie"')
    return html[start: html.index("</section>", start)]


def comment_url(name, comment):
    return reverse(f"discussions:{name}", args=[comment.pk])


# --- Posting from the page ------------------------------------------------------------


def test_member_posts_a_comment_from_the_page(client, author, public):
    client.force_login(author)
    page = client.get(public.url).content.decode()
    action = reverse("discussions:comment", args=[public.pk])
    assert f'action="{action}"' in page
    assert '<label for="id_comment">Je reactie</label>' in page

    response = client.post(action, {"comment": "Wij gebruiken **dit** stappenplan sinds 2024."})
    comment = XtdComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{public.url}#c{comment.pk}"

    response = client.get(public.url)
    html = discussion_html(response)
    assert "Wij gebruiken <strong>dit</strong> stappenplan sinds 2024." in html
    assert f'id="c{comment.pk}"' in html
    assert "(1 reactie)" in html
    assert "Je reactie is geplaatst" in response.content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [("x", "minstens 2 tekens"), ("a" * 3001, "het maximum is 3000"),
     ("<script>alert(1)</script>", "geen leesbare tekst")],
)
def test_bad_comment_gets_a_message_tied_to_the_field_and_keeps_the_text(
    client, author, public, text, message
):
    client.force_login(author)
    response = client.post(reverse("discussions:comment", args=[public.pk]), {"comment": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert re.search(r'<textarea[^>]*aria-invalid="true"', html)
    assert re.search(r'<textarea[^>]*aria-describedby="[^"]*id_comment_error', html)
    assert 'id="id_comment_error"' in html
    # What the member typed is still there (escaped) for a second try.
    assert ("a" * 3001) in html if len(text) > 3000 else True
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html if "script" in text else True
    assert not XtdComment.objects.exists()


def test_null_character_is_a_message_not_a_500(client, author, other_member, public):
    client.force_login(author)
    response = client.post(
        reverse("discussions:comment", args=[public.pk]), {"comment": "Hallo\x00daar"}
    )
    assert response.status_code == 400
    assert not XtdComment.objects.exists()
    comment = post(user=author, page=public)
    client.force_login(other_member)
    response = client.post(comment_url("flag", comment), {"reason": "Zie\x00hier"})
    assert response.status_code == 400
    assert not CommentFlag.objects.exists()


def test_comment_form_page_for_members(client, author, public):
    client.force_login(author)
    response = client.get(reverse("discussions:comment", args=[public.pk]))
    assert response.status_code == 200
    assert "Reageer op" in response.content.decode()


# --- Replies ------------------------------------------------------------------------------


def test_member_replies_through_the_reply_page(client, author, other_member, public):
    top = post(user=author, page=public, text="Hoe hebben jullie dit ingevoerd?")
    client.force_login(other_member)
    page = discussion_html(client.get(public.url))
    assert f'href="{comment_url("reply", top)}"' in page

    form = client.get(comment_url("reply", top)).content.decode()
    assert "Hoe hebben jullie dit ingevoerd?" in form  # the comment replied to
    assert '<label for="id_comment">Je antwoord</label>' in form

    response = client.post(
        comment_url("reply", top), {"comment": "Met een pilot bij twee faculteiten."}
    )
    answer = XtdComment.objects.get(parent_id=top.pk, level=1)
    assert response["Location"] == f"{public.url}#c{answer.pk}"
    html = discussion_html(client.get(public.url))
    # The reply is nested inside the list item of the comment it answers.
    top_item = html[html.index(f'id="c{top.pk}"'):]
    assert '<ol class="comment__replies">' in top_item.split(f'id="c{answer.pk}"')[0]


def test_reply_deeper_than_allowed_gets_a_message_and_stores_nothing(
    client, author, other_member, public
):
    top = post(user=author, page=public)
    first = reply(user=other_member, parent=top)
    deepest = reply(user=author, parent=first)
    client.force_login(other_member)

    page = discussion_html(client.get(public.url))
    assert f'href="{comment_url("reply", first)}"' in page
    assert f'href="{comment_url("reply", deepest)}"' not in page  # no link at the deepest level

    form_page = client.get(comment_url("reply", deepest))
    assert form_page.status_code == 200
    assert "niet verder antwoorden" in form_page.content.decode()
    assert 'name="comment"' not in form_page.content.decode()

    count = XtdComment.objects.count()
    response = client.post(comment_url("reply", deepest), {"comment": "Nog dieper"})
    assert response.status_code == 400
    assert "niet verder antwoorden" in response.content.decode()
    assert XtdComment.objects.count() == count


# --- Edit and delete ------------------------------------------------------------------


def test_author_edits_within_the_window(client, author, public):
    comment = post(user=author, page=public, text="Eerste versie")
    client.force_login(author)
    page = discussion_html(client.get(public.url))
    assert f'href="{comment_url("edit", comment)}"' in page
    assert "Eerste versie" in client.get(comment_url("edit", comment)).content.decode()
    response = client.post(comment_url("edit", comment), {"comment": "Tweede versie"})
    assert response.status_code == 302
    html = discussion_html(client.get(public.url))
    assert "Tweede versie" in html and "bewerkt" in html


def test_edit_after_the_window_is_refused_clearly(client, author, public):
    comment = post(user=author, page=public, text="Eerste versie")
    client.force_login(author)
    with later(minutes=16):
        page = discussion_html(client.get(public.url))
        assert f'href="{comment_url("edit", comment)}"' not in page
        assert "15 minuten" in client.get(comment_url("edit", comment)).content.decode()
        response = client.post(comment_url("edit", comment), {"comment": "Te laat"})
    assert response.status_code == 400
    assert "15 minuten" in response.content.decode()
    comment.refresh_from_db()
    assert comment.comment == "Eerste versie"


def test_others_cannot_edit_or_delete(client, author, other_member, public):
    comment = post(user=author, page=public)
    client.force_login(other_member)
    page = discussion_html(client.get(public.url))
    assert comment_url("edit", comment) not in page and comment_url("delete", comment) not in page
    for name in ("edit", "delete"):
        assert client.get(comment_url(name, comment)).status_code == 403
        response = client.post(comment_url(name, comment), {"comment": "Overgenomen"})
        assert response.status_code == 403
    comment.refresh_from_db()
    assert not comment.is_removed and comment.comment != "Overgenomen"


def test_author_deletes_and_the_thread_stays_readable(client, author, other_member, public):
    top = post(user=author, page=public, text="Dit haal ik straks weg")
    answer = reply(user=other_member, parent=top, text="Een antwoord dat blijft staan")
    client.force_login(author)
    confirm = client.get(comment_url("delete", top))
    assert confirm.status_code == 200
    assert '<button type="submit" class="button--danger">' in confirm.content.decode()
    response = client.post(comment_url("delete", top))
    assert response.status_code == 302
    html = discussion_html(client.get(public.url))
    assert "[verwijderd door de auteur]" in html
    assert "Dit haal ik straks weg" not in html
    assert "Een antwoord dat blijft staan" in html
    assert f'id="c{answer.pk}"' in html
    assert "(1 reactie)" in html


# --- Flags, likes, follows -----------------------------------------------------------------


def test_member_flags_with_a_reason(client, author, other_member, public):
    comment = post(user=author, page=public)
    client.force_login(other_member)
    form = client.get(comment_url("flag", comment)).content.decode()
    assert "Waarom meld je deze reactie?" in form
    response = client.post(comment_url("flag", comment), {"reason": "Noemt een student bij naam"})
    assert response.status_code == 302
    flag = CommentFlag.objects.get(flag=CommentFlag.SUGGEST_REMOVAL)
    assert flag.discussion_reason.reason == "Noemt een student bij naam"
    page = discussion_html(client.get(public.url))
    assert "Gemeld bij de redactie" in page
    assert comment_url("flag", comment) not in page


def test_flag_reason_too_long_keeps_the_text(client, author, other_member, public):
    comment = post(user=author, page=public)
    client.force_login(other_member)
    response = client.post(comment_url("flag", comment), {"reason": "r" * 501})
    assert response.status_code == 400
    assert "korter dan 500" in response.content.decode()
    assert "r" * 501 in response.content.decode()
    assert not CommentFlag.objects.exists()


def test_like_is_a_button_that_toggles(client, author, other_member, public):
    comment = post(user=author, page=public)
    client.force_login(other_member)
    page = discussion_html(client.get(public.url))
    assert re.search(
        rf'<form method="post" action="{comment_url("like", comment)}">.*?<button type="submit"',
        page,
    )
    assert client.get(comment_url("like", comment)).status_code == 405
    client.post(comment_url("like", comment))
    page = discussion_html(client.get(public.url))
    assert "1 waardering" in page and 'aria-pressed="true"' in page
    client.post(comment_url("like", comment))
    meta = discussion_html(client.get(public.url)).split('class="comment__meta"')[1]
    assert "waardering" not in meta.split("</p>")[0]
    assert 'aria-pressed="false"' in discussion_html(client.get(public.url))


def test_follow_button(client, other_member, public):
    client.force_login(other_member)
    assert "Volg deze discussie" in discussion_html(client.get(public.url))
    response = client.post(reverse("discussions:follow", args=[public.pk]))
    assert response.status_code == 302
    assert Follow.objects.filter(user=other_member, page=public, thread=None).exists()
    page = discussion_html(client.get(public.url))
    assert "Niet meer volgen" in page
    client.post(reverse("discussions:unfollow", args=[public.pk]))
    assert not Follow.objects.filter(user=other_member).exists()


def test_thread_follow_buttons(client, author, other_member, public):
    top = post(user=author, page=public)
    client.force_login(other_member)
    client.post(comment_url("thread_follow", top))
    assert Follow.objects.filter(user=other_member, thread_id=top.pk).exists()
    assert "Draad niet meer volgen" in discussion_html(client.get(public.url))
    client.post(comment_url("thread_unfollow", top))
    assert not Follow.objects.filter(user=other_member).exists()


# --- Who sees what -----------------------------------------------------------------------


def test_anonymous_reads_public_discussion_and_is_asked_to_log_in(client, author, public):
    post(user=author, page=public, text="Zichtbaar voor iedereen")
    html = discussion_html(client.get(public.url))
    assert "Zichtbaar voor iedereen" in html
    assert "/accounts/login/?next=" in html and "Log in</a> om mee te praten" in html
    assert "<form" not in html and "<textarea" not in html


def test_non_member_reads_with_an_explanation(client, author, pending, public):
    post(user=author, page=public, text="Zichtbaar voor iedereen")
    client.force_login(pending)
    html = discussion_html(client.get(public.url))
    assert "Zichtbaar voor iedereen" in html
    assert "lidmaatschap is (nog) niet bevestigd" in html
    assert "<form" not in html and "<textarea" not in html


def test_author_name_is_shown_to_outsiders_only_with_a_public_profile(
    client, author, pending, public
):
    post(user=author, page=public)
    assert "Anouk Jansen" not in discussion_html(client.get(public.url))
    assert f'href="/leden/{author.pk}/"' not in discussion_html(client.get(public.url))
    client.force_login(pending)
    assert "Anouk Jansen" not in discussion_html(client.get(public.url))
    Profile.objects.filter(user=author).update(visibility=Profile.Visibility.PUBLIC)
    assert "Anouk Jansen" in discussion_html(client.get(public.url))


def test_no_gravatar_initials_or_own_photo(client, author, other_member, public):
    post(user=author, page=public)
    post(user=other_member, page=public)
    Profile.objects.filter(user=other_member).update(photo="profiles/bram.jpg")
    client.force_login(author)
    html = client.get(public.url).content.decode()
    assert "gravatar" not in html.lower()
    section = discussion_html(client.get(public.url))
    assert '<span class="avatar avatar--initials" aria-hidden="true">AJ</span>' in section
    assert f'src="/leden/{other_member.pk}/foto/"' in section
    assert f'<a href="/leden/{other_member.pk}/">Bram Visser</a>' in section
    assert all(
        src.startswith("/") for src in re.findall(r'<img[^>]+src="([^"]+)"', html)
    )


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_never_reaches_the_page(client, author, other_member, public, payload):
    comment = post(user=author, page=public, text=payload + " en wat tekst")
    client.force_login(other_member)
    section = discussion_html(client.get(public.url))
    body = section.split(f'id="c{comment.pk}"')[1].split('<div class="comment__text">')[1]
    body = body.split("</div>")[0]
    assert_safe_html(body)


def test_comment_count_counts_public_non_removed(client, author, other_member, editor, public):
    from community.discussions import services
    from community.discussions.selectors import comment_count

    a = post(user=author, page=public)
    b = post(user=other_member, page=public)
    post(user=author, page=public)
    services.comment_delete(user=author, comment=a)
    services.comment_hide(editor=editor, comment=b)
    assert comment_count(page=public) == 1
    page = client.get(public.url).content.decode()
    assert '<a class="discussion-link" href="#discussie">1 reactie</a>' in page
    assert "(1 reactie)" in page


def test_unpublished_instrument_preview_has_no_discussion(client, editor, kb):
    from tests.factories import InstrumentPageFactory

    draft = InstrumentPageFactory(parent=kb["theme"], title="Concept", live=False)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{draft.pk}/view_draft/")
    assert response.status_code == 200
    assert 'id="discussie"' not in response.content.decode()
