"""The sector benchmark: k-minimum per cohort and per cell, and no tracing via two views."""

import datetime
import re
from unittest import mock

from django.urls import reverse
from django.utils import timezone

import pytest

from community.members.models import Institution
from community.quickscan.benchmark import (
    cohort_benchmark,
    next_reference_date,
    position,
    reference_date,
)
from community.quickscan.checks import check_benchmark_min_institutions
from community.quickscan.cohorts import Cohort, cohort_of
from community.quickscan.models import BenchmarkSnapshot
from tests.factories import EditorFactory, MemberFactory
from tests.factories.quickscan import submitted_scan

pytestmark = pytest.mark.django_db
HBO = Cohort.UNIVERSITY_OF_APPLIED_SCIENCES


def before_reference(days=10):
    day = reference_date(timezone.localdate()) - datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def cohort_scans(version, institutions, levels, when=None):
    """One submitted scan per institution; `levels[i]` is the default level of scan i."""
    return [
        submitted_scan(institution=institution, version=version,
                       levels=level if isinstance(level, dict) else {"default": level},
                       submitted_at=when or before_reference())
        for institution, level in zip(institutions, levels, strict=True)
    ]


def next_quarter(quarters=1):
    day = timezone.localdate()
    for _ in range(quarters):
        day = next_reference_date(day)
    return day


def figures(benchmark):
    return {key: (cell.count, cell.q1, cell.median, cell.q3)
            for key, cell in benchmark.cells.items()}


def test_reference_date_is_the_start_of_the_quarter():
    assert reference_date(datetime.date(2026, 5, 15)) == datetime.date(2026, 4, 1)
    assert reference_date(datetime.date(2026, 4, 1)) == datetime.date(2026, 4, 1)
    assert reference_date(datetime.date(2026, 12, 31)) == datetime.date(2026, 10, 1)
    assert next_reference_date(datetime.date(2026, 11, 2)) == datetime.date(2027, 1, 1)


def test_cohorts_follow_kind_and_size(make_institutions):
    university, = make_institutions(1, kind=Institution.Kind.UNIVERSITY)
    small, = make_institutions(1, small=True)
    large, = make_institutions(1)
    partner, = make_institutions(1, kind=Institution.Kind.PARTNER)
    assert cohort_of(university) == Cohort.UNIVERSITY
    assert cohort_of(small) == Cohort.SMALL_UNIVERSITY_OF_APPLIED_SCIENCES
    assert cohort_of(large) == HBO
    assert cohort_of(partner) is None


def test_four_institutions_show_nothing_five_show_median_and_quartiles(version, make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions[:4], [1, 2, 3, 4])
    benchmark = cohort_benchmark(cohort=HBO)
    assert not benchmark.shown and benchmark.institution_count == 0  # not even the count
    assert benchmark.cells == {}  # nothing computed, nothing to leak

    cohort_scans(version, institutions[4:], [5])
    # The snapshot of this quarter stays as it was; the next one has five institutions.
    assert not cohort_benchmark(cohort=HBO).shown
    benchmark = cohort_benchmark(cohort=HBO, today=next_quarter())
    assert benchmark.shown and benchmark.institution_count == 5
    cell = next(iter(benchmark.cells.values()))
    # Fewer than 10 scores: the median only, no quartiles.
    assert (cell.count, cell.q1, cell.median, cell.q3) == (5, None, 3.0, None)
    assert benchmark.shown_cell_count == 10


def test_a_cell_with_fewer_than_k_scores_is_suppressed(version, make_institutions, themes, steps):
    institutions = make_institutions(5)
    question = version.questions.get(theme=themes[0], step=steps[0])
    levels = [3, 3, 4, 2, {"default": 5, question: None}]  # the fifth: n.v.t. in that cell
    cohort_scans(version, institutions, levels)
    benchmark = cohort_benchmark(cohort=HBO)
    hidden = benchmark.cell(themes[0].pk, steps[0].pk)
    assert not hidden.shown and hidden.count == 0 and hidden.median is None
    assert benchmark.cell(themes[0].pk, steps[1].pk).shown


def test_k_is_configurable(settings, version, make_institutions):
    settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS = 3
    cohort_scans(version, make_institutions(3), [2, 3, 4])
    assert cohort_benchmark(cohort=HBO).shown
    settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS = 4
    assert not cohort_benchmark(cohort=HBO).shown


def test_each_institution_counts_once_with_its_latest_scan_in_the_window(version,
                                                                         make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions[1:], [1, 2, 3, 4], when=before_reference(days=200))
    # The first institution submits three scans: it counts once, with its latest (5).
    for days, level in ((300, 1), (250, 1), (120, 5)):
        cohort_scans(version, institutions[:1], [level], when=before_reference(days=days))
    benchmark = cohort_benchmark(cohort=HBO)
    assert benchmark.institution_count == 5
    cell = next(iter(benchmark.cells.values()))
    assert (cell.count, cell.q1, cell.median, cell.q3) == (5, None, 3.0, None)
    # Scans older than the window do not count at all.
    old = make_institutions(1)
    cohort_scans(version, old, [5], when=before_reference(days=800))
    assert cohort_benchmark(cohort=HBO).institution_count == 5


