"""Following, mail per comment, the daily digest (exactly once) and one-click unsubscribe."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

import pytest

from community.discussions import services, tasks
from community.discussions.models import DigestWatermark, Follow
from community.members.models import Profile
from community.outbox.models import OutgoingMail

from .conftest import fresh, later, new_member, post, reply, set_frequency
from .test_markup import XSS_PAYLOADS, assert_safe_html

pytestmark = pytest.mark.django_db

INSTANT, DAILY, NONE = Profile.Frequency.INSTANT, Profile.Frequency.DAILY, Profile.Frequency.NONE


@pytest.fixture
def follower(other_member, public):
    services.instrument_follow(user=other_member, page=public)
    return set_frequency(other_member, INSTANT)


def posted(capture, **kwargs):
    """Post as a request would: the notification task runs when the transaction commits."""
    with capture(execute=True):
        return post(**kwargs)


def replied(capture, **kwargs):
    with capture(execute=True):
        return reply(**kwargs)


def unsubscribe_url(message):
    match = re.search(r"http://testserver(/discussies/afmelden/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


# --- Mail per comment --------------------------------------------------------------------


def test_follower_gets_a_mail_per_comment_through_the_outbox(
    outbox, django_capture_on_commit_callbacks, author, follower, public
):
    comment = posted(django_capture_on_commit_callbacks, user=author, page=public,
                     text="Zie ook [de handreiking](https://example.nl/h).")
    assert OutgoingMail.objects.filter(recipients=[follower.email]).count() == 1
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == [follower.email]
    assert message.subject == f"[IV-HO] Nieuwe reactie bij {public.title}"
    assert "Anouk Jansen reageerde" in message.body
    assert "de handreiking <https://example.nl/h>" in message.body
    assert f"http://testserver{public.url}#c{comment.pk}" in message.body
    url = unsubscribe_url(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert '<a href="https://example.nl/h" rel="nofollow noopener">de handreiking</a>' in html
    assert f'href="http://testserver{url}"' in html
    # How often mail comes is chosen on the profile page.
    assert "http://testserver/leden/profiel/" in message.body
    assert 'href="http://testserver/leden/profiel/"' in html


def test_author_is_never_told_about_their_own_comment(
    outbox, django_capture_on_commit_callbacks, author, public
):
    services.instrument_follow(user=author, page=public)
    set_frequency(author, INSTANT)
    posted(django_capture_on_commit_callbacks, user=author, page=public)
    assert outbox == []


def test_thread_followers_hear_about_replies(
    outbox, django_capture_on_commit_callbacks, author, other_member, public
):
    author = set_frequency(author, INSTANT)
    top = post(user=author, page=public)  # the author follows the thread from now on
    replied(django_capture_on_commit_callbacks, user=other_member, parent=top)
    assert [message.to for message in outbox] == [[author.email]]
    assert "antwoordde in een discussie die je volgt" in outbox[0].body
    # A new thread on the same instrument is not their thread.
    outbox.clear()
    posted(django_capture_on_commit_callbacks, user=other_member, page=public)
    assert outbox == []


@pytest.mark.parametrize("frequency", [DAILY, NONE])
def test_no_instant_mail_unless_asked(
    outbox, django_capture_on_commit_callbacks, author, follower, public, frequency
):
    set_frequency(follower, frequency)
    posted(django_capture_on_commit_callbacks, user=author, page=public)
    assert outbox == []


def test_no_mail_to_someone_who_is_no_longer_a_member(
    outbox, django_capture_on_commit_callbacks, author, follower, public, secret
):
    services.instrument_follow(user=follower, page=secret)
    follower.groups.remove(Group.objects.get(name="Leden"))
    posted(django_capture_on_commit_callbacks, user=author, page=secret)
    posted(django_capture_on_commit_callbacks, user=author, page=public)
    assert outbox == []


def test_members_only_instrument_mail_goes_to_members_only(
    outbox, django_capture_on_commit_callbacks, author, follower, secret
):
    services.instrument_follow(user=follower, page=secret)
    posted(django_capture_on_commit_callbacks, user=author, page=secret)
    assert [message.to for message in outbox] == [[follower.email]]


def test_notification_runs_once_per_comment(
    outbox, django_capture_on_commit_callbacks, author, follower, public
):
    comment = posted(django_capture_on_commit_callbacks, user=author, page=public)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.discussions_notify(comment.pk) == 0  # a duplicated task
    assert len(outbox) == 1


def test_comment_hidden_before_the_task_runs_is_not_mailed(
    outbox, django_capture_on_commit_callbacks, author, follower, editor, public
):
    comment = post(user=author, page=public)  # on_commit not run: the task is still queued
    services.comment_hide(editor=editor, comment=comment)
    outbox.clear()  # the author's moderation notice
    with django_capture_on_commit_callbacks(execute=True):
        tasks.discussions_notify(comment.pk)
    assert outbox == []


def test_sweep_notifies_when_the_task_was_lost(
    outbox, django_capture_on_commit_callbacks, author, follower, public
):
    post(user=author, page=public)  # the on-commit dispatch never happens (broker down)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.discussions_notify_sweep() == 0  # too recent: the task may still come
    with later(minutes=3), django_capture_on_commit_callbacks(execute=True):
        assert tasks.discussions_notify_sweep() == 1
        assert tasks.discussions_notify_sweep() == 0
    assert len(outbox) == 1


def test_broker_down_at_commit_does_not_fail_the_comment(
    monkeypatch, django_capture_on_commit_callbacks, author, public
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks.discussions_notify, "delay", broker_down)
    comment = posted(django_capture_on_commit_callbacks, user=author, page=public)
    assert comment.pk  # saved; the sweep mails the followers later


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_never_reaches_mail(
    outbox, django_capture_on_commit_callbacks, author, follower, public, payload
):
    posted(django_capture_on_commit_callbacks, user=author, page=public,
           text=payload + " en wat tekst")
    message = outbox[0]
    html = message.alternatives[0][0]
    quoted = html.split("<blockquote>")[1].split("</blockquote>")[0]
    assert_safe_html(quoted)
    for needle in ("<script", "javascript:", "data:", "onerror", "vbscript:"):
        assert needle not in message.body.lower()


# --- Daily digest -----------------------------------------------------------------------------


@pytest.fixture
def digest_reader(other_member, public):
    services.instrument_follow(user=other_member, page=public)
    return set_frequency(other_member, DAILY)


def digest_mails(outbox):
    return [message for message in outbox if "discussies die je volgt" in message.subject]


def run_digest(capture, *, at):
    with capture(execute=True):
        return services.digest_send(now=at)


def test_digest_once_with_everything_since_the_last(
    outbox, django_capture_on_commit_callbacks, author, digest_reader, public
):
    capture = django_capture_on_commit_callbacks
    set_frequency(author, NONE)  # the author follows their thread; keep their digest out
    first = post(user=author, page=public, text="Eerste reactie van vandaag")
    second = reply(user=fresh(new_member()), parent=first, text="Een antwoord erop")
    morning = timezone.now() + timedelta(minutes=10)
    assert run_digest(capture, at=morning) == 1
    assert run_digest(capture, at=morning) == 0  # the task runs twice
    assert run_digest(capture, at=morning + timedelta(minutes=5)) == 0
    mails = digest_mails(outbox)
    assert len(mails) == 1
    message = mails[0]
    assert message.to == [digest_reader.email]
    assert message.subject == "[IV-HO] 2 nieuwe reacties in discussies die je volgt"
    assert "Eerste reactie van vandaag" in message.body and "Een antwoord erop" in message.body
    assert f"#c{first.pk}" in message.body and f"#c{second.pk}" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/discussies/afmelden/" in message.extra_headers["List-Unsubscribe"]
    assert "kies je in je profiel: http://testserver/leden/profiel/" in message.body

    # The next day: only what is new since then.
    with later(days=1):
        third = post(user=author, page=public, text="Nieuw op dag twee")
    assert run_digest(capture, at=morning + timedelta(days=1, minutes=10)) == 1
    mails = digest_mails(outbox)
    assert len(mails) == 2
    assert "Nieuw op dag twee" in mails[1].body and f"#c{third.pk}" in mails[1].body
    assert "Eerste reactie van vandaag" not in mails[1].body


def test_digest_runs_as_a_task(
    outbox, django_capture_on_commit_callbacks, author, digest_reader, public
):
    post(user=author, page=public)
    with later(minutes=10), django_capture_on_commit_callbacks(execute=True):
        assert tasks.discussions_digest() == 1
        assert tasks.discussions_digest() == 0
    assert len(digest_mails(outbox)) == 1


def test_digest_leaves_out_own_comments_and_what_the_reader_may_not_see(
    outbox, django_capture_on_commit_callbacks, author, digest_reader, public, secret
):
    post(user=digest_reader, page=public, text="Mijn eigen reactie")
    services.instrument_follow(user=digest_reader, page=secret)
    post(user=author, page=secret, text="Alleen voor leden")
    at = timezone.now() + timedelta(minutes=10)
    assert run_digest(django_capture_on_commit_callbacks, at=at) == 1
    assert "Alleen voor leden" in digest_mails(outbox)[0].body
    assert "Mijn eigen reactie" not in digest_mails(outbox)[0].body

    outbox.clear()
    with later(days=1):
        post(user=author, page=secret, text="Weer iets vertrouwelijks")
    digest_reader.groups.remove(Group.objects.get(name="Leden"))
    assert run_digest(django_capture_on_commit_callbacks, at=at + timedelta(days=1)) == 0
    assert outbox == []


def test_digest_skips_comments_from_before_the_follow(
    outbox, django_capture_on_commit_callbacks, author, other_member, public
):
    post(user=author, page=public, text="Van voor het volgen")
    with later(minutes=1):
        services.instrument_follow(user=other_member, page=public)
        set_frequency(other_member, DAILY)
    at = timezone.now() + timedelta(hours=1)
    assert run_digest(django_capture_on_commit_callbacks, at=at) == 0


def test_instant_readers_get_no_digest_and_switching_brings_no_backlog(
    outbox, django_capture_on_commit_callbacks, author, follower, public
):
    capture = django_capture_on_commit_callbacks
    posted(capture, user=author, page=public, text="Direct gemaild")
    assert len(outbox) == 1
    assert run_digest(capture, at=timezone.now() + timedelta(minutes=10)) == 0
    set_frequency(follower, DAILY)
    assert run_digest(capture, at=timezone.now() + timedelta(days=1)) == 0
    assert len(outbox) == 1
    assert DigestWatermark.objects.get(user=follower).until > timezone.now()


# --- Unsubscribe ----------------------------------------------------------------------------


@pytest.fixture
def mailed(outbox, django_capture_on_commit_callbacks, author, follower, public):
    posted(django_capture_on_commit_callbacks, user=author, page=public)
    services.instrument_follow(user=follower, page=follower_page_two(public))
    return outbox[0]


def follower_page_two(public):
    from tests.factories import InstrumentPageFactory

    return InstrumentPageFactory(parent=public.get_parent(), title="Tweede instrument")


def test_unsubscribe_get_asks_and_post_confirms(client, mailed, follower, public):
    url = unsubscribe_url(mailed)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<form method="post" action="{url}">' in html
    assert '<button type="submit">Meld me af</button>' in html
    assert public.title in html
    assert Follow.objects.filter(user=follower, page=public).exists()  # GET changes nothing

    response = client.post(url)
    assert response.status_code == 200
    assert "Je bent afgemeld" in response.content.decode()
    assert not Follow.objects.filter(user=follower, page=public).exists()
    # Only that instrument: the other follow stays.
    assert Follow.objects.filter(user=follower).count() == 1


def test_one_click_unsubscribe_without_csrf(mailed, follower, public):
    """RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", without cookies or token."""
    mail_client = Client(enforce_csrf_checks=True)
    url = mailed.extra_headers["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
    response = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Follow.objects.filter(user=follower, page=public).exists()


def test_other_discussion_urls_still_need_csrf(author, public):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(author)
    response = strict.post(f"/discussies/instrument/{public.pk}/volgen/")
    assert response.status_code == 403
    assert not Follow.objects.filter(user=author, thread=None).exists()


@pytest.mark.parametrize("tamper", ["flip", "other_user", "truncate", "garbage"])
def test_unsubscribe_link_is_tamper_proof(client, mailed, follower, author, public, tamper):
    url = unsubscribe_url(mailed)
    token = url.rstrip("/").rsplit("/", 1)[1]
    services.instrument_follow(user=author, page=public)
    if tamper == "flip":
        forged = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    elif tamper == "other_user":
        # Swap in another user's id but keep the signature: it no longer matches.
        from django.core import signing

        payload = signing.loads(token, salt=services.UNSUBSCRIBE_SALT)
        payload["u"] = author.pk
        forged = signing.dumps(payload, salt="een-andere-salt")
    elif tamper == "truncate":
        forged = token[: len(token) // 2]
    else:
        forged = "niet-eens-een-token"
    before = Follow.objects.count()
    for method in (client.get, client.post):
        response = method(f"/discussies/afmelden/{forged}/")
        assert response.status_code == 400
        assert "afmeldlink klopt niet" in response.content.decode()
    assert Follow.objects.count() == before


def test_digest_unsubscribe_stops_all_discussion_mail(
    client, outbox, django_capture_on_commit_callbacks, author, digest_reader, public
):
    post(user=author, page=public)
    run_digest(django_capture_on_commit_callbacks, at=timezone.now() + timedelta(minutes=10))
    url = unsubscribe_url(digest_mails(outbox)[0])
    assert "geen enkele discussie meer" in client.get(url).content.decode()
    client.post(url)
    assert not Follow.objects.filter(user=digest_reader).exists()
