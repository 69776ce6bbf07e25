"""forecasts/slices.py: every filter narrows the scorecard to the rows a hand computation picks."""

import datetime

import numpy as np
import pytest
from django.utils import timezone

from forecasts import scorecards, slices
from forecasts.models import Outcome, ProbabilityBasis, Status
from tests.factories import AuthorFactory, ForecastFactory, TagFactory, without_history

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
HORIZON_DAYS = (30, 182, 183, 300, 366, 367, 800, 1096, 1097, 2000)
BASES = (ProbabilityBasis.STATED, ProbabilityBasis.PHRASE, ProbabilityBasis.ANALYST)


@pytest.fixture
def rows():
    """Forecasts over several made dates, resolution dates, horizons, bases, tags and authors;
    returns the plain facts of each, for computing the expected numbers without the database."""
    with without_history():
        return _rows()


def _rows():
    rng = np.random.default_rng(17)
    authors = AuthorFactory.create_batch(3)
    tags = [TagFactory(name="trade"), TagFactory(name="Security")]
    facts = []
    for i in range(120):
        made_on = datetime.date(2019, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 5 * 365)))
        deadline = made_on + datetime.timedelta(days=HORIZON_DAYS[i % len(HORIZON_DAYS)])
        p = round(float(rng.uniform(0.01, 0.99)), 4)
        o = int(rng.random() < p)
        # Mostly resolved after the deadline; a few early, some still before today's deadline.
        resolved_on = min(deadline + datetime.timedelta(days=int(rng.integers(1, 90))), TODAY)
        if i % 11 == 0:
            resolved_on = max(made_on, deadline - datetime.timedelta(days=20))
        resolved_at = timezone.make_aware(datetime.datetime.combine(resolved_on, datetime.time(12)))
        forecast = ForecastFactory(
            author=authors[i % 3],
            probability=p,
            probability_basis=BASES[i % 3 if i % 7 else 0],
            made_on=made_on,
            deadline=deadline,
            status=Status.RESOLVED,
            outcome=Outcome.YES if o else Outcome.NO,
            resolved_at=resolved_at,
            evidence_url="https://example.org/e",
            resolution_note="Settled.",
        )
        forecast_tags = [tag for tag, on in zip(tags, (i % 4 in (0, 1), i % 5 in (0, 2)), strict=True) if on]
        forecast.tags.set(forecast_tags)
        facts.append(
            {
                "p": p,
                "o": o,
                "author": authors[i % 3].pk,
                "basis": forecast.probability_basis,
                "made_on": made_on,
                "deadline": deadline,
                "resolved_on": resolved_on,
                "tags": {t.name for t in forecast_tags},
            }
        )
    return {"facts": facts, "authors": authors, "tags": tags}


def expected(facts, keep, *, include_early=False):
    chosen = [f for f in facts if keep(f) and (include_early or f["deadline"] < TODAY)]
    p = np.array([f["p"] for f in chosen])
    o = np.array([f["o"] for f in chosen])
    waiting = 0 if include_early else sum(1 for f in facts if keep(f) and f["deadline"] >= TODAY)
    return len(chosen), (float(np.mean((p - o) ** 2)) if len(chosen) else None), waiting


def horizon_band(f):
    days = (f["deadline"] - f["made_on"]).days
    if days < 183:
        return "lt6m"
    if days <= 366:
        return "6-12m"
    if days <= 1096:
        return "1-3y"
    return "gt3y"


CASES = [
    ({"made_from": "2020-03-01"}, lambda f: f["made_on"] >= datetime.date(2020, 3, 1)),
    ({"made_to": "2021-06-30"}, lambda f: f["made_on"] <= datetime.date(2021, 6, 30)),
    ({"made_year": "2021"}, lambda f: f["made_on"].year == 2021),
    (
        {"resolved_from": "2022-01-01", "resolved_to": "2023-12-31"},
        lambda f: datetime.date(2022, 1, 1) <= f["resolved_on"] <= datetime.date(2023, 12, 31),
    ),
    ({"horizon": "lt6m"}, lambda f: horizon_band(f) == "lt6m"),
    ({"horizon": "6-12m"}, lambda f: horizon_band(f) == "6-12m"),
    ({"horizon": "1-3y"}, lambda f: horizon_band(f) == "1-3y"),
    ({"horizon": "gt3y"}, lambda f: horizon_band(f) == "gt3y"),
    ({"basis": "stated"}, lambda f: f["basis"] == "stated"),
    ({"basis": "analyst"}, lambda f: f["basis"] == "analyst"),
    ({"tag": "trade"}, lambda f: "trade" in f["tags"]),
    ({"tag": "SECURITY"}, lambda f: "Security" in f["tags"]),
]


@pytest.mark.parametrize(("params", "keep"), CASES, ids=[str(c[0]) for c in CASES])
def test_each_filter_gives_the_hand_computed_scorecard(rows, params, keep):
    facts = rows["facts"]
    n, brier, waiting = expected(facts, keep)
    all_n, all_brier, _ = expected(facts, lambda f: True)

    card = scorecards.scorecard(filters=slices.parse(params), today=TODAY)

    assert 0 < n < all_n, "the fixture must make every filter narrow the rows"
    assert card.n == n
    assert card.scores.brier == pytest.approx(brier, abs=1e-12)
    assert card.counts["waiting"] == waiting
    assert card.scores.brier != pytest.approx(all_brier, abs=1e-9)


