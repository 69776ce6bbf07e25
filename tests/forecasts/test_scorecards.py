import io
import json

import numpy as np
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from sklearn.metrics import brier_score_loss, log_loss

from forecasts import rules, scorecards, scoring
from forecasts.models import Outcome, ProbabilityBasis, Status
from tests.factories import (
    AuthorFactory,
    ForecastFactory,
    PublicationFactory,
    SourceFactory,
    TagFactory,
    without_history,
)

pytestmark = pytest.mark.django_db

TOLERANCE = 1e-12


def resolved_forecast(*, outcome, **fields):
    return ForecastFactory(
        status=Status.RESOLVED,
        outcome=outcome,
        resolved_at=timezone.now(),
        evidence_url="https://example.org/evidence",
        resolution_note="The annual figure settles it.",
        **fields,
    )


def unscored_probability_fields():
    return {"probability": None, "probability_basis": ProbabilityBasis.NONE, "estimative_phrase": "may"}


@pytest.fixture
def population():
    """Resolved, open, due, proposed, ambiguous, annulled and number-less forecasts over a few groups.

    Returns the (probability, outcome) pairs that should be scored, per author.
    """
    with without_history():
        return _population()


def _population():
    rng = np.random.default_rng(2023)
    publications = PublicationFactory.create_batch(2)
    sources = [SourceFactory(publication=publications[i % 2]) for i in range(4)]
    authors = AuthorFactory.create_batch(3)
    tags = [TagFactory(name="trade"), TagFactory(name="security")]
    edges = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.30000000000000004, 0.6000000000000001]
    pairs = {author.pk: [] for author in authors}
    for i in range(150):
        p = float(rng.choice(edges)) if i % 3 == 0 else float(rng.uniform(0.01, 0.99))
        p = rules.probability_normalized(p)  # as stored
        o = int(rng.random() < p)
        author = authors[i % 3]
        forecast = resolved_forecast(
            outcome=Outcome.YES if o else Outcome.NO,
            probability=p,
            author=author,
            source=sources[i % 4],
            estimative_phrase=["will likely", "unlikely", "Will Likely ", "30% chance"][i % 4],
            probability_basis=ProbabilityBasis.STATED if i % 4 == 3 else ProbabilityBasis.PHRASE,
        )
        forecast.tags.set(tags[: i % 3])
        pairs[author.pk].append((p, o))
    author = authors[0]
    resolved_forecast(outcome=Outcome.AMBIGUOUS, author=author, source=sources[0])
    resolved_forecast(outcome=Outcome.ANNULLED, author=author, source=sources[0])
    resolved_forecast(outcome=Outcome.YES, author=author, source=sources[0], **unscored_probability_fields())
    ForecastFactory(status=Status.OPEN, author=author, source=sources[0])
    ForecastFactory(status=Status.DUE, author=author, source=sources[0])
    ForecastFactory(status=Status.PROPOSED, author=author, source=sources[0])
    return {"authors": authors, "pairs": pairs, "sources": sources, "tags": tags, "publications": publications}


def assert_scores_equal(db, pure):
    assert db.n == pure.n
    for name in ("brier", "log_loss", "base_rate", "brier_skill", "ece"):
        assert getattr(db, name) == pytest.approx(getattr(pure, name), abs=TOLERANCE), name
    for name in ("reliability", "resolution", "uncertainty", "within_bin_variance", "within_bin_covariance"):
        assert getattr(db.decomposition, name) == pytest.approx(getattr(pure.decomposition, name), abs=TOLERANCE)
    assert len(db.calibration) == len(pure.calibration)
    for got, expected in zip(db.calibration, pure.calibration, strict=True):
        assert got.n == expected.n
        assert (got.lower, got.upper) == (expected.lower, expected.upper)
        assert got.mean_probability == pytest.approx(expected.mean_probability, abs=TOLERANCE)
        assert got.observed_frequency == pytest.approx(expected.observed_frequency, abs=TOLERANCE)


@pytest.mark.parametrize("n_bins", [1, 5, 10, 20])
def test_database_scorecard_equals_pure_module(population, n_bins):
    all_pairs = [pair for pairs in population["pairs"].values() for pair in pairs]

    card = scorecards.scorecard(n_bins=n_bins)

    assert_scores_equal(card.scores, scoring.score(all_pairs, n_bins))


