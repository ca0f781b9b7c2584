"""Results: the SVG heat map with its table, and instruments for cells below the target."""

import datetime
import re
import xml.etree.ElementTree as ET
from html import unescape

from django.urls import reverse

import pytest

from community.quickscan.presenters import recommendations, scan_results
from tests.factories import InstrumentPageFactory, ThemePageFactory
from tests.factories.quickscan import submitted_scan

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def scan(version, institution, themes, steps):
    social, knowledge = themes
    questions = {(q.theme_id, q.step_id): q for q in version.questions.all()}
    return submitted_scan(institution=institution, version=version, levels={
        "default": 4,
        questions[(social.pk, steps[0].pk)]: 1,
        questions[(social.pk, steps[1].pk)]: 2,
        questions[(knowledge.pk, steps[4].pk)]: None,
    })


def svg_of(body):
    start = body.index('<svg class="qs-heatmap"')
    end = body.index("</svg>", start) + len("</svg>")
    return ET.fromstring(body[start:end])


def test_the_heat_map_is_an_accessible_svg_with_a_table_beside_it(client, scan, scan_member,
                                                                   themes, steps):
    client.force_login(scan_member)
    body = unescape(client.get(reverse("quickscan:results", args=[scan.public_id])).content
                    .decode())
    svg = svg_of(body)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "heatmap-title heatmap-desc"
    assert svg.find(f"{SVG}title").text.startswith("Heatmap van de quickscan")
    desc = svg.find(f"{SVG}desc").text
    assert "laagste cel: Sociale veiligheid, Risicomanagement (1,0)" in desc
    assert "2 van de 9 gescoorde cellen liggen onder het streefniveau 3" in desc
    texts = [node.text for node in svg.iter(f"{SVG}text")]
    assert "1,0 ▼" in texts and "2,0 ▼" in texts and "–" in texts
    assert [t for t in texts if t in {step.name for step in steps}] == [s.name for s in steps]
    cell_titles = [node.text for node in svg.iter(f"{SVG}title")]
    assert "Sociale veiligheid, Risicomanagement: 1,0" in cell_titles
    # No inline style: the Content-Security-Policy allows only our stylesheet.
    assert ' style="' not in body[body.index("<svg"):body.index("</svg>")]

    table = body[body.index('<table class="qs-table qs-score-table"'):]
    table = table[:table.index("</table>")]
    assert "<caption" in table and '<th scope="col">Risicomanagement</th>' in table
    assert '<th scope="row">Sociale veiligheid</th>' in table
    assert "(onder streefniveau)" in table and "n.v.t." in table
    assert '<link rel="stylesheet" href="/static/css/quickscan.css">' in body


def test_the_table_shows_theme_step_and_overall_averages(client, scan, scan_member):
    """Averages weigh cells equally and leave n.v.t. out (the scan fixture's levels)."""
    client.force_login(scan_member)
    body = unescape(client.get(reverse("quickscan:results", args=[scan.public_id])).content
                    .decode())
    table = body[body.index('<table class="qs-table qs-score-table"'):]
    table = table[:table.index("</table>")]
    body_rows = table[table.index("<tbody>"):table.index("</tbody>")]
    footer = table[table.index("<tfoot>"):table.index("</tfoot>")]

    def averages(html):
        found = re.findall(r'<td class="qs-average">(?:<strong>)?([^<]*)', html)
        return [text.strip() for text in found]

    # Sociale veiligheid: 1, 2, 4, 4, 4 → 3,0; Kennisveiligheid: 4, 4, 4, 4, n.v.t. → 4,0.
    assert averages(body_rows) == ["3,0", "4,0"]
    # Per step: (1 + 4) / 2, (2 + 4) / 2, 4, 4, and 4 alone (n.v.t. left out); overall
    # 31 / 9 cells = 3,44 → 3,4.
    assert averages(footer) == ["2,5", "3,0", "4,0", "4,0", "4,0", "3,4"]


def test_recommendations_per_cell_below_target_most_relevant_first(
    scan, themes, steps, scan_member, instrument_types, site_tree, user
):
    social, knowledge = themes
    risk, policy = steps[0], steps[1]
    today = datetime.date(2026, 3, 1)
    broad = InstrumentPageFactory(parent=social, title="Brede aanpak", steps=[risk, policy],
                                  publication_date=today)
    focused_old = InstrumentPageFactory(parent=social, title="Risicoscan sociale veiligheid",
                                        steps=[risk], publication_date=today.replace(year=2024))
    focused_new = InstrumentPageFactory(parent=social, title="Meldingen analyseren",
                                        steps=[risk], publication_date=today)
    other_theme = ThemePageFactory(parent=site_tree["themes"], title="Integriteit")
    linked = InstrumentPageFactory(parent=other_theme, title="Gekoppeld instrument",
                                   steps=[risk], other_themes=[social])
    members_only = InstrumentPageFactory(parent=social, title="Alleen voor leden",
                                         steps=[risk], visibility="members")
    InstrumentPageFactory(parent=knowledge, title="Ander thema", steps=[risk])
    InstrumentPageFactory(parent=social, title="Andere stap", steps=[steps[3]])

    results = scan_results(scan)
    advice = {item.cell.key: item for item in recommendations(results=results, user=scan_member,
                                                              per_cell=10)}
    assert set(advice) == {(social.pk, risk.pk), (social.pk, policy.pk)}
    # members_only is published today, after focused_new: the newest comes first.
    assert advice[(social.pk, risk.pk)].instruments == [
        members_only, focused_new, focused_old, broad, linked,
    ]
    first_three = recommendations(results=results, user=scan_member)[0]
    assert len(first_three.instruments) == 3 and first_three.total == 5
    assert first_three.more_url == f"/instrumenten/?thema={social.slug}&stap={risk.slug}"
    assert advice[(social.pk, policy.pk)].instruments == [broad]
    # Someone who is no member never gets a members-only instrument.
    public = recommendations(results=results, user=user, per_cell=10)[0]
    assert members_only not in public.instruments


