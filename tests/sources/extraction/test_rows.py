"""Forecasts laid out as rows: chance tables, outcome shares, scenario labels, forecast tables."""

from datetime import date

import pytest

from sources import scales
from sources.extraction import BASIS_STATED, extract_candidates
from sources.extraction.rows import find_rows, stacked_tables
from sources.extraction.text import to_plain

PUBLISHED = date(2011, 1, 10)


def test_a_chance_table_gives_one_forecast_per_row_with_the_event_of_its_header():
    text = (
        "The results are below.\nTeam | Chance to win Super Bowl |\n"
        "New England Patriots | 31.57% |\nChicago Bears | 8.84% |\n"
    )
    first, second = extract_candidates(text, published_on=PUBLISHED)
    assert (first.quote, first.probability, first.probability_basis) == (
        "New England Patriots | 31.57%",
        0.3157,
        BASIS_STATED,
    )
    assert first.claim == "New England Patriots win Super Bowl (by 2011-02-06)"
    assert second.probability == pytest.approx(0.0884)


def test_a_table_without_a_chance_in_its_header_is_not_read_as_forecasts():
    text = "Team | Points |\nNew England Patriots | 31.57% |\n"
    assert extract_candidates(text, published_on=PUBLISHED) == []


def test_outcome_shares_after_a_chance_title_are_each_a_forecast_and_after_a_condition_one_conditional():
    text = (
        "Chance of winning election Obama 96.7% Romney 3.2% Tie 0.1%\n"
        "Obama gets CO Romney 1.7% Tie 0.1% Obama 98.2% Romney gets OH Romney 25.9% Tie 0.7% Obama 73.4%"
    )
    rows = find_rows(text)
    assert [(text[r.start : r.end], round(r.probability, 3), r.conditional) for r in rows] == [
        ("Obama 96.7%", 0.967, False),
        ("Romney 3.2%", 0.032, False),
        ("Tie 0.1%", 0.001, False),
        ("Obama gets CO Romney 1.7% Tie 0.1% Obama 98.2%", 0.982, True),
        ("Romney gets OH Romney 25.9% Tie 0.7% Obama 73.4%", 0.734, True),
    ]
    assert rows[3].claim == "Obama winning election (if Obama gets CO)"


def test_scenario_labels_with_the_probability_on_a_line_of_its_own():
    text = "Scenarios\n\nBull Case\n45%\nSoft Landing / Continued Expansion\nBear Case\n20%\nRecession / Risk-Off\n"
    rows = find_rows(text)
    assert [(r.claim, r.probability) for r in rows] == [
        ("Soft Landing / Continued Expansion (Bull Case)", 0.45),
        ("Recession / Risk-Off (Bear Case)", 0.2),
    ]


def test_labelled_chances():
    rows = find_rows("Bear case (50%): Recession\nBase case (45%): Mid-cycle slowdown\n")
    assert [(r.claim, r.probability) for r in rows] == [
        ("Recession (Bear case)", 0.5),
        ("Mid-cycle slowdown (Base case)", 0.45),
    ]


def test_a_forecast_table_is_read_and_a_table_of_current_levels_is_not():
    text = (
        "Expected 6-Month Returns by Asset Class\n\n"
        "S&P 500 6,870 +12% to +18% +4.2%\nNASDAQ 22,750 +15% to +22% +3.8%\n\n"
        "Current Market Prices (March 21, 2026)\n\n"
        "S&P 500 6,870 -1.2% Yahoo Finance\nNASDAQ Composite 22,750 -2.8% Yahoo Finance\n"
    )
    found = extract_candidates(text, published_on=date(2026, 3, 22))
    assert [c.quote for c in found] == ["S&P 500 6,870 +12% to +18% +4.2%", "NASDAQ 22,750 +15% to +22% +3.8%"]
    assert all(c.estimative_phrase == "forecast table" and c.probability == 0.675 for c in found)


def test_a_label_with_its_chance_after_a_colon():
    rows = find_rows("\u2022 Recession in 2024: 35%\nChance of recession in next 12 months: 30%\n")
    assert [(r.claim, r.probability) for r in rows] == [
        ("Recession in 2024", 0.35),
        ("Recession in next 12 months", 0.3),
    ]
    # holdout-25, scenarios-zerohedge-greece-default-2015: a numbered scenario
    rows = find_rows("2) Orderly default, within euro: 25%\n\n5) Happy ending: 5%\n")
    assert [(r.claim, r.probability) for r in rows] == [("Orderly default, within euro", 0.25), ("Happy ending", 0.05)]
    rows = find_rows("4) \u201cSticky-end\u201d or orderly default, with euro-exit: 15%\n")
    assert [r.probability for r in rows] == [0.15]