def test_other_cohorts_never_count(version, make_institutions):
    cohort_scans(version, make_institutions(3), [3, 3, 3])
    cohort_scans(version, make_institutions(2, small=True), [1, 1])
    cohort_scans(version, make_institutions(2, kind=Institution.Kind.UNIVERSITY), [5, 5])
    for cohort in Cohort.values:
        assert not cohort_benchmark(cohort=cohort).shown


def test_a_scan_submitted_today_changes_nothing_until_the_next_reference_date(
    version, make_institutions
):
    institutions = make_institutions(6)
    cohort_scans(version, institutions[:5], [1, 2, 3, 4, 5])
    before = figures(cohort_benchmark(cohort=HBO))
    # A sixth institution submits now, and one of the five submits a new scan:
    # comparing the page before and after would isolate them. It must not change.
    cohort_scans(version, institutions[5:], [5], when=timezone.now())
    cohort_scans(version, institutions[:1], [5], when=timezone.now())
    after = cohort_benchmark(cohort=HBO)
    assert figures(after) == before and after.institution_count == 5
    # Next quarter two institutions differ (fewer than k): the previous stand stays.
    later = cohort_benchmark(cohort=HBO, today=next_quarter())
    assert figures(later) == before and later.institution_count == 5 and later.is_stale


def _benchmark_numbers(body):
    """The figures in the benchmark table of a page, in order."""
    table = body[body.index('<table class="qs-table qs-benchmark-table">'):]
    table = table[:table.index("</table>")]
    cells = re.findall(r"<td>(.*?)</td>", table, flags=re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]
    return [text.split(" Jullie ")[0] for text in texts]  # without the own position


def test_two_views_show_identical_figures(client, version, make_institutions):
    """Members of two institutions in the cohort, and the editors' report, see the same
    numbers: there is no pair of views whose difference is one institution's answers."""
    institutions = make_institutions(5)
    cohort_scans(version, institutions, [1, 2, 2, 4, 5])
    views = []
    for institution in institutions[:2]:
        client.force_login(MemberFactory(institution=institution))
        body = client.get(reverse("quickscan:benchmark")).content.decode()
        views.append(_benchmark_numbers(body))
    assert views[0] and views[0] == views[1]
    assert views[0][0].startswith("2,0 mediaan; alleen mediaan")

    client.force_login(EditorFactory())
    report = client.get(reverse("quickscan_admin:report")).content.decode()
    assert _benchmark_numbers(report) == views[0]
    # The own institution is not left out of its own view (that would make the two
    # members' views differ by exactly one institution each).
    assert cohort_benchmark(cohort=HBO).institution_count == 5


