import ast
import math
from pathlib import Path

import numpy as np
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss
from sklearn.metrics import log_loss as sklearn_log_loss

from forecasts import scoring

TOLERANCE = 1e-12
EDGE_PROBABILITIES = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.25, 0.75, 0.05, 0.95]


def random_pairs(seed, size, *, edges_share=0.0, n_bins=10):
    """Random forecasts; optionally a share placed exactly on bin edges."""
    rng = np.random.default_rng(seed)
    probabilities = rng.uniform(0.001, 0.999, size)
    edges = np.linspace(0, 1, n_bins + 1)[1:-1]
    if edges_share and len(edges):
        on_edge = rng.random(size) < edges_share
        probabilities[on_edge] = rng.choice(edges, on_edge.sum())
    # Outcomes drawn from the forecast itself, so the data are roughly calibrated.
    outcomes = (rng.random(size) < probabilities).astype(int)
    return [(float(p), int(o)) for p, o in zip(probabilities, outcomes, strict=True)]


def assert_matches_sklearn(pairs, n_bins):
    probabilities = np.array([p for p, _ in pairs])
    outcomes = np.array([o for _, o in pairs])
    result = scoring.score(pairs, n_bins)

    assert result.n == len(pairs)
    assert result.brier == pytest.approx(brier_score_loss(outcomes, probabilities), abs=TOLERANCE)
    expected_log_loss = sklearn_log_loss(outcomes, probabilities, labels=[0, 1])
    assert result.log_loss == pytest.approx(expected_log_loss, abs=TOLERANCE)

    prob_true, prob_pred = calibration_curve(outcomes, probabilities, n_bins=n_bins, strategy="uniform")
    non_empty = [b for b in result.calibration if b.n]
    assert len(result.calibration) == n_bins
    assert len(non_empty) == len(prob_true)
    assert [b.observed_frequency for b in non_empty] == pytest.approx(list(prob_true), abs=TOLERANCE)
    assert [b.mean_probability for b in non_empty] == pytest.approx(list(prob_pred), abs=TOLERANCE)

    # Same bin for every single forecast, not only the same bin means.
    binids = np.searchsorted(np.linspace(0, 1, n_bins + 1)[1:-1], probabilities)
    assert [b.n for b in result.calibration] == list(np.bincount(binids, minlength=n_bins))
    return result


@pytest.mark.parametrize("size", [1, 2, 7, 50, 1000, 5000])
@pytest.mark.parametrize("n_bins", [1, 3, 5, 10, 15, 20])
def test_scores_match_sklearn_on_random_data(size, n_bins):
    assert_matches_sklearn(random_pairs(seed=size * 100 + n_bins, size=size), n_bins)


@pytest.mark.parametrize("n_bins", [4, 5, 10, 20, 40])
def test_forecasts_on_bin_edges_land_where_sklearn_puts_them(n_bins):
    assert_matches_sklearn(random_pairs(seed=n_bins, size=400, edges_share=0.6, n_bins=n_bins), n_bins)


@pytest.mark.parametrize("p", EDGE_PROBABILITIES)
@pytest.mark.parametrize("n_bins", [3, 4, 5, 10, 20])
def test_bin_index_equals_searchsorted(p, n_bins):
    expected = int(np.searchsorted(np.linspace(0, 1, n_bins + 1)[1:-1], p))
    assert scoring.bin_index(p, n_bins) == expected


@pytest.mark.parametrize("n_bins", range(1, 101))
def test_bin_edges_are_bit_identical_to_linspace(n_bins):
    assert scoring.bin_edges(n_bins) == list(np.linspace(0.0, 1.0, n_bins + 1))


def test_edge_probability_goes_to_the_lower_bin():
    assert scoring.bin_index(0.5, 10) == 4
    assert scoring.bin_index(0.2, 10) == 1
    assert scoring.bin_index(0.0, 10) == 0
    assert scoring.bin_index(1.0, 10) == 9
    assert scoring.bin_index(0.5000000000000001, 10) == 5


def test_edges_only_forecasts_match_sklearn():
    pairs = [(p, i % 2) for i, p in enumerate(EDGE_PROBABILITIES[1:-5] * 3)]
    assert_matches_sklearn(pairs, 10)


def test_empty_bins_are_kept_with_n_zero():
    result = assert_matches_sklearn([(0.15, 1), (0.15, 0), (0.85, 1)], 10)

    assert [b.n for b in result.calibration] == [0, 2, 0, 0, 0, 0, 0, 0, 1, 0]
    empty = result.calibration[0]
    assert (empty.lower, empty.upper) == (0.0, 0.1)
    assert empty.mean_probability is None
    assert empty.observed_frequency is None
    assert empty.ci_low is None and empty.ci_high is None
    assert result.calibration[1].came_true == 1


