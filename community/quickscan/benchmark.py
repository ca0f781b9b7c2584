"""The sector benchmark: median and quartiles per cell, per cohort, without exposing anyone.

How no figure can be traced back to one institution:

1. **One view per cohort.** The cohort is fixed by the institution's record
   (`cohorts.cohort_of`) and nobody chooses filters, periods or versions. Every
   page that shows the benchmark (members of any institution in the cohort,
   the board overview, the editors' report) calls `cohort_benchmark` with the
   cohort alone, so they all show the same figures: there are no two views of
   one cohort whose difference isolates one institution. There is no
   "all cohorts" figure either, which could be subtracted from the others.
2. **A fixed reference date.** The window ends on the first day of the current
   quarter, not today. A scan submitted today counts from the next quarter on,
   together with everything else submitted meanwhile, so comparing the page
   before and after one colleague institution submits shows no difference.
3. **Distinct institutions, latest scan only.** Each institution counts once,
   with its latest scan submitted within the window (QUICKSCAN_BENCHMARK_WINDOW_DAYS
   before the reference date).
4. **k-minimum, twice.** Nothing is shown for a cohort with fewer than
   QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS institutions; and within a shown cohort, a
   cell is suppressed when fewer than that many institutions have a score in it
   (answers "n.v.t." do not count).
5. **Order statistics, rounded.** Only the median and quartiles, to one
   decimal: no mean or sum that one more or one fewer value shifts predictably.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import quantiles

from django.conf import settings
from django.utils import timezone

from cms.models import ProcessStep, ThemePage

from . import scoring
from .cohorts import Cohort, cohort_of, institutions_in
from .models import Answer, Scan


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


@dataclass
class Benchmark:
    cohort: str
    reference_date: datetime.date
    next_reference_date: datetime.date
    window_start: datetime.date
    min_institutions: int
    institution_count: int
    themes: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)

    @property
    def cohort_label(self):
        return Cohort(self.cohort).label

    @property
    def shown(self):
        return self.institution_count >= self.min_institutions

    @property
    def shown_cell_count(self):
        return sum(1 for cell in self.cells.values() if cell.shown)

    def cell(self, theme_id, step_id):
        return self.cells.get((theme_id, step_id))


def _latest_scan_ids(cohort, *, start, end):
    """Per institution in the cohort: its latest scan submitted in [start, end)."""
    rows = (
        Scan.objects.filter(
            status=Scan.Status.SUBMITTED,
            institution__in=institutions_in(cohort),
            submitted_at__gte=_start_of_day(start),
            submitted_at__lt=_start_of_day(end),
        )
        .order_by("institution_id", "-submitted_at", "-pk")
        .values_list("institution_id", "pk")
    )
    latest = {}
    for institution_id, scan_id in rows:
        latest.setdefault(institution_id, scan_id)
    return list(latest.values())


def _scores_per_scan(scan_ids):
    levels = defaultdict(list)
    rows = Answer.objects.filter(scan_id__in=scan_ids).values_list(
        "scan_id", "question__theme_id", "question__step_id", "level"
    )
    for scan_id, theme_id, step_id, level in rows:
        levels[scan_id].append((theme_id, step_id, level))
    return [scoring.cell_scores(scoring.group_levels(rows)) for rows in levels.values()]


def _quartiles(values):
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = quantiles(values, n=4, method="inclusive")
    return q1, median, q3


def cohort_benchmark(*, cohort, today=None):
    """The one benchmark of a cohort at today's reference date (see the module docstring)."""
    today = today or timezone.localdate()
    end = reference_date(today)
    start = end - datetime.timedelta(days=int(settings.QUICKSCAN_BENCHMARK_WINDOW_DAYS))
    k = min_institutions()
    scan_ids = _latest_scan_ids(cohort, start=start, end=end)
    benchmark = Benchmark(
        cohort=cohort, reference_date=end, next_reference_date=next_reference_date(today),
        window_start=start, min_institutions=k, institution_count=len(scan_ids),
    )
    if not benchmark.shown:
        # Below k nothing is computed at all, so nothing can slip through.
        return benchmark
    benchmark.themes = list(ThemePage.objects.live().order_by("path"))
    benchmark.steps = list(ProcessStep.objects.all())
    per_cell = defaultdict(list)
    for scores in _scores_per_scan(scan_ids):
        for key, score in scores.items():
            if score is not None:
                per_cell[key].append(score)
    for theme in benchmark.themes:
        for step in benchmark.steps:
            values = sorted(per_cell.get((theme.pk, step.pk), []))
            cell = CohortCell(theme_id=theme.pk, step_id=step.pk, count=len(values))
            if len(values) >= k:
                cell.q1, cell.median, cell.q3 = (round(v, 1) for v in _quartiles(values))
            else:
                cell.count = 0  # not even how many answered: a small count says too much
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


def position(score, cell):
    """Where an institution's own cell score lies in the cohort: (code, Dutch label) or None."""
    if score is None or cell is None or not cell.shown:
        return None
    score = round(score, 1)
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
