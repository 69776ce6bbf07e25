"""Forecasts laid out as rows rather than sentences: tables, scenario labels, outcome lists.

Model write-ups and market outlooks put their numbers in lines without a verb:

- a table whose header names a chance: "Team | Chance to win Super Bowl |" then
  "Chicago Bears | 8.84% |" (each row: the team, the event, the number); or a title that names
  it above a header that names its column in percent: "Highest Default Probabilities", "Entity
  Name | Mid Spread | CPD (%) |", then "Argentina | 1025.10 | 48,99 |";
- outcome shares that add up to 100%: "Chance of winning election Obama 96.7% Romney 3.2%
  Tie 0.2%" (each outcome a forecast); the same after a condition ("Obama gets CO Romney
  1.7% Tie 0.1% Obama 98.2%") is one conditional forecast, its most likely outcome;
- a scenario label with its probability on a line of its own ("Bull Case / 45% / Soft Landing"),
  or opening a line ("Scenario No. 4 -- Muddle Through (probability goes from 60% to 65%): ...");
- a table of scenarios: "Scenario Probability Target ..." then "Bull 20% 6,600.00 ...";
- a scenario's chance on a line of its own after its story or under its heading ("Plausibility:
  1/10", "Likelihood: 20%"): the forecasts in that story take it (`with_scenario_chances`);
- a table of point forecasts ("U.S. Real GDP -0.5%-+0.5%", "S&P 500 4,000") under a heading
  that looks ahead; a table of current levels ("Current Market Prices") is not a forecast.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date

from sources import scales

from .candidate import DEFAULT_NOTE, Candidate, default_deadline, drafted
from .chance_claims import without_chance
from .clause_candidate import band_of
from .columns import complementary_rows
from .deadlines import deadline_in
from .flags import BASIS_PHRASE, BASIS_STATED, DEADLINE_DEFAULT
from .outlines import PROBABLE_SCENARIO, scenario_heading, scenario_parts
from .seat_rows import seat_rows
from .segments import Sentence
from .text import trim

_CHANCE = re.compile(r"\b(?:chances?|probability|probabilities|odds|likelihood)\b", re.I)
_PERCENT = r"(?P<num>\d{1,3}(?:\.\d+)?)\s*%"
_WORD = r"[A-Z][a-z][\w.&'\-]*"
_NAME = rf"(?:{_WORD}(?:\s+{_WORD}){{0,2}}|[A-Z]{{2,}})"
_PAIR = re.compile(rf"(?P<label>{_NAME})\s+{_PERCENT}")
_BARE = re.compile(r"\s*\d{1,3}(?:\.\d+)?\s*%\s*")
# A value a forecast table states: a (signed) percentage or range, basis points, a level in thousands.
_LEVEL = (
    r"(?<![(\w])[-+\u2013]?\d+(?:\.\d+)?\s*%|\b\d+\s*(?:bps|basis\s+points)\b|(?<![\w.,])\$?\d{1,3}(?:,\d{3})+(?![\d,])"
)
# a company's guidance in money: "$903 million to $943 million", "$0.41 to $0.47" (a price list is
# no forecast, so money alone counts only under a heading that looks ahead)
_MONEY = r"(?<![\w.,])\$\d+(?:\.\d+)?(?:\s*(?:million|billion|trillion))?(?![\d,])"
_VALUE = re.compile(f"{_LEVEL}|{_MONEY}")
_AHEAD = re.compile(
    r"\b(?:expected|expectations?|forecasts?|outlook|projections?|projected|scenarios?|targets?|estimates?|"
    r"horizon|year-end|next|(?:bull|bear|base)\s+case|prob(?:ability)?-weighted)\b"
    # a question about what is to come: "Q3: What will be the result of the 2015 Federal Election?"
    r"|\b(?:will|going\s+to)\b[^?\n]{0,120}\?",
    re.I,
)
_BEHIND = re.compile(r"\b(?:current|ytd|as\s+of|last|previous|historical|actual|52-week|since|results?)\b", re.I)


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    probability: float | None
    claim: str
    conditional: bool = False
    header: tuple[int, int] | None = None  # where the heading that dates the row is
    category: str = scales.LIKELY  # a row without a number: what the forecaster's table implies
    # the heading's dates name the columns (when each forecast was issued), not the forecast's window
    heading_dates_columns: bool = False


def _lines(plain: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in plain.split("\n"):
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


# a bullet a row may open on: "• Baseline (60%)", "- Will win: X"
_BULLET = r"(?:[\u2022\u25aa\u25cf*\-]\s*)?"

# An awards column's pick: "Will win: EEAAO" (not "Should win:", the writer's preference), or the
# capitals label before a quoted title, which may run on into the critic's reasons: "WILL WIN “1989.”
# Taylor Swift's massive blockbuster owned 2014 ..."
_WILL_WIN = re.compile(
    r"^\s*" + _BULLET + r"(?:Will\s+win\s*:\s*(?P<who>\S[^\n]{0,80}?)\s*$"
    r"|WILL\s+WIN\s*:?\s*[\u201c\"](?P<title>[^\u201d\"\n]{1,80}?)[.,]?[\u201d\"])"
)


def _will_win_picks(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows = []
    for start, end in lines:
        found = _WILL_WIN.match(plain[start:end])
        if found:
            who = found.group("who") or f"\u201c{found.group('title')}\u201d"
            end = end if found.group("who") else start + found.end()
            rows.append(Row(start, end, None, f"{who} will win", category=scales.ALMOST_CERTAIN))
    return rows


def find_rows(plain: str, published_on: date | None = None) -> list[Row]:
    rows: list[Row] = []
    lines = _lines(plain)
    rows += _pipe_tables(plain, lines)
    rows += _stacked_pipe_tables(plain, lines)
    rows += _stacked_chance_tables(plain, lines)
    rows += [Row(s, e, chance, claim) for s, e, chance, claim in complementary_rows(plain, lines)]
    rows += _outcome_shares(plain, lines)
    rows += _scenario_labels(plain, lines)
    rows += _scenario_tables(plain, lines)
    rows += _announced_forecasts(plain, lines)
    rows += [r for r in _labelled_chances(plain, lines) if not any(r.start < o.end and o.start < r.end for o in rows)]
    rows += _will_win_picks(plain, lines)
    rows += [r for r in _label_colon_chance(plain, lines) if not any(r.start < o.end and o.start < r.end for o in rows)]
    rows += [r for r in _announced_chances(plain, lines) if not any(r.start < o.end and o.start < r.end for o in rows)]
    rows += [r for r in _listed_chances(plain, lines) if not any(r.start < o.end and o.start < r.end for o in rows)]
    rows += [
        Row(s, e, None, claim, conditional=True, header=label)
        for s, e, claim, label in scenario_parts(plain, lines)
        if not any(s < o.end and o.start < e for o in rows)
    ]
    rows += [
        Row(s, e, None, claim)
        for s, e, claim in seat_rows(plain, lines)
        if not any(s < o.end and o.start < e for o in rows)
    ]
    # a line already read as chances is not also a table of point forecasts
    rows += [r for r in _value_tables(plain, lines) if not any(r.start < o.end and o.start < r.end for o in rows)]
    rows += [r for r in _count_tables(plain, lines) if not any(r.start < o.end and o.start < r.end for o in rows)]
    if published_on is not None:
        rows += [
            r for r in dated_figures(plain, published_on) if not any(r.start < o.end and o.start < r.end for o in rows)
        ]
    return sorted(rows, key=lambda row: row.start)


# A year, a few words naming the figure, a colon and the figure, opening a line or a sentence:
# "2011: +28%, based on the industry being at the peak", "2003 average price: $30+ a barrel".
_DATED_ROW = re.compile(
    r"(?:^|(?<=[.!?] ))[ \t]*" + _BULLET + r"(?P<year>(?:19|20)\d\d)"
    r"(?P<label>(?:\s+[A-Za-z&][\w&.'\-]*){0,5})\s*:\s*"
    r"(?P<figure>(?:[-+\u2013~]|(?:about|around|over|under)\s+)?(?:\$\s?\d[\d.,]*|\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)))"
    r"[^\n]{0,160}",
    re.M,
)
_LOOKS_BACK = re.compile(r"\b(?:actual|results?|history|historical|past|previous|last|was|were)\b", re.I)


def dated_figures(plain: str, published_on: date) -> list[Row]:
    """A figure set against a year not yet over, one per line or sentence: a year-by-year outlook.

    A year before the article's is history ("2009: -9%"), whatever the heading above it says.
    """
    rows = []
    for m in _DATED_ROW.finditer(plain):
        year, label = int(m.group("year")), " ".join(m.group("label").split())
        if year < published_on.year or _LOOKS_BACK.search(label):
            continue
        start = m.start("year")
        claim = f"{year} {label}: {m.group('figure')}".replace(" :", ":")
        scenario = scenario_heading(plain, start)
        if scenario is None:
            rows.append(Row(start, m.end(), None, claim))
        else:
            # inside a scenario the figure follows from it: certain if the scenario happens, unless
            # the heading calls the scenario itself probable ("Probable scenario", "Base case")
            probable = PROBABLE_SCENARIO.search(scenario)
            rows.append(
                Row(
                    start,
                    m.end(),
                    None,
                    f"{claim} (if the {scenario.strip()} plays out)" if not probable else claim,
                    conditional=not probable,
                    category=scales.LIKELY if probable else scales.ALMOST_CERTAIN,
                )
            )
    return rows


# In a header with several chance columns ("bovada odds | model odds"), the forecaster's own column
_OWN_COLUMN = re.compile(r"\b(?:model|forecast|projected|projection|our|predicted|simulated)\b", re.I)


_BARE_CHANCE = re.compile(r"(?:\w+\s+)?(?:odds|chances?|probabilit(?:y|ies)|likelihood)", re.I)
_EACH_WILL = re.compile(
    r"\b(?:probability|chance|odds|likelihood)\s+(?:that\s+)?(?:each|every)\s+\w+\s+(?P<event>will\s+[^,.;:\n]+)", re.I
)


# a chance column's header, abbreviations included: "Prob Final 4", "Prob Winner"
_CHANCE_HEADER = re.compile(r"\b(?:chances?|probability|probabilities|odds|likelihood|prob)\b", re.I)
# a chance as a fraction of one: "0.794", ".531"
_FRACTION = re.compile(r"(?P<num>0?\.\d{2,4})")


# a column of percentages named by its unit: "CPD (%)"
_PERCENT_COLUMN = re.compile(r"\(\s*%\s*\)\s*$")
# a percentage with the sign in the column's name, its decimal point maybe a comma: "48.49", "48,99"
_BARE_PERCENT = re.compile(r"(?P<whole>\d{1,3})(?:[.,](?P<part>\d{1,2}))?")


# a title is a short line that ends no sentence, not prose that mentions a chance
_MOST_TITLE_WORDS = 12


def _is_title(line: str) -> bool:
    return len(line.split()) <= _MOST_TITLE_WORDS and not _ENDS_SENTENCE.search(line)


def _percent_cell(cell: str) -> float | None:
    bare = _BARE_PERCENT.fullmatch(cell)
    if bare is None:
        return None
    value = float(f"{bare.group('whole')}.{bare.group('part') or 0}")
    return value / 100 if value <= 100 else None


def _pipe_tables(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows, event, column = [], None, None
    # a title just above a table that names its chance: "Highest Default Probabilities"
    title = None
    percents = False  # the chance column holds percentages whose sign is in its name: "CPD (%)"
    for start, end in lines:
        line = plain[start:end]
        if line.count("|") < 1 or not line.strip():
            if line.strip():
                event = None if not _CHANCE.search(line) else event
                title = line.strip() if _CHANCE.search(line) and _is_title(line) else None
            continue
        parts = line.split("|")
        # a leading and a trailing pipe frame the row: "| Kentucky | 1 | ... | 0.477 |"
        first = 1 if not parts[0].strip() else 0
        cells = [cell.strip() for cell in parts]
        if all(re.fullmatch(r"[-:\s]*", cell) for cell in cells):
            continue  # the rule under a header: "|---|---|"
        numbers = [re.fullmatch(_PERCENT, cell) for cell in cells]
        fractions = [_FRACTION.fullmatch(cell) for cell in cells]
        if percents and column < len(cells) and _percent_cell(cells[column]) is not None:
            value = _percent_cell(cells[column])
            stop = start + len("|".join(parts[: column + 1]))
            rows.append(Row(start + len(line) - len(line.lstrip()), stop, value, f"{cells[first]}: {event}"))
            continue
        percents = False
        if not any(numbers) and not (column is not None and event is not None and any(fractions)):
            named = [k for k, cell in enumerate(cells) if _PERCENT_COLUMN.search(cell)]
            if title and len(named) == 1 and not any(_CHANCE_HEADER.search(cell) for cell in cells):
                # the title names the chance, the header the column that holds it in percent
                column, event, percents, title = named[0], title, True, None
                continue
            title = None
            chance_cells = [cell for cell in cells if _CHANCE_HEADER.search(cell)]
            own = [cell for cell in chance_cells if _OWN_COLUMN.search(cell)]
            column = cells.index(own[0]) if own and len(chance_cells) > 1 else None
            if column is None and len(chance_cells) > 1:
                # "Prob Final 4 | Prob Final Game | Prob Winner": the last stage is the outcome the table is for
                column = len(cells) - 1 - cells[::-1].index(chance_cells[-1])
            chosen = cells[column] if column is not None else (own or chance_cells or [""])[0]
            event = (
                re.sub(r"^(?:the\s+)?(?:chances?|prob(?:ability)?\.?)\s+(?:to\s+|of\s+)?", "", chosen, flags=re.I)
                if chance_cells
                else None
            )
            if event and _BARE_CHANCE.fullmatch(event):
                # "model odds": the event is in the sentence above ("the probability each team will win X")
                above = _EACH_WILL.search(plain[max(0, start - 600) : start])
                event = above.group("event") if above else event
            continue
        if event is None:
            continue
        if not any(numbers):
            if column >= len(fractions) or not fractions[column]:
                continue
            value = float(fractions[column].group("num"))
            stop = start + len("|".join(parts[: column + 1]))
        else:
            number = next(n for n in numbers if n)
            offset = len(cells[0])
            if column is not None and column < len(numbers) and numbers[column]:
                number = numbers[column]
                offset = len("|".join(parts[:column]))
            value = float(number.group("num")) / 100
            stop = start + line.index(number.group(0), offset) + len(number.group(0))
        rows.append(Row(start + len(line) - len(line.lstrip()), stop, value, f"{cells[first]} {event}"))
    return rows


# a cell of a table laid out one cell a line: "Zinc |", "$3,890 |"
_STACKED_CELL = re.compile(r"[^|\n]*\S[^|\n]*\|\s*")
# a cell that holds a figure, not a column's name: "\u20ac110", "$2,973", "-3.5%"
_FIGURE_CELL = re.compile(r"\s*[-+\u2013]?[$\u20ac\u00a3]?\s*\d[\d.,]*\s*%?\s*")


def _stacked_pipe_tables(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    """A pipe table copied from a web page one cell a line: "Commodity |", "End 2022 |", "End 2023 Forecast |",
    "Change |", then "Zinc |", "$2,973 |", "$3,890 |", "31% |". Each row is the forecast in the column whose
    name looks ahead; a table with no such column is a table of levels."""
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        run = i
        while run < len(lines) and _STACKED_CELL.fullmatch(plain[lines[run][0] : lines[run][1]]):
            run += 1
        if run == i:
            i += 1
            continue
        cells = [(s, e, plain[s:e].rstrip().rstrip("|").strip()) for s, e in lines[i:run]]
        i = run
        width = next((k for k, cell in enumerate(cells) if _FIGURE_CELL.fullmatch(cell[2])), 0) - 1
        # the header's names: the cells before the first row's first figure, less the first row's label
        if width < 2 or len(cells) < 2 * width:
            continue
        header = cells[:width]
        ahead = [k for k, cell in enumerate(header) if _AHEAD.search(cell[2]) and not _BEHIND.search(cell[2])]
        if not ahead or ahead[0] == 0:
            continue
        column = ahead[0]
        for first in range(width, len(cells) - width + 1, width):
            row = cells[first : first + width]
            if not _FIGURE_CELL.fullmatch(row[column][2]) or _FIGURE_CELL.fullmatch(row[0][2]):
                break  # the table ended
            claim = f"{row[0][2]}: {header[column][2]} {row[column][2]}"
            rows.append(Row(row[0][0], row[-1][1], None, claim, header=header[column][:2]))
    return rows


# a cell of a table copied one cell a line: a few words that end no sentence and hold no pipe (a pipe table is
# read above): "Make playoffs", "St. Louis Blues", "64.9", "+3.5%"
_MOST_CELL_WORDS = 6
_ENDS_SENTENCE = re.compile(r"[.!?:;]\s*$")
_PERCENT_CELL = re.compile(rf"\s*{_PERCENT}\s*")


@dataclass(frozen=True)
class StackedTable:
    """A table copied from a web page one cell a line: its header's cells, each row's cells (the row's label
    first), as spans of the text, and the column of chances (an index into a row) or None."""

    header: tuple[tuple[int, int], ...]
    rows: tuple[tuple[tuple[int, int], ...], ...]
    chance: int | None

    def chance_of(self, plain: str, row: tuple[tuple[int, int], ...]) -> float | None:
        """The row's chance, as a fraction of one; None when the table states none."""
        if self.chance is None:
            return None
        start, end = row[self.chance]
        return float(_PERCENT_CELL.fullmatch(plain[start:end]).group("num")) / 100


