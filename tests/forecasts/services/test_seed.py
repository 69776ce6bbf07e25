import json

import pytest
from django.core.management import call_command

from forecasts.models import Forecast, Outcome, ProbabilityBasis, Status
from forecasts.services import SEED_FILE
from sources.models import Source

pytestmark = pytest.mark.django_db

SEED = json.loads(SEED_FILE.read_text(encoding="utf-8"))
# ICD 203 bands (sources/scales.py): the probability must sit in the band its words give.
BANDS = {
    "will likely": (0.55, 0.80),
    "remains unlikely": (0.20, 0.45),
    "will": (0.95, 0.99),
    "will not": (0.01, 0.05),
}


def test_load_seed_records_the_article_and_every_curated_forecast():
    call_command("load_seed")
    source = Source.objects.get()
    assert source.title == "Russia, China bring North Korea in from the cold"
    assert [a.name for a in source.authors.all()] == ["Benjamin Katzeff Silberstein"]
    assert source.publication.name == "East Asia Forum"
    assert "Asia Times" in source.note
    assert source.published_on.year == 2023 and source.published_on.month == 1
    assert source.forecasts.count() == len(SEED["forecasts"]) == 15


def test_seed_quotes_are_verbatim_and_probabilities_in_their_band():
    call_command("load_seed")
    source = Source.objects.get()
    for forecast in source.forecasts.all():
        assert forecast.quote in source.text, forecast.quote
        assert forecast.resolution_criteria
        assert forecast.deadline >= forecast.made_on
        if forecast.probability is None:
            assert forecast.probability_basis == ProbabilityBasis.NONE
        else:
            low, high = BANDS[forecast.estimative_phrase]
            assert low <= forecast.probability <= high, forecast.claim


def test_seed_keeps_curly_quotes_and_non_breaking_spaces():
    call_command("load_seed")
    quotes = set(Forecast.objects.values_list("quote", flat=True))
    assert any("\u00a0" in q for q in quotes)
    assert any("\u2019" in q for q in quotes)


def test_seed_loads_resolvable_forecasts_unresolved_and_the_rest_annulled():
    call_command("load_seed")
    annulled = Forecast.objects.filter(outcome=Outcome.ANNULLED)
    assert annulled.count() == 6
    assert all(f.resolution_note.startswith("Not resolvable") for f in annulled)
    unresolved = Forecast.objects.exclude(status=Status.RESOLVED)
    assert unresolved.count() == 9
    assert not unresolved.exclude(outcome=None).exists()


def test_seed_holds_no_caption_bio_or_republication_note():
    call_command("load_seed")
    for forecast in Forecast.objects.all():
        for not_a_forecast in ("Photo:", "Image:", "is Associate Fellow", "republished with permission"):
            assert not_a_forecast not in forecast.quote


def test_load_seed_twice_changes_nothing():
    call_command("load_seed")
    before = list(Forecast.objects.order_by("id").values())
    history_before = Forecast.history.count()
    call_command("load_seed")
    assert list(Forecast.objects.order_by("id").values()) == before
    assert Source.objects.count() == 1
    assert Forecast.history.count() == history_before


def test_load_seed_with_outcomes_resolves_from_the_evidence_once():
    call_command("load_seed", with_outcomes=True)
    resolved = Forecast.objects.exclude(outcome=Outcome.ANNULLED).filter(status=Status.RESOLVED)
    assert resolved.count() == 8
    assert all(f.evidence_url.startswith("http") and f.resolution_note for f in resolved)
    assert Forecast.objects.get(claim__startswith="North Korea conducts a nuclear explosive test").outcome == Outcome.NO
    # The 2025 growth claim waits for the Bank of Korea's estimate.
    assert Forecast.objects.unresolved().count() == 1
    history = Forecast.history.count()
    call_command("load_seed", with_outcomes=True)
    assert Forecast.history.count() == history
