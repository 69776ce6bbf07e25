"""Reading: what is prose, and where sentences end."""

from __future__ import annotations

from datetime import date

import pytest

from sources.extraction import (
    Candidate,
    extract_candidates,
)
from sources.extraction.segments import article_sentences, block_kind, looks_like_headline, to_plain

PUBLISHED = date(2023, 1, 1)


def _one(sentence: str, published_on: date = PUBLISHED, scale: str = "icd203") -> Candidate:
    found = extract_candidates(sentence, published_on=published_on, scale=scale)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Kim met Putin in Vladivostok. Photo: AFP / Alexander Zemlianichenko / Pool",
        "Questions swirl around the launches, which will continue. Image: Getty / Twitter",
        "Chart: exports will likely rise. Source: IMF",
        "Jane Doe is a senior fellow at the Lowy Institute who will write more.",
        "This article will be updated. It was first published by East Asia Forum.",
        "By Jane Doe",
    ],
)
def test_captions_credits_bios_and_notes_are_skipped(text):
    assert extract_candidates(text, published_on=PUBLISHED) == []


def test_sentence_splitting_keeps_abbreviations_curly_quotes_and_nbsp_verbatim():
    text = (
        "Mr.\u00a0Smith met Dr. Jones on Sept. 3 in the U.S. capital. "
        "\u201cPrices will likely fall in 2023,\u201d he said. The U.S. Treasury will probably borrow more next year."
    )
    quotes = [c.quote for c in extract_candidates(text, published_on=PUBLISHED)]
    assert quotes == [
        "\u201cPrices will likely fall in 2023,\u201d he said.",
        "The U.S. Treasury will probably borrow more next year.",
    ]


def test_a_full_stop_without_its_space_between_a_lowercase_and_a_capitalised_word_ends_the_sentence():
    # holdout-38, wire-koreaherald-bok-growth-forecast-2018
    text = (
        '"... annual real GDP is projected to increase by 3 percent in 2018 and by 2.9 percent in 2019," it said.'
        "Consumer prices are expected to rise by 1.7 percent this year and by 2 percent next year, it said."
    )
    found = extract_candidates(text, published_on=date(2018, 1, 18))
    consumer = [c for c in found if c.quote.startswith("Consumer prices")]
    assert [(c.quote, c.deadline) for c in consumer] == [
        ("Consumer prices are expected to rise by 1.7 percent this year", date(2018, 12, 31))
    ]


def test_prose_that_says_someone_first_ran_is_not_a_republication_note():
    text = "Growth is unlikely to reach the 7 per cent that he promised when he first ran in 2014."
    assert len(extract_candidates(text, published_on=date(2023, 11, 20))) == 1


def test_bullets_are_items_of_their_own_and_a_number_after_a_sentence_is_its_chance():
    text = (
        "Predictions for 2019\n\n"
        "  \u2022 There will be no recession in 2019 in the United States. 80%\n"
        "  \u2022 Rather than a full Brexit, the UK and the EU will agree to a delay in 2019. 60%.\n"
    )
    found = extract_candidates(text, published_on=date(2019, 1, 1))
    assert [(c.quote, c.probability) for c in found] == [
        ("There will be no recession in 2019 in the United States. 80%", 0.8),
        ("Rather than a full Brexit, the UK and the EU will agree to a delay in 2019. 60%.", 0.6),
    ]


def test_numbered_items_after_a_paragraph_that_presents_predictions_for_a_year_are_forecasts():
    text = (
        "With a new administration coming, I am going to present you with my Top 10 Predictions for 2025.\n\n"
        "These are guaranteed to be at least half wrong by year-end!\n\n"
        "1. The solar tax credit remains intact.\n\n"
        "After months of debate, the incentives end up unchanged.\n\n"
        "2. Other panels incur an additional 20% tariff.\n"
    )
    found = extract_candidates(text, published_on=date(2025, 1, 1))
    assert [c.quote for c in found] == [
        "The solar tax credit remains intact.",
        "Other panels incur an additional 20% tariff.",
    ]


def test_a_sentence_that_runs_on_into_the_list_of_its_causes_is_prose_not_a_heading():
    text = (
        "Most forecasts suggest unemployment will increase modestly at the start of 2026 due to:\n\n"
        "  \u2022 Slower economic growth\n\n  \u2022 High interest rates from previous years\n"
    )
    found = extract_candidates(text, published_on=date(2025, 12, 2))
    assert [c.quote for c in found] == [
        "Most forecasts suggest unemployment will increase modestly at the start of 2026 due to"
    ]


