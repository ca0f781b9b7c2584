"""An instrument page with 200 comments costs a fixed number of queries (no N+1)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.discussions import services
from community.members.models import Profile

from .conftest import new_member, post, reply

pytestmark = pytest.mark.django_db

# Measured 28-29 (SQLite) for the whole page, discussion included. Raise only with a reason.
MAX_QUERIES = 30


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def busy_discussion(page, authors, total):
    """`total` comments in threads two levels deep, with likes, flags and removals."""
    comments = []
    while len(comments) < total:
        writer = authors[len(comments) % len(authors)]
        if len(comments) % 4 == 0:
            comments.append(post(user=writer, page=page, text=f"Draad **{len(comments)}**"))
        else:
            parent = comments[-1] if comments[-1].level < 2 else comments[-3]
            comments.append(reply(user=writer, parent=parent, text=f"Antwoord {len(comments)}"))
    for index, comment in enumerate(comments[:60]):
        reader = authors[(index + 1) % len(authors)]
        if comment.user_id != reader.pk:
            services.comment_like(user=reader, comment=comment)
            if index % 5 == 0:
                services.comment_flag(user=reader, comment=comment, reason="Even nakijken")
    for comment in comments[5:200:17]:
        services.comment_delete(user=comment.user, comment=comment)
    return comments


def test_two_hundred_comments_render_in_bounded_queries(
    client, django_assert_max_num_queries, public, secret
):
    authors = [new_member(first_name=f"Lid{i}", last_name="Test") for i in range(8)]
    Profile.objects.filter(user=authors[0]).update(photo="profiles/een.jpg")
    viewer = authors[1]
    client.force_login(viewer)
    services.instrument_follow(user=viewer, page=secret)

    post(user=authors[2], page=secret)
    few, _ = queries_for(client, secret.url)

    comments = busy_discussion(public, authors, 200)
    assert len(comments) == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(public.url)
    many, response = queries_for(client, public.url)
    html = response.content.decode()
    assert html.count('class="comment__body"') + html.count("comment__body--gone") == 200
    assert "[verwijderd door de auteur]" in html
    # The same work whether there is one comment or two hundred.
    assert many <= few + 1, (few, many)