def test_the_page_says_why_nothing_is_shown(client, version, make_institutions):
    institutions = make_institutions(2)
    cohort_scans(version, institutions, [2, 4])
    client.force_login(MemberFactory(institution=institutions[0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert 'id="geen-benchmark"' in body
    assert "minder dan 5 instellingen in dit cohort" in body
    assert "qs-benchmark-table" not in body and "qs-median" not in body
    # The exact number (here 2) is not given away either.
    assert "2 instellingen" not in body


def test_own_position_against_the_cohort(version, make_institutions):
    cohort_scans(version, make_institutions(10), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    cell = next(iter(cohort_benchmark(cohort=HBO).cells.values()))
    assert (cell.count, cell.q1, cell.median, cell.q3) == (10, 2.0, 3.0, 4.0)
    assert position(1.0, cell)[0] == "onder"
    assert position(2.5, cell)[0] == "laag"
    assert position(3.0, cell)[0] == "hoog"
    assert position(4.5, cell)[0] == "boven"
    assert position(None, cell) is None


def test_the_editors_report_has_aggregates_only(client, version, make_institutions):
    cohort_scans(version, make_institutions(2, small=True), [1, 5])
    client.force_login(EditorFactory())
    body = client.get(reverse("quickscan_admin:report")).content.decode()
    assert "Minder dan 5 instellingen: er worden geen cijfers getoond." in body
    assert "qs-median" not in body
    client.force_login(MemberFactory())
    assert client.get(reverse("quickscan_admin:report")).status_code in (302, 403)


# --- Published snapshots (review finding 1) -----------------------------------------


def test_one_newcomer_between_quarters_changes_no_figure(version, make_institutions):
    """Comparing the page before and after one institution joins must not reveal it."""
    institutions = make_institutions(6)
    cohort_scans(version, institutions[:5], [1, 2, 3, 4, 5])
    before = cohort_benchmark(cohort=HBO)
    assert before.shown
    cohort_scans(version, institutions[5:], [5], when=timezone.now())
    after = cohort_benchmark(cohort=HBO, today=next_quarter())
    assert figures(after) == figures(before)
    assert after.institution_count == 5 and after.reference_date == before.reference_date
    assert after.is_stale
    # Nor does one institution dropping out (a new scan counts as a change as well).
    assert BenchmarkSnapshot.objects.filter(published=True).count() == 1


def test_k_newcomers_between_quarters_publish_new_figures(version, make_institutions):
    institutions = make_institutions(10)
    cohort_scans(version, institutions[:5], [1, 1, 1, 1, 1])
    before = cohort_benchmark(cohort=HBO)
    cohort_scans(version, institutions[5:], [5, 5, 5, 5, 5], when=timezone.now())
    after = cohort_benchmark(cohort=HBO, today=next_quarter())
    assert after.institution_count == 10 and not after.is_stale
    assert after.reference_date == next_quarter() > before.reference_date
    cell = next(iter(after.cells.values()))
    assert (cell.q1, cell.median, cell.q3) == (1.0, 3.0, 5.0)


def test_the_page_shows_the_date_of_the_stand(client, version, make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions, [1, 2, 3, 4, 5])
    client.force_login(MemberFactory(institution=institutions[0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    shown = reference_date(timezone.localdate())
    assert f"Stand per {shown.day} " in body and 'id="benchmark-stand"' in body


def test_members_board_and_editors_read_one_snapshot(client, version, make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions, [1, 2, 3, 4, 5])
    cohort_benchmark(cohort=HBO)
    client.force_login(EditorFactory())
    client.get(reverse("quickscan_admin:report"))
    assert BenchmarkSnapshot.objects.filter(cohort=HBO).count() == 1


def test_a_second_computation_of_the_same_quarter_reuses_the_row(version, make_institutions):
    """Two first views at once meet the unique constraint; both show the one stored row."""
    from community.quickscan.benchmark import snapshot_compute

    cohort_scans(version, make_institutions(5), [1, 2, 3, 4, 5])
    first = snapshot_compute(cohort=HBO)
    manager = BenchmarkSnapshot.objects
    real_filter = manager.filter

    def racing_filter(**kwargs):  # the existence check misses the row the other request stored
        if set(kwargs) == {"cohort", "reference_date"}:
            return manager.none()
        return real_filter(**kwargs)

    with mock.patch.object(manager, "filter", racing_filter):
        again = snapshot_compute(cohort=HBO)
    assert again.pk == first.pk and BenchmarkSnapshot.objects.count() == 1


# --- Frozen cohorts (review finding 2) -------------------------------------------------


def test_editing_an_institution_after_submission_changes_nothing_shown(version,
                                                                       make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions, [1, 2, 3, 4, 5])
    before = figures(cohort_benchmark(cohort=HBO))
    institutions[0].is_small = True
    institutions[0].save()
    institutions[1].kind = Institution.Kind.UNIVERSITY
    institutions[1].save()
    for today in (timezone.localdate(), next_quarter()):
        BenchmarkSnapshot.objects.all().delete()  # even a fresh computation ignores the edits
        benchmark = cohort_benchmark(cohort=HBO, today=today)
        assert benchmark.institution_count == 5 and figures(benchmark) == before
        assert not cohort_benchmark(cohort=Cohort.UNIVERSITY, today=today).shown


def test_submitting_freezes_the_cohort(version, scan_member, institution):
    from community.quickscan import services
    from community.quickscan.models import Answer

    scan = services.scan_start(user=scan_member, version=version)
    Answer.objects.bulk_create([Answer(scan=scan, question=q, level=3)
                                for q in version.questions.all()])
    scan = services.scan_submit(user=scan_member, scan=scan)
    assert scan.cohort == HBO
    institution.is_small = True
    institution.save()
    scan.refresh_from_db()
    assert scan.cohort == HBO


# --- Small n (review finding 7) --------------------------------------------------------


@pytest.mark.parametrize(("k", "level"), [(1, "error"), (2, "error"), (3, "warning"),
                                          (4, "warning"), (5, None), ("vijf", "error")])
def test_a_system_check_guards_the_k_minimum(settings, k, level):
    settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS = k
    found = check_benchmark_min_institutions()
    if level is None:
        assert found == []
    else:
        assert len(found) == 1
        assert found[0].is_serious() == (level == "error")


def test_quartiles_only_from_ten_institutions(client, version, make_institutions):
    institutions = make_institutions(9)
    cohort_scans(version, institutions, [1, 2, 3, 4, 5, 1, 2, 3, 4])
    client.force_login(MemberFactory(institution=institutions[0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert "alleen mediaan" in body and "eerste tot derde kwartiel </span>(" not in body
    assert "minder dan 10 instellingen" in body
