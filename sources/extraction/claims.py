"""The suggested claim: the quote rewritten as a positive, checkable proposition."""

from __future__ import annotations

import re
from datetime import date

from .text import to_plain, trim_clause


def strip_quote_marks(plain: str, start: int, end: int) -> tuple[int, int]:
    """Drop an unbalanced quotation mark left at either end by the clause split."""
    while start < end and plain[start] in "\"'(" and plain[start:end].count(plain[start]) % 2 == 1:
        start += 1
    while end > start and plain[end - 1] in "\"')" and plain[start:end].count(plain[end - 1]) % 2 == 1:
        end -= 1
    return trim_clause(plain, start, end)


_CLAIM_REWRITES = [
    (re.compile(r"^(?:and|but|yet|so|or|although|though|while|whereas|even\s+though)\s+", re.I), ""),
    (
        re.compile(
            r"^(?:there\s+is|there's|it\s+is|it's)\s+[^,]*?\b(?:chance|odds|likely|unlikely|possible|probability)\s+(?:that\s+)?",
            re.I,
        ),
        "",
    ),
    (re.compile(r"^the\s+odds\s+are\s+(?:that\s+)?|^chances\s+are\s+(?:that\s+)?", re.I), ""),
    (
        re.compile(
            r"\b(?:will|'ll)\s+(?:not\s+)?(?:very\s+|highly\s+|most\s+|almost\s+)?(?:certainly|likely|probably)?\s*(?:not\s+)?",
            re.I,
        ),
        "will ",
    ),
    (
        re.compile(
            r"\b(?:very\s+|highly\s+|most\s+|almost\s+)?(?:certainly|likely|probably)\s+(?:will\s+|won't\s+)", re.I
        ),
        "will ",
    ),
    (re.compile(r"\bwon't\b", re.I), "will"),
    (
        re.compile(
            r"\b(?:is|are|remains?)\s+(?:widely\s+|very\s+|highly\s+|not\s+)?(?:un)?(?:likely|expected|set|poised|bound)\s+to\b",
            re.I,
        ),
        "will",
    ),
    (re.compile(r"\s*[;,]\s*I'?m\s+\d+%\s+sure\s+of\s+that\.?$", re.I), ""),
]


def suggest_claim(quote: str, deadline: date | None) -> str:
    """A first draft of the checkable claim, stated positively, for the editor to edit."""
    claim = " ".join(to_plain(quote).split()).strip(" .\"'")
    for pattern, replacement in _CLAIM_REWRITES:
        claim = pattern.sub(replacement, claim)
    claim = re.sub(r"\s+", " ", claim).strip(" ,.")
    if claim:
        claim = claim[0].upper() + claim[1:]
    if deadline is not None:
        claim = f"{claim} (by {deadline.isoformat()})"
    return claim
