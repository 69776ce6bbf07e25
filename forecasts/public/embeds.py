"""What other sites embed: an SVG badge and an iframe card per pundit."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_exempt

from .. import scorecards
from .caching import public_page
from .pages import scorecard_summary

# Browsers and image proxies may keep a badge for five minutes: it sits on other people's pages,
# where a few minutes' lag after a resolve costs nothing and saves a request per view.
BADGE_MAX_AGE = 300
# Average advance of an 11px sans-serif character; the badge only needs to be roughly as wide as
# its text, the way shields-style badges are measured.
CHAR_WIDTH = 6.5
LABEL_LIMIT = 40


def _author_card(key: str):
    card = scorecards.group_scorecard("author", key)
    if card is None:
        raise Http404("No forecasts recorded for this pundit.")
    return card


def badge_text(card) -> tuple[str, str]:
    label = card.group.label if len(card.group.label) <= LABEL_LIMIT else card.group.label[: LABEL_LIMIT - 1] + "…"
    if card.scores.brier is None:
        return label, "not scored yet"
    return label, f"Brier {card.scores.brier:.2f} · {card.n} scored"


@public_page(max_age=BADGE_MAX_AGE)
def badge(request, key: str):
    card = _author_card(key)
    label, value = badge_text(card)
    left = round(len(label) * CHAR_WIDTH + 12)
    right = round(len(value) * CHAR_WIDTH + 12)
    width = left + right
    title = f"{label}: {value} (Hindsight)"
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img"
 aria-label="{escape(title)}">
<title>{escape(title)}</title>
<rect width="{left}" height="20" fill="#555"/>
<rect x="{left}" width="{right}" height="20" fill="#1f5f8b"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14">{escape(label)}</text>
<text x="{left + 6}" y="14">{escape(value)}</text>
</g>
</svg>
"""
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@public_page
@xframe_options_exempt
def card(request, key: str):
    """A small scorecard for an iframe on another site; its links open Hindsight in the top window."""
    scorecard = _author_card(key)
    canonical = request.build_absolute_uri(reverse("scorecards:detail", args=["author", key]))
    return render(
        request,
        "public/card.html",
        {"card": scorecard, "canonical_url": canonical, "summary": scorecard_summary(scorecard)},
    )
