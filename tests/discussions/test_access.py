"""Every discussion URL refuses outsiders, and leaks nothing about members-only instruments.

For anonymous visitors, logged-in accounts without membership (pending) and
people at another institution whose membership was rejected, each endpoint:
- on a public instrument: anonymous → login page, non-member → 403 with an explanation;
- on a members-only instrument: exactly what a non-existent id gets (404);
and nothing is stored. django-comments-xtd's own URLs (API included) do not exist.
"""

import re
from urllib.parse import unquote

from django.urls import URLPattern, reverse

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from community.discussions import services, urls
from community.discussions.models import Follow
from tests.factories import InstrumentPageFactory

from .conftest import post

pytestmark = pytest.mark.django_db

MISSING = 987654
# Every URL in community.discussions.urls, by kind of object and the methods it answers.
# A new URL must be added here, or test_every_url_is_covered fails.
PAGE_ENDPOINTS = {"comment": "GP", "follow": "P", "unfollow": "P"}
COMMENT_ENDPOINTS = {
    "reply": "GP",
    "edit": "GP",
    "delete": "GP",
    "flag": "GP",
    "like": "P",
    "thread_follow": "P",
    "thread_unfollow": "P",
}
TOKEN_ENDPOINTS = {"unsubscribe"}  # test_notifications: signed token, no login
POST_DATA = {"comment": "Een poging van buitenaf", "reason": "spam"}

XTD_PATHS = [
    "/comments/post/",
    "/comments/posted/",
    "/comments/sent/",
    "/comments/reply/1/",
    "/comments/flag/1/",
    "/comments/flagged/",
    "/comments/like/1/",
    "/comments/liked/",
    "/comments/dislike/1/",
    "/comments/delete/1/",
    "/comments/approve/1/",
    "/comments/cr/1/1/",
    "/comments/mute/abc/",
    "/comments/confirm/abc/",
    "/comments/api/comment/",
    "/comments/api/cms-instrumentpage/1/",
    "/comments/api/cms-instrumentpage/1/count/",
    "/comments/api/feedback/",
    "/comments/api/flag/",
]


def test_every_url_is_covered():
    names = {pattern.name for pattern in urls.urlpatterns if isinstance(pattern, URLPattern)}
    assert names == set(PAGE_ENDPOINTS) | set(COMMENT_ENDPOINTS) | TOKEN_ENDPOINTS


@pytest.fixture
def targets(author, public, secret):
    """A comment on the public and on the members-only instrument, by a member."""
    return {
        "public_comment": post(user=author, page=public),
        "secret_comment": post(user=author, page=secret),
    }


def endpoint_calls():
    for name, methods in {**PAGE_ENDPOINTS, **COMMENT_ENDPOINTS}.items():
        for method in methods:
            yield name, "GET" if method == "G" else "POST"


def url_for(name, target_id):
    kwarg = "page_id" if name in PAGE_ENDPOINTS else "comment_id"
    return reverse(f"discussions:{name}", kwargs={kwarg: target_id})


def ids(name, public, secret, targets):
    if name in PAGE_ENDPOINTS:
        return public.pk, secret.pk
    return targets["public_comment"].pk, targets["secret_comment"].pk


def snapshot():
    return (
        list(XtdComment.objects.values_list("pk", "comment", "is_public", "is_removed")),
        CommentFlag.objects.count(),
        Follow.objects.count(),
    )


def normalised(response):
    """The body without the per-request CSRF token and ids, to compare two answers."""
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return re.sub(r"\d{2,}", "N", body)


def call(client, method, url):
    if method == "GET":
        return client.get(url)
    return client.post(url, POST_DATA)


