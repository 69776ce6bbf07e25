"""The production command (`gunicorn -c config/gunicorn.py config.wsgi`) with only DEBUG=0, SECRET_KEY
and ALLOWED_HOSTS set: HTTPS redirect, security headers, secure cookies, static files, JSON logs."""

import gzip
import json
import re
import time
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from .conftest import ADMIN_PASSWORD
from .deployment import BEHIND_TLS, HOST, Gunicorn, production_env

pytestmark = pytest.mark.slow

SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def cookies_set(headers) -> SimpleCookie:
    jar = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return jar


def test_plain_http_is_redirected_to_https(production_site):
    status, headers, _ = production_site.request("GET", "/admin/login/?next=/admin/")
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/admin/login/?next=/admin/"


def test_health_check_answers_plain_http_probes_and_is_never_cached(production_site):
    status, headers, body = production_site.request("GET", "/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "database": "ok"}
    assert "no-store" in headers["Cache-Control"]


@pytest.mark.parametrize("path", ["/admin/login/", "/scorecards/", "/api/scorecards/", "/healthz"])
def test_security_headers_on_every_answer(production_site, path):
    status, headers, _ = production_site.request("GET", path, headers=BEHIND_TLS)
    assert status == 200
    assert {name: headers[name] for name in SECURITY_HEADERS} == SECURITY_HEADERS


def test_csrf_cookie_is_secure(production_site):
    _, headers, _ = production_site.request("GET", "/admin/login/", headers=BEHIND_TLS)
    csrf = cookies_set(headers)["csrftoken"]
    assert csrf["secure"]
    assert csrf["samesite"] == "Lax"


def _login(site: Gunicorn, password: str):
    _, headers, body = site.request("GET", "/admin/login/", headers=BEHIND_TLS)
    csrf_cookie = cookies_set(headers)["csrftoken"].value
    form_token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    return site.request(
        "POST",
        "/admin/login/?next=/admin/",
        headers={
            **BEHIND_TLS,
            "Cookie": f"csrftoken={csrf_cookie}",
            "Origin": f"https://{HOST}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body=f"csrfmiddlewaretoken={form_token}&username=admin&password={password}&next=/admin/",
    )


def test_signing_in_sets_a_secure_http_only_session_cookie(production_site):
    status, headers, _ = _login(production_site, ADMIN_PASSWORD)
    assert status == 302, headers
    session = cookies_set(headers)["sessionid"]
    assert session.value
    assert session["secure"]
    assert session["httponly"]


def test_a_wrong_password_sets_no_session(production_site):
    status, headers, _ = _login(production_site, "not-the-password")
    assert status == 200  # the form again, with an error
    assert "sessionid" not in cookies_set(headers)


def test_static_files_are_served_by_whitenoise_with_hashed_names(production_site):
    _, _, page = production_site.request("GET", "/admin/login/", headers=BEHIND_TLS)
    # The page links the hashed name from collectstatic's manifest, not admin/css/base.css.
    url = re.search(rb'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', page).group(1).decode()
    collected = Path(production_site.env["STATIC_ROOT"]) / url.removeprefix("/static/")

    status, headers, body = production_site.request("GET", url, headers=BEHIND_TLS)
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert body == collected.read_bytes()
    # A hashed name never changes content, so browsers and CDNs may keep it for good.
    assert "immutable" in headers["Cache-Control"]

    status, headers, body = production_site.request("GET", url, headers={**BEHIND_TLS, "Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == collected.read_bytes()


def test_an_unknown_static_file_is_404(production_site):
    status, _, _ = production_site.request("GET", "/static/admin/css/missing.css", headers=BEHIND_TLS)
    assert status == 404


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def test_gunicorn_logs_are_json_lines(production_site):
    production_site.request("GET", "/healthz?probe=log-test")
    # gunicorn writes the access line after the response has gone out.
    deadline = time.monotonic() + 10
    while "probe=log-test" not in production_site.log() and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = [line for line in production_site.log().splitlines() if line.strip()]
    # Every line, gunicorn's and Django's alike.
    assert [line for line in lines if not _is_json_object(line)] == []
    records = [json.loads(line) for line in lines]
    assert all({"timestamp", "level", "logger", "message"} <= record.keys() for record in records)
    access = [r for r in records if r["logger"] == "gunicorn.access" and r.get("query") == "probe=log-test"]
    assert len(access) == 1
    assert access[0]["method"] == "GET"
    assert access[0]["path"] == "/healthz"
    assert access[0]["status"] == "200"
    assert isinstance(access[0]["duration_ms"], int)
    assert any(r["logger"] == "gunicorn.error" and "Booting worker" in r["message"] for r in records)


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(tmp_path):
    """gunicorn decides which peers may claim HTTPS (FORWARDED_ALLOW_IPS), and Django does not trust
    the header on its own (BEHIND_HTTPS_PROXY is off): a client reaching gunicorn directly cannot
    skip the redirect."""
    site = Gunicorn(production_env(tmp_path, FORWARDED_ALLOW_IPS="192.0.2.10"), tmp_path / "gunicorn.log").start()
    try:
        status, headers, _ = site.request("GET", "/admin/login/", headers=BEHIND_TLS)
    finally:
        site.stop()
    assert status == 301
    assert headers["Location"].startswith("https://")
