"""The privacy statement is built from the registry that drives the download and erasure."""

from types import SimpleNamespace

from django.core.exceptions import ImproperlyConfigured

import pytest

from community.privacy import registry
from community.privacy.models import PrivacyStatementPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(home):
    page = PrivacyStatementPage(title="Privacyverklaring", slug="privacyverklaring",
                                intro="Wat we verwerken.", show_in_menus=False)
    home.add_child(instance=page)
    return page


def test_the_statement_lists_every_provider_and_declaration(client, statement):
    html = client.get(statement.url).content.decode()

    for declaration in registry.declarations():
        assert f"<h3>{declaration.title}</h3>" in html
        assert declaration.retention.split(";")[0][:40] in html
    titles = [declaration.title for declaration in registry.declarations()]
    assert len(titles) == len(registry.providers()) + 1  # + the login counters
    assert 'href="/leden/mijn-gegevens/"' in html


def test_retention_follows_the_settings(client, statement, settings):
    settings.OUTBOX_KEEP_DAYS = 12
    settings.EVENTS_ANONYMISE_AFTER_DAYS = 45

    html = client.get(statement.url).content.decode()

    assert "12 dagen na verzending" in html
    assert "Tot 45 dagen na de bijeenkomst" in html


def test_the_statement_is_in_the_footer(client, statement, site_tree):
    html = client.get("/").content.decode()

    assert f'href="{statement.url}"' in html


def test_a_provider_without_a_declaration_is_refused():
    module = SimpleNamespace(__name__="nieuwe_app.privacy_data",
                             export=lambda user: {}, erase=lambda user: None)

    with pytest.raises(ImproperlyConfigured, match="declaration"):
        registry.register("nieuwe_app", module)

    assert "nieuwe_app" not in {provider.name for provider in registry.providers()}
