"""Publishing the sector benchmark: one snapshot per cohort and quarter, computed once.

Called by the `quickscan_benchmark_publish` task (beat, daily) and by the
`quickscan_publish_benchmark` command for setups without beat. Pages never
compute: they read what is stored here (see `presenters.benchmark`). Running it
again in the same quarter changes nothing: the snapshot of a reference date is
computed on the first call and then only read.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import benchmark as rules
from .. import selectors
from ..cohorts import Cohort
from ..models import BenchmarkSnapshot


def snapshot_compute(*, cohort: str, today: datetime.date | None = None) -> BenchmarkSnapshot:
    """The cohort's snapshot at today's reference date; computed and stored on first call.

    Published only when at least k institutions differ from the previous published
    snapshot (for the first one: when the cohort has k institutions). Two
    simultaneous first calls meet the unique constraint; the loser reads the row.
    """
    today = today or timezone.localdate()
    end = rules.reference_date(today)
    existing = selectors.snapshot_at(cohort=cohort, reference_date=end)
    if existing is not None:
        return existing
    k = rules.min_institutions()
    start = end - datetime.timedelta(days=rules.window_days())
    scans = selectors.latest_scans(cohort, start=start, end=end)
    previous = selectors.latest_published_snapshot(
        cohort=cohort, until=end - datetime.timedelta(days=1)
    )
    changed = rules.changed_institutions(previous.scans if previous else {}, scans)
    snapshot = BenchmarkSnapshot(
        cohort=cohort, reference_date=end, window_start=start,
        published=rules.should_publish(
            changed=changed, has_previous=previous is not None, institution_count=len(scans), k=k,
        ),
        institution_count=len(scans), scans=scans,
        # Below k nothing is computed at all, so nothing can slip through.
        figures=(
            rules.figures(selectors.scores_per_scan(list(scans.values())), k=k)
            if len(scans) >= k else []
        ),
    )
    try:
        with transaction.atomic():
            snapshot.save()
    except IntegrityError:
        return BenchmarkSnapshot.objects.get(cohort=cohort, reference_date=end)
    return snapshot


def benchmark_publish(*, today: datetime.date | None = None) -> list[BenchmarkSnapshot]:
    """This quarter's snapshot of every cohort (computed where it is still missing)."""
    return [snapshot_compute(cohort=cohort, today=today) for cohort in Cohort.values]
