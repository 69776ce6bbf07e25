"""forecasts/services/proposals.py: what stops a proposal being accepted, and accept / reject."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from forecasts import importing, services
from forecasts.models import Forecast, Status
from sources.extraction import DEADLINE_DEFAULT, DEADLINE_STATED, Candidate
from sources.extraction.criteria import DRAFTED_NOTE
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2025, 3, 3)


def _candidate(**fields) -> Candidate:
    values = {
        "quote": "Exports will likely grow in 2026.",
        "claim": "Exports grow in 2026",
        "estimative_phrase": "will likely",
        "probability": 0.7,
        "probability_basis": "phrase",
        "deadline": datetime.date(2026, 12, 31),
        "deadline_flag": DEADLINE_STATED,
        "note": "",
        "confidence": 0.9,
        "criteria": f"Resolves yes if exports grow. Otherwise resolves no. {DRAFTED_NOTE}",
    }
    return Candidate(**{**values, **fields})


def _proposed(candidate: Candidate) -> Forecast:
    return ForecastFactory(
        status=Status.PROPOSED,
        deadline=importing.candidate_deadline(candidate, PUBLISHED),
        made_on=PUBLISHED,
        resolution_criteria=importing.candidate_criteria(candidate),
    )


def test_a_drafted_proposal_is_refused_until_the_editor_deletes_the_drafting_note():
    forecast = _proposed(_candidate())
    problems = services.proposal_problems(forecast)
    assert len(problems) == 1
    assert problems[0].startswith("the criteria still carry 1 note for the editor (\u201cDrafted automatically")
    forecast.resolution_criteria = "Resolves yes if exports grow. Otherwise resolves no."
    assert services.proposal_problems(forecast) == []


def test_placeholder_criteria_are_refused():
    forecast = _proposed(_candidate(criteria=""))
    assert any("still the placeholder" in problem for problem in services.proposal_problems(forecast))


def test_a_default_deadline_is_refused_and_named():
    forecast = _proposed(_candidate(deadline=datetime.date(2025, 12, 31), deadline_flag=DEADLINE_DEFAULT))
    problems = services.proposal_problems(forecast)
    assert any("deadline 2025-12-31 is a placeholder" in problem for problem in problems)


def test_a_missing_deadline_uses_the_proxy_and_is_refused():
    forecast = _proposed(_candidate(deadline=None, deadline_flag="no fixed date"))
    assert forecast.deadline == datetime.date(2029, 12, 31)
    assert any("is a placeholder" in problem for problem in services.proposal_problems(forecast))


def test_criteria_notes_split_the_body_from_each_note_in_order():
    text = importing.candidate_criteria(
        _candidate(deadline=datetime.date(2025, 12, 31), deadline_flag=DEADLINE_DEFAULT, warnings=("reword it",))
    )
    body, notes = importing.criteria_notes(text)
    assert body == "Resolves yes if exports grow. Otherwise resolves no."
    deadline_note = "Deadline to set: the text gives no time; the deadline is a default."
    assert notes == [DRAFTED_NOTE, deadline_note, "Check: reword it."]


def test_accept_refuses_the_whole_selection_while_one_is_unfinished_and_changes_nothing():
    ready = ForecastFactory(status=Status.PROPOSED)
    unfinished = _proposed(_candidate(criteria=""))
    with pytest.raises(ValidationError) as refused:
        services.forecasts_accept(forecasts=[ready, unfinished])
    messages = refused.value.messages
    assert messages[-1] == "Nothing was accepted."
    assert f"Forecast {unfinished.pk}" in messages[0]
    assert set(Forecast.objects.values_list("status", flat=True)) == {Status.PROPOSED}


def test_accept_opens_finished_proposals_and_leaves_confirmed_ones():
    ready, already_open = ForecastFactory(status=Status.PROPOSED), ForecastFactory(status=Status.OPEN)
    assert services.forecasts_accept(forecasts=[ready, already_open]) == 1
    ready.refresh_from_db()
    assert (ready.status, ready.version) == (Status.OPEN, 2)


def test_reject_deletes_proposals_and_the_history_keeps_their_text():
    proposal = ForecastFactory(status=Status.PROPOSED, claim="Rejected claim text")
    assert services.forecasts_reject(forecasts=[proposal]) == 1
    assert not Forecast.objects.filter(pk=proposal.pk).exists()
    assert Forecast.history.filter(id=proposal.pk, history_type="-").get().claim == "Rejected claim text"
