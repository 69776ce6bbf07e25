"""forecasts/services/proposals.py: proposing forecasts from an article, what stops an accept, accept and reject."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from forecasts import importing, services
from forecasts.models import Forecast, Status
from sources.extraction import DEADLINE_DEFAULT, DEADLINE_STATED, Candidate
from sources.extraction.criteria import DRAFTED_NOTE
from sources.models import Author, Source
from tests.factories import ForecastFactory, UserFactory

SEED = Path(__file__).parents[2] / "sources" / "articles" / "seed-russia-china-north-korea-2023.txt"


SEED_DATE = datetime.date(2023, 1, 1)


WIRE = (
    "Global economic output should increase by 3.6 percent next year, the IMF said on Tuesday.\n\n"
    "Emerging economies will probably grow 4.6 percent in 2031."
)


@pytest.mark.django_db
def test_import_stores_the_article_and_proposes_its_forecasts():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    assert result.created
    source = result.source
    assert source.title == "Russia, China bring North Korea in from the cold"
    assert source.publication.name == "East Asia Forum"
    assert [a.name for a in source.authors.all()] == ["Benjamin Katzeff Silberstein"]
    assert len(result.forecasts) == len(result.candidates) >= 10
    assert all(f.status == Status.PROPOSED for f in result.forecasts)
    long_run = next(f for f in result.forecasts if f.quote.startswith("In the long run"))
    assert long_run.deadline == datetime.date(2027, 12, 31)
    assert "no fixed date" in long_run.resolution_criteria


@pytest.mark.django_db
def test_importing_the_same_text_again_returns_the_stored_article():
    text = SEED.read_text(encoding="utf-8")
    first = services.propose_forecasts_from_article(text=text, published_on=SEED_DATE)
    again = services.propose_forecasts_from_article(text=text.replace("\n", "\r\n"), published_on=SEED_DATE)
    assert not again.created
    assert again.source == first.source
    assert Source.objects.count() == 1
    assert Forecast.objects.count() == len(first.forecasts)


@pytest.mark.django_db
def test_missing_date_and_author_are_clear_errors_and_nothing_is_saved():
    # "next year" cannot be read without the date
    with pytest.raises(ValidationError) as error:
        services.propose_forecasts_from_article(text="A title\n\nPrices will likely rise next year.\n")
    assert set(error.value.message_dict) == {"published_on", "author"}
    assert Source.objects.count() == 0
    assert Forecast.objects.count() == 0


@pytest.mark.django_db
def test_an_article_with_no_title_line_and_only_absolute_dates_is_imported():
    text = (
        "Germany\u2019s economy is unlikely to grow by more than 1% in 2030, the Bundesbank said on Friday.\n\n"
        "Exports will probably recover in 2031."
    )
    result = services.propose_forecasts_from_article(text=text, author_name="Jane Doe")
    assert result.source.title == importing.UNTITLED
    assert result.source.published_on == datetime.date.today()
    assert len(result.warnings) == 2
    assert [f.deadline.year for f in result.forecasts] == [2030, 2031]


@pytest.mark.django_db
def test_proposed_forecasts_carry_drafted_criteria_not_a_placeholder():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    for forecast in result.forecasts:
        assert "To be written" not in forecast.resolution_criteria
        assert forecast.resolution_criteria.startswith("Resolves yes if")
        assert "check" in forecast.resolution_criteria


@pytest.mark.django_db
def test_proposed_forecasts_are_neither_reminded_nor_scored():
    services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    assert not Forecast.objects.to_remind(datetime.date(2030, 1, 1)).exists()
    assert not Forecast.objects.scored().exists()
    assert not Forecast.objects.reaching_review(datetime.date(2030, 1, 1)).exists()


def finished(forecast):
    """The proposal as an editor leaves it: the criteria written out, the notes deleted."""
    criteria, _notes = importing.criteria_notes(forecast.resolution_criteria)
    return services.forecast_update(forecast=forecast, data={"resolution_criteria": criteria})


@pytest.mark.django_db
def test_accept_opens_proposed_forecasts_and_reject_keeps_them_as_rejected():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    first, second, *_ = result.forecasts
    first = finished(first)
    already_open = ForecastFactory(status=Status.OPEN)
    assert services.forecasts_accept(forecasts=[first, already_open]) == 1
    assert services.forecasts_reject(forecasts=[second], rejected_by=None) == 1
    first.refresh_from_db()
    assert first.status == Status.OPEN
    assert first.version == 3  # edited, then accepted
    assert Forecast.objects.get(pk=second.pk).status == Status.REJECTED
    assert Forecast.objects.filter(pk=already_open.pk).exists()


@pytest.mark.django_db
def test_reject_refuses_a_selection_with_a_confirmed_forecast_and_changes_nothing():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    proposed = result.forecasts[0]
    already_open = ForecastFactory(status=Status.OPEN)
    with pytest.raises(ValidationError, match="Only proposed forecasts can be rejected"):
        services.forecasts_reject(forecasts=[proposed, already_open], rejected_by=None)
    assert dict(Forecast.objects.filter(pk__in=[proposed.pk, already_open.pk]).values_list("pk", "status")) == {
        proposed.pk: Status.PROPOSED,
        already_open.pk: Status.OPEN,
    }


@pytest.mark.django_db
def test_an_attributed_forecast_is_proposed_with_its_forecaster_and_the_source_keeps_its_author():
    result = services.propose_forecasts_from_article(
        text=WIRE, title="IMF outlook", author_name="Jane Reporter", published_on=datetime.date(2030, 10, 10)
    )
    imf, own = result.forecasts
    assert imf.author.name == "IMF"
    assert own.author.name == "Jane Reporter"
    assert [a.name for a in result.source.authors.all()] == ["Jane Reporter"]
    # a second article by the same institution reuses its Author
    services.propose_forecasts_from_article(
        text=WIRE.replace("Tuesday", "Friday"),
        title="IMF again",
        author_name="Jane Reporter",
        published_on=datetime.date(2030, 10, 12),
    )
    assert Author.objects.filter(name="IMF").count() == 1


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


@pytest.fixture
def editor():
    return UserFactory(username="editor", is_staff=True)


def test_reject_keeps_the_row_and_names_who_rejected_it(editor):
    proposal = ForecastFactory(status=Status.PROPOSED, claim="Rejected claim text")

    assert services.forecasts_reject(forecasts=[proposal], rejected_by=editor) == 1

    kept = Forecast.objects.get(pk=proposal.pk)
    assert (kept.status, kept.claim, kept.version) == (Status.REJECTED, "Rejected claim text", proposal.version + 1)
    record = kept.history.first()
    assert (record.history_user, record.history_change_reason) == (editor, "Rejected: the proposal is not taken")
    assert not Forecast.objects.confirmed().filter(pk=proposal.pk).exists()
    assert not Forecast.objects.proposed().exists()


def test_restore_proposes_a_rejected_forecast_again_audited(editor):
    proposal = ForecastFactory(status=Status.PROPOSED)
    services.forecasts_reject(forecasts=[proposal], rejected_by=editor)

    assert services.forecasts_restore(forecasts=[proposal], restored_by=editor) == 1

    restored = Forecast.objects.get(pk=proposal.pk)
    assert (restored.status, restored.version) == (Status.PROPOSED, proposal.version + 2)
    record = restored.history.first()
    assert (record.history_user, record.history_change_reason) == (
        editor,
        "Restored: proposed again after a rejection",
    )


@pytest.mark.parametrize("status", [Status.PROPOSED, Status.OPEN])
def test_restore_refuses_a_selection_with_a_forecast_that_is_not_rejected_and_changes_nothing(editor, status):
    rejected = ForecastFactory(status=Status.REJECTED)
    other = ForecastFactory(status=status)

    with pytest.raises(ValidationError, match=f"not rejected: {other.pk}. Nothing was restored."):
        services.forecasts_restore(forecasts=[rejected, other], restored_by=editor)

    assert dict(Forecast.objects.values_list("pk", "status")) == {rejected.pk: Status.REJECTED, other.pk: status}


def test_restore_refuses_an_empty_selection():
    with pytest.raises(ValidationError, match="Select at least one rejected proposal"):
        services.forecasts_restore(forecasts=[], restored_by=None)


def test_a_rejected_proposal_is_not_resolved():
    rejected = ForecastFactory(status=Status.REJECTED)

    with pytest.raises(ValidationError, match="must be confirmed by an editor"):
        services.forecast_resolve(forecast=rejected, outcome="annulled", resolved_by=None)

    assert Forecast.objects.get(pk=rejected.pk).status == Status.REJECTED


# --- rescue: the sentence model's proposals, unless turned off --------------------------------------

RESCUABLE = "Trade outlook\n\nTrade will likely grow in 2025.\n\nExports reach a record in 2026."


def sentence_model_rescuing_exports(monkeypatch) -> None:
    """A stand-in for the shipped model that scores only a sentence about exports high, so these
    tests do not move when the model is retrained."""
    from sources.extraction import rescue

    model = {"intercept": -10.0, "threshold": 0.6, "coefficients": {"w:exports": 100.0}}
    monkeypatch.setattr(rescue, "load_weights", lambda: model)


def test_rescue_is_on_by_default_and_proposes_the_sentence_with_its_warning(monkeypatch):
    from sources.extraction.rescue import RESCUED_WARNING

    sentence_model_rescuing_exports(monkeypatch)
    common = {"author_name": "Jane Reporter", "published_on": datetime.date(2024, 1, 2)}
    plain = services.propose_forecasts_from_article(text=RESCUABLE, dry_run=True, rescue=False, **common)
    assert [c.quote for c in plain.candidates] == ["Trade will likely grow in 2025."]

    result = services.propose_forecasts_from_article(text=RESCUABLE, **common)
    assert [f.quote for f in result.forecasts] == ["Trade will likely grow in 2025.", "Exports reach a record in 2026."]
    rescued = result.forecasts[1]
    assert rescued.status == Status.PROPOSED
    assert rescued.deadline == datetime.date(2026, 12, 31)
    assert f"{importing.CHECK_NOTE} {RESCUED_WARNING}." in rescued.resolution_criteria
    assert RESCUED_WARNING not in result.forecasts[0].resolution_criteria
