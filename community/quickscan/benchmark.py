"""The sector benchmark: median and quartiles per cell, per cohort, without exposing anyone.

How no figure can be traced back to one institution:

1. **One view per cohort.** Every page that shows the benchmark (members of any
   institution in the cohort, the board overview, the editors' report) calls
   `cohort_benchmark` with the cohort alone and reads the same published
   snapshot. Nobody chooses filters, periods or versions, and there is no
   "all cohorts" figure that could be subtracted from the others.
2. **A frozen cohort.** A scan takes its institution's cohort when it is
   submitted (`Scan.cohort`). An editor who later toggles `Institution.is_small`
   or `kind`, or tries to delete an institution (PROTECT), changes no figure.
3. **Published snapshots, k changes apart.** Once per quarter (the reference
   date, the first day of the quarter) a candidate is computed from each
   institution's latest scan submitted in the window before that date, and
   stored (`BenchmarkSnapshot`, one per cohort and date, computed on first view).
   It is published only when at least k institutions differ from the previously
   published snapshot (added, dropped out, or counted with another scan);
   otherwise everyone keeps seeing the previous one ("stand per <datum>"). So
   two published snapshots never differ by fewer than k institutions, and
   comparing them cannot single out one newcomer, one new scan or one leaver.
4. **k-minimum, twice.** Nothing is shown for a cohort with fewer than
   QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS institutions (never below 3: a system
   check refuses it); within a shown cohort, a cell is suppressed when fewer
   than that many institutions have a score in it ("n.v.t." does not count).
5. **Order statistics, interpolated and rounded.** Only the median and the
   quartiles, to one decimal, for every cell that meets k. The quartiles use
   `statistics.quantiles(method="exclusive")`: interpolated between neighbouring
   values, so with small n they are generally not one institution's exact score
   (with n ≤ 3, only possible when k is 3, they are the lowest and highest score).
6. **Snapshots expire.** A published snapshot is shown for at most
   SNAPSHOT_MAX_QUARTERS quarters after its reference date. After that, when
   not enough institutions have changed since to publish a new one, nothing is
   shown and the pages say why: otherwise scans far older than the window could
   keep counting indefinitely.

The inherent limit: k − 1 institutions that pool their own answers can always
work out the k-th from any exact figure over k. Rounding and the rules above
make that harder, not impossible; the README says so too.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import StatisticsError, median, quantiles

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.models import ProcessStep, ThemePage

from . import scoring
from .cohorts import Cohort, cohort_of
from .models import Answer, BenchmarkSnapshot, Scan

# A published snapshot is shown in the quarter of its reference date and at most
# this many quarters in all; at the next reference date it is too old.
SNAPSHOT_MAX_QUARTERS = 4


def min_institutions():
    return int(settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS)


def reference_date(today):
    """The first day of today's quarter: the benchmark's window ends here."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    return datetime.date(today.year, first_month, 1)


def next_reference_date(today):
    current = reference_date(today)
    month = current.month + 3
    year = current.year + (month > 12)
    return datetime.date(year, (month - 1) % 12 + 1, 1)


def expiry_date(snapshot_date):
    """The first reference date on which a snapshot of `snapshot_date` is too old to show."""
    day = snapshot_date
    for _ in range(SNAPSHOT_MAX_QUARTERS):
        day = next_reference_date(day)
    return day


