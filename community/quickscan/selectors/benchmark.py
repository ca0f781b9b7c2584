"""Reads for the sector benchmark: stored snapshots, and the scans a new one counts."""

from __future__ import annotations

import datetime

from ..benchmark import start_of_day
from ..models import Answer, BenchmarkSnapshot, Scan
from ..scoring import cell_scores, group_levels


def latest_scans(cohort: str, *, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """{institution id: scan id}: per institution its latest scan submitted in [start, end)
    with the cohort frozen on the scan at submission."""
    rows = (
        Scan.objects.filter(
            status=Scan.Status.SUBMITTED,
            cohort=cohort,
            submitted_at__gte=start_of_day(start),
            submitted_at__lt=start_of_day(end),
        )
        .order_by("institution_id", "-submitted_at", "-pk")
        .values_list("institution_id", "pk")
    )
    latest: dict[str, int] = {}
    for institution_id, scan_id in rows:
        latest.setdefault(str(institution_id), scan_id)
    return latest


def scores_per_scan(scan_ids: list[int]) -> list[dict[tuple[int, int], float | None]]:
    """The cell scores of each scan, in one query."""
    levels: dict[int, list[tuple[int, int, int | None]]] = {}
    rows = Answer.objects.filter(scan_id__in=scan_ids).values_list(
        "scan_id", "question__theme_id", "question__step_id", "level"
    )
    for scan_id, theme_id, step_id, level in rows:
        levels.setdefault(scan_id, []).append((theme_id, step_id, level))
    return [cell_scores(group_levels(scan_rows)) for scan_rows in levels.values()]


def snapshot_at(*, cohort: str, reference_date: datetime.date) -> BenchmarkSnapshot | None:
    """The cohort's snapshot of one reference date, published or not."""
    return BenchmarkSnapshot.objects.filter(cohort=cohort, reference_date=reference_date).first()


def latest_snapshot(*, cohort: str, until: datetime.date) -> BenchmarkSnapshot | None:
    """The cohort's latest snapshot on or before `until`, published or not: the last check."""
    return (
        BenchmarkSnapshot.objects.filter(cohort=cohort, reference_date__lte=until)
        .order_by("-reference_date")
        .first()
    )


def latest_published_snapshot(
    *, cohort: str, until: datetime.date
) -> BenchmarkSnapshot | None:
    """The cohort's latest published snapshot on or before `until`."""
    return (
        BenchmarkSnapshot.objects.filter(cohort=cohort, published=True, reference_date__lte=until)
        .order_by("-reference_date")
        .first()
    )
