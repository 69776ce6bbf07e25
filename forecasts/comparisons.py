"""Comparisons that make a Brier score fair: pundits on the same events (head-to-head) and
forecasts against a reference probability (relative Brier), each with a 95 % interval.

Head-to-head: on every event both pundits forecast (scored forecasts only), each pundit's Brier
on the event (the mean over their forecasts linked to it, each judged by its own outcome), the
difference a − b per event, and the mean difference with its paired t interval. Negative means
a forecast better.

Relative: per scored forecast with a reference, (p − o)² − (r − o)², its mean and t interval.
The reference is the forecast's own, else its event's (`reference_for` in models.py); the
difference is stored per forecast (`Forecast.relative_brier`), so no query joins the events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Case, F, FloatField, QuerySet, Value, When

from sources.models import Author

from . import scoring, slices
from .models import SCORED, UNCONFIRMED, Event, Forecast, Outcome
from .scorecards import GROUPINGS, Scorecard, confirmed_forecasts, counted_in, relative_aggregates

_OUTCOME = Case(When(outcome=Outcome.YES, then=Value(1.0)), default=Value(0.0), output_field=FloatField())


def brier_expression() -> Any:
    error = F("probability") - _OUTCOME
    return error * error


@dataclass(frozen=True)
class Relative:
    """Pundit minus reference on the scored forecasts that had a reference."""

    n: int
    brier_minus_reference: float | None
    ci_low: float | None
    ci_high: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "brier_minus_reference": self.brier_minus_reference,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
        }


NO_RELATIVE = Relative(0, None, None, None)


def _with_reference(queryset: QuerySet[Forecast]) -> QuerySet[Forecast]:
    return queryset.exclude(status__in=UNCONFIRMED).filter(relative_brier__isnull=False)


def _relative(row: dict[str, Any]) -> Relative:
    return _relative_from(row["relative_n"], row["relative_total"] or 0.0, row["relative_squares"] or 0.0)


def _relative_from(n: int, total: float, total_of_squares: float) -> Relative:
    interval = scoring.mean_interval_from_sums(n, total, total_of_squares)
    return Relative(interval.n, interval.mean, interval.ci_low, interval.ci_high)


def relative_scores(queryset: QuerySet[Forecast] | None = None) -> Relative:
    """The relative Brier of `queryset` (default: every confirmed forecast), from one query."""
    queryset = confirmed_forecasts() if queryset is None else queryset
    row = _with_reference(queryset).aggregate(**relative_aggregates())
    return _relative(row) if row["relative_n"] else NO_RELATIVE


def relative_by(by: str, queryset: QuerySet[Forecast] | None = None) -> dict[str, Relative]:
    """The relative Brier per author, publication, source or tag (keys as in the scorecards);
    groups without a reference are left out."""
    grouping = GROUPINGS[by]
    queryset = confirmed_forecasts() if queryset is None else queryset
    rows = (
        _with_reference(queryset.filter(**{f"{grouping.key}__isnull": False}))
        .values(group_key=F(grouping.key))
        .annotate(**relative_aggregates())
        .order_by()
    )
    return {str(row["group_key"]): _relative(row) for row in rows}


def relative_for(cards: list[Scorecard], *, by: str | None, filters: slices.Slice) -> list[Relative]:
    """The relative Brier beside each scorecard of `scorecards_by(by)` (or the overall one when
    `by` is None), over the same slice and counted by the same early rule.

    The scorecards' own query already summed it over each card's forecasts (`relative_totals`):
    then no query at all. Otherwise one."""
    if all(card.relative_totals is not None for card in cards):
        return [_relative_from(*card.relative_totals) if card.relative_totals[0] else NO_RELATIVE for card in cards]
    rows = counted_in(filters)
    if by is None:
        return [relative_scores(rows)]
    relatives = relative_by(by, rows)
    return [relatives.get(card.group.key, NO_RELATIVE) for card in cards]


# ----- head-to-head ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SharedEvent:
    event_id: int
    brier_a: float
    brier_b: float


@dataclass(frozen=True)
class HeadToHead:
    a: int
    b: int
    events: list[SharedEvent]
    interval: scoring.MeanInterval

    @property
    def n(self) -> int:
        return self.interval.n

    @property
    def mean_difference(self) -> float | None:
        """Mean Brier of a minus b on the shared events: negative when a forecast better."""
        return self.interval.mean

    @property
    def verdict(self) -> str:
        """'beat' or 'lost to' when the interval excludes 0; else 'not distinguishable'."""
        i = self.interval
        if i.ci_high is not None and i.ci_high < 0:
            return "beat"
        if i.ci_low is not None and i.ci_low > 0:
            return "lost to"
        return "not distinguishable"

    def as_dict(self, names: dict[int, str], titles: dict[int, str]) -> dict[str, Any]:
        return {
            "a": {"id": self.a, "name": names.get(self.a, "")},
            "b": {"id": self.b, "name": names.get(self.b, "")},
            "n_events": self.n,
            "mean_brier_difference": self.mean_difference,
            "ci_low": self.interval.ci_low,
            "ci_high": self.interval.ci_high,
            "verdict": self.verdict,
            "events": [
                {"id": e.event_id, "title": titles.get(e.event_id, ""), "brier_a": e.brier_a, "brier_b": e.brier_b}
                for e in self.events
            ],
        }


def _scored_on_events() -> QuerySet[Forecast]:
    return Forecast.objects.filter(SCORED, event__isnull=False)


def _per_event_brier(queryset: QuerySet[Forecast]) -> dict[int, dict[int, float]]:
    """author -> event -> the author's mean Brier on the event, from one GROUP BY query."""
    rows = (
        queryset.values_list("author_id", "event_id")
        .annotate(brier=Avg(brier_expression(), output_field=FloatField()))
        .order_by()
    )
    by_author: dict[int, dict[int, float]] = defaultdict(dict)
    for author_id, event_id, brier in rows:
        by_author[author_id][event_id] = brier
    return by_author


