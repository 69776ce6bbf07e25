"""Every link goes somewhere, in the browser: signed in as an editor and as a reviewer (each added
by invitation, as the README does), follow every same-site link reachable in the admin, open each
link that leaves it once (the scorecards, the API, "View site"), and fail on any 404 or server
error. The page fixture also fails on any static file or request that did not load on the way.

The walk's rules (what not to follow, how many query-string variants of one page) are the
non-browser link checker's (tests/config/test_links.py), which also walks the public pages in
full."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from forecasts import services
from forecasts.models import Forecast, Status
from tests.config.test_links import MAX_QUERY_VARIANTS, SKIP
from tests.e2e.steps import join_by_invitation, sign_in
from tests.e2e.test_import_article import ARTICLE, PUBLICATION

pytestmark = pytest.mark.e2e

START = ("/admin/",)
# Pages whose links are followed; a link out of them is opened but its own links are not.
WALKED = "/admin/"
# A safety cap: the walk ends well before it (every kind of admin page a few times).
MAX_PAGES = 300
LINKS = "els => els.map(e => e.href || e.src).filter(Boolean)"


def browser_walk(page: Page, origin: str) -> tuple[dict[str, int], list[str]]:
    """Breadth-first over the same-site links the browser sees on each page, each kind of page
    (its path with the ids taken out) at most MAX_QUERY_VARIANTS times; the status of each page
    and the broken links as "page -> link (status)"."""
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    seen, variants = set(START), {}
    queue = deque((start, "(start)") for start in START)
    statuses: dict[str, int] = {}
    broken = []
    while queue and len(statuses) < MAX_PAGES:
        url, referrer = queue.popleft()
        try:
            response = page.goto(url)
            status, html = response.status, "html" in (response.headers.get("content-type") or "")
        except PlaywrightError as exc:  # a download (CSV, iCalendar) is not a page to render
            if "Download is starting" not in str(exc):
                raise
            status, html = page.context.request.get(origin + url).status, False
        statuses[url] = status
        if status == 404 or status >= 500:
            broken.append(f"{referrer} -> {url} ({status})")
            continue
        if not html or not url.startswith(WALKED):
            continue
        for href in page.eval_on_selector_all("a[href]", LINKS):
            href = urldefrag(href).url
            if not href.startswith(origin):
                continue
            link = href[len(origin) :] or "/"
            path = urlsplit(link).path
            if link in seen or SKIP.match(link) or path.startswith(static_prefix):
                continue
            # One kind of page (a forecast's change page, any id, any query) a few times is enough.
            kind = re.sub(r"\d+", "N", path)
            if variants.get(kind, 0) >= MAX_QUERY_VARIANTS:
                continue
            seen.add(link)
            variants[kind] = variants.get(kind, 0) + 1
            queue.append((link, url))
    return statuses, broken


@pytest.mark.slow
@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_every_link_a_role_can_reach_in_the_browser_leads_to_a_page(page: Page, live_server, role):
    services.seed_load(with_outcomes=True)
    services.forecasts_flag_due()
    services.propose_forecasts_from_article(text=ARTICLE, publication_name=PUBLICATION)
    assert Forecast.objects.filter(status=Status.PROPOSED).exists()
    join_by_invitation(page, role, role)
    sign_in(page, role)

    statuses, broken = browser_walk(page, live_server.url)

    assert not broken, "\n".join(broken)
    # The walk reached the role's pages, not just the start.
    assert any(url.startswith("/admin/forecasts/forecast/") and "/change/" in url for url in statuses)
    assert "/" in statuses  # "View site"
    if role == "editor":
        assert any(url.startswith("/admin/forecasts/forecast/proposals/") for url in statuses)
