"""The extraction quality report: its matching and its arithmetic, on a small set made here."""

import json
from datetime import date

import pytest

from benchmarks import extraction

TEXT = (
    "Prices will likely rise in 2031.\n\n"
    "Unemployment is unlikely to fall below 3% in 2031.\n\n"
    "The bill will pass in 2032, and the committee might meet in 2031.\n\n"
    "Rates will probably fall in 2033."
)
KEY = {
    "published_on": "2030-06-01",
    "forecasts": [
        # matched, in band, right year
        {"quote": "Prices will likely rise in 2031", "band": "likely", "deadline_year": 2031},
        # matched, wrong band (the words say unlikely: 0.325), right year
        {"quote": "Unemployment is unlikely to fall below 3%", "band": "very_likely", "deadline_year": 2031},
        # matched, right band, wrong year
        {"quote": "The bill will pass in 2032", "band": "almost_certain", "deadline_year": 2035},
        # missed
        {"quote": "Nobody wrote this sentence at all", "band": "likely", "deadline_year": "any"},
    ],
    # the "might" clause matches only this: neither a miss nor a false proposal
    "optional": [{"quote": "the committee might meet in 2031"}],
    "not_candidates": [],
}


@pytest.fixture
def small_set(tmp_path, monkeypatch):
    (tmp_path / "op-ed-example-prices-2030.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "op-ed-example-prices-2030.json").write_text(json.dumps(KEY), encoding="utf-8")
    monkeypatch.setitem(extraction.SET_FOLDERS, "tune", [tmp_path])
    monkeypatch.setattr(extraction, "ARTICLES", tmp_path)
    return tmp_path


def test_the_report_counts_matches_misses_and_false_proposals(small_set):
    total, (score,) = extraction.score_set(extraction.articles("tune"))
    assert (score.gold, score.matched, score.misses) == (4, 3, ["Nobody wrote this sentence at all"])
    # five candidates: four matched or optional, "Rates will probably fall in 2033" is false
    assert score.candidates == 5
    assert (score.judged, score.true_proposals) == (4, 3)
    assert score.false_proposals == ["Rates will probably fall in 2033."]
    rates = score.rates
    assert rates["recall"] == pytest.approx(3 / 4)
    assert rates["precision"] == pytest.approx(3 / 4)
    assert rates["probability_in_band"] == pytest.approx(2 / 3)
    assert rates["deadline_year"] == pytest.approx(2 / 3)
    assert rates["criteria"] == 1.0
    assert rates["hedge_free"] == 1.0
    assert total.rates == rates


def test_the_printed_report_shows_the_numbers_and_the_lists(small_set, capsys):
    assert extraction.main(["--set", "tune"]) == 0
    out = capsys.readouterr().out
    assert "recall 75% (3/4), precision 75% (3/4), in band 67% (2/3), deadline year 67% (2/3)" in out
    assert "miss: Nobody wrote this sentence at all" in out
    assert "false: Rates will probably fall in 2033." in out


@pytest.mark.parametrize(
    ("gold", "quote", "overlap"),
    [
        ("Prices will likely rise in 2031", "Prices will likely rise in 2031.", True),
        ("the key words of a longer clause here", "and the key words of a longer clause", True),
        ("Tie 0.2%", "Obama gets CO Romney 1.7% Tie 0.10658% Obama 98.2%", False),
        ("Prices will likely rise", "Wages will stall", False),
        # a line of a few words with no figure inside a long key is not its forecast (holdout-26) ...
        ("Labor can’t win majority government even if everything breaks its way.", "Labor", False),
        # ... a short row with its figure is (tuning set)
        ("Chance of winning election Obama 96.7%", "Obama 96.7%", True),
    ],
)
def test_overlap(gold, quote, overlap):
    assert extraction.overlaps(gold, quote) is overlap


@pytest.mark.parametrize(
    ("got", "want", "same"),
    [
        ("International Monetary Fund", "IMF", True),
        ("IMF", "International Monetary Fund (World Economic Outlook)", True),
        ("Goldman Sachs", "Goldman Sachs and UBS", True),
        # a short name inside a long description still names it
        ("LSEG", "LSEG data (market pricing)", True),
        ("", "IMF", False),
        ("ACT", "Kenny Vieth", False),
    ],
)
def test_a_forecaster_is_named_by_its_name_or_its_initials(got, want, same):
    assert extraction.same_forecaster(got, want) is same


def test_the_publication_date_is_the_stated_one_then_the_estimate_then_1_january():
    slug = "op-ed-example-prices-2030"
    both = {"published_on": "2030-06-01", "published_about": "2030-09-15"}
    assert extraction.publication_date(slug, both) == date(2030, 6, 1)
    # a page that states no date: the annotator's estimate, the date an editor gives the import
    estimated = {"published_on": None, "published_about": "2029-11-15"}
    assert extraction.publication_date(slug, estimated) == date(2029, 11, 15)
    # placed no closer than the slug's year
    assert extraction.publication_date(slug, {"published_on": None}) == date(2030, 1, 1)
