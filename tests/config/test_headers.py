"""Framing headers agree: Content-Security-Policy frame-ancestors and X-Frame-Options.

The public site may not be framed at all (DENY, 'none'); the Wagtail admin frames
its own pages, such as the live preview (SAMEORIGIN, 'self'). Browsers that know
frame-ancestors ignore X-Frame-Options, older ones only read X-Frame-Options: both
must say the same.
"""

import re

from django.urls import reverse

import pytest

from tests.factories import EditorFactory, EventPageFactory
from tests.helpers.previews import preview_event

pytestmark = pytest.mark.django_db

# The public headers exactly as they were before the admin's were aligned.
PUBLIC_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SAME_ORIGIN = ("'self'", "SAMEORIGIN")
NOWHERE = ("'none'", "DENY")


def framing(response):
    """(frame-ancestors, X-Frame-Options) of a response."""
    match = re.search(r"frame-ancestors ([^;]+)", response["Content-Security-Policy"])
    return match.group(1).strip(), response.get("X-Frame-Options")


@pytest.fixture
def event(site_tree):
    return EventPageFactory(parent=site_tree["events"], title="Netwerkdag")


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def test_public_pages_may_not_be_framed(client, event):
    for url in ["/", event.url, "/bestaat-niet/"]:
        response = client.get(url)
        assert framing(response) == NOWHERE, url
        assert response["Content-Security-Policy"] == PUBLIC_POLICY, url


def test_a_public_page_seen_by_an_editor_may_not_be_framed_either(editor_client, event):
    assert framing(editor_client.get(event.url)) == NOWHERE


def test_admin_pages_may_be_framed_by_the_admin_only(editor_client, event):
    for url in [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        reverse("events_admin:index"),
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert framing(response) == SAME_ORIGIN, url
        assert "script-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]


def test_the_admin_login_redirect_says_the_same(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert framing(response) == SAME_ORIGIN


def test_the_live_preview_and_the_draft_view_may_be_framed_by_the_admin(editor_client, event):
    preview = preview_event(editor_client, event, title="Netwerkdag, nieuwe opzet")
    assert preview.status_code == 200
    assert "Netwerkdag, nieuwe opzet" in preview.content.decode()
    assert framing(preview) == SAME_ORIGIN
    # The page's own rules otherwise: no inline script, as on the public site.
    assert preview["Content-Security-Policy"] == PUBLIC_POLICY.replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'"
    )
    draft = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=[event.pk]))
    assert draft.status_code == 200
    assert framing(draft) == SAME_ORIGIN