def test_a_risk_spelt_out_with_its_window_keeps_its_chance_after_a_colon():
    rows = find_rows(
        "\u2022 Risk of event involving 25 fatalities inside NATO member territory in the next 18 months: 8%\n"
    )
    assert [(r.claim, r.probability) for r in rows] == [
        ("Event involving 25 fatalities inside NATO member territory in the next 18 months", 0.08)
    ]


def test_a_table_with_a_market_column_and_a_model_column_reads_the_model():
    text = "team | bovada odds | model odds | edge |\nSEA | 3.4% | 20.9% | 506.1% |\nKC | 21.1% | 0.8% | -96.2% |"
    rows = find_rows(text)
    assert [round(row.probability, 3) for row in rows] == [0.209, 0.008]


def test_a_bare_odds_column_takes_its_event_from_the_sentence_above():
    text = (
        "The chart details the probability each team will win Super Bowl LIV.\n"
        "team | bovada odds | model odds |\nSEA | 3.4% | 20.9% |"
    )
    found = extract_candidates(text, published_on=date(2019, 12, 30))
    assert [c.claim.split(" (by")[0] for c in found if c.probability == 0.209] == ["SEA will win Super Bowl LIV"]


@pytest.mark.parametrize(
    ("line", "probability"),
    [
        ("Alternate Scenario - Neutral Growth, Overpriced Stocks (30% Odds)", 0.30),
        ("Scenario No. 4 -- Muddle Through (probability goes from 60% to 65%): The U.S. muddles through.", 0.65),
        (
            "Baseline (60%): Real GDP growth came in stronger than expected in the second quarter, after slowing "
            "in the first quarter.",
            0.60,
        ),
    ],
)
def test_a_scenario_named_with_its_chance_opens_a_line(line, probability):
    (row,) = find_rows(line)
    assert row.probability == pytest.approx(probability)
    assert "scenario" in row.claim


def test_a_bracketed_percentage_without_a_chance_word_is_no_scenario_chance():
    assert find_rows("Base Case Scenario - Growth (up 40% from last year)") == []
    assert find_rows("Downside (40%) in exports last year weighed on growth.") == []


def test_a_scenario_table_gives_each_scenario_its_chance_and_target():
    text = (
        "S&P 500\n\nScenario Probability Target % Return\n"
        "\U0001f402 Bull 20% 6,600.00 +17.8% Inflation at 2%.\n"
        "\u2696\ufe0f Base 50% 6,007.50 +7.2% Inflation at 2.5%.\n"
        "Expected value: 5,805.00\n"
    )
    bull, base = find_rows(text)
    assert (bull.probability, bull.claim) == (0.20, "Target 6,600.00 (Bull scenario)")
    assert (base.probability, base.claim) == (0.50, "Target 6,007.50 (Base scenario)")


def test_a_pipe_table_of_guidance_figures_under_a_heading_that_looks_ahead():
    text = (
        "The table below presents our expectations for third quarter and selected full year fiscal 2025 "
        "financial operating results:\n\nQ3 FY2025 | Full Year FY25 | |\n"
        "Net sales | $903 million to $943 million | |\nGross margin % | 38.1% to 39.1% | |\n"
    )
    found = extract_candidates(text, published_on=date(2024, 12, 19))
    assert [c.quote for c in found] == ["Net sales | $903 million to $943 million", "Gross margin % | 38.1% to 39.1%"]
    assert {(c.probability, c.deadline.year) for c in found} == {(0.675, 2025)}


def test_a_pipe_table_of_figures_without_a_heading_that_looks_ahead_is_not_read():
    text = "Segment | Q2 sales | |\nNet sales | $903 million to $943 million | |\nGross margin % | 38.1% | |\n"
    assert extract_candidates(text, published_on=date(2024, 12, 19)) == []


def test_a_pipe_table_laid_out_one_cell_a_line_reads_the_column_that_looks_ahead():
    text = (
        "Metals Forecasts\nMetal |\nEnd 2022 |\nEnd 2023 Forecast |\nChange |\n"
        "Zinc |\n$2,973 |\n$3,890 |\n31% |\nNickel |\n$30,048 |\n$29,000 |\n-3.5% |\n"
    )
    found = extract_candidates(text, published_on=date(2023, 1, 1))
    assert [" ".join(c.quote.split()) for c in found] == [
        "Zinc | $2,973 | $3,890 | 31% |",
        "Nickel | $30,048 | $29,000 | -3.5% |",
    ]
    assert [c.proposition for c in found] == ["Zinc: End 2023 Forecast $3,890", "Nickel: End 2023 Forecast $29,000"]
    assert {(c.probability, c.deadline.year) for c in found} == {(0.675, 2023)}


