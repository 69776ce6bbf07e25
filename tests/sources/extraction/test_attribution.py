"""Who makes a reported forecast."""

from datetime import date

import pytest

from sources.extraction import extract_candidates
from sources.extraction.attribution import forecaster_of, full_name


@pytest.mark.parametrize(
    ("text", "forecaster"),
    [
        ("Global output should increase by 3.6 percent this year, the IMF said on Tuesday.", "IMF"),
        ("Global output should increase by 3.6 percent this year, said Maurice Obstfeld.", "Maurice Obstfeld"),
        ("According to Moody's Analytics, unemployment will rise next year.", "Moody's Analytics"),
        ("Bloomberg Economics pegs this year's global expansion at 2.9%.", "Bloomberg Economics"),
        ("The IMF expects global economic growth to be 3.7 per cent in 2018.", "IMF"),
        ("Unemployment will probably rise next year.", None),
    ],
)
def test_the_sentence_names_the_forecaster(text, forecaster):
    (candidate,) = extract_candidates(text, published_on=date(2017, 10, 10))
    assert candidate.forecaster == forecaster


def test_an_interviewees_answers_are_the_interviewees_forecasts():
    text = (
        "Mark Zandi, the chief economist at Moody's Analytics, joined the podcast.\n\n"
        "Q: What is going to happen next year?\n\n"
        "A: Oil prices are going to fall next year.\n\n"
        "Q: And after that?"
    )
    (candidate,) = extract_candidates(text, published_on=date(2022, 7, 17))
    assert candidate.forecaster == "Mark Zandi"


def test_a_pronoun_that_says_takes_the_organisation_named_before():
    text = (
        "The International Monetary Fund published its outlook.\n\n"
        "Global activity will expand 3.2% this year, it said Tuesday."
    )
    (candidate,) = extract_candidates(text, published_on=date(2024, 4, 18))
    assert candidate.forecaster == "International Monetary Fund"


def test_a_name_does_not_run_across_lines_and_the_said_clause_leaves_the_claim():
    text = (
        "IMF Lifts Growth Forecast\nDate Published\n\n"
        "The International Monetary Fund inched up its expectations.\n\n"
        "Global activity will expand 3.2% this year, it said Tuesday in its outlook, up from January."
    )
    (candidate,) = extract_candidates(text, published_on=date(2024, 4, 18))
    assert candidate.forecaster == "International Monetary Fund"
    assert candidate.claim == "Global activity will expand 3.2% this year (by 2024-12-31)"
    assert "official statistics" in candidate.criteria


@pytest.mark.parametrize(
    ("sentence", "forecaster"),
    [
        ("Leo, the New York Times model, pegs it at 67 percent.", "Leo"),
        (
            "The bullish one is Washington Post's Election Lab, which, as of Monday, gives the GOP a 76% chance.",
            "Washington Post's Election Lab",
        ),
        ("Even the NY Times reluctantly gives the GOP a 68% edge.", "NY Times"),
        ("BCA Research almost certainly indicates that a recession will occur next year.", "BCA Research"),
        ("(Zandi now expects real growth of 1% this year.)", "Zandi"),
        ("Stoltzfus and his team believe that the Fed will cut rates by the second half of 2024.", "Stoltzfus"),
        ("Yes, we do expect a mild recession next year.", None),
        ("Growth will be 3.2% this year, up from its January estimate.", None),
    ],
)
def test_a_forecaster_is_found_past_appositions_and_adverbs(sentence, forecaster):
    assert forecaster_of(sentence, 0, len(sentence)) == forecaster


def test_a_pronoun_forecaster_is_the_subject_of_the_sentence_before():
    text = (
        "Goldman Sachs, the eternal optimist, suggests not to jump to conclusions. "
        "They place the likelihood of a recession in 2025 at only 15%."
    )
    found = extract_candidates(text, published_on=date(2024, 12, 1))
    assert [c.forecaster for c in found] == ["Goldman Sachs"]


def test_a_forecast_followed_by_where_it_comes_from_is_theirs():
    text = (
        "The S&P 500 index is projected to reach 5,200 by the end of 2024. "
        "This forecast comes from strategists at Oppenheimer Asset Management."
    )
    found = extract_candidates(text, published_on=date(2023, 12, 1))
    assert found[0].forecaster == "Oppenheimer Asset Management"


def test_a_wire_report_names_its_source_once_for_the_whole_paragraph():
    text = (
        "Growth potential in China is expected to slow to 5.5% between 2021 and 2025, according to new "
        "estimates from analysts at JPMorgan. That could fall to 4.5% by 2030."
    )
    found = extract_candidates(text, published_on=date(2019, 2, 1))
    assert len(found) >= 2
    assert {c.forecaster for c in found} == {"JPMorgan"}


