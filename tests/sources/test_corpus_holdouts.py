"""The later holdouts of real published articles (holdout-2 to holdout-9) are well formed.

Like the first holdout's checks, these only read the corpus (gold files against article texts
and the README) and never run the extractor: each set was annotated before the extractor was run
on it and is measured, never tuned on.
"""

import datetime
import json
import re
from pathlib import Path

import pytest

PUBLISHED = Path(__file__).parent / "articles" / "published"
SETS = ("holdout-2", "holdout-3", "holdout-4", "holdout-5", "holdout-6", "holdout-7", "holdout-8", "holdout-9")
README = PUBLISHED / "README.md"

KINDS = {"op-ed", "statement", "interview", "wire", "model", "scenarios", "outlook", "think-tank", "newsletter"}
BANDS = {"remote", "very_unlikely", "unlikely", "even", "likely", "very_likely", "almost_certain", "none", "any"}
# Lower bound inclusive, as in the tuning set: a stated 20% is "unlikely".
BAND_RANGES = {
    "remote": (0.0, 0.05),
    "very_unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "even": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very_likely": (0.80, 0.95),
    "almost_certain": (0.95, 1.0),
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+-\d{4}$")
ARTICLES = [(name, path.stem) for name in SETS for path in sorted((PUBLISHED / name).glob("*.json"))]


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _load(name: str, slug: str) -> tuple[dict, str]:
    gold = json.loads((PUBLISHED / name / f"{slug}.json").read_text(encoding="utf-8"))
    text = (PUBLISHED / name / f"{slug}.txt").read_text(encoding="utf-8")
    return gold, text


def _slugs(name: str) -> list[str]:
    return [slug for set_name, slug in ARTICLES if set_name == name]


@pytest.mark.parametrize("name", SETS)
def test_the_set_has_enough_articles_outlets_and_kinds(name):
    golds = [_load(name, slug)[0] for slug in _slugs(name)]
    assert len(golds) >= 12
    assert len({gold["metadata"]["publication"] for gold in golds}) >= 10
    assert len({gold["kind"] for gold in golds}) >= 6
    assert sorted(path.stem for path in (PUBLISHED / name).glob("*.txt")) == _slugs(name)


@pytest.mark.parametrize(("name", "slug"), ARTICLES)
def test_gold_fields_are_valid(name, slug):
    gold, _ = _load(name, slug)
    assert SLUG.match(slug), slug
    assert slug.startswith(gold["kind"] + "-")
    assert gold["url"].startswith(("http://", "https://"))
    assert gold["kind"] in KINDS
    assert gold["retrieved"].startswith(("search pages corpus", "search docs corpus"))
    assert isinstance(gold["whole"], bool)
    if gold["published_on"] is not None:
        datetime.date.fromisoformat(gold["published_on"])
    assert set(gold["metadata"]) == {"title", "author", "publication"}
    assert gold["metadata"]["publication"]
    assert gold["forecasts"], "every article of the set carries forecasts"
    for forecast in gold["forecasts"]:
        assert forecast["band"] in BANDS, forecast
        assert isinstance(forecast["conditional"], bool), forecast
        assert forecast["forecaster"] is None or (isinstance(forecast["forecaster"], str) and forecast["forecaster"])
        year = forecast["deadline_year"]
        is_year = isinstance(year, int) and not isinstance(year, bool) and 1990 <= year <= 2100
        assert year == "any" or is_year, forecast
        assert forecast.get("deadline_default", False) == (year == "any"), forecast
        if "probability" in forecast:
            low, high = BAND_RANGES[forecast["band"]]
            assert low <= forecast["probability"] < high or forecast["probability"] == high == 1.0, forecast


@pytest.mark.parametrize(("name", "slug"), ARTICLES)
def test_quotes_are_verbatim(name, slug):
    gold, text = _load(name, slug)
    haystack = _normalised(text)
    quotes = [forecast["quote"] for forecast in gold["forecasts"]]
    quotes += [entry["quote"] for entry in gold["optional"]]
    quotes += list(gold["not_candidates"])
    for quote in quotes:
        assert 8 <= len(_normalised(quote)) <= 160, quote
        assert _normalised(quote) in haystack, quote


@pytest.mark.parametrize(("name", "slug"), ARTICLES)
def test_readme_lists_the_article_with_its_url(name, slug):
    gold, _ = _load(name, slug)
    rows = [line for line in README.read_text(encoding="utf-8").splitlines() if f"`{slug}`" in line]
    assert len(rows) == 1, slug
    cells = [cell.strip() for cell in rows[0].strip().strip("|").split("|")]
    # slug, set, kind, outlet, title, author, date, URL, retrieved, whole/part
    assert len(cells) == 10, rows[0]
    assert cells[1] == name
    assert cells[2] == gold["kind"]
    assert cells[7] == gold["url"]
    assert cells[9].startswith("whole" if gold["whole"] else "part")
