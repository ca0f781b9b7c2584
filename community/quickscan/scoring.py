"""How a scan is scored. Pure functions over plain values, so the rules are easy to test.

- A cell (theme × process step) scores the mean of its questions' levels.
  "Niet van toepassing" and unanswered questions do not count; a cell with
  no level at all has no score (None), which is not the same as a low score.
- A theme's average is the mean of its cells' scores, and likewise for a
  process step and for the whole scan: every step counts equally, however many
  questions editors wrote for it.
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean


def mean_or_none(values):
    values = [value for value in values if value is not None]
    return fmean(values) if values else None


def cell_scores(levels_by_cell):
    """{(theme_id, step_id): [level or None, …]} → {(theme_id, step_id): score or None}."""
    return {cell: mean_or_none(levels) for cell, levels in levels_by_cell.items()}


def group_levels(rows):
    """[(theme_id, step_id, level or None), …] → {(theme_id, step_id): [levels]}."""
    grouped = defaultdict(list)
    for theme_id, step_id, level in rows:
        grouped[(theme_id, step_id)].append(level)
    return dict(grouped)


def theme_averages(scores, theme_ids):
    return {
        theme_id: mean_or_none(score for (theme, _), score in scores.items() if theme == theme_id)
        for theme_id in theme_ids
    }


def step_averages(scores, step_ids):
    return {
        step_id: mean_or_none(score for (_, step), score in scores.items() if step == step_id)
        for step_id in step_ids
    }


def overall_average(scores):
    return mean_or_none(scores.values())


def difference(now, before):
    """now − before, or None when either is missing."""
    if now is None or before is None:
        return None
    return now - before


def rounded(value, digits=1):
    """Half up, as people round: 2.25 → 2.3 and 2.96 → 3.0 (float round() would give 2.2).

    Everything shown goes through this, and "below target" is decided on the
    rounded value, so a cell never reads "3,0 ▼" against a target of 3.
    """
    if value is None:
        return None
    step = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))
