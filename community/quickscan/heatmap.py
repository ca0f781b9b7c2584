"""The heat map of theme × process step as SVG, drawn on the server.

This module only does the geometry; `templates/quickscan/includes/heatmap.svg`
draws it. Every cell shows its score as text as well as colour (colour alone
must not carry the meaning), cells below the target get a heavy outline and a
marker, and the page always has the same figures as a table beside it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import LEVEL_NAMES
from .scoring import rounded

LABEL_WIDTH = 190
HEADER_HEIGHT = 64
CELL_WIDTH = 116
CELL_HEIGHT = 44
AVERAGE_GAP = 10
LEGEND_HEIGHT = 46


def score_text(value):
    """3.25 → '3,3' (Dutch decimal comma, rounded half up); None → '–'."""
    if value is None:
        return "–"
    return f"{rounded(value):.1f}".replace(".", ",")


def delta_text(value):
    if value is None:
        return ""
    if abs(value) < 0.05:
        return "±0"
    return ("+" if value > 0 else "−") + score_text(abs(value))


@dataclass
class SvgCell:
    x: int
    y: int
    band: int
    text: str
    below_target: bool
    label: str


def heatmap(results):
    """The drawing for a ScanResults: size, header labels, rows of cells, legend."""
    steps, rows = results.steps, results.rows()
    grid_width = CELL_WIDTH * len(steps)
    average_x = LABEL_WIDTH + grid_width + AVERAGE_GAP
    width = average_x + CELL_WIDTH
    height = HEADER_HEIGHT + CELL_HEIGHT * (len(rows) + 1) + AVERAGE_GAP + LEGEND_HEIGHT
    headers = [
        {"x": LABEL_WIDTH + index * CELL_WIDTH + CELL_WIDTH // 2, "text": step.name}
        for index, step in enumerate(steps)
    ] + [{"x": average_x + CELL_WIDTH // 2, "text": "Gemiddeld"}]
    svg_rows = []
    for row_index, row in enumerate(rows):
        y = HEADER_HEIGHT + row_index * CELL_HEIGHT
        cells = [
            SvgCell(
                x=LABEL_WIDTH + index * CELL_WIDTH, y=y, band=cell.band,
                text=score_text(cell.score) + (" ▼" if cell.below_target else ""),
                below_target=cell.below_target,
                label=_("{theme}, {step}: {score}").format(
                    theme=row["theme"].label, step=cell.step.name, score=score_text(cell.score)),
            )
            for index, cell in enumerate(row["cells"])
        ]
        average = row["average"].value
        cells.append(SvgCell(
            x=average_x, y=y, band=_band(average), text=score_text(average),
            below_target=False, label=_("{name}, gemiddeld: {score}").format(
                name=row["theme"].label, score=score_text(average)),
        ))
        svg_rows.append({"y": y, "text_y": y + CELL_HEIGHT // 2 + 5,
                         "label": row["theme"].label, "cells": cells})
    footer_y = HEADER_HEIGHT + len(rows) * CELL_HEIGHT + AVERAGE_GAP
    footer = [
        SvgCell(x=LABEL_WIDTH + index * CELL_WIDTH, y=footer_y, band=_band(column["average"].value),
                text=score_text(column["average"].value), below_target=False,
                label=_("{name}, gemiddeld: {score}").format(
                    name=column["step"].name, score=score_text(column["average"].value)))
        for index, column in enumerate(results.columns())
    ]
    footer.append(SvgCell(
        x=average_x, y=footer_y, band=_band(results.overall.value),
        text=score_text(results.overall.value), below_target=False,
        label=_("Totaal gemiddeld: {score}").format(score=score_text(results.overall.value)),
    ))
    legend_y = footer_y + CELL_HEIGHT + 14
    legend = [
        {"x": LABEL_WIDTH + (level - 1) * CELL_WIDTH, "band": level,
         "text": f"{level} {LEVEL_NAMES[level].lower()}"}
        for level in range(1, 6)
    ]
    return {
        "width": width,
        "height": height,
        "cell_width": CELL_WIDTH,
        "cell_height": CELL_HEIGHT,
        "label_width": LABEL_WIDTH,
        "headers": headers,
        "header_y": HEADER_HEIGHT - 14,
        "rows": svg_rows,
        "footer": footer,
        "footer_y": footer_y,
        "footer_text_y": footer_y + CELL_HEIGHT // 2 + 5,
        "legend": legend,
        "legend_y": legend_y,
        "summary": summary(results),
    }


def _band(value):
    return 0 if value is None else max(1, min(5, int(value + 0.5)))


def summary(results):
    """The <desc> of the drawing: the main facts in one or two sentences."""
    scored = results.scored_cells()
    if not scored:
        return _("Er zijn nog geen scores.")
    high = max(scored, key=lambda cell: cell.score)
    low = min(scored, key=lambda cell: cell.score)
    below = len(results.cells_below_target())
    return _(
        "Gemiddelde score {overall} van 5. Hoogste cel: {high_theme}, {high_step} ({high}); "
        "laagste cel: {low_theme}, {low_step} ({low}). {below} van de {scored} gescoorde "
        "cellen liggen onder het streefniveau {target}. De tabel hieronder bevat alle cijfers."
    ).format(
        overall=score_text(results.overall.value), high_theme=high.theme.label,
        high_step=high.step.name, high=score_text(high.score), low_theme=low.theme.label,
        low_step=low.step.name, low=score_text(low.score), below=below, scored=len(scored),
        target=results.target,
    )
