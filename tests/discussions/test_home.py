"""The home page shows recent discussions, only on instruments the viewer may see."""

import pytest

from community.discussions import services
from community.discussions.presenters import recent_discussions

from .conftest import later, post

pytestmark = pytest.mark.django_db


def recent_section(client):
    html = client.get("/").content.decode()
    if 'id="recent-discussions-title"' not in html:
        return ""
    start = html.index('<section aria-labelledby="recent-discussions-title"')
    return html[start: html.index("</section>", start)]


@pytest.fixture
def comments(author, other_member, public, secret):
    made = {"public": post(user=author, page=public, text="Openbare ervaring met het stappenplan")}
    with later(seconds=1):
        made["secret"] = post(user=other_member, page=secret, text="Vertrouwelijke ervaring")
    return made


@pytest.mark.parametrize("who", ["anonymous", "pending", "outsider"])
def test_outsiders_see_only_public_instruments(client, request, who, comments, public, secret):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    section = recent_section(client)
    assert "Openbare ervaring met het stappenplan" in section
    assert public.title in section
    assert "Vertrouwelijke ervaring" not in section
    assert secret.title not in section and secret.url not in section


def test_members_see_both_newest_first(client, author, comments, public, secret):
    client.force_login(author)
    section = recent_section(client)
    assert section.index("Vertrouwelijke ervaring") < section.index("Openbare ervaring")
    assert f'href="{secret.url}#c{comments["secret"].pk}"' in section


def test_hidden_and_removed_comments_are_left_out(client, author, editor, comments):
    services.comment_delete(user=author, comment=comments["public"])
    assert recent_section(client) == ""  # nothing left to show an outsider: no empty section
    client.force_login(author)
    section = recent_section(client)
    services.comment_hide(editor=editor, comment=comments["secret"])
    assert "Vertrouwelijke ervaring" in section
    assert "Vertrouwelijke ervaring" not in recent_section(client)


def test_at_most_five_latest(author, public):
    made = []
    for minute in range(7):
        with later(minutes=minute):
            made.append(post(user=author, page=public, text=f"Reactie nummer {minute}"))
    items = recent_discussions(user=author, limit=5)
    assert [item.comment.pk for item in items] == [c.pk for c in reversed(made)][:5]
