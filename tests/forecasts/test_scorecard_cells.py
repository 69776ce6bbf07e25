"""The stored calibration cell (a generated column) agrees with the CASE it is generated from,
which is the SQL twin of scoring.bin_index."""

import datetime

import pytest
from django.db.models import F

from forecasts import scoring
from forecasts.models import (
    CELL_DUE,
    CELL_OPEN,
    CELL_UNSCORED,
    Forecast,
    Outcome,
    ProbabilityBasis,
    Status,
    calibration_cell_case,
)
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db

# Inner edges exactly, either side of them at the stored precision, and the ends of the stored
# range (3 * 0.1 = 0.30000000000000004 is stored as 0.3).
PROBABILITIES = [0.001, 0.05, 0.1, 0.1001, 0.2, 0.2999, 0.3, 0.5, 0.7, 0.9, 0.95, 0.999]


def test_stored_cell_is_the_bin_of_scoring_for_scored_forecasts_and_the_state_otherwise():
    now = datetime.datetime.now(datetime.UTC)
    expected = {}
    for p in PROBABILITIES:
        for outcome in (Outcome.YES, Outcome.NO):
            f = ForecastFactory(probability=p, status=Status.RESOLVED, outcome=outcome, resolved_at=now)
            expected[f.pk] = scoring.bin_index(p, scoring.DEFAULT_BINS)
    expected[ForecastFactory(status=Status.OPEN).pk] = CELL_OPEN
    expected[ForecastFactory(status=Status.DUE).pk] = CELL_DUE
    unscored = ForecastFactory(
        probability=None,
        probability_basis=ProbabilityBasis.NONE,
        status=Status.RESOLVED,
        outcome=Outcome.YES,
        resolved_at=now,
    )
    expected[unscored.pk] = CELL_UNSCORED
    stored = dict(Forecast.objects.values_list("pk", "calibration_cell"))
    assert stored == expected


@pytest.mark.parametrize("n_bins", [1, 3, 10, 20])
def test_case_for_any_bin_count_matches_scoring(n_bins):
    now = datetime.datetime.now(datetime.UTC)
    for p in PROBABILITIES:
        ForecastFactory(probability=p, status=Status.RESOLVED, outcome=Outcome.YES, resolved_at=now)
    rows = Forecast.objects.annotate(cell=calibration_cell_case(n_bins)).values_list("probability", "cell")
    assert {p: cell for p, cell in rows} == {p: scoring.bin_index(p, n_bins) for p in PROBABILITIES}
    if n_bins == scoring.DEFAULT_BINS:
        assert not Forecast.objects.annotate(cell=calibration_cell_case(n_bins)).exclude(cell=F("calibration_cell"))
