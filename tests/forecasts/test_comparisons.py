"""forecasts/comparisons.py: head-to-head and relative Brier equal an independent numpy (and
scipy) computation on the same rows."""

import random

import numpy as np
import pytest
from scipy import stats

from forecasts import comparisons, scoring, services
from forecasts.models import Comparator, EventLink, Forecast, Outcome, Status
from tests.factories import AuthorFactory, EventFactory, ForecastFactory, SourceFactory, StaffFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"


def t_interval(d):
    d = np.asarray(d, dtype=float)
    n = len(d)
    mean = d.mean()
    half = stats.t.ppf(0.975, n - 1) * d.std(ddof=1) / np.sqrt(n)
    return n, mean, mean - half, mean + half


@pytest.fixture
def data_set():
    """Events forecast by several pundits: easy and hard ones, opposite and threshold claims,
    some pundits with two forecasts on one event, some with references of their own or the event's."""
    rng = random.Random(7)
    reviewer = StaffFactory(username="reviewer")
    authors = [AuthorFactory() for _ in range(4)]
    source = SourceFactory()
    for k in range(14):
        hard = k % 3 == 0
        event = EventFactory(reference_probability=0.5 if k % 2 else None, reference_source="crowd" if k % 2 else "")
        for author in authors:
            if rng.random() < 0.2:
                continue
            for _ in range(2 if rng.random() < 0.25 else 1):
                link = rng.choice([EventLink.SAME, EventLink.OPPOSITE, EventLink.THRESHOLD])
                own_reference = rng.random() < 0.4
                ForecastFactory(
                    source=source,
                    author=author,
                    event=event,
                    event_link=link,
                    event_comparator=Comparator.GT if link == EventLink.THRESHOLD else "",
                    event_threshold=rng.choice([10.0, 50.0]) if link == EventLink.THRESHOLD else None,
                    probability=round(rng.uniform(0.3, 0.7) if hard else rng.choice([0.1, 0.9, 0.95]), 4),
                    probability_basis="stated",
                    reference_probability=round(rng.uniform(0.05, 0.95), 4) if own_reference else None,
                    reference_source="model" if own_reference else "",
                    status=Status.DUE,
                )
        services.event_resolve(
            event=event,
            outcome=rng.choice([Outcome.YES, Outcome.NO]),
            evidence_url=EVIDENCE,
            note="n",
            value=rng.choice([5.0, 30.0, 70.0]),
            resolved_by=reviewer,
        )
    # Unscored and unlinked rows, which every comparison leaves out.
    ForecastFactory(author=authors[0], source=source, probability=0.9, probability_basis="stated")
    return authors


def numpy_rows():
    rows = list(
        Forecast.objects.filter(status=Status.RESOLVED).values_list(
            "author_id",
            "event_id",
            "probability",
            "outcome",
            "reference_probability",
            "event_link",
            "event__reference_probability",
        )
    )
    author = np.array([r[0] for r in rows])
    event = np.array([r[1] for r in rows])
    p = np.array([r[2] for r in rows], dtype=float)
    o = np.array([1.0 if r[3] == Outcome.YES else 0.0 for r in rows])
    ref = []
    for r in rows:
        if r[4] is not None:
            ref.append(r[4])
        elif r[6] is not None and r[5] == EventLink.SAME:
            ref.append(r[6])
        elif r[6] is not None and r[5] == EventLink.OPPOSITE:
            ref.append(1.0 - r[6])
        else:
            ref.append(np.nan)
    return author, event, p, o, np.array(ref)


def test_head_to_head_equals_numpy(data_set):
    author, event, p, o, _ = numpy_rows()
    brier = (p - o) ** 2
    checked = 0
    for a in data_set:
        for b in data_set:
            if a == b:
                continue
            shared = sorted(set(event[author == a.pk]) & set(event[author == b.pk]))
            d = [
                brier[(author == a.pk) & (event == e)].mean() - brier[(author == b.pk) & (event == e)].mean()
                for e in shared
            ]
            result = comparisons.head_to_head(a.pk, b.pk)
            n, mean, low, high = t_interval(d)
            assert result.n == n
            assert result.mean_difference == pytest.approx(mean, rel=1e-12, abs=1e-15)
            assert result.interval.ci_low == pytest.approx(low, rel=1e-9)
            assert result.interval.ci_high == pytest.approx(high, rel=1e-9)
            checked += 1
    assert checked == 12


def test_opponents_are_the_head_to_heads_from_one_side(data_set):
    a = data_set[0]
    listed = {r.b: r for r in comparisons.opponents(a.pk)}
    assert set(listed) == {b.pk for b in data_set[1:]}
    for b in data_set[1:]:
        direct = comparisons.head_to_head(a.pk, b.pk)
        assert listed[b.pk].interval == direct.interval


def test_relative_brier_equals_numpy(data_set):
    author, _, p, o, ref = numpy_rows()
    has = ~np.isnan(ref)
    d = ((p - o) ** 2 - (ref - o) ** 2)[has]
    n, mean, low, high = t_interval(d)
    overall = comparisons.relative_scores()
    assert overall.n == n > 10
    assert overall.brier_minus_reference == pytest.approx(mean, rel=1e-9)
    assert (overall.ci_low, overall.ci_high) == (pytest.approx(low, rel=1e-9), pytest.approx(high, rel=1e-9))
    by_author = comparisons.relative_by("author")
    for a in data_set:
        mask = has & (author == a.pk)
        n, mean, low, high = t_interval(((p - o) ** 2 - (ref - o) ** 2)[mask])
        assert by_author[str(a.pk)].n == n
        assert by_author[str(a.pk)].brier_minus_reference == pytest.approx(mean, rel=1e-9)
        assert by_author[str(a.pk)].ci_high == pytest.approx(high, rel=1e-9)


def test_no_shared_events_and_single_event_have_no_interval():
    a, b = AuthorFactory(), AuthorFactory()
    assert comparisons.head_to_head(a.pk, b.pk).n == 0
    event = EventFactory()
    ForecastFactory(author=a, event=event, event_link=EventLink.SAME, probability=0.8, status=Status.DUE)
    ForecastFactory(author=b, event=event, event_link=EventLink.OPPOSITE, probability=0.8, status=Status.DUE)
    services.event_resolve(event=event, outcome=Outcome.YES, evidence_url=EVIDENCE, note="y", resolved_by=None)
    result = comparisons.head_to_head(a.pk, b.pk)
    assert result.n == 1
    assert result.mean_difference == pytest.approx(0.04 - 0.64)
    assert result.interval.ci_low is None
    assert result.verdict == "not distinguishable"
    assert comparisons.relative_scores().n == 0


@pytest.mark.parametrize("df", [1, 2, 5, 29, 300, 10_000])
def test_t_quantile_matches_scipy(df):
    assert scoring.student_t_quantile(0.975, df) == pytest.approx(stats.t.ppf(0.975, df), rel=1e-11)


def test_interval_from_sums_equals_two_pass():
    d = [0.1, -0.3, 0.25, 0.05, -0.12]
    from_sums = scoring.mean_interval_from_sums(len(d), sum(d), sum(x * x for x in d))
    two_pass = scoring.paired_t_interval(d)
    assert from_sums.ci_low == pytest.approx(two_pass.ci_low, rel=1e-12)
    assert two_pass[1:] == pytest.approx(t_interval(d)[1:], rel=1e-12)
