"""The load test's pure parts and its wrk script (no timings are checked: the numbers belong to
`python -m benchmarks.load`, see docs/performance.md)."""

import datetime
import http.server
import shutil
import threading
from argparse import Namespace

import pytest

from benchmarks import load
from forecasts import transfer

REPORT = (
    'WRK_REPORT_JSON {"requests": 12000, "duration_s": 60.000, "bytes": 1000, "requests_per_s": 200.00, '
    '"errors": {"connect": 0, "read": 1, "write": 0, "timeout": 2, "wrk_status": 3, "not_200": 4, '
    '"status_3xx": 1, "status_4xx": 0, "status_5xx": 3, "first_bad_status": 302}, '
    '"latency_us": {"p50": 150000, "p90": 250000, "p99": 400000, "max": 900000, "mean": 160000.0, "stdev": 5.0}}'
)


def wrk_output(report: str = REPORT) -> str:
    return f"Running 1m test @ http://127.0.0.1:1/\n  2 threads and 32 connections\n{report}\n"


def test_the_report_counts_socket_errors_timeouts_and_every_answer_other_than_200():
    report = load.parse_wrk_report(wrk_output())
    assert report["requests"] == 12000
    assert report["latency_us"]["p99"] == 400000
    # wrk's own status count (> 399) is already inside not_200, so it is not added again.
    assert report["errors"]["total"] == 1 + 2 + 4


@pytest.mark.parametrize("output", ["no report at all\n", wrk_output() + REPORT + "\n"])
def test_a_missing_or_doubled_report_is_an_error(output):
    with pytest.raises(ValueError, match="WRK_REPORT_JSON"):
        load.parse_wrk_report(output)


def test_a_target_fails_on_any_error_or_too_few_requests():
    clean = load.parse_wrk_report(wrk_output(REPORT.replace('"read": 1', '"read": 0')))
    clean["errors"].update(timeout=0, not_200=0, total=0)
    short = {**clean, "requests": 9999}
    problems = load.failures({"clean": clean, "short": short, "errors": load.parse_wrk_report(wrk_output())}, 10_000)
    assert problems == [
        "short: 9,999 requests, fewer than 10,000",
        "errors: 7 errors ("
        "{'connect': 0, 'read': 1, 'write': 0, 'timeout': 2, 'wrk_status': 3, 'not_200': 4, 'status_3xx': 1, "
        "'status_4xx': 0, 'status_5xx': 3, 'first_bad_status': 302, 'total': 7})",
    ]


def test_the_table_has_one_row_per_target_in_milliseconds():
    table = load.markdown_table({"API /api/forecasts/": load.parse_wrk_report(wrk_output())})
    lines = table.splitlines()
    assert lines[0] == "| Target | Requests | Errors | Req/s | p50 | p90 | p99 | Max |"
    assert lines[2] == "| API /api/forecasts/ | 12,000 | 7 | 200 | 150.0 ms | 250.0 ms | 400.0 ms | 900.0 ms |"


def test_the_load_data_is_a_valid_import_file_with_resolved_and_open_forecasts():
    today = datetime.date(2026, 11, 28)
    rows = list(load.load_rows(200, authors=7, resolved_share=0.6, today=today))
    count, errors = transfer.check_rows((f"row {i}", row) for i, row in enumerate(rows))
    assert (count, errors) == (200, [])
    statuses = [row["status"] for row in rows]
    assert statuses.count("resolved") == 120 and statuses.count("open") == 80
    open_rows = [row for row in rows if row["status"] == "open"]
    assert all(row["outcome"] is None and datetime.date.fromisoformat(row["review_on"]) > today for row in open_rows)
    assert len({row["author"] for row in rows}) == 7
    assert {row["tags"][0] for row in rows} == set(load.TAGS)


def test_the_admin_target_rejects_the_login_page(monkeypatch):
    target = load.load_targets("token", "session", 3)["admin"]
    assert target.headers == {"Cookie": "sessionid=session"}
    login_page = b'<form id="login-form"><div id="result_list">Imported claim</div></form>'
    monkeypatch.setattr(load, "request", lambda *args, **kwargs: (200, {}, login_page))
    with pytest.raises(SystemExit, match="login-form"):
        load.check_target(1, target)
    changelist = login_page.replace(b"login-form", b"changelist-form")
    monkeypatch.setattr(load, "request", lambda *args, **kwargs: (200, {}, changelist))
    assert load.check_target(1, target) == len(changelist)


def test_the_session_and_csrf_cookies_are_read_from_every_set_cookie_header():
    headers = {
        "set-cookie": [
            "csrftoken=abc; expires=Sat, 27 Nov 2027 02:00:00 GMT; Path=/; SameSite=Lax; Secure",
            "sessionid=xyz; HttpOnly; Path=/; SameSite=Lax; Secure",
        ]
    }
    assert load.cookies_of(headers) == {"csrftoken": "abc", "sessionid": "xyz"}


def test_only_databases_named_load_are_emptied():
    with pytest.raises(SystemExit, match="must contain 'load'"):
        load.main(["--database-url", "postgres://postgres@127.0.0.1:5432/hindsight"])


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b"ok"
        self.send_response(302 if self.path == "/redirect" else 200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_the_wrk_script_counts_a_redirect_as_an_error():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    args = Namespace(wrk=shutil.which("wrk"), connections=2, threads=1, timeout=5)
    try:
        ok = load.run_wrk(url, load.Target("ok", "/ok"), seconds=1, args=args)
        redirect = load.run_wrk(url, load.Target("redirect", "/redirect"), seconds=1, args=args)
    finally:
        server.shutdown()
        server.server_close()
    assert ok["requests"] > 0 and ok["errors"]["total"] == 0
    assert redirect["requests"] > 0
    assert redirect["errors"]["not_200"] == redirect["errors"]["status_3xx"] == redirect["requests"]
    assert redirect["errors"]["first_bad_status"] == 302
    # wrk's own summary would have called every redirect a success.
    assert redirect["errors"]["wrk_status"] == 0


def test_wrk_missing_is_reported_with_how_to_install_it(capsys):
    assert load.main(["--wrk", "/nonexistent/wrk"]) == 2
    assert "apt-get install wrk" in capsys.readouterr().err


def test_the_cpu_table_splits_each_request_between_the_processes():
    report = load.parse_wrk_report(wrk_output())
    report.update(gunicorn_cpu_s=60.0, postgres_cpu_s=24.0, wrk_cpu_s=6.0, machine_cpu_s=120.0, machine_cpu_share=1.0)
    line = load.cpu_table({"API": report}).splitlines()[2]
    # 12,000 requests: 5 ms of gunicorn, 2 of PostgreSQL, 0.5 of wrk and 2.5 of the rest each.
    assert line == "| API | 5.0 ms | 2.0 ms | 0.5 ms | 2.5 ms | 100% |"


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_wrk_stops_once_every_thread_has_its_share_of_the_requests():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    args = Namespace(wrk=shutil.which("wrk"), connections=4, threads=2, timeout=5)
    try:
        report = load.run_wrk(url, load.Target("ok", "/ok"), seconds=600, requests=300, args=args)
    finally:
        server.shutdown()
        server.server_close()
    assert report["requests"] >= 300 and report["errors"]["total"] == 0
    # Interrupted by the quota, not by the 600 s duration (a functional check, not a timing one).
    assert report["duration_s"] < 300
