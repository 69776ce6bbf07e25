"""A clause's deadline: which time expression is the forecast's window."""

from datetime import date

import pytest

from sources.extraction import extract_candidates
from sources.extraction.deadlines import after_the_base, deadline_in, month_in_named_year
from sources.extraction.text import to_plain


def _year(sentence: str, published_on: date) -> int | None:
    plain = to_plain(sentence)
    when = deadline_in(plain, 0, len(plain), published_on)
    return when.deadline.year if when else None


def test_a_comparisons_base_is_not_the_window():
    sentence = (
        "The company expects its fourth-quarter shipments will match third-quarter volume gains of about five "
        "percent over the second quarter."
    )
    assert _year(sentence, date(2009, 11, 16)) is None


def test_a_later_events_date_is_not_the_window():
    sentence = (
        "Mortgage rates should remain near their current 7% level this year, before a little more relief arrives "
        "in 2026."
    )
    assert _year(sentence, date(2025, 1, 10)) == 2025


def test_over_a_coming_period_is_the_window():
    assert _year("Over the next decade, summer navigation will become routine.", date(2022, 5, 1)) == 2032


def test_the_figure_a_revision_starts_from_is_not_the_window():
    # holdout-1, wire-sharecast-boc-rates-2023: "from 1.0% in January" is where the estimate was
    sentence = "It upgraded its growth estimate for this year to 1.4% from 1.0% in January"
    assert _year(sentence, date(2023, 4, 12)) == 2023
    # tune, wire-mnimarkets-nbh-2025: the earlier figure in brackets
    sentence = "Growth projections were cut sharply to 0.8% for this year (from a range of 1.9 - 2.9% seen in March)"
    assert _year(sentence, date(2025, 6, 24)) == 2025


def test_a_price_a_change_starts_from_is_not_the_window():
    sentence = "The average gasoline price falls from $2.50/gal in April to $2.43/gal in September"
    assert deadline_in(sentence, 0, len(sentence), date(2015, 6, 9)).deadline == date(2015, 9, 30)


def test_the_first_month_of_a_span_is_not_the_window():
    sentence = "Prices will average $2.45/gal during the summer driving season (April through September)"
    assert deadline_in(sentence, 0, len(sentence), date(2015, 6, 9)).deadline == date(2015, 9, 30)


def test_the_half_of_the_year_is_of_the_year_named_before_it():
    sentence = "Rates could reach 7.4% in the first half of 2023 before settling toward the second half of the year"
    assert deadline_in(sentence, 0, len(sentence), date(2022, 12, 1)).deadline == date(2023, 12, 31)


def test_at_least_the_next_years_count_from_publication():
    sentence = "They expect China to keep buying for at least the next three years."
    assert _year(sentence, date(2025, 2, 1)) == 2028


def test_a_range_of_months_ahead_ends_with_the_longer():
    sentence = "Over the next 12 to 24 months, forecasts suggest gold could rise to US$4,000"
    assert deadline_in(sentence, 0, len(sentence), date(2025, 1, 1)).deadline == date(2027, 1, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        # the Climate Action Tracker's warming estimates
        "Current policies presently in place around the world are projected to result in about 2.7\u00b0C[1] warming "
        "above pre-industrial levels.",
        "NDCs alone[2] will limit warming to 2.4\u00b0C.",
    ],
)
def test_projected_warming_without_a_date_is_for_the_end_of_the_century(sentence):
    plain = to_plain(sentence)
    assert deadline_in(plain, 0, len(plain), date(2021, 11, 9)).deadline == date(2100, 12, 31)


def test_a_warming_threshold_with_its_own_window_keeps_it():
    plain = to_plain(
        "the most likely scenario for global temperatures is that they will breach 1.5 degrees Celsius of warming "
        "for at least a year within the next five years"
    )
    assert deadline_in(plain, 0, len(plain), date(2023, 5, 18)).deadline.year == 2028


def test_the_span_a_report_covers_is_not_the_window_of_what_it_forecasts():
    """The World Steel Association's outlook as a steel trade site reports it."""
    sentence = (
        "The World Steel Association (worldsteel) has released its Short-Range Outlook for 2024 and 2025, forecasting "
        "that steel demand will rebound by 1.7 percent this year to 1.79 billion mt"
    )
    assert _year(sentence, date(2024, 4, 15)) == 2024


def test_the_years_a_revision_covers_are_not_the_window_of_what_it_now_sees():
    """Pro Farmer, October 2022."""
    sentence = (
        "USDA raised its forecasts for food price inflation in 2022 and 2023 from their September forecasts, now "
        "seeing 2022 prices for all food rising 9.5% to 10.5% (9% to 10% prior)"
    )
    assert _year(sentence, date(2022, 10, 25)) == 2022


