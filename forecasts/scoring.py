"""Proper scoring rules and calibration for binary forecasts, in plain Python.

Nothing here knows about Django: callers hand over (probability, outcome) pairs,
where the outcome is 1 when the claim came true and 0 when it did not. Forecasts
without a probability, and ambiguous or annulled outcomes, never reach this module;
the Django layer counts them.

Everything is computed from per-bin sufficient statistics (`BinTotals`), so the
same `score_bins` turns either Python-accumulated totals or a database
``GROUP BY (group, bin)`` into scores. Conventions follow scikit-learn so the
numbers can be checked against it: natural-log log loss with probabilities
clipped to ``[eps, 1 - eps]``, and bin assignment identical to
``sklearn.calibration.calibration_curve(strategy="uniform")``.
"""

from __future__ import annotations

import bisect
import functools
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

DEFAULT_BINS = 10
# The most bins any interface (pages, API, command) computes: with more, a bin holds too few
# forecasts to say anything, and a request could make the table as wide as it likes.
MAX_BINS = 100
WILSON_Z = 1.96
# scikit-learn >= 1.5 clips to the float dtype's machine epsilon, not a fixed 1e-15.
EPS = sys.float_info.epsilon

Pair = tuple[float, int]


def bin_edges(n_bins: int = DEFAULT_BINS) -> list[float]:
    """Edges of `n_bins` equal-width bins on [0, 1], bit-identical to np.linspace(0, 1, n + 1)."""
    return list(_edges(n_bins))


def bin_index(p: float, n_bins: int = DEFAULT_BINS) -> int:
    """Bin of probability `p`; a value exactly on an inner edge goes to the lower bin."""
    _check_probability(p)
    # calibration_curve uses np.searchsorted(edges[1:-1], p), side="left".
    return bisect.bisect_left(_edges(n_bins), p, 1, n_bins) - 1


def log_likelihood(p: float, o: int) -> float:
    """ln of the probability given to what happened, clipped as scikit-learn does."""
    _check_probability(p)
    _check_outcome(o)
    # scikit-learn builds the column [1 - p, p] first and clips each entry, so the
    # clip applies to 1 - p itself, not to p before subtracting.
    q = p if o else 1.0 - p
    return math.log(min(max(q, EPS), 1.0 - EPS))


class BinTotals(NamedTuple):
    """Sufficient statistics of one calibration bin (o is 0/1, so sum(o^2) == sum_o).

    A NamedTuple, like CalibrationBin: scorecards by author build ten of each per author, and a
    tuple is created several times faster than a frozen dataclass."""

    n: int = 0
    sum_p: float = 0.0
    sum_o: float = 0.0
    sum_p2: float = 0.0
    sum_po: float = 0.0
    sum_log_likelihood: float = 0.0
    # Sum of each forecast's Brier score squared, (p - o)^4: the spread of the per-forecast
    # scores, which the Brier score's interval needs.
    sum_b2: float = 0.0

    def add(self, p: float, o: int) -> BinTotals:
        return BinTotals(
            n=self.n + 1,
            sum_p=self.sum_p + p,
            sum_o=self.sum_o + o,
            sum_p2=self.sum_p2 + p * p,
            sum_po=self.sum_po + p * o,
            sum_log_likelihood=self.sum_log_likelihood + log_likelihood(p, o),
            sum_b2=self.sum_b2 + (p - o) ** 4,
        )

    def __add__(self, other: BinTotals) -> BinTotals:
        return BinTotals(
            n=self.n + other.n,
            sum_p=self.sum_p + other.sum_p,
            sum_o=self.sum_o + other.sum_o,
            sum_p2=self.sum_p2 + other.sum_p2,
            sum_po=self.sum_po + other.sum_po,
            sum_log_likelihood=self.sum_log_likelihood + other.sum_log_likelihood,
            sum_b2=self.sum_b2 + other.sum_b2,
        )


def accumulate(pairs: Iterable[Pair], n_bins: int = DEFAULT_BINS) -> list[BinTotals]:
    """Per-bin totals of (probability, outcome) pairs; always `n_bins` entries."""
    bins = [BinTotals() for _ in range(n_bins)]
    for p, o in pairs:
        k = bin_index(p, n_bins)
        bins[k] = bins[k].add(p, o)
    return bins