def test_one_forecast():
    result = assert_matches_sklearn([(0.675, 1)], 10)

    assert result.brier == pytest.approx(0.325**2)
    assert result.log_loss == pytest.approx(-math.log(0.675))
    assert result.base_rate == 1.0
    assert result.brier_skill is None


@pytest.mark.parametrize("outcome", [0, 1])
def test_all_same_outcome(outcome):
    pairs = [(p, outcome) for p, _ in random_pairs(seed=7, size=200)]
    result = assert_matches_sklearn(pairs, 10)

    assert result.base_rate == outcome
    assert result.decomposition.uncertainty == 0.0
    # The reference forecast (the base rate) is perfect, so skill is undefined.
    assert result.brier_skill is None


def test_no_forecasts_gives_undefined_scores_and_empty_bins():
    result = scoring.score([], 10)

    assert result.n == 0
    assert result.brier is None
    assert result.log_loss is None
    assert result.base_rate is None
    assert result.brier_skill is None
    assert result.ece is None
    assert result.decomposition is None
    assert [b.n for b in result.calibration] == [0] * 10


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("n_bins", [1, 5, 10, 20])
def test_decomposition_adds_up_to_an_independent_brier(seed, n_bins):
    """Each term against numpy's own computation, and their sum against numpy's Brier score."""
    pairs = random_pairs(seed=seed, size=300, edges_share=0.2, n_bins=n_bins)
    p = np.array([p for p, _ in pairs])
    o = np.array([o for _, o in pairs], dtype=float)
    n = len(p)
    cell = np.searchsorted(np.linspace(0, 1, n_bins + 1)[1:-1], p, side="left")
    rate = o.mean()
    reliability = resolution = variance = covariance = 0.0
    for k in np.unique(cell):
        in_bin = cell == k
        mean_p, freq = p[in_bin].mean(), o[in_bin].mean()
        reliability += in_bin.sum() * (mean_p - freq) ** 2 / n
        resolution += in_bin.sum() * (freq - rate) ** 2 / n
        variance += ((p[in_bin] - mean_p) ** 2).sum() / n
        covariance += 2 * ((o[in_bin] - freq) * (p[in_bin] - mean_p)).sum() / n

    d = scoring.score(pairs, n_bins).decomposition

    assert (d.reliability, d.resolution, d.uncertainty, d.within_bin_variance, d.within_bin_covariance) == (
        pytest.approx((reliability, resolution, rate * (1 - rate), variance, covariance), abs=TOLERANCE)
    )
    assert d.reliability - d.resolution + d.uncertainty + d.within_bin_variance - d.within_bin_covariance == (
        pytest.approx(float(np.mean((p - o) ** 2)), abs=TOLERANCE)
    )


def test_decomposition_of_a_hand_computed_example():
    # Two bins (edges 0, 0.5, 1): bin 0 holds 0.2 -> no and 0.2 -> yes, bin 1 holds 0.8 -> yes.
    # Brier (0.04 + 0.64 + 0.04) / 3 = 0.24; base rate 2/3.
    d = scoring.score([(0.2, 0), (0.2, 1), (0.8, 1)], 2).decomposition

    assert d.reliability == pytest.approx((2 * 0.3**2 + 0.2**2) / 3)  # 0.0733...
    assert d.resolution == pytest.approx((2 * (0.5 - 2 / 3) ** 2 + (1 - 2 / 3) ** 2) / 3)  # 0.0555...
    assert d.uncertainty == pytest.approx(2 / 9)
    assert d.within_bin_variance == pytest.approx(0.0)
    assert d.within_bin_covariance == pytest.approx(0.0)
    assert d.total() == pytest.approx(0.24)


def test_decomposition_terms_from_their_definitions():
    pairs = random_pairs(seed=11, size=250)
    result = scoring.score(pairs, 10)
    n = len(pairs)
    rate = sum(o for _, o in pairs) / n
    bins = {}
    for p, o in pairs:
        bins.setdefault(scoring.bin_index(p, 10), []).append((p, o))
    reliability = resolution = variance = covariance = 0.0
    for members in bins.values():
        mean_p = sum(p for p, _ in members) / len(members)
        freq = sum(o for _, o in members) / len(members)
        reliability += len(members) * (mean_p - freq) ** 2
        resolution += len(members) * (freq - rate) ** 2
        variance += sum((p - mean_p) ** 2 for p, _ in members)
        covariance += sum((o - freq) * (p - mean_p) for p, o in members)

    d = result.decomposition
    assert d.reliability == pytest.approx(reliability / n, abs=TOLERANCE)
    assert d.resolution == pytest.approx(resolution / n, abs=TOLERANCE)
    assert d.uncertainty == pytest.approx(rate * (1 - rate), abs=TOLERANCE)
    assert d.within_bin_variance == pytest.approx(variance / n, abs=TOLERANCE)
    assert d.within_bin_covariance == pytest.approx(2 * covariance / n, abs=TOLERANCE)


