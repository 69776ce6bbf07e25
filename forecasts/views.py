"""Scorecard pages: server-rendered HTML with an inline SVG reliability diagram, no JavaScript."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from . import scorecards, scoring
from .models import Outcome
from .public import pages as public_pages

MAX_BINS = 50
GROUP_TITLES = {"author": "Author", "publication": "Outlet", "source": "Article", "tag": "Topic"}


def scorecards_visible(view):
    """Readers see scorecards without an account unless SCORECARDS_PUBLIC is off."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not getattr(settings, "SCORECARDS_PUBLIC", True) and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


@scorecards_visible
def scorecard_index(request):
    n_bins = _bins(request)
    overall = scorecards.scorecard(n_bins=n_bins)
    rankings = []
    for by in ("author", "publication"):
        ranked, small = scorecards.ranked(scorecards.scorecards_by(by, n_bins=n_bins))
        rankings.append({"by": by, "title": GROUP_TITLES[by], "ranked": ranked, "small": small})
    context = {
        "overall": overall,
        "chart": reliability_chart(overall.scores),
        "rankings": rankings,
        "tags": scorecards.scorecards_by("tag", n_bins=n_bins),
        "sources": scorecards.scorecards_by("source", n_bins=n_bins),
        "phrases": scorecards.phrase_table(scorecards.confirmed_forecasts()),
        "min_ranked_n": scorecards.MIN_RANKED_N,
        "n_bins": n_bins,
    }
    return render(request, "scorecards/index.html", context)


@scorecards_visible
def scorecard_detail(request, by: str, key: str):
    if by not in scorecards.GROUP_BY_CHOICES:
        raise Http404("No such kind of scorecard.")
    n_bins = _bins(request)
    card = scorecards.group_scorecard(by, key, n_bins=n_bins)
    if card is None:
        raise Http404("No forecasts recorded for this group.")
    forecasts = scorecards.group_forecasts(by, key)
    context = {
        "card": card,
        "group_title": GROUP_TITLES[by],
        "chart": reliability_chart(card.scores),
        "phrases": scorecards.phrase_table(forecasts),
        "bases": [(label, basis_card) for label, basis_card in scorecards.basis_scorecards(forecasts) if basis_card.n],
        "outcome": Outcome,
        "min_ranked_n": scorecards.MIN_RANKED_N,
        "n_bins": n_bins,
        **public_pages.group_page_context(request, card, forecasts),
    }
    return render(request, "scorecards/detail.html", context)


def _bins(request) -> int:
    try:
        n_bins = int(request.GET.get("bins", scoring.DEFAULT_BINS))
    except ValueError:
        return scoring.DEFAULT_BINS
    return min(max(n_bins, 1), MAX_BINS)


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