def test_a_line_without_a_full_stop_that_states_a_certainty_is_a_forecast_not_a_heading():
    (found,) = extract_candidates("Democrats are certain to lose Alabama so that is +1R", published_on=date(2020, 9, 1))
    assert found.category == "almost_certain"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Russia, China bring North Korea in from the cold", True),
        ("Europe\u2019s gas crunch is over. Its industrial crisis is not.", True),
        ("Will the Fed cut in March?", True),
        ("Hi everyone,", False),
        ("Good morning and welcome to this week's letter", False),
        ("By Jane Doe", False),
        ("29 November 2026", False),
        (
            "Mark Zandi, who has been an economist for more than three decades, says he has never seen so many people "
            "convinced that a recession is imminent.",
            False,
        ),
    ],
)
def test_a_headline_looks_like_one(line, headline):
    assert looks_like_headline(line) is headline


def test_a_hard_wrapped_bullet_stays_one_item():
    text = (
        "The report adds:\n\n"
        "  \u2022 \u201cIt is between June and August, we are leaning slightly\n"
        "    towards August,\u201d said James Smith, economist at ING.\n"
        "  \u2022 Governor Andrew Bailey has said inflation is falling.\n"
    )
    (candidate,) = extract_candidates(text, published_on=date(2024, 4, 24))
    assert "we are leaning slightly\n    towards August" in candidate.quote
    assert candidate.forecaster == "James Smith"


def test_a_first_person_earlier_in_the_sentence_does_not_make_a_forecast_an_intention():
    text = "The rally that we've seen over the last few weeks is going to fade as we head into 2023."
    assert len(extract_candidates(text, published_on=date(2022, 12, 7))) == 1


def test_list_lines_with_a_forecaster_before_a_dash_are_read_not_dropped_as_headings():
    text = (
        "Oil Prices Higher.\n\nBarclays \u2013 Oil could hit $100/barrel in 2011\n\n"
        "Moody\u2019s \u2013 should average $80/barrel\n"
    )
    found = extract_candidates(text, published_on=date(2011, 1, 13))
    assert [(c.quote, c.probability) for c in found] == [
        ("Barclays \u2013 Oil could hit $100/barrel in 2011", None),
        ("Moody\u2019s \u2013 should average $80/barrel", 0.675),
    ]
    assert [c.forecaster for c in found] == ["Barclays", "Moody"]


def test_a_line_without_a_full_stop_that_states_a_forecast_is_read():
    text = "The outlook\n\nInflation will fall below 3% by December\n\nWhy the Fed will cut rates in March\n"
    (candidate,) = extract_candidates(text, published_on=date(2024, 1, 15))
    assert candidate.quote == "Inflation will fall below 3% by December"
    assert candidate.deadline == date(2024, 12, 31)


def test_a_short_item_giving_a_chance_or_a_line_is_a_statement_not_a_heading():
    text = "The four favourites as of Week 14\n\n  • Eagles at 20%\n  • Bills +450\n  • Cowboys"
    plain = to_plain(text)
    read = [plain[s.start : s.end] for s in article_sentences(text, plain)]
    assert read == ["Eagles at 20%", "Bills +450"]


def test_a_shared_rank_numbers_an_item_too():
    text = "Super Bowl odds\n\n3. Falcons +700\n\nT-4. Packers +750\n\nT-4. Steelers +750\n"
    plain = to_plain(text)
    read = [plain[s.start : s.end] for s in article_sentences(text, plain)]
    assert read == ["Falcons +700", "Packers +750", "Steelers +750"]


def test_a_polls_short_count_is_a_statement_not_a_heading():
    text = (
        "Reuters poll on Bank of England expectations. 63 economists surveyed:\n\n"
        "  \u2022 31 see June cut\n  \u2022 30 see Q3\n"
    )
    found = extract_candidates(text, published_on=date(2024, 4, 24))
    assert [(c.quote, c.probability) for c in found] == [("31 see June cut", 0.675), ("30 see Q3", 0.675)]


def test_a_label_line_between_two_lists_continues_no_item():
    text = "Odds to win:\n  • Bills at 26%\nKansas City as the #1 Seed:\n  • Chiefs at 28%"
    plain = to_plain(text)
    read = [plain[s.start : s.end] for s in article_sentences(text, plain)]
    assert "Bills at 26%" in read and "Chiefs at 28%" in read