def test_database_scorecard_equals_sklearn(population):
    all_pairs = [pair for pairs in population["pairs"].values() for pair in pairs]
    probabilities = [p for p, _ in all_pairs]
    outcomes = [o for _, o in all_pairs]

    card = scorecards.scorecard()

    assert card.scores.brier == pytest.approx(brier_score_loss(outcomes, probabilities), abs=TOLERANCE)
    assert card.scores.log_loss == pytest.approx(log_loss(outcomes, probabilities), abs=TOLERANCE)


def test_counts_keep_unscored_and_unresolved_forecasts_apart(population):
    counts = scorecards.scorecard().counts

    assert counts == {
        "total": 150 + 5,
        "scored": 150,
        "open": 1,
        "due": 1,
        "resolved": 153,
        "waiting": 0,
        "ambiguous": 1,
        "annulled": 1,
        "unscored": 3,
    }


@pytest.mark.parametrize("n_bins", [3, 10])
def test_scorecards_by_author_equal_pure_module_per_author(population, n_bins):
    cards = scorecards.scorecards_by("author", n_bins=n_bins)

    assert [card.group.label for card in cards] == sorted(a.name for a in population["authors"])
    for card in cards:
        assert_scores_equal(card.scores, scoring.score(population["pairs"][int(card.group.key)], n_bins))
    first_author = population["authors"][0]
    first = next(card for card in cards if card.group.key == str(first_author.pk))
    assert first.counts["total"] == 50 + 5
    assert first.counts["unscored"] == 3


@pytest.mark.parametrize("n_bins", [1, 10])
def test_overall_and_by_author_from_one_query_equal_the_two_apart(population, n_bins, django_assert_num_queries):
    with django_assert_num_queries(2):  # the aggregate and the authors' names
        overall, by_author = scorecards.scorecard_and_scorecards_by("author", n_bins=n_bins)

    alone = scorecards.scorecard(n_bins=n_bins)
    assert overall.counts == alone.counts
    assert_scores_equal(overall.scores, alone.scores)
    assert [(c.group, c.counts, c.scores) for c in by_author] == [
        (c.group, c.counts, c.scores) for c in scorecards.scorecards_by("author", n_bins=n_bins)
    ]


def test_only_a_grouping_that_partitions_the_forecasts_adds_up_to_the_overall_one(db):
    with pytest.raises(ValueError, match="tag"):
        scorecards.scorecard_and_scorecards_by("tag")


def test_scorecards_by_tag_count_a_forecast_once_per_tag(population):
    cards = {card.group.label: card for card in scorecards.scorecards_by("tag")}

    # Forecast i has the first i % 3 tags: "trade" on 2 of 3, "security" on 1 of 3.
    assert cards["trade"].counts["total"] == 100
    assert cards["trade"].scores.n == 100
    assert cards["security"].scores.n == 50
    assert sum(b.n for b in cards["security"].scores.calibration) == 50


def test_scorecards_by_publication_and_source_cover_every_scored_forecast(population):
    by_publication = scorecards.scorecards_by("publication")
    by_source = scorecards.scorecards_by("source")

    assert sum(card.scores.n for card in by_publication) == 150
    assert sum(card.scores.n for card in by_source) == 150
    assert {card.group.label for card in by_source} == {s.title for s in population["sources"]}


def test_group_scorecard_matches_its_row_in_the_grouped_list(population):
    author = population["authors"][1]
    listed = next(c for c in scorecards.scorecards_by("author") if c.group.key == str(author.pk))

    single = scorecards.group_scorecard("author", str(author.pk))

    assert single.group == listed.group
    assert single.counts == listed.counts
    assert_scores_equal(single.scores, listed.scores)


def test_group_scorecard_of_unknown_group_is_none(db):
    assert scorecards.group_scorecard("author", "999") is None
    assert scorecards.group_scorecard("author", "not-a-number") is None


def test_unknown_grouping_is_rejected(db):
    with pytest.raises(ValueError, match="author, publication, source, tag"):
        scorecards.scorecards_by("weather")