class CalibrationBin(NamedTuple):
    lower: float
    upper: float
    n: int
    came_true: int
    mean_probability: float | None
    observed_frequency: float | None
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True)
class Decomposition:
    """Murphy's decomposition with Stephenson-Coelho-Jolliffe (2008) within-bin terms.

    brier == reliability - resolution + uncertainty + within_bin_variance - within_bin_covariance
    """

    reliability: float
    resolution: float
    uncertainty: float
    within_bin_variance: float
    within_bin_covariance: float

    def total(self) -> float:
        return (
            self.reliability
            - self.resolution
            + self.uncertainty
            + self.within_bin_variance
            - self.within_bin_covariance
        )


@dataclass(frozen=True)
class Scores:
    n: int
    brier: float | None
    log_loss: float | None
    base_rate: float | None
    brier_skill: float | None
    ece: float | None
    decomposition: Decomposition | None
    calibration: list[CalibrationBin] = field(default_factory=list)
    # 95 % t interval of the mean Brier score over the forecasts (None below two forecasts), and
    # the sample variance of the per-forecast scores behind it.
    brier_interval: tuple[float, float] | None = None
    brier_variance: float | None = None


@functools.lru_cache(maxsize=65_536)
def wilson_interval(successes: float, n: int, z: float = WILSON_Z) -> tuple[float, float] | None:
    """Wilson score interval for a binomial proportion; None when n == 0. Cached: a scorecard per
    author asks for ten per author, mostly the same few small counts (2 of 3, 5 of 8)."""
    if n <= 0:
        return None
    phat = successes / n
    z2 = z * z
    denominator = 1.0 + z2 / n
    centre = (phat + z2 / (2 * n)) / denominator
    half_width = z / denominator * math.sqrt(phat * (1.0 - phat) / n + z2 / (4 * n * n))
    return max(0.0, centre - half_width), min(1.0, centre + half_width)


def score_bins(bins: Sequence[BinTotals], *, z: float = WILSON_Z) -> Scores:
    """Turn per-bin totals (one entry per bin, in bin order) into every score.

    A scorecard per author calls this once per author, so the empty bins cost a lookup (their
    rows are built once per bin count) and the totals are summed over the filled bins only, in
    bin order: the same additions as summing every column, minus the zeros."""
    n_bins = len(bins)
    empty = _empty_bins(n_bins)
    filled = [(k, b) for k, b in enumerate(bins) if b[0]]
    if not filled:
        return Scores(
            n=0,
            brier=None,
            log_loss=None,
            base_rate=None,
            brier_skill=None,
            ece=None,
            decomposition=None,
            calibration=list(empty),
        )

    n = total_o = total_p2 = total_po = total_log_likelihood = total_b2 = 0
    for _k, (bin_n, _p, sum_o, sum_p2, sum_po, sum_log_likelihood, sum_b2) in filled:
        n += bin_n
        total_o += sum_o
        total_p2 += sum_p2
        total_po += sum_po
        total_log_likelihood += sum_log_likelihood
        total_b2 += sum_b2
    # sum((p - o)^2) = sum(p^2) - 2 sum(p o) + sum(o), since o^2 == o.
    brier = (total_p2 - 2.0 * total_po + total_o) / n
    rate = total_o / n
    uncertainty = rate * (1.0 - rate)
    reliability = resolution = within_variance = within_covariance = ece = 0.0
    # One pass over the filled bins builds the calibration table and the decomposition's terms.
    calibration = list(empty)
    for k, (bin_n, sum_p, sum_o, sum_p2, sum_po, _ll, _b2) in filled:
        mean_p = sum_p / bin_n
        freq = sum_o / bin_n
        low, high = wilson_interval(sum_o, bin_n, z)
        lower, upper = empty[k][0], empty[k][1]
        calibration[k] = CalibrationBin(lower, upper, bin_n, round(sum_o), mean_p, freq, low, high)
        reliability += bin_n * (mean_p - freq) ** 2
        resolution += bin_n * (freq - rate) ** 2
        # sum((p - mean_p)^2) and sum((o - freq)(p - mean_p)), expanded into the sums.
        within_variance += max(0.0, sum_p2 - sum_p * mean_p)
        within_covariance += sum_po - sum_p * freq
        ece += bin_n * abs(freq - mean_p)

    variance = brier_variance(n, brier, total_b2)
    return Scores(
        n=n,
        brier=brier,
        brier_interval=mean_interval(n, brier, variance),
        brier_variance=variance,
        log_loss=-total_log_likelihood / n,
        base_rate=rate,
        brier_skill=1.0 - brier / uncertainty if uncertainty > 0 else None,
        ece=ece / n,
        decomposition=Decomposition(
            reliability=reliability / n,
            resolution=resolution / n,
            uncertainty=uncertainty,
            within_bin_variance=within_variance / n,
            within_bin_covariance=2.0 * within_covariance / n,
        ),
        calibration=calibration,
    )


