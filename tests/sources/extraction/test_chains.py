"""One sentence, several dated claims."""

from datetime import date

from sources.extraction.chains import chain_links, subject_before
from sources.extraction.text import to_plain


def _links(sentence: str, published_on: date = date(2020, 5, 8)) -> list[str]:
    plain = to_plain(sentence)
    return [plain[a:b] for a, b in chain_links(plain, 0, len(plain), published_on)]


def test_then_and_before_split_dated_links():
    assert _links("CPI would tumble to -1.00% in June 2020, then surge to 2.75% by June 2021.") == [
        "CPI would tumble to -1.00% in June 2020",
        "then surge to 2.75% by June 2021.",
    ]
    assert _links("Advanced economies will grow 2.2% this year \u2014 before slowing to 2% next year.") == [
        "Advanced economies will grow 2.2% this year",
        "before slowing to 2% next year.",
    ]


def test_a_link_without_its_own_time_keeps_the_sentence_whole():
    assert _links("Growth will slow, then recover.") == []
    assert _links("Prices will rise 3% in 2021 and 2022, respectively.") == []


def test_a_denied_window_may_follow_an_undated_claim():
    assert _links("There will be another crisis, but not in the next 12 months.") == [
        "There will be another crisis",
        "but not in the next 12 months.",
    ]


def test_subject_before_the_marker():
    text = "In the latest projections, unemployment rate would surge"
    assert subject_before(text, 0, text.index("would")) == "unemployment rate"
    assert subject_before("If rates rise, prices will", 0, 21) == "prices"