def test_empty_database_gives_nulls_and_empty_bins(db):
    data = scorecards.scorecard().as_dict()

    assert data["group"] is None
    assert data["brier"] is None and data["log_loss"] is None
    assert data["decomposition"]["reliability"] is None
    assert [b["n"] for b in data["calibration"]] == [0] * 10
    assert data["counts"]["total"] == 0


def test_scorecard_object_has_the_documented_shape(population):
    card = scorecards.scorecards_by("author")[0]
    data = json.loads(json.dumps(card.as_dict()))

    assert set(data) == {
        "group",
        "counts",
        "brier",
        "brier_interval",
        "log_loss",
        "base_rate",
        "brier_skill",
        "ece",
        "decomposition",
        "calibration",
    }
    assert data["group"] == {"by": "author", "key": card.group.key, "label": card.group.label}
    assert list(data["counts"]) == [
        "total",
        "scored",
        "open",
        "due",
        "resolved",
        "waiting",
        "ambiguous",
        "annulled",
        "unscored",
    ]
    assert set(data["decomposition"]) == {
        "reliability",
        "resolution",
        "uncertainty",
        "within_bin_variance",
        "within_bin_covariance",
    }
    assert set(data["calibration"][0]) == {
        "lower",
        "upper",
        "n",
        "mean_probability",
        "observed_frequency",
        "ci_low",
        "ci_high",
    }
    d = data["decomposition"]
    total = d["reliability"] - d["resolution"] + d["uncertainty"] + d["within_bin_variance"]
    assert total - d["within_bin_covariance"] == pytest.approx(data["brier"], abs=TOLERANCE)


def test_phrase_table_counts_how_often_the_claim_came_true(population):
    author = population["authors"][0]
    rows = {row.phrase: row for row in scorecards.phrase_table(scorecards.group_forecasts("author", str(author.pk)))}

    pairs = population["pairs"][author.pk]
    # Author 0 wrote forecasts 0, 3, 6, ...: phrases cycle with period 4, "will likely"
    # and "Will Likely " are the same words once trimmed and lower-cased.
    likely = [pairs[j] for j in range(len(pairs)) if (3 * j) % 4 in (0, 2)]
    row = rows["will likely"]
    assert row.decided == len(likely)
    assert row.came_true == sum(o for _, o in likely)
    assert row.scores.brier == pytest.approx(scoring.score(likely, 1).brier, abs=TOLERANCE)
    # "may" carries no number: it still says how often the claim came true.
    assert rows["may"].decided == 1
    assert rows["may"].came_true == 1
    assert rows["may"].scores.n == 0


def test_basis_scorecards_split_stated_numbers_from_words(population):
    split = dict(scorecards.basis_scorecards(scorecards.confirmed_forecasts()))

    stated = split[ProbabilityBasis.STATED.label]
    words = split[ProbabilityBasis.PHRASE.label]
    assert stated.scores.n + words.scores.n == 150
    assert stated.scores.n == len([i for i in range(150) if i % 4 == 3])


def test_ranking_puts_small_samples_after_ranked_ones(db):
    big, small = AuthorFactory(name="Big"), AuthorFactory(name="Lucky")
    for i in range(scorecards.MIN_RANKED_N):
        resolved_forecast(outcome=Outcome.YES if i % 2 else Outcome.NO, probability=0.6, author=big)
    resolved_forecast(outcome=Outcome.YES, probability=0.99, author=small)

    ranked, unranked = scorecards.ranked(scorecards.scorecards_by("author"))

    assert [c.group.label for c in ranked] == ["Big"]
    assert [c.group.label for c in unranked] == ["Lucky"]
    assert unranked[0].scores.brier < ranked[0].scores.brier


@pytest.mark.parametrize("status", [Status.PROPOSED, Status.REJECTED])
def test_proposed_or_rejected_candidates_are_not_in_any_scorecard(db, status):
    ForecastFactory(status=status)

    assert scorecards.scorecard().counts["total"] == 0
    assert scorecards.scorecards_by("author") == []