def _is_stacked_cell(cell: str) -> bool:
    return "|" not in cell and len(cell.split()) <= _MOST_CELL_WORDS and not _ENDS_SENTENCE.search(cell)


def _stacked_table(plain: str, cells: list[tuple[int, int]]) -> tuple[StackedTable | None, int]:
    """The first table in a run of cells, and where in the run to look for the next one."""
    figure = [bool(_FIGURE_CELL.fullmatch(plain[s:e])) for s, e in cells]
    first = next((k for k, is_figure in enumerate(figure) if is_figure), None)
    if first is None:
        return None, len(cells)
    # the first row's label is the cell before its first figure; the header's names come just before it
    label = first - 1
    width = next((k for k in range(first, len(cells)) if not figure[k]), len(cells)) - label
    rows = []
    for start in range(label, len(cells) - width + 1, width):
        if figure[start] or not all(figure[start + 1 : start + width]):
            break  # the table ended
        rows.append(tuple(cells[start : start + width]))
    if width < 2 or label < width or len(rows) < 2:
        return None, first + 1
    header = tuple(cells[label - width : label])
    chances = [k for k in range(1, width) if all(_PERCENT_CELL.fullmatch(plain[slice(*row[k])]) for row in rows)]
    above = plain[max(0, header[0][0] - 300) : header[0][0]]
    talks = any(_CHANCE_HEADER.search(plain[s:e]) for s, e in header) or _CHANCE.search(above)
    # the last column of chances: the last stage is the outcome the table is for ("Make playoffs", "Win NBA title")
    chance = chances[-1] if chances and talks else None
    return StackedTable(header, tuple(rows), chance), label + width * len(rows)


