"""The benchmark as the pages show it: the cohort's latest published snapshot, or why not.

Read-only: a page never computes or stores a snapshot (that is
`services.benchmark`, run by beat or a command). Every page (members, the board
overview, the editors' report) gets its figures from `cohort_benchmark`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.models import ProcessStep, ThemePage

from .. import benchmark as rules
from .. import scoring, selectors
from ..cohorts import Cohort, cohort_of

if TYPE_CHECKING:
    from community.members.models import Institution

    from .results import ScanResults


@dataclass
class CohortCell:
    theme_id: int
    step_id: int
    count: int
    q1: float | None = None
    median: float | None = None
    q3: float | None = None

    @property
    def shown(self) -> bool:
        return self.median is not None

    @property
    def quartiles_shown(self) -> bool:
        # Snapshots stored before quartiles were shown for every cell may lack them.
        return self.q1 is not None and self.q3 is not None


@dataclass
class Benchmark:
    """What a page shows: the cohort's latest published snapshot (or nothing yet).

    `reference_date` is the date of the snapshot shown ("stand per"). `checked_on`
    is the reference date of the latest snapshot computed at all (published or
    not); None when none was computed yet. When that one was not published, the
    snapshot shown is of an earlier quarter and `is_stale` is true. When the latest
    published snapshot is older than SNAPSHOT_MAX_QUARTERS quarters, nothing is
    shown and `expired_on` is the date it stopped being shown (its reference date
    is kept).
    """

    cohort: str
    reference_date: datetime.date
    next_reference_date: datetime.date
    window_start: datetime.date
    min_institutions: int
    institution_count: int
    checked_on: datetime.date | None = None
    expired_on: datetime.date | None = None
    themes: list[ThemePage] = field(default_factory=list)
    steps: list[ProcessStep] = field(default_factory=list)
    cells: dict[tuple[int, int], CohortCell] = field(default_factory=dict)

    @property
    def cohort_label(self) -> str:
        return str(Cohort(self.cohort).label)

    @property
    def computed(self) -> bool:
        """A snapshot of this cohort was computed at all (else: "no figures yet")."""
        return self.checked_on is not None

    @property
    def shown(self) -> bool:
        return not self.is_expired and self.institution_count >= self.min_institutions

    @property
    def is_expired(self) -> bool:
        return self.expired_on is not None

    @property
    def is_stale(self) -> bool:
        return self.checked_on is not None and self.reference_date < self.checked_on

    @property
    def shown_cell_count(self) -> int:
        return sum(1 for cell in self.cells.values() if cell.shown)

    def cell(self, theme_id: int, step_id: int) -> CohortCell | None:
        return self.cells.get((theme_id, step_id))


def cohort_benchmark(*, cohort: str, today: datetime.date | None = None) -> Benchmark:
    """The one benchmark of a cohort: its latest published snapshot (see `benchmark`)."""
    today = today or timezone.localdate()
    current = rules.reference_date(today)
    checked = selectors.latest_snapshot(cohort=cohort, until=current)
    shown = (
        checked if checked is not None and checked.published
        else selectors.latest_published_snapshot(cohort=cohort, until=current)
    )
    k = rules.min_institutions()
    benchmark = Benchmark(
        cohort=cohort,
        reference_date=shown.reference_date if shown else current,
        next_reference_date=rules.next_reference_date(today),
        window_start=(
            shown.window_start if shown
            else current - datetime.timedelta(days=rules.window_days())
        ),
        min_institutions=k,
        institution_count=shown.institution_count if shown else 0,
        checked_on=checked.reference_date if checked else None,
    )
    if shown is not None and current >= rules.expiry_date(shown.reference_date):
        benchmark.expired_on = rules.expiry_date(shown.reference_date)
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


def institution_benchmark(
    *, institution: Institution, today: datetime.date | None = None
) -> Benchmark | None:
    cohort = cohort_of(institution)
    if cohort is None:
        return None
    return cohort_benchmark(cohort=cohort, today=today)


POSITIONS = [
    ("onder", gettext_lazy("Onder het eerste kwartiel")),
    ("laag", gettext_lazy("Tussen eerste kwartiel en mediaan")),
    ("hoog", gettext_lazy("Tussen mediaan en derde kwartiel")),
    ("boven", gettext_lazy("Boven het derde kwartiel")),
]
MEDIAN_POSITIONS = [
    ("laag", gettext_lazy("Onder de mediaan")),
    ("hoog", gettext_lazy("Op of boven de mediaan")),
]


def position(score: float | None, cell: CohortCell | None) -> tuple[str, Any] | None:
    """Where an institution's own cell score lies in the cohort: (code, Dutch label) or None."""
    if score is None or cell is None or not cell.shown:
        return None
    shown = scoring.rounded(score)
    assert shown is not None and cell.median is not None
    if not cell.quartiles_shown:
        return MEDIAN_POSITIONS[0] if shown < cell.median else MEDIAN_POSITIONS[1]
    assert cell.q1 is not None and cell.q3 is not None
    if shown < cell.q1:
        return POSITIONS[0]
    if shown < cell.median:
        return POSITIONS[1]
    if shown <= cell.q3:
        return POSITIONS[2]
    return POSITIONS[3]


def comparison_rows(
    *, benchmark: Benchmark | None, own_scores: dict[tuple[int, int], float | None] | None
) -> list[dict[str, Any]]:
    """Rows for the benchmark table: per theme, per step the cohort cell and own position."""
    rows = []
    for theme in benchmark.themes if benchmark else []:
        cells = []
        for step in benchmark.steps if benchmark else []:
            cell = benchmark.cell(theme.pk, step.pk) if benchmark else None
            own = own_scores.get((theme.pk, step.pk)) if own_scores else None
            cells.append({
                "step": step, "cohort": cell, "own": own, "position": position(own, cell),
            })
        rows.append({"theme": theme, "cells": cells})
    return rows


def benchmark_line(benchmark: Benchmark | None, results: ScanResults) -> str | None:
    """The benchmark in one sentence, for the board overview's PDF."""
    if benchmark is None:
        return None
    label = benchmark.cohort_label.lower()
    stand = date_format(benchmark.reference_date, "d-m-Y")
    if benchmark.is_expired:
        return _(
            "Sectorbenchmark ({label}): niet getoond. De laatste cijfers (stand per {stand}) "
            "zijn te oud en sindsdien hebben te weinig instellingen (minder dan {k}) een scan "
            "ingediend voor nieuwe cijfers."
        ).format(label=label, stand=stand, k=benchmark.min_institutions)
    if not benchmark.computed:
        return _(
            "Sectorbenchmark ({label}): nog niet beschikbaar, nog geen cijfers berekend."
        ).format(label=label)
    if not benchmark.shown:
        return _(
            "Sectorbenchmark ({label}): nog niet beschikbaar, minder dan {k} instellingen in "
            "het cohort."
        ).format(label=label, k=benchmark.min_institutions)
    pairs = [(cell, benchmark.cell(*cell.key)) for cell in results.scored_cells()]
    codes = [
        found[0]
        for cell, cohort in pairs
        if cohort is not None and cohort.quartiles_shown
        and (found := position(cell.score, cohort)) is not None
    ]
    return _(
        "Sectorbenchmark ({label}, {count} instellingen, stand per {stand}): {above} cellen "
        "boven het derde kwartiel, {below} cellen onder het eerste kwartiel."
    ).format(label=label, count=benchmark.institution_count, stand=stand,
             above=codes.count("boven"), below=codes.count("onder"))