def test_a_pipe_table_laid_out_one_cell_a_line_without_a_column_that_looks_ahead_is_not_read():
    text = "Metal |\nEnd 2021 |\nEnd 2022 |\nZinc |\n$2,973 |\n$3,890 |\nNickel |\n$30,048 |\n$29,000 |\n"
    assert extract_candidates(text, published_on=date(2023, 1, 1)) == []


def test_a_price_list_without_a_heading_that_looks_ahead_is_not_read():
    text = "Our picks\n\niPhone 15 Pro $999\nGalaxy S24 Ultra $1199\nPixel 8 Pro $899\n"
    assert extract_candidates(text, published_on=date(2024, 3, 1)) == []


def test_a_year_by_year_outlook_gives_one_forecast_per_year_not_yet_over():
    text = (
        "Here are his predictions for semiconductor revenue growth in the next few years.\n\n"
        "2009: -9%, the year just ended\n\n"
        "2010: +31%, with still some scope for upwards revision\n\n"
        "2011: +28%, based on the industry being at the peak of the structural cyclical boom\n"
    )
    found = extract_candidates(text, published_on=date(2010, 1, 1))
    assert [(c.quote, c.deadline.year, c.probability) for c in found] == [
        ("2010: +31%, with still some scope for upwards revision", 2010, 0.675),
        ("2011: +28%, based on the industry being at the peak of the structural cyclical boom", 2011, 0.675),
    ]


def test_a_dated_figure_closing_a_scenario_is_certain_if_the_scenario_happens_and_likely_if_it_is_the_probable_one():
    text = (
        "Highest-price scenario\n\n"
        "A war in the Gulf wipes out Iraqi production capacity. 2003 average price: $30+ a barrel\n\n"
        "Probable scenario\n\n"
        "Chavez remains in power. 2003 price average: $23 a barrel\n"
    )
    rows = find_rows(text, date(2003, 1, 1))
    assert [(text[r.start : r.end], r.conditional, r.category) for r in rows] == [
        ("2003 average price: $30+ a barrel", True, "almost_certain"),
        ("2003 price average: $23 a barrel", False, "likely"),
    ]


def test_a_dated_figure_without_a_publication_date_or_with_a_past_year_is_no_row():
    text = "2011: +28%, based on the industry being at the peak\n"
    assert find_rows(text) == []
    assert find_rows(text, date(2012, 3, 1)) == []


def test_a_quantity_measured_in_percent_after_a_colon_is_no_chance():
    assert [row.probability for row in find_rows("CAGR: 10%\n\nThe scenario assumes slow growth.\n")] == []
    (row,) = find_rows("Recession in 2024: 35%\n")
    assert row.probability == 0.35


def test_an_awards_columns_will_win_pick_is_almost_certain_and_should_win_is_no_forecast():
    # holdout-13, op-ed-filmfactual-oscars-best-picture-2023
    (row,) = find_rows("Should win: EEAAO\n\nWill win: EEAAO\n\nAlternate: All Quiet on the Western Front\n")
    assert (row.probability, row.category, row.claim) == (None, scales.ALMOST_CERTAIN, "EEAAO will win")


def test_an_awards_columns_will_win_label_in_capitals_picks_the_quoted_title():
    # holdout-50, op-ed-newsday-grammys-2016: the label runs on into the critic's reasons
    text = (
        "SHOULD WIN \u201cAlright.\u201d Lamar outlines his view.\n"
        "WILL WIN \u201cThinking Out Loud.\u201d Sheeran\u2019s ballad.\n"
    )
    (row,) = find_rows(text)
    assert (row.category, row.claim) == (scales.ALMOST_CERTAIN, "\u201cThinking Out Loud\u201d will win")
    assert text[row.start : row.end] == "WILL WIN \u201cThinking Out Loud.\u201d"


def test_shares_under_a_heading_that_looks_back_are_no_chances():
    # holdout-10, model-electionsetc-uk-election-2015: the model's inputs, today's poll shares
    text = "Inputted current average poll shares\nCon: 33%\nLab: 33%\nLD: 8%\nUKIP: 14%\nOthers: 12%\n"
    assert find_rows(text) == []
    (row,) = find_rows("Forecast of the largest party\nCon largest: 55%\n")
    assert row.probability == 0.55


