"""The sector benchmark: median and quartiles per cell, per cohort, without exposing anyone.

How no figure can be traced back to one institution:

1. **One view per cohort.** Every page that shows the benchmark (members of any
   institution in the cohort, the board overview, the editors' report) calls
   `presenters.cohort_benchmark` with the cohort alone and reads the same
   published snapshot. Nobody chooses filters, periods or versions, and there is no
   "all cohorts" figure that could be subtracted from the others.
2. **A frozen cohort.** A scan takes its institution's cohort when it is
   submitted (`Scan.cohort`). An editor who later toggles `Institution.is_small`
   or `kind`, or tries to delete an institution (PROTECT), changes no figure.
3. **Published snapshots, k changes apart.** Once per quarter (the reference
   date, the first day of the quarter) a candidate is computed from each
   institution's latest scan submitted in the window before that date, and
   stored (`BenchmarkSnapshot`, one per cohort and date), by the
   `quickscan_benchmark_publish` task (beat, daily; idempotent) or the
   `quickscan_publish_benchmark` command. Pages only read what is stored.
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

This module holds the rules as pure functions: the calendar, the quartiles and
the change count. `selectors.benchmark` reads, `services.benchmark` computes and
stores a snapshot, `presenters.benchmark` shapes what the pages show.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from statistics import StatisticsError, median, quantiles

from django.conf import settings
from django.utils import timezone

from . import scoring

# A published snapshot is shown in the quarter of its reference date and at most
# this many quarters in all; at the next reference date it is too old.
SNAPSHOT_MAX_QUARTERS = 4

# One stored figure: [theme id, step id, count, q1, median, q3].
Figure = list[float | int | None]


def min_institutions() -> int:
    return int(settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS)


def window_days() -> int:
    return int(settings.QUICKSCAN_BENCHMARK_WINDOW_DAYS)


def reference_date(today: datetime.date) -> datetime.date:
    """The first day of today's quarter: the benchmark's window ends here."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    return datetime.date(today.year, first_month, 1)


def next_reference_date(today: datetime.date) -> datetime.date:
    current = reference_date(today)
    month = current.month + 3
    year = current.year + (month > 12)
    return datetime.date(year, (month - 1) % 12 + 1, 1)


def expiry_date(snapshot_date: datetime.date) -> datetime.date:
    """The first reference date on which a snapshot of `snapshot_date` is too old to show."""
    day = snapshot_date
    for _ in range(SNAPSHOT_MAX_QUARTERS):
        day = next_reference_date(day)
    return day


def start_of_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


def quartiles(values: list[float]) -> tuple[float, float, float]:
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


def figures(
    scores_per_scan: Iterable[Mapping[tuple[int, int], float | None]], *, k: int
) -> list[Figure]:
    """[[theme, step, count, q1, median, q3], …] for the cells at least k institutions scored.

    Cells below k are left out entirely (not even their count is stored).
    """
    per_cell: dict[tuple[int, int], list[float]] = {}
    for scores in scores_per_scan:
        for key, score in scores.items():
            if score is not None:
                per_cell.setdefault(key, []).append(score)
    found: list[Figure] = []
    for (theme_id, step_id), values in sorted(per_cell.items()):
        if len(values) < k:
            continue
        q1, middle, q3 = (scoring.rounded(v) for v in quartiles(sorted(values)))
        found.append([theme_id, step_id, len(values), q1, middle, q3])
    return found


def changed_institutions(before: Mapping[str, int], after: Mapping[str, int]) -> int:
    """How many institutions differ between two {institution: scan} mappings."""
    keys = set(before) | set(after)
    return sum(1 for key in keys if before.get(key) != after.get(key))


def should_publish(*, changed: int, has_previous: bool, institution_count: int, k: int) -> bool:
    """At least k institutions differ from the previous published snapshot (for the first
    one: the cohort has k institutions)."""
    return changed >= k and (has_previous or institution_count >= k)
