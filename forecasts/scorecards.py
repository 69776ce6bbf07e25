"""Scorecards: forecasts rows turned into scores, aggregated in the database.

The database does the heavy lifting: one ``GROUP BY (group, cell)`` query returns the
per-bin sufficient statistics that `forecasts.scoring.score_bins` turns into scores, the
counts, and the sums of the relative Brier. It loads no forecast row into Python, so the cost
does not grow with the history in memory.

Counts (all over confirmed forecasts; proposed candidates are not forecasts yet):
``total = open + due + resolved`` and ``resolved = scored + unscored + waiting``, where
unscored ones are ambiguous, annulled, or decided but carried no probability, and waiting ones
were resolved before their deadline passed and count from the day after it
(`Forecast.objects.counted`). The waiting rows are grouped apart in the same query (one more
grouping column) and only counted.
"""

from __future__ import annotations

import datetime
import operator
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Model,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Greatest, Least, Ln, Lower, Power, Trim

from sources.models import Author, Publication, Source

from . import rules, scoring, slices
from .models import (
    CELL_AMBIGUOUS,
    CELL_ANNULLED,
    CELL_DUE,
    CELL_OPEN,
    SCORED,
    UNCONFIRMED,
    Forecast,
    Outcome,
    ProbabilityBasis,
    Status,
    Tag,
    calibration_cell_case,
    local_today,
    waiting_condition,
)

GROUP_BY_CHOICES = ("author", "publication", "source", "tag")
# Fewer scored forecasts than this and a Brier score says more about luck than skill:
# such groups are listed, marked, after the ranked ones.
MIN_RANKED_N = 10
COUNT_FIELDS = ("total", "scored", "open", "due", "resolved", "waiting", "ambiguous", "annulled", "unscored")


@dataclass(frozen=True)
class Grouping:
    key: str  # path from Forecast to the group's primary key
    label: str  # path from Forecast to the group's label
    model: type[Model]
    label_field: str


GROUPINGS = {
    "author": Grouping(key="author", label="author__name", model=Author, label_field="name"),
    "publication": Grouping(
        key="source__publication", label="source__publication__name", model=Publication, label_field="name"
    ),
    "source": Grouping(key="source", label="source__title", model=Source, label_field="title"),
    "tag": Grouping(key="tags", label="tags__name", model=Tag, label_field="name"),
}

CAME_TRUE = Q(outcome=Outcome.YES)


@dataclass(frozen=True)
class Group:
    by: str
    key: str
    label: str

    def as_dict(self) -> dict[str, str]:
        return {"by": self.by, "key": self.key, "label": self.label}


@dataclass(frozen=True)
class Scorecard:
    group: Group | None
    counts: dict[str, int]
    scores: scoring.Scores
    # Set by `ranked`: the Brier score pulled toward everyone's mean (the ranking key), and
    # whether the 95 % interval overlaps the leader's (then the two cannot be told apart).
    shrunk_brier: float | None = None
    like_leader: bool | None = None
    # Count, sum and sum of squares of the relative Brier over the card's own forecasts (those
    # with a reference), read by the same query: `comparisons.relative_for` needs no other.
    relative_totals: tuple[int, float, float] | None = None

    @property
    def n(self) -> int:
        return self.scores.n

    @property
    def is_small_sample(self) -> bool:
        return self.scores.n < MIN_RANKED_N

    def as_dict(self, number: Callable[[Any], Any] | None = None) -> dict[str, Any]:
        """The scorecard object (the JSON of the API and `manage.py scorecard`), ready for JSON.

        `number` is applied to every score (None included): the command rounds them to 15
        significant digits while building the object, rather than copying it again."""
        r = number or _unchanged
        s = self.scores
        d = s.decomposition
        return {
            "group": self.group.as_dict() if self.group else None,
            "counts": {name: self.counts.get(name, 0) for name in COUNT_FIELDS},
            "brier": r(s.brier),
            "brier_interval": [r(s.brier_interval[0]), r(s.brier_interval[1])] if s.brier_interval else None,
            "log_loss": r(s.log_loss),
            "base_rate": r(s.base_rate),
            "brier_skill": r(s.brier_skill),
            "ece": r(s.ece),
            "decomposition": {
                "reliability": r(d.reliability) if d else None,
                "resolution": r(d.resolution) if d else None,
                "uncertainty": r(d.uncertainty) if d else None,
                "within_bin_variance": r(d.within_bin_variance) if d else None,
                "within_bin_covariance": r(d.within_bin_covariance) if d else None,
            },
            "calibration": [_calibration_row(b, r) for b in s.calibration],
        }


