"""Does the scorecards' ranking order pundits by true skill better than their raw Brier score?

    .venv/bin/python -m benchmarks.ranking
    .venv/bin/python -m benchmarks.ranking --replicates 500 --pundits 100 --seed 7

A simulation with known answers. Each replicate draws pundits whose skill is known: a pundit's
forecast is the event's true probability plus noise of a standard deviation drawn per pundit
(small noise, a skilled pundit), clipped to the probabilities Hindsight stores. Track records
are as uneven as real ones: each pundit has between 5 and 300 forecasts, log-uniformly, so many
have a dozen and a few have hundreds. The outcomes are drawn from the true probabilities.

Each ranking is compared with the true order (the noise, which sets the expected Brier score)
by Spearman's rank correlation: raw mean Brier; the empirical-Bayes shrunk Brier the
scorecards rank by (`forecasts.scoring.shrinkage`); and, for comparison, the upper end of the
95 % interval. Reported: mean and spread over the replicates, for all pundits and for those with
the scorecards' minimum of scored forecasts, and how often the shrunk order beats the raw one.
No database and no Django: the ranking maths is the pure `forecasts.scoring`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forecasts import scoring  # noqa: E402 - after the path, so it runs from anywhere

PROBABILITY_MIN, PROBABILITY_MAX = 0.001, 0.999
MIN_RANKED_N = 10  # the scorecards' rule: fewer scored forecasts are listed, not ranked


def spearman(order_keys: tuple[np.ndarray, ...], truth: np.ndarray) -> float:
    """Spearman's rho between a ranking (sorted by the keys, the last one first, as np.lexsort
    does: ties on the shrunk Brier are broken by the raw one, as on the scorecards) and the truth."""
    return float(np.corrcoef(_ranks(np.lexsort(order_keys)), _ranks(np.argsort(truth, kind="mergesort")))[0, 1])


def _ranks(order: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(order))
    ranks[order] = np.arange(len(order))
    return ranks


def replicate(rng: np.random.Generator, n_pundits: int, sizes: tuple[int, int]) -> dict[str, dict[str, float]]:
    noise = rng.uniform(0.02, 0.35, n_pundits)  # the true skill: lower is better
    counts = np.exp(rng.uniform(np.log(sizes[0]), np.log(sizes[1] + 1), n_pundits)).astype(int)
    groups, interval_high = [], []
    for sd, n in zip(noise, counts, strict=True):
        truth = rng.beta(0.7, 0.7, n)  # events from near-certain to coin tosses
        p = np.round(np.clip(truth + rng.normal(0.0, sd, n), PROBABILITY_MIN, PROBABILITY_MAX), 4)
        o = (rng.random(n) < truth).astype(float)
        per_forecast = (p - o) ** 2
        brier = float(per_forecast.mean())
        variance = scoring.brier_variance(int(n), brier, float((per_forecast**2).sum()))
        interval = scoring.mean_interval(int(n), brier, variance)
        groups.append((int(n), brier, variance))
        interval_high.append(interval[1] if interval else np.inf)
    estimate = scoring.shrinkage(groups)
    raw = np.array([brier for _n, brier, _v in groups])
    shrunk = np.array([scoring.shrunk_mean(n, brier, estimate) for n, brier, _v in groups])
    upper = np.array(interval_high)
    result = {}
    for name, keep in (("all", np.ones(n_pundits, dtype=bool)), ("ranked", counts >= MIN_RANKED_N)):
        result[name] = {
            "raw": spearman((raw[keep],), noise[keep]),
            "shrunk": spearman((raw[keep], shrunk[keep]), noise[keep]),
            "upper": spearman((raw[keep], upper[keep]), noise[keep]),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicates", type=int, default=300)
    parser.add_argument("--pundits", type=int, default=60)
    parser.add_argument("--min-n", type=int, default=5)
    parser.add_argument("--max-n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    runs = [replicate(rng, args.pundits, (args.min_n, args.max_n)) for _ in range(args.replicates)]
    print(
        f"{args.replicates} replicates of {args.pundits} pundits, {args.min_n}-{args.max_n} forecasts each "
        f"(log-uniform), seed {args.seed}"
    )
    print("| Pundits | Ranking | Spearman with true skill, mean | 5th-95th percentile | Beats raw in |")
    print("|---|---|---|---|---|")
    for subset, label in (("all", "all"), ("ranked", f"with >= {MIN_RANKED_N} forecasts")):
        raw = np.array([run[subset]["raw"] for run in runs])
        for rule in ("raw", "shrunk", "upper"):
            values = np.array([run[subset][rule] for run in runs])
            beats = "-" if rule == "raw" else f"{np.mean(values > raw):.0%} of replicates"
            low, high = np.percentile(values, [5, 95])
            name = {"raw": "raw Brier", "shrunk": "shrunk Brier (the scorecards)", "upper": "interval's upper end"}
            print(f"| {label} | {name[rule]} | {values.mean():.3f} | {low:.3f}-{high:.3f} | {beats} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
