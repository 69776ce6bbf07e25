"""The record people can trust: edits write only what they were asked to, a stale edit is refused,
a resolved forecast is frozen except for an audited correction, and reasons are required."""

import datetime
import math

import pytest
from django.core.exceptions import ValidationError

from forecasts import services
from forecasts.models import Forecast, ForecastCorrection, Outcome, ProbabilityBasis, Status, Tag
from tests.concurrency import race, race_test
from tests.factories import AuthorFactory, ForecastFactory, SourceFactory, StaffFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"


@pytest.fixture
def editor():
    return StaffFactory(username="editor")


@pytest.fixture
def reviewer():
    return StaffFactory(username="reviewer")


def _resolved(reviewer, **fields) -> Forecast:
    forecast = ForecastFactory(**fields)
    return services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="It happened.", resolved_by=reviewer
    )


def test_a_new_forecast_starts_at_version_1_and_each_service_write_bumps_it(editor, reviewer):
    forecast = ForecastFactory()
    assert forecast.version == 1
    forecast = services.forecast_update(forecast=forecast, data={"claim": "Sharper"}, changed_by=editor)
    assert forecast.version == 2
    forecast = services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    assert forecast.version == 3
    forecast = services.forecast_correct(
        forecast=forecast, changes={"resolution_note": "Better note"}, reason="Typo", corrected_by=reviewer
    )
    assert forecast.version == 4
    forecast = services.forecast_unresolve(forecast=forecast, unresolved_by=reviewer, reason="Wrong series")
    assert forecast.version == 5
    forecast = services.forecast_snooze(
        forecast=forecast,
        review_on=datetime.date.today() + datetime.timedelta(days=3),
        reason="Figures late",
        snoozed_by=editor,
    )
    assert Forecast.objects.get(pk=forecast.pk).version == 6


def test_an_edit_that_changes_nothing_keeps_the_version(editor):
    forecast = ForecastFactory(claim="Same")
    services.forecast_update(forecast=forecast, data={"claim": "Same"}, changed_by=editor)
    assert Forecast.objects.get(pk=forecast.pk).version == 1


def test_flagging_due_and_accepting_bump_the_version():
    due = ForecastFactory(made_on=datetime.date(2020, 1, 1), deadline=datetime.date(2020, 6, 1))
    proposed = ForecastFactory(status=Status.PROPOSED)
    assert services.forecasts_flag_due(today=datetime.date(2021, 1, 1)) == 1
    assert services.forecasts_accept(forecasts=[proposed]) == 1
    assert Forecast.objects.get(pk=due.pk).version == 2
    assert due.history.first().version == 2
    assert Forecast.objects.get(pk=proposed.pk).version == 2


def test_an_edit_from_a_stale_instance_keeps_a_resolution_committed_meanwhile(editor, reviewer):
    forecast = ForecastFactory()
    stale = Forecast.objects.get(pk=forecast.pk)  # what the edit read before the resolve committed
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )

    services.forecast_update(forecast=stale, data={"reviewer": editor}, changed_by=editor)

    current = Forecast.objects.get(pk=forecast.pk)
    assert current.status == Status.RESOLVED
    assert current.outcome == Outcome.YES
    assert current.reviewer == editor


def test_edits_of_different_fields_from_stale_instances_both_land(editor):
    forecast = ForecastFactory(claim="Original", probability=0.5)
    first, second = Forecast.objects.get(pk=forecast.pk), Forecast.objects.get(pk=forecast.pk)

    services.forecast_update(forecast=first, data={"claim": "Claim by A"}, changed_by=editor)
    services.forecast_update(forecast=second, data={"probability": 0.9}, changed_by=editor)

    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.claim, current.probability, current.version) == ("Claim by A", 0.9, 3)


def test_an_edit_on_a_stale_version_is_refused_saying_what_changed_by_whom(editor, reviewer):
    forecast = ForecastFactory(claim="Original", probability=0.5)
    services.forecast_update(forecast=forecast, data={"claim": "Claim by B", "probability": 0.8}, changed_by=reviewer)

    with pytest.raises(services.ForecastConflict) as error:
        services.forecast_update(forecast=forecast, data={"claim": "Claim by A"}, changed_by=editor, expected_version=1)

    message = error.value.messages[0]
    assert message.startswith("Changed since you opened it by reviewer at ")
    assert ": claim, probability." in message
    assert message.endswith("Reload and apply your change again.")
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.claim, current.version) == ("Claim by B", 2)


def test_an_edit_on_the_current_version_lands(editor):
    forecast = ForecastFactory()
    services.forecast_update(forecast=forecast, data={"claim": "New"}, changed_by=editor, expected_version=1)
    assert Forecast.objects.get(pk=forecast.pk).claim == "New"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("quote", "Rewritten quote"),
        ("claim", "Rewritten claim"),
        ("estimative_phrase", "almost certainly"),
        ("probability", 0.99),
        ("probability_basis", ProbabilityBasis.ANALYST),
        ("made_on", datetime.date(2022, 6, 1)),
        ("deadline", datetime.date(2024, 1, 1)),
        ("review_on", datetime.date(2024, 1, 1)),
        ("resolution_criteria", "Other criteria"),
    ],
)
def test_a_resolved_forecast_is_frozen_against_edits(editor, reviewer, name, value):
    forecast = _resolved(reviewer)
    before = Forecast.objects.get(pk=forecast.pk)

    with pytest.raises(services.ForecastConflict, match="resolved, so its record is frozen"):
        services.forecast_update(forecast=forecast, data={name: value}, changed_by=editor)

    after = Forecast.objects.get(pk=forecast.pk)
    assert getattr(after, name) == getattr(before, name)
    assert after.version == before.version


