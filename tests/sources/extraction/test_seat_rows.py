"""Seat projections written as party-number rows."""

from datetime import date

from sources.extraction import extract_candidates

PROJECTIONS = (
    "Based on the aggregate poll, these two models predict the following point estimates for the seat "
    "distributions:\n\nMultiplicative: CON 133 NDP 71 LIB 125 BQ 7 GRE 1\n\n"
    "Additive: CON 145 NDP 85 LIB 101 BQ 6 GRE 1\n\n"
    "Toronto Star predict: CONS 124, NDP 71, LIB 140, BQ 2, GRE 1\n"
)


def test_each_line_of_projected_seats_is_a_forecast():
    found = extract_candidates(PROJECTIONS, published_on=date(2015, 10, 11))
    quotes = [c.quote for c in found]
    assert "Additive: CON 145 NDP 85 LIB 101 BQ 6 GRE 1" in quotes
    assert "Toronto Star predict: CONS 124, NDP 71, LIB 140, BQ 2, GRE 1" in quotes
    assert all(c.deadline.year == 2015 for c in found)


def test_a_line_of_results_is_no_forecast():
    text = "The final results of the 2011 election:\n\nCON 166 NDP 103 LIB 34 BQ 4 GRE 1\n"
    assert extract_candidates(text, published_on=date(2015, 10, 11)) == []
