"""One sentence, several dated claims."""

from datetime import date

from sources.extraction import extract_candidates
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


def test_a_second_infinitive_or_expectation_after_and_is_a_link_of_its_own():
    text = "Inflation is expected to reach about 3.5% by the end of 2024 and to reach our target by the end of 2025."
    found = extract_candidates(text, published_on=date(2023, 11, 7))
    assert [c.deadline.year for c in found] == [2024, 2025]
    assert found[1].claim.startswith("Inflation will reach our target")


def test_numbers_given_respectively_do_not_break_a_chain():
    text = "Zandi now expects real growth of 1% this year and 2% in 2023, versus 2% and 2.5% respectively."
    found = extract_candidates(text, published_on=date(2022, 7, 17))
    assert [c.deadline.year for c in found] == [2022, 2023]
