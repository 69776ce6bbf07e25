"""Every set of real published articles (tune and the holdouts) is well formed.

The gold files are the yardstick for extraction quality, so a typo in a quote (a key that is not
in the article) or an unknown band would silently turn a forecast into a miss. These checks keep
each set honest: fields and values as the corpus README documents them, every quote verbatim in
the article (whitespace aside), and every article listed in the README with its source URL. They
only read the corpus and never run the extractor, so a holdout stays unseen.
"""

import datetime
import functools
import json
import re
from pathlib import Path

import pytest

PUBLISHED = Path(__file__).parent / "articles" / "published"
README = PUBLISHED / "README.md"
# set name (as the README's table and the quality report spell it) -> folder
FOLDERS = {
    "tune": "tune",
    "holdout": "holdout",
    **{f"holdout-{n}": f"holdout-{n}" for n in range(2, 76)},
}
# what each set must hold: articles, outlets, kinds
MINIMUMS = {"tune": (16, 9, 9), "holdout": (15, 9, 9)}
DEFAULT_MINIMUM = (12, 10, 6)

KINDS = {"op-ed", "statement", "interview", "wire", "model", "scenarios", "outlook", "think-tank", "newsletter"}
BANDS = {"remote", "very_unlikely", "unlikely", "even", "likely", "very_likely", "almost_certain", "none", "any"}
# Lower bound inclusive: a stated 20% is "unlikely" and a stated 95% "almost_certain".
BAND_RANGES = {
    "remote": (0.0, 0.05),
    "very_unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "even": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very_likely": (0.80, 0.95),
    "almost_certain": (0.95, 1.0),
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+-(19|20)\d\d$")
ARTICLES = [
    (name, path.stem) for name, folder in FOLDERS.items() for path in sorted((PUBLISHED / folder).glob("*.json"))
]


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _load(name: str, slug: str) -> tuple[dict, str]:
    folder = PUBLISHED / FOLDERS[name]
    gold = json.loads((folder / f"{slug}.json").read_text(encoding="utf-8"))
    text = (folder / f"{slug}.txt").read_text(encoding="utf-8")
    return gold, text


@functools.cache
def _readme_lines() -> tuple[str, ...]:
    """The README's lines, read once for all the articles' checks (it is read-only here)."""
    return tuple(README.read_text(encoding="utf-8").splitlines())


def _in_band(probability: float, band: str) -> bool:
    low, high = BAND_RANGES[band]
    return low <= probability < high or probability == high == 1.0


@pytest.mark.parametrize("name", FOLDERS)
def test_the_set_has_enough_articles_outlets_and_kinds(name):
    slugs = [slug for set_name, slug in ARTICLES if set_name == name]
    golds = [_load(name, slug)[0] for slug in slugs]
    articles, outlets, kinds = MINIMUMS.get(name, DEFAULT_MINIMUM)
    assert len(golds) >= articles
    assert len({gold["metadata"]["publication"] for gold in golds}) >= outlets
    assert len({gold["kind"] for gold in golds}) >= kinds
    assert sorted(path.stem for path in (PUBLISHED / FOLDERS[name]).glob("*.txt")) == slugs


def test_no_article_is_in_two_sets():
    slugs = [slug for _, slug in ARTICLES]
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize(("name", "slug"), ARTICLES)
def test_gold_fields_are_valid(name, slug):
    gold, _ = _load(name, slug)
    assert SLUG.match(slug), "slug is <kind>-<outlet>-<topic>-<year>, lowercase with hyphens"
    assert slug.startswith(gold["kind"] + "-")
    assert gold["url"].startswith(("http://", "https://"))
    assert gold["kind"] in KINDS
    assert gold["retrieved"].startswith(("search pages corpus", "search docs corpus"))
    assert isinstance(gold["whole"], bool)
    if gold["published_on"] is not None:
        datetime.date.fromisoformat(gold["published_on"])
    if "published_about" in gold:
        # the annotator's estimate for a page that states no date, so only where published_on is null
        assert gold["published_on"] is None, "published_about only for a page that states no date"
        about = datetime.date.fromisoformat(gold["published_about"])
        # Within a year of the slug's year: the slug carries the year the annotator read the page
        # as being about, and a page written at the turn of a year can fall on either side of it
        # ("winter 2022-23" slugged 2022 is 15 January 2023; "end of 2018" slugged 2019, a page
        # of predictions for 2019, is 15 November 2018).
        assert abs(about.year - int(slug[-4:])) <= 1, gold["published_about"]
    assert set(gold["metadata"]) == {"title", "author", "publication"}
    assert gold["metadata"]["publication"]
    assert gold["forecasts"], "every article of the corpus carries forecasts"
    for forecast in gold["forecasts"]:
        assert forecast["band"] in BANDS, forecast
        assert isinstance(forecast["conditional"], bool), forecast
        assert forecast["forecaster"] is None or (isinstance(forecast["forecaster"], str) and forecast["forecaster"])
        year = forecast["deadline_year"]
        is_year = isinstance(year, int) and not isinstance(year, bool) and 1990 <= year <= 2100
        assert year == "any" or is_year, forecast
        assert forecast.get("deadline_default", False) == (year == "any"), forecast
        if "probability" in forecast:
            assert _in_band(forecast["probability"], forecast["band"]), forecast
    for entry in gold["optional"]:
        assert entry["quote"], entry
    assert all(isinstance(entry, str) and entry for entry in gold["not_candidates"])


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
    rows = [line for line in _readme_lines() if f"`{slug}`" in line]
    assert len(rows) == 1, f"{slug} needs exactly one README row"
    cells = [cell.strip() for cell in rows[0].strip().strip("|").split("|")]
    # slug, set, kind, outlet, title, author, date, URL, retrieved, whole/part
    assert len(cells) == 10, rows[0]
    assert cells[1] == name
    assert cells[2] == gold["kind"]
    assert cells[7] == gold["url"]
    assert cells[9].startswith("whole" if gold["whole"] else "part")