def test_pundit_by_tag_is_one_author_on_one_topic(rows):
    author = rows["authors"][1].pk
    n, brier, waiting = expected(rows["facts"], lambda f: f["author"] == author and "trade" in f["tags"])

    card = scorecards.scorecard(filters=slices.parse({"author": str(author), "tag": "trade"}), today=TODAY)

    assert n > 0 and (card.n, card.counts["waiting"]) == (n, waiting)
    assert card.scores.brier == pytest.approx(brier, abs=1e-12)


def test_the_by_author_scorecards_of_a_slice_are_each_hand_computed(rows):
    filters = slices.parse({"horizon": "1-3y", "made_from": "2020-01-01"})
    cards = scorecards.scorecards_by("author", filters=filters, today=TODAY)

    for card in cards:
        author = int(card.group.key)
        n, brier, _ = expected(
            rows["facts"],
            lambda f, a=author: (
                f["author"] == a and horizon_band(f) == "1-3y" and f["made_on"] >= datetime.date(2020, 1, 1)
            ),
        )
        assert card.n == n
        assert card.scores.brier == pytest.approx(brier, abs=1e-12)


def test_a_tag_slice_of_the_scorecards_by_tag_counts_each_forecast_once(rows):
    filters = slices.parse({"tag": "trade"})
    cards = {card.group.label: card for card in scorecards.scorecards_by("tag", filters=filters, today=TODAY)}

    n, _brier, _ = expected(rows["facts"], lambda f: "trade" in f["tags"])
    assert cards["trade"].n == n
    both, _b, _w = expected(rows["facts"], lambda f: f["tags"] == {"trade", "Security"})
    assert cards["Security"].n == both


def test_including_early_resolutions_counts_them_at_once(rows):
    n, brier, _ = expected(rows["facts"], lambda f: True, include_early=True)

    card = scorecards.scorecard(filters=slices.parse({"early": "include"}), today=TODAY)

    assert (card.n, card.counts["waiting"]) == (n, 0)
    assert card.scores.brier == pytest.approx(brier, abs=1e-12)


def test_horizon_bands_in_python_match_the_database_condition(rows):
    for value in slices.HORIZONS:
        in_python = sum(1 for f in rows["facts"] if slices.horizon_of(f["made_on"], f["deadline"]) == value)
        card = scorecards.scorecard(filters=slices.parse({"horizon": value, "early": "include"}), today=TODAY)
        assert card.counts["total"] == in_python


@pytest.mark.parametrize(
    ("params", "param", "words"),
    [
        ({"since": "2020"}, "since", "Accepted:"),
        ({"horizon": "5y"}, "horizon", "lt6m, 6-12m, 1-3y, gt3y"),
        ({"basis": "gut"}, "basis", "stated, phrase, analyst, none"),
        ({"early": "yes"}, "early", "exclude, include"),
        ({"made_from": "2020-13-01"}, "made_from", "YYYY-MM-DD"),
        ({"made_from": "1800-01-01"}, "made_from", "1900-01-01"),
        ({"made_year": "20x1"}, "made_year", "YYYY"),
        ({"made_year": "2021", "made_from": "2021-02-01"}, "made_year", "not both"),
        ({"made_from": "2022-01-01", "made_to": "2021-01-01"}, "made_to", "before made_from"),
        ({"resolved_from": "2022-01-01", "resolved_to": "2021-01-01"}, "resolved_to", "before resolved_from"),
        ({"tag": "weather"}, "tag", "Tags: trade"),
        ({"tag": "a\x00b"}, "tag", "no tag named"),
        ({"author": "abc"}, "author", "not the id"),
        ({"author": "999999"}, "author", "not the id"),
    ],
)
def test_bad_filters_say_what_is_valid(params, param, words):
    TagFactory(name="trade")
    with pytest.raises(slices.SliceError) as raised:
        slices.parse(params)
    assert raised.value.param == param
    assert words in str(raised.value)


def test_names_the_caller_reads_itself_are_accepted():
    assert slices.parse({"bins": "5", "by": "author"}, other_params=("bins", "by")) == slices.DEFAULT


def test_a_parameter_given_twice_is_refused():
    from django.http import QueryDict

    with pytest.raises(slices.SliceError, match="once"):
        slices.parse(QueryDict("horizon=lt6m&horizon=gt3y"))


def test_a_slice_gives_its_query_string_back(rows):
    params = {"made_from": "2020-01-01", "horizon": "1-3y", "basis": "stated", "tag": "trade", "early": "include"}
    assert slices.parse(params).as_params() == params


def test_a_filter_left_blank_in_a_form_filters_nothing():
    assert slices.parse({"tag": "", "horizon": " ", "made_year": ""}) == slices.DEFAULT
