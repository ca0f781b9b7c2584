"""The quickscan in a real browser: start, fill in, hit a bad input, submit; no axe findings."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from community.quickscan.models import Scan
from tests.factories import MemberFactory, ThemePageFactory
from tests.factories.members import InstitutionFactory
from tests.factories.quickscan import version_with_grid

from .test_accessibility import violations_on
from .test_member_pages import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_start_fill_in_and_submit_a_scan(page, site_tree, steps, instrument_types, tmp_path):
    themes = [
        ThemePageFactory(parent=site_tree["themes"], title="Sociale veiligheid"),
        ThemePageFactory(parent=site_tree["themes"], title="Crisisbeheersing"),
    ]
    version_with_grid(themes, steps, title="Quickscan integrale veiligheid 2026")
    member = MemberFactory(institution=InstitutionFactory(name="Hogeschool Zuidwal"))
    axe = Axe()
    report = {}

    log_in(page, member, "/quickscan/")
    heading = page.get_by_role("heading", name="Quickscan integrale veiligheid", level=1)
    expect(heading).to_be_visible()
    report["index"] = violations_on(page, axe)
    page.get_by_label("Streefniveau").select_option("4")
    page.get_by_role("button", name="Quickscan starten").click()
    expect(page.get_by_text("De quickscan is gestart.")).to_be_visible()
    report["overview"] = violations_on(page, axe)

    page.get_by_role("link", name="Sociale veiligheid").click()
    first = page.get_by_role("group", name=page.locator("legend.qs-question__text").first
                             .inner_text())
    first.get_by_label("2 · Herhaalbaar").check()
    first.get_by_label("Onderbouwing").fill("Meldingen 2025 geanalyseerd in het MT.")
    report["answers"] = violations_on(page, axe)
    # A tampered level: the page explains and keeps what was typed.
    page.locator("input[value='5']").first.evaluate("input => input.value = '7'")
    page.locator("input[value='7']").first.check()
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen")
    expect(page.get_by_text("'7' is geen geldig niveau").first).to_be_visible()
    expect(page.get_by_label("Onderbouwing").first).to_have_value(
        "Meldingen 2025 geanalyseerd in het MT.")
    report["answers with error"] = violations_on(page, axe)

    # Now answer everything properly: level 3 for each question, n.v.t. for one.
    for theme in themes:
        page.goto(page.url.split("/thema/")[0] + f"/thema/{theme.pk}/")
        for radio in page.locator("input[type=radio][value='3']").all():
            radio.check()
        if theme == themes[1]:
            page.locator("input[type=radio][value='nvt']").first.check()
        page.get_by_role("button", name="Opslaan als concept").click()
        expect(page.get_by_text("Je antwoorden zijn opgeslagen als concept.")).to_be_visible()

    page.get_by_role("link", name="Overzicht en invullen").click()
    expect(page.get_by_text("10 van de 10 vragen beantwoord")).to_be_visible()
    page.get_by_role("link", name="Naar indienen").click()
    page.get_by_role("button", name="Quickscan definitief indienen").click()
    expect(page.get_by_role("heading", name="Heatmap")).to_be_visible()
    heatmap = page.locator("svg.qs-heatmap")
    expect(heatmap).to_have_attribute("role", "img")
    expect(page.get_by_role("table", name="Scores per thema en processtap")).to_be_visible()
    page.screenshot(path=str(tmp_path / "results.png"), full_page=True)
    report["results"] = violations_on(page, axe)
    page.get_by_role("link", name="Bestuursoverzicht").first.click()
    report["board"] = violations_on(page, axe)
    page.goto("/quickscan/benchmark/")
    expect(page.locator("#geen-benchmark")).to_be_visible()
    report["benchmark"] = violations_on(page, axe)

    # What the browser showed is also what was stored: one submitted scan, by this member.
    scan = Scan.objects.get(institution__name="Hogeschool Zuidwal")
    assert (scan.status, scan.submitted_by, scan.target_level) == (
        Scan.Status.SUBMITTED, member, 4)
    assert scan.submitted_at is not None and scan.answers.count() == 10
    assert scan.answers.filter(not_applicable=True).count() == 1

    found = {name: lines for name, lines in report.items() if lines}
    assert not found, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items())
