"""The benchmark's measurements run end to end on a tiny table (no timings are checked: those
belong to `python -m benchmarks.run`, see docs/performance.md)."""

import pytest

from benchmarks import baselines, measure, synthetic
from benchmarks.run import Report, database_urls
from forecasts import scorecards

pytestmark = pytest.mark.django_db


@pytest.fixture
def bench_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.REMINDER_HEADS_UP_DAYS = 0
    settings.REMINDER_REPEAT_DAYS = 7


def test_every_measurement_runs_and_reports_on_a_small_table(bench_settings):
    report = Report()
    measure.list_pages_and_scale(report, n=300, small=100, authors=20, repeat=1)
    measure.scorecards(report, repeat=1, naive=True)
    measure.flagging(report, n=200, repeat=1, due=10, small_open=100)
    measure.reminders(report, sizes=((2, 4), (4, 4), (4, 8)))
    names = [row[0] for row in report.rows]
    # pages; scorecards (overall, by author, three slices of each, the naive two); flagging; reminders
    assert len(names) == 4 + 10 + 1 + 2
    assert len({sizes["planning_queries"] for sizes in report.data["reminders"].values()}) == 1
    assert all(row[1] for row in report.rows)
    table = report.table()
    assert table.count("\n") == len(report.rows) + 1 and "scorecard by author vs numpy floor" in table
    pages = report.data["pages"]
    assert pages["small"].keys() == pages["large"].keys()


def test_the_floor_computes_the_scorecards_numbers(bench_settings):
    authors, publications = synthetic.ensure_people(authors=5)
    sources = synthetic.add_sources(3, publications)
    synthetic.add_forecasts(400, author_ids=authors, source_ids=sources)
    author_keys, floor = baselines.floor_by_author()
    cards = {int(card.group.key): card for card in scorecards.scorecards_by("author")}
    for index, author in enumerate(author_keys):
        scores = cards[int(author)].scores
        assert floor["brier"][index] == pytest.approx(scores.brier, rel=1e-12)
        assert floor["log_loss"][index] == pytest.approx(scores.log_loss, rel=1e-12)
        assert floor["bin_n"][index].tolist() == [b.n for b in scores.calibration]


def test_only_databases_named_bench_are_used(monkeypatch):
    monkeypatch.setenv("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hindsight")
    with pytest.raises(SystemExit, match="must contain 'bench'"):
        database_urls("postgres")
