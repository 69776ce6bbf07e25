"""Sporting seasons: the day a named season is decided."""

from datetime import date

from sources.extraction.seasons import sporting_events


def test_a_numbered_super_bowl_and_a_split_season_end_in_their_final():
    days = [day for _, day in sporting_events("Super Bowl LVII odds for the 2022-23 season", date(2022, 9, 1))]
    assert days == [date(2023, 2, 15), date(2023, 6, 30)]


def test_an_unnumbered_super_bowl_is_the_next_one():
    (day,) = [day for _, day in sporting_events("favourites to win the Super Bowl", date(2020, 8, 1))]
    assert day == date(2021, 2, 15)
