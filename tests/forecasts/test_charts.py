import ast
import pathlib

from forecasts import charts, scoring


def test_the_plot_maps_probability_zero_to_the_left_and_bottom_and_one_to_the_right_and_top():
    assert charts._x(0.0) == charts.PLOT_LEFT
    assert charts._x(1.0) == charts.PLOT_LEFT + charts.PLOT_SIZE
    assert charts._y(0.0) == charts.PLOT_TOP + charts.PLOT_SIZE
    assert charts._y(1.0) == charts.PLOT_TOP


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


def test_ticks_every_twenty_percent_and_bin_edges_inside_the_plot():
    chart = charts.reliability_chart(scoring.score([(0.3, 1)], n_bins=10))
    assert [t.label for t in chart["ticks"]] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert len(chart["edges"]) == 9
    assert all(chart["left"] < x < chart["right"] for x in chart["edges"])


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
