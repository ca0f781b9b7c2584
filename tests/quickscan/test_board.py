"""The one-page board overview, on screen and as PDF."""

import datetime
import re
import zlib
from unittest import mock

from django.urls import reverse
from django.utils import timezone

import pytest

from community.quickscan import services
from community.quickscan.exports import pdf_text
from tests.factories.quickscan import submitted_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def scan(version, institution, scan_member, themes, steps):
    scan = submitted_scan(institution=institution, version=version, levels={"default": 2})
    services.action_create(user=scan_member, scan=scan, theme_id=themes[0].pk,
                           step_id=steps[4].pk, title="Crisisoefening met het CvB – ‘live’",
                           owner="Crisiscoördinator", due_date=scan.submitted_at.date())
    return scan


def test_board_overview_page(client, scan, scan_member):
    client.force_login(scan_member)
    body = client.get(reverse("quickscan:board", args=[scan.public_id])).content.decode()
    assert "Integrale veiligheid bij Hogeschool Zuidwal" in body
    assert '<svg class="qs-heatmap"' in body and "Crisisoefening met het CvB" in body
    assert "10 aandachtspunten" not in body and "5 (van 10) aandachtspunten" in body
    assert "Sectorbenchmark hogescholen: nog niet beschikbaar" in body


def pdf_page_text(content):
    """The text shown by a PDF made by fpdf2: its compressed content streams, decoded."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            data = zlib.decompress(stream)
        except zlib.error:
            continue
        for text in re.findall(rb"\(((?:[^()\\]|\\.)*)\)\s*Tj", data):
            shown.append(re.sub(rb"\\(.)", rb"\1", text).decode("latin-1"))
    return " ".join(shown)


def test_board_pdf_is_one_page_with_the_figures(client, scan, scan_member):
    client.force_login(scan_member)
    response = client.get(reverse("quickscan:board_pdf", args=[scan.public_id]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    assert len(re.findall(rb"/Type /Page\b", response.content)) == 1
    text = pdf_page_text(response.content)
    assert "Hogeschool Zuidwal" in text
    assert "Gemiddelde score 2,0" in text
    assert "Crisisoefening met het CvB - 'live'" in text
    assert "Sociale veiligheid" in text and "Continuïteit" in text


def test_pdf_text_maps_typography_to_latin1():
    assert pdf_text("a – b ‘c’ … ▼ € ✓") == "a - b 'c' ... v ? ?"


def test_the_pdf_benchmark_line_uses_the_quartiles_from_five_institutions(
    version, institution, make_institutions
):
    """Five institutions already give quartiles: the line compares with them, not the median."""
    from community.quickscan import presenters, services
    from community.quickscan.cohorts import Cohort
    for other, level in zip(make_institutions(4), [1, 2, 3, 4], strict=True):
        submitted_scan(institution=other, version=version, levels={"default": level},
                       submitted_at=timezone.now() - datetime.timedelta(days=120))
    own = submitted_scan(institution=institution, version=version, levels={"default": 5},
                         submitted_at=timezone.now() - datetime.timedelta(days=120))
    services.benchmark_publish()
    benchmark = presenters.cohort_benchmark(cohort=Cohort.UNIVERSITY_OF_APPLIED_SCIENCES)
    line = presenters.benchmark_line(benchmark, presenters.scan_results(own))
    # Quartiles 1,5 and 4,5: the own 5,0 lies above the third quartile in every cell.
    assert "10 cellen boven het derde kwartiel, 0 cellen onder het eerste kwartiel" in line
    assert "mediaan" not in line and "vanaf" not in line


LONG_THEMES = [
    "Sociale veiligheid, grensoverschrijdend gedrag en het meldpunt voor studenten en personeel",
    "Kennisveiligheid en ongewenste kennisoverdracht bij internationale samenwerking",
    "Informatiebeveiliging van onderwijs-, onderzoeks- en bedrijfsvoeringssystemen",
    "Privacy en de bescherming van persoonsgegevens van studenten en medewerkers",
    "Fysieke veiligheid van gebouwen, terreinen, laboratoria en evenementen op de campus",
    "Crisisbeheersing, bedrijfscontinuïteit en de organisatie van het crisisteam",
    "Internationalisering: veiligheid van reizende studenten en medewerkers in het buitenland",
    "Radicalisering, polarisatie en spanningen op de campus en in de klas",
    "Ondermijning, integriteit en ongewenste beïnvloeding van bestuur en medewerkers",
]


@pytest.fixture
def demo_sized_scan(site_tree, steps, scan_member, institution):
    """9 themes with long names × 5 steps, every cell below target, 6 long open actions."""
    from tests.factories import ThemePageFactory
    from tests.factories.quickscan import version_with_grid

    themes = [ThemePageFactory(parent=site_tree["themes"], title=title, slug=f"thema-{n}")
              for n, title in enumerate(LONG_THEMES)]
    version = version_with_grid(themes, steps, per_cell=1, title="Quickscan integrale "
                                "veiligheid 2026 (volledige versie voor hogescholen)")
    scan = submitted_scan(institution=institution, version=version, levels={"default": 1})
    for n in range(6):
        services.action_create(
            user=scan_member, scan=scan, theme_id=themes[n].pk, step_id=steps[n % 5].pk,
            title=f"Actie {n + 1}: " + "een lange omschrijving van wat er moet gebeuren " * 4,
            owner="Manager integrale veiligheid en crisisbeheersing van het college van bestuur",
            due_date=scan.submitted_at.date(),
        )
    return scan


def test_the_board_pdf_stays_one_page_with_demo_sized_data(client, demo_sized_scan,
                                                           scan_member):
    client.force_login(scan_member)
    response = client.get(reverse("quickscan:board_pdf", args=[demo_sized_scan.public_id]))
    assert response.status_code == 200
    assert len(re.findall(rb"/Type /Page\b", response.content)) == 1
    text = pdf_page_text(response.content)
    assert "Actie 6:" in text and "Sectorbenchmark" in text  # the last lines are on it


def test_long_board_pdf_lines_are_shortened_to_their_column(demo_sized_scan):
    """No theme name or action runs into the next column or past the page edge."""
    from community.quickscan import exports, presenters, selectors

    seen = []

    class Recording(exports.BoardPdf):
        def cell(self, w=None, h=None, text="", *args, **kwargs):
            if text:
                room = (w or self.w - self.r_margin - self.x) - 2 * self.c_margin
                seen.append((text, room, self.get_string_width(text)))
            return super().cell(w, h, text, *args, **kwargs)

    with mock.patch.object(exports, "BoardPdf", Recording):
        exports.board_pdf(scan=demo_sized_scan,
                          results=presenters.scan_results(demo_sized_scan),
                          actions=list(selectors.scan_actions(demo_sized_scan)))
    too_wide = [text for text, room, needed in seen if needed > room + 0.01]
    assert too_wide == []
    assert any(text.startswith("Sociale veiligheid") and text.endswith("...")
               for text, _, _ in seen)
    assert any(text.startswith("Actie 6: een lange") and text.endswith("...")
               for text, _, _ in seen)
