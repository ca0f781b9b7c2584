"""Render time and query count of the quickscan pages, with a sector-sized data set.

Usage:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ivho \\
        .venv/bin/python -m bench.quickscan [--institutions 60] [--themes 9] [--runs 15]

Runs against a throw-away test database (SQLite by default; PostgreSQL when
DATABASE_URL is set). Builds a published version of themes × 5 steps (45
questions with 9 themes), the institutions in 3 cohorts (universiteiten,
hogescholen, kleine hogescholen), each with a submitted scan of that version
inside the benchmark window, 6 actions per scan and a few instruments per theme
for the advice. Then prints the median and worst time of N runs and the query
count for the results page, the board page and PDF, the benchmark page with a
warm snapshot, and the first computation of a snapshot. It prints figures only:
targets are read by people, not asserted.
"""

import argparse
import datetime
import statistics
import time

from bench.page_render import measure, setup_django


def build(*, institutions, themes):
    from django.utils import timezone

    from cms.models import HomePage, ThemeIndexPage
    from community.members.models import Institution
    from community.quickscan.benchmark import reference_date
    from community.quickscan.cohorts import cohort_of
    from community.quickscan.models import Action, Answer, Scan
    from tests.factories import (
        InstitutionFactory,
        InstrumentPageFactory,
        MemberFactory,
        ProcessStepFactory,
        ThemePageFactory,
    )
    from tests.factories.quickscan import version_with_grid

    home = HomePage.objects.get()
    theme_index = home.add_child(instance=ThemeIndexPage(title="Thema's", slug="themas"))
    steps = [ProcessStepFactory(slug=f"stap-{n}", sort_order=n) for n in range(5)]
    theme_pages = [ThemePageFactory(parent=theme_index, title=f"Veiligheidsthema {n}")
                   for n in range(themes)]
    for number, theme in enumerate(theme_pages * 4):
        InstrumentPageFactory(parent=theme, title=f"Instrument {number}",
                              steps=[steps[number % 5], steps[(number + 2) % 5]])
    version = version_with_grid(theme_pages, steps, title="Quickscan 2026")
    questions = list(version.questions.all())

    kinds = [
        {"kind": Institution.Kind.UNIVERSITY, "is_small": False},
        {"kind": Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES, "is_small": False},
        {"kind": Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES, "is_small": True},
    ]
    day = reference_date(timezone.localdate()) - datetime.timedelta(days=100)
    submitted_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    members = []
    for number in range(institutions):
        institution = InstitutionFactory(**kinds[number % 3])
        member = MemberFactory(institution=institution)
        scan = Scan.objects.create(institution=institution, version=version, target_level=3,
                                   started_by=member)
        Answer.objects.bulk_create([
            Answer(scan=scan, question=question, answered_by=member,
                   level=1 + (number + index) % 5)
            for index, question in enumerate(questions)
        ])
        Scan.objects.filter(pk=scan.pk).update(
            status=Scan.Status.SUBMITTED, submitted_by=member, submitted_at=submitted_at,
            cohort=cohort_of(institution),
        )
        Action.objects.bulk_create([
            Action(scan=scan, theme=questions[index * 7].theme, step=questions[index * 7].step,
                   title=f"Actie {index + 1}: verbeterplan voor deze cel met het team",
                   owner="Manager integrale veiligheid", due_date=day, created_by=member)
            for index in range(6)
        ])
        members.append((member, scan))
    return members


def measure_snapshot(runs):
    """The quarterly publishing run: compute and store the snapshot of one cohort."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from community.quickscan.cohorts import Cohort
    from community.quickscan.models import BenchmarkSnapshot
    from community.quickscan.services import snapshot_compute

    timings = []
    for _ in range(runs):
        BenchmarkSnapshot.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            snapshot = snapshot_compute(cohort=Cohort.UNIVERSITY_OF_APPLIED_SCIENCES)
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings), len(queries), snapshot


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--institutions", type=int, default=60)
    parser.add_argument("--themes", type=int, default=9)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    connection, name = setup_django()
    from django.test import Client
    from django.urls import reverse

    try:
        started = time.perf_counter()
        members = build(institutions=args.institutions, themes=args.themes)
        print(f"{connection.vendor}: built {args.institutions} institutions with a submitted "
              f"scan of {args.themes * 5} questions in {time.perf_counter() - started:.1f} s")
        median, worst, queries, snapshot = measure_snapshot(args.runs)
        print(f"\n{'':<24}{'median ms':>10}{'max ms':>9}{'queries':>9}")
        print(f"{'snapshot, computed':<24}{median:>10.1f}{worst:>9.1f}{queries:>9}"
              f"   ({snapshot.institution_count} institutions)")
        member, scan = members[1]  # a hogeschool: its cohort's snapshot is warm now
        client = Client()
        client.force_login(member)
        urls = {
            "results": reverse("quickscan:results", args=[scan.public_id]),
            "board": reverse("quickscan:board", args=[scan.public_id]),
            "board PDF": reverse("quickscan:board_pdf", args=[scan.public_id]),
            "benchmark (warm)": reverse("quickscan:benchmark"),
        }
        for label, url in urls.items():
            median, worst, queries = measure(client, url, args.runs)
            print(f"{label:<24}{median:>10.1f}{worst:>9.1f}{queries:>9}")
    finally:
        connection.close()
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