def test_a_bare_year_after_compared_to_is_the_earlier_forecasts_not_the_window():
    """Cebr, December 2014: "Revisions to China's GDP mean that it is now forecast to overtake the US in 2025
    compared to 2028 in last year's forecasts"."""
    sentence = (
        "Revisions to China's GDP mean that it is now forecast to overtake the US in 2025 compared to 2028 in "
        "last year's forecasts"
    )
    assert _year(sentence, date(2014, 12, 26)) == 2025


def test_a_year_named_beside_a_count_of_years_is_the_window():
    # holdout-25, CAPP's crude oil forecast of June 2016: the count rounds the span to 2030
    sentence = (
        "crude oil production is expected to increase by 28% over the next 15 years, reaching 4.9 mb/d by 2030 "
        "(up from 3.8 mb/d in 2015)"
    )
    assert _year(sentence, date(2016, 6, 24)) == 2030


def test_a_count_of_years_ends_with_the_span_the_page_names():
    # holdout-24, outlook-reinforcedplastics-boeing-2012: the chart's caption names the twenty years
    page = (
        "Boeing forecasts $4.5 trillion market for new aircraft over next 20 years\n\n"
        "New aircraft deliveries 2012-2031. (Source: Boeing.)"
    )
    plain = to_plain(page)
    title_end = plain.index("\n")
    assert deadline_in(plain, 0, title_end, date(2012, 6, 15)).deadline == date(2031, 12, 31)
    # without the span the twenty years run from the page's date
    assert _year(page.split("\n")[0], date(2012, 6, 15)) == 2032


def test_a_count_of_years_ends_with_a_projections_span_from_an_earlier_base_year():
    # holdout-53, think-tank-piotita-pew-world-religions-2015: the projections run forty years from 2010
    page = (
        "The Future of World Religions: Population Growth Projections, 2010-2050\n\n"
        "Over the next four decades, Christians will remain the largest religious group"
    )
    plain = to_plain(page)
    start = plain.index("Over")
    assert deadline_in(plain, start, len(plain), date(2015, 4, 4)).deadline == date(2050, 12, 31)
    # without the span the four decades run from the page's date
    assert _year(page.split("\n")[-1], date(2015, 4, 4)) == 2055


def test_a_window_counted_ahead_after_a_percentage_is_no_comparisons_base():
    # holdout-53, op-ed-publicschoolexit-school-enrollment-2021
    assert (
        _year("The state forecasts enrollment will drop another 20% over the next decade.", date(2021, 12, 14)) == 2031
    )


def test_a_consequences_date_after_a_participle_is_not_the_window():
    # holdout-24, wire-mercopress-fao-cereals-2013: the crop year the stocks are replenished for comes after
    sentence = (
        "World total cereal production is forecast to increase by about 7% in 2013 compared to last year, helping "
        "to replenish global inventories and raise expectations for more stable markets in 2013/14"
    )
    assert _year(sentence, date(2013, 7, 26)) == 2013
    # ... while a participle's date alone is the window
    assert _year("Output will rise, helping to lift exports in 2014/15", date(2013, 7, 26)) == 2015


def test_the_base_year_of_a_growth_is_not_the_window():
    # holdout-19, outlook-finanznachrichten-crocs-2019: the clause after "Looking ahead to fiscal 2020, ..., and"
    assert _year("it anticipates revenue growth over 2019 of 12 to 14 percent.", date(2019, 10, 30)) is None


def test_a_year_after_a_past_participle_is_what_has_happened_not_the_window():
    # holdout-21, outlook-autoworldnews-nada-auto-sales-2014 (November 2014)
    sentence = "The economy will continue to build on the solid growth established in 2014"
    assert _year(sentence, date(2014, 11, 17)) is None


def test_the_year_of_a_concession_after_the_forecast_is_not_its_window():
    # holdout-10, outlook-steelorbis-worldsteel-2024 (April 2024)
    sentence = (
        "However, an increase in demand from the infrastructure and manufacturing sectors will compensate for the "
        "loss in steel demand, though China's steel demand in 2025 is expected to resume a downtrend with a one "
        "percent drop."
    )
    assert _year(sentence, date(2024, 4, 15)) is None


def test_another_forecast_the_claim_is_set_beside_is_not_its_window():
    # holdout-30 outlook-cruiseindustrynews-unwto-tourism-2013
    sentence = (
        "World Travel Organization (UNWTO) forecasts international tourist arrivals to increase by 3% to 4% in 2013, "
        "in line with its long-term forecast for 2030"
    )
    assert _year(sentence, date(2013, 2, 15)) == 2013


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-43, outlook-mcdmag-dodge-construction-2018
        "Commercial building will retreat 3 percent, following 2 percent gains in 2017 and 2018.",
        "Institutional building will advance 3 percent, picking up the pace from its 1 percent gain in 2018.",
        "Healthcare projects will make a partial rebound after pulling back in 2018.",
        "Job additions are expected to slow, down from the anticipated 138,800 per month in Q4 2018.",
    ],
)
def test_what_a_forecast_follows_in_a_year_under_way_is_not_its_window(sentence):
    assert _year(sentence, date(2018, 10, 15)) is None


