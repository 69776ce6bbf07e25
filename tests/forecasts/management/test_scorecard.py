import csv
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

from forecasts.models import Outcome, ProbabilityBasis, Status
from tests.factories import AuthorFactory, ForecastFactory

pytestmark = pytest.mark.django_db

TOLERANCE = 1e-12
# Probabilities on and around the ten-bin edges, with a mixture of outcomes.
DATA = {
    "Ada": [(0.1, 0), (0.2, 0), (0.3, 1), (0.5, 1), (0.5, 0), (0.7, 1), (0.675, 1), (0.97, 1), (0.03, 0)],
    "Bo": [(0.325, 0), (0.675, 0), (0.9, 1), (0.6, 1), (0.45, 0)],
}


@pytest.fixture
def resolved():
    for name, pairs in DATA.items():
        author = AuthorFactory(name=name)
        for p, o in pairs:
            ForecastFactory(
                author=author,
                probability=p,
                status=Status.RESOLVED,
                outcome=Outcome.YES if o else Outcome.NO,
                resolved_at=timezone.now(),
            )
        ForecastFactory(author=author, probability=None, probability_basis=ProbabilityBasis.NONE)


def run(*args):
    out = io.StringIO()
    call_command("scorecard", *args, stdout=out)
    return out.getvalue()


def assert_agrees_with_sklearn(obj, pairs, n_bins=10):
    probabilities = [p for p, _ in pairs]
    outcomes = [o for _, o in pairs]
    assert obj["brier"] == pytest.approx(brier_score_loss(outcomes, probabilities), abs=TOLERANCE)
    assert obj["log_loss"] == pytest.approx(log_loss(outcomes, probabilities, labels=[0, 1]), abs=TOLERANCE)
    prob_true, prob_pred = calibration_curve(outcomes, probabilities, n_bins=n_bins, strategy="uniform")
    non_empty = [row for row in obj["calibration"] if row["n"]]
    assert [row["observed_frequency"] for row in non_empty] == pytest.approx(list(prob_true), abs=TOLERANCE)
    assert [row["mean_probability"] for row in non_empty] == pytest.approx(list(prob_pred), abs=TOLERANCE)
    d = obj["decomposition"]
    total = d["reliability"] - d["resolution"] + d["uncertainty"] + d["within_bin_variance"]
    assert total - d["within_bin_covariance"] == pytest.approx(obj["brier"], abs=TOLERANCE)


def test_json_overall_agrees_with_sklearn(resolved):
    obj = json.loads(run("--format", "json"))

    assert obj["group"] is None
    assert obj["counts"]["scored"] == 14
    assert obj["counts"]["total"] == 16
    assert len(obj["calibration"]) == 10
    assert_agrees_with_sklearn(obj, DATA["Ada"] + DATA["Bo"])


@pytest.mark.parametrize("bins", ["5", "10", "20"])
def test_json_by_author_agrees_with_sklearn_per_author(resolved, bins):
    objects = json.loads(run("--by", "author", "--format", "json", "--bins", bins))

    assert [obj["group"]["label"] for obj in objects] == ["Ada", "Bo"]
    for obj in objects:
        assert obj["group"]["by"] == "author"
        assert len(obj["calibration"]) == int(bins)
        assert_agrees_with_sklearn(obj, DATA[obj["group"]["label"]], int(bins))


def test_text_reads_as_x_of_y_came_true(resolved):
    text = run("--by", "author")

    assert "Author: Ada" in text
    assert "Brier score" in text
    # Bin 0.40-0.50 holds Ada's two 50% forecasts (0.5 sits on an edge, so it goes to the lower bin).
    assert "0.40-0.50     2   0.500     1 of 2" in text


def test_csv_has_a_row_per_group_and_bin(resolved):
    rows = list(csv.DictReader(io.StringIO(run("--by", "author", "--format", "csv", "--bins", "4"))))

    assert len(rows) == 2 * 4
    ada = [row for row in rows if row["group_label"] == "Ada"]
    assert sum(int(row["bin_n"]) for row in ada) == len(DATA["Ada"])
    assert float(ada[0]["brier"]) == pytest.approx(
        brier_score_loss([o for _, o in DATA["Ada"]], [p for p, _ in DATA["Ada"]])
    )


def test_empty_database_prints_nulls(db):
    obj = json.loads(run("--format", "json"))

    assert obj["brier"] is None
    assert "No scored forecasts yet" in run()


def test_rejects_zero_bins(db):
    with pytest.raises(CommandError):
        run("--bins", "0")


def test_rejects_more_bins_than_the_pages_and_the_api_allow(db):
    with pytest.raises(CommandError, match="between 1 and 100"):
        run("--bins", "101")
    assert "No scored forecasts yet" in run("--bins", "100")


