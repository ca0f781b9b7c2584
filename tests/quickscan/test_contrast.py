"""WCAG contrast of the heat map (review finding 8), computed from the stylesheet itself."""

import re
from pathlib import Path

from django.conf import settings

import pytest

CSS = Path(settings.BASE_DIR) / "static" / "css" / "quickscan.css"
AA_NORMAL_TEXT = 4.5


def _rules():
    """{selector: {property: value}} of the plain (non-nested) rules."""
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.S)
    rules = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        declarations = dict(
            (name.strip(), value.strip())
            for name, value in (item.split(":", 1) for item in body.split(";") if ":" in item)
        )
        for selector in selectors.split(","):
            rules.setdefault(" ".join(selector.split()), {}).update(declarations)
    return rules


def _luminance(colour):
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(2 * c for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, two):
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(rules, band, below):
    """The fill of a cell's text as the cascade picks it (more specific selectors win)."""
    if below:
        for selector in (f".qs-band-{band}.qs-below text", ".qs-below text"):
            if "fill" in rules.get(selector, {}):
                return rules[selector]["fill"]
    return rules[f".qs-band-{band} text"]["fill"]


def test_the_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#7a1414", "#2f7a5a") == pytest.approx(2.09, abs=0.01)


@pytest.mark.parametrize("below", [False, True])
@pytest.mark.parametrize("band", range(0, 6))
def test_every_band_and_below_target_combination_is_readable(band, below):
    rules = _rules()
    background = rules[f".qs-band-{band} rect"]["fill"]
    foreground = text_colour(rules, band, below)
    ratio = contrast(foreground, background)
    assert ratio >= AA_NORMAL_TEXT, (
        f"band {band}{' below target' if below else ''}: {foreground} on {background} "
        f"is {ratio:.2f}:1"
    )