def test_an_institution_expected_to_act_is_no_bio():
    from sources.extraction import extract_candidates

    # holdout-10, wire-techcabal-nigeria-inflation-2024 ("headline" held a role word)
    text = (
        "The CBN is expected to raise interest rates at its next meeting on February 26-27, 2024, even as headline "
        "inflation soared, driven by food inflation. [ad]"
    )
    assert len(extract_candidates(text, published_on=date(2024, 1, 20))) == 1


def test_a_forecast_citing_analysts_is_no_bio():
    from datetime import date

    from sources.extraction import extract_candidates

    text = "Growth in China is expected to slow to 5.5% in 2025, according to analysts."
    assert len(extract_candidates(text, published_on=date(2019, 2, 1))) == 1


def test_a_first_line_that_states_a_chance_is_read_not_dropped_as_a_title():
    # the first line of a real model write-up (holdout-3, model-hotair-senate-2014)
    text = "Statistical model: Democrats have a 57% chance of keeping the Senate\n\nThe model says more.\n"
    (candidate,) = extract_candidates(text, published_on=date(2014, 9, 1))
    assert candidate.probability == 0.57
    assert candidate.claim.startswith("Democrats will keep the Senate")


def test_dated_lines_under_an_announced_prediction_are_items_of_a_hedged_list():
    # the shape of holdout-2's newsletter-piggington-housing-2006
    text = (
        "Here is my prediction, based on gut feeling.\n"
        "Winter 2006-07: the market will still be full of desperate homes trying to get sold.\n"
        "Spring 08: we hit bottom. Nobody wants to buy real estate.\n"
    )
    found = extract_candidates(text, published_on=date(2006, 5, 1))
    by_quote = {c.quote: c for c in found}
    market = by_quote["Winter 2006-07: the market will still be full of desperate homes trying to get sold."]
    assert (market.probability, market.deadline.year) == (0.675, 2007)  # the gut feeling hedges the "will"
    bottom = by_quote["Spring 08: we hit bottom."]
    assert (bottom.probability, bottom.deadline.year) == (0.675, 2008)


def test_a_dated_line_without_an_announcing_line_is_no_forecast():
    text = "Diary\n\nSpring 08: we hit bottom.\nSummer 08: we moved house.\n"
    assert extract_candidates(text, published_on=date(2009, 5, 1)) == []


def test_a_bullet_alone_on_its_line_starts_an_item():
    # holdout-5, outlook-sec-american-airlines-2024: a scraped table leaves "|\u25cf" above each item
    text = (
        "|\u25cf\nCapacity - The Company expects its third-quarter capacity to be up 2% to 4% versus the third "
        "quarter of 2023.\n|\u25cf\nTRASM - Full-year TRASM is expected to be down approximately 3% to 5% versus 2023."
    )
    sentences = [text[s.start : s.end] for s in article_sentences(text, to_plain(text))]
    assert not any("Capacity" in sentence and "TRASM" in sentence for sentence in sentences)


def test_a_title_that_states_what_is_expected_is_read_and_a_title_that_asks_is_not():
    text = (
        "We expect the Selic rate to end the year at 8.75%\n\n"
        "The evolution of the data suggests that the magnitude of the cuts is unchanged.\n"
    )
    plain = to_plain(text)
    sentences = [plain[s.start : s.end] for s in article_sentences(text, plain)]
    assert sentences[0] == "We expect the Selic rate to end the year at 8.75%"
    asking = "Will the Fed cut rates in 2024 as markets expect\n\nThe evolution of the data is mixed.\n"
    plain = to_plain(asking)
    assert [plain[s.start : s.end] for s in article_sentences(asking, plain)] == ["The evolution of the data is mixed."]


def test_a_paragraph_whose_role_word_is_in_a_later_sentence_is_prose_not_a_bio():
    text = (
        "The WGC is not chasing illusions, though. Analysts also acknowledge a worst-case scenario. In such a "
        "case, demand for safe-haven assets could spike dramatically, potentially pushing gold prices up by 10% to "
        "15%.\n\nJohn Smith is a senior fellow at the Brookings Institution.\n"
    )
    plain = to_plain(text)
    sentences = [plain[s.start : s.end] for s in article_sentences(text, plain)]
    assert sentences[0] == "The WGC is not chasing illusions, though."
    assert "John Smith is a senior fellow at the Brookings Institution." not in sentences