# The calibration rows of a thousand scorecards mostly repeat: the empty bins, and the edges,
# frequencies and intervals of the same small counts (3 of 7 in the bin 0.3-0.4). Their dicts'
# numbers are kept per (number function, bin without its mean): only the mean is new per row.
_ROW_PARTS: dict[tuple, tuple] = {}
_ROW_PARTS_LIMIT = 100_000


def _calibration_row(b: scoring.CalibrationBin, r: Callable[[Any], Any]) -> dict[str, Any]:
    key = (r, b.lower, b.upper, b.n, b.observed_frequency, b.ci_low, b.ci_high)
    parts = _ROW_PARTS.get(key)
    if parts is None:
        parts = (r(b.lower), r(b.upper), r(b.observed_frequency), r(b.ci_low), r(b.ci_high))
        if len(_ROW_PARTS) < _ROW_PARTS_LIMIT:
            _ROW_PARTS[key] = parts
    lower, upper, frequency, ci_low, ci_high = parts
    return {
        "lower": lower,
        "upper": upper,
        "n": b.n,
        "mean_probability": r(b.mean_probability),
        "observed_frequency": frequency,
        "ci_low": ci_low,
        "ci_high": ci_high,
    }


def _unchanged(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class PhraseRow:
    """How often a claim came true when the forecaster used these words."""

    phrase: str
    decided: int  # resolved yes or no, with or without a probability
    came_true: int
    scores: scoring.Scores = field(repr=False)

    @property
    def observed_frequency(self) -> float | None:
        return self.came_true / self.decided if self.decided else None


def confirmed_forecasts() -> QuerySet[Forecast]:
    return Forecast.objects.confirmed()


def bin_expression(n_bins: int) -> Case:
    """SQL twin of `scoring.bin_index`: the first inner edge >= p names the bin."""
    edges = scoring.bin_edges(n_bins)
    return Case(
        *(When(probability__lte=edges[k + 1], then=Value(k)) for k in range(n_bins - 1)),
        default=Value(n_bins - 1),
    )


# Below this a probability's square is under the smallest double, which PostgreSQL refuses
# ("value out of range: underflow") where Python gives 0.0. The input rules keep such values out;
# this keeps a scorecard answering whatever a row holds.
_SQUARE_FLOOR = 1e-150


_FOURTH_POWER_FLOOR = 1e-75


def _probability_squared() -> Case:
    return Case(
        When(probability__lt=_SQUARE_FLOOR, then=Value(0.0)),
        default=F("probability") * F("probability"),
        output_field=FloatField(),
    )


def _sufficient_statistics(*, only: Q | None = None) -> dict[str, Any]:
    """The per-bin sums; `only` limits them to the rows it matches (the others are grouped too)."""
    yes_probability = Case(When(CAME_TRUE, then=F("probability")), default=1.0 - F("probability"))
    clipped = Greatest(Least(yes_probability, Value(1.0 - scoring.EPS)), Value(scoring.EPS), output_field=FloatField())
    return {
        "n": Count("id", filter=only),
        "sum_p": Sum("probability", output_field=FloatField(), filter=only),
        "sum_o": Sum(
            Case(When(CAME_TRUE, then=Value(1.0)), default=Value(0.0), output_field=FloatField()), filter=only
        ),
        "sum_p2": Sum(_probability_squared(), output_field=FloatField(), filter=only),
        "sum_po": Sum(
            Case(When(CAME_TRUE, then=F("probability")), default=Value(0.0), output_field=FloatField()), filter=only
        ),
        "sum_log_likelihood": Sum(Ln(clipped), output_field=FloatField(), filter=only),
        "sum_b2": _sum_brier_squared(only=only),
    }


def _sum_brier_squared(*, only: Q | None = None) -> Sum:
    """Sum of (p - o)^4: the per-forecast Brier scores' sum of squares, for their interval."""
    miss = Case(When(CAME_TRUE, then=1.0 - F("probability")), default=F("probability"), output_field=FloatField())
    # Floored like _probability_squared: a fourth power under the smallest double is an error on
    # PostgreSQL; 1e-75 ** 4 = 1e-300 still is a double, and a difference no score can show.
    floored = Greatest(miss, Value(_FOURTH_POWER_FLOOR), output_field=FloatField())
    return Sum(Power(floored, Value(4.0)), output_field=FloatField(), filter=only)


def _bin_of(row: dict[str, Any]) -> scoring.BinTotals:
    if not row["n"]:
        return scoring.BinTotals()
    return scoring.BinTotals(
        n=row["n"],
        sum_p=row["sum_p"],
        sum_o=row["sum_o"],
        sum_p2=row["sum_p2"],
        sum_po=row["sum_po"] or 0.0,
        sum_log_likelihood=row["sum_log_likelihood"],
        sum_b2=row["sum_b2"] or 0.0,
    )


def bin_totals(
    queryset: QuerySet[Forecast], *, group_key: Any = None, n_bins: int = scoring.DEFAULT_BINS
) -> dict[Any, list[scoring.BinTotals]]:
    """Per-group, per-bin totals of the scored forecasts in one GROUP BY query.

    `group_key` is a field path or expression; None puts everything in one group (key None).
    """
    scored = queryset.filter(SCORED).annotate(bin=bin_expression(n_bins))
    if group_key is not None:
        scored = scored.annotate(group_key=group_key if not isinstance(group_key, str) else F(group_key))
        rows = scored.values("group_key", "bin").annotate(**_sufficient_statistics()).order_by()
    else:
        rows = scored.values("bin").annotate(**_sufficient_statistics()).order_by()
    totals: dict[Any, list[scoring.BinTotals]] = defaultdict(lambda: [scoring.BinTotals()] * n_bins)
    for row in rows:
        totals[row.get("group_key")][row["bin"]] = scoring.BinTotals(
            n=row["n"],
            sum_p=row["sum_p"],
            sum_o=row["sum_o"],
            sum_p2=row["sum_p2"],
            sum_po=row["sum_po"],
            sum_log_likelihood=row["sum_log_likelihood"],
            sum_b2=row["sum_b2"],
        )
    return dict(totals)


CELL_COUNTS = {CELL_OPEN: "open", CELL_DUE: "due", CELL_AMBIGUOUS: "ambiguous", CELL_ANNULLED: "annulled"}


def cell_expression(n_bins: int) -> Case | F:
    """Where a forecast counts: its calibration bin when scored, else a negative cell for its state.
    The default bins are stored in a generated column; other bin counts are computed per row."""
    if n_bins == scoring.DEFAULT_BINS:
        return F("calibration_cell")
    return calibration_cell_case(n_bins)


def _cell_aggregates() -> dict[str, Any]:
    """The sufficient statistics of a cell; in cells that are not bins only `n` is read.

    Outcomes are counted, not summed as 1.0/0.0, which PostgreSQL would add up as NUMERIC,
    several times slower than integers and floats.
    """
    yes_probability = Case(When(CAME_TRUE, then=F("probability")), default=1.0 - F("probability"))
    clipped = Greatest(Least(yes_probability, Value(1.0 - scoring.EPS)), Value(scoring.EPS), output_field=FloatField())
    return {
        "n": Count("pk"),
        "sum_p": Sum("probability", output_field=FloatField()),
        "sum_o": Count("pk", filter=CAME_TRUE),
        "sum_p2": Sum(_probability_squared(), output_field=FloatField()),
        "sum_po": Sum("probability", filter=CAME_TRUE, output_field=FloatField()),
        "sum_log_likelihood": Sum(Ln(clipped), output_field=FloatField()),
        "sum_b2": _sum_brier_squared(),
    }


def yearly_scorecards(
    queryset: QuerySet[Forecast],
    *,
    n_bins: int = scoring.DEFAULT_BINS,
    filters: slices.Slice = slices.DEFAULT,
    today: datetime.date | None = None,
) -> list[tuple[int, Scorecard]]:
    """A scorecard per year the forecasts were made in, oldest first: calibration and Brier over
    time, from one aggregate query grouped by year."""
    queryset = queryset.exclude(status__in=UNCONFIRMED)
    totals = _grouped_totals(
        queryset, group_key="made_on__year", n_bins=n_bins, filters=filters, today=today or local_today()
    )
    # int(): PostgreSQL's EXTRACT answers NUMERIC, which the raw aggregate reads as a Decimal.
    return [(int(year), _card(None, year_totals)) for year, year_totals in sorted(totals.items())]


def brier_trend(years: list[tuple[int, Scorecard]]) -> float | None:
    """Change of the Brier score per year (least squares over the years with scores, each year
    weighted by its scored forecasts); negative means improving. None with fewer than two years."""
    points = [(year, card.scores.brier, card.n) for year, card in years if card.n]
    return scoring.weighted_slope(points)


class _Totals:
    """What the aggregate returns for one group: the counts, the per-bin totals and the sums of
    the stored relative Brier (count, sum, sum of squares) over the counted forecasts."""

    __slots__ = ("bins", "counts", "relative")

    def __init__(self, n_bins: int):
        self.counts = dict.fromkeys(COUNT_FIELDS, 0)
        self.bins = [scoring.BinTotals()] * n_bins
        self.relative: list[Any] = [0, 0, 0]


def relative_aggregates() -> dict[str, Any]:
    """Count, sum and sum of squares of the stored per-forecast relative Brier (NULL without a
    reference or a score, and so left out of all three)."""
    difference = F("relative_brier")
    return {
        "relative_n": Count("relative_brier"),
        "relative_total": Sum(difference, output_field=FloatField()),
        "relative_squares": Sum(difference * difference, output_field=FloatField()),
    }


def _aggregate(
    queryset: QuerySet[Forecast], *, group_key: str | None, n_bins: int, waiting_on: datetime.date | None
) -> dict[Any, _Totals]:
    """Group key -> its totals, from one GROUP BY (group, cell, waiting) query.

    The one query reads everything a scorecard shows: the counts, the bins' sums and the relative
    Brier's sums, so a slice reads the table once and a narrow one costs one round trip. With
    `waiting_on`, the forecasts resolved before their deadline (`waiting_condition`) are grouped
    apart and only counted; without it, they count at once (the early rule switched off).

    Plain COUNT(*)s, not COUNT(DISTINCT): every row is one forecast (or one forecast-tag pair),
    and DISTINCT would sort the whole table. The few rows that come back (at most a dozen per
    group) are read as plain tuples: Django's per-row converters and dicts would cost more than
    the database needs to aggregate a hundred thousand forecasts.
    """
    rows = queryset.annotate(cell=cell_expression(n_bins))
    grouping = ["cell"]
    if group_key is not None:
        rows = rows.annotate(group_key=F(group_key))
        grouping.append("group_key")
    if waiting_on is not None:
        rows = rows.annotate(waiting=ExpressionWrapper(waiting_condition(waiting_on), output_field=BooleanField()))
        grouping.append("waiting")
    aggregates = {**_cell_aggregates(), **relative_aggregates()}
    sql, params = rows.values(*grouping).annotate(**aggregates).order_by().query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        column = {description[0]: index for index, description in enumerate(cursor.description)}
        result = cursor.fetchall()
    names = (
        "cell", "n", "sum_p", "sum_o", "sum_p2", "sum_po", "sum_log_likelihood", "sum_b2",
        "relative_n", "relative_total", "relative_squares",
    )  # fmt: skip
    # Absent columns read the cell again, which is never a group key and never waiting.
    pick = operator.itemgetter(
        column.get("group_key", column["cell"]), column.get("waiting", column["cell"]), *(column[n] for n in names)
    )
    groups: dict[Any, _Totals] = {}
    bin_totals_of = scoring.BinTotals._make
    for (
        key, waiting, cell, n, sum_p, sum_o, sum_p2, sum_po, sum_log_likelihood, sum_b2,
        relative_n, relative_total, relative_squares,
    ) in map(pick, result):  # fmt: skip
        if group_key is None:
            key = None
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Totals(n_bins)
        counts = group.counts
        counts["total"] += n
        if waiting_on is not None and waiting:
            counts["waiting"] += n
            continue
        if cell >= 0:
            counts["scored"] += n
            group.bins[cell] = bin_totals_of(
                (n, sum_p, float(sum_o), sum_p2, sum_po or 0.0, sum_log_likelihood, sum_b2)
            )
        elif cell in CELL_COUNTS:
            counts[CELL_COUNTS[cell]] += n
        if relative_n:
            relative = group.relative
            relative[0] += relative_n
            relative[1] += relative_total
            relative[2] += relative_squares
    for group in groups.values():
        counts = group.counts
        counts["resolved"] = counts["total"] - counts["open"] - counts["due"]
        counts["unscored"] = counts["resolved"] - counts["scored"] - counts["waiting"]
    return groups


def _grouped_totals(
    queryset: QuerySet[Forecast], *, group_key: str | None, n_bins: int, filters: slices.Slice, today: datetime.date
) -> dict[Any, _Totals]:
    sliced = queryset.filter(filters.q()) if filters.is_filtered else queryset
    return _aggregate(sliced, group_key=group_key, n_bins=n_bins, waiting_on=None if filters.include_early else today)


def _relative_totals(totals: _Totals) -> tuple[int, float, float]:
    n, total, squares = totals.relative
    return n, float(total), float(squares)


def scorecard(
    queryset: QuerySet[Forecast] | None = None,
    *,
    n_bins: int = scoring.DEFAULT_BINS,
    group: Group | None = None,
    filters: slices.Slice = slices.DEFAULT,
    today: datetime.date | None = None,
) -> Scorecard:
    """One scorecard over `queryset` (default: every confirmed forecast) narrowed to `filters`:
    one aggregate query."""
    queryset = confirmed_forecasts() if queryset is None else queryset.exclude(status__in=UNCONFIRMED)
    totals = _grouped_totals(queryset, group_key=None, n_bins=n_bins, filters=filters, today=today or local_today())
    return _card(group, totals.get(None) or _Totals(n_bins))


def _card(group: Group | None, totals: _Totals) -> Scorecard:
    return Scorecard(
        group=group,
        counts=totals.counts,
        scores=scoring.score_bins(totals.bins),
        relative_totals=_relative_totals(totals),
    )


def scorecards_by(
    by: str,
    *,
    n_bins: int = scoring.DEFAULT_BINS,
    queryset: QuerySet[Forecast] | None = None,
    filters: slices.Slice = slices.DEFAULT,
    today: datetime.date | None = None,
) -> list[Scorecard]:
    """A scorecard per author, publication, source or tag, in label order.

    One aggregate query over the forecasts and one for the groups' labels, whatever the number
    of groups. A forecast with several tags counts once in
    each tag's scorecard.
    """
    grouping = _grouping(by)
    queryset = confirmed_forecasts() if queryset is None else queryset.exclude(status__in=UNCONFIRMED)
    grouped = queryset.filter(**{f"{grouping.key}__isnull": False})
    totals = _grouped_totals(
        grouped, group_key=grouping.key, n_bins=n_bins, filters=filters, today=today or local_today()
    )
    return _cards(by, totals)


# Groupings that every confirmed forecast belongs to exactly once (author is required).
PARTITIONS = ("author",)


def scorecard_and_scorecards_by(
    by: str,
    *,
    n_bins: int = scoring.DEFAULT_BINS,
    filters: slices.Slice = slices.DEFAULT,
    today: datetime.date | None = None,
) -> tuple[Scorecard, list[Scorecard]]:
    """The overall scorecard and `scorecards_by(by)` from one aggregate query, for a grouping in
    PARTITIONS: there the groups' totals add up to the overall ones, so the table is read once."""
    if by not in PARTITIONS:
        raise ValueError(f"Scorecards by {by!r} do not add up to the overall one; choose one of {PARTITIONS}.")
    totals = _grouped_totals(
        confirmed_forecasts(), group_key=_grouping(by).key, n_bins=n_bins, filters=filters, today=today or local_today()
    )
    overall = _Totals(n_bins)
    counts = overall.counts
    columns = [[0.0] * len(scoring.BinTotals._fields) for _ in range(n_bins)]
    for group in totals.values():
        for count_field in COUNT_FIELDS:
            counts[count_field] += group.counts.get(count_field, 0)
        for column, totals_of_bin in zip(columns, group.bins, strict=True):
            for index, value in enumerate(totals_of_bin):
                column[index] += value
        for index, value in enumerate(group.relative):
            overall.relative[index] += value
    overall.bins = [scoring.BinTotals(int(column[0]), *column[1:]) for column in columns]
    return _card(None, overall), _cards(by, totals)


def _cards(by: str, totals: dict[Any, _Totals]) -> list[Scorecard]:
    grouping = _grouping(by)
    labels = _labels(grouping, list(totals))
    cards = [
        _card(Group(by=by, key=str(key), label=labels[key]), group_totals)
        for key, group_totals in totals.items()
        if key in labels
    ]
    cards.sort(key=lambda card: (card.group.label.casefold(), card.group.key))
    return cards


def _labels(grouping: Grouping, keys: list[Any]) -> dict[Any, str]:
    """The groups' labels, read after aggregating so that the big query joins nothing."""
    labels: dict[Any, str] = {}
    # Chunks stay below SQLite's limit on query parameters.
    for start in range(0, len(keys), 10_000):
        chunk = keys[start : start + 10_000]
        labels.update(grouping.model.objects.filter(pk__in=chunk).values_list("pk", grouping.label_field))
    return labels


def group_scorecard(
    by: str,
    key: str,
    *,
    n_bins: int = scoring.DEFAULT_BINS,
    filters: slices.Slice = slices.DEFAULT,
    today: datetime.date | None = None,
) -> Scorecard | None:
    """The scorecard of one group, or None when no confirmed forecast belongs to it."""
    if rules.parse_id(str(key)) is None:
        return None
    queryset = group_forecasts(by, key)
    grouping = GROUPINGS[by]
    label = grouping.model.objects.filter(pk=key).values_list(grouping.label_field, flat=True).first()
    if label is None or not queryset.exists():
        return None
    return scorecard(
        queryset, n_bins=n_bins, group=Group(by=by, key=str(key), label=label), filters=filters, today=today
    )


def group_forecasts(by: str, key: str) -> QuerySet[Forecast]:
    grouping = _grouping(by)
    pk = rules.parse_id(str(key))
    if pk is None:
        return Forecast.objects.none()
    return confirmed_forecasts().filter(**{grouping.key: pk})


def ranked(cards: list[Scorecard]) -> tuple[list[Scorecard], list[Scorecard]]:
    """Split into (ranked, best first; too few scored forecasts to rank).

    The rank is by the shrunk Brier score (`scoring.shrinkage`): each group's mean pulled toward
    the mean of all groups, the more the fewer forecasts it has, so a short lucky run does not
    top a long good record. Each ranked card says whether its 95 % interval overlaps the
    leader's: if it does, the data cannot tell the two apart.
    """
    estimate = scoring.shrinkage([(c.n, c.scores.brier, c.scores.brier_variance) for c in cards if c.n])

    def shrunk(card: Scorecard) -> float:
        return scoring.shrunk_mean(card.n, card.scores.brier, estimate) if estimate else card.scores.brier

    large = sorted(
        (replace(c, shrunk_brier=shrunk(c)) for c in cards if not c.is_small_sample),
        key=lambda c: (c.shrunk_brier, c.scores.brier, -c.n),
    )
    if large:
        leader = large[0].scores.brier_interval
        large = [
            replace(c, like_leader=index > 0 and scoring.intervals_overlap(leader, c.scores.brier_interval))
            for index, c in enumerate(large)
        ]
    small = sorted((c for c in cards if c.is_small_sample), key=lambda c: (-c.n, c.group.label.casefold()))
    return large, small


def counted_in(
    filters: slices.Slice, queryset: QuerySet[Forecast] | None = None, *, today: datetime.date | None = None
) -> QuerySet[Forecast]:
    """The confirmed forecasts of a slice that its scorecard counts today (the early rule included),
    for reads beside the scorecard such as the relative scores."""
    queryset = confirmed_forecasts() if queryset is None else queryset.exclude(status__in=UNCONFIRMED)
    return queryset.filter(filters.q()).counted(include_early=filters.include_early, today=today)


def phrase_table(
    queryset: QuerySet[Forecast], *, filters: slices.Slice = slices.DEFAULT, today: datetime.date | None = None
) -> list[PhraseRow]:
    """Per estimative phrase: how often the claim came true, and the scores where a number was given.
    Counted like the scorecards: a forecast resolved before its deadline waits for it.

    One GROUP BY over the decided forecasts: the scored ones among them feed the scores through
    filtered sums, so the table is read once."""
    queryset = queryset.exclude(status__in=UNCONFIRMED).exclude(estimative_phrase="").filter(filters.q())
    queryset = queryset.counted(include_early=filters.include_early, today=today)
    statistics = _sufficient_statistics(only=SCORED)
    grouped = (
        queryset.filter(status=Status.RESOLVED, outcome__in=[Outcome.YES, Outcome.NO])
        .values(phrase_key=Lower(Trim("estimative_phrase")))
        # Plain counts: one row per forecast, as in bin_totals; DISTINCT would sort the table.
        .annotate(decided=Count("id"), came_true=Count("id", filter=CAME_TRUE), **statistics)
        .order_by()
    )
    rows = [
        PhraseRow(
            phrase=row["phrase_key"],
            decided=row["decided"],
            came_true=row["came_true"],
            scores=scoring.score_bins([_bin_of(row)]),
        )
        for row in grouped
    ]
    # Highest stated probability first reads like a scale from "almost certain" down.
    rows.sort(key=lambda r: (-(r.scores.calibration[0].mean_probability or -1.0), r.phrase))
    return rows


def basis_scorecards(
    queryset: QuerySet[Forecast],
    *,
    n_bins: int = scoring.DEFAULT_BINS,
    filters: slices.Slice = slices.DEFAULT,
    today: datetime.date | None = None,
) -> list[tuple[str, Scorecard]]:
    """Stated numbers against numbers read from words (and analyst judgement), side by side."""
    return [
        (
            basis.label,
            scorecard(queryset.filter(probability_basis=basis), n_bins=n_bins, filters=filters, today=today),
        )
        for basis in (ProbabilityBasis.STATED, ProbabilityBasis.PHRASE, ProbabilityBasis.ANALYST)
    ]


def _grouping(by: str) -> Grouping:
    try:
        return GROUPINGS[by]
    except KeyError:
        raise ValueError(f"Unknown grouping {by!r}; choose one of {', '.join(GROUP_BY_CHOICES)}.") from None
