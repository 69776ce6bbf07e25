"""The candidate's drafting: claim, criteria and the warnings the editor sees."""

from datetime import date

from sources.extraction.candidate import Candidate, drafted
from sources.extraction.flags import BASIS_PHRASE, BASIS_STATED, DEADLINE_DEFAULT, DEADLINE_STATED


def _candidate(quote: str, **fields) -> Candidate:
    values = {
        "quote": quote,
        "claim": "",
        "estimative_phrase": "will",
        "probability": 0.97,
        "probability_basis": BASIS_PHRASE,
        "deadline": date(2025, 12, 31),
        "deadline_flag": DEADLINE_STATED,
        "note": "",
        "confidence": 0.5,
    } | fields
    return Candidate(**values)


def test_a_dated_claim_about_statistics_needs_no_warning():
    candidate = drafted(_candidate("GDP will grow 2% in 2025."), "")
    assert candidate.claim == "GDP will grow 2% in 2025 (by 2025-12-31)"
    assert "official statistics" in candidate.criteria
    assert candidate.warnings == ()


def test_warnings_say_what_the_editor_must_fix():
    candidate = drafted(_candidate("It will be a great year.", deadline_flag=DEADLINE_DEFAULT, conditional=True), "")
    assert len(candidate.warnings) == 4  # no publisher, pronoun, default deadline, conditional


def test_a_stated_chance_keeps_the_negation_and_a_table_row_its_proposition():
    stated = drafted(_candidate("Trump will not be impeached in 2025. 80%", probability_basis=BASIS_STATED), "")
    assert stated.claim == "Trump will not be impeached in 2025 (by 2025-12-31)"
    row = drafted(_candidate("Chicago Bears | 8.84%", proposition="Chicago Bears win Super Bowl"), "")
    assert row.claim == "Chicago Bears win Super Bowl (by 2025-12-31)"