def test_a_resolved_forecast_still_takes_a_reviewer_assignment(editor, reviewer):
    forecast = _resolved(reviewer)
    services.forecast_update(forecast=forecast, data={"reviewer": editor}, changed_by=editor)
    assert Forecast.objects.get(pk=forecast.pk).reviewer == editor


def test_a_correction_changes_the_record_with_a_reason_and_is_audited(reviewer):
    forecast = _resolved(reviewer, probability=0.6)

    corrected = services.forecast_correct(
        forecast=forecast,
        changes={"probability": 0.7, "outcome": Outcome.NO},
        reason="Transcribed the wrong number; misread the table",
        corrected_by=reviewer,
    )

    assert (corrected.probability, corrected.outcome, corrected.status) == (0.7, Outcome.NO, Status.RESOLVED)
    corrections = {c.field: c for c in ForecastCorrection.objects.filter(forecast=forecast)}
    assert set(corrections) == {"probability", "outcome"}
    assert (corrections["probability"].old_value, corrections["probability"].new_value) == ("0.6", "0.7")
    assert corrections["outcome"].corrected_by == reviewer
    record = corrected.history.first()
    assert record.history_change_reason.startswith("Corrected after resolution (probability, outcome): Transcribed")
    assert record.history_user == reviewer


@pytest.mark.parametrize("reason", ["", "  "])
def test_a_correction_needs_a_reason(reviewer, reason):
    forecast = _resolved(reviewer)
    with pytest.raises(ValidationError) as error:
        services.forecast_correct(forecast=forecast, changes={"claim": "x"}, reason=reason, corrected_by=reviewer)
    assert "reason" in error.value.message_dict
    assert not ForecastCorrection.objects.exists()


def test_a_correction_keeps_the_resolution_rules(reviewer):
    forecast = _resolved(reviewer)
    with pytest.raises(ValidationError):
        services.forecast_correct(forecast=forecast, changes={"evidence_url": ""}, reason="r", corrected_by=reviewer)
    with pytest.raises(ValidationError):
        services.forecast_correct(forecast=forecast, changes={"status": "open"}, reason="r", corrected_by=reviewer)
    assert Forecast.objects.get(pk=forecast.pk).evidence_url == EVIDENCE


def test_only_a_resolved_forecast_is_corrected(reviewer):
    with pytest.raises(services.ForecastConflict):
        services.forecast_correct(forecast=ForecastFactory(), changes={"claim": "x"}, reason="r", corrected_by=reviewer)


def test_a_correction_on_a_stale_version_is_refused(reviewer):
    forecast = _resolved(reviewer)
    with pytest.raises(services.ForecastConflict):
        services.forecast_correct(
            forecast=forecast, changes={"claim": "x"}, reason="r", corrected_by=reviewer, expected_version=1
        )


@pytest.mark.parametrize("reason", ["", "   "])
def test_snooze_needs_a_reason_like_unresolve_and_correct(editor, reason):
    forecast = ForecastFactory()
    with pytest.raises(ValidationError) as error:
        services.forecast_snooze(
            forecast=forecast,
            review_on=datetime.date.today() + datetime.timedelta(days=3),
            reason=reason,
            snoozed_by=editor,
        )
    assert "reason" in error.value.message_dict


@race_test
def test_a_concurrent_tag_get_or_create_returns_the_tag_that_won():
    results = race(
        lambda: services.tags_get_or_create(names=["kelvin"])[0],
        lambda: services.tags_get_or_create(names=["\u212aelvin"])[0],
    )
    assert results["first"].pk == results["second"].pk
    assert Tag.objects.count() == 1


def _create(**overrides):
    source = SourceFactory()
    data = {
        "source": source,
        "author": AuthorFactory(),
        "quote": "Growth will likely resume.",
        "claim": "GDP growth in 2023 is above zero",
        "deadline": datetime.date(2023, 12, 31),
        "resolution_criteria": "Bank of Korea estimate",
        "probability": 0.675,
        "estimative_phrase": "will likely",
    }
    data.update(overrides)
    return services.forecast_create(**data)


@pytest.mark.parametrize(
    ("probability", "message"),
    [
        (0.0, "from 0.001 to 0.999"),
        (1.0, "from 0.001 to 0.999"),
        (-0.1, "from 0.001 to 0.999"),
        (1.5, "from 0.001 to 0.999"),
        (math.nan, "from 0.001 to 0.999"),
    ],
)
def test_service_explains_bad_probability(probability, message):
    with pytest.raises(ValidationError) as excinfo:
        _create(probability=probability)
    assert message in str(excinfo.value)
    assert Forecast.objects.count() == 0


def test_service_explains_deadline_before_made_on():
    with pytest.raises(ValidationError) as excinfo:
        _create(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2022, 1, 1))
    assert "deadline cannot be before" in str(excinfo.value)


def test_review_date_defaults_to_deadline():
    forecast = _create()
    assert forecast.review_on == datetime.date(2023, 12, 31)
    assert forecast.made_on == forecast.source.published_on


def test_words_without_number_are_unscored():
    forecast = _create(probability=None, estimative_phrase="may")
    assert forecast.probability_basis == ProbabilityBasis.NONE


def test_every_change_is_kept_in_history():
    forecast = _create()
    services.forecast_update(forecast=forecast, data={"claim": "GDP growth in 2023 is above 1%"})
    claims = [h.claim for h in forecast.history.order_by("history_date")]
    assert claims == ["GDP growth in 2023 is above zero", "GDP growth in 2023 is above 1%"]
