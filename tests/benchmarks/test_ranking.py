"""benchmarks/ranking.py: the simulation's rank correlation, and the claim it supports."""

import numpy as np
import pytest
from scipy import stats

from benchmarks import ranking


def test_spearman_matches_scipy_and_breaks_ties_by_the_next_key():
    rng = np.random.default_rng(1)
    truth, key = rng.random(30), rng.random(30)
    assert ranking.spearman((key,), truth) == pytest.approx(stats.spearmanr(key, truth).statistic, abs=1e-12)
    tied = np.zeros(30)
    assert ranking.spearman((key, tied), truth) == ranking.spearman((key,), truth)


def test_the_shrunk_ranking_orders_true_skill_better_than_the_raw_one():
    rng = np.random.default_rng(3)
    runs = [ranking.replicate(rng, 40, (5, 300)) for _ in range(40)]
    raw = np.mean([run["all"]["raw"] for run in runs])
    shrunk = np.mean([run["all"]["shrunk"] for run in runs])
    assert shrunk > raw + 0.03
