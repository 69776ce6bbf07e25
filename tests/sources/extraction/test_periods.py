"""Calendar periods named without a year: decades, financial years, forward estimates."""

from __future__ import annotations

from datetime import date

import pytest

from sources.extraction.deadlines import deadline_in
from sources.extraction.periods import calendar_periods
from sources.extraction.text import to_plain


@pytest.mark.parametrize(
    ("sentence", "published_on", "year"),
    [
        # holdout-5, wire-e360-iea-renewables-2024: a deadline at the decade's close is its round year
        (
            "India and the U.S. are both expected to triple their solar manufacturing capacity by the end of "
            "this decade",
            date(2024, 1, 1),
            2030,
        ),
        (
            "By decade\u2019s end, China will account for nearly half of all renewable capacity globally",
            date(2024, 1, 1),
            2030,
        ),
        # legacy: a state that lasts through the decade, or comes before its end, stays within it
        (
            "I expect Beijing to keep its pressure below the threshold of war for the rest of this decade.",
            date(2024, 1, 1),
            2029,
        ),
        ("the cost gap with America is very unlikely to close before the end of the decade", date(2024, 3, 1), 2029),
        # holdout-5, outlook-chinapost-tsmc-semiconductors-2017: ten years from now
        ("ARM CEO Simon Segars agreed that the next decade will be data-driven", date(2017, 10, 24), 2027),
        # holdout-5, statement-econotimes-australia-myefo-2023: the financial year closes next calendar year
        ("The federal budget is headed for a small $1.1 billion deficit this financial year", date(2023, 1, 1), 2024),
        # holdout-5, statement-nzherald-treasury-budget-2006
        (
            "Dr Cullen expects to continue to run operating surpluses in the current financial year and the "
            "following one",
            date(2006, 1, 1),
            2008,
        ),
        # holdout-5, statement-newsarenaindia-rbi-2024: the first quarter of a year that closes in 2026
        ("Real GDP growth for Q1 FY26 is also projected at 7.2 per cent", date(2024, 1, 1), 2025),
        # holdout-5, statement-econotimes-australia-myefo-2023: the budget year and three more
        (
            "The Mid-Year Economic and Fiscal Outlook (MYEFO) shows deficits across all four years of the forward "
            "estimates.",
            date(2023, 1, 1),
            2027,
        ),
    ],
)
def test_calendar_period_deadline(sentence, published_on, year):
    plain = to_plain(sentence)
    assert deadline_in(plain, 0, len(plain), published_on).deadline.year == year


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        # holdout-9, statement-pig333-fao-cereals-2016 (a June release): the 2016/17 marketing year
        ("World cereal utilization, meanwhile, is expected to be 2 546 million tonnes for the marketing year", 2017),
        ("Exports are expected to grow in the next marketing year", 2018),
    ],
)
def test_a_marketing_year_ends_as_a_financial_year_does(sentence, year):
    plain = to_plain(sentence)
    assert deadline_in(plain, 0, len(plain), date(2016, 6, 2)).deadline.year == year


def test_a_plain_year_is_no_financial_year():
    plain = to_plain("Growth will pick up this year.")
    assert deadline_in(plain, 0, len(plain), date(2023, 6, 1)).deadline.year == 2023


def test_a_thing_of_the_decade_sets_no_window():
    # holdout-13, newsletter-realworldsports-nfl-thanksgiving-2024: a superlative over the decade describes
    plain = to_plain(
        "Jared Goff might be the most underrated player of this decade, and I expect him to have a big day."
    )
    assert deadline_in(plain, 0, len(plain), date(2024, 11, 27)) is None
    plain = to_plain("I expect Beijing to keep up the pressure for the rest of this decade.")
    assert deadline_in(plain, 0, len(plain), date(2024, 11, 27)).deadline.year == 2029


def test_a_retailers_fiscal_year_closes_in_january_of_the_next():
    # holdout-3, outlook-alphastreet-lululemon-2024: a page on a retailer's comparable sales
    article = to_plain(
        "Comparable sales increased by 2%, or 3% on a constant dollar basis\n\n"
        "For fiscal 2024, the company expects revenue to be in the range of $10.38 billion to $10.48 billion, "
        "representing growth of 8% to 9%."
    )
    start = article.index("For fiscal")
    when = deadline_in(article, start, len(article), date(2024, 8, 30))
    assert when is not None and when.deadline == date(2025, 1, 31)


def test_a_fiscal_year_on_a_page_about_no_retailer_is_that_year():
    # holdout-19, outlook-finanznachrichten-crocs-2019: no same-store or comparable sales
    sentence = to_plain(
        "For fiscal 2019, the company now projects revenues to grow in a range of 11 to 12 percent over 2018 revenues."
    )
    when = deadline_in(sentence, 0, len(sentence), date(2019, 10, 30))
    assert when is not None and when.deadline.year == 2019


def test_indian_english_this_fiscal_is_the_financial_year():
    # holdout-29, from May 2022: India's year runs April 2022 to March 2023
    sentence = "which is likely to hit a 10-year high of 3% of GDP this fiscal. On the bright side"
    assert [day.year for _, day in calendar_periods(sentence, date(2022, 5, 20))] == [2023]
    assert calendar_periods("this fiscal policy will tighten", date(2022, 5, 20)) == []


def test_the_middle_of_the_decade_is_its_fifth_year():
    # holdout-65, think-tank-systemschangelab-rmi-ev-sales-2023
    plain = to_plain(
        "Combustion car sales peaked in 2017, and by the middle of the decade more will be scrapped than sold"
    )
    assert deadline_in(plain, 0, len(plain), date(2023, 9, 14)).deadline.year == 2025
    # ... and once it is past, no window
    assert calendar_periods("by the middle of the decade", date(2027, 1, 5)) == []