def test_shares_under_a_question_about_what_is_to_come_are_chances_though_it_asks_for_a_result():
    # holdout-20, newsletter-unusualpredictions-canada-election-2015: the blog's answer to its question
    text = (
        "Q3: What will be the result of the 2015 Federal Election?\n"
        "Conservative Majority: 10%\nConservative Minority: 25%\nLiberal Minority: 40%\n"
    )
    assert [row.probability for row in find_rows(text)] == [0.1, 0.25, 0.4]
    # the same labels under a question about what was are the shares it had
    assert find_rows("What was the result of the 2011 Federal Election?\nConservative Majority: 40%\n") == []


HURRICANE_TABLE = """Colorado State team: No change in hurricane forecast

The Colorado State University team said today that it's sticking to its earlier seasonal forecast.

COLO STATE FORECAST June 1 April 6 Dec. 8 Hist. Avg. *
Named Storms 16 16 17 9.6
Hurricanes 9 9 9 5.9
Major Hurricanes (Cat. 3+) 5 5 5 2.3
*(1950-2000)

Chance a major will strike: % Historical %
U.S. coast 72 52
U.S. east coast 48 31
(incl. Fla. peninsula)

COLO STATE BOX SCORE JUNE FCST     ACTUAL
  Storms Hurrs Majors Storms Hurrs Majors
2010 18 10 5 19 12 5
2009 11 5 2 9 3 2
"""


def test_rows_of_bare_figures_under_a_forecast_or_a_chance_heading():
    # holdout-9, outlook-palmbeachpost-csu-hurricanes-2011: the newest forecast is the first figure; the
    # heading's dates name the columns, not the window; the box score of past seasons is no forecast
    found = extract_candidates(HURRICANE_TABLE, published_on=date(2011, 6, 1))
    rows = {c.quote: c for c in found if "table or list row" in c.note}
    assert sorted(rows) == [
        "Hurricanes 9 9 9 5.9",
        "Major Hurricanes (Cat. 3+) 5 5 5 2.3",
        "Named Storms 16 16 17 9.6",
        "U.S. coast 72 52",
        "U.S. east coast 48 31",
    ]
    assert rows["U.S. coast 72 52"].probability == pytest.approx(0.72)
    assert rows["Named Storms 16 16 17 9.6"].proposition.startswith("Named Storms: 16")
    assert {c.deadline.year for c in rows.values()} == {2011}
    # the chance heading names columns: it is no forecast of its own
    assert not any(c.quote.startswith("Chance a major will strike") for c in found)


def test_rows_under_a_heading_with_low_and_high_columns_are_estimates_with_their_interval():
    # holdout-25, model-ukgeneralelection2015-uk-election-2014: the seat column between its 90% bounds; the
    # swing column is signed
    text = "Party Lo Seats Hi Swing\nConservatives 234 279 323 -27\nLiberal Democrats 14 25 39 -32\n"
    assert [row.claim for row in find_rows(to_plain(text))] == [
        "Conservatives: 279 Seats (234 to 323)",
        "Liberal Democrats: 25 Seats (14 to 39)",
    ]


def test_rows_of_bare_figures_without_a_heading_that_looks_ahead_are_no_forecasts():
    text = "Results of the season\nNamed Storms 19 12 5\nHurricanes 12 5 2\n"
    assert find_rows(to_plain(text)) == []


def test_a_list_announced_as_probabilities_gives_each_line_its_own_chance():
    # holdout-10's Brexit scenarios
    text = (
        "Considering recent events, our assessment of the probabilities of three broad outcomes is as follows:\n"
        "No Brexit / Second referendum \u2013 30%\n"
        "Orderly Brexit following eventual parliamentary approval of an exit agreement \u2013 55%\n"
        "No-deal Brexit \u2013 15%\n"
    )
    chances = {c.quote: c.probability for c in extract_candidates(text, published_on=date(2019, 1, 4))}
    assert chances == {
        "No Brexit / Second referendum \u2013 30%": 0.3,
        "Orderly Brexit following eventual parliamentary approval of an exit agreement \u2013 55%": 0.55,
        "No-deal Brexit \u2013 15%": 0.15,
    }


def test_names_with_their_chances_under_a_lead_in_about_chances_are_one_forecast_each():
    text = (
        "Chances of reaching the knockout stages of the world cup:\n\n"
        "Group D: Argentina 82%, Croatia 57%, Iceland 35%, Nigeria 27%\n\n"
        "Group E: Brazil 90%, Switzerland 51%, Serbia 31%, Costa Rica 28%\n"
    )
    found = [(c.quote, c.probability) for c in extract_candidates(text, published_on=date(2018, 6, 7))]
    assert found[4:] == [("Brazil 90%", 0.9), ("Switzerland 51%", 0.51), ("Serbia 31%", 0.31), ("Costa Rica 28%", 0.28)]
    assert extract_candidates(text, published_on=date(2018, 6, 7))[4].claim.startswith(
        "Brazil reaching the knockout stages of the world cup"
    )


