"""The proposed forecast, and the drafting of its claim, criteria and warnings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .claims import PRONOUN_SUBJECT, hedge_words, lacks_verb, suggest_claim
from .criteria import draft_criteria
from .flags import BASIS_STATED, DEADLINE_DEFAULT, DEADLINE_NO_FIXED_DATE

DEFAULT_NOTE = "no time expression: deadline defaults to the end of the publication year"


def default_deadline(published_on: date) -> date:
    """The deadline of a candidate whose text gives no time: the end of the publication year."""
    return date(published_on.year, 12, 31)


@dataclass(frozen=True)
class Candidate:
    """A proposed forecast. `probability` is for `claim`, which is stated positively."""

    quote: str
    claim: str
    estimative_phrase: str
    probability: float | None
    probability_basis: str
    deadline: date | None
    deadline_flag: str
    note: str
    confidence: float
    category: str | None = None
    start: int = 0
    end: int = 0
    # who makes the forecast when it is not the article's author ("the IMF", an interviewee)
    forecaster: str | None = None
    # "if X, Y will ...": tracked, but not a plain claim; the criteria say to annul it if X fails
    conditional: bool = False
    criteria: str = ""
    # what could not be drafted, or needs the editor's eye (shown with the candidate)
    warnings: tuple[str, ...] = ()
    # what a leading "It" / "They" in the quote stands for, from the sentence before
    claim_subject: str = ""
    # the proposition when it is not the quote reworded: a table row names its event in the header
    proposition: str = ""


def drafted(candidate: Candidate, subject: str) -> Candidate:
    """The candidate with its claim and criteria drafted, and warnings on what needs the editor."""
    if candidate.proposition:
        claim = candidate.proposition + (f" (by {candidate.deadline.isoformat()})" if candidate.deadline else "")
    else:
        positive = candidate.probability_basis != BASIS_STATED
        claim = suggest_claim(candidate.quote, candidate.deadline, subject=subject, positive=positive)
    criteria, warnings = draft_criteria(claim, candidate.deadline, conditional=candidate.conditional)
    left = hedge_words(claim)
    if left:
        warnings.append(f"the claim still carries estimative words ({', '.join(left)}): reword it")
    if lacks_verb(claim):
        warnings.append('the claim has no verb after "will": reword it as a sentence')
    if PRONOUN_SUBJECT.match(claim):
        warnings.append("the claim opens with a word that points back to an earlier sentence: name what it means")
    if candidate.deadline_flag == DEADLINE_DEFAULT:
        warnings.append("the text gives no time: the deadline is a default, set it")
    elif candidate.deadline_flag == DEADLINE_NO_FIXED_DATE:
        warnings.append("the text gives no fixed date: set a deadline")
    if candidate.conditional:
        warnings.append("conditional forecast: record it only with its condition")
    return replace(candidate, claim=claim, criteria=criteria, warnings=tuple(warnings))
