"""Every link goes somewhere: signed in as each role (an Editors member, a Reviewers member, as the
README sets them up, and anonymous), walk every same-site link reachable from the front door, the
scorecards and the admin, and fail on any 404 or server error. Static files are checked with the
static finders (what `collectstatic` would gather), not fetched."""

import datetime
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from rest_framework import throttling

from forecasts import services
from forecasts.models import Status
from tests.factories import ForecastFactory, StaffFactory

pytestmark = pytest.mark.django_db

MAX_PAGES = 400
# Sorting and filter links multiply one list into hundreds of query strings; a few show the page works.
MAX_QUERY_VARIANTS = 3
START = ("/", "/scorecards/", "/admin/", "/api/", "/favicon.ico")
# Links whose GET changes state or ends the session the walk depends on.
SKIP = re.compile(r"^/admin/logout/|^/api/auth/logout/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img", "iframe"):
                self.links.append(attrs[name])


def _same_site(base: str, link: str) -> str | None:
    link = link.strip()
    if link.startswith(("mailto:", "javascript:", "data:", "tel:")):
        return None
    url = urldefrag(urljoin(base, link)).url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _links_of(url: str, response) -> list[str]:
    content_type = response.get("Content-Type", "")
    # Downloads stream their rows; a page or an API answer has its body at once.
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode("utf-8", "replace")
    if content_type.startswith("text/html"):
        parser = _Links()
        parser.feed(body)
        found = parser.links
    elif content_type.startswith("application/json"):
        found = re.findall(r"https?://testserver[^\s\"'<>]*", body)
    else:
        return []
    return [link for link in (_same_site(url, raw) for raw in found) if link]


def walk(client) -> tuple[dict[str, int], list[str]]:
    """Breadth-first over same-site links from START, at most MAX_PAGES pages; the status of each page
    and the broken links as "page -> link (status)"."""
    static_prefix = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL
    seen = set(START)
    variants: dict[str, int] = {}
    queue = deque((start, "(start)") for start in START)
    statuses: dict[str, int] = {}
    broken = []
    while queue and len(statuses) < MAX_PAGES:
        url, referrer = queue.popleft()
        if url.startswith(static_prefix):
            if not finders.find(urlsplit(url).path[len(static_prefix) :]):
                broken.append(f"{referrer} -> {url} (no such static file)")
            continue
        response = client.get(url, HTTP_ACCEPT="text/html,application/json;q=0.9")
        statuses[url] = response.status_code
        if response.status_code == 404 or response.status_code >= 500:
            broken.append(f"{referrer} -> {url} ({response.status_code})")
            continue
        targets = _links_of(url, response)
        if response.status_code in (301, 302, 303, 307, 308):
            targets = [link for link in [_same_site(url, response["Location"])] if link]
        for link in targets:
            path = urlsplit(link).path
            if link not in seen and not SKIP.match(link) and variants.get(path, 0) < MAX_QUERY_VARIANTS:
                seen.add(link)
                variants[path] = variants.get(path, 0) + 1
                queue.append((link, url))
    return statuses, broken


@pytest.fixture
def site(db, monkeypatch):
    """The seed (some forecasts resolved), a due forecast, a proposed one; no API throttling, which
    would answer 429 where the walk wants the page."""
    monkeypatch.setattr(throttling.SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})
    services.seed_load(with_outcomes=True)
    ForecastFactory(status=Status.DUE, review_on=datetime.date(2024, 1, 1))
    ForecastFactory(status=Status.PROPOSED)
    editors, reviewers = services.access_groups_ensure()
    return {"Editors": editors, "Reviewers": reviewers}


@pytest.mark.slow
@pytest.mark.parametrize("role", ["Editors", "Reviewers", "anonymous"])
def test_every_link_a_role_can_reach_leads_to_a_page(client, site, role):
    if role != "anonymous":
        user = StaffFactory(username=role.lower(), is_superuser=False)
        user.groups.add(site[role])
        client.force_login(user)
    statuses, broken = walk(client)
    assert not broken, "\n".join(broken)
    # The walk reached beyond the start pages: the admin's lists for a member, the scorecards' pages
    # for everyone.
    assert any(url.startswith("/scorecards/author/") for url in statuses)
    if role != "anonymous":
        assert any(url.startswith("/admin/forecasts/forecast/") and statuses[url] == 200 for url in statuses)


def test_the_link_checker_reports_a_broken_link(client, site, monkeypatch):
    """The walk fails on a 404, so a green run means something."""
    monkeypatch.setattr("tests.config.test_links.START", ("/scorecards/", "/no-such-page/"))
    monkeypatch.setattr("tests.config.test_links.MAX_PAGES", 5)  # both start pages are walked first
    _, broken = walk(client)
    assert broken == ["(start) -> /no-such-page/ (404)"]


def test_front_door_and_view_site_lead_to_real_pages(client, settings):
    from django.contrib import admin

    assert client.get("/")["Location"] == reverse("scorecards:index")
    assert admin.site.site_url == "/"
    settings.SCORECARDS_PUBLIC = False
    assert client.get("/")["Location"] == reverse("admin:index")


def test_favicon_is_served_and_linked(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert finders.find(urlsplit(response["Location"]).path.removeprefix("/static/"))
    for page in ("/scorecards/", "/admin/login/"):
        assert b'rel="icon"' in client.get(page).content
    client.force_login(StaffFactory())
    assert b'rel="icon"' in client.get("/admin/").content


def test_api_root_lists_the_endpoints_with_absolute_urls(client):
    response = client.get("/api/")
    assert response.status_code == 200
    assert response.json() == {
        "forecasts": "http://testserver/api/forecasts/",
        "events": "http://testserver/api/events/",
        "sources": "http://testserver/api/sources/",
        "scorecards": "http://testserver/api/scorecards/",
        "schema": "http://testserver/api/schema/",
        "docs": "http://testserver/api/docs/",
    }
