"""The measurements of benchmarks.run, on the benchmark database Django is set up with."""

from __future__ import annotations

import io
import math
import statistics
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks import baselines, synthetic
from benchmarks.run import Report, paired_ratio, timed
from forecasts import scorecards as scorecard_service
from forecasts import services, slices
from forecasts.models import Event, Forecast, Reminder, ReminderDigest, Status, local_today

LIST_PAGES = {
    "API /api/forecasts/": "/api/forecasts/",
    "API /api/sources/": "/api/sources/",
    "admin forecast changelist": "/admin/forecasts/forecast/",
    "admin changelist, status=resolved": "/admin/forecasts/forecast/?status__exact=resolved",
}
SOURCE_EVERY = 50  # forecasts per synthetic article


def prepare(*, empty: bool = True) -> None:
    call_command("migrate", verbosity=0)
    if empty:
        synthetic.truncate()
    # As in the tests: pages render without collectstatic, and reminder emails stay in memory.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def has_rows(*, n: int, events: int) -> bool:
    """Whether an earlier run left the same rows (for --reuse)."""
    return Forecast.objects.count() == n and Event.objects.count() == events


def link_events(report: Report, *, events: int) -> None:
    start = time.perf_counter()
    synthetic.add_events(events)
    synthetic.analyze()
    report.data["events"] = events
    report.data["link_events_seconds"] = time.perf_counter() - start
    print(f"  linked the forecasts to {events:,} events in {report.data['link_events_seconds']:.1f} s", flush=True)


def _client() -> Client:
    user_model = get_user_model()
    admin = user_model.objects.filter(username="bench-admin").first()
    if admin is None:
        admin = user_model.objects.create_superuser("bench-admin", "bench-admin@example.org", None)
    client = Client()
    client.force_login(admin)
    return client


def _measure_pages(client: Client, repeat: int) -> dict[str, dict]:
    results = {}
    for name, url in LIST_PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        # Counted with a wrapper: request_started empties connection.queries, which the
        # CaptureQueriesContext of the tests relies on.
        queries: list[str] = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            client.get(url)
        times = timed(lambda url=url: client.get(url), repeat)
        results[name] = {"queries": len(queries), "median_ms": 1000 * statistics.median(times)}
    return results