def test_a_later_year_after_after_is_still_the_window():
    # the rule holds only for a year under way or past, and not for a change's first end
    assert _year("Prices will rise after a pullback in 2019.", date(2018, 10, 15)) == 2019
    assert _year("Growth will accelerate from 4.1% in 2018 to 4.5% in 2019.", date(2018, 10, 15)) == 2019


@pytest.mark.parametrize(
    ("sentence", "published_on", "year"),
    [
        # holdout-42, newsletter-foodsecurityportal-fao-food-outlook-2012 (November 2012)
        ("World rice production, on the other hand, is expected to surpass 2011 levels.", date(2012, 11, 15), 2012),
        # holdout-43, scenarios-hellenicshippingnews-bimco-container-2024 (September 2024)
        ("In both scenarios, the balance is expected to weaken compared to 2024.", date(2024, 9, 15), 2025),
        # a base years back is a reference level, not last year's figures
        ("Traffic will still be 30 percent lower compared to 2019.", date(2021, 7, 1), None),
    ],
)
def test_a_comparisons_base_year_dates_an_otherwise_undated_clause_the_year_after(sentence, published_on, year):
    plain = to_plain(sentence)
    when = after_the_base(plain, 0, len(plain), published_on)
    assert (when.deadline.year if when else None) == year
    (found,) = extract_candidates(sentence, published_on=published_on)
    assert found.deadline.year == (year or published_on.year)


def test_a_base_year_does_not_displace_the_sentence_befores_window():
    # holdout-9, statement-theportugalnews-iata-2020: the link after "increase 62 percent in 2021" is 2021's
    text = "Passengers will increase 62 percent in 2021, but it will still be almost 30 percent lower compared to 2019."
    found = extract_candidates(text, published_on=date(2020, 11, 25))
    assert [c.deadline.year for c in found] == [2021, 2021]


def test_a_bare_month_after_a_year_named_earlier_in_the_sentence_is_that_years():
    # holdout-41, op-ed-luckboxmagazine-predictions-2024
    plain = "Stocks suffer two corrections in 2024: one in March, and the second in September when polls will shift."
    clause = plain.index("and the second")
    published_on = date(2023, 12, 15)
    when = month_in_named_year(deadline_in(plain, clause, len(plain), published_on), plain, 0, clause, published_on)
    assert when.deadline == date(2024, 9, 30)
    # with no year before it, the month just past stays the page's year's
    alone = plain[clause:]
    when = month_in_named_year(deadline_in(alone, 0, len(alone), published_on), alone, 0, 0, published_on)
    assert when.deadline == date(2023, 9, 30)


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-47, wire-mobileworldlive-idc-smartphones-2017
        "Worldwide smartphone shipments are expected to rebound slightly in 2017, with momentum carrying into 2018.",
        "For the full year 2017, growth will be 3 per cent, the firm forecast, with a 4.5 per cent increase in 2018.",
    ],
)
def test_the_next_year_a_trailing_with_phrase_adds_is_not_the_window(sentence):
    assert _year(sentence, date(2017, 6, 15)) == 2017


def test_a_further_year_a_trailing_with_phrase_forecasts_stays_the_window():
    sentence = (
        "Growth is expected to slow from 700,000 bpd in 2025 and 2026, with a slight decline anticipated in 2030."
    )
    assert _year(sentence, date(2025, 6, 15)) == 2030


def test_next_year_beside_the_year_under_way_is_the_next_one():
    # holdout-63, op-ed-steemit-north-korea-2018-2017
    sentence = "It\u2019s unlikely that next year will offer a mere continuation of events in 2017."
    assert _year(sentence, date(2017, 12, 15)) == 2018
    # ... but a page out in January was written before its year began: holdout-43,
    # interview-seatrade-msi-container-overcapacity-2024
    sentence = "the balance between demand supply next year in 2024 is expected to be among the worst years"
    assert _year(sentence, date(2024, 1, 15)) == 2024


def test_a_span_of_this_year_and_next_is_no_comparisons_base():
    # holdout-68, think-tank-politicscouk-resolution-foundation-living-standards-2022
    sentence = (
        "Real household disposable incomes are on course to fall by 10 per cent over this year and next \u2013 the "
        "deepest living standards squeeze in a century"
    )
    assert _year(sentence, date(2022, 9, 1)) == 2023


def test_a_change_compared_with_last_year_is_this_years():
    # holdout-69, newsletter-nccwashingtonreport-drought-food-prices-2012
    sentence = (
        "The drought is dramatically reducing feedstuffs and corn yields will probably suffer a 10 percent or more "
        "decrease compared to last year, Brown said."
    )
    plain = to_plain(sentence)
    assert after_the_base(plain, 0, len(plain), date(2012, 8, 10)).deadline.year == 2012
    (found,) = extract_candidates(sentence, published_on=date(2012, 8, 10))
    assert found.deadline.year == 2012
