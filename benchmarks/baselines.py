"""The two yardsticks the scorecards are measured against.

The floor: one query fetches (probability, outcome[, author]) of every scored forecast into numpy
arrays, and the same numbers as a scorecard (Brier, log loss, base rate, skill, ECE, calibration
bins with Wilson intervals, the decomposition) are computed vectorised. Python cannot compute
them from the rows much faster; the database can, by never sending the rows.

The naive path: ORM objects, then scikit-learn, one group at a time.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from django.db import connection

from forecasts import scoring
from forecasts.models import Forecast, local_today

# The rows a default scorecard scores: a probability, a yes/no outcome, the deadline passed.
SCORED_SQL = (
    "SELECT probability, CASE WHEN outcome = 'yes' THEN 1 ELSE 0 END{extra} FROM forecasts_forecast "
    "WHERE status = 'resolved' AND outcome IN ('yes', 'no') AND probability IS NOT NULL AND deadline < %s{where}"
)
# The slice the benchmark measures (`scorecard --made-year 2019`), as the floor's own SQL.
SLICE_SQL = " AND made_on >= '2019-01-01' AND made_on <= '2019-12-31'"


def fetch_arrays(*, with_author: bool, where: str = "") -> np.ndarray:
    with connection.cursor() as cursor:
        cursor.execute(SCORED_SQL.format(extra=", author_id" if with_author else "", where=where), [local_today()])
        rows = cursor.fetchall()
    return np.array(rows, dtype=np.float64).reshape(-1, 3 if with_author else 2)


def _t975(df: np.ndarray) -> np.ndarray:
    """The same t quantiles as the scorecards (table to 30, Cornish-Fisher above), vectorised."""
    table = np.array(scoring._T975)
    z = scoring._Z975
    d = np.maximum(df, 1).astype(np.float64)
    expansion = (
        z
        + (z**3 + z) / (4 * d)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * d**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * d**3)
    )
    return np.where(df <= len(table), table[np.clip(df, 1, len(table)) - 1], expansion)


def _wilson(successes: np.ndarray, n: np.ndarray, z: float = scoring.WILSON_Z):
    with np.errstate(invalid="ignore", divide="ignore"):
        phat = successes / n
        z2 = z * z
        denominator = 1.0 + z2 / n
        centre = (phat + z2 / (2 * n)) / denominator
        half = z / denominator * np.sqrt(phat * (1.0 - phat) / n + z2 / (4 * n * n))
    return np.maximum(0.0, centre - half), np.minimum(1.0, centre + half)


def score_groups(p: np.ndarray, o: np.ndarray, group: np.ndarray, n_groups: int, n_bins: int) -> dict:
    """Every scorecard number for each group at once: arrays of shape (groups,) or (groups, bins)."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.searchsorted(edges[1:-1], p, side="left")
    cell = group * n_bins + bins
    size = n_groups * n_bins

    def per_cell(weights=None):
        return np.bincount(cell, weights=weights, minlength=size).reshape(n_groups, n_bins)

    q = np.where(o == 1, p, 1.0 - p)
    loglik = np.log(np.clip(q, scoring.EPS, 1.0 - scoring.EPS))
    n_b, sp, so, sp2, spo = per_cell(), per_cell(p), per_cell(o), per_cell(p * p), per_cell(p * o)
    sll = per_cell(loglik)
    sb2 = per_cell((p - o) ** 4).sum(1)
    n = n_b.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        brier = (sp2.sum(1) - 2 * spo.sum(1) + so.sum(1)) / n
        rate = so.sum(1) / n
        uncertainty = rate * (1 - rate)
        mean_p = sp / n_b
        freq = so / n_b
        filled = n_b > 0
        reliability = np.where(filled, n_b * (mean_p - freq) ** 2, 0).sum(1) / n
        resolution = np.where(filled, n_b * (freq - rate[:, None]) ** 2, 0).sum(1) / n
        within_var = np.where(filled, np.maximum(0, sp2 - sp * mean_p), 0).sum(1) / n
        within_cov = 2 * np.where(filled, spo - sp * freq, 0).sum(1) / n
        ece = np.where(filled, n_b * np.abs(freq - mean_p), 0).sum(1) / n
        skill = np.where(uncertainty > 0, 1 - brier / uncertainty, np.nan)
        variance = np.maximum(0.0, (sb2 - n * brier * brier) / (n - 1))
        half = _t975(n.astype(np.int64) - 1) * np.sqrt(variance / n)
        brier_low, brier_high = np.where(n > 1, brier - half, np.nan), np.where(n > 1, brier + half, np.nan)
        log_loss = -sll.sum(1) / n
    ci_low, ci_high = _wilson(so, n_b)
    return {
        "n": n,
        "brier": brier,
        "brier_low": brier_low,
        "brier_high": brier_high,
        "log_loss": log_loss,
        "base_rate": rate,
        "brier_skill": skill,
        "ece": ece,
        "reliability": reliability,
        "resolution": resolution,
        "uncertainty": uncertainty,
        "within_bin_variance": within_var,
        "within_bin_covariance": within_cov,
        "bin_n": n_b,
        "mean_probability": mean_p,
        "observed_frequency": freq,
        "ci_low": ci_low,
        "ci_high": ci_high,
    }


def floor_overall(n_bins: int = scoring.DEFAULT_BINS, where: str = "") -> dict:
    data = fetch_arrays(with_author=False, where=where)
    p, o = data[:, 0], data[:, 1]
    return score_groups(p, o, np.zeros(len(p), dtype=np.intp), 1, n_bins)


def floor_by_author(n_bins: int = scoring.DEFAULT_BINS, where: str = "") -> tuple[np.ndarray, dict]:
    data = fetch_arrays(with_author=True, where=where)
    authors, group = np.unique(data[:, 2].astype(np.int64), return_inverse=True)
    return authors, score_groups(data[:, 0], data[:, 1], group, len(authors), n_bins)


def _sklearn_scores(p: list[float], o: list[int], n_bins: int) -> dict:
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import brier_score_loss, log_loss

    return {
        "n": len(p),
        "brier": brier_score_loss(o, p),
        "log_loss": log_loss(o, p, labels=[0, 1]),
        "calibration": calibration_curve(o, p, n_bins=n_bins, strategy="uniform"),
    }


def naive_overall(n_bins: int = scoring.DEFAULT_BINS) -> dict:
    forecasts = list(Forecast.objects.scored())
    return _sklearn_scores([f.probability for f in forecasts], [int(f.outcome == "yes") for f in forecasts], n_bins)


def naive_by_author(n_bins: int = scoring.DEFAULT_BINS) -> dict:
    groups: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    for forecast in Forecast.objects.scored().select_related("author"):
        p, o = groups[forecast.author.pk]
        p.append(forecast.probability)
        o.append(int(forecast.outcome == "yes"))
    return {author: _sklearn_scores(p, o, n_bins) for author, (p, o) in groups.items()}
