"""The tuning set of real published articles: every gold file is well formed and matches its text.

The gold files are the yardstick for extraction quality, so a typo in a quote (a key that is not
in the article) or an unknown band would silently turn a forecast into a miss. These checks keep
the set honest: fields and values as documented in the corpus README, every quote verbatim in
the article (whitespace aside), and every article listed in the README with its source URL.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

PUBLISHED = Path(__file__).parent / "articles" / "published"
TUNE = PUBLISHED / "tune"
README = PUBLISHED / "README.md"
SLUGS = sorted(path.stem for path in TUNE.glob("*.txt"))

KINDS = {"op-ed", "statement", "interview", "wire", "model", "scenarios", "outlook", "think-tank", "newsletter"}
BANDS = {"remote", "very_unlikely", "unlikely", "even", "likely", "very_likely", "almost_certain", "none", "any"}
# Lower bound inclusive, so a stated 20% is "unlikely" and a stated 95% is "almost_certain".
BAND_RANGES = {
    "remote": (0.0, 0.05),
    "very_unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "even": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very_likely": (0.80, 0.95),
    "almost_certain": (0.95, 1.0),
}
SLUG_PATTERN = re.compile(r"^(?P<kind>[a-z-]+?)-[a-z0-9]+(-[a-z0-9]+)*-(19|20)\d\d$")


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def gold(slug: str) -> dict:
    return json.loads((TUNE / f"{slug}.json").read_text(encoding="utf-8"))


def text(slug: str) -> str:
    return normalised((TUNE / f"{slug}.txt").read_text(encoding="utf-8"))


def test_the_set_is_big_and_varied_enough():
    golds = [gold(slug) for slug in SLUGS]
    assert len(golds) >= 16
    assert {g["kind"] for g in golds} == KINDS
    assert len({g["metadata"]["publication"] for g in golds}) >= 9


def test_every_text_has_a_gold_file_and_back():
    assert SLUGS, "no tuning articles found"
    assert sorted(path.stem for path in TUNE.glob("*.json")) == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_gold_fields_are_complete_and_valid(slug):
    g = gold(slug)
    assert g["url"].startswith(("http://", "https://"))
    assert g["kind"] in KINDS
    assert slug.startswith(g["kind"] + "-"), "the slug starts with the kind"
    assert SLUG_PATTERN.match(slug), "slug is <kind>-<outlet>-<topic>-<year>, lowercase with hyphens"
    assert g["retrieved"].startswith(("search pages corpus", "search docs corpus"))
    assert isinstance(g["whole"], bool)
    if g["published_on"] is not None:
        date.fromisoformat(g["published_on"])
    assert set(g["metadata"]) == {"title", "author", "publication"}
    assert g["metadata"]["publication"]
    assert g["forecasts"], "every tuning article holds at least one forecast"
    for forecast in g["forecasts"]:
        assert forecast["band"] in BANDS, forecast
        year = forecast["deadline_year"]
        assert year == "any" or (isinstance(year, int) and not isinstance(year, bool) and 1900 < year < 2200), forecast
        assert forecast.get("deadline_default", False) == (year == "any"), forecast
        assert isinstance(forecast["conditional"], bool), forecast
        assert forecast["forecaster"] is None or (isinstance(forecast["forecaster"], str) and forecast["forecaster"])
        if "probability" in forecast:
            low, high = BAND_RANGES[forecast["band"]]
            assert low <= forecast["probability"] < high or forecast["probability"] == high == 1.0, forecast
    for entry in g["optional"]:
        assert entry["quote"] and entry["note"]
    assert all(isinstance(entry, str) and entry for entry in g["not_candidates"])


@pytest.mark.parametrize("slug", SLUGS)
def test_every_quote_is_verbatim_in_the_article(slug):
    g = gold(slug)
    article = text(slug)
    quotes = [f["quote"] for f in g["forecasts"]] + [o["quote"] for o in g["optional"]] + g["not_candidates"]
    for quote in quotes:
        assert 8 <= len(normalised(quote)) <= 160, quote
        assert normalised(quote) in article, quote


@pytest.mark.parametrize("slug", SLUGS)
def test_readme_lists_the_article_with_its_url(slug):
    rows = [line for line in README.read_text(encoding="utf-8").splitlines() if f"`{slug}`" in line]
    assert len(rows) == 1, f"{slug} needs exactly one README row"
    assert gold(slug)["url"] in rows[0]
    assert "| tune |" in rows[0]