# ----- intervals and ranking ---------------------------------------------------------------------

# Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom; above that the
# Cornish-Fisher expansion around the normal quantile is exact to better than 1e-5.
_T975 = (
    12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
    2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688,
    2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845,
    2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
    2.045229642, 2.042272456,
)  # fmt: skip
_Z975 = 1.959963984540054


@functools.lru_cache(maxsize=4096)
def t_quantile_975(df: int) -> float:
    """The 97.5 % quantile of Student's t with `df` degrees of freedom (a 95 % two-sided interval).
    Cached: a scorecard per author asks for one per author, mostly for the same few `df`."""
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, got {df!r}")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    z3, z5, z7 = z**3, z**5, z**7
    return (
        z
        + (z3 + z) / (4 * df)
        + (5 * z5 + 16 * z3 + 3 * z) / (96 * df**2)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df**3)
    )


def brier_variance(n: int, brier: float, sum_b2: float) -> float | None:
    """Sample variance of the per-forecast Brier scores from their sum of squares and mean."""
    if n < 2:
        return None
    return max(0.0, (sum_b2 - n * brier * brier) / (n - 1))


def mean_interval(n: int, mean: float, variance: float | None) -> tuple[float, float] | None:
    """95 % t interval of a mean of `n` values with sample variance `variance`."""
    if variance is None or n < 2:
        return None
    half = t_quantile_975(n - 1) * math.sqrt(variance / n)
    return mean - half, mean + half


class Shrinkage(NamedTuple):
    grand_mean: float
    within_variance: float  # sigma^2: how much one forecast's score varies around its pundit's mean
    between_variance: float  # tau^2: how much pundits' true mean scores differ
    k: float  # sigma^2 / tau^2; a group of n keeps n / (n + k) of its distance from the grand mean


def shrinkage(groups: Sequence[tuple[int, float, float | None]]) -> Shrinkage | None:
    """Empirical-Bayes estimate from (n, mean, sample variance) per group.

    One-way random-effects moments: the within variance pooled over groups, the between variance
    from the spread of the group means beyond what the within variance explains. None without
    at least two groups and one with two or more values."""
    groups = [(n, mean, variance) for n, mean, variance in groups if n > 0]
    total = sum(n for n, _m, _v in groups)
    within_df = sum(n - 1 for n, _m, v in groups if v is not None)
    if len(groups) < 2 or within_df <= 0:
        return None
    grand = sum(n * mean for n, mean, _v in groups) / total
    within = sum((n - 1) * v for n, _m, v in groups if v is not None) / within_df
    between_sum = sum(n * (mean - grand) ** 2 for n, mean, _v in groups)
    n_effective = (total - sum(n * n for n, _m, _v in groups) / total) / (len(groups) - 1)
    between = max(0.0, (between_sum / (len(groups) - 1) - within) / n_effective) if n_effective > 0 else 0.0
    k = within / between if between > 0 else math.inf
    return Shrinkage(grand_mean=grand, within_variance=within, between_variance=between, k=k)


def shrunk_mean(n: int, mean: float, estimate: Shrinkage) -> float:
    """The group's mean pulled toward the grand mean by n / (n + k): a few lucky forecasts move
    it little, hundreds move it almost all the way to their own mean."""
    if math.isinf(estimate.k):
        return estimate.grand_mean
    weight = n / (n + estimate.k)
    return estimate.grand_mean + weight * (mean - estimate.grand_mean)


def weighted_slope(points: Sequence[tuple[float, float, float]]) -> float | None:
    """Least-squares slope of y on x with weights, from (x, y, weight); None below two distinct x."""
    points = [(x, y, w) for x, y, w in points if w > 0]
    total = sum(w for _x, _y, w in points)
    if len({x for x, _y, _w in points}) < 2:
        return None
    mean_x = sum(w * x for x, _y, w in points) / total
    mean_y = sum(w * y for _x, y, w in points) / total
    sxx = sum(w * (x - mean_x) ** 2 for x, _y, w in points)
    sxy = sum(w * (x - mean_x) * (y - mean_y) for x, y, w in points)
    return sxy / sxx