def test_bulleted_names_with_their_chances_under_a_lead_in_about_odds_are_one_forecast_each():
    text = (
        "  \u2022 Betting odds from Betfair confirms our MP-by-MP analysis:\n"
        "    \u2022 Boris 61%\n    \u2022 Hunt 14%\n"
        "    \u2022 But these have been somewhat skewed because of what looks like a large bet on Leadsom . . .\n"
    )
    found = [(c.quote, c.probability) for c in extract_candidates(text, published_on=date(2019, 6, 12))]
    assert found == [("Boris 61%", 0.61), ("Hunt 14%", 0.14)]


def test_a_range_in_a_list_announced_as_probabilities_is_read_at_its_lower_figure():
    text = (
        "We set out our scenario probabilities below:\n"
        "- Core View: Continued fighting without ceasefire: 45-50%\n"
        "- Scenario 3: Ceasefire with guarantees: 15-20%\n"
    )
    found = [(c.claim, c.probability) for c in extract_candidates(text, published_on=date(2025, 3, 1))]
    assert found == [
        ("Core View: Continued fighting without ceasefire (by 2025-12-31)", 0.45),
        ("Scenario 3: Ceasefire with guarantees (by 2025-12-31)", 0.15),
    ]


def test_lines_of_a_models_chances_state_their_number_and_claim_the_win():
    text = (
        "The individual probabilities for each state are as follows:\n\nAlaska\n"
        "Sullivan 56% chance of winning\nBegich 44% chance of winning\n"
    )
    found = [(c.claim, c.probability) for c in extract_candidates(text, published_on=date(2014, 11, 4))]
    assert found == [("Sullivan will win (by 2014-12-31)", 0.56), ("Begich will win (by 2014-12-31)", 0.44)]


def test_a_list_announced_as_forecasts_gives_each_item_its_figure_and_no_chance():
    # holdout-25, newsletter-asymco-apple-estimates-2011: the bracketed percentages are growth rates
    text = (
        'So here are my "mid" quarter forecasts:\n\n- iPhone units: 26.8 million (90%)\n'
        "- iPods: 7.0 million (-22%)\n- Total revenues: $33.2 billion (growth: 63%)\n"
    )
    assert [(r.claim, r.probability) for r in find_rows(to_plain(text))] == [
        ("iPhone units: 26.8 million (90%)", None),
        ("iPods: 7.0 million (-22%)", None),
        ("Total revenues: $33.2 billion (growth: 63%)", None),
    ]
    # holdout-6, model-bandwidthblog-rugby-world-cup-2023: an item that states a chance stays a chance
    text = "Here are the predictions:\n- New Zealand: 33.5% chance of winning the tournament\n"
    assert all(r.probability == pytest.approx(0.335) for r in find_rows(to_plain(text)))


def test_a_list_announced_as_anything_else_keeps_its_percentages_as_values():
    text = "Our forecasts for GDP growth are as follows:\nEurozone \u2013 1.5%\nUnited States \u2013 2.1%\n"
    assert all(c.probability != 0.015 for c in extract_candidates(text, published_on=date(2019, 1, 4)))


def test_a_framed_pipe_table_of_fractions_gives_each_row_the_chance_of_its_last_stage():
    # holdout-11's NCAA model table
    text = (
        "| Team | Seed | Region | B-T Effect | Prob Final 4 | Prob Final Game | Prob Winner | \n"
        "|---|---|---|---|---|---|---|\n"
        "| Kentucky | 1 | Midwest | 6.489 | 0.794 | 0.590 | 0.477 | \n"
        "| Michigan St | 7 | East | 3.942 | 0.408 | 0.105 | 0.017 | \n"
    )
    first, second = extract_candidates(text, published_on=date(2015, 3, 25))
    assert (first.quote, first.probability) == ("| Kentucky | 1 | Midwest | 6.489 | 0.794 | 0.590 | 0.477", 0.477)
    assert second.probability == 0.017
    assert first.claim.startswith("Kentucky Winner")


def test_names_listed_with_bracketed_chances_after_words_about_chances_are_one_forecast_each():
    # holdout-11's NCAA bracket model
    text = (
        "Louisville has an 11.6% chance to win it all. Behind the Cardinals are Virginia (7.0%), Villanova (6.9%), "
        "Kentucky (6.6%), Baylor (6.4%) and Florida (6.1%)."
    )
    chances = {c.quote: c.probability for c in extract_candidates(text, published_on=date(2017, 2, 21))}
    assert chances["Villanova (6.9%)"] == 0.069
    assert chances["Florida (6.1%)"] == 0.061
    assert "Virginia (7.0%)" in chances