def _store_bypassing_the_rules(forecast, probability: float) -> None:
    """Write a probability as an older version (or a manual UPDATE) could have: no validation,
    no rounding, no check constraint (dropped inside the test's transaction on PostgreSQL)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no ALTER TABLE with checks pending
            cursor.execute("ALTER TABLE forecasts_forecast DROP CONSTRAINT IF EXISTS forecast_probability_in_range")
        else:
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        try:
            cursor.execute("UPDATE forecasts_forecast SET probability = %s WHERE id = %s", [probability, forecast.pk])
        finally:
            if connection.vendor != "postgresql":
                cursor.execute("PRAGMA ignore_check_constraints = OFF")


@pytest.mark.parametrize("probability", [1e-200, 5e-324])
def test_scorecards_answer_whatever_probability_a_row_holds(client, db, probability):
    """p * p of 1e-200 is below the smallest double: PostgreSQL raised 'underflow' and every
    scorecard answered 500."""
    scored = resolved_forecast(outcome=Outcome.NO, probability=0.3)
    resolved_forecast(outcome=Outcome.YES, probability=0.8, author=scored.author)
    tiny_open = ForecastFactory(status=Status.OPEN, author=scored.author)
    tiny_scored = resolved_forecast(outcome=Outcome.NO, probability=0.5, author=scored.author)
    _store_bypassing_the_rules(tiny_open, probability)
    _store_bypassing_the_rules(tiny_scored, probability)

    for url in ("/scorecards/", f"/scorecards/author/{scored.author.pk}/", "/api/scorecards/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/api/scorecards/?by=author").status_code == 200
    card = scorecards.group_scorecard("author", str(scored.author.pk))
    assert card.scores.n == 3
    call_command("scorecard", stdout=io.StringIO())


# ----- resolved early: counted at the deadline ----------------------------------------------------


def test_a_2030_forecast_resolved_yes_today_is_not_in_the_default_calibration():
    import datetime

    from forecasts import slices

    author = AuthorFactory()
    resolved_forecast(outcome=Outcome.NO, probability=0.2, author=author)  # deadline 2023: counted
    early = resolved_forecast(outcome=Outcome.YES, probability=0.9, author=author, deadline=datetime.date(2030, 12, 31))

    card = scorecards.scorecard()

    assert card.n == 1
    assert card.scores.brier == pytest.approx(0.2**2)
    assert sum(b.n for b in card.scores.calibration) == 1
    assert card.counts["waiting"] == 1
    assert card.counts["resolved"] == 2 and card.counts["scored"] == 1 and card.counts["unscored"] == 0
    assert [c.counts["waiting"] for c in scorecards.scorecards_by("author")] == [1]
    # The switch counts it at once; the day after its deadline it counts by default.
    assert scorecards.scorecard(filters=slices.parse({"early": "include"})).n == 2
    assert scorecards.scorecard(today=early.deadline + datetime.timedelta(days=1)).n == 2
    assert scorecards.scorecard(today=early.deadline).n == 1


def test_waiting_forecasts_are_counted_per_group_over_the_same_slice():
    import datetime

    from forecasts import slices

    trade = TagFactory(name="trade")
    author = AuthorFactory()
    for made_on in (datetime.date(2024, 1, 1), datetime.date(2025, 1, 1)):
        forecast = resolved_forecast(
            outcome=Outcome.YES, probability=0.6, author=author, made_on=made_on, deadline=datetime.date(2031, 1, 1)
        )
        forecast.tags.set([trade])

    cards = scorecards.scorecards_by("tag", filters=slices.parse({"made_year": "2025"}))

    assert [(c.group.label, c.counts["waiting"], c.counts["total"], c.n) for c in cards] == [("trade", 1, 1, 0)]


def test_the_brier_interval_from_the_database_is_the_t_interval(population):
    from scipy import stats

    for card in scorecards.scorecards_by("author"):
        pairs = population["pairs"][int(card.group.key)]
        per_forecast = np.array([(p - o) ** 2 for p, o in pairs])
        expected = stats.t.interval(0.95, len(pairs) - 1, loc=per_forecast.mean(), scale=stats.sem(per_forecast))
        assert card.scores.brier_interval == pytest.approx(expected, rel=1e-6)


# ----- ranking --------------------------------------------------------------------------------------


def test_ranking_uses_the_shrunk_brier_and_marks_who_the_leader_cannot_be_told_from():
    rng = np.random.default_rng(4)
    spec = (
        ("Steady", 150, (0.88, 0.95), 0.95),  # many good forecasts
        ("Lucky", 10, (0.75, 0.8), 1.0),  # ten that all came true: the best raw score
        ("Middling", 150, (0.6, 0.7), 0.65),
        ("Poor", 150, (0.55, 0.7), 0.55),
    )
    for name, n, (low, high), hit in spec:
        author = AuthorFactory(name=name)
        for _ in range(n):
            p = round(float(rng.uniform(low, high)), 4)
            resolved_forecast(outcome=Outcome.YES if rng.random() < hit else Outcome.NO, probability=p, author=author)
    cards = scorecards.scorecards_by("author")
    raw_order = [c.group.label for c in sorted(cards, key=lambda c: c.scores.brier)]

    ranked, small = scorecards.ranked(cards)

    assert raw_order[:2] == ["Lucky", "Steady"]
    assert [c.group.label for c in ranked] == ["Steady", "Lucky", "Middling", "Poor"]
    assert small == []
    estimate = scoring.shrinkage([(c.n, c.scores.brier, c.scores.brier_variance) for c in cards])
    for card in ranked:
        assert card.shrunk_brier == pytest.approx(scoring.shrunk_mean(card.n, card.scores.brier, estimate))
    assert [c.like_leader for c in ranked] == [False, True, False, False]
    leader = ranked[0].scores.brier_interval
    assert scoring.intervals_overlap(leader, ranked[1].scores.brier_interval)
    assert not scoring.intervals_overlap(leader, ranked[2].scores.brier_interval)


def test_by_year_scorecards_and_trend_follow_the_forecasts_made_each_year():
    import datetime

    author = AuthorFactory()
    rows = {2020: [(0.9, 0), (0.8, 0)], 2021: [(0.6, 1), (0.3, 0)], 2022: [(0.9, 1), (0.1, 0), (0.8, 1)]}
    for year, pairs in rows.items():
        for p, o in pairs:
            resolved_forecast(
                outcome=Outcome.YES if o else Outcome.NO,
                probability=p,
                author=author,
                made_on=datetime.date(year, 3, 1),
                deadline=datetime.date(year, 12, 31),
            )

    years = scorecards.yearly_scorecards(scorecards.group_forecasts("author", str(author.pk)))

    briers = {year: np.mean([(p - o) ** 2 for p, o in pairs]) for year, pairs in rows.items()}
    assert [(year, card.n) for year, card in years] == [(2020, 2), (2021, 2), (2022, 3)]
    for year, card in years:
        assert card.scores.brier == pytest.approx(briers[year])
    x = np.array(list(briers), dtype=float)
    y = np.array(list(briers.values()))
    w = np.array([len(pairs) for pairs in rows.values()], dtype=float)
    assert scorecards.brier_trend(years) == pytest.approx(np.polyfit(x, y, 1, w=np.sqrt(w))[0])
    assert scorecards.brier_trend(years) < 0


def test_the_worked_example_of_docs_scoring():
    import datetime

    from forecasts import slices

    author = AuthorFactory()
    for p, deadline, outcome in (
        (0.2, datetime.date(2025, 12, 31), Outcome.NO),
        (0.7, datetime.date(2026, 6, 30), Outcome.YES),
        (0.9, datetime.date(2030, 12, 31), Outcome.YES),
    ):
        resolved_forecast(outcome=outcome, probability=p, author=author, deadline=deadline)
    today = datetime.date(2026, 11, 30)

    default = scorecards.scorecard(today=today)
    included = scorecards.scorecard(filters=slices.parse({"early": "include"}), today=today)

    assert default.scores.brier == pytest.approx(0.065)
    assert (default.counts["resolved"], default.counts["scored"], default.counts["waiting"]) == (3, 2, 1)
    assert included.scores.brier == pytest.approx(0.14 / 3)
    assert scorecards.scorecard(today=datetime.date(2031, 1, 1)).n == 3
