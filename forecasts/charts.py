"""Geometry of the reliability diagram drawn as inline SVG on the scorecard pages.

Pure: scores in, coordinates out. The templates draw what this computes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import scoring

# Reliability diagram geometry (SVG user units). The plot is a square so the diagonal is 45°.
PLOT_LEFT, PLOT_TOP, PLOT_SIZE = 48, 12, 280
# The right margin holds half of the centred "100%" tick label and of a dot drawn at p = 1.
VIEW_WIDTH, VIEW_HEIGHT = PLOT_LEFT + PLOT_SIZE + 24, PLOT_TOP + PLOT_SIZE + 44


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    y_low: float
    y_high: float
    radius: float
    cap_left: float
    cap_right: float
    label_y: float
    n: int
    came_true: int
    lower: float
    upper: float
    mean_probability: float
    observed_frequency: float


@dataclass(frozen=True)
class ChartTick:
    value: float
    x: float
    y: float
    label: str


def reliability_chart(scores: scoring.Scores) -> dict:
    """Coordinates for the template: the diagonal, bin edges, and one point per non-empty bin."""
    largest = max((b.n for b in scores.calibration), default=0)
    points = []
    for b in scores.calibration:
        if not b.n:
            continue
        # Area proportional to n, so a bin of 40 does not look 40 times as wide as a bin of 1.
        radius = 3.0 + 7.0 * math.sqrt(b.n / largest)
        y = _y(b.observed_frequency)
        points.append(
            ChartPoint(
                x=_x(b.mean_probability),
                y=y,
                y_low=_y(b.ci_low),
                y_high=_y(b.ci_high),
                radius=round(radius, 2),
                cap_left=round(_x(b.mean_probability) - 4, 2),
                cap_right=round(_x(b.mean_probability) + 4, 2),
                # Label above the point, or below it when the point is at the top edge.
                label_y=y - radius - 3 if y - radius - 14 > PLOT_TOP else y + radius + 11,
                n=b.n,
                came_true=b.came_true,
                lower=b.lower,
                upper=b.upper,
                mean_probability=b.mean_probability,
                observed_frequency=b.observed_frequency,
            )
        )
    ticks = [ChartTick(value=v / 10, x=_x(v / 10), y=_y(v / 10), label=f"{v * 10}%") for v in range(0, 11, 2)]
    edges = scoring.bin_edges(len(scores.calibration)) if scores.calibration else []
    return {
        "width": VIEW_WIDTH,
        "height": VIEW_HEIGHT,
        "left": PLOT_LEFT,
        "top": PLOT_TOP,
        "right": PLOT_LEFT + PLOT_SIZE,
        "bottom": PLOT_TOP + PLOT_SIZE,
        "size": PLOT_SIZE,
        "centre": PLOT_LEFT + PLOT_SIZE / 2,
        "middle": PLOT_TOP + PLOT_SIZE / 2,
        "x_label_y": PLOT_TOP + PLOT_SIZE + 36,
        "tick_label_y": PLOT_TOP + PLOT_SIZE + 16,
        "edges": [_x(e) for e in edges[1:-1]] if len(edges) <= 21 else [],
        "ticks": ticks,
        "points": points,
    }


def _x(p: float) -> float:
    return round(PLOT_LEFT + p * PLOT_SIZE, 2)


def _y(f: float) -> float:
    return round(PLOT_TOP + (1.0 - f) * PLOT_SIZE, 2)
