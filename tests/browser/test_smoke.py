"""The visitor's key flows in a real browser: theme, instrument, search, filters, login."""

import re
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect

from tests.factories.people import PASSWORD

from .conftest import DESKTOP, MOBILE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_finds_an_instrument_through_theme_and_search(page, knowledge_base):
    page.goto("/")
    themes = page.get_by_role("region", name="Veiligheidsthema's")
    themes.get_by_role("link", name="Kennisveiligheid").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kennisveiligheid")
    matrix = page.get_by_role("region", name="Instrumenten per processtap")
    for step in ["Risicomanagement", "Beleid", "Organisatie", "Bewustzijn", "Continuïteit"]:
        expect(matrix.get_by_role("heading", level=3, name=step)).to_be_visible()
    # One instrument in two process steps appears in both rows of the matrix.
    instrument_links = matrix.get_by_role("link", name="Risicoanalyse buitenlandse samenwerking")
    expect(instrument_links).to_have_count(2)
    instrument_links.first.click()

    expect(page).to_have_url(re.compile(r"/themas/kennisveiligheid/risicoanalyse-"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Risicoanalyse buitenlandse samenwerking"
    )
    expect(page.locator(".instrument__header .lead")).to_contain_text(
        "beoordeelt een instelling samenwerkingsverbanden met buitenlandse partners"
    )
    facts = page.get_by_role("complementary", name="Over dit instrument")
    expect(facts).to_contain_text("Stappenplan")
    expect(facts).to_contain_text("Risicomanagement, Beleid")
    expect(facts).to_contain_text("Werkgroep Kennisveiligheid")
    expect(facts.get_by_role("link", name="Kennisveiligheid")).to_be_visible()

    header = page.get_by_role("banner")
    header.get_by_label("Zoek in de kennisbank").fill("samenwerkingsverbanden")
    header.get_by_role("button", name="Zoek").click()

    expect(page).to_have_url(re.compile(r"/zoeken/\?q=samenwerkingsverbanden"))
    results = page.get_by_role("region", name=re.compile("resultaat|resultaten"))
    expect(results.get_by_role("heading", level=2)).to_contain_text("1 resultaat")
    expect(
        results.get_by_role("link", name="Risicoanalyse buitenlandse samenwerking")
    ).to_be_visible()


def test_instrument_list_filters_by_process_step(page, knowledge_base):
    page.goto("/instrumenten/")
    count = page.locator("#results-title")
    expect(count).to_have_text(f"{knowledge_base['public_instrument_count']} instrumenten")

    page.get_by_role("checkbox", name="Risicomanagement", exact=True).check()
    page.get_by_role("button", name="Toon instrumenten").click()

    expect(page).to_have_url(re.compile(r"[?&]stap=risicomanagement(&|$)"))
    expect(count).to_have_text("1 instrument")
    expect(page.get_by_role("checkbox", name="Risicomanagement", exact=True)).to_be_checked()
    results = page.get_by_role("region", name="1 instrument")
    expect(results.get_by_role("article")).to_have_count(1)
    expect(
        results.get_by_role("link", name="Risicoanalyse buitenlandse samenwerking")
    ).to_be_visible()


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_members_only_instrument_appears_only_after_member_login(
    page, knowledge_base, member
):
    theme_url = knowledge_base["theme"].url
    title = knowledge_base["members_only"].title

    page.goto(theme_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kennisveiligheid")
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    expect(page.get_by_text("3 instrumenten bij dit thema")).to_be_visible()
    page.goto("/zoeken/?q=crisisberaad")
    expect(page.locator("#results-title")).to_have_text("0 resultaten voor ‘crisisberaad’")

    # The instrument's own URL sends an anonymous visitor to the real login form.
    page.goto(knowledge_base["members_only"].url)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.locator("input[name=login]").fill(member.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    page.goto(theme_url)
    expect(page.get_by_role("link", name=title)).to_be_visible()
    expect(page.get_by_text("4 instrumenten bij dit thema")).to_be_visible()
    page.goto("/zoeken/?q=crisisberaad")
    expect(page.locator("#results-title")).to_have_text("1 resultaat voor ‘crisisberaad’")
    expect(page.get_by_role("link", name=title)).to_be_visible()


class InlineCodeFinder(HTMLParser):
    """Collects what our CSP forbids: style= and on*= attributes, inline <script>/<style>."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _value in attrs}
        inline = sorted(name for name in names if name == "style" or name.startswith("on"))
        if inline:
            self.found.append(f"<{tag} {' '.join(inline)}=…>")
        if tag == "style" or (tag == "script" and "src" not in names):
            self.found.append(f"inline <{tag}>")


def test_pages_fit_desktop_and_phone_without_inline_code(open_page, knowledge_base, tmp_path):
    pages = {
        "home": "/",
        "instrument": knowledge_base["instrument"].url,
        "instruments": "/instrumenten/?stap=beleid",
        "search": "/zoeken/?q=kennisveiligheid",
        "login": "/accounts/login/",
    }
    for viewport in [DESKTOP, MOBILE]:
        page, log = open_page(viewport)
        width = viewport["width"]
        for name, url in pages.items():
            response = page.goto(url)
            assert response.ok, f"{url}: HTTP {response.status}"
            finder = InlineCodeFinder()
            finder.feed(response.text())
            assert not finder.found, f"{url} has inline code the CSP blocks: {finder.found}"
            # WCAG 1.4.10 (reflow): no sideways scrolling, also at phone width.
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{url} is {overflow}px wider than a {width}px screen"
            # Kept in pytest's temp folder, to look at when the layout changes.
            page.screenshot(path=tmp_path / f"{name}-{width}.png", full_page=True)
        assert log.requests, "the request log recorded nothing"
        log.assert_clean()