def _start_of_day(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


@dataclass
class CohortCell:
    theme_id: int
    step_id: int
    count: int
    q1: float | None = None
    median: float | None = None
    q3: float | None = None

    @property
    def shown(self):
        return self.median is not None

    @property
    def quartiles_shown(self):
        # Snapshots stored before quartiles were shown for every cell may lack them.
        return self.q1 is not None and self.q3 is not None


@dataclass
class Benchmark:
    """What a page shows: the cohort's latest published snapshot (or nothing yet).

    `reference_date` is the date of the snapshot shown ("stand per"); when the
    snapshot of `checked_on` (the current reference date) was not published,
    that is an earlier quarter and `is_stale` is true. When the latest published
    snapshot is older than SNAPSHOT_MAX_QUARTERS quarters, nothing is shown and
    `expired_on` is the date it stopped being shown (its reference date is kept).
    """

    cohort: str
    reference_date: datetime.date
    next_reference_date: datetime.date
    window_start: datetime.date
    min_institutions: int
    institution_count: int
    checked_on: datetime.date = None
    expired_on: datetime.date = None
    themes: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)

    @property
    def cohort_label(self):
        return Cohort(self.cohort).label

    @property
    def shown(self):
        return not self.is_expired and self.institution_count >= self.min_institutions

    @property
    def is_expired(self):
        return self.expired_on is not None

    @property
    def is_stale(self):
        return self.checked_on is not None and self.reference_date < self.checked_on

    @property
    def shown_cell_count(self):
        return sum(1 for cell in self.cells.values() if cell.shown)

    def cell(self, theme_id, step_id):
        return self.cells.get((theme_id, step_id))


def _latest_scans(cohort, *, start, end):
    """{institution id: scan id}: per institution its latest scan submitted in [start, end)
    with the cohort frozen on the scan at submission."""
    rows = (
        Scan.objects.filter(
            status=Scan.Status.SUBMITTED,
            cohort=cohort,
            submitted_at__gte=_start_of_day(start),
            submitted_at__lt=_start_of_day(end),
        )
        .order_by("institution_id", "-submitted_at", "-pk")
        .values_list("institution_id", "pk")
    )
    latest = {}
    for institution_id, scan_id in rows:
        latest.setdefault(str(institution_id), scan_id)
    return latest


def _scores_per_scan(scan_ids):
    levels = defaultdict(list)
    rows = Answer.objects.filter(scan_id__in=scan_ids).values_list(
        "scan_id", "question__theme_id", "question__step_id", "level"
    )
    for scan_id, theme_id, step_id, level in rows:
        levels[scan_id].append((theme_id, step_id, level))
    return [scoring.cell_scores(scoring.group_levels(rows)) for rows in levels.values()]


def _quartiles(values):
    """(q1, median, q3) of sorted values, interpolated between neighbouring values.

    k >= 3 is guaranteed by the system check; fewer values are handled anyway.
    """
    if len(values) < 2:
        return values[0], values[0], values[0]
    try:
        q1, _, q3 = quantiles(values, n=4, method="exclusive")
    except StatisticsError:  # too few values for this Python's "exclusive"
        q1, _, q3 = quantiles(values, n=4, method="inclusive")
    return q1, median(values), q3


def _figures(scan_ids, *, k):
    """[[theme, step, count, q1, median, q3], …] for the cells at least k institutions scored.

    Cells below k are left out entirely (not even their count is stored).
    """
    per_cell = defaultdict(list)
    for scores in _scores_per_scan(scan_ids):
        for key, score in scores.items():
            if score is not None:
                per_cell[key].append(score)
    figures = []
    for (theme_id, step_id), values in sorted(per_cell.items()):
        if len(values) < k:
            continue
        q1, middle, q3 = (scoring.rounded(v) for v in _quartiles(sorted(values)))
        figures.append([theme_id, step_id, len(values), q1, middle, q3])
    return figures


def changed_institutions(before, after):
    """How many institutions differ between two {institution: scan} mappings."""
    keys = set(before) | set(after)
    return sum(1 for key in keys if before.get(key) != after.get(key))


def _published(cohort, *, until):
    return (
        BenchmarkSnapshot.objects.filter(cohort=cohort, published=True, reference_date__lte=until)
        .order_by("-reference_date")
        .first()
    )


