"""Geometry of the reliability diagram drawn as inline SVG on the scorecard pages.

Pure: scores in, coordinates out. The templates draw what this computes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import scoring

# Reliability diagram geometry (SVG user units). The plot is a square so the diagonal is 45°.
PLOT_LEFT, PLOT_TOP, PLOT_SIZE = 48, 12, 280
# The largest dot's radius. Probabilities 0 and 1 sit this far (plus a gap) inside the plot's
# frame, so a dot at 0% or 100% is drawn whole inside the plot, never cut by its edge.
MAX_RADIUS = 10.0
MIN_RADIUS = 3.0
INSET = MAX_RADIUS + 2
# The right margin holds half of the centred "100%" tick label.
VIEW_WIDTH, VIEW_HEIGHT = PLOT_LEFT + PLOT_SIZE + 24, PLOT_TOP + PLOT_SIZE + 44

# The count labels ("came true/n"): their CSS font size, in user units, and a generous estimate of
# a bold character's width (DejaVu Sans Bold, a common default, averages 0.62 em over these), so
# that labels that would overlap are moved before a browser draws them.
COUNT_FONT_SIZE = 11
COUNT_CHAR_WIDTH = 0.66 * COUNT_FONT_SIZE
# A label's box above and below its baseline: the font's whole line box (1.17 em in DejaVu Sans),
# which is what a browser's text box covers, not just the digits' height.
COUNT_DESCENT, COUNT_ASCENT = 3, 11
# Between two rows of labels stacked above (or below) a dot.
COUNT_ROW = COUNT_ASCENT + COUNT_DESCENT + 1


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        across = self.left < other.right and other.left < self.right
        return across and self.top < other.bottom and other.top < self.bottom

    def inside(self, other: Box) -> bool:
        across = other.left <= self.left and self.right <= other.right
        return across and other.top <= self.top and self.bottom <= other.bottom


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    y_low: float
    y_high: float
    radius: float
    cap_left: float
    cap_right: float
    # Where the count label goes; None when no place near the dot is free (the table below the
    # chart and the dot's tooltip still give the count).
    label: str
    label_x: float | None
    label_y: float | None
    n: int
    came_true: int
    lower: float
    upper: float
    mean_probability: float
    observed_frequency: float

    @property
    def box(self) -> Box:
        return Box(self.x - self.radius, self.y - self.radius, self.x + self.radius, self.y + self.radius)

    @property
    def label_box(self) -> Box | None:
        if self.label_x is None or self.label_y is None:
            return None
        return _label_box(self.label, self.label_x, self.label_y)


@dataclass(frozen=True)
class ChartTick:
    value: float
    x: float
    y: float
    label: str


def plot_box() -> Box:
    return Box(PLOT_LEFT, PLOT_TOP, PLOT_LEFT + PLOT_SIZE, PLOT_TOP + PLOT_SIZE)


def compact_count(n: int) -> str:
    """A count short enough to label a dot: 950, 9.5k, 95k, 1.2M."""
    if n < 1000:
        return str(n)
    for divisor, suffix in ((1_000_000, "M"), (1000, "k")):
        if n >= divisor:
            value = n / divisor
            text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
            return text.removesuffix(".0") + suffix
    return str(n)  # pragma: no cover - every n >= 1000 matched above


def _label_box(label: str, x: float, baseline: float) -> Box:
    half = len(label) * COUNT_CHAR_WIDTH / 2
    return Box(x - half, baseline - COUNT_ASCENT, x + half, baseline + COUNT_DESCENT)


def _label_places(x: float, y: float, radius: float, label: str) -> list[tuple[float, float]]:
    """Where a dot's label may go, best first: above it, below it, then beside it, then further up
    or down (as (x of the label's centre, y of its baseline))."""
    half = len(label) * COUNT_CHAR_WIDTH / 2
    above, below = y - radius - 3 - COUNT_DESCENT, y + radius + 3 + COUNT_ASCENT
    middle = y + (COUNT_ASCENT - COUNT_DESCENT) / 2
    return [
        (x, above),
        (x, below),
        (x + radius + 3 + half, middle),
        (x - radius - 3 - half, middle),
        (x, above - COUNT_ROW),
        (x, below + COUNT_ROW),
        (x, above - 2 * COUNT_ROW),
        (x, below + 2 * COUNT_ROW),
    ]


def _place_labels(dots: list[tuple[float, float, float, str]]) -> list[tuple[float, float] | None]:
    """One place per dot's label, inside the plot, clear of every other label and every dot, or
    None. Greedy from the largest dot down: the biggest bins keep the best places."""
    frame = plot_box()
    dot_boxes = [Box(x - r, y - r, x + r, y + r) for x, y, r, _label in dots]
    placed: list[Box] = []
    places: list[tuple[float, float] | None] = [None] * len(dots)
    for index in sorted(range(len(dots)), key=lambda i: -dots[i][2]):
        x, y, radius, label = dots[index]
        for label_x, label_y in _label_places(x, y, radius, label):
            box = _label_box(label, label_x, label_y)
            if not box.inside(frame):
                continue
            if any(box.overlaps(other) for other in placed) or any(box.overlaps(dot) for dot in dot_boxes):
                continue
            places[index] = (round(label_x, 2), round(label_y, 2))
            placed.append(box)
            break
    return places


def reliability_chart(scores: scoring.Scores) -> dict:
    """Coordinates for the template: the diagonal, bin edges, and one point per non-empty bin."""
    bins = [b for b in scores.calibration if b.n]
    largest = max((b.n for b in bins), default=0)
    dots = []
    for b in bins:
        # Area proportional to n, so a bin of 40 does not look 40 times as wide as a bin of 1.
        radius = round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(b.n / largest), 2)
        dots.append((_x(b.mean_probability), _y(b.observed_frequency), radius, _count_label(b.came_true, b.n)))
    places = _place_labels(dots)
    points = [
        ChartPoint(
            x=x,
            y=y,
            y_low=_y(b.ci_low),
            y_high=_y(b.ci_high),
            radius=radius,
            cap_left=round(x - 4, 2),
            cap_right=round(x + 4, 2),
            label=label,
            label_x=place[0] if place else None,
            label_y=place[1] if place else None,
            n=b.n,
            came_true=b.came_true,
            lower=b.lower,
            upper=b.upper,
            mean_probability=b.mean_probability,
            observed_frequency=b.observed_frequency,
        )
        for b, (x, y, radius, label), place in zip(bins, dots, places, strict=True)
    ]
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


def _count_label(came_true: int, n: int) -> str:
    return f"{compact_count(came_true)}/{compact_count(n)}"


def _x(p: float) -> float:
    return round(PLOT_LEFT + INSET + p * (PLOT_SIZE - 2 * INSET), 2)


def _y(f: float) -> float:
    return round(PLOT_TOP + INSET + (1.0 - f) * (PLOT_SIZE - 2 * INSET), 2)
