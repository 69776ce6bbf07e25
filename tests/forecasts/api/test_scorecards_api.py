import datetime

import pytest
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle

from forecasts import comparisons, scorecards, slices
from forecasts.models import Outcome, Status
from tests.factories import AuthorFactory, ForecastFactory


def _resolved(author, probability, outcome):
    return ForecastFactory(
        author=author, probability=probability, status=Status.RESOLVED, outcome=outcome, resolved_at=timezone.now()
    )


def test_overall_scorecard_matches_the_scorecard_builder(api):
    author = AuthorFactory(name="Ann")
    _resolved(author, 0.8, Outcome.YES)
    _resolved(author, 0.3, Outcome.NO)
    response = api["anonymous"].get("/api/scorecards/")
    assert response.status_code == 200
    assert response.json() == [
        {
            **scorecards.scorecard().as_dict(),
            "relative": comparisons.relative_scores().as_dict(),
            # The overall card is not ranked.
            "rank": None,
            "shrunk_brier": None,
            "distinguishable_from_leader": None,
        }
    ]
    card = response.json()[0]
    assert card["group"] is None
    assert card["counts"]["scored"] == 2
    assert card["brier"] == pytest.approx(((0.8 - 1) ** 2 + 0.3**2) / 2)
    assert len(card["calibration"]) == 10


def _record(author, probability, outcome, times):
    for _ in range(times):
        _resolved(author, probability, outcome)


def _ranking_fixture():
    """Four authors with enough scored forecasts to rank and one without: the best raw Brier."""
    good, close, medium, bad = (AuthorFactory(name=name) for name in ("Dee", "Cy", "Bea", "Al"))
    _record(good, 0.9, Outcome.YES, 10)  # Brier 0.01, every forecast alike: a narrow interval
    _record(close, 0.9, Outcome.YES, 9)  # mean 0.09, one miss: an interval that reaches the leader's
    _record(close, 0.9, Outcome.NO, 1)
    _record(medium, 0.65, Outcome.YES, 10)  # 0.1225, narrow: apart from the leader
    _record(bad, 0.2, Outcome.YES, 10)  # 0.64
    few = AuthorFactory(name="Ed")
    _record(few, 0.95, Outcome.YES, 2)
    return good, close, medium, bad, few


@pytest.mark.parametrize("role", ["anonymous", "reader"])
def test_scorecards_by_author_are_ranked_as_on_the_pages(api, client, role):
    _ranking_fixture()
    cards = api[role].get("/api/scorecards/", {"by": "author"}).json()
    assert [(c["group"]["label"], c["rank"], c["distinguishable_from_leader"]) for c in cards] == [
        ("Dee", 1, None),
        ("Cy", 2, False),
        ("Bea", 3, True),
        ("Al", 4, True),
        ("Ed", None, None),  # too few scored forecasts to rank: after the ranked ones
    ]
    assert cards[-1]["shrunk_brier"] is None
    assert cards[0]["brier_interval"][0] <= cards[1]["brier_interval"][1]

    # The same order and numbers as the scorecards page, which ranks with scorecards.ranked.
    page = client.get("/scorecards/").context["rankings"][0]
    assert page["by"] == "author"
    shown = [*page["ranked"], *page["small"]]
    assert [c["group"]["key"] for c in cards] == [c.group.key for c in shown]
    assert [c["shrunk_brier"] for c in cards] == [c.shrunk_brier for c in shown]
    assert [c["distinguishable_from_leader"] for c in cards[1:4]] == [not c.like_leader for c in shown[1:4]]


@pytest.mark.parametrize("by", ["publication", "source", "tag"])
def test_every_grouping_is_ranked_by_the_same_function(api, by):
    _ranking_fixture()
    cards = api["anonymous"].get("/api/scorecards/", {"by": by}).json()
    ranked, small = scorecards.ranked(scorecards.scorecards_by(by))
    assert [c["group"]["key"] for c in cards] == [c.group.key for c in (*ranked, *small)]
    assert [c["rank"] for c in cards] == [*range(1, len(ranked) + 1), *[None] * len(small)]


