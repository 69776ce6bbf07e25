"""Scorecard pages: server-rendered HTML with an inline SVG reliability diagram, no JavaScript."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from . import scorecards, scoring
from .charts import reliability_chart
from .models import Outcome
from .public import pages as public_pages
from .public import selectors as public_selectors

MAX_BINS = scoring.MAX_BINS
# The overview lists the latest articles only: a large archive has tens of thousands, each with a
# page of its own reached from its forecasts, its pundits' pages and the search box.
RECENT_ARTICLES = 20
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
    # One read of the forecasts gives both the overall scorecard and the authors'.
    overall, by_author = scorecards.scorecard_and_scorecards_by("author", n_bins=n_bins)
    rankings = []
    for by, cards in (("author", by_author), ("publication", scorecards.scorecards_by("publication", n_bins=n_bins))):
        ranked, small = scorecards.ranked(cards)
        rankings.append({"by": by, "title": GROUP_TITLES[by], "ranked": ranked, "small": small})
    context = {
        "overall": overall,
        "chart": reliability_chart(overall.scores),
        "rankings": rankings,
        "tags": scorecards.scorecards_by("tag", n_bins=n_bins),
        "sources": _recent_articles(n_bins),
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


def _recent_articles(n_bins: int) -> list[scorecards.Scorecard]:
    recent = public_selectors.recent_sources(RECENT_ARTICLES)
    if not recent:
        return []
    of_recent = scorecards.confirmed_forecasts().filter(source__in=recent)
    cards = scorecards.scorecards_by("source", n_bins=n_bins, queryset=of_recent)
    order = {pk: index for index, pk in enumerate(recent)}
    return sorted(cards, key=lambda card: order[int(card.group.key)])


def _bins(request) -> int:
    try:
        n_bins = int(request.GET.get("bins", scoring.DEFAULT_BINS))
    except ValueError:
        return scoring.DEFAULT_BINS
    return min(max(n_bins, 1), MAX_BINS)
