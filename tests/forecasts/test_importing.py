"""forecasts/importing.py on the real published articles of the extraction corpus."""

import functools
from pathlib import Path

import pytest

from forecasts import importing
from sources.ingestion import extract_metadata

PUBLISHED = Path(__file__).parents[1] / "sources" / "articles" / "published"
REAL_ARTICLES = sorted(PUBLISHED.glob("*/*.txt"))


def test_the_corpus_is_there():
    assert len(REAL_ARTICLES) >= 30


@pytest.fixture
def needs_date_read_once(monkeypatch):
    """needs_publication_date runs the whole extractor twice (as of two dates). The import asks it
    of an article that states no date, and the test asks it again of the same text: a pure function
    of the text, so the second answer is the first one (this module's slowest part, ~40% of it)."""
    monkeypatch.setattr(importing, "needs_publication_date", functools.cache(importing.needs_publication_date))


@pytest.mark.usefixtures("needs_date_read_once")
@pytest.mark.parametrize("path", REAL_ARTICLES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_real_article_without_title_or_date_is_read_and_asks_for_a_date_only_for_relative_times(path):
    text = path.read_text(encoding="utf-8")
    title, published_on, _ = importing.article_title_and_date(text, "", None, None)
    # never refused for lack of a title line: a headline-looking first line, or stored as untitled
    assert title or extract_metadata(text).title
    if published_on is None:
        # the date is asked for only when the text states none and a forecast's deadline depends on it
        assert extract_metadata(text).published_on or importing.needs_publication_date(text)
