"""The sector benchmark: k-minimum per cohort and per cell, and no tracing via two views."""

import datetime
import re
from html import unescape
from unittest import mock

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

import pytest

from community.members.models import Institution
from community.quickscan.benchmark import next_reference_date, reference_date
from community.quickscan.checks import check_benchmark_min_institutions
from community.quickscan.cohorts import Cohort, cohort_of
from community.quickscan.models import BenchmarkSnapshot
from community.quickscan.presenters import benchmark_line, cohort_benchmark, position
from community.quickscan.services import benchmark_publish, snapshot_compute
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


def published(*, cohort=HBO, today=None):
    """What a page reads once the publishing task has run on `today` (as the first view of
    a quarter used to compute it): the task's work for this cohort, then the read."""
    snapshot_compute(cohort=cohort, today=today)
    return cohort_benchmark(cohort=cohort, today=today)


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
    benchmark = published(cohort=HBO)
    assert not benchmark.shown and benchmark.institution_count == 0  # not even the count
    assert benchmark.cells == {}  # nothing computed, nothing to leak

    cohort_scans(version, institutions[4:], [5])
    # The snapshot of this quarter stays as it was; the next one has five institutions.
    assert not published(cohort=HBO).shown
    benchmark = published(cohort=HBO, today=next_quarter())
    assert benchmark.shown and benchmark.institution_count == 5
    cell = next(iter(benchmark.cells.values()))
    # Five scores already show the quartiles, interpolated: (1+2)/2 and (4+5)/2.
    assert (cell.count, cell.q1, cell.median, cell.q3) == (5, 1.5, 3.0, 4.5)
    assert benchmark.shown_cell_count == 10


def test_a_cell_with_fewer_than_k_scores_is_suppressed(version, make_institutions, themes, steps):
    institutions = make_institutions(5)
    question = version.questions.get(theme=themes[0], step=steps[0])
    levels = [3, 3, 4, 2, {"default": 5, question: None}]  # the fifth: n.v.t. in that cell
    cohort_scans(version, institutions, levels)
    benchmark = published(cohort=HBO)
    hidden = benchmark.cell(themes[0].pk, steps[0].pk)
    assert not hidden.shown and hidden.count == 0 and hidden.median is None
    assert benchmark.cell(themes[0].pk, steps[1].pk).shown


def test_k_is_configurable(settings, version, make_institutions):
    settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS = 3
    cohort_scans(version, make_institutions(3), [2, 3, 4])
    assert published(cohort=HBO).shown
    settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS = 4
    assert not published(cohort=HBO).shown


def test_each_institution_counts_once_with_its_latest_scan_in_the_window(version,
                                                                         make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions[1:], [1, 2, 3, 4], when=before_reference(days=200))
    # The first institution submits three scans: it counts once, with its latest (5).
    for days, level in ((300, 1), (250, 1), (120, 5)):
        cohort_scans(version, institutions[:1], [level], when=before_reference(days=days))
    benchmark = published(cohort=HBO)
    assert benchmark.institution_count == 5
    cell = next(iter(benchmark.cells.values()))
    assert (cell.count, cell.q1, cell.median, cell.q3) == (5, 1.5, 3.0, 4.5)
    # Scans older than the window do not count at all.
    old = make_institutions(1)
    cohort_scans(version, old, [5], when=before_reference(days=800))
    assert published(cohort=HBO).institution_count == 5


def test_other_cohorts_never_count(version, make_institutions):
    cohort_scans(version, make_institutions(3), [3, 3, 3])
    cohort_scans(version, make_institutions(2, small=True), [1, 1])
    cohort_scans(version, make_institutions(2, kind=Institution.Kind.UNIVERSITY), [5, 5])
    for cohort in Cohort.values:
        assert not published(cohort=cohort).shown


def test_a_scan_submitted_today_changes_nothing_until_the_next_reference_date(
    version, make_institutions
):
    institutions = make_institutions(6)
    cohort_scans(version, institutions[:5], [1, 2, 3, 4, 5])
    before = figures(published(cohort=HBO))
    # A sixth institution submits now, and one of the five submits a new scan:
    # comparing the page before and after would isolate them. It must not change.
    cohort_scans(version, institutions[5:], [5], when=timezone.now())
    cohort_scans(version, institutions[:1], [5], when=timezone.now())
    after = published(cohort=HBO)
    assert figures(after) == before and after.institution_count == 5
    # Next quarter two institutions differ (fewer than k): the previous stand stays.
    later = published(cohort=HBO, today=next_quarter())
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
    benchmark_publish()
    views = []
    for institution in institutions[:2]:
        client.force_login(MemberFactory(institution=institution))
        body = client.get(reverse("quickscan:benchmark")).content.decode()
        views.append(_benchmark_numbers(body))
    assert views[0] and views[0] == views[1]
    assert views[0][0] == "2,0 mediaan; eerste tot derde kwartiel (1,5–4,5)"

    client.force_login(EditorFactory())
    report = client.get(reverse("quickscan_admin:report")).content.decode()
    assert _benchmark_numbers(report) == views[0]
    # The own institution is not left out of its own view (that would make the two
    # members' views differ by exactly one institution each).
    assert published(cohort=HBO).institution_count == 5