def snapshot_compute(*, cohort, today=None):
    """The cohort's snapshot at today's reference date; computed and stored on first call.

    Published only when at least k institutions differ from the previous published
    snapshot (for the first one: when the cohort has k institutions). Two
    simultaneous first views meet the unique constraint; the loser reads the row.
    """
    today = today or timezone.localdate()
    end = reference_date(today)
    existing = BenchmarkSnapshot.objects.filter(cohort=cohort, reference_date=end).first()
    if existing is not None:
        return existing
    k = min_institutions()
    start = end - datetime.timedelta(days=int(settings.QUICKSCAN_BENCHMARK_WINDOW_DAYS))
    scans = _latest_scans(cohort, start=start, end=end)
    previous = _published(cohort, until=end - datetime.timedelta(days=1))
    changed = changed_institutions(previous.scans if previous else {}, scans)
    publish = changed >= k and (previous is not None or len(scans) >= k)
    snapshot = BenchmarkSnapshot(
        cohort=cohort, reference_date=end, window_start=start, published=publish,
        institution_count=len(scans), scans=scans,
        # Below k nothing is computed at all, so nothing can slip through.
        figures=_figures(list(scans.values()), k=k) if len(scans) >= k else [],
    )
    try:
        with transaction.atomic():
            snapshot.save()
    except IntegrityError:
        return BenchmarkSnapshot.objects.get(cohort=cohort, reference_date=end)
    return snapshot


def cohort_benchmark(*, cohort, today=None):
    """The one benchmark of a cohort: its latest published snapshot (see the module docstring)."""
    today = today or timezone.localdate()
    current = snapshot_compute(cohort=cohort, today=today)
    shown = current if current.published else _published(cohort, until=current.reference_date)
    k = min_institutions()
    benchmark = Benchmark(
        cohort=cohort,
        reference_date=shown.reference_date if shown else current.reference_date,
        next_reference_date=next_reference_date(today),
        window_start=shown.window_start if shown else current.window_start,
        min_institutions=k,
        institution_count=shown.institution_count if shown else 0,
        checked_on=current.reference_date,
    )
    if shown is not None and current.reference_date >= expiry_date(shown.reference_date):
        benchmark.expired_on = expiry_date(shown.reference_date)
    if shown is None or not benchmark.shown:
        if shown is None or benchmark.is_expired:
            benchmark.institution_count = 0
        return benchmark
    benchmark.themes = list(ThemePage.objects.live().order_by("path"))
    benchmark.steps = list(ProcessStep.objects.all())
    stored = {(row[0], row[1]): row for row in shown.figures}
    for theme in benchmark.themes:
        for step in benchmark.steps:
            cell = CohortCell(theme_id=theme.pk, step_id=step.pk, count=0)
            row = stored.get((theme.pk, step.pk))
            if row is not None and row[2] >= k:
                cell.count, cell.q1, cell.median, cell.q3 = row[2:6]
            benchmark.cells[(theme.pk, step.pk)] = cell
    return benchmark


def institution_benchmark(*, institution, today=None):
    cohort = cohort_of(institution)
    if cohort is None:
        return None
    return cohort_benchmark(cohort=cohort, today=today)


POSITIONS = [
    ("onder", "Onder het eerste kwartiel"),
    ("laag", "Tussen eerste kwartiel en mediaan"),
    ("hoog", "Tussen mediaan en derde kwartiel"),
    ("boven", "Boven het derde kwartiel"),
]
MEDIAN_POSITIONS = [
    ("laag", "Onder de mediaan"),
    ("hoog", "Op of boven de mediaan"),
]


def position(score, cell):
    """Where an institution's own cell score lies in the cohort: (code, Dutch label) or None."""
    if score is None or cell is None or not cell.shown:
        return None
    score = scoring.rounded(score)
    if not cell.quartiles_shown:
        return MEDIAN_POSITIONS[0] if score < cell.median else MEDIAN_POSITIONS[1]
    if score < cell.q1:
        return POSITIONS[0]
    if score < cell.median:
        return POSITIONS[1]
    if score <= cell.q3:
        return POSITIONS[2]
    return POSITIONS[3]


def comparison_rows(*, benchmark, own_scores):
    """Rows for the benchmark table: per theme, per step the cohort cell and own position."""
    rows = []
    for theme in benchmark.themes:
        cells = []
        for step in benchmark.steps:
            cell = benchmark.cell(theme.pk, step.pk)
            own = own_scores.get((theme.pk, step.pk)) if own_scores else None
            cells.append({
                "step": step, "cohort": cell, "own": own, "position": position(own, cell),
            })
        rows.append({"theme": theme, "cells": cells})
    return rows