def test_ranking_keeps_each_cards_relative_score(api):
    *_, bad, few = _ranking_fixture()
    # References for two authors listed in different places than in label order.
    for author, reference in ((bad, 0.4), (few, 0.6)):
        ForecastFactory(
            author=author,
            probability=0.3,
            reference_probability=reference,
            reference_source="A market",
            status=Status.RESOLVED,
            outcome=Outcome.YES,
            resolved_at=timezone.now(),
        )
    cards = api["anonymous"].get("/api/scorecards/", {"by": "author"}).json()
    relative = dict(
        zip(
            [c.group.key for c in scorecards.scorecards_by("author")],
            comparisons.relative_for(scorecards.scorecards_by("author"), by="author", filters=slices.Slice()),
            strict=True,
        )
    )
    assert [c["relative"]["n"] for c in cards] == [0, 0, 0, 1, 1]
    assert all(c["relative"] == relative[c["group"]["key"]].as_dict() for c in cards)


def test_scorecards_by_author_with_bins(api):
    ann, bob = AuthorFactory(name="Ann"), AuthorFactory(name="Bob")
    _resolved(ann, 0.9, Outcome.YES)
    _resolved(bob, 0.2, Outcome.YES)
    ForecastFactory(author=bob, review_on=datetime.date(2030, 1, 1), deadline=datetime.date(2030, 1, 1))
    response = api["reader"].get("/api/scorecards/", {"by": "author", "bins": 5})
    assert response.status_code == 200
    cards = response.json()
    assert [c["group"]["label"] for c in cards] == ["Ann", "Bob"]
    assert cards[1]["counts"]["open"] == 1
    assert all(len(c["calibration"]) == 5 for c in cards)


@pytest.mark.parametrize("query", [{"by": "country"}, {"by": ""}, {"bins": "0"}, {"bins": "1000"}, {"bins": "x"}])
def test_bad_scorecard_query_is_400(api, query):
    response = api["anonymous"].get("/api/scorecards/", query)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == list(query)


def test_anonymous_throttling_answers_429(api, monkeypatch):
    # DRF reads the rates once, at import; patch the class rather than the setting.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    statuses = [api["anonymous"].get("/api/scorecards/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_a_slice_narrows_the_api_scorecards(api):
    ann = AuthorFactory(name="Ann")
    for probability, outcome, made_on in ((0.8, Outcome.YES, "2021-05-01"), (0.3, Outcome.YES, "2022-05-01")):
        ForecastFactory(
            author=ann,
            probability=probability,
            status=Status.RESOLVED,
            outcome=outcome,
            resolved_at=timezone.now(),
            made_on=datetime.date.fromisoformat(made_on),
            deadline=datetime.date(2023, 12, 31),
        )

    response = api["anonymous"].get("/api/scorecards/", {"by": "author", "made_year": "2022", "format": "json"})

    assert response.status_code == 200
    (card,) = response.json()
    assert card["counts"]["scored"] == 1
    assert card["brier"] == pytest.approx(0.7**2)
    assert card["brier_interval"] is None


def test_the_early_switch_and_the_waiting_count_in_the_api(api):
    ForecastFactory(
        probability=0.9,
        status=Status.RESOLVED,
        outcome=Outcome.YES,
        resolved_at=timezone.now(),
        deadline=datetime.date(2030, 12, 31),
    )
    default = api["anonymous"].get("/api/scorecards/").json()[0]
    included = api["anonymous"].get("/api/scorecards/", {"early": "include"}).json()[0]
    assert (default["counts"]["waiting"], default["counts"]["scored"]) == (1, 0)
    assert (included["counts"]["waiting"], included["counts"]["scored"]) == (0, 1)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"since": "2020"}, "Accepted:"),
        ({"horizon": "5y"}, "lt6m, 6-12m, 1-3y, gt3y"),
        ({"early": "all"}, "exclude, include"),
        ({"made_year": "abcd"}, "YYYY"),
        ({"tag": "nowhere"}, "no tag named"),
    ],
)
def test_bad_slice_is_400_with_the_valid_choices(api, query, words):
    response = api["anonymous"].get("/api/scorecards/", query)
    assert response.status_code == 400
    (param,) = query
    assert words in " ".join(response.json()["errors"][param])
