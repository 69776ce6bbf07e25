"""Text helpers shared by every step of extraction.

Matching runs on a copy of the text in which curly quotes and non-breaking spaces are
replaced one character for one, so offsets found in the copy slice the original and every
quote stays a verbatim substring.
"""

from __future__ import annotations

_SAME_LENGTH = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2011": "-",
    }
)


def to_plain(text: str) -> str:
    return text.translate(_SAME_LENGTH)


def trim(plain: str, start: int, end: int) -> tuple[int, int]:
    while start < end and plain[start].isspace():
        start += 1
    while end > start and plain[end - 1].isspace():
        end -= 1
    return start, end


def trim_clause(plain: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim(plain, start, end)
    while end > start and plain[end - 1] in ",;:\u2014\u2013 ":
        end -= 1
    return start, end