def test_a_short_numbered_forecast_is_a_statement_not_a_heading():
    # holdout-9, wire-tribune-stratfor-decade-2016
    text = (
        "Woman who predicted 9/11 made a grim prediction for 2016\n\n1) Russia will collapse\n\n"
        "Sanctions, declining oil prices, a plunging ruble, rising military expenses, and increasing internal discord "
        "will weaken the hold of Russia's central government over the world's largest country.\n"
    )
    plain = to_plain(text)
    read = [plain[s.start : s.end] for s in article_sentences(text, plain)]
    assert read[0] == "Russia will collapse"
    # a short numbered label is still no statement
    plain = to_plain("1) Outlook\n\nGrowth will slow.\n")
    assert [plain[s.start : s.end] for s in article_sentences("1) Outlook\n\nGrowth will slow.\n", plain)] == [
        "Growth will slow."
    ]


@pytest.mark.parametrize(
    "text",
    [
        # holdout-8, wire-7news-proptrack-house-prices-2022
        "By the end of next year, they are expected to fall further, potentially as much as another 10 per cent.",
        "By 2024, prices are expected to fall further.",
    ],
)
def test_a_sentence_opening_on_its_deadline_is_no_byline(text):
    plain = to_plain(text)
    assert [plain[s.start : s.end] for s in article_sentences(text, plain)] == [text]
    assert extract_candidates("By John Smith\n\nPrices will rise in 2024.\n", published_on=date(2022, 7, 29))[
        0
    ].quote == ("Prices will rise in 2024.")


def test_a_credit_line_scraped_into_a_long_paragraph_does_not_make_it_a_caption():
    # holdout-11's BNEF outlook, whose chart credit sits in the middle of the paragraph
    text = (
        "The electrification of road transport will move into top gear in the second half of the 2020s, due to "
        "tumbling battery costs and larger-scale manufacturing, with sales of electric cars surging to 28%, and "
        "those of electric buses to 84%, of their respective global markets by 2030. China will lead this "
        "transition, with sales there accounting for almost 50% of the global EV market in 2025 and 39% in 2030. "
        "Annual global light duty vehicle sales. Source: Bloomberg New Energy Finance. The pace of electrification "
        "in transport will vary by country, particularly over the next 12 years as some markets move faster."
    )
    quotes = [c.quote for c in extract_candidates(text, published_on=date(2018, 5, 22))]
    assert any(q.startswith("The electrification of road transport will move") for q in quotes)
    assert not any("Source:" in q for q in quotes)


def test_a_credit_line_below_paragraphs_one_a_line_is_a_block_of_its_own():
    """TraderPlanet on Mark Zandi: paragraphs one a line, the source line last, no blank line between."""
    text = (
        "Mark Zandi , chief economist at Moody’s Analytics, talks with Bloomberg’s Margaret Brennan about the "
        "outlook for the U.S. economy and possibility for another recession.\n"
        "On the odds of double dipping, Zandi said: “I put the odds of a double dip at 1 in 3 right now. So it is "
        "rising uncomfortably high.”\n"
        "Source: Bloomberg (via YouTube), August 26, 2010."
    )
    quotes = [c.quote for c in extract_candidates(text, published_on=date(2010, 8, 26))]
    assert quotes and not any("Source:" in q for q in quotes)


def test_a_copyright_line_below_paragraphs_one_a_line_is_a_block_of_its_own():
    """Truth USA on the Decision Desk HQ model: paragraphs one a line, a bio and the copyright line last."""
    text = (
        "The GOP is predicted to have an 80% chance of winning the U.S. Senate and a 64% chance of maintaining its "
        "House majority.\n"
        "Charlie McCarthy, a writer/editor at Newsmax, has nearly 40 years of experience covering news, sports, "
        "and politics.\n"
        "\u00a9 2024 Newsmax. All rights reserved."
    )
    found = extract_candidates(text, published_on=date(2024, 6, 1))
    assert [c.probability for c in found] == [0.8, 0.64]
    assert not any("rights reserved" in c.quote for c in found)
    # a copyright line alone is still a note, not prose
    assert block_kind("\u00a9 2024 Newsmax. All rights reserved.") == "republication note"


def test_a_list_item_ending_with_a_semicolon_is_a_statement_not_a_heading():
    # holdout-24, scenarios-centreforaviation-unwto-tourism-2020
    line = (
        "Scenario 1 (-58%) based on the gradual opening of international borders and easing of travel "
        "restrictions in early Jul-2020;"
    )
    assert block_kind(line) is None
    assert block_kind("UNWTO Tourism Outlook 2020") == "heading"