def intervals_overlap(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """Whether two intervals share a point; a missing interval (too few values) overlaps anything."""
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def score(pairs: Iterable[Pair], n_bins: int = DEFAULT_BINS, *, z: float = WILSON_Z) -> Scores:
    return score_bins(accumulate(pairs, n_bins), z=z)


@functools.cache
def _empty_bins(n_bins: int) -> tuple[CalibrationBin, ...]:
    """The calibration rows of `n_bins` empty bins, which also carry each bin's edges."""
    edges = _edges(n_bins)
    return tuple(CalibrationBin(edges[k], edges[k + 1], 0, 0, None, None, None, None) for k in range(n_bins))


@functools.cache
def _edges(n_bins: int) -> tuple[float, ...]:
    _check_n_bins(n_bins)
    # numpy's linspace computes start + i * (delta / div) and then pins the last
    # value to `stop`; i / n_bins would differ in the last bit for some i.
    step = 1.0 / n_bins
    return (*(i * step for i in range(n_bins)), 1.0)


def _check_n_bins(n_bins: int) -> None:
    if not isinstance(n_bins, int) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive integer, got {n_bins!r}")


def _check_probability(p: float) -> None:
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"probability must be within [0, 1], got {p!r}")


def _check_outcome(o: int) -> None:
    if o not in (0, 1):
        raise ValueError(f"outcome must be 0 or 1, got {o!r}")


# ----- paired differences: head-to-head and scores against a reference -------------------------

INTERVAL_LEVEL = 0.95


class MeanInterval(NamedTuple):
    """The mean of paired differences with its Student t interval; the interval is None for
    fewer than two pairs (no spread to estimate)."""

    n: int
    mean: float | None
    ci_low: float | None
    ci_high: float | None


def paired_t_interval(differences: Sequence[float], level: float = INTERVAL_LEVEL) -> MeanInterval:
    """Mean of `differences` with its two-sided t interval (sample standard deviation, n - 1
    degrees of freedom): what scipy.stats.t.interval(level, n - 1, mean, sem) gives."""
    n = len(differences)
    if n == 0:
        return MeanInterval(0, None, None, None)
    mean = math.fsum(differences) / n
    if n < 2:
        return MeanInterval(n, mean, None, None)
    variance = math.fsum((d - mean) ** 2 for d in differences) / (n - 1)
    return _interval(n, mean, variance, level)


def mean_interval_from_sums(
    n: int, total: float, total_of_squares: float, level: float = INTERVAL_LEVEL
) -> MeanInterval:
    """The same interval from a database's COUNT, SUM(d) and SUM(d * d), so that no row has to
    leave the database."""
    if n == 0:
        return MeanInterval(0, None, None, None)
    mean = total / n
    if n < 2:
        return MeanInterval(n, mean, None, None)
    variance = max(0.0, (total_of_squares - total * mean) / (n - 1))
    return _interval(n, mean, variance, level)


def _interval(n: int, mean: float, variance: float, level: float) -> MeanInterval:
    half_width = student_t_quantile(0.5 + level / 2, n - 1) * math.sqrt(variance / n)
    return MeanInterval(n, mean, mean - half_width, mean + half_width)


def student_t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` degrees of freedom, via the regularised incomplete beta."""
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, got {df!r}")
    tail = 0.5 * _regularised_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


@functools.lru_cache(maxsize=4096)
def student_t_quantile(q: float, df: float) -> float:
    """The t such that P(T <= t) == q, by bisection on the CDF (to about 1e-13)."""
    if not 0.0 < q < 1.0:
        raise ValueError(f"q must be within (0, 1), got {q!r}")
    if q < 0.5:
        return -student_t_quantile(1.0 - q, df)
    low, high = 0.0, 1.0
    while student_t_cdf(high, df) < q:
        low, high = high, high * 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if student_t_cdf(middle, df) < q:
            low = middle
        else:
            high = middle
        if high - low < 1e-13 * max(1.0, high):
            break
    return (low + high) / 2.0


def _regularised_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b) by its continued fraction (Lentz), on the side where it converges fast."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(b, a, 1.0 - x) / b


def _beta_fraction(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 10_000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < 1e-16:
            break
    return result
