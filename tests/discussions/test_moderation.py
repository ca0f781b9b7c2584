"""Flag → the editors' list in the Wagtail admin → hide, restore or delete → the author is told."""

import pytest
from django_comments_xtd.models import XtdComment

from community.discussions import services
from community.discussions.models import CommentState

from .conftest import fresh, post, reply

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/gemarkeerde-reacties/"


def action_url(comment, action):
    return f"{LIST_URL}{comment.pk}/{action}/"


@pytest.fixture
def flagged(author, other_member, public):
    comment = post(user=author, page=public, text="Een reactie met de naam van een student")
    services.comment_flag(user=other_member, comment=comment, reason="Noemt een student bij naam")
    return comment


def discussion(client, page):
    html = client.get(page.url).content.decode()
    return html[html.index('<section id="discussie"'):]


def test_editors_see_the_menu_item_and_the_flagged_comment(client, editor, flagged, public):
    client.force_login(editor)
    assert "Gemarkeerde reacties" in client.get("/admin/").content.decode()
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Een reactie met de naam van een student" in html
    assert "Noemt een student bij naam" in html
    assert "1 keer gemeld" in html
    assert public.title in html


@pytest.mark.parametrize("who", ["member", "pending"])
def test_only_editors_reach_the_list_and_the_actions(client, request, who, flagged):
    user = request.getfixturevalue({"member": "other_member", "pending": "pending"}[who])
    client.force_login(user)
    assert client.get(LIST_URL).status_code in (302, 403)
    response = client.post(action_url(flagged, "verbergen"))
    assert response.status_code in (302, 403)
    flagged.refresh_from_db()
    assert flagged.is_public


def test_admin_user_without_the_permission_is_refused(client, flagged):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(fresh(user))
    # Wagtail answers a PermissionDenied in the admin with a redirect to its dashboard.
    for response in (client.get(LIST_URL), client.post(action_url(flagged, "verwijderen"))):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "Gemarkeerde reacties" not in client.get("/admin/").content.decode()
    flagged.refresh_from_db()
    assert not flagged.is_removed


def test_actions_are_post_only(client, editor, flagged):
    client.force_login(editor)
    assert client.get(action_url(flagged, "verbergen")).status_code == 405
    assert client.post(action_url(flagged, "opblazen")).status_code == 404
    assert client.post(f"{LIST_URL}987654/verbergen/").status_code == 404
    assert client.post(f"{LIST_URL}{10**30}/verbergen/").status_code == 404


def test_hide_then_restore_and_the_author_is_told(
    client, outbox, django_capture_on_commit_callbacks, editor, author, flagged, public
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(flagged, "verbergen"))
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert not flagged.is_public and not flagged.is_removed
    assert [message.to for message in outbox] == [[author.email]]
    assert outbox[0].subject == f"[IV-HO] Je reactie bij {public.title} is verborgen"
    assert "Een reactie met de naam van een student" in outbox[0].body
    # Off the open list, still on the full list.
    assert "Een reactie met de naam" not in client.get(LIST_URL).content.decode()
    assert "Verborgen" in client.get(LIST_URL + "?alle=1").content.decode()
    client.logout()
    assert "Een reactie met de naam" not in discussion(client, public)

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(flagged, "herstellen"))
    flagged.refresh_from_db()
    assert flagged.is_public
    assert outbox[1].subject == f"[IV-HO] Je reactie bij {public.title} is weer zichtbaar"
    client.logout()
    assert "Een reactie met de naam" in discussion(client, public)


def test_editor_deletes_and_the_thread_reads_removed_by_the_editors(
    client, outbox, django_capture_on_commit_callbacks, editor, author, other_member,
    flagged, public,
):
    answer = reply(user=other_member, parent=flagged, text="Antwoord dat blijft")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(flagged, "verwijderen"))
    flagged.refresh_from_db()
    answer.refresh_from_db()
    assert flagged.is_removed and answer.is_public and not answer.is_removed
    assert CommentState.objects.get(comment=flagged).removed_by == "editors"
    assert outbox[-1].to == [author.email]
    assert outbox[-1].subject == f"[IV-HO] Je reactie bij {public.title} is verwijderd"
    html = discussion(client, public)
    assert "[verwijderd door de redactie]" in html
    assert "Een reactie met de naam" not in html
    assert "Antwoord dat blijft" in html


def test_hidden_comment_with_replies_keeps_its_place(client, editor, other_member, flagged, public):
    reply(user=other_member, parent=flagged, text="Antwoord dat blijft")
    services.comment_hide(editor=editor, comment=flagged)
    html = discussion(client, public)
    assert "[verborgen door de redactie]" in html
    assert "Antwoord dat blijft" in html
    assert "Een reactie met de naam" not in html


def test_dismiss_closes_the_flags_until_a_new_one(client, editor, flagged, pending, public):
    from tests.discussions.conftest import later, new_member

    client.force_login(editor)
    client.post(action_url(flagged, "afhandelen"))
    flagged.refresh_from_db()
    assert flagged.is_public
    assert "Geen openstaande meldingen" not in client.get(LIST_URL).content.decode()
    assert "Een reactie met de naam" not in client.get(LIST_URL).content.decode()
    with later(minutes=1):
        services.comment_flag(user=new_member(), comment=flagged, reason="Nog steeds niet goed")
    html = client.get(LIST_URL).content.decode()
    assert "Een reactie met de naam" in html and "2 keer gemeld" in html


def test_author_removed_comment_cannot_be_restored(client, editor, author, flagged):
    services.comment_delete(user=author, comment=flagged)
    client.force_login(editor)
    response = client.post(action_url(flagged, "herstellen"), follow=True)
    assert "zelf verwijderd" in response.content.decode()
    flagged.refresh_from_db()
    assert flagged.is_removed


def test_moderation_services_need_the_permission(other_member, flagged):
    from django.core.exceptions import PermissionDenied

    for service in (services.comment_hide, services.comment_restore, services.comment_remove,
                    services.flags_dismiss):
        with pytest.raises(PermissionDenied):
            service(editor=other_member, comment=flagged)
    assert XtdComment.objects.get(pk=flagged.pk).is_public


def test_the_notice_is_written_in_dutch_whatever_the_editors_admin_language(
    editor, flagged, monkeypatch
):
    """An editor may use the admin in English; the author's mail is built in Dutch."""
    from django.utils import translation

    from community.discussions import mails

    languages = []
    real = mails.render_to_string

    def recording(*args, **kwargs):
        languages.append(translation.get_language())
        return real(*args, **kwargs)

    monkeypatch.setattr(mails, "render_to_string", recording)
    with translation.override("en"):
        services.comment_hide(editor=editor, comment=flagged)
    assert languages and set(languages) == {"nl"}