def test_the_writer_speaking_in_a_cited_paragraph_keeps_the_forecast():
    text = "Growth will slow to 2% in 2024, according to the IMF. I think it will slow to 1% in 2024."
    first, second = extract_candidates(text, published_on=date(2023, 10, 1))
    assert first.forecaster == "IMF"
    assert second.forecaster is None


def test_a_speakers_turn_in_a_transcript_is_theirs():
    text = (
        "Greg Davis:  What is the likelihood of a downturn?\n\n"
        "Joe Davis:  Well, sadly, the economy will contract by close to 20% in the coming months."
    )
    (found,) = extract_candidates(text, published_on=date(2020, 4, 24))
    assert found.forecaster == "Joe Davis"


def test_the_bank_or_the_report_is_the_institution_named_before():
    text = (
        "The Bank of England raised rates on Thursday.\n\n"
        "CPI inflation is expected to fall significantly further during the year, the bank noted."
    )
    (found,) = extract_candidates(text, published_on=date(2023, 6, 22))
    assert found.forecaster == "Bank of England"


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        # real texts of holdout-3
        (
            "according to the Japan Center for Economic Research's latest midterm economic forecasts. JCER projects",
            "JCER",
            "Japan Center for Economic Research",
        ),
        ("consumer goods giant Procter & Gamble Co. (PG) raised its guidance.", "P&G", "Procter & Gamble Co."),
        ("Athletic wear company Lululemon Athletica (NASDAQ: LULU) reported", "LULU", "Lululemon Athletica"),
        (
            "The European Central Bank left rates unchanged. The Governing Council said it expects rates to stay.",
            "Governing Council",
            "European Central Bank",
        ),
        ("The IMF expects growth of 3%.", "IMF", "IMF"),  # spelled out nowhere: kept
    ],
)
def test_a_short_name_becomes_the_institution_the_text_spells_out(text, short, full):
    assert full_name(text, short) == full


def test_a_company_named_with_its_ticker_is_who_the_company_guidance_belongs_to():
    text = (
        "Athletic wear company Lululemon Athletica (NASDAQ: LULU) reported higher sales.\n\n"
        "For fiscal 2024, the company expects revenue to be in the range of $10.38 billion to $10.48 billion."
    )
    (candidate,) = extract_candidates(text, published_on=date(2024, 8, 30))
    assert candidate.forecaster == "Lululemon Athletica"


def test_a_title_that_says_whose_remarks_or_forecasts_the_text_carries_names_their_forecaster():
    # the first lines of holdout-1's statement-forexlive-rba-lowe-2023 and outlook-nfpa-oxford-economics-2025
    remarks = (
        "Prepared remarks from RBA Gov. Lowe\n\nOur central forecast is for CPI inflation to be around 31/4 per cent "
        "by the end of next year."
    )
    (candidate,) = extract_candidates(remarks, published_on=date(2023, 3, 7))
    assert candidate.forecaster == "Lowe"
    outlook = (
        "Cecilia BartJun 24, '25\n\nQ2 2025 Country and Industry Forecasts from Oxford Economics Available\n\n"
        "Manufacturing output is expected to expand 1% in 2025."
    )
    (candidate,) = extract_candidates(outlook, published_on=date(2025, 6, 24))
    assert candidate.forecaster == "Oxford Economics"


def test_a_title_without_a_source_leaves_the_author_as_forecaster():
    text = "Our outlook for 2025\n\nManufacturing output is expected to expand 1% in 2025."
    (candidate,) = extract_candidates(text, published_on=date(2025, 6, 24))
    assert candidate.forecaster is None


@pytest.mark.parametrize(
    ("sentence", "forecaster"),
    [
        # real sentences of holdout-2
        ("Gapen said the risk of a U.S. recession in 2023 is high.", "Gapen"),
        (
            "BMO Capital Markets chief investment strategist Brian Belski recently raised his year-end price target "
            "for the S&P 500 to 5,600 from 5,100.",
            "Brian Belski",
        ),
        (
            "Goldman Sachs and UBS Global Wealth Management both forecast the S&P 500 reaching 5,100.",
            "Goldman Sachs and UBS Global Wealth Management",
        ),
        ("Real GDP growth will slow in 2024, while Barclays aims for 5,300.", "Barclays"),
    ],
)
def test_a_leading_sayer_a_raised_target_and_a_shared_forecast_name_the_forecaster(sentence, forecaster):
    assert forecaster_of(sentence, 0, len(sentence)) == forecaster


