"""Sporting seasons and elections: when a season named in a text is decided (its final), for the
deadline of a model's chances of the title, and the year of an election named with its year; and
when the flu season a text names is over."""

from __future__ import annotations

import re
from datetime import date, timedelta

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# A season's final is played early in the next calendar year: Super Bowl I was in January 1967,
# so Super Bowl N is decided in 1966 + N, as is "the 2013 Super Bowl"; an unnumbered one is the
# next to come.
_SUPER_BOWL = re.compile(r"\b(?:(?P<year>(?:19|20)\d\d)\s+)?Super\s+Bowl(?:\s+(?P<roman>[LXVI]{1,7})\b)?", re.I)
# "the 2022-23 season", "the 2022/2023 NBA season": the season ends in its second year
_SPLIT_SEASON = re.compile(
    r"\b(?P<first>(?:19|20)\d\d)\s*[-/\u2013]\s*(?P<second>\d\d(?:\d\d)?)\s+(?:(?-i:[A-Z]{2,4})\s+)?season\b", re.I
)
_SEASON_FINAL = (6, 30)
# A European football league's title is settled in May; a season running in the autumn ends next year.
_LEAGUES = r"(?:Premier\s+League|La\s+Liga|Bundesliga|Serie\s+A|Ligue\s+1|Champions\s+League)"
_LEAGUE_TITLE = re.compile(
    rf"\b(?:win(?:s|ning)?|title|champions(?:hip)?)\b[^.;]{{0,30}}?\b(?-i:{_LEAGUES})"
    rf"|\b(?-i:{_LEAGUES})\s+(?:title|championship|trophy|crown)\b",
    re.I,
)
_LEAGUE_DECIDED = (5, 31)
# "this season" in a text about such a league (or the NBA's and the NHL's, played from autumn to a
# final in June) is the one decided next spring once the last has ended; a baseball season or a
# hurricane season ends in the year it starts, so the words alone do not say it.
_STRADDLING_LEAGUE = re.compile(rf"\b(?-i:(?P<football>{_LEAGUES})|NBA|NHL)\b", re.I)
_THIS_SEASON = re.compile(r"\b(?:this|the\s+current)\s+season\b", re.I)


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def super_bowl_day(year: int) -> date:
    """The Sunday the Super Bowl is played: the first in February since 2004, the second since the
    season grew to seventeen games (2022). Earlier games came in late January; the first Sunday of
    February is at most a week late for them."""
    first = date(year, 2, 1)
    sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    return sunday + timedelta(days=7) if year >= 2022 else sunday


def sporting_events(plain: str, published_on: date) -> list[tuple[re.Match[str], date]]:
    """Sporting events that name when a season is decided, with the day they end."""
    found = []
    for m in _SUPER_BOWL.finditer(plain):
        if m.group("roman"):
            year = 1966 + _roman(m.group("roman"))
        elif m.group("year"):
            year = int(m.group("year"))
        else:
            # the day after this year's game, the odds are on next year's
            played = published_on > super_bowl_day(published_on.year)
            year = published_on.year + played
        found.append((m, super_bowl_day(year)))
    for m in _SPLIT_SEASON.finditer(plain):
        first, second = int(m.group("first")), m.group("second")
        year = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if year == first + 1:
            found.append((m, date(year, *_SEASON_FINAL)))
    league = _STRADDLING_LEAGUE.search(plain)
    for m in _THIS_SEASON.finditer(plain) if league else ():
        day = _LEAGUE_DECIDED if league.group("football") else _SEASON_FINAL
        decided = date(published_on.year, *day)
        found.append((m, decided if published_on <= decided else date(published_on.year + 1, *day)))
    for m in _LEAGUE_TITLE.finditer(plain):
        decided = date(published_on.year, *_LEAGUE_DECIDED)
        found.append((m, decided if published_on <= decided else date(published_on.year + 1, *_LEAGUE_DECIDED)))
    return found


# "this virus season", "the upcoming fall and winter respiratory virus season", "a moderate flu season": the
# northern winter's season, over in May; named from June on, it is the one that ends next year. Not the one just
# past ("last season's") or the southern hemisphere's, which public-health pages watch as its herald; nor one
# named without an article, the yearly time the words name ("a coronavirus peak in December coinciding with flu
# season", "Flu season typically ends in May")
_FLU_SEASON = re.compile(
    r"\b(?:this|the|a|an)\s+(?!(?:last|previous)\b)(?:[\w-]+\s+){0,2}?(?<!Hemisphere\Ws\s)"
    r"(?:(?:fall\s+and\s+winter|winter)\s+)?(?:(?:cold\s+and\s+)?flu|influenza|(?:respiratory\s+)?virus|respiratory)"
    r"\s+season\b(?!\s+(?:in|of)\s+(?:Australia|the\s+Southern)\b)",
    re.I,
)
_FLU_SEASON_OVER = (5, 31)
# ... and the season under way named bare beside the flu: "says this year's season will be a \"classic flu year.\""
_THIS_YEARS_SEASON = re.compile(r"\b(?:this\s+year(?:'s|\u2019s)|this|the\s+current)\s+season\b", re.I)
_FLU = re.compile(r"\b(?:flu|influenza)\b", re.I)


def flu_seasons(plain: str, published_on: date) -> list[tuple[re.Match[str], date]]:
    """Flu seasons named in a text, with the day the nearest one still to run ends."""
    over = date(published_on.year, *_FLU_SEASON_OVER)
    if published_on > over:
        over = date(published_on.year + 1, *_FLU_SEASON_OVER)
    found = list(_FLU_SEASON.finditer(plain))
    if _FLU.search(plain):
        found += [
            m for m in _THIS_YEARS_SEASON.finditer(plain) if not any(f.start() <= m.start() < f.end() for f in found)
        ]
    return [(m, over) for m in found]


# "2015 UK Parliamentary Election Forecast", "the 2016 presidential election", "the 2024 U.S. elections", "2014 Indian
# Lok Sabha Elections Forecast" (a country and a two-word house):
# an election named with its year is decided in that year.
_DATED_ELECTION = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?:(?-i:[A-Z][\w.]*)\s+){0,3}"
    r"(?:(?:general|presidential|parliamentary|federal|legislative|midterm|mid-term|national|state|local)\s+)?"
    r"elections?\b",
    re.I,
)


def dated_elections(plain: str, published_on: date) -> list[tuple[re.Match[str], date]]:
    """Elections named with a year still to come or under way, with the end of that year."""
    return [
        (m, date(int(m.group("year")), 12, 31))
        for m in _DATED_ELECTION.finditer(plain)
        if int(m.group("year")) >= published_on.year
    ]