def test_decomposition_without_within_bin_terms_when_one_bin_per_value():
    pairs = [(0.675, 1), (0.675, 1), (0.675, 0), (0.325, 0)]
    d = scoring.score(pairs, 10).decomposition

    assert d.within_bin_variance == pytest.approx(0.0, abs=1e-15)
    assert d.within_bin_covariance == pytest.approx(0.0, abs=1e-15)


def test_ece_is_weighted_gap_between_mean_probability_and_frequency():
    pairs = [(0.15, 1), (0.15, 0), (0.85, 1), (0.85, 1)]
    # Bin 1: |0.5 - 0.15| on half the forecasts; bin 8: |1.0 - 0.85| on the other half.
    assert scoring.score(pairs, 10).ece == pytest.approx(0.5 * 0.35 + 0.5 * 0.15)


def test_brier_skill_score_against_base_rate():
    pairs = [(0.8, 1), (0.7, 1), (0.2, 0), (0.4, 0)]
    brier = (0.04 + 0.09 + 0.04 + 0.16) / 4

    assert scoring.score(pairs).brier == pytest.approx(brier)
    assert scoring.score(pairs).base_rate == 0.5
    assert scoring.score(pairs).brier_skill == pytest.approx(1 - brier / 0.25)


def test_brier_and_log_loss_agree_with_sklearn():
    pairs = random_pairs(seed=3, size=120)
    probabilities = [p for p, _ in pairs]
    outcomes = [o for _, o in pairs]

    assert scoring.score(pairs).brier == pytest.approx(brier_score_loss(outcomes, probabilities), abs=TOLERANCE)
    assert scoring.score(pairs).log_loss == pytest.approx(sklearn_log_loss(outcomes, probabilities), abs=TOLERANCE)


def test_log_loss_clips_certain_forecasts_like_sklearn():
    pairs = [(0.0, 1), (1.0, 0), (1.0, 1), (0.0, 0), (0.3, 1)]
    probabilities = [p for p, _ in pairs]
    outcomes = [o for _, o in pairs]

    expected = sklearn_log_loss(outcomes, probabilities)
    assert math.isfinite(expected)
    assert scoring.score(pairs).log_loss == pytest.approx(expected, abs=TOLERANCE)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        # Reference values: Wilson (1927) score interval, z = 1.96, as tabulated by
        # Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table II.
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_known_values(successes, n, low, high):
    ci_low, ci_high = scoring.wilson_interval(successes, n)

    assert ci_low == pytest.approx(low, abs=5e-5)
    assert ci_high == pytest.approx(high, abs=5e-5)


def test_wilson_interval_undefined_without_forecasts():
    assert scoring.wilson_interval(0, 0) is None


def test_calibration_bin_interval_contains_observed_frequency():
    result = scoring.score(random_pairs(seed=5, size=500), 10)

    for b in result.calibration:
        if b.n:
            assert b.ci_low <= b.observed_frequency <= b.ci_high
            assert b.came_true == round(b.observed_frequency * b.n)


def test_accumulated_totals_combine():
    pairs = random_pairs(seed=9, size=100)
    first, second = scoring.accumulate(pairs[:40], 10), scoring.accumulate(pairs[40:], 10)
    combined = [a + b for a, b in zip(first, second, strict=True)]

    assert scoring.score_bins(combined).brier == pytest.approx(scoring.score(pairs, 10).brier, abs=TOLERANCE)
    assert [b.n for b in combined] == [b.n for b in scoring.accumulate(pairs, 10)]


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_rejects_probability_outside_unit_interval(bad):
    with pytest.raises(ValueError):
        scoring.score([(bad, 1)])


def test_rejects_outcome_other_than_zero_or_one():
    with pytest.raises(ValueError):
        scoring.score([(0.5, 2)])


@pytest.mark.parametrize("bad", [0, -3])
def test_rejects_non_positive_bin_count(bad):
    with pytest.raises(ValueError):
        scoring.bin_edges(bad)