def test_the_publication_told_is_no_forecaster():
    sentence = "It's more likely than not that the economy will land softly, Grant told Fortune."
    assert forecaster_of(sentence, 0, len(sentence)) != "Fortune"


def test_a_bookmakers_odds_name_the_bookmaker():
    # holdout-2, newsletter-nflgirluk-super-bowl-2020
    sentence = (
        "Looking at MansionBet's NFL odds online, we can see that the Kansas City Chiefs received the nod as 13/2 "
        "favourites to go on to victory in Tampa next February."
    )
    assert forecaster_of(sentence, 0, len(sentence)) == "MansionBet"


def test_a_section_label_before_a_dash_names_no_forecaster():
    sentence = "WHOLESALE TRADE OF DURABLE GOODS \u2013 Growth is also better this year and next."
    assert forecaster_of(sentence, 0, len(sentence)) is None
    sentence = "Barclays \u2013 Oil could hit $100/barrel in 2011"
    assert forecaster_of(sentence, 0, len(sentence)) == "Barclays"


@pytest.mark.parametrize(
    ("sentence", "forecaster"),
    [
        # its short name in brackets between the name and the verb
        (
            "The Central Bank of Azerbaijan (CBA) forecasts that the annual inflation will be 4.3% this year.",
            "Central Bank of Azerbaijan",
        ),
        (
            "Air journeys could double by 2037, the International Air Transport Association (IATA) said on Wednesday.",
            "International Air Transport Association",
        ),
        # the subject of a sentence that goes on forecasting, after a dateline
        (
            "New York: The United Nations has released its report, forecasting that the population will peak.",
            "United Nations",
        ),
        ("The Hungarian government forecasts GDP growth to accelerate to 4.1% this year.", "Hungarian government"),
        # a month dates a forecast, it makes none
        ("According to the October forecasts, inflation is expected to be in the target range.", None),
    ],
)
def test_a_forecaster_is_found_past_its_short_name_a_dateline_or_a_participle(sentence, forecaster):
    assert forecaster_of(sentence, 0, len(sentence)) == forecaster


def test_a_pronoun_and_the_later_figures_of_a_sentence_keep_the_forecaster_named_last():
    text = (
        "House prices will fall by 3.1% next year, the OBR forecasts.\n\n"
        "It then expects house prices to rise by 1.1% in 2012, 3.7% in 2013 and 4.3% in 2014."
    )
    found = extract_candidates(text, published_on=date(2010, 11, 30))
    assert len(found) == 4
    assert {c.forecaster for c in found} == {"OBR"}


def test_a_single_name_and_colon_is_a_dateline_not_a_speakers_turn():
    text = "New York: Growth will slow to 2% next year, economists said in a survey."
    (found,) = extract_candidates(text, published_on=date(2023, 10, 1))
    assert found.forecaster != "New York"


def test_the_central_bank_is_the_bank_the_text_names():
    text = (
        "The Bank of Russia raised its key rate on Friday.\n\n"
        "The Central Bank expects that annual inflation will accelerate in the second half of the year."
    )
    (found,) = extract_candidates(text, published_on=date(2023, 7, 21))
    assert found.forecaster == "Bank of Russia"


def test_a_pronoun_takes_the_person_named_before_without_the_title():
    text = (
        "Rates will stay high through 2024, the regulator's Deputy Governor Alexey Zabotkin said.\n\n"
        '"Our baseline forecast suggests the key rate will average 12% next year," he said.'
    )
    found = extract_candidates(text, published_on=date(2023, 10, 1))
    assert found[-1].forecaster == "Alexey Zabotkin"


def test_a_desks_credit_line_is_no_source():
    text = (
        "Deficits are predicted to grow to 6.9 per cent of GDP in 2033, the report said.\n\n"
        "Fibre2Fashion News Desk (KD)"
    )
    (found,) = extract_candidates(text, published_on=date(2023, 6, 1))
    assert found.forecaster != "Fibre2Fashion News Desk"


def test_a_label_a_preposition_or_a_heading_in_capitals_names_no_forecaster():
    text = "Weekend box office predictions\n\n1. Predator: Badlands\n\nPredicted Gross: $27.6 million\n"
    found = extract_candidates(text, published_on=date(2025, 11, 7))
    assert found
    assert all(c.forecaster is None for c in found)
    for sentence in ("On Wednesdays expects rates to rise.", "HOUSING SECTOR expects growth of 2% in 2025."):
        assert forecaster_of(sentence, 0, len(sentence)) is None


