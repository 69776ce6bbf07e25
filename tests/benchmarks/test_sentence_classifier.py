"""The sentence-classifier experiment: its units, features, labels and the arithmetic of veto and rescue."""

import json
import math

import pytest

from benchmarks import extraction
from benchmarks import sentence_classifier as experiment
from sources.extraction.text import to_plain

TEXT = (
    "Outlook for 2031\n\n"
    "Prices will likely rise in 2031.\n\n"
    "- Rates will probably fall in 2033.\n\n"
    "Revenue grows to $5 billion in fiscal 2031, in our view.\n\n"
    "Sales rose 5% last year."
)
KEY = {
    "published_on": "2030-06-01",
    "forecasts": [
        {"quote": "Prices will likely rise in 2031", "band": "likely", "deadline_year": 2031},
        # the rules have no marker for it: only a rescue can find it
        {"quote": "Revenue grows to $5 billion in fiscal 2031", "band": "any", "deadline_year": 2031},
    ],
    # "Rates will probably fall in 2033" is proposed by the rules and is in no key: a false proposal
    "optional": [],
    "not_candidates": [],
}


@pytest.fixture
def article(tmp_path, monkeypatch):
    (tmp_path / "op-ed-example-outlook-2030.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "op-ed-example-outlook-2030.json").write_text(json.dumps(KEY), encoding="utf-8")
    monkeypatch.setitem(extraction.SET_FOLDERS, "tune", [tmp_path])
    monkeypatch.setattr(extraction, "ARTICLES", tmp_path)
    (loaded,) = experiment.load(("tune",))
    return loaded


def test_every_sentence_is_a_unit_headings_and_items_included_without_their_bullet():
    plain = to_plain(TEXT)
    assert [plain[s:e] for s, e in experiment.units(plain)] == [
        "Outlook for 2031",
        "Prices will likely rise in 2031.",
        "Rates will probably fall in 2033.",
        "Revenue grows to $5 billion in fiscal 2031, in our view.",
        "Sales rose 5% last year.",
    ]


def test_features_carry_the_rules_markers_and_have_unit_length():
    plain = "Prices will likely rise in 2031. Did sales rise 5%?"
    forecast = experiment.features(plain, 0, 32)
    question = experiment.features(plain, 33, len(plain))
    assert {"rule:marker", "rule:kind:will_adverb", "rule:band:likely", "rule:year", "w:<year>"} <= set(forecast)
    assert "rule:marker" not in question
    assert {"rule:question", "rule:percent", "w:<num>"} <= set(question)
    for found in (forecast, question):
        assert math.sqrt(sum(v * v for v in found.values())) == pytest.approx(1.0)


def test_sentences_are_labelled_by_the_reports_matching(article):
    # the heading, the two gold sentences, the false proposal, the past figure
    assert article.labels == [0, 1, 0, 1, 0]
    assert [c.quote for c in article.rules] == ["Prices will likely rise in 2031.", "Rates will probably fall in 2033."]
    assert article.free_units == [0, 3, 4]


def test_veto_drops_low_scoring_rule_candidates_and_rescue_adds_high_scoring_sentences(article):
    probs = {article.name: [0.1, 0.9, 0.2, 0.8, 0.3]}
    # rules alone: one of two gold found, one of two proposals true
    assert experiment.counts([article], probs, experiment.OFF_VETO, experiment.OFF_RESCUE) == (1, 2, 1, 2)
    # the veto drops "Rates will probably fall" (0.2)
    assert experiment.counts([article], probs, 0.5, experiment.OFF_RESCUE) == (1, 2, 1, 1)
    # the rescue proposes the revenue sentence (0.8), not the heading or the past figure
    assert experiment.counts([article], probs, experiment.OFF_VETO, 0.7) == (2, 2, 2, 3)
    assert experiment.counts([article], probs, 0.5, 0.7) == (2, 2, 2, 2)
    # and the quality report reads the same candidates the same way
    found = experiment.candidates_with(article, probs[article.name], 0.5, 0.7)
    score = extraction.score_article(article.name, article.text, article.key, found)
    assert (score.matched, score.gold, score.true_proposals, score.judged) == (2, 2, 2, 2)
    rescued = found[-1]
    assert rescued.probability is None and rescued.deadline.year == 2031


def test_thresholds_are_chosen_for_the_best_f1_and_the_mildest_on_ties(article):
    probs = {article.name: [0.1, 0.9, 0.2, 0.8, 0.3]}
    chosen = experiment.choose([article], probs)
    # 0.5 to 0.8 all rescue only the revenue line: the highest (the fewest rescues) is kept
    assert chosen["rescue"] == (experiment.OFF_VETO, 0.8)
    assert experiment.f1(*experiment.counts([article], probs, *chosen["both"])) == 1.0
    assert experiment.f1(2, 2, 2, 3) == pytest.approx(0.8)
