"""The plain copy of a text that every step of extraction matches on."""

from datetime import date

from sources.extraction import extract_candidates
from sources.extraction.text import to_plain


def test_the_plain_copy_keeps_every_offset_and_blanks_strong_emphasis():
    text = "**72.5%** probability of a \u201c#1 seed\u201d winning the championship"
    plain = to_plain(text)
    assert len(plain) == len(text)
    assert plain == '  72.5%   probability of a "#1 seed" winning the championship'


def test_a_chance_in_strong_emphasis_is_read_and_its_quote_stays_verbatim():
    text = (
        "Tournament odds\n\n**72.5%** probability of a #1 seed winning the championship\n\n"
        "**23.3%** probability of three #1 seeds in the Final Four\n"
    )
    candidates = extract_candidates(text, published_on=date(2011, 3, 20), rescue=True)
    assert [c.probability for c in candidates] == [0.725, 0.233]
    assert all(c.quote in text and "seed" in c.quote for c in candidates)