def test_two_names_with_bracketed_chances_right_after_words_about_chances_are_one_forecast_each():
    # holdout-13, model-lnginnorthernbc-world-cup-2026
    text = (
        "Our model says that Spain is the favorite to win the 2026 World Cup, with a probability of 16%. "
        "The other favorites are France (12%) and Argentina (12%), but they do not win half of the simulations."
    )
    chances = {c.quote: c.probability for c in extract_candidates(text, published_on=date(2025, 6, 1))}
    assert chances["France (12%)"] == 0.12
    assert chances["Argentina (12%)"] == 0.12
    # two shares with no word of chance just before them stay shares
    text = "The chances are slim. The vote split between Labour (33.0%) and Conservatives (32.5%)."
    assert "Labour (33.0%)" not in [c.quote for c in extract_candidates(text, published_on=date(2015, 3, 6))]


def test_names_listed_with_bracketed_shares_and_no_word_of_chance_are_not_chances():
    text = "The vote split between Labour (33.0%), Conservatives (32.5%), UKIP (14.0%) and others."
    assert "UKIP (14.0%)" not in [c.quote for c in extract_candidates(text, published_on=date(2015, 3, 6))]


def test_names_listed_with_bracketed_figures_in_a_paragraph_about_a_forecast_are_each_a_likely_figure():
    # holdout-21, outlook-travelbiznews-ntto-travel-2016
    text = (
        "All but two of the top\u201021 visitor origin countries are forecast to grow from 2015 through 2021.  "
        "Top origin countries with the largest total growth percentages are China (121%), India (72%), Argentina "
        "(50%), South Korea (43%), Taiwan (40%), and Australia (28%).\n\n"
        "Five countries are expected to account for 64 percent of the projected growth from 2015 through 2021.  "
        "These volume growth leaders are Mexico (25% of expected total growth of 16.6 million additional "
        "visitors), China (19%), Canada (11%), India (5%), and South Korea (5%)."
    )
    found = {c.quote: c for c in extract_candidates(text, published_on=date(2016, 12, 15))}
    assert found["China (121%)"].probability == pytest.approx(0.675)
    assert found["China (121%)"].deadline.year == 2021
    assert "Australia (28%)" in found
    assert "Mexico (25% of expected total growth of 16.6 million additional visitors)" in found
    assert "South Korea (5%)" in found


def test_names_listed_with_bracketed_figures_in_a_paragraph_about_no_forecast_are_no_forecasts():
    # the same list without the sentence that says the growth is forecast: shares already recorded
    text = (
        "Top origin countries with the largest total growth percentages are China (121%), India (72%), Argentina "
        "(50%), South Korea (43%), Taiwan (40%), and Australia (28%)."
    )
    assert extract_candidates(text, published_on=date(2016, 12, 15)) == []


def test_hard_wrapped_prose_with_figures_is_one_sentence_not_a_table():
    # holdout-21, think-tank-scribd-iif-capital-flows-2015
    text = (
        "Capital flows to emerging markets have weakened markedly this year, after a\n"
        "substantial decline in 2014. We estimate that net non-resident inflows will reach\n"
        "only $548 billion in 2015 down from $1,074 billion last year, sinking below levels\n"
        "recorded in 2008/09. As a share of EM GDP, such inflows have fallen to about 2%\n"
    )
    assert find_rows(to_plain(text)) == []
    (found,) = extract_candidates(text, published_on=date(2015, 6, 1))
    assert found.quote.startswith("We estimate that net non-resident inflows will reach")


def test_a_last_column_headed_by_odds_gives_each_row_its_chance():
    text = (
        "Below are the odds for each team to win the Super Bowl and our projected odds.\n\n"
        "Team Super Bowl Odds Odds Needed Projected Odds\n"
        "Seattle Seahawks +200 33.3% 42.1%\nDenver Broncos +210 32.3% 28.5%\n"
    )
    found = [c.probability for c in extract_candidates(text, published_on=date(2014, 1, 20))]
    assert found == [0.421, 0.285]


