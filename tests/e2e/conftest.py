"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Chromium comes from the system package (`apt-get install chromium`), never from a Playwright
download. Without it these tests skip, unless HINDSIGHT_E2E_REQUIRED=1 (as in CI), where a
missing browser is a failure: CI must never pass by silently skipping the browser.

Every test saves PNG screenshots of its key steps, and of the page when it fails, to
E2E_ARTIFACTS_DIR (default: var/test-artifacts/e2e under HINDSIGHT_VAR_DIR), one folder per test.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import override_settings
from playwright.sync_api import expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Generous for a loaded CI machine; an assertion that holds returns as soon as it holds.
TIMEOUT_MS = 15_000


def artifacts_root() -> Path:
    return Path(os.environ.get("E2E_ARTIFACTS_DIR") or settings.VAR_DIR / "test-artifacts" / "e2e")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test, so the page fixture knows whether to save a
    # screenshot of the failure.
    report = yield
    setattr(item, f"e2e_report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an asyncio loop marked as running in the test's thread, so
    Django refuses ORM calls there (SynchronousOnlyOperation). The tests set up and check data
    between browser steps, one call at a time in one thread, which is what the check is for;
    allow it for these tests only."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, started on plain HTTP.

    The server builds its middleware once, when it starts, so the per-test settings of
    tests/conftest.py come too late for SecurityMiddleware: without this, the production
    default SECURE_SSL_REDIRECT would send the browser to https://localhost, where nothing
    listens."""
    addr = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    with override_settings(SECURE_SSL_REDIRECT=False):
        server = LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests"
        if os.environ.get("HINDSIGHT_E2E_REQUIRED") == "1":
            pytest.fail(f"{reason} (HINDSIGHT_E2E_REQUIRED=1: the browser tests must run)", pytrace=False)
        pytest.skip(reason)
    expect.set_options(timeout=TIMEOUT_MS)
    # One Playwright per test: while it runs its loop blocks the ORM in this thread (see above),
    # so it must not outlive the test into the rest of the suite.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While the loop runs, Django's connection handler (asgiref's context-local storage)
        # hands the test a connection of its own; close it here, in that same context, or it
        # outlives the test (PostgreSQL then refuses to drop the test database).
        connections.close_all()


@pytest.fixture
def artifacts_dir(request) -> Path:
    folder = artifacts_root() / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)  # screenshots of an earlier run would mislead
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def page(request, browser, live_server, transactional_db, artifacts_dir):
    """A fresh browser context on the live server. Fails the test on any static file or page
    that did not load (an unstyled page would otherwise pass) and on JavaScript errors."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = []
    # The browser asks for /favicon.ico on its own; Hindsight has none, and no page links one.
    page.on(
        "response",
        lambda r: (
            problems.append(f"HTTP {r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    # ERR_ABORTED is the browser cancelling a request itself, e.g. an icon still loading when
    # the test navigates away; a request the server failed shows up as a response or another error.
    page.on(
        "requestfailed",
        lambda r: problems.append(f"failed {r.url}: {r.failure}") if r.failure != "net::ERR_ABORTED" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    yield page
    report = getattr(request.node, "e2e_report_call", None)
    if report is None or report.failed:
        page.screenshot(path=artifacts_dir / "failure.png", full_page=True)
    context.close()
    assert not problems, f"the browser saw errors: {problems}"


@pytest.fixture
def screenshot(page, artifacts_dir):
    """screenshot("resolved") saves NN-resolved.png of the whole page, numbered in step order."""
    taken = []

    def take(name: str) -> Path:
        taken.append(name)
        path = artifacts_dir / f"{len(taken):02d}-{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take
