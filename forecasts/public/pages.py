"""The public pages: one page per confirmed forecast, the calls on a scorecard page, search."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from .. import rules
from ..models import Forecast, Outcome, Status, local_today
from . import selectors
from .caching import public_page

CALLS_PER_PAGE = 25


def forecast_slug(forecast: Forecast) -> str:
    return forecast.slug


def forecast_url(forecast: Forecast) -> str:
    return reverse("public:forecast", args=[forecast.pk, forecast_slug(forecast)])


@dataclass(frozen=True)
class QuoteInContext:
    before: str
    quote: str
    after: str


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s+")


def quote_in_context(text: str, quote: str) -> QuoteInContext | None:
    """The quote with the rest of its sentence around it, as the article has it; None when the
    article text is not stored or does not contain the quote."""
    if not text or not quote.strip():
        return None
    # Spaces and line breaks differ between the stored article and the recorded quote.
    words = [re.escape(word) for word in quote.strip().strip('“”"').split()]
    match = re.search(r"\s+".join(words), text, flags=re.IGNORECASE)
    if match is None:
        return None
    start, end = match.span()
    sentence_start = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = boundary.end()
    following = _SENTENCE_END.search(text, end)
    sentence_end = following.end() if following else len(text)
    # Paragraph breaks end a sentence too (headings, captions).
    before = text[sentence_start:start].rsplit("\n\n", 1)[-1]
    after = text[end:sentence_end].split("\n\n", 1)[0]
    return QuoteInContext(before=" ".join(before.split()), quote=text[start:end], after=" ".join(after.split()))


@dataclass(frozen=True)
class CallState:
    """What a reader needs to know at a glance about one call."""

    kind: str  # "open", "due", "scored", "unscored"
    label: str
    detail: str


def call_state(forecast: Forecast, *, today=None) -> CallState:
    today = today or local_today()
    if forecast.status in (Status.OPEN, Status.DUE):
        days = (forecast.deadline - today).days
        if days > 0:
            detail = f"{days} day{'s' if days != 1 else ''} to the deadline"
        elif days == 0:
            detail = "the deadline is today"
        else:
            detail = f"deadline passed {-days} day{'s' if days != -1 else ''} ago; awaiting review"
        return CallState("open" if forecast.status == Status.OPEN else "due", "Open", detail)
    if forecast.is_scored:
        came_true = forecast.outcome == Outcome.YES
        brier = (forecast.probability - (1.0 if came_true else 0.0)) ** 2
        if forecast.deadline >= today:
            # Forecast.objects.counted: it waits for the deadline, when it could have gone either way.
            return CallState(
                "waiting",
                "Came true" if came_true else "Did not come true",
                f"resolved early, counted at the deadline ({forecast.deadline.isoformat()}): Brier {brier:.3f}",
            )
        return CallState(
            "scored",
            "Came true" if came_true else "Did not come true",
            f"scored: Brier {brier:.3f} for this call (0 is perfect, 0.25 is a coin toss's)",
        )
    if forecast.outcome == Outcome.AMBIGUOUS:
        why = "not scored: the evidence cannot decide it"
        label = "Ambiguous"
    elif forecast.outcome == Outcome.ANNULLED:
        why = "not scored: the claim cannot be checked as stated"
        label = "Annulled"
    else:
        why = "not scored: the words carried no probability"
        label = "Came true" if forecast.outcome == Outcome.YES else "Did not come true"
    return CallState("unscored", label, why)


def calls_context(request, forecasts) -> dict:
    """The filterable, searchable, paginated list of calls for a scorecard page."""
    status = request.GET.get("status") or ""
    tag = selectors.clean_query(request.GET.get("tag"))
    query = selectors.clean_query(request.GET.get("q"))
    calls = selectors.calls_in_order(selectors.filter_calls(forecasts, status=status, tag=tag, query=query))
    page = Paginator(calls, CALLS_PER_PAGE).get_page(request.GET.get("page"))
    today = local_today()
    filters = request.GET.copy()
    filters.pop("page", None)
    return {
        "calls": page,
        "call_rows": [(forecast, call_state(forecast, today=today), forecast_url(forecast)) for forecast in page],
        "status_filters": [(value, label) for value, (label, _q) in selectors.STATUS_FILTERS.items()],
        "status": status if status in selectors.STATUS_FILTERS else "",
        "tag": tag,
        "query": query,
        "tags": selectors.tags_of(forecasts),
        "filter_query": filters.urlencode(),
    }


def group_page_context(request, card, forecasts) -> dict:
    """What a scorecard page adds to its scores: its calls, downloads, feed, embeds and preview."""
    by, key = card.group.by, card.group.key
    canonical = reverse("scorecards:detail", args=[by, key])
    context = calls_context(request, forecasts)
    context.update(
        {
            "download_base": canonical,
            "feed_url": reverse("public:feed", args=[by, key]),
            "badge_url": reverse("public:badge", args=[key]) if by == "author" else None,
            "card_url": reverse("public:card", args=[key]) if by == "author" else None,
            "meta_title": f"{card.group.label}: forecast scorecard",
            "meta_description": scorecard_summary(card),
            "meta_url": request.build_absolute_uri(canonical),
        }
    )
    return context


def scorecard_summary(card) -> str:
    counts = card.counts
    open_calls = counts.get("open", 0) + counts.get("due", 0)
    if card.scores.brier is None:
        return f"{counts.get('total', 0)} forecasts recorded, {open_calls} open; none scored yet."
    return (
        f"Brier score {card.scores.brier:.3f} over {card.n} scored forecasts (lower is better; always saying "
        f"50% earns 0.25); {open_calls} open."
    )


def _public_forecast(pk: str) -> Forecast:
    forecast_id = rules.parse_id(pk)
    if forecast_id is None:
        raise Http404("No such forecast.")
    return get_object_or_404(selectors.public_forecasts().with_related().prefetch_related("tags"), pk=forecast_id)


@public_page
def forecast_redirect(request, pk: str):
    return redirect(forecast_url(_public_forecast(pk)), permanent=True)


@public_page
def forecast_detail(request, pk: str, slug: str):
    forecast = _public_forecast(pk)
    canonical = forecast_url(forecast)
    if slug != forecast_slug(forecast):
        return redirect(canonical, permanent=True)
    corrections = list(forecast.corrections.select_related("corrected_by"))
    context = {
        "forecast": forecast,
        "state": call_state(forecast),
        "in_context": quote_in_context(forecast.source.text, forecast.quote),
        "corrections": corrections,
        "resolver": _person(forecast.resolved_by),
        "author_url": reverse("scorecards:detail", args=["author", forecast.author_id]),
        "source_url": reverse("scorecards:detail", args=["source", forecast.source_id]),
        "publication_url": (
            reverse("scorecards:detail", args=["publication", forecast.source.publication_id])
            if forecast.source.publication_id
            else None
        ),
        "outcome": Outcome,
        "meta_title": forecast.claim,
        "meta_description": forecast_summary(forecast),
        "meta_url": request.build_absolute_uri(canonical),
    }
    return render(request, "public/forecast.html", context)


def forecast_summary(forecast: Forecast) -> str:
    """One line for link previews and feeds: who, how sure, and what became of it."""
    chance = f"{round(forecast.probability * 100)}%" if forecast.probability is not None else "no number"
    state = call_state(forecast)
    return f"{forecast.author.name} ({chance}, made {forecast.made_on:%Y-%m-%d}): {state.label}, {state.detail}."


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


@public_page
def search(request):
    results = selectors.search_site(request.GET.get("q", ""))
    page = Paginator(results.forecasts, CALLS_PER_PAGE).get_page(request.GET.get("page"))
    today = local_today()
    return render(
        request,
        "public/search.html",
        {
            "results": results,
            "claims": page,
            "claim_rows": [(f, call_state(f, today=today), forecast_url(f)) for f in page],
        },
    )
