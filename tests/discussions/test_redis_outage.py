"""Redis stops: posting stays limited per member (counted in the database), the text stays."""

from django.urls import reverse

import pytest
from django_comments_xtd.models import XtdComment

pytestmark = pytest.mark.django_db


def test_posting_stays_limited_while_redis_is_down(client, author, public, own_redis):
    client.force_login(author)
    action = reverse("discussions:comment", args=[public.pk])
    own_redis.stop()

    answers = [
        client.post(action, {"comment": f"Bijdrage {number}"}).status_code
        for number in range(13)
    ]

    assert answers == [302] * 10 + [429] * 3  # discussion_post: 10 per 10 minutes
    assert XtdComment.objects.count() == 10
    response = client.post(action, {"comment": "Deze tekst mag niet verloren gaan"})
    assert "Deze tekst mag niet verloren gaan" in response.content.decode()
