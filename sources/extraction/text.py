"""Text helpers shared by every step of extraction.

Matching runs on a copy of the text in which curly quotes and non-breaking spaces are
replaced one character for one, so offsets found in the copy slice the original and every
quote stays a verbatim substring.
"""

from __future__ import annotations

import re

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


# markdown's strong emphasis hides a figure from every pattern ("**72.5%** probability of a #1 seed
# winning"); its marks are blanked two characters for two, so offsets still slice the original
_STRONG_EMPHASIS = re.compile(r"\*\*")


def to_plain(text: str) -> str:
    return _STRONG_EMPHASIS.sub("  ", text.translate(_SAME_LENGTH))


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
