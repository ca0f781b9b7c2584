"""The one-page board overview, on screen and as PDF."""

import datetime
import re
import zlib

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


def test_the_pdf_benchmark_line_compares_with_the_median_below_ten_institutions(
    version, institution, make_institutions
):
    """With median-only cells the line must not claim "0 cells above the third quartile"."""
    from community.quickscan import selectors
    from community.quickscan.benchmark import cohort_benchmark
    from community.quickscan.cohorts import Cohort
    from community.quickscan.views_results import _benchmark_line
    for other, level in zip(make_institutions(4), [1, 2, 3, 4], strict=True):
        submitted_scan(institution=other, version=version, levels={"default": level},
                       submitted_at=timezone.now() - datetime.timedelta(days=120))
    own = submitted_scan(institution=institution, version=version, levels={"default": 5},
                         submitted_at=timezone.now() - datetime.timedelta(days=120))
    benchmark = cohort_benchmark(cohort=Cohort.UNIVERSITY_OF_APPLIED_SCIENCES)
    line = _benchmark_line(benchmark, selectors.scan_results(own))
    assert "10 cellen op of boven de mediaan, 0 eronder" in line
    assert "kwartiel" not in line.split("(")[0]
