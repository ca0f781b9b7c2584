"""axe-core (bundled by axe-playwright-python) finds no WCAG 2.1 A/AA violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}


def violations_on(page, axe):
    """One line per axe violation: rule id, impact and the offending elements."""
    results = axe.run(page, options=AXE_OPTIONS).response
    return [
        f"{violation['id']} ({violation['impact']}): "
        f"{[node['target'] for node in violation['nodes']]} - {violation['help']}"
        for violation in results["violations"]
    ]


def test_public_pages_have_no_wcag_violations(page, knowledge_base):
    pages = {
        "home": ("/", 200),
        "theme": (knowledge_base["theme"].url, 200),
        "instrument": (knowledge_base["instrument"].url, 200),
        "instrument list": ("/instrumenten/?stap=beleid&type=normenkader", 200),
        "search results": ("/zoeken/?q=kennisveiligheid", 200),
        "news list": ("/nieuws/", 200),
        "login": ("/accounts/login/", 200),
        "404": ("/bestaat-niet/", 404),
    }
    axe = Axe()
    report = {}
    for name, (url, status) in pages.items():
        response = page.goto(url)
        assert response.status == status, f"{name} ({url}): HTTP {response.status}"
        found = violations_on(page, axe)
        if found:
            report[f"{name} ({url})"] = found
    assert not report, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in report.items()
    )
