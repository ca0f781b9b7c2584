"""Posting is rate limited per member; the text survives (Redis outage: test_redis_outage.py)."""

from django.urls import reverse

import pytest
from django_comments_xtd.models import XtdComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_limit(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "discussion_post": "2/10m/user"}


def test_third_post_in_a_row_is_refused_with_the_text_kept(client, author, public, tight_limit):
    client.force_login(author)
    action = reverse("discussions:comment", args=[public.pk])
    for number in (1, 2):
        assert client.post(action, {"comment": f"Bijdrage nummer {number}"}).status_code == 302

    response = client.post(action, {"comment": "Een derde bijdrage die niet verloren mag gaan"})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Wacht een paar minuten" in html
    assert "Een derde bijdrage die niet verloren mag gaan" in html
    assert XtdComment.objects.count() == 2


def test_replies_count_towards_the_same_limit(client, author, other_member, public, tight_limit):
    client.force_login(author)
    client.post(reverse("discussions:comment", args=[public.pk]), {"comment": "Eerste draad"})
    parent = XtdComment.objects.get()
    reply_url = reverse("discussions:reply", args=[parent.pk])
    assert client.post(reply_url, {"comment": "Aanvulling"}).status_code == 302

    response = client.post(reply_url, {"comment": "Nog een aanvulling"})

    assert response.status_code == 429
    assert XtdComment.objects.count() == 2


def test_limit_is_per_member(client, author, other_member, public, tight_limit):
    action = reverse("discussions:comment", args=[public.pk])
    client.force_login(author)
    for number in (1, 2):
        client.post(action, {"comment": f"Van Anouk {number}"})
    client.force_login(other_member)

    assert client.post(action, {"comment": "Van Bram"}).status_code == 302
