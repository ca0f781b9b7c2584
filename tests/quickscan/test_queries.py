"""Query counts of the results and benchmark pages do not grow with themes or institutions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from community.quickscan.cohorts import Cohort
from community.quickscan.models import BenchmarkSnapshot
from community.quickscan.services import snapshot_compute
from tests.factories import InstrumentPageFactory, MemberFactory, ThemePageFactory
from tests.factories.quickscan import submitted_scan, version_with_grid

from .test_benchmark import before_reference

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grown_version(site_tree, steps, themes, extra):
    """A version over the fixture's themes plus `extra` more, each with an instrument."""
    more = [ThemePageFactory(parent=site_tree["themes"], title=f"Thema {n}", slug=f"thema-{n}")
            for n in range(extra)]
    for theme in [*themes, *more]:
        InstrumentPageFactory(parent=theme, title=f"Instrument bij {theme.title}",
                              steps=steps[:2])
    return version_with_grid([*themes, *more], steps, title=f"Quickscan {extra}")


def test_results_page_queries_do_not_grow_with_the_themes(client, site_tree, steps, themes,
                                                          make_institutions,
                                                          django_assert_max_num_queries):
    small_institution, large_institution = make_institutions(2)
    small = submitted_scan(institution=small_institution, levels={"default": 2},
                           version=grown_version(site_tree, steps, themes, 0))
    large = submitted_scan(institution=large_institution, levels={"default": 2},
                           version=grown_version(site_tree, steps, [], 9))
    client.force_login(MemberFactory(institution=small_institution))
    baseline = count_queries(client, reverse("quickscan:results", args=[small.public_id]))
    client.force_login(MemberFactory(institution=large_institution))
    url = reverse("quickscan:results", args=[large.public_id])
    with django_assert_max_num_queries(baseline):  # 9 themes × 5 steps against 2 × 5
        response = client.get(url)
    assert response.status_code == 200 and "Thema 8" in response.content.decode()
    assert baseline <= 30


def test_benchmark_page_queries_do_not_grow_with_institutions_or_themes(
    client, site_tree, steps, themes, make_institutions, django_assert_max_num_queries
):
    version = grown_version(site_tree, steps, themes, 0)
    institutions = make_institutions(5)
    for institution in institutions:
        submitted_scan(institution=institution, version=version, levels={"default": 3},
                       submitted_at=before_reference())
    client.force_login(MemberFactory(institution=institutions[0]))
    url = reverse("quickscan:benchmark")
    snapshot_compute(cohort=Cohort.UNIVERSITY_OF_APPLIED_SCIENCES)  # beat's work
    baseline = count_queries(client, url)

    bigger = grown_version(site_tree, steps, [], 7)

    BenchmarkSnapshot.objects.all().delete()
    for institution in [*institutions, *make_institutions(25)]:
        submitted_scan(institution=institution, version=bigger, levels={"default": 4},
                       submitted_at=before_reference(5))
    # A fresh snapshot with 30 institutions and 9 themes.
    snapshot_compute(cohort=Cohort.UNIVERSITY_OF_APPLIED_SCIENCES)
    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    body = response.content.decode()
    assert "30 instellingen" in body and "Thema 6" in body
    assert baseline <= 20