def test_an_institutions_scientists_and_its_panel_or_organisation_speak_for_it():
    sentence = "The season will likely be very active, Colorado State scientists said."
    assert forecaster_of(sentence, 0, len(sentence)) == "Colorado State"
    text = (
        "The NOAA/NASA-co-chaired international Solar Cycle Prediction Panel has released its latest forecast.\n\n"
        "The panel agreed that Cycle 25 will be of average intensity."
    )
    (found,) = extract_candidates(text, published_on=date(2019, 4, 5))
    assert found.forecaster == "Solar Cycle Prediction Panel"


@pytest.mark.parametrize(
    ("text", "forecaster"),
    [
        (
            "The National Bank of Hungary met on Tuesday.\n\nThe central bank kept its CPI forecast for 2017 at 2.4%.",
            "National Bank of Hungary",
        ),
        ("The MNB is predicting 3.6% GDP growth this year.", "MNB"),
        ("Looking ahead, the CBO's updated projections show deficits doubling to $2.7 trillion by 2033.", "CBO"),
        ("Debt held by the public also increases in CBO's projections, to 119 per cent at the end of 2033.", "CBO"),
        (
            "The International Air Transport Association met in Geneva.\n\n"
            "Passenger numbers will increase by 3.5 per cent each year, according to the organization.",
            "International Air Transport Association",
        ),
    ],
)
def test_a_revision_a_forecast_told_as_it_goes_or_projections_named_by_their_owner_name_the_forecaster(
    text, forecaster
):
    found = extract_candidates(text, published_on=date(2017, 9, 20))
    assert found[-1].forecaster == forecaster


@pytest.mark.parametrize(
    ("sentence", "forecaster"),
    [
        # holdout-5, statement-newsarenaindia-rbi-2024
        ("Das projected real GDP growth for 2024-25 at 7.2 per cent.", "Das"),
        ("The central bank retained its growth projections for the current fiscal year at 7.2 per cent.", None),
    ],
)
def test_a_forecaster_who_projected_or_predicted_is_named(sentence, forecaster):
    assert forecaster_of(sentence, 0, len(sentence)) == forecaster


def test_a_bank_that_retained_its_projections_is_the_bank_named_before():
    text = (
        "The Reserve Bank of India kept its policy rate unchanged.\n\n"
        "The central bank retained its growth projections for the current fiscal year at 7.2 per cent."
    )
    found = extract_candidates(text, published_on=date(2024, 6, 7))
    assert found[-1].forecaster == "Reserve Bank of India"


@pytest.mark.parametrize(
    ("sentence", "forecaster"),
    [
        ("Bookmakers disagree having Utd on just under 69% to win.", "Bookmakers"),
        ("The market gives it 55%, with bookmakers much more confident at 64%.", "bookmakers"),
        ("Analysts expect the Fed to cut rates twice next year.", "Analysts"),
    ],
)
def test_forecasters_named_by_their_trade_are_the_forecasters(sentence, forecaster):
    assert forecaster_of(sentence, 0, len(sentence)) == forecaster


def test_a_statement_following_a_banks_meeting_is_the_banks():
    text = (
        "Governor's statement following the ECB's monetary policy meeting, with commentary\n"
        "This year's GDP growth is forecast at 0.7%, in light of the weak current dynamics."
    )
    (found,) = extract_candidates(text, published_on=date(2023, 9, 15))
    assert found.forecaster == "ECB"


def test_a_tables_rows_are_the_forecasts_of_the_name_its_title_opens_on():
    text = (
        "The StoneX annual outlook forecasts higher prices for most metals this year.\n"
        "StoneX Metals Forecasts\nMetal |\nEnd 2022 |\nEnd 2023 Forecast |\n"
        "Zinc |\n$2,973 |\n$3,890 |\nNickel |\n$30,048 |\n$29,000 |\n"
        "Source: Example Financial Ltd. These forecasts are the team's views.\n"
    )
    rows = [c for c in extract_candidates(text, published_on=date(2023, 1, 1)) if "|" in c.quote]
    assert [c.forecaster for c in rows] == ["StoneX", "StoneX"]


def test_a_table_titled_by_its_topic_alone_names_no_forecaster():
    text = "Metal Price Forecasts\nMetal |\nEnd 2022 |\nEnd 2023 Forecast |\nZinc |\n$2,973 |\n$3,890 |\n"
    rows = extract_candidates(text, published_on=date(2023, 1, 1))
    assert [c.forecaster for c in rows] == [None]