def test_scoring_imports_nothing_from_django():
    tree = ast.parse(Path(scoring.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")

    assert imported
    assert not any(name.split(".")[0] in {"django", "forecasts", "sources"} for name in imported)


# ----- intervals and ranking -----------------------------------------------------------------------


@pytest.mark.parametrize("df", [1, 2, 5, 10, 29, 30, 31, 45, 100, 1000, 100_000])
def test_t_quantile_matches_scipy(df):
    from scipy import stats

    assert scoring.t_quantile_975(df) == pytest.approx(stats.t.ppf(0.975, df), abs=2e-5)


def test_brier_interval_is_the_t_interval_of_the_per_forecast_scores():
    from scipy import stats

    rng = np.random.default_rng(5)
    p = np.round(rng.uniform(0.01, 0.99, 40), 4)
    o = (rng.random(40) < p).astype(int)
    per_forecast = (p - o) ** 2
    low, high = stats.t.interval(0.95, len(p) - 1, loc=per_forecast.mean(), scale=stats.sem(per_forecast))

    scores = scoring.score(list(zip(p.tolist(), o.tolist(), strict=True)))

    assert scores.brier_variance == pytest.approx(per_forecast.var(ddof=1), rel=1e-9)
    assert scores.brier_interval == pytest.approx((low, high), rel=1e-6)


def test_one_forecast_has_no_interval():
    scores = scoring.score([(0.7, 1)])
    assert scores.brier_interval is None
    assert scores.brier_variance is None


def test_shrinkage_follows_the_one_way_random_effects_moments():
    rng = np.random.default_rng(9)
    samples = [rng.uniform(0, 0.3, n) + shift for n, shift in ((5, 0.0), (12, 0.1), (40, 0.2), (200, 0.05))]
    groups = [(len(s), float(s.mean()), float(s.var(ddof=1))) for s in samples]
    total = sum(len(s) for s in samples)
    grand = sum(s.sum() for s in samples) / total
    within = sum(((s - s.mean()) ** 2).sum() for s in samples) / (total - len(samples))
    between_mean_square = sum(len(s) * (s.mean() - grand) ** 2 for s in samples) / (len(samples) - 1)
    n0 = (total - sum(len(s) ** 2 for s in samples) / total) / (len(samples) - 1)
    between = max(0.0, (between_mean_square - within) / n0)
    assert between > 0

    estimate = scoring.shrinkage(groups)

    assert estimate.grand_mean == pytest.approx(grand)
    assert estimate.within_variance == pytest.approx(within)
    assert estimate.between_variance == pytest.approx(between)
    n, mean, _v = groups[0]
    k = within / between
    assert scoring.shrunk_mean(n, mean, estimate) == pytest.approx(grand + n / (n + k) * (mean - grand))


def test_a_few_lucky_forecasts_are_pulled_further_than_many():
    estimate = scoring.Shrinkage(grand_mean=0.2, within_variance=0.04, between_variance=0.001, k=40.0)
    few = scoring.shrunk_mean(5, 0.05, estimate)
    many = scoring.shrunk_mean(500, 0.10, estimate)
    assert few > many  # 0.05 on five forecasts ranks behind 0.10 on five hundred
    assert few == pytest.approx(0.2 + 5 / 45 * (0.05 - 0.2))


def test_no_spread_between_groups_shrinks_everyone_to_the_grand_mean():
    estimate = scoring.shrinkage([(10, 0.2, 0.05), (10, 0.2, 0.05)])
    assert estimate.between_variance == 0.0
    assert scoring.shrunk_mean(10, 0.2, estimate) == pytest.approx(0.2)


def test_shrinkage_needs_two_groups():
    assert scoring.shrinkage([(10, 0.2, 0.05)]) is None


def test_weighted_slope_is_the_weighted_least_squares_slope():
    x, y, w = np.array([2019, 2020, 2021, 2022.0]), np.array([0.3, 0.25, 0.22, 0.18]), np.array([5, 10, 20, 1.0])
    expected = np.polyfit(x, y, 1, w=np.sqrt(w))[0]
    assert scoring.weighted_slope(list(zip(x, y, w, strict=True))) == pytest.approx(expected)
    assert scoring.weighted_slope([(2020, 0.2, 3)]) is None


def test_intervals_overlap():
    assert scoring.intervals_overlap((0.1, 0.2), (0.2, 0.3))
    assert not scoring.intervals_overlap((0.1, 0.19), (0.2, 0.3))
    assert scoring.intervals_overlap(None, (0.2, 0.3))