def stacked_tables(plain: str, lines: list[tuple[int, int]] | None = None) -> list[StackedTable]:
    """The tables copied from a web page one cell a line (or a paragraph), without pipes: "Teams", "Projected
    wins", "Make playoffs", "Win NBA title", then "Golden State Warriors", "64.9", "100%", "56.3%". A run of
    short lines that end no sentence holds a table when a label and a row of figures follow as many names as
    the row has cells, and a second row does the same. Its column of chances is the last column of
    percentages, when the header or the text just above it talks of chances (odds, chances, probability);
    otherwise the table is one of levels and has none."""
    cells = [trim(plain, s, e) for s, e in (_lines(plain) if lines is None else lines)]
    cells = [(s, e) for s, e in cells if s < e]
    tables: list[StackedTable] = []
    i = 0
    while i < len(cells):
        run = i
        while run < len(cells) and _is_stacked_cell(plain[slice(*cells[run])]):
            run += 1
        while i < run:
            table, skip = _stacked_table(plain, cells[i:run])
            if table is not None:
                tables.append(table)
            i += skip
        i = run + 1
    return tables


def _stacked_chance_tables(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    """Each row of a table of chances copied one cell a line is the chance of its column of chances: "Golden
    State Warriors win NBA title", 56.3%."""
    rows: list[Row] = []
    for table in stacked_tables(plain, lines):
        if table.chance is None:
            continue
        event = plain[slice(*table.header[table.chance])]
        event = event[0].lower() + event[1:] if re.match(r"[A-Z][a-z]", event) else event
        for row in table.rows:
            label = plain[slice(*row[0])]
            rows.append(Row(row[0][0], row[-1][1], table.chance_of(plain, row), f"{label} {event}"))
    return rows


def _outcome_shares(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows, event = [], ""
    for start, end in lines:
        pairs = list(_PAIR.finditer(plain, start, end))
        if len(pairs) < 3:
            continue
        group: list[re.Match[str]] = []
        cursor = start
        for index, pair in enumerate(pairs):
            group.append(pair)
            total = sum(float(p.group("num")) for p in group)
            following = pairs[index + 1] if index + 1 < len(pairs) else None
            adjacent = following is not None and not plain[pair.end() : following.start()].strip()
            if total < 98 or (adjacent and total + float(following.group("num")) <= 101.5):
                continue  # "Obama 96.7% Romney 3.2% Tie 0.2%": the tie still belongs to it
            if total > 102:
                group, cursor = [], pair.end()
                continue
            title = plain[cursor : group[0].start()].strip()
            title_start = group[0].start() - len(plain[cursor : group[0].start()].lstrip())
            if _CHANCE.search(title) or not title:
                event = re.sub(r"^(?:the\s+)?chances?\s+(?:to|of)\s+", "", title, flags=re.I) or event
                for p in group:
                    label = p.group("label")
                    rows.append(Row(p.start(), p.end(), float(p.group("num")) / 100, f"{label} {event}".strip()))
            else:
                best = max(group, key=lambda p: float(p.group("num")))
                claim = f"{best.group('label')} {event}".strip() + f" (if {title})"
                rows.append(Row(title_start, group[-1].end(), float(best.group("num")) / 100, claim, conditional=True))
            group, cursor = [], pair.end()
    return rows


def _scenario_labels(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows = []
    for i, (start, end) in enumerate(lines):
        if not _BARE.fullmatch(plain[start:end]) or i == 0 or i + 1 >= len(lines):
            continue
        (p_start, p_end), (n_start, n_end) = lines[i - 1], lines[i + 1]
        label, outcome = plain[p_start:p_end].strip(), plain[n_start:n_end].strip()
        if not (0 < len(label.split()) <= 6 and 0 < len(outcome.split()) <= 8) or "%" in label + outcome:
            continue
        value = float(re.search(r"\d+(?:\.\d+)?", plain[start:end]).group(0)) / 100
        rows.append(Row(p_start, n_end, value, f"{outcome} ({label})"))
    return rows


def _is_value_row(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 24 or not re.match(r"\s*[\d\-]*[A-Za-z]", line) or re.search(r"[.!?:]\s*$", line):
        return False
    # a hard-wrapped line of prose carries on a sentence in lower case: "only $548 billion in 2015 down from
    # $1,074 billion last year, sinking below levels"
    if re.match(r"\s*[a-z]", line):
        return False
    # a chance in brackets, in words, is a sentence's aside: "If that's because of a general election (15 percent
    # chance), sees GBP/USD dropping to $1.20"
    if re.search(r"\(\s*\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+(?:chance|probability|odds)\s*\)", line, re.I):
        return False
    # "Bull Case (+45%)" in a header row labels a column; it is not a value
    label_end = _VALUE.search(re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), line))
    letters = re.findall(r"[A-Za-z]", line[: label_end.start()]) if label_end else []
    return len(letters) >= 2


_ROW_CHANCE = re.compile(rf"\s*{_PERCENT}\s+(?:chance|probability|likelihood)\s+(?:of|to)\s+[a-z]")


_CHANCE_COLUMN = re.compile(r"\b(?:odds|chances?|probabilit(?:y|ies))\s*\|?\s*$", re.I)
_LAST_PERCENT = re.compile(rf"(?<![\d.]){_PERCENT}\s*\|?\s*$")


def _value_tables(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows = []
    flags = [_is_value_row(plain[s:e]) for s, e in lines]
    for i, (start, end) in enumerate(lines):
        if not flags[i]:
            continue
        neighbours = (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1])
        if not neighbours:
            continue
        header = _table_heading(plain, lines, flags, i)
        # a pipe table of figures is a forecast only under a heading that looks ahead
        # ("The table below presents our expectations for third quarter ...")
        if header is False or (header is True and ("|" in plain[start:end] or not re.search(_LEVEL, plain[start:end]))):
            continue
        line = plain[start:end].strip()
        while line.endswith("|"):
            line = line[:-1].rstrip()
        end = start + plain[start:end].index(line) + len(line)
        label = line[: _VALUE.search(line).start()].strip()
        claim = f"{label}: {line[len(label) :].strip()}"
        # a model's list of chances: "Sullivan 56% chance of winning" states its number, "Sullivan will win"
        chance = _ROW_CHANCE.match(line[len(label) :])
        # a last column headed by a chance ("Team Super Bowl Odds Odds Needed Projected Odds") is the row's chance
        chance = chance or (
            isinstance(header, tuple)
            and _CHANCE_COLUMN.search(plain[header[0] : header[1]])
            and _LAST_PERCENT.search(line)
        )
        rows.append(
            Row(
                start,
                end,
                float(chance.group("num")) / 100 if chance else None,
                without_chance(claim) if chance else claim,
                header=header if isinstance(header, tuple) else None,
            )
        )
    return rows


_COUNT = re.compile(r"\d+(?:\.\d+)?")
# a change column may be signed: "Conservatives 234 279 323 -27" (Lo, Seats, Hi, Swing)
_SIGNED_COUNT = re.compile(r"[-+\u2013\u2212]?\d+(?:\.\d+)?")
# a heading whose columns bound an interval around the estimate: "Party Lo Seats Hi Swing", "Region Low Central High"
_INTERVAL_HEADING = re.compile(r"^\s*\S+(?:\s+\S+)?\s+(?:lo|low|lower)\s+(?P<point>\S+)\s+(?:hi|high|upper)\b", re.I)


def _count_row(line: str, count: re.Pattern[str] = _COUNT) -> tuple[str, str] | None:
    """(label, first figure) of a row of bare figures: "Named Storms 16 16 17 9.6", "U.S. coast 72 52"."""
    words = line.split()
    tail = 0
    while tail < len(words) and count.fullmatch(words[len(words) - 1 - tail]):
        tail += 1
    label = " ".join(words[: len(words) - tail])
    if tail < 2 or not re.match(r"[A-Za-z]", label) or len(re.findall(r"[A-Za-z]", label)) < 2:
        return None
    return label, words[len(words) - tail]


def table_headings(plain: str) -> list[tuple[int, int]]:
    """The heading lines of tables of bare figures: they name columns ("Chance a major will strike: % Historical
    %"), they are no sentence of their own."""
    return sorted({row.header for row in _count_tables(plain, _lines(plain)) if row.header})


def _count_tables(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    """Rows of bare figures (the newest forecast first, older ones and an average after it) under the heading
    line right above them: a forecast when the heading looks ahead ("COLO STATE FORECAST June 1 April 6 Dec. 8
    Hist. Avg."), a chance in percent when it names one ("Chance a major will strike: % Historical %")."""
    rows: list[Row] = []
    heading: tuple[int, int] | None = None
    interval = None
    for start, end in lines:
        line = plain[start:end]
        parsed = _count_row(line, _SIGNED_COUNT if interval else _COUNT) if heading else None
        if parsed is None:
            heading = None
            text = line.strip()
            chance = _CHANCE.search(text) and "%" in text
            interval = _INTERVAL_HEADING.match(text)
            ahead = _AHEAD.search(text) and not _BEHIND.search(text)
            if text and (chance or ahead or interval) and not _count_row(text):
                heading = (start, end)
            continue
        label, first = parsed
        head = plain[heading[0] : heading[1]]
        row_end = start + len(line.rstrip())
        if interval:
            rows.append(Row(start, row_end, None, _interval_claim(label, line, interval), header=heading))
        elif _CHANCE.search(head) and "%" in head:
            value = float(first) / 100
            if 0 < value < 1:
                claim = f"{label}: {' '.join(head.split())}"
                rows.append(Row(start, row_end, value, claim, header=heading, heading_dates_columns=True))
        else:
            rows.append(Row(start, row_end, None, f"{label}: {first}", header=heading, heading_dates_columns=True))
    return rows


def _interval_claim(label: str, line: str, interval: re.Match[str]) -> str:
    """A row under an interval's heading, told by its estimate and bounds: "Labour: 302 Seats (258 to 344)"."""
    low, point, high = line[len(line) - len(line.lstrip()) + len(label) :].split()[:3]
    return f"{label}: {point} {interval.group('point')} ({low} to {high})"


def _table_heading(plain, lines, flags, i) -> tuple[int, int] | bool:
    """The heading that says the table looks ahead (its span), False if it looks back, True if none."""
    j = i
    while j > 0 and flags[j - 1]:
        j -= 1
    seen = 0
    for k in range(j - 1, -1, -1):
        text = plain[lines[k][0] : lines[k][1]]
        if not text.strip():
            continue
        if _AHEAD.search(text):
            return lines[k]
        if _BEHIND.search(text):
            return False
        seen += 1
        if seen >= 3:
            break
    return True


# "Bear case (50%): Recession", "Euro collapsing (50%)"
_LABELLED = re.compile(
    r"^\s*"
    + _BULLET
    + r"(?P<label>[A-Z][^():\n]{1,60}?)\s*\((?P<num>\d{1,3}(?:\.\d+)?)\s*%\)\s*(?::\s*(?P<outcome>[^\n]{1,80}))?\s*$"
)


# A scenario named with its chance at the start of a line, the story after it:
# "Alternate Scenario - Neutral Growth, Overpriced Stocks (30% Odds)",
# "Scenario No. 4 -- Muddle Through (probability goes from 60% to 65%): The U.S. muddles through"
_SCENARIO_HEAD = re.compile(
    r"^\s*" + _BULLET + r"(?P<label>[A-Z][^():\n]{1,80}?)\s*"
    r"\((?P<words>[^()\n]{0,40}?\b(?:to|of|at|is)\s+)?(?P<num>\d{1,3}(?:\.\d+)?)\s*%"
    r"(?P<noun>\s+(?i:odds|chance|probability|likelihood))?\s*\)"
)
_SCENARIO_PREFIX = re.compile(r"^(?:\w+\s+)?Scenario(?:\s+No\.\s*\d+)?\s*(?:--|[-\u2013\u2014:])\s*")
_SCENARIO_WORD = re.compile(r"\b(?:scenario|case|outcome)\b", re.I)
_SCENARIO_NAME = re.compile(r"(?:baseline|upside|downside|optimistic|pessimistic)", re.I)


def _scenario_head(plain: str, start: int, end: int) -> Row | None:
    found = _SCENARIO_HEAD.match(plain[start:end])
    if not found:
        return None
    # "Baseline (60%): Real GDP growth came in stronger ...": a scenario's bare name, its story after a colon
    named = _SCENARIO_NAME.fullmatch(found.group("label").strip()) and plain[start + found.end() :].startswith(":")
    if not named and not _SCENARIO_WORD.search(found.group("label")):
        return None
    if not (named or found.group("noun") or _CHANCE.search(found.group("words") or "")):
        return None
    label = _SCENARIO_PREFIX.sub("", found.group("label").strip())
    return Row(start, start + found.end(), float(found.group("num")) / 100, f"The {label} scenario plays out")


# A table of scenarios: a header naming scenario and probability, then one line per scenario,
# "\U0001f402 Bull 20% 6,600.00 +17.8% ..." (the chance, then the scenario's target)
_SCENARIO_HEADER = re.compile(r"^\W*Scenario\b.*\bProbability\b(?P<rest>.*)$", re.I)
_SCENARIO_ROW = re.compile(
    r"^\W*(?P<label>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+(?P<num>\d{1,3}(?:\.\d+)?)\s*%\s+(?P<value>[-+$\d.,]+)"
)


def _scenario_tables(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows = []
    for i, (start, end) in enumerate(lines):
        header = _SCENARIO_HEADER.match(plain[start:end])
        if not header:
            continue
        column = (header.group("rest").split() or ["level"])[0]
        for r_start, r_end in lines[i + 1 :]:
            found = _SCENARIO_ROW.match(plain[r_start:r_end])
            if not found:
                break
            claim = f"{column} {found.group('value')} ({found.group('label')} scenario)"
            rows.append(Row(r_start, r_end, float(found.group("num")) / 100, claim, header=(start, end)))
    return rows


def _labelled_chances(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows = []
    for start, end in lines:
        found = _LABELLED.match(plain[start:end])
        if not found:
            head = _scenario_head(plain, start, end)
            if head is not None:
                rows.append(head)
            continue
        label, outcome = found.group("label").strip(), (found.group("outcome") or "").strip()
        claim = f"{outcome} ({label})" if outcome else label
        rows.append(Row(start, end, float(found.group("num")) / 100, claim))
    return rows


# a model's update gives the change since its last run after the chance: "In 4 games: 19.3% (\u25b27.3)"
_CHANGE_SINCE = r"(?:\s*\(\s*[\u25b2\u25bc\u2191\u2193+\-\u2212\u2013]\s*\d{1,3}(?:\.\d+)?\s*(?:%|pts?|points?)?\s*\))?"
# "Recession in 2024: 35%", "Chance of recession in next 12 months: 30%"
_COLON_CHANCE = re.compile(
    # (a numbered item too: "2) Orderly default, within euro: 25%"; a label may open on a quote mark:
    # "4) \u201cSticky-end\u201d or orderly default, with euro-exit: 15%")
    r"^\s*"
    + _BULLET
    + r"(?:\d{1,2}[.)]\s+)?(?P<label>[\"\u201c]?[A-Z][^:\n]{2,80}?)\s*:\s*(?P<num>\d{1,3}(?:\.\d+)?)\s*%"
    + _CHANGE_SINCE
    + r"\s*$"
    # a risk spelt out with its window runs longer: "Risk of event involving 25 fatalities inside NATO member
    # territory in the next 18 months: 8%"
    r"|^\s*" + _BULLET + r"(?P<long>(?:Risk|Chance|Likelihood|Probability)\s+(?:of|that)\s+[^:\n]{2,120}?)"
    r"\s*:\s*(?P<long_num>\d{1,3}(?:\.\d+)?)\s*%\s*$"
)


# A label naming a quantity measured in percent, so that "Label: 30%" is its level, not a chance: "CAGR: 10%",
# "Music (incl. app) rev. growth: 30%", "GM: 41.8%" (the rows here and the rescue's labelled lines read it)
PERCENT_QUANTITY = re.compile(
    r"\b(?:CAGR|GM|growth|inflation|returns?|yields?|rates?|margins?|change|swing|unemployment|GDP|CPI|EPS|shares?|"
    r"weight|rev|revenues?|sales|turnout|votes?|tax|interest|prices?|costs?|ratio|debt|deficit)\b",
    re.I,
)


def _label_colon_chance(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows, heading = [], ""
    for start, end in lines:
        found = _COLON_CHANCE.match(plain[start:end])
        if not found and plain[start:end].strip() and not re.match(r"\s*[^:\n]{1,80}:\s*\d", plain[start:end]):
            heading = plain[start:end]  # the line above the rows ("LD: 8%" is a row too short to read)
        if found and found.group("long"):
            rows.append(Row(start, end, float(found.group("long_num")) / 100, _chance_label(found.group("long"))))
            continue
        if found and PERCENT_QUANTITY.search(found.group("label")):
            continue  # "CAGR: 10%", "Inflation: 3%": a quantity measured in percent, not a chance
        if found and _BEHIND.search(heading) and not _AHEAD.search(heading):
            continue  # under "Inputted current average poll shares", "Con: 33%" is today's share, not a chance
        if found:
            rows.append(Row(start, end, float(found.group("num")) / 100, _chance_label(found.group("label"))))
    return rows


def _chance_label(label: str) -> str:
    label = re.sub(r"^(?:the\s+)?(?:chances?|probability|odds|likelihood|risk)\s+(?:of|that)\s+", "", label, flags=re.I)
    return label[:1].upper() + label[1:]


# A list announced as chances ("our assessment of the probabilities of three broad outcomes is as
# follows:"), one outcome a line with its percentage last: "No-deal Brexit \u2013 15%"
_ANNOUNCED_ITEM = re.compile(
    r"^\s*" + _BULLET + r"(?P<label>[A-Z(][^\n]{1,150}?)\s*[\u2013\u2014:\-]\s*"
    # a range ("45-50%") is read at its lower figure
    r"(?P<num>\d{1,3}(?:\.\d+)?)\s*(?:%\s*)?(?:[-\u2013]\s*\d{1,3}(?:\.\d+)?\s*)?%\s*$"
)


# ... or names with their chances and nothing between, one a line or several in a line, which may open on a label
# for the group: "\u2022 Boris 61%", "Group E: Brazil 90%, Switzerland 51%, Serbia 31%, Costa Rica 28%" (each name
# its own forecast of the event the lead-in names)
_NAMED_CHANCE = rf"{_NAME}\s+\d{{1,3}}(?:\.\d+)?\s*%"
_NAMED_CHANCES = re.compile(
    rf"^\s*{_BULLET}(?:[A-Z][^:\n]{{0,30}}:\s*)?(?P<pairs>{_NAMED_CHANCE}(?:\s*,\s*{_NAMED_CHANCE})*)\s*$"
)
# the event a lead-in's chances are of: "Chances of reaching the knockout stages:"
_CHANCES_OF = re.compile(r"\W*(?:the\s+)?(?:chances?|probabilit(?:y|ies)|odds)\s+(?:of|to)\s+(.+?):\s*$", re.I)


def _announced_chances(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows, announced, event = [], False, ""
    for start, end in lines:
        text = plain[start:end]
        if not text.strip():
            continue
        found = _ANNOUNCED_ITEM.match(text)
        if found and announced:
            rows.append(Row(start, end, float(found.group("num")) / 100, found.group("label").strip()))
            continue
        named = _NAMED_CHANCES.match(text)
        if named and announced:
            for pair in _PAIR.finditer(plain, start + named.start("pairs"), start + named.end("pairs")):
                claim = f"{pair.group('label')} {event}".strip()
                rows.append(Row(pair.start(), pair.end(), float(pair.group("num")) / 100, claim))
            continue
        announced = bool(_CHANCE.search(text)) and text.rstrip().endswith(":")
        lead_in = _CHANCES_OF.match(text)
        event = lead_in.group(1) if lead_in else ""
    return rows


# A list announced as forecasts ("So here are my \u201cmid\u201d quarter forecasts:"), one figure an item:
# "- iPads: 10.5 million (150%)", "- Total revenues: $33.2 billion (growth: 63%)"; each is a point forecast,
# its bracketed percentage a growth rate, not a chance
_ANNOUNCES_FORECASTS = re.compile(r"\b(?:forecasts|estimates|projections|predictions)\b[^\n]{0,20}:\s*$", re.I)
_FORECAST_ITEM = re.compile(
    r"^\s*[\u2022\u25aa\u25cf*\-]\s*(?P<label>[A-Za-z][^:\n]{1,60}?)\s*:\s*(?P<figure>[-+$\u20ac\u00a3]?\d[^\n]{0,60}?)\s*$"
)


def _announced_forecasts(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows, announced = [], False
    for start, end in lines:
        text = plain[start:end]
        if not text.strip():
            continue
        found = _FORECAST_ITEM.match(text)
        if found and announced and not _CHANCE.search(text):  # "New Zealand: 33.5% chance of winning" is a chance
            rows.append(Row(start, end, None, f"{found.group('label')}: {found.group('figure')}"))
            continue
        announced = bool(_ANNOUNCES_FORECASTS.search(text))
    return rows


# Names listed with their chances in brackets, after words about chances: "Louisville has an 11.6%
# chance to win it all. Behind the Cardinals are Virginia (7.0%), Villanova (6.9%), Kentucky (6.6%)"
_LISTED = re.compile(
    r"(?P<label>(?:No\.\s*\d{1,2}\s+)?[A-Z][\w.'&\-]*(?:\s+(?:[A-Z][\w.'&\-]*|of|the|de)){0,3})"
    r"\s*\((?P<sign>[-\u2010\u2011\u2012\u2013\u2212+])?(?P<num>\d{1,3}(?:\.\d+)?)\s*%"
    # a share may say what it is a share of: "Mexico (25% of expected total growth of 16.6 million additional visitors)"
    r"(?P<of>\s+of\s+[^()\n]{1,80})?\)"
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*")
_SPEAKS_OF_CHANCES = re.compile(r"\b(?:chances?|probabilit(?:y|ies)|odds|likel(?:y|iest)|favou?rites?)\b", re.I)
# ... or, in a paragraph that speaks of a forecast, names listed with their figures are that forecast's figures:
# "All but two of the top-21 visitor origin countries are forecast to grow from 2015 through 2021. Top origin
# countries with the largest total growth percentages are China (121%), India (72%), Argentina (50%)"
_SPEAKS_OF_A_FORECAST = re.compile(
    r"\b(?:forecasts?|forecasted|projected|projections?|expected|predicted|outlook)\b", re.I
)


def _figure(item: re.Match[str]) -> str:
    sign = "-" if item.group("sign") and item.group("sign") != "+" else ""
    return f"{sign}{item.group('num')}%{item.group('of') or ''}"


def _listed_chances(plain: str, lines: list[tuple[int, int]]) -> list[Row]:
    rows, before = [], ""
    for start, end in lines:
        items = list(_LISTED.finditer(plain, start, end))
        groups: list[list[re.Match[str]]] = []
        for item in items:
            if groups and _LIST_GAP.fullmatch(plain[groups[-1][-1].end() : item.start()]):
                groups[-1].append(item)
            else:
                groups.append([item])
        for group in groups:
            # two are a list too when the words just before them speak of chances: "The other favorites are
            # France (12%) and Argentina (12%)"
            lead_in = plain[max(start, group[0].start() - 40) : group[0].start()]
            enough = len(group) >= 3 or (len(group) == 2 and _SPEAKS_OF_CHANCES.search(lead_in))
            signed = any(m.group("sign") or m.group("of") for m in group)
            if enough and not signed and _SPEAKS_OF_CHANCES.search(before + plain[start : group[0].start()]):
                rows += [Row(m.start(), m.end(), float(m.group("num")) / 100, m.group("label")) for m in group]
            elif len(group) >= 3 and _SPEAKS_OF_A_FORECAST.search(plain[start : group[0].start()]):
                rows += [Row(m.start(), m.end(), None, f"{m.group('label')}: {_figure(m)}") for m in group]
        if plain[start:end].strip():
            before = plain[start:end]
    return rows


def row_candidate(text: str, plain: str, row: Row, published_on: date, scale: scales.Scale) -> Candidate:
    start, end = trim(plain, row.start, row.end)
    if row.probability is not None:
        probability = round(min(max(row.probability, 0.001), 0.999), 6)
        basis, phrase = BASIS_STATED, " ".join(text[start:end].split()[-1:])
        category = next((name for name in scales.CATEGORIES if probability in scale.band(name)), None)
    else:
        # a table of point forecasts states what the forecaster expects
        probability, basis, phrase, category = (
            scale.probability(row.category),
            BASIS_PHRASE,
            "forecast table",
            row.category,
        )
    when = deadline_in(plain, start, end, published_on)
    if when is None and row.header and not row.heading_dates_columns:
        when = deadline_in(plain, *row.header, published_on)
    if when is None and not row.heading_dates_columns:
        # "2023 outlook" / "Scenarios for next year" above a list of scenario rows dates them
        above = plain[max(0, start - 400) : start].rstrip().split("\n")[-4:]
        for line in reversed(above):
            found = deadline_in(line, 0, len(line), published_on)
            if found is not None and found.deadline is not None:
                when = found
                break
    notes = ["read from a table or list row"]
    if when is None or when.deadline is None:
        deadline, flag = default_deadline(published_on), DEADLINE_DEFAULT
        notes.append(DEFAULT_NOTE)
    else:
        deadline, flag = when.deadline, when.flag
    if row.conditional:
        notes.append("conditional")
    candidate = Candidate(
        quote=text[start:end],
        claim="",
        estimative_phrase=phrase,
        probability=probability,
        probability_basis=basis,
        deadline=deadline,
        deadline_flag=flag,
        note="; ".join(notes),
        confidence=0.6,
        category=category,
        start=start,
        end=end,
        conditional=row.conditional,
        proposition=row.claim,
    )
    return drafted(candidate, "")


# A scenario's chance on a line of its own, after the scenario's story or before it: "Plausibility: 1/10",
# "Plausibility 7/10", "Likelihood: 20%" (the next scenario's heading may run on after it, "Likelihood:
# 20%Most Likely Case"), "Plausibility: 0.4 0.6" (an edited figure kept beside the one it replaced: the
# later is the writer's last word). A chance told in words ("Likelihood: Low but possible") is left alone.
_FIGURE = r"(?:\d{1,3}(?:\.\d+)?\s*%|\d{1,2}\s*/\s*\d{1,3}\b|0?\.\d+\b)"
_CHANCE_LINE = re.compile(
    r"^\s*" + _BULLET + r"\(?(?i:plausibility|likelihood|probability|chance|odds)\s*:?\s*"
    rf"(?P<figures>[<>~]?\s*{_FIGURE}(?:\s+{_FIGURE})*)\)?\s*(?:[A-Z][^\n]{{0,60}})?$"
)
# a line of a story, not a heading: it ends as a sentence does, or runs on too long for a heading
_STORY_END = re.compile(r"[.!?\u2026][\"\u201d')]*\s*$")


def _figure_value(figure: str) -> float | None:
    figure = figure.strip(" <>~")
    if figure.endswith("%"):
        value = float(figure[:-1]) / 100
    elif "/" in figure:
        top, bottom = (float(part) for part in figure.split("/"))
        if not bottom:
            return None
        value = top / bottom
    else:
        value = float(figure)
    return value if 0 < value < 1 else None


def _is_story(line: str) -> bool:
    return bool(line.strip()) and (bool(_STORY_END.search(line)) or len(line.split()) > 12)


@dataclass(frozen=True)
class ScenarioChance:
    """A scenario's chance stated on its own line (`line`), and the story it is the chance of (`start`:`end`)."""

    start: int
    end: int
    probability: float
    line: tuple[int, int]


def scenario_chances(plain: str) -> list[ScenarioChance]:
    """Each chance stated on a line of its own with the scenario's story it belongs to: the paragraph just
    above when a story ends just above ("... a deal to save the world." then "Plausibility: 1/10"), else the
    paragraph just below, under the scenario's heading ("6.1 Unpredictable oscillations", "Plausibility:
    0.4 0.6", "The oil price oscillates ..."). A story stops at a blank line, a heading or another chance."""
    lines = _lines(plain)
    found = {i: _CHANCE_LINE.match(plain[s:e]) for i, (s, e) in enumerate(lines)}
    found = {i: m for i, m in found.items() if m}
    chances = []
    for i, match in found.items():
        value = _figure_value(re.findall(_FIGURE, match.group("figures"))[-1])
        if value is None:
            continue
        above = next((k for k in range(i - 1, -1, -1) if plain[slice(*lines[k])].strip()), None)
        if above is not None and above not in found and _is_story(plain[slice(*lines[above])]):
            step, first = -1, above
        else:
            step, first = 1, i + 1
        story = []
        k = first
        while 0 <= k < len(lines) and k not in found and _is_story(plain[slice(*lines[k])]):
            story.append(lines[k])
            k += step
        if story:
            story.sort()
            chances.append(ScenarioChance(story[0][0], story[-1][1], value, lines[i]))
    return chances


def with_scenario_chances(plain: str, candidates: list[Candidate], scale: scales.Scale) -> list[Candidate]:
    """The candidates with each one in a scenario's story taking the chance stated on the scenario's own line,
    when its words state no number of their own and carry a probability ("could" stays unscored) and it is no
    step told as following from the scenario (a conditional candidate keeps its own chance). A candidate
    across two stories takes the one it lies in most."""
    chances = scenario_chances(plain)
    if not chances:
        return candidates
    out = []
    for c in candidates:
        overlaps = [(min(c.end, s.end) - max(c.start, s.start), s) for s in chances]
        size, chance = max(overlaps, key=lambda pair: pair[0])
        if size <= 0 or c.probability_basis == BASIS_STATED or c.probability is None or c.conditional:
            out.append(c)
            continue
        line = " ".join(plain[slice(*chance.line)].split())
        out.append(
            replace(
                c,
                probability=chance.probability,
                probability_basis=BASIS_STATED,
                category=band_of(chance.probability, scale),
                estimative_phrase=line,
                note=f"{c.note}; the scenario's chance stated on its own line ({line})",
            )
        )
    return out


# a scenario's chance told right after its story, on the story's line: "... no contagion event will take place. >>
# Probability 1%, EUR/USD at 1.15.", "... will manage to Keep Greece in the EMU.>> Probability 25%, EUR/USD at 1.25."
_CHANCE_LABEL = r"[>\s]*(?:probability|chance|likelihood)\s*:?\s*(?P<num>\d{1,3}(?:\.\d+)?)\s*%(?=[\s,.;]|$)"
_OPENING_CHANCE_LABEL = re.compile(_CHANCE_LABEL, re.I)
_CHANCE_LABEL_AFTER_STOP = re.compile(r"(?<=[.!])" + _CHANCE_LABEL, re.I)


def with_chances_after_stories(
    text: str, plain: str, sentences: list[Sentence], candidates: list[Candidate], scale: scales.Scale
) -> list[Candidate]:
    """A bare chance ("Probability 4%, EUR/USD at 1.10.") that follows a story in the same paragraph, as a sentence of
    its own or right after the story's full stop, is that story's chance, not a forecast of its own: the story's
    forecasts with no number of their own take it, and the one that ends the story quotes it too."""
    labels = []  # (story start, story end, label start, label end, the chance)
    for sentence, after in itertools.pairwise(sentences):
        found = _OPENING_CHANCE_LABEL.match(plain, after.start, after.end)
        if after.block == sentence.block and found is not None:
            labels.append((sentence.start, sentence.end, after.start, after.end, found.group("num")))
    for sentence in sentences:
        found = _CHANCE_LABEL_AFTER_STOP.search(plain, sentence.start, sentence.end)
        if found is not None:
            labels.append((sentence.start, found.start(), found.start(), sentence.end, found.group("num")))
    for story_start, story_end, label_start, label_end, number in labels:
        story = [c for c in candidates if story_start <= c.start and c.end <= label_end and c.start < story_end]
        if not story:
            continue
        probability = float(number) / 100
        phrase = " ".join(plain[label_start:label_end].split()).lstrip(">. ")
        candidates = [
            replace(
                c,
                quote=text[c.start : label_end] if c.end >= story_end - 1 else c.quote,
                end=label_end if c.end >= story_end - 1 else c.end,
                probability=probability,
                probability_basis=BASIS_STATED,
                category=band_of(probability, scale),
                estimative_phrase=phrase,
                note=f"{c.note}; the scenario's chance stated after it ({phrase})".lstrip("; "),
            )
            if c in story and c.probability_basis != BASIS_STATED and not c.conditional
            else c
            for c in candidates
            if not (label_start <= c.start and c.end <= label_end)
        ]
    return candidates
