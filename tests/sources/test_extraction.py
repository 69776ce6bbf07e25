"""Forecast extraction: unit behaviour, and precision/recall on hand-labelled articles.

Each article in tests/sources/articles/ has a JSON answer key written by hand before
the extractor: the forecasts a careful analyst would mark (quote, probability band of
the words, deadline year), optional statements either reading accepts, and text that
must never become a candidate (captions, bios, non-forecasts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from sources import scales
from sources.extraction import (
    BASIS_NONE,
    BASIS_PHRASE,
    BASIS_STATED,
    DEADLINE_DEFAULT,
    DEADLINE_NO_FIXED_DATE,
    Candidate,
    extract_candidates,
)

ARTICLES = Path(__file__).parent / "articles"
SEED = "seed-russia-china-north-korea-2023"
ARTICLE_NAMES = sorted(path.stem for path in ARTICLES.glob("*.txt"))
# Blind articles written by a colleague after the extractor: "tune" was used to find what
# the extractor missed, "holdout" was measured once at the end and never tuned on.
BLIND_NAMES = [
    f"{folder}/{path.stem}" for folder in ("tune", "holdout") for path in sorted((ARTICLES / folder).glob("*.txt"))
]
ALL_NAMES = ARTICLE_NAMES + BLIND_NAMES
UNSEEN_STYLE = [name for name in ALL_NAMES if name != SEED]

# Bars from issue 6, "How it is judged".
MIN_RECALL = 0.90
MIN_PRECISION = 0.85
MIN_ACCURACY = 0.85


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u2019", "'").split()).strip(" .").lower()


def _overlaps(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return a in b or b in a


def _band(label) -> tuple[float, float] | str | None:
    band = label["band"]
    if band in ("any", "none"):
        return band
    if isinstance(band, list):
        return (band[0] - 0.005, band[1] + 0.005)
    icd = scales.ICD203.band(band)
    return (icd.lower, icd.upper)


@dataclass
class Score:
    name: str
    candidates: list[Candidate]
    covered: int
    required: int
    true_positives: int
    accurate: int
    wrong: list[str]
    missed: list[str]
    false_positives: list[str]

    @property
    def recall(self) -> float:
        return self.covered / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.true_positives / len(self.candidates) if self.candidates else 1.0

    @property
    def accuracy(self) -> float:
        return self.accurate / self.covered if self.covered else 1.0


def _load(name: str) -> tuple[str, dict]:
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    key = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    return text, key


def _score(name: str) -> Score:
    text, key = _load(name)
    candidates = extract_candidates(text, published_on=date.fromisoformat(key["published_on"]))
    labels = key["forecasts"]
    acceptable = labels + key["optional"]
    covered = accurate = 0
    wrong, missed = [], []
    for label in labels:
        matches = [c for c in candidates if _overlaps(label["quote"], c.quote)]
        if not matches:
            missed.append(label["quote"])
            continue
        covered += 1
        # the tightest candidate holding the label speaks for it
        best = min(matches, key=lambda c: (_norm(label["quote"]) not in _norm(c.quote), len(c.quote)))
        band = _band(label)
        if band == "any":
            band_ok = True
        elif band == "none":
            band_ok = best.probability is None
        else:
            band_ok = best.probability is not None and band[0] <= best.probability <= band[1]
        year = label["deadline_year"]
        year_ok = year == "any" or (best.deadline.year if best.deadline else None) == year
        if band_ok and year_ok:
            accurate += 1
        else:
            wrong.append(f"{label['quote']!r}: p={best.probability} deadline={best.deadline}")
    false_positives = [c.quote for c in candidates if not any(_overlaps(a["quote"], c.quote) for a in acceptable)]
    return Score(
        name=name,
        candidates=candidates,
        covered=covered,
        required=len(labels),
        true_positives=len(candidates) - len(false_positives),
        accurate=accurate,
        wrong=wrong,
        missed=missed,
        false_positives=false_positives,
    )


def _report(score: Score) -> str:
    lines = [
        f"{score.name}: candidates={len(score.candidates)} recall={score.recall:.2f} "
        f"({score.covered}/{score.required}) precision={score.precision:.2f} "
        f"probability+deadline right={score.accuracy:.2f}"
    ]
    lines += [f"  missed: {q}" for q in score.missed]
    lines += [f"  false positive: {q}" for q in score.false_positives]
    lines += [f"  wrong: {w}" for w in score.wrong]
    return "\n".join(lines)


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_article_meets_quality_bars(name):
    score = _score(name)
    print(_report(score))
    assert score.recall >= MIN_RECALL, _report(score)
    assert score.precision >= MIN_PRECISION, _report(score)
    assert score.accuracy >= MIN_ACCURACY, _report(score)


# A blind article holds 9-15 forecasts, so one miss moves its recall by 7-11 points and
# the bars are judged on the pool (below). Each blind article must still clear a
# floor, so that a collapse on one writing style does not hide inside the pool.
BLIND_FLOOR = 0.75


@pytest.mark.parametrize("name", BLIND_NAMES)
def test_blind_article_clears_the_floor(name):
    score = _score(name)
    print(_report(score))
    assert score.recall >= BLIND_FLOOR, _report(score)
    assert score.precision >= BLIND_FLOOR, _report(score)
    assert score.accuracy >= BLIND_FLOOR, _report(score)


def test_pooled_quality_over_unseen_style_articles():
    scores = [_score(name) for name in UNSEEN_STYLE]
    covered = sum(s.covered for s in scores)
    required = sum(s.required for s in scores)
    candidates = sum(len(s.candidates) for s in scores)
    true_positives = sum(s.true_positives for s in scores)
    accurate = sum(s.accurate for s in scores)
    print(
        f"pooled over {len(scores)} articles: recall={covered / required:.2f} "
        f"precision={true_positives / candidates:.2f} accuracy={accurate / covered:.2f}"
    )
    assert covered / required >= MIN_RECALL
    assert true_positives / candidates >= MIN_PRECISION
    assert accurate / covered >= MIN_ACCURACY


def test_seed_article_proposes_every_curated_forecast():
    score = _score(SEED)
    assert score.missed == []


@pytest.mark.parametrize("name", ALL_NAMES)
def test_no_caption_bio_or_non_forecast_becomes_a_candidate(name):
    text, key = _load(name)
    candidates = extract_candidates(text, published_on=date.fromisoformat(key["published_on"]))
    offending = [(q, c.quote) for q in key["not_candidates"] for c in candidates if _overlaps(q, c.quote)]
    assert offending == []


@pytest.mark.parametrize("name", ALL_NAMES)
def test_quotes_are_verbatim_substrings_of_the_article(name):
    text, key = _load(name)
    for candidate in extract_candidates(text, published_on=date.fromisoformat(key["published_on"])):
        assert text[candidate.start : candidate.end] == candidate.quote
        assert candidate.quote in text


# --- unit behaviour --------------------------------------------------------------------------

PUBLISHED = date(2023, 1, 1)


def _one(sentence: str, published_on: date = PUBLISHED, scale: str = "icd203") -> Candidate:
    found = extract_candidates(sentence, published_on=published_on, scale=scale)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "probability", "basis"),
    [
        ("Inflation is likely to fall in 2023.", 0.675, BASIS_PHRASE),
        ("Inflation will probably fall in 2023.", 0.675, BASIS_PHRASE),
        ("Inflation will very likely fall in 2023.", 0.875, BASIS_PHRASE),
        ("Inflation will almost certainly fall in 2023.", 0.97, BASIS_PHRASE),
        ("It is almost certain that inflation falls in 2023.", 0.97, BASIS_PHRASE),
        ("Inflation is unlikely to fall in 2023.", 0.325, BASIS_PHRASE),
        ("Inflation is highly unlikely to fall in 2023.", 0.125, BASIS_PHRASE),
        ("Inflation will probably not fall in 2023.", 0.325, BASIS_PHRASE),
        ("Inflation probably won't fall in 2023.", 0.325, BASIS_PHRASE),
        ("Inflation is not likely to fall in 2023.", 0.325, BASIS_PHRASE),
        ("There is little chance that inflation falls in 2023.", 0.125, BASIS_PHRASE),
        ("There is an even chance that inflation falls in 2023.", 0.5, BASIS_PHRASE),
        ("Inflation is expected to fall in 2023.", 0.675, BASIS_PHRASE),
        ("The odds are that inflation falls in 2023.", 0.675, BASIS_PHRASE),
        ("I expect inflation to fall in 2023.", 0.675, BASIS_PHRASE),
        ("Inflation will fall in 2023.", 0.97, BASIS_PHRASE),
        ("Inflation will not fall in 2023.", 0.03, BASIS_PHRASE),
        ("Inflation won\u2019t fall in 2023.", 0.03, BASIS_PHRASE),
        ("Inflation may fall in 2023.", None, BASIS_NONE),
        ("Inflation could fall in 2023.", None, BASIS_NONE),
        ("Inflation might fall in 2023.", None, BASIS_NONE),
        ("Perhaps inflation falls in 2023.", None, BASIS_NONE),
        ("There is a 30% chance that inflation falls in 2023.", 0.30, BASIS_STATED),
        ("The odds of a recession in 2023 are roughly 15 percent.", 0.15, BASIS_STATED),
        ("Inflation will likely fall in 2023; I put the chance at 70 per cent.", 0.70, BASIS_STATED),
        ("There is a one-in-three chance that inflation falls in 2023.", 1 / 3, BASIS_STATED),
        ("The country will be able to test missiles in 2023.", None, BASIS_NONE),
    ],
)
def test_estimative_phrase_to_probability(sentence, probability, basis):
    candidate = _one(sentence)
    assert candidate.probability == pytest.approx(probability) if probability is not None else True
    assert (candidate.probability is None) == (probability is None)
    assert candidate.probability_basis == basis


def test_explicit_number_wins_over_words():
    candidate = _one("Growth will very likely resume in 2023, and I would put it at 60%.")
    assert candidate.probability == pytest.approx(0.60)
    assert candidate.probability_basis == BASIS_STATED


def test_a_percentage_that_is_not_a_probability_is_not_taken_as_one():
    candidate = _one("The party will very likely win about 20 percent of the vote in 2023.")
    assert candidate.probability == pytest.approx(0.875)


def test_kent_scale_gives_kent_numbers():
    assert _one("Inflation is likely to fall in 2023.", scale="kent").probability == pytest.approx(0.75)
    assert _one("Inflation will not fall in 2023.", scale="kent").probability == pytest.approx(0.07)


def test_unknown_scale_is_refused():
    with pytest.raises(ValueError, match="unknown probability scale"):
        extract_candidates("Prices will rise.", published_on=PUBLISHED, scale="vibes")


@pytest.mark.parametrize(
    ("sentence", "published_on", "deadline", "flag"),
    [
        ("Growth will likely resume in 2023.", date(2023, 1, 1), date(2023, 12, 31), "stated"),
        ("As we enter 2023, growth will likely resume.", date(2023, 1, 1), date(2023, 12, 31), "stated"),
        ("Growth will likely resume this year.", date(2024, 5, 3), date(2024, 12, 31), "stated"),
        ("Growth will likely resume next year.", date(2024, 5, 3), date(2025, 12, 31), "stated"),
        ("Gas will likely run short this winter.", date(2024, 11, 10), date(2025, 2, 28), "stated"),
        ("Gas will likely run short this winter.", date(2024, 1, 10), date(2024, 2, 29), "stated"),
        ("The bill will likely pass by June.", date(2024, 2, 1), date(2024, 6, 30), "stated"),
        ("The bill will likely pass by June.", date(2024, 8, 1), date(2025, 6, 30), "stated"),
        ("The bill will likely pass within six months.", date(2024, 2, 10), date(2024, 8, 10), "stated"),
        ("The bill will likely pass before the end of 2025.", date(2023, 2, 10), date(2025, 12, 31), "stated"),
        ("The bill will likely pass by 2027.", date(2023, 2, 10), date(2027, 12, 31), "stated"),
        ("The bill will likely pass by the end of the decade.", date(2023, 2, 10), date(2029, 12, 31), "stated"),
        ("The Fed will likely hold on Wednesday.", date(2023, 9, 18), date(2023, 9, 20), "stated"),
        ("Rates will likely peak in the second quarter of 2024.", date(2023, 9, 18), date(2024, 6, 30), "stated"),
        ("In the long run, growth will likely resume.", date(2023, 1, 1), None, DEADLINE_NO_FIXED_DATE),
        ("Growth will likely resume.", date(2023, 3, 1), date(2023, 12, 31), DEADLINE_DEFAULT),
    ],
)
def test_deadline_from_time_expression(sentence, published_on, deadline, flag):
    candidate = _one(sentence, published_on=published_on)
    assert candidate.deadline == deadline
    assert candidate.deadline_flag == flag


def test_missing_time_expression_lowers_confidence():
    dated = _one("Growth will likely resume in 2023.")
    undated = _one("Growth will likely resume.")
    assert undated.confidence < dated.confidence
    assert "no time expression" in undated.note


def test_long_run_is_flagged_for_the_editor():
    candidate = _one("In the long run, growth will likely resume.")
    assert "no fixed date" in candidate.note


def test_sentence_with_two_forecasts_is_split_into_two_candidates():
    text = "Trade with China will likely move toward pre-Covid-19 levels, perhaps even surpassing them."
    first, second = extract_candidates(text, published_on=PUBLISHED)
    assert first.quote == "Trade with China will likely move toward pre-Covid-19 levels"
    assert (first.estimative_phrase, first.probability) == ("will likely", 0.675)
    assert second.quote == "perhaps even surpassing them."
    assert (second.estimative_phrase, second.probability) == ("perhaps", None)


def test_clauses_with_different_deadlines_are_split():
    text = "Inflation will probably cool through the end of the year, and the first cut will likely come in 2024."
    first, second = extract_candidates(text, published_on=date(2023, 9, 18))
    assert (first.deadline, second.deadline) == (date(2023, 12, 31), date(2024, 12, 31))


def test_suggested_claim_is_positive_and_dated():
    candidate = _one("These changes will not transform the economy in 2023.")
    assert candidate.claim == "These changes will transform the economy in 2023 (by 2023-12-31)"
    assert candidate.probability == pytest.approx(0.03)


@pytest.mark.parametrize(
    "text",
    [
        "Kim met Putin in Vladivostok. Photo: AFP / Alexander Zemlianichenko / Pool",
        "Questions swirl around the launches, which will continue. Image: Getty / Twitter",
        "Chart: exports will likely rise. Source: IMF",
        "Jane Doe is a senior fellow at the Lowy Institute who will write more.",
        "This article will be updated. It was first published by East Asia Forum.",
        "By Jane Doe",
    ],
)
def test_captions_credits_bios_and_notes_are_skipped(text):
    assert extract_candidates(text, published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "We may never know what the regime wanted.",
        "Closer ties can also serve the regime.",
        "Analysts had expected a faster slowdown.",
        "Exports were likely to rise in 2019.",
        "It is unclear whether the talks will resume in 2023.",
        "Will prices rise in 2023?",
        "I will grade these forecasts in December.",
        "Russia is far less likely to cooperate than it was.",
        "Here the odds are better than elsewhere.",
        "Nobody should expect a return to cheap money.",
        "Done badly, the plan could cost the government its majority.",
    ],
)
def test_statements_that_are_not_forecasts_are_ignored(text):
    assert extract_candidates(text, published_on=PUBLISHED) == []


def test_sentence_splitting_keeps_abbreviations_curly_quotes_and_nbsp_verbatim():
    text = (
        "Mr.\u00a0Smith met Dr. Jones on Sept. 3 in the U.S. capital. "
        "\u201cPrices will likely fall in 2023,\u201d he said. The U.S. Treasury will probably borrow more next year."
    )
    quotes = [c.quote for c in extract_candidates(text, published_on=PUBLISHED)]
    assert quotes == [
        "\u201cPrices will likely fall in 2023,\u201d he said.",
        "The U.S. Treasury will probably borrow more next year.",
    ]


def test_question_answered_with_a_number_is_one_candidate():
    text = "A ceasefire by the end of the year? I\u2019d say roughly 35 percent."
    candidate = _one(text, published_on=date(2025, 1, 5))
    assert candidate.quote == text
    assert candidate.probability == pytest.approx(0.35)
    assert candidate.deadline == date(2025, 12, 31)


def test_candidate_is_immutable():
    candidate = _one("Growth will likely resume in 2023.")
    with pytest.raises(AttributeError):
        candidate.probability = 0.5  # type: ignore[misc]


def test_before_a_year_ends_with_the_year_before():
    assert _one(
        "The share is unlikely to exceed a third before 2027.", published_on=date(2024, 11, 20)
    ).deadline == date(2026, 12, 31)


def test_denying_an_implication_is_not_a_forecast():
    assert extract_candidates("None of this means downstreaming will fail.", published_on=PUBLISHED) == []


# --- behaviours found on the blind "tune" articles -----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        ("Nord Stream 1 will almost certainly never deliver gas again in 2023.", 0.03),
        ("I do not see a lasting fall in prices before 2025.", 0.325),
        ("We foresee a recession next year.", 0.675),
        ("I doubt that the cap survives the winter.", 0.325),
        ("I'd be surprised if rates rose in 2024.", 0.325),
        ("I'd put the odds of a price cap before the end of the year at about one in four.", 0.25),
        ("The chances of a deal this year are slim.", 0.125),
        ("The odds look good for a cut in March.", 0.675),
        ("There is a better-than-even chance of a cut in 2024.", 0.675),
        ("In all likelihood the central bank cuts in 2024.", 0.875),
        ("A cut in March is doubtful.", 0.325),
        ("GDP is forecast to grow 2% next year.", 0.675),
        ("Expect rates to stay high through 2024.", 0.675),
        ("I predict the bill passes by June.", 0.675),
        ("Rates are not going to fall in 2024.", 0.03),
        ("A settlement of 3 per cent or more next spring is a real possibility.", None),
    ],
)
def test_more_kinds_of_estimative_language(sentence, probability):
    candidate = _one(sentence, published_on=date(2023, 11, 20))
    if probability is None:
        assert candidate.probability is None
    else:
        assert candidate.probability == pytest.approx(probability)


def test_odds_put_at_one_in_n_split_from_a_second_number():
    text = (
        "I'd put Labor's chances of winning a majority next year at roughly one in three, "
        "and the chance of a hung parliament at about 30 per cent."
    )
    first, second = extract_candidates(text, published_on=date(2021, 9, 15))
    assert first.probability == pytest.approx(1 / 3)
    assert second.probability == pytest.approx(0.30)


@pytest.mark.parametrize(
    "text",
    [
        # a possibility that points at a coming event counts even without a date
        "He may yet recover once the lockdowns end.",
        "Ten-year yields might test 0.5 per cent once the cap is loosened.",
        # a new paragraph going on about a dated event
        "Independents will probably win two seats next year.\n\nThe Greens might pick up a seat in Brisbane.",
    ],
)
def test_hedged_forecast_about_an_awaited_event_is_kept(text):
    quotes = [c.quote for c in extract_candidates(text, published_on=date(2021, 9, 15))]
    assert any(q.startswith(("He may", "Ten-year", "The Greens")) for q in quotes), quotes


@pytest.mark.parametrize(
    "text",
    [
        "Modi, fresh from a landslide win in May, has little to gain from a deal.",
        "In the summer, some forecasters warned that Germany could run out of gas by February.",
        "If they do, the price will be high: new money for the regions, and perhaps a guarantee that no job is lost.",
        "I see the appeal of the plan.",
        "The company insists the plant opens in 2023. We doubt it.",
    ],
)
def test_more_statements_that_are_not_the_writers_forecasts(text):
    quotes = [c.quote for c in extract_candidates(text, published_on=date(2022, 10, 10))]
    assert not any("May" in q or "could" in q or "perhaps" in q or "I see" in q or "doubt" in q for q in quotes)


def test_prose_that_says_someone_first_ran_is_not_a_republication_note():
    text = "Growth is unlikely to reach the 7 per cent that he promised when he first ran in 2014."
    assert len(extract_candidates(text, published_on=date(2023, 11, 20))) == 1


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Prabowo will very likely top the first round on 14 February.", date(2024, 2, 14)),
        ("The deal will likely close before 4 November.", date(2024, 11, 3)),
        ("Volumes will probably keep rising this year and next.", date(2024, 12, 31)),
        ("The deficit will likely narrow in 2024-25.", date(2025, 12, 31)),
        ("The deficit will likely narrow in FY25.", date(2025, 12, 31)),
        ("The plant will likely open in a year's time.", date(2024, 11, 20)),
        ("The bill will likely pass before Christmas.", date(2023, 12, 24)),
        ("Output will likely rebound in the fourth quarter.", date(2023, 12, 31)),
    ],
)
def test_more_time_expressions(sentence, deadline):
    assert _one(sentence, published_on=date(2023, 11, 20)).deadline == deadline


def test_undated_forecast_takes_the_year_of_the_articles_dated_forecasts():
    text = (
        "Prabowo will very likely top the first round on 14 February. "
        "A second round on 26 June is probable.\n\n"
        "The party is likely to finish second."
    )
    last = extract_candidates(text, published_on=date(2023, 11, 20))[-1]
    assert last.deadline == date(2024, 12, 31)
    assert last.deadline_flag == DEADLINE_DEFAULT
    assert "2024" in last.note


def test_there_takes_the_date_of_the_paragraph_before():
    text = "The summit will be held in Bangkok on 4 November.\n\nLeaders are expected to declare a deal there."
    last = extract_candidates(text, published_on=date(2019, 10, 22))[-1]
    assert last.deadline == date(2019, 11, 4)


def test_a_clause_the_forecast_is_contrasted_with_is_not_quoted():
    text = "Morrison has said he would prefer net zero by 2050, but the Nationals are unlikely to agree in 2021."
    candidate = _one(text, published_on=date(2021, 9, 15))
    assert candidate.quote == "but the Nationals are unlikely to agree in 2021."


def test_announcing_forecasts_is_not_one():
    assert extract_candidates("Here's what I expect next.", published_on=PUBLISHED) == []
