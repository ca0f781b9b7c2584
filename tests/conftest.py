from django.core.cache import cache

import pytest

from cms.models import HomePage, InstrumentIndexPage, NewsIndexPage, ThemeIndexPage
from community.events.models import EventIndexPage
from tests.factories import (
    EditorFactory,
    InstrumentTypeFactory,
    MemberFactory,
    ProcessStepFactory,
    UserFactory,
)

STEP_NAMES = ["Risicomanagement", "Beleid", "Organisatie", "Bewustzijn", "Continuïteit"]


@pytest.fixture(autouse=True)
def _isolated_cache_and_media(settings, tmp_path):
    """Each test starts with an empty cache (rate limits) and its own file folders.

    The storages read both roots lazily and drop them when the setting changes
    (Django's setting_changed signal), so default_storage and the rendition
    storage follow these per-test folders.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def steps(db):
    return [
        ProcessStepFactory(name=name, slug=name.lower().replace("ï", "i"), sort_order=index)
        for index, name in enumerate(STEP_NAMES)
    ]


@pytest.fixture
def instrument_types(db):
    names = ["Normenkader", "Stappenplan", "Handleiding", "Voorbeeld"]
    return [
        InstrumentTypeFactory(name=name, slug=name.lower(), sort_order=index)
        for index, name in enumerate(names)
    ]


@pytest.fixture
def site_tree(home):
    """The fixed index pages under the home page, as the seed command makes them."""

    def add(page):
        home.add_child(instance=page)
        page.save_revision().publish()
        return page

    return {
        "themes": add(ThemeIndexPage(title="Thema's", slug="themas", show_in_menus=True)),
        "instruments": add(
            InstrumentIndexPage(title="Instrumenten", slug="instrumenten", show_in_menus=True)
        ),
        "news": add(NewsIndexPage(title="Nieuws", slug="nieuws", show_in_menus=True)),
        "events": add(EventIndexPage(title="Agenda", slug="agenda", show_in_menus=True)),
    }


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def own_redis():
    """A Redis of the test's own, as the cache (with the database fallback); `.stop()` it."""
    from tests.helpers.redis_server import own_redis as running

    with running() as server:
        yield server
