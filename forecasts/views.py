"""Scorecard pages: server-rendered HTML with an inline SVG reliability diagram, no JavaScript."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from . import comparisons, scorecards, scoring, slices
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


# Query parameters a page reads itself besides the slice: the bins, and the list of calls'.
INDEX_PARAMS = ("bins",)
DETAIL_PARAMS = ("bins", "page", "status", "q")


def _slice_or_400(request, other_params):
    """The slice the query string asks for, or the 400 page that says what is wrong with it."""
    try:
        return slices.parse(request.GET, other_params=other_params), None
    except slices.SliceError as error:
        context = {"error": error, "params": slices.PARAMS, "other_params": other_params}
        return None, render(request, "scorecards/bad_filter.html", context, status=400)


def _slice_context(request, filters: slices.Slice) -> dict:
    shown = request.GET.copy()
    shown.pop("early", None)
    shown.pop("page", None)
    switched = shown.copy()
    if not filters.include_early:
        switched["early"] = "include"
    return {
        "filters": filters,
        "filter_words": filters.describe(),
        "early_switch_query": switched.urlencode(),
        "horizons": [(value, label) for value, (label, _low, _high) in slices.HORIZONS.items()],
    }


@scorecards_visible
def scorecard_index(request):
    filters, bad_request = _slice_or_400(request, INDEX_PARAMS)
    if bad_request:
        return bad_request
    n_bins = _bins(request)
    # One read of the forecasts gives both the overall scorecard and the authors'.
    overall, by_author = scorecards.scorecard_and_scorecards_by("author", n_bins=n_bins, filters=filters)
    by_publication = scorecards.scorecards_by("publication", n_bins=n_bins, filters=filters)
    rankings = []
    for by, cards in (("author", by_author), ("publication", by_publication)):
        ranked, small = scorecards.ranked(cards)
        rankings.append({"by": by, "title": GROUP_TITLES[by], "ranked": ranked, "small": small})
    context = {
        "overall": overall,
        "chart": reliability_chart(overall.scores),
        "rankings": rankings,
        "tags": scorecards.scorecards_by("tag", n_bins=n_bins, filters=filters),
        "sources": _recent_articles(n_bins, filters),
        "recent_articles": RECENT_ARTICLES,
        "phrases": scorecards.phrase_table(scorecards.confirmed_forecasts(), filters=filters),
        "min_ranked_n": scorecards.MIN_RANKED_N,
        "n_bins": n_bins,
        **_slice_context(request, filters),
        # Summed by the scorecards' own query: no second read of the forecasts.
        "relative": comparisons.relative_for([overall], by=None, filters=filters)[0],
    }
    return render(request, "scorecards/index.html", context)


@scorecards_visible
def scorecard_detail(request, by: str, key: str):
    if by not in scorecards.GROUP_BY_CHOICES:
        raise Http404("No such kind of scorecard.")
    filters, bad_request = _slice_or_400(request, DETAIL_PARAMS)
    if bad_request:
        return bad_request
    n_bins = _bins(request)
    card = scorecards.group_scorecard(by, key, n_bins=n_bins, filters=filters)
    if card is None:
        raise Http404("No forecasts recorded for this group.")
    forecasts = scorecards.group_forecasts(by, key)
    years = scorecards.yearly_scorecards(forecasts, n_bins=n_bins, filters=filters) if by == "author" else []
    context = {
        "card": card,
        "group_title": GROUP_TITLES[by],
        "chart": reliability_chart(card.scores),
        "phrases": scorecards.phrase_table(forecasts, filters=filters),
        "bases": [
            (label, basis_card)
            for label, basis_card in scorecards.basis_scorecards(forecasts, filters=filters)
            if basis_card.n
        ],
        "years": years,
        "brier_trend": scorecards.brier_trend(years),
        "outcome": Outcome,
        "min_ranked_n": scorecards.MIN_RANKED_N,
        "n_bins": n_bins,
        "relative": comparisons.relative_for([card], by=None, filters=filters)[0],
        "opponents": _opponents(int(key)) if by == "author" else [],
        **public_pages.group_page_context(request, card, forecasts.filter(filters.q())),
        **_slice_context(request, filters),
    }
    return render(request, "scorecards/detail.html", context)


def _recent_articles(n_bins: int, filters: slices.Slice) -> list[scorecards.Scorecard]:
    recent = public_selectors.recent_sources(RECENT_ARTICLES)
    if not recent:
        return []
    of_recent = scorecards.confirmed_forecasts().filter(source__in=recent)
    cards = scorecards.scorecards_by("source", n_bins=n_bins, queryset=of_recent, filters=filters)
    order = {pk: index for index, pk in enumerate(recent)}
    return sorted(cards, key=lambda card: order[int(card.group.key)])


def _opponents(author_id: int) -> list[dict]:
    """Who the pundit beat and lost to on shared events, best result first."""
    results = comparisons.opponents(author_id)
    names = comparisons.author_names([result.b for result in results])
    return [{"result": result, "name": names.get(result.b, "")} for result in results]


def _bins(request) -> int:
    try:
        n_bins = int(request.GET.get("bins", scoring.DEFAULT_BINS))
    except ValueError:
        return scoring.DEFAULT_BINS
    return min(max(n_bins, 1), MAX_BINS)