@pytest.mark.parametrize("who", ["anonymous", "pending", "outsider"])
def test_outsiders_are_refused_everywhere(client, request, who, public, secret, targets):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    before = snapshot()
    for name, method in endpoint_calls():
        public_id, secret_id = ids(name, public, secret, targets)
        on_public = call(client, method, url_for(name, public_id))
        on_secret = call(client, method, url_for(name, secret_id))
        on_missing = call(client, method, url_for(name, MISSING))
        where = (who, name, method)
        # Members-only is indistinguishable from "no such object".
        assert on_secret.status_code == on_missing.status_code == 404, where
        assert normalised(on_secret) == normalised(on_missing), where
        assert "Vertrouwelijk" not in on_secret.content.decode(), where
        if who == "anonymous":
            assert on_public.status_code == 302, where
            assert on_public["Location"].startswith("/accounts/login/?next="), where
            # After logging in they come back to a page that answers a GET.
            back = unquote(on_public["Location"].split("next=", 1)[1])
            post_only = {**PAGE_ENDPOINTS, **COMMENT_ENDPOINTS}[name] == "P"
            assert back == (public.url if post_only else url_for(name, public_id)), where
        else:
            assert on_public.status_code == 403, where
            assert "Alleen voor leden" in on_public.content.decode(), where
    assert snapshot() == before


def test_member_reaches_members_only_discussion_of_any_institution(
    client, other_member, secret, targets
):
    """Members-only content is for every member, whatever their institution."""
    client.force_login(other_member)
    response = client.post(url_for("comment", secret.pk), {"comment": "Herkenbaar, dank!"})
    assert response.status_code == 302
    response = client.post(
        url_for("reply", targets["secret_comment"].pk), {"comment": "Wij ook."}
    )
    assert response.status_code == 302
    assert XtdComment.objects.filter(object_pk=str(secret.pk)).count() == 3


def test_hidden_comment_is_no_such_comment(client, other_member, editor, author, public):
    comment = post(user=author, page=public)
    services.comment_hide(editor=editor, comment=comment)
    client.force_login(other_member)
    for name, method in endpoint_calls():
        if name in COMMENT_ENDPOINTS:
            response = call(client, method, url_for(name, comment.pk))
            assert response.status_code == 404, (name, method)


def test_comment_on_another_kind_of_object_is_no_such_comment(client, other_member, kb):
    """A comment attached to anything but an instrument is not reachable through our views."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    news = kb["news_item"]
    comment = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(news.specific), object_pk=str(news.pk),
        site_id=1, comment="Elders", submit_date=timezone.now(),
    )
    client.force_login(other_member)
    for name, method in endpoint_calls():
        if name in COMMENT_ENDPOINTS:
            assert call(client, method, url_for(name, comment.pk)).status_code == 404


@pytest.mark.parametrize("page_kind", ["missing", "unpublished", "news", "not a number"])
def test_posting_to_no_instrument_is_404_never_500(client, author, kb, page_kind):
    client.force_login(author)
    page_id = {
        "missing": MISSING,
        "unpublished": lambda: InstrumentPageFactory(parent=kb["theme"], live=False).pk,
        "news": lambda: kb["news_item"].pk,
        "not a number": None,
    }[page_kind]
    if page_kind == "not a number":
        response = client.post("/discussies/instrument/abc/reageren/", {"comment": "Hallo daar"})
    else:
        page_id = page_id() if callable(page_id) else page_id
        response = client.post(url_for("comment", page_id), {"comment": "Hallo daar"})
    assert response.status_code == 404
    assert not XtdComment.objects.exists()


def test_ids_beyond_any_integer_column_are_404(client, author):
    client.force_login(author)
    huge = 10**30
    for name, method in endpoint_calls():
        assert call(client, method, url_for(name, huge)).status_code == 404, (name, method)


def test_replying_to_a_missing_comment_is_404(client, author):
    client.force_login(author)
    response = client.post(url_for("reply", MISSING), {"comment": "Hallo daar"})
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "member"])
@pytest.mark.parametrize("path", XTD_PATHS)
def test_django_comments_xtd_urls_do_not_exist(client, who, path, request, targets):
    if who == "member":
        client.force_login(request.getfixturevalue("other_member"))
    before = snapshot()
    for response in (client.get(path), client.post(path, {"comment": "x", "flag": "x"})):
        assert response.status_code == 404, path
    assert snapshot() == before


def test_instrument_page_of_members_only_shows_no_discussion_to_outsiders(
    client, pending, secret, targets
):
    response = client.get(secret.url)
    assert response.status_code == 302  # the page itself asks to log in
    client.force_login(pending)
    response = client.get(secret.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "discussie" not in html.lower()
    assert targets["secret_comment"].comment not in html