def _add_table(count: int, *, authors: list[int], publications: list[int], seed: int) -> None:
    # At least a few pages of articles, so that the small table already fills a page of /api/sources/.
    sources = synthetic.add_sources(max(500, count // SOURCE_EVERY), publications)
    synthetic.add_forecasts(count, author_ids=authors, source_ids=sources, seed=seed)
    synthetic.analyze()


def list_pages_and_scale(report: Report, *, n: int, small: int, authors: int, repeat: int, pages: bool = True) -> None:
    """The list pages on a small table, then the same pages after growing it to N rows."""
    author_ids, publication_ids = synthetic.ensure_people(authors=authors)
    client = _client()
    start = time.perf_counter()
    _add_table(small, authors=author_ids, publications=publication_ids, seed=1)
    at_small = _measure_pages(client, repeat) if pages else {}
    _add_table(n - small, authors=author_ids, publications=publication_ids, seed=2)
    generated = time.perf_counter() - start
    report.data["generate_seconds"] = generated
    report.data["rows"] = Forecast.objects.count()
    print(f"  generated {report.data['rows']:,} forecasts in {generated:.1f} s", flush=True)
    if not pages:
        return
    at_large = _measure_pages(client, repeat)
    report.data["pages"] = {"small": at_small, "large": at_large}
    for name in LIST_PAGES:
        s, b = at_large[name], at_small[name]
        report.add(
            f"{name}, {n:,} vs {small:,} rows",
            f"{s['median_ms'] / b['median_ms']:.2f}x",
            # Above its exact-count cap the admin paginator adds one query: the planner's estimate.
            "<= 2x, same queries" + (" (+1 plan above 10,000 rows)" if name.startswith("admin") else ""),
            f"{s['median_ms']:.1f} ms vs {b['median_ms']:.1f} ms; queries {s['queries']} vs {b['queries']}",
        )


def _command(*args: str) -> Callable:
    return lambda: call_command("scorecard", *args, stdout=io.StringIO())


def scorecards(report: Report, *, repeat: int, naive: bool) -> None:
    _check_agreement()
    rows = Forecast.objects.scored().count()
    overall = paired_ratio(_command("--format", "json"), baselines.floor_overall, repeat)
    by_author = paired_ratio(_command("--by", "author", "--format", "json"), baselines.floor_by_author, repeat)
    report.data["scorecards"] = {"overall": overall, "by_author": by_author, "scored_rows": rows}
    report.add(
        f"scorecard overall vs numpy floor ({rows:,} scored)",
        f"{overall['ratio']:.2f}x",
        "<= 1.0x",
        f"{overall['subject_ms']:.0f} ms vs {overall['baseline_ms']:.0f} ms",
    )
    report.add(
        "scorecard by author vs numpy floor",
        f"{by_author['ratio']:.2f}x",
        "<= 1.5x",
        f"{by_author['subject_ms']:.0f} ms vs {by_author['baseline_ms']:.0f} ms",
    )
    report.data["scorecards"]["slices"] = {}
    for label, (options, params, where) in _slices().items():
        _check_agreement(params, where)
        slice_overall = paired_ratio(
            _command(*options, "--format", "json"), lambda where=where: baselines.floor_overall(where=where), repeat
        )
        slice_by_author = paired_ratio(
            _command(*options, "--by", "author", "--format", "json"),
            lambda where=where: baselines.floor_by_author(where=where),
            repeat,
        )
        report.data["scorecards"]["slices"][label] = {"overall": slice_overall, "by_author": slice_by_author}
        for kind, result, target in (("overall", slice_overall, "<= 1.0x"), ("by author", slice_by_author, "<= 1.5x")):
            report.add(
                f"scorecard {kind}, {label}, vs numpy floor of the slice",
                f"{result['ratio']:.2f}x",
                target,
                f"{result['subject_ms']:.0f} ms vs {result['baseline_ms']:.0f} ms",
            )
    if not naive:
        return
    for label, function, ours in (
        ("overall", baselines.naive_overall, overall),
        ("by author", baselines.naive_by_author, by_author),
    ):
        (seconds,) = timed(function, 1)
        report.data["scorecards"][f"naive_{label}_ms"] = 1000 * seconds
        report.add(
            f"naive ORM + scikit-learn {label} vs scorecard",
            f"{1000 * seconds / ours['subject_ms']:.0f}x faster",
            ">= 10x",
            f"{1000 * seconds:.0f} ms vs {ours['subject_ms']:.0f} ms",
        )


def _slices() -> dict[str, tuple[list[str], dict[str, str], str]]:
    """Slices measured against the floor of the same rows: label -> (the command's options, the
    same as query parameters, the floor's SQL condition). A year (a quarter of the rows), a month
    (about 2 %) and one author (0.1 %, with 1,000 authors)."""
    author = Forecast.objects.order_by("author_id").values_list("author_id", flat=True).first()
    return {
        "made in 2019": (["--made-year", "2019"], {"made_year": "2019"}, baselines.SLICE_SQL),
        "made in March 2019": (
            ["--made-from", "2019-03-01", "--made-to", "2019-03-31"],
            {"made_from": "2019-03-01", "made_to": "2019-03-31"},
            " AND made_on >= '2019-03-01' AND made_on <= '2019-03-31'",
        ),
        "one author": (["--author", str(author)], {"author": str(author)}, f" AND author_id = {int(author)}"),
    }


def _check_agreement(params: dict[str, str] | None = None, where: str = "") -> None:
    """The floor computes the same numbers: otherwise the comparison would mean nothing."""
    filters = slices.parse(params) if params else slices.DEFAULT
    card = scorecard_service.scorecard(filters=filters)
    floor = baselines.floor_overall(where=where)
    assert card.n == int(floor["n"][0]), (card.n, floor["n"][0])
    if card.n < 2:
        return  # nothing to compare but the count
    for name in ("brier", "log_loss", "ece"):
        ours, theirs = getattr(card.scores, name), float(floor[name][0])
        assert math.isclose(ours, theirs, rel_tol=1e-9), (name, ours, theirs)
    low, high = card.scores.brier_interval
    assert math.isclose(low, float(floor["brier_low"][0]), rel_tol=1e-6), (low, floor["brier_low"][0])
    assert math.isclose(high, float(floor["brier_high"][0]), rel_tol=1e-6), (high, floor["brier_high"][0])
    assert [b.n for b in card.scores.calibration] == floor["bin_n"][0].tolist()


def flagging(report: Report, *, n: int, repeat: int, due: int = 1000, small_open: int = 10_000) -> None:
    """flag_due_forecasts with `due` forecasts reaching review among 10,000 and among N open ones."""
    author_ids, publication_ids = synthetic.ensure_people(authors=10)
    sources = synthetic.add_sources(10, publication_ids)
    today = local_today()
    results = {}
    for open_total in sorted({small_open, n}):
        first, last = synthetic.add_forecasts(
            open_total, author_ids=author_ids, source_ids=sources, status=Status.OPEN, due_count=due, today=today
        )
        synthetic.analyze()
        times = []
        for _ in range(max(3, repeat // 2)):
            start = time.perf_counter()
            moved = services.forecasts_flag_due(today=today)
            times.append(time.perf_counter() - start)
            assert moved == due, moved
            Forecast.objects.filter(pk__range=(first, first + due - 1)).update(status=Status.OPEN)
        results[open_total] = 1000 * statistics.median(times)
        synthetic.delete_forecasts(first, last)
    report.data["flagging_ms"] = results
    small, large = results[small_open], results[max(results)]
    report.add(
        f"flag_due_forecasts, {due:,} due among {max(results):,} vs {small_open:,} open",
        f"{large / small:.2f}x",
        "<= 2x",
        f"{large:.0f} ms vs {small:.0f} ms",
    )


def reminders(report: Report, *, sizes: tuple[tuple[int, int], ...] = ((10, 100), (100, 100), (100, 1000))) -> None:
    """send_review_reminders for growing reviewers and forecasts, in its two parts: planning
    (flag, decide who gets what, write the digests and their reminders) and delivery (one email
    per digest). Planning must cost the same queries at every size; delivery a few per digest."""
    author_ids, publication_ids = synthetic.ensure_people(authors=10)
    sources = synthetic.add_sources(10, publication_ids)
    today = local_today()
    user_model = get_user_model()
    results = {}
    for reviewers, due in sizes:
        reviewer_ids = []
        for i in range(reviewers):
            user, _ = user_model.objects.get_or_create(
                username=f"bench-reviewer-{i}", defaults={"email": f"reviewer{i}@example.org"}
            )
            reviewer_ids.append(user.pk)
        first, last = synthetic.add_forecasts(
            due,
            author_ids=author_ids,
            source_ids=sources,
            status=Status.OPEN,
            due_count=due,
            today=today,
            reviewer_ids=reviewer_ids,
        )
        mail.outbox = []
        # The same steps as services.reminders_send(deliver_now=True), timed and counted apart.
        with CaptureQueriesContext(connection) as planning:
            start = time.perf_counter()
            services.forecasts_flag_due(today=today)
            created = services.reminder_digests_create(today=today, enqueue=False)
            planned_at = time.perf_counter()
        with CaptureQueriesContext(connection) as delivery:
            services.reminder_digests_deliver_pending(deliver_now=True)
            delivered_at = time.perf_counter()
        assert len(created) == reviewers and len(mail.outbox) == reviewers, (len(created), len(mail.outbox))
        results[(reviewers, due)] = {
            "planning_queries": len(planning),
            "delivery_queries": len(delivery),
            "planning_ms": 1000 * (planned_at - start),
            "delivery_ms": 1000 * (delivered_at - planned_at),
        }
        Reminder.objects.all().delete()
        ReminderDigest.objects.all().delete()
        synthetic.delete_forecasts(first, last)
    report.data["reminders"] = {f"{r} reviewers, {d} due": v for (r, d), v in results.items()}
    (small_key, small), *_, (large_key, large) = results.items()
    planning_counts = sorted({r["planning_queries"] for r in results.values()})
    per_digest = (large["delivery_queries"] - small["delivery_queries"]) / (large_key[0] - small_key[0])
    sizes_text = ", ".join(f"{d:,} over {r}: {v['planning_queries']}" for (r, d), v in results.items())
    report.add(
        f"send_review_reminders planning, {large_key[1]:,} due over {large_key[0]} reviewers",
        f"{large['planning_queries']} queries" + ("" if len(planning_counts) == 1 else " (NOT constant)"),
        "same at every size",
        f"{large['planning_ms']:.0f} ms; planning queries at {sizes_text}",
    )
    report.add(
        f"send_review_reminders delivery, {large_key[0]} emails",
        f"{per_digest:.1f} queries per email",
        "none per forecast",
        f"{large['delivery_queries']} queries, {large['delivery_ms']:.0f} ms; {small_key[0]} emails: "
        f"{small['delivery_queries']} queries, {small['delivery_ms']:.0f} ms",
    )
