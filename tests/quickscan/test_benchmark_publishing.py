"""Benchmark snapshots are published by a task (beat) or a command; pages only read them."""

import io
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from celery.schedules import crontab

from community.quickscan import tasks
from community.quickscan.benchmark import next_reference_date, reference_date
from community.quickscan.cohorts import Cohort
from community.quickscan.models import BenchmarkSnapshot
from config.celery_app import app
from tests.factories import EditorFactory, MemberFactory

from .test_benchmark import cohort_scans

pytestmark = pytest.mark.django_db
HBO = Cohort.UNIVERSITY_OF_APPLIED_SCIENCES
WRITES = ("INSERT", "UPDATE", "DELETE")


def benchmark_writes(queries):
    return [query["sql"] for query in queries
            if query["sql"].lstrip().upper().startswith(WRITES)
            and "quickscan_benchmarksnapshot" in query["sql"]]


@pytest.fixture
def five(version, make_institutions):
    institutions = make_institutions(5)
    scans = cohort_scans(version, institutions, [1, 2, 3, 4, 5])
    return institutions, scans


def pages(institutions, scans):
    """(who, url) for every page that shows the benchmark."""
    member = MemberFactory(institution=institutions[0])
    return [
        (member, reverse("quickscan:benchmark")),
        (member, reverse("quickscan:board", args=[scans[0].public_id])),
        (member, reverse("quickscan:board_pdf", args=[scans[0].public_id])),
        (EditorFactory(), reverse("quickscan_admin:report")),
    ]


def assert_pages_write_nothing(client, five):
    before = BenchmarkSnapshot.objects.count()
    for user, url in pages(*five):
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        assert benchmark_writes(captured.captured_queries) == [], url
    assert BenchmarkSnapshot.objects.count() == before


def test_no_page_computes_or_stores_a_snapshot(client, five):
    assert_pages_write_nothing(client, five)
    assert BenchmarkSnapshot.objects.count() == 0


def test_before_anything_is_published_the_page_says_there_are_no_figures_yet(client, five):
    institutions, scans = five
    client.force_login(MemberFactory(institution=institutions[0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert 'id="geen-benchmark"' in body and "Nog geen cijfers" in body
    assert "qs-benchmark-table" not in body
    board = client.get(reverse("quickscan:board", args=[scans[0].public_id])).content.decode()
    assert "Sectorbenchmark hogescholen: nog niet beschikbaar (nog geen cijfers" in board


def test_after_publishing_the_pages_read_the_snapshot_and_still_write_nothing(client, five):
    tasks.quickscan_benchmark_publish()
    assert_pages_write_nothing(client, five)
    client.force_login(MemberFactory(institution=five[0][0]))
    body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert 'id="benchmark-stand"' in body and "qs-benchmark-table" in body


def test_the_task_publishes_every_cohort_once_a_quarter(five):
    assert tasks.quickscan_benchmark_publish() == 1  # only the hogescholen have five
    snapshots = BenchmarkSnapshot.objects.all()
    assert sorted(snapshots.values_list("cohort", flat=True)) == sorted(Cohort.values)
    current = reference_date(timezone.localdate())
    assert set(snapshots.values_list("reference_date", flat=True)) == {current}
    hbo = snapshots.get(cohort=HBO)
    assert hbo.published and hbo.institution_count == 5 and hbo.figures
    assert not snapshots.filter(published=True).exclude(cohort=HBO).exists()
    # Daily runs in the same quarter change nothing, whatever was submitted since.
    before = list(snapshots.order_by("pk").values())
    assert tasks.quickscan_benchmark_publish() == 1
    assert list(BenchmarkSnapshot.objects.order_by("pk").values()) == before


def test_the_task_publishes_as_the_first_view_of_a_quarter_did(version, make_institutions):
    """The same rule: a new stand only when k institutions changed."""
    institutions = make_institutions(10)
    cohort_scans(version, institutions[:5], [1, 1, 1, 1, 1])
    tasks.quickscan_benchmark_publish()
    cohort_scans(version, institutions[5:9], [5, 5, 5, 5], when=timezone.now())
    later = next_reference_date(timezone.localdate())
    with mock.patch("django.utils.timezone.localdate", return_value=later):
        tasks.quickscan_benchmark_publish()
    candidate = BenchmarkSnapshot.objects.get(cohort=HBO, reference_date=later)
    assert candidate.institution_count == 9 and not candidate.published  # 4 < k changed
    cohort_scans(version, institutions[9:], [5], when=timezone.now())
    following = next_reference_date(later)
    with mock.patch("django.utils.timezone.localdate", return_value=following):
        tasks.quickscan_benchmark_publish()
    assert BenchmarkSnapshot.objects.get(cohort=HBO, reference_date=following).published


def test_the_command_does_the_same_without_beat(five):
    out = io.StringIO()
    call_command("quickscan_publish_benchmark", stdout=out)
    assert BenchmarkSnapshot.objects.count() == len(Cohort.values)
    assert "Hogescholen: stand per" in out.getvalue() and ", gepubliceerd." in out.getvalue()
    call_command("quickscan_publish_benchmark", stdout=io.StringIO())
    assert BenchmarkSnapshot.objects.count() == len(Cohort.values)
    day = next_reference_date(timezone.localdate())
    call_command("quickscan_publish_benchmark", datum=day.isoformat(), stdout=io.StringIO())
    assert BenchmarkSnapshot.objects.filter(reference_date=day).count() == len(Cohort.values)


def test_beat_runs_the_task_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["quickscan-benchmark-publish"]
    assert entry["task"] == "community.quickscan.tasks.quickscan_benchmark_publish"
    assert entry["schedule"] == crontab(hour=0, minute=15)
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks


def test_a_page_in_a_new_quarter_before_the_task_ran_keeps_the_last_stand(client, five):
    """Between midnight and the task's run the previous stand stays, not marked stale."""
    institutions, _ = five
    tasks.quickscan_benchmark_publish()
    later = next_reference_date(timezone.localdate())
    client.force_login(MemberFactory(institution=institutions[0]))
    with mock.patch("django.utils.timezone.localdate", return_value=later):
        body = client.get(reverse("quickscan:benchmark")).content.decode()
    assert 'id="benchmark-stand"' in body and "te weinig instellingen veranderd" not in body
    assert BenchmarkSnapshot.objects.filter(reference_date=later).count() == 0