@pytest.mark.parametrize("output_format", ["json", "csv"])
def test_numbers_print_without_binary_rounding_noise(output_format):
    """0.1 and 0.2 average to 0.15000000000000002 in binary floating point; the output says 0.15."""
    for p, o in ((0.1, 1), (0.2, 0)):
        ForecastFactory(
            probability=p, status=Status.RESOLVED, outcome=Outcome.YES if o else Outcome.NO, resolved_at=timezone.now()
        )
    text = run("--format", output_format, "--bins", "1")
    if output_format == "json":
        row = json.loads(text)["calibration"][0]
    else:
        row = {key.removeprefix("bin_"): value for key, value in next(csv.DictReader(io.StringIO(text))).items()}
    assert str(row["mean_probability"]) == "0.15"
    assert str(row["observed_frequency"]) == "0.5"
    numbers = [float(n) for n in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", text)]
    assert numbers
    assert all(n == float(f"{n:.15g}") for n in numbers)


def test_slice_options_narrow_the_scorecard_like_a_hand_computation(db):
    import datetime

    author = AuthorFactory(name="Cy")
    rows = [(0.8, 1, 2020, 100), (0.3, 0, 2020, 500), (0.6, 0, 2021, 100), (0.9, 1, 2021, 2000)]
    for p, o, year, horizon in rows:
        made_on = datetime.date(year, 2, 1)
        ForecastFactory(
            author=author,
            probability=p,
            status=Status.RESOLVED,
            outcome=Outcome.YES if o else Outcome.NO,
            resolved_at=timezone.now(),
            made_on=made_on,
            deadline=made_on + datetime.timedelta(days=horizon),
        )

    made_2020 = json.loads(run("--format", "json", "--made-year", "2020"))
    short = json.loads(run("--format", "json", "--horizon", "lt6m"))

    assert made_2020["counts"]["scored"] == 2
    assert made_2020["brier"] == pytest.approx(((0.8 - 1) ** 2 + 0.3**2) / 2, abs=TOLERANCE)
    assert short["counts"]["scored"] == 2
    assert short["brier"] == pytest.approx(((0.8 - 1) ** 2 + 0.6**2) / 2, abs=TOLERANCE)


def test_forecasts_resolved_early_wait_unless_included(db):
    import datetime

    ForecastFactory(
        probability=0.9,
        status=Status.RESOLVED,
        outcome=Outcome.YES,
        resolved_at=timezone.now(),
        deadline=datetime.date(2030, 12, 31),
    )

    default = json.loads(run("--format", "json"))
    included = json.loads(run("--format", "json", "--include-early"))

    assert (default["counts"]["scored"], default["counts"]["waiting"], default["brier"]) == (0, 1, None)
    assert (included["counts"]["scored"], included["counts"]["waiting"]) == (1, 0)
    assert "1 resolved early, counted at the deadline" in run()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--horizon", "5y"], "--horizon: '5y' is not one of: lt6m, 6-12m, 1-3y, gt3y."),
        (["--basis", "gut"], "stated, phrase, analyst, none"),
        (["--made-from", "2020-02-30"], "--made-from"),
        (["--tag", "nowhere"], "--tag: no tag named 'nowhere'"),
    ],
)
def test_bad_slice_options_are_command_errors_with_the_choices(db, args, words):
    with pytest.raises(CommandError, match=re.escape(words)):
        run(*args)


def test_every_format_carries_the_relative_brier_against_the_reference(db):
    import numpy as np

    author = AuthorFactory(name="Cy")
    rows = [(0.8, 1, 0.6), (0.3, 0, 0.5), (0.9, 0, 0.7), (0.6, 1, None)]
    for p, o, r in rows:
        ForecastFactory(
            author=author,
            probability=p,
            status=Status.RESOLVED,
            outcome=Outcome.YES if o else Outcome.NO,
            resolved_at=timezone.now(),
            reference_probability=r,
            reference_source="crowd" if r is not None else "",
        )
    with_reference = np.array([(p, o, r) for p, o, r in rows if r is not None])
    p, o, r = with_reference.T
    expected = float(np.mean((p - o) ** 2 - (r - o) ** 2))

    overall = json.loads(run("--format", "json"))
    (by_author,) = json.loads(run("--by", "author", "--format", "json"))
    table = list(csv.DictReader(io.StringIO(run("--format", "csv"))))
    text = run()

    for obj in (overall, by_author):
        assert obj["relative"]["n"] == 3
        assert obj["relative"]["brier_minus_reference"] == pytest.approx(expected, abs=TOLERANCE)
    assert float(table[0]["relative_brier_minus_reference"]) == pytest.approx(expected, abs=TOLERANCE)
    assert "on the 3 forecasts with one" in text
