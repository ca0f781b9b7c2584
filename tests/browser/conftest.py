"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright's own browser download does not work on our machines, so the tests use
/usr/bin/chromium (`make browser-deps`; CI installs it in .ci/run). Without it the
tests are skipped, unless REQUIRE_BROWSER=1 (as in CI), which makes that a failure.

Every page fixture records each request and console message, and fails the test
if the page loaded anything from another host or broke the Content-Security-Policy.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connections

import pytest
from playwright.sync_api import sync_playwright

from tests.factories import (
    EventPageFactory,
    InstrumentPageFactory,
    NewsPageFactory,
    ThemePageFactory,
)

CHROMIUM = Path("/usr/bin/chromium")
# As root no sandbox is possible; the rest keeps Chromium off the network (Google hosts).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


@pytest.fixture(scope="package")
def browser(request):
    """One headless Chromium for all browser tests.

    Package scope, not session: Playwright stops right after the last browser test,
    so the tests that pytest-django orders after them run without its event loop.
    """
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (make browser-deps)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    # Playwright's sync API keeps an event loop running in this thread from here on, and
    # Django treats a thread with a running loop as async code: it refuses ORM calls, and
    # it keeps a second set of database connections for it. The tests' own ORM calls
    # (factories, fixtures) are synchronous, so allow them, and keep using the test
    # database's connections (they hold what serialized_rollback restores).
    request.getfixturevalue("django_db_setup")
    sync_connections = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, connection in sync_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


class PageLog:
    """What a page did besides rendering: requests made and console messages."""

    def __init__(self, server_url):
        self.server = urlsplit(server_url).netloc
        self.requests = []
        self.console = []

    def foreign_requests(self):
        """Requests to any host but the live server (data: and blob: stay local)."""
        return [
            url for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).netloc != self.server
        ]

    def csp_violations(self):
        return [text for text in self.console if "Content Security Policy" in text]

    def assert_clean(self):
        foreign = self.foreign_requests()
        assert not foreign, f"requests to hosts other than {self.server}: {foreign}"
        violations = self.csp_violations()
        assert not violations, f"Content-Security-Policy violations: {violations}"


@pytest.fixture
def open_page(browser, live_server):
    """Open a fresh browser context (no cookies) at a viewport; returns (page, log).

    Every context opened this way is checked when the test ends: no request left
    the live server, and the console reported no CSP violation.
    """
    contexts = []

    def open_(viewport=DESKTOP):
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, locale="nl-NL"
        )
        context.set_default_timeout(5_000)
        log = PageLog(live_server.url)
        context.on("request", lambda request: log.requests.append(request.url))
        page = context.new_page()
        page.on("console", lambda message: log.console.append(message.text))
        contexts.append((context, log))
        return page, log

    yield open_
    for context, _log in contexts:
        context.close()
    for _context, log in contexts:
        log.assert_clean()


@pytest.fixture
def page(open_page):
    """A page in a fresh context at desktop width, its requests checked at the end."""
    page, _log = open_page()
    return page


@pytest.fixture
def knowledge_base(site_tree, steps, instrument_types):
    """A small knowledge base: two themes, public and members-only instruments, news."""
    risk, policy, _organisation, awareness, continuity = steps
    norm, plan, manual, _example = instrument_types
    theme = ThemePageFactory(
        parent=site_tree["themes"], title="Kennisveiligheid",
        intro="Omgaan met risico's van internationale samenwerking in onderzoek en onderwijs.",
    )
    social = ThemePageFactory(
        parent=site_tree["themes"], title="Sociale veiligheid",
        intro="Een veilige leer- en werkomgeving voor studenten en medewerkers.",
    )
    instrument = InstrumentPageFactory(
        parent=theme, title="Risicoanalyse buitenlandse samenwerking",
        summary="Met deze analyse beoordeelt een instelling samenwerkingsverbanden "
        "met buitenlandse partners op risico's voor kennisveiligheid.",
        instrument_type=plan, steps=[risk, policy], owner_name="Werkgroep Kennisveiligheid",
    )
    InstrumentPageFactory(
        parent=theme, title="Beleidskader exportcontrole", instrument_type=norm,
        steps=[policy],
    )
    InstrumentPageFactory(
        parent=theme, title="Bewustwordingstraining onderzoekers", instrument_type=manual,
        steps=[awareness],
    )
    members_only = InstrumentPageFactory(
        parent=theme, title="Draaiboek incidentrespons", visibility="members",
        summary="Wie zit in het crisisberaad en wat doet het eerste uur na een incident.",
        instrument_type=plan, steps=[continuity],
    )
    InstrumentPageFactory(
        parent=social, title="Gedragscode sociale veiligheid", instrument_type=norm,
        steps=[policy],
    )
    NewsPageFactory(
        parent=site_tree["news"], title="Nieuwe handreiking kennisveiligheid",
        intro="De handreiking is bijgewerkt met voorbeelden uit de praktijk.",
    )
    EventPageFactory(parent=site_tree["events"], title="Netwerkdag integrale veiligheid")
    return {
        "theme": theme,
        "instrument": instrument,
        "members_only": members_only,
        "public_instrument_count": 4,
    }