# CBS Sports' SportsLine projections, a table stored one cell a paragraph
_ONE_CELL_A_PARAGRAPH = (
    "Here's a look at the odds for every team to make the playoffs, win their conference and win the title.\n\n"
    "Western Conference\n\nTeams\n\nProjected wins\n\nMake playoffs\n\nWin Western Conference\n\nWin NBA title\n\n"
    "Golden State Warriors\n\n64.9\n\n100%\n\n69.16%\n\n56.3%\n\n"
    "Portland Trail Blazers\n\n52.4\n\n99.2%\n\n8.99%\n\n4.3%\n\n"
    "A few takeaways from these projections:\n"
)


def test_a_chance_table_stored_one_cell_a_paragraph_gives_the_last_chance_column_of_each_row():
    golden, portland = find_rows(to_plain(_ONE_CELL_A_PARAGRAPH))
    assert (golden.probability, golden.claim) == (0.563, "Golden State Warriors win NBA title")
    assert portland.probability == pytest.approx(0.043)
    quotes = [c.quote for c in extract_candidates(_ONE_CELL_A_PARAGRAPH, published_on=date(2018, 11, 13))]
    assert quotes[0] == "Golden State Warriors\n\n64.9\n\n100%\n\n69.16%\n\n56.3%"


def test_a_table_stored_one_cell_a_paragraph_is_found_with_its_header_rows_and_last_column_of_chances():
    plain = to_plain(_ONE_CELL_A_PARAGRAPH)
    (table,) = stacked_tables(plain)
    assert [plain[s:e] for s, e in table.header] == [
        "Teams",
        "Projected wins",
        "Make playoffs",
        "Win Western Conference",
        "Win NBA title",
    ]
    assert [[plain[s:e] for s, e in row] for row in table.rows] == [
        ["Golden State Warriors", "64.9", "100%", "69.16%", "56.3%"],
        ["Portland Trail Blazers", "52.4", "99.2%", "8.99%", "4.3%"],
    ]
    # the last stage is the outcome the table is for
    assert table.chance == 4
    assert [table.chance_of(plain, row) for row in table.rows] == [0.563, pytest.approx(0.043)]


def test_a_table_stored_one_cell_a_paragraph_without_talk_of_chances_has_no_column_of_chances():
    plain = to_plain(_ONE_CELL_A_PARAGRAPH.replace("the odds for every team to", "how every team did to"))
    (table,) = stacked_tables(plain)
    assert (len(table.rows), table.chance, table.chance_of(plain, table.rows[0])) == (2, None, None)


def test_tables_stored_one_cell_a_paragraph_back_to_back_are_each_found():
    # a conference's table straight after the other's, its title a cell like theirs
    first, takeaways = _ONE_CELL_A_PARAGRAPH.split("A few takeaways")
    western = first.split("\n\n", 1)[1]
    plain = to_plain(first + western.replace("Western", "Eastern") + "A few takeaways" + takeaways)
    tables = stacked_tables(plain)
    assert [plain[slice(*table.header[3])] for table in tables] == ["Win Western Conference", "Win Eastern Conference"]
    assert [table.chance for table in tables] == [4, 4]


def test_a_header_and_a_single_row_stored_one_cell_a_paragraph_are_no_table():
    one_row = _ONE_CELL_A_PARAGRAPH.replace("Portland Trail Blazers\n\n52.4\n\n99.2%\n\n8.99%\n\n4.3%\n\n", "")
    assert stacked_tables(to_plain(one_row)) == []


def test_a_table_stored_one_cell_a_paragraph_without_talk_of_chances_is_no_forecast():
    levels = _ONE_CELL_A_PARAGRAPH.replace("the odds for every team to", "how every team did to")
    assert find_rows(to_plain(levels)) == []


def test_a_labelled_chance_keeps_the_change_since_the_models_last_run_after_it():
    """The McDonald NHL Power Ratings blog: series lengths under a team's chance, each with its change."""
    text = (
        "New simulation results:\n- Colorado has a 76.9% chance of winning (\u25b212.8)\n"
        "- In 4 games: 19.3% (\u25b27.3)\n- In 5 games: 25.9% (\u25b26.0)\n- In 7 games: 14.7% (\u25bc1.4)\n"
    )
    rows = find_rows(to_plain(text))
    assert [row.probability for row in rows if row.claim.startswith("In ")] == [0.193, 0.259, 0.147]


def test_a_column_named_in_percent_under_a_title_naming_a_chance_is_the_tables_column_of_chances():
    # holdout-31: the title names the chance, the header the column that holds it, its decimal point maybe a comma
    text = (
        "Highest Default Probabilities\n"
        "Entity Name | Mid Spread | CPD (%) |\n"
        "Argentina | 1025.10 | 48,99 |\n"
        "Venezuela | 985.30 | 48.49 |\n"
        "Greece | 711.85 | 43.88 |\n"
    )
    rows = find_rows(text)
    assert [round(row.probability, 4) for row in rows] == [0.4899, 0.4849, 0.4388]
    assert rows[0].claim == "Argentina: Highest Default Probabilities"
    # a paragraph that mentions a chance is no title, and a column in percent alone names no chance
    assert find_rows(text.replace("Highest Default Probabilities", "Greece has a high default probability.")) == []
    assert find_rows(text.replace("Highest Default Probabilities\n", "")) == []


