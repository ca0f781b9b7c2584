"""Scoring: cell means, averages per theme and step, n.v.t. excluded, change since last scan."""

import datetime

from django.utils import timezone

import pytest

from community.quickscan import scoring
from community.quickscan.presenters import scan_results
from tests.factories.quickscan import submitted_scan


def test_cell_score_is_the_mean_and_nvt_does_not_count():
    levels = scoring.group_levels([
        (1, 10, 2), (1, 10, 4), (1, 10, None),  # n.v.t. excluded: (2 + 4) / 2
        (1, 20, None), (1, 20, None),            # only n.v.t.: no score, not a zero
        (2, 10, 5),
    ])
    scores = scoring.cell_scores(levels)
    assert scores == {(1, 10): 3.0, (1, 20): None, (2, 10): 5.0}


def test_averages_weigh_every_cell_equally_and_skip_cells_without_score():
    scores = {(1, 10): 2.0, (1, 20): 4.0, (1, 30): None, (2, 10): 5.0, (2, 20): None}
    assert scoring.theme_averages(scores, [1, 2]) == {1: 3.0, 2: 5.0}
    assert scoring.step_averages(scores, [10, 20, 30]) == {10: 3.5, 20: 4.0, 30: None}
    assert scoring.overall_average(scores) == pytest.approx(11 / 3)
    assert scoring.difference(3.5, None) is None
    assert scoring.difference(3.5, 2.0) == 1.5


def test_scan_results_per_cell_theme_step_and_change_since_previous(
    version, themes, steps, institution
):
    social, knowledge = themes
    questions = {(q.theme_id, q.step_id): q for q in version.questions.all()}
    earlier = timezone.now() - datetime.timedelta(days=200)
    submitted_scan(institution=institution, version=version, submitted_at=earlier,
                   levels={"default": 2})
    levels = {"default": 3, questions[(social.pk, steps[0].pk)]: 1,
              questions[(social.pk, steps[1].pk)]: None,
              questions[(knowledge.pk, steps[0].pk)]: 5}
    scan = submitted_scan(institution=institution, version=version, levels=levels)

    results = scan_results(scan)
    cell = results.cells[(social.pk, steps[0].pk)]
    assert (cell.score, cell.previous, cell.delta, cell.below_target) == (1.0, 2.0, -1.0, True)
    nvt = results.cells[(social.pk, steps[1].pk)]
    assert nvt.score is None and nvt.not_applicable_only and not nvt.below_target
    # Sociale veiligheid: 1, n.v.t., 3, 3, 3 → mean of four cells = 2.5
    assert results.theme_averages[social.pk].value == 2.5
    assert results.theme_averages[social.pk].delta == 0.5
    # Step 1 (risicomanagement): 1 and 5 → 3.0; step 2: only knowledge's 3 → 3.0
    assert results.step_averages[steps[0].pk].value == 3.0
    assert results.step_averages[steps[1].pk].value == 3.0
    assert results.overall.value == pytest.approx((1 + 3 * 3 + 5 + 3 * 4) / 9)
    assert results.previous_scan is not None and results.overall.previous == 2.0
    assert [c.step for c in results.rows()[0]["cells"]] == steps
    assert [c.key for c in results.cells_below_target()] == [(social.pk, steps[0].pk)]


def test_first_scan_has_no_change(version, institution):
    scan = submitted_scan(institution=institution, version=version, levels={"default": 4})
    results = scan_results(scan)
    assert results.previous_scan is None
    assert results.overall.value == 4.0 and results.overall.delta is None
    assert all(cell.delta is None for cell in results.cells.values())