def _compare(a: int, b: int, briers_a: dict[int, float], briers_b: dict[int, float]) -> HeadToHead:
    shared = sorted(set(briers_a) & set(briers_b))
    events = [SharedEvent(event_id, briers_a[event_id], briers_b[event_id]) for event_id in shared]
    interval = scoring.paired_t_interval([e.brier_a - e.brier_b for e in events])
    return HeadToHead(a=a, b=b, events=events, interval=interval)


def head_to_head(a: int, b: int) -> HeadToHead:
    """Pundit a against pundit b on the events both forecast (one query)."""
    briers = _per_event_brier(_scored_on_events().filter(author_id__in=[a, b]))
    return _compare(a, b, briers.get(a, {}), briers.get(b, {}))


def opponents(author_id: int) -> list[HeadToHead]:
    """Every pundit who shares an event with `author_id`, as head-to-heads from the author's side,
    best result first (one query)."""
    their_events = _scored_on_events().filter(author_id=author_id).values("event_id")
    briers = _per_event_brier(_scored_on_events().filter(event_id__in=their_events))
    own = briers.pop(author_id, {})
    results = [_compare(author_id, other, own, other_briers) for other, other_briers in briers.items()]
    results = [r for r in results if r.n]
    results.sort(key=lambda r: (r.mean_difference, -r.n, r.b))
    return results


def author_names(ids: list[int]) -> dict[int, str]:
    return dict(Author.objects.filter(pk__in=ids).values_list("pk", "name"))


def event_titles(ids: list[int]) -> dict[int, str]:
    titles: dict[int, str] = {}
    # Chunks stay below SQLite's limit on query parameters.
    for start in range(0, len(ids), 10_000):
        titles.update(Event.objects.filter(pk__in=ids[start : start + 10_000]).values_list("pk", "title"))
    return titles