def test_a_scenario_s_chance_on_its_own_line_after_its_story_is_the_chance_of_the_story_s_forecast():
    text = (
        "The dream\n\nLeaders agree a deal. The summit will end with a binding treaty.\n\nPlausibility: 1/10\n\n"
        "The fudge\n\nThe talks will drift to a close with no agreement.\n\nPlausibility 7/10\n"
    )
    dream, fudge = [c for c in extract_candidates(text, published_on=PUBLISHED) if "will" in c.quote]
    assert (dream.probability, dream.probability_basis, dream.category) == (0.1, BASIS_STATED, scales.VERY_UNLIKELY)
    assert (fudge.probability, fudge.category) == (0.7, scales.LIKELY)


def test_a_scenario_s_chance_on_its_own_line_under_its_heading_is_the_chance_of_the_story_below_it():
    # an edited figure kept beside the one it replaced: the later is the writer's last word
    text = (
        "6.1 Oscillations\n\nPlausibility: 0.4 0.6\nThe oil price will oscillate between $10 and $200.\n\n"
        "6.2 Stable\n\nPlausibility: 0.15 0.1\nThe price will stabilize at around $75.\n"
    )
    oscillate, stable = extract_candidates(text, published_on=PUBLISHED)
    assert (oscillate.probability, stable.probability) == (0.6, 0.1)


def test_a_chance_line_glued_to_the_next_heading_still_belongs_to_the_story_above_it():
    text = (
        "Worst Case\nPrices will drop to 1997 values over 5 years.\nLikelihood: 20%Most Likely Case\n"
        "Prices will decline 2-5% per year for 7-15 years.\nLikelihood: 50%\n"
    )
    drop, decline = [c for c in extract_candidates(text, published_on=PUBLISHED) if "Prices" in c.quote]
    assert (drop.probability, decline.probability) == (0.2, 0.5)


def test_a_chance_told_in_words_on_its_own_line_or_a_hedge_without_a_probability_is_left_as_it_reads():
    text = (
        "Scenario 1\n\nLikelihood: Low but possible\n\nA ceasefire will hold.\n\n"
        "Scenario 2\n\nA truce may hold.\n\nLikelihood: 30%\n"
    )
    ceasefire, truce = [c for c in extract_candidates(text, published_on=PUBLISHED) if "hold" in c.quote]
    assert ceasefire.probability_basis != BASIS_STATED
    assert truce.probability is None


def test_lines_with_a_chance_in_brackets_are_sentences_not_a_table_of_figures():
    # holdout-23, scenarios-fibogroup-sterling-brexit-2019
    text = (
        "If a modified deal gets through (10 percent chance), GBP/USD will jump to $1.38, while under a no-deal "
        "scenario on March 29 (20 percent chance), GBP/USD will sink to $1.12, said Petr Krpata, chief EMEA FX and "
        "rates strategist\nThe most positive outcome for the pound is a second referendum with an extension of "
        "Article 50\nSees at least a 60 percent chance that Article 50 will be extended, though the reasons will be "
        "key for the pound:\nIf that's because of a general election (15 percent chance), sees GBP/USD dropping to "
        "$1.20\nIf extended because MPs get the government to pursue a different deal (25% chance), GBP/USD could "
        "rise to $1.35\nIf because of a second referendum being called (25% chance), GBP/USD will jump to $1.40\n"
    )
    assert find_rows(to_plain(text)) == []


def test_a_scenarios_chance_after_its_story_is_the_storys():
    # holdout-64, scenarios-silendo-deutsche-bank-greece-euro-2012
    text = (
        "2) A EUR friendly government that will still end with Greece leaving the EMU; no contagion event will take "
        "place. >> Probability 1%, EUR/USD at 1.15.\n\n"
        "4) An anti-austerity government, probably led by Syriza, will reach a compromise with the Troika and will "
        "manage to Keep Greece in the EMU.>> Probability 25%, EUR/USD at 1.25.\n"
    )
    found = extract_candidates(text, published_on=date(2012, 6, 7))
    assert [c.probability for c in found] == [0.01, 0.25]
    assert found[0].quote.endswith(">> Probability 1%, EUR/USD at 1.15.")
