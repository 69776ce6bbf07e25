"""The holdout set of real published articles is well formed.

These tests only check the corpus itself (gold files against article texts and the README);
they never run the extractor, so the holdout stays unseen by tuning.
"""

import datetime
import json
import re
from pathlib import Path

import pytest

PUBLISHED = Path(__file__).parent / "articles" / "published"
HOLDOUT = PUBLISHED / "holdout"
README = PUBLISHED / "README.md"

KINDS = {"op-ed", "statement", "interview", "wire", "model", "scenarios", "outlook", "think-tank", "newsletter"}
BANDS = {"remote", "very_unlikely", "unlikely", "even", "likely", "very_likely", "almost_certain", "none", "any"}
# Inclusive percentage ranges of each band; a boundary value may sit in either neighbour.
BAND_RANGES = {
    "remote": (0, 5),
    "very_unlikely": (5, 20),
    "unlikely": (20, 45),
    "even": (45, 55),
    "likely": (55, 80),
    "very_likely": (80, 95),
    "almost_certain": (95, 100),
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+-\d{4}$")

SLUGS = sorted(path.stem for path in HOLDOUT.glob("*.json"))


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _load(slug: str) -> tuple[dict, str]:
    gold = json.loads((HOLDOUT / f"{slug}.json").read_text(encoding="utf-8"))
    text = (HOLDOUT / f"{slug}.txt").read_text(encoding="utf-8")
    return gold, text


def test_holdout_has_enough_articles_outlets_and_kinds():
    golds = [_load(slug)[0] for slug in SLUGS]
    assert len(golds) >= 15
    assert len({gold["metadata"]["publication"] for gold in golds}) >= 9
    assert {gold["kind"] for gold in golds} == KINDS


@pytest.mark.parametrize("slug", SLUGS)
def test_gold_fields_are_valid(slug):
    gold, _ = _load(slug)
    assert SLUG.match(slug), slug
    assert slug.startswith(gold["kind"] + "-")
    assert gold["url"].startswith(("http://", "https://"))
    assert gold["kind"] in KINDS
    assert gold["retrieved"] in {"search pages corpus, 2026-11-29", "search docs corpus, 2026-11-29"}
    assert isinstance(gold["whole"], bool)
    if gold["published_on"] is not None:
        datetime.date.fromisoformat(gold["published_on"])
    assert set(gold["metadata"]) == {"title", "author", "publication"}
    assert gold["metadata"]["title"]
    assert gold["metadata"]["publication"]
    assert gold["forecasts"], "every holdout article carries forecasts"
    for forecast in gold["forecasts"]:
        assert forecast["band"] in BANDS, forecast
        assert isinstance(forecast["conditional"], bool), forecast
        assert forecast["forecaster"] is None or (isinstance(forecast["forecaster"], str) and forecast["forecaster"])
        year = forecast["deadline_year"]
        if year == "any":
            assert forecast.get("deadline_default") is True, forecast
        else:
            assert isinstance(year, int) and 1990 <= year <= 2100, forecast
            assert not forecast.get("deadline_default", False), forecast
        if "probability" in forecast:
            percent = forecast["probability"] * 100
            low, high = BAND_RANGES[forecast["band"]]
            assert low <= percent <= high, forecast


@pytest.mark.parametrize("slug", SLUGS)
def test_quotes_are_verbatim(slug):
    gold, text = _load(slug)
    haystack = _normalised(text)
    quotes = [forecast["quote"] for forecast in gold["forecasts"]]
    quotes += [entry["quote"] for entry in gold.get("optional", [])]
    quotes += list(gold.get("not_candidates", []))
    for quote in quotes:
        assert _normalised(quote) in haystack, quote
    for forecast in gold["forecasts"]:
        assert 20 <= len(forecast["quote"]) <= 160, forecast["quote"]


@pytest.mark.parametrize("slug", SLUGS)
def test_readme_lists_the_article_with_its_url(slug):
    gold, _ = _load(slug)
    rows = [line for line in README.read_text(encoding="utf-8").splitlines() if f"`{slug}`" in line]
    assert len(rows) == 1, slug
    cells = [cell.strip() for cell in rows[0].strip().strip("|").split("|")]
    # slug, set, kind, outlet, title, author, date, URL, retrieved, whole/part
    assert len(cells) == 10, rows[0]
    assert cells[1] == "holdout"
    assert cells[2] == gold["kind"]
    assert cells[7] == gold["url"]
    assert cells[9].startswith("whole" if gold["whole"] else "part")
