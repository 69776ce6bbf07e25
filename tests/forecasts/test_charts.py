import ast
import pathlib

import pytest

from forecasts import charts, scoring


def test_probability_zero_and_one_map_inside_the_plot_by_the_largest_dot_s_radius():
    frame = charts.plot_box()
    assert charts._x(0.0) - charts.MAX_RADIUS > frame.left
    assert charts._x(1.0) + charts.MAX_RADIUS < frame.right
    assert charts._y(0.0) + charts.MAX_RADIUS < frame.bottom
    assert charts._y(1.0) - charts.MAX_RADIUS > frame.top
    # One scale on both axes, so the frame's corner-to-corner diagonal is the line y = x.
    assert charts._x(1.0) - charts._x(0.0) == charts._y(0.0) - charts._y(1.0)
    assert charts._x(0.0) - frame.left == frame.bottom - charts._y(0.0)


def test_one_point_per_non_empty_bin_at_its_mean_probability_and_frequency():
    scores = scoring.score([(0.15, 1), (0.15, 0), (0.85, 1)], n_bins=10)
    chart = charts.reliability_chart(scores)
    assert [(p.n, p.came_true) for p in chart["points"]] == [(2, 1), (1, 1)]
    low, high = chart["points"]
    assert low.x == charts._x(0.15) and low.y == charts._y(0.5)
    assert high.y == charts._y(1.0)
    # The larger bin draws the larger dot; the dot at the top edge puts its label below it.
    assert low.radius > high.radius
    assert high.label_y > high.y
    assert (low.label, high.label) == ("1/2", "1/1")


def test_ticks_every_twenty_percent_and_bin_edges_inside_the_plot():
    chart = charts.reliability_chart(scoring.score([(0.3, 1)], n_bins=10))
    assert [t.label for t in chart["ticks"]] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert len(chart["edges"]) == 9
    assert all(chart["left"] < x < chart["right"] for x in chart["edges"])


def _extreme_record(per_bin: int) -> scoring.Scores:
    """Dots at 0% and at 100% (some came true, some did not) and a full bin in between."""
    pairs = []
    for p, outcome in [(0.0, 0), (0.0, 0), (0.0, 1), (1.0, 1), (1.0, 1), (1.0, 0)]:
        pairs += [(p, outcome)] * per_bin
    for tenth in range(1, 9):
        p = tenth / 10 + 0.05
        pairs += [(p, 1)] * round(per_bin * p) + [(p, 0)] * round(per_bin * (1 - p))
    return scoring.score(pairs, n_bins=10)


def _flat_record(per_bin: int) -> scoring.Scores:
    """Every bin came true half the time: ten dots in a row, 28 units apart."""
    pairs = []
    for tenth in range(10):
        pairs += [(tenth / 10 + 0.05, 1), (tenth / 10 + 0.05, 0)] * (per_bin // 2)
    return scoring.score(pairs, n_bins=10)


def test_dots_at_zero_and_one_hundred_percent_are_drawn_whole_inside_the_plot():
    chart = charts.reliability_chart(_extreme_record(per_bin=40))
    frame = charts.plot_box()
    corners = [p for p in chart["points"] if p.mean_probability in (0.0, 1.0)]
    assert {(p.mean_probability, p.observed_frequency) for p in corners} == {(0.0, 1 / 3), (1.0, 2 / 3)}
    assert all(p.box.inside(frame) for p in chart["points"])


def test_a_dot_that_came_true_always_or_never_at_0_or_100_percent_stays_inside():
    chart = charts.reliability_chart(scoring.score([(0.0, 0)] * 50 + [(1.0, 1)] * 50 + [(0.0, 1), (1.0, 0)], n_bins=10))
    assert {(p.mean_probability, round(p.observed_frequency, 2)) for p in chart["points"]} == {(0.0, 0.02), (1.0, 0.98)}
    assert all(p.box.inside(charts.plot_box()) for p in chart["points"])
    only_zero = charts.reliability_chart(scoring.score([(0.0, 0)] * 5, n_bins=10))["points"][0]
    assert only_zero.box.inside(charts.plot_box()) and only_zero.y == charts._y(0.0)


@pytest.mark.parametrize("record", [_extreme_record, _flat_record])
@pytest.mark.parametrize("per_bin", [2, 10, 40, 1_000, 12_000])
def test_count_labels_stay_in_the_plot_and_clear_of_each_other_and_of_every_dot(record, per_bin):
    chart = charts.reliability_chart(record(per_bin=per_bin))
    labelled = [p for p in chart["points"] if p.label_box is not None]
    # With every bin filled, most labels find a place (the table below the chart has them all).
    assert len(labelled) >= len(chart["points"]) - 2
    boxes = [p.label_box for p in labelled]
    assert all(box.inside(charts.plot_box()) for box in boxes)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]
    assert not [(box, p) for box in boxes for p in chart["points"] if box.overlaps(p.box)]


def test_crowded_labels_would_overlap_if_they_all_sat_above_their_dots():
    # The case the placement exists for: ten dots in a row, 28 units apart, with long counts.
    chart = charts.reliability_chart(_flat_record(per_bin=12_000))
    naive = [charts._label_box(p.label, p.x, p.y - p.radius - 6) for p in chart["points"]]
    assert any(a.overlaps(b) for i, a in enumerate(naive) for b in naive[i + 1 :])


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0"), (999, "999"), (1000, "1k"), (1234, "1.2k"), (9_950, "9.9k"), (95_034, "95k"), (1_250_000, "1.2M")],
)
def test_counts_on_the_dots_are_compact(n, text):
    assert charts.compact_count(n) == text


def test_too_many_bins_draw_no_edge_lines():
    assert charts.reliability_chart(scoring.score([(0.3, 1)], n_bins=50))["edges"] == []


def test_an_empty_record_draws_no_points():
    assert charts.reliability_chart(scoring.score([], n_bins=10))["points"] == []


def test_the_chart_module_imports_nothing_from_django():
    tree = ast.parse(pathlib.Path(charts.__file__).read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names} | {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert not any(name.startswith("django") for name in imported)
