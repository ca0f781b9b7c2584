"""Editors preview a page while they edit it (Wagtail's live preview panel)."""

import pytest

from tests.factories import EditorFactory, EventPageFactory, ThemePageFactory
from tests.helpers.previews import preview_event

pytestmark = pytest.mark.django_db


def test_an_event_page_previews_with_its_themes(client, site_tree):
    """In a preview the themes are an in-memory relation, not a queryset of pages."""
    theme = ThemePageFactory(parent=site_tree["themes"], title="Kennisveiligheid")
    event = EventPageFactory(parent=site_tree["events"], title="Netwerkdag")
    client.force_login(EditorFactory())
    response = preview_event(client, event, title="Netwerkdag, nieuwe opzet", themes=[theme])
    assert response.status_code == 200
    body = response.content.decode()
    assert "Netwerkdag, nieuwe opzet" in body
    assert ">Kennisveiligheid</a>" in body