def test_the_page_says_why_nothing_is_shown(client, version, make_institutions):
    institutions = make_institutions(2)
    cohort_scans(version, institutions, [2, 4])
    benchmark_publish()
    client.force_login(MemberFactory(institution=institutions[0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert 'id="geen-benchmark"' in body
    assert "minder dan 5 instellingen in dit cohort" in body
    assert "qs-benchmark-table" not in body and "qs-median" not in body
    # The exact number (here 2) is not given away either.
    assert "2 instellingen" not in body


def test_own_position_against_the_cohort(version, make_institutions):
    cohort_scans(version, make_institutions(10), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    cell = next(iter(published(cohort=HBO).cells.values()))
    # Exclusive quartiles: 1 + 0.75 × (2 − 1) = 1.75 and 4 + 0.25 × (5 − 4) = 4.25, half up.
    assert (cell.count, cell.q1, cell.median, cell.q3) == (10, 1.8, 3.0, 4.3)
    assert position(1.7, cell)[0] == "onder"
    assert position(2.5, cell)[0] == "laag"
    assert position(3.0, cell)[0] == "hoog"
    assert position(4.4, cell)[0] == "boven"
    assert position(None, cell) is None


def test_the_editors_report_has_aggregates_only(client, version, make_institutions):
    cohort_scans(version, make_institutions(2, small=True), [1, 5])
    benchmark_publish()
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
    before = published(cohort=HBO)
    assert before.shown
    cohort_scans(version, institutions[5:], [5], when=timezone.now())
    after = published(cohort=HBO, today=next_quarter())
    assert figures(after) == figures(before)
    assert after.institution_count == 5 and after.reference_date == before.reference_date
    assert after.is_stale
    # Nor does one institution dropping out (a new scan counts as a change as well).
    assert BenchmarkSnapshot.objects.filter(published=True).count() == 1


def test_k_newcomers_between_quarters_publish_new_figures(version, make_institutions):
    institutions = make_institutions(10)
    cohort_scans(version, institutions[:5], [1, 1, 1, 1, 1])
    before = published(cohort=HBO)
    cohort_scans(version, institutions[5:], [5, 5, 5, 5, 5], when=timezone.now())
    after = published(cohort=HBO, today=next_quarter())
    assert after.institution_count == 10 and not after.is_stale
    assert after.reference_date == next_quarter() > before.reference_date
    cell = next(iter(after.cells.values()))
    assert (cell.q1, cell.median, cell.q3) == (1.0, 3.0, 5.0)


def test_the_page_shows_the_date_of_the_stand(client, version, make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions, [1, 2, 3, 4, 5])
    benchmark_publish()
    client.force_login(MemberFactory(institution=institutions[0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    shown = reference_date(timezone.localdate())
    assert f"Stand per {shown.day} " in body and 'id="benchmark-stand"' in body
    window_start = shown - datetime.timedelta(days=730)
    with translation.override("nl"):
        since = date_format(window_start, "j F Y")
    assert f"de laatste ingediende scan per instelling sinds {since}." in unescape(body)


def test_members_board_and_editors_read_one_snapshot(client, version, make_institutions):
    institutions = make_institutions(5)
    cohort_scans(version, institutions, [1, 2, 3, 4, 5])
    published(cohort=HBO)
    client.force_login(EditorFactory())
    client.get(reverse("quickscan_admin:report"))
    # The report read the members' snapshot and computed none of its own.
    assert BenchmarkSnapshot.objects.filter(cohort=HBO).count() == 1
    assert BenchmarkSnapshot.objects.count() == 1


def test_a_second_computation_of_the_same_quarter_reuses_the_row(version, make_institutions):
    """Two runs at once meet the unique constraint; both return the one stored row."""
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
    before = figures(published(cohort=HBO))
    institutions[0].is_small = True
    institutions[0].save()
    institutions[1].kind = Institution.Kind.UNIVERSITY
    institutions[1].save()
    for today in (timezone.localdate(), next_quarter()):
        BenchmarkSnapshot.objects.all().delete()  # even a fresh computation ignores the edits
        benchmark = published(cohort=HBO, today=today)
        assert benchmark.institution_count == 5 and figures(benchmark) == before
        assert not published(cohort=Cohort.UNIVERSITY, today=today).shown


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


def test_five_institutions_show_interpolated_quartiles(client, version, make_institutions):
    """Median and quartiles as soon as a cell meets k, interpolated between neighbours."""
    institutions = make_institutions(5)
    # Cell scores 2, 1, 5, 3, 3 (one question per cell); sorted 1, 2, 3, 3, 5.
    cohort_scans(version, institutions, [2, 1, 5, 3, 3])
    cell = next(iter(published(cohort=HBO).cells.values()))
    # Positions (n + 1) / 4 = 1.5 and 4.5: halfway between the 1st/2nd and 4th/5th score.
    assert (cell.count, cell.q1, cell.median, cell.q3) == (5, 1.5, 3.0, 4.0)
    assert cell.quartiles_shown
    client.force_login(MemberFactory(institution=institutions[0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert _benchmark_numbers(body)[0] == "3,0 mediaan; eerste tot derde kwartiel (1,5–4,0)"
    assert "alleen mediaan" not in body and "minder dan 10" not in body


def test_quartiles_of_three_or_four_scores_do_not_fail(settings, version, make_institutions):
    settings.QUICKSCAN_BENCHMARK_MIN_INSTITUTIONS = 3
    cohort_scans(version, make_institutions(3), [1, 2, 4])
    cell = next(iter(published(cohort=HBO).cells.values()))
    assert (cell.count, cell.median) == (3, 2.0) and cell.quartiles_shown
    assert cell.q1 <= cell.median <= cell.q3


# --- The window and the age of a snapshot (audit item 2) -------------------------------


def quarters_back(quarters):
    day = reference_date(timezone.localdate())
    for _ in range(quarters):
        day = reference_date(day - datetime.timedelta(days=1))
    return day


def local_midnight(day):
    return datetime.datetime.combine(day, datetime.time.min,
                                     tzinfo=timezone.get_current_timezone())


@pytest.mark.parametrize(("offset", "counted"), [
    (datetime.timedelta(0), True),  # 00:00 local on the first day of the window
    (-datetime.timedelta(seconds=1), False),  # 23:59:59 the day before: 731 days back
])
def test_the_window_is_the_730_days_before_the_reference_date(version, make_institutions,
                                                              offset, counted):
    end = reference_date(timezone.localdate())
    start = end - datetime.timedelta(days=730)
    institutions = make_institutions(5)
    cohort_scans(version, institutions[:4], [1, 2, 3, 4])
    cohort_scans(version, institutions[4:], [5], when=local_midnight(start) + offset)
    benchmark = published(cohort=HBO)
    assert benchmark.shown is counted
    assert benchmark.window_start == start and benchmark.reference_date == end


def test_a_scan_on_the_reference_date_itself_is_not_in_the_window(version, make_institutions):
    end = reference_date(timezone.localdate())
    institutions = make_institutions(5)
    cohort_scans(version, institutions[:4], [1, 2, 3, 4], when=local_midnight(end) -
                 datetime.timedelta(seconds=1))
    cohort_scans(version, institutions[4:], [5], when=local_midnight(end))
    assert not published(cohort=HBO).shown
    assert BenchmarkSnapshot.objects.get().institution_count == 4


def test_one_institution_ageing_out_alone_changes_no_figure(version, make_institutions):
    institutions = make_institutions(6)
    cohort_scans(version, institutions[:5], [1, 1, 2, 4, 5])
    # The sixth scan is in this quarter's window but 730 days old before the next one.
    cohort_scans(version, institutions[5:], [5], when=before_reference(days=700))
    before = published(cohort=HBO)
    assert before.institution_count == 6
    assert next(iter(before.cells.values())).median == 3.0  # with the sixth; 2.0 without
    after = published(cohort=HBO, today=next_quarter())
    candidate = BenchmarkSnapshot.objects.get(reference_date=next_quarter())
    assert candidate.institution_count == 5 and not candidate.published  # it did age out
    assert figures(after) == figures(before) and after.institution_count == 6
    assert after.is_stale and after.reference_date == before.reference_date


def test_a_snapshot_is_shown_for_at_most_four_quarters(client, version, make_institutions):
    institutions = make_institutions(5)
    published_on = quarters_back(4)
    scans = cohort_scans(version, institutions, [1, 2, 3, 4, 5],
                         when=local_midnight(published_on) - datetime.timedelta(days=10))
    first = published(cohort=HBO, today=published_on)
    assert first.shown and first.reference_date == published_on
    # Three quarters on nothing changed: the old stand is still shown (stale).
    later = published(cohort=HBO, today=quarters_back(1))
    assert later.shown and later.is_stale and figures(later) == figures(first)
    # Four quarters on (today) it is too old: nothing is shown, not even the count.
    now = published(cohort=HBO)
    assert not now.shown and now.is_expired and now.institution_count == 0
    assert now.cells == {} and now.reference_date == published_on
    # The scans are still in the window but unchanged: no new stand was published.
    assert BenchmarkSnapshot.objects.filter(published=True).count() == 1

    member = MemberFactory(institution=institutions[0])
    client.force_login(member)
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert 'id="benchmark-verlopen"' in body and "qs-benchmark-table" not in body
    assert "ouder dan vier kwartalen" in body
    assert "te weinig instellingen (minder dan 5) een scan ingediend" in body
    board = client.get(reverse("quickscan:board", args=[scans[0].public_id])).content.decode()
    assert "niet meer getoond; de laatste stand" in board and "5 instellingen, stand" not in board

    from community.quickscan.presenters import scan_results
    line = benchmark_line(now, scan_results(scans[0]))
    assert "niet getoond" in line and "te oud" in line and "kwartiel" not in line

    client.force_login(EditorFactory())
    report = client.get(reverse("quickscan_admin:report")).content.decode()
    assert "Niet meer getoond: de laatste stand" in report
    assert "qs-median" not in report