def test_relevance_is_primary_theme_then_focus_then_recency(scan, themes, steps, scan_member,
                                                            instrument_types, site_tree):
    social = themes[0]
    risk = steps[0]
    old_focused = InstrumentPageFactory(parent=social, title="B oud", steps=[risk],
                                        publication_date=datetime.date(2023, 1, 1))
    new_focused = InstrumentPageFactory(parent=social, title="A nieuw", steps=[risk],
                                        publication_date=datetime.date(2025, 1, 1))
    broad = InstrumentPageFactory(parent=social, title="C breed", steps=[risk, steps[1]],
                                  publication_date=datetime.date(2025, 6, 1))
    elsewhere = ThemePageFactory(parent=site_tree["themes"], title="Privacy")
    linked = InstrumentPageFactory(parent=elsewhere, title="D gekoppeld", steps=[risk],
                                   other_themes=[social],
                                   publication_date=datetime.date(2026, 1, 1))
    results = scan_results(scan)
    cell = recommendations(results=results, user=scan_member, per_cell=10)[0]
    assert cell.instruments == [new_focused, old_focused, broad, linked]


def test_a_cell_without_instruments_says_so(client, scan, scan_member):
    client.force_login(scan_member)
    body = client.get(reverse("quickscan:results", args=[scan.public_id])).content.decode()
    assert "De kennisbank heeft nog geen instrument voor deze cel." in body


def test_change_since_the_previous_scan_is_shown(client, version, institution, scan_member):
    submitted_scan(institution=institution, version=version, levels={"default": 2},
                   submitted_at=datetime.datetime(2025, 1, 10, tzinfo=datetime.UTC))
    later = submitted_scan(institution=institution, version=version, levels={"default": 3})
    client.force_login(scan_member)
    body = client.get(reverse("quickscan:results", args=[later.public_id])).content.decode()
    assert "gestegen met 1,0" in body and "+1,0" in body


# --- Review findings 9 and 10 ------------------------------------------------------------


def test_change_across_versions_only_where_the_questions_are_the_same(
    client, version, institution, scan_member, themes, steps
):
    from django.utils import timezone

    from community.quickscan import services

    social = themes[0]
    earlier = submitted_scan(institution=institution, version=version, levels={"default": 2},
                             submitted_at=timezone.now() - datetime.timedelta(days=400))
    newer_version = services.version_copy(version=version, title="Quickscan 2027")
    changed = newer_version.questions.get(theme=social, step=steps[0])
    changed.text = "Een heel andere vraag over risico's?"
    changed.save()
    services.version_publish(version=newer_version)
    scan = submitted_scan(institution=institution, version=newer_version, levels={"default": 3})

    results = scan_results(scan)
    assert results.previous_scan == earlier and results.versions_differ
    other = results.cells[(social.pk, steps[0].pk)]
    same = results.cells[(social.pk, steps[1].pk)]
    assert other.other_questions and other.delta is None
    assert not same.other_questions and same.delta == pytest.approx(1.0)
    # Averages over a cell with other questions are not compared either.
    assert results.theme_averages[social.pk].delta is None
    assert results.theme_averages[themes[1].pk].delta == pytest.approx(1.0)
    assert results.step_averages[steps[0].pk].delta is None
    assert results.overall.delta is None

    client.force_login(scan_member)
    body = unescape(client.get(reverse("quickscan:results", args=[scan.public_id]))
                    .content.decode())
    assert "de vorige scan gebruikte een andere versie van de vragenlijst (Quickscan 2026)" in body
    assert body.count("andere vragen<span") == 1


def test_displayed_score_and_below_target_marker_agree():
    from community.quickscan.heatmap import score_text
    from community.quickscan.presenters import CellResult
    from community.quickscan.templatetags.quickscan_tags import score

    assert score_text(2.25) == "2,3" and score(2.25) == "2,3"  # half up, not half even
    assert score_text(2.35) == "2,4" and score_text(2.96) == "3,0" and score_text(0.05) == "0,1"
    just_below = CellResult(theme=None, step=None, target=3, score=2.96)
    assert not just_below.below_target  # shows 3,0: not "3,0 ▼"
    assert CellResult(theme=None, step=None, target=3, score=2.94).below_target  # shows 2,9
    assert CellResult(theme=None, step=None, target=3, score=2.95).below_target is False
