"""An anonymous reader on a desktop and on a phone: from the scorecards to a pundit, to an open
call and a resolved one; subscribes to the pundit's feed, downloads the calls as CSV, embeds the
badge and the card in a plain page of their own; and a link checker walks every public page."""

import csv
import io
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from forecasts import services
from forecasts.models import Forecast, Outcome, Status, claim_fingerprint
from forecasts.services import seed_load
from forecasts.transfer import FIELDS
from tests.factories import AuthorFactory, ForecastFactory, SourceFactory, StaffFactory

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Where an anonymous reader is not meant to go, or what is not a page of this site.
SKIPPED_PREFIXES = ("/admin/", "/api/", "/calendar/", "/static/")
MAX_PAGES = 400


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])


def _fits_the_screen(page: Page) -> None:
    """Nothing wider than the viewport: tables scroll inside their own box."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"


@pytest.fixture
def seeded():
    seed_load(with_outcomes=True)
    author = Forecast.objects.select_related("author").first().author
    open_call = Forecast.objects.filter(author=author, status__in=[Status.OPEN, Status.DUE]).order_by("pk").first()
    resolved_call = Forecast.objects.filter(author=author, outcome=Outcome.YES).order_by("pk").first()
    assert open_call and resolved_call
    return author, open_call, resolved_call


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_an_anonymous_reader_follows_a_pundit(page: Page, screenshot, seeded, viewport, tmp_path):
    author, open_call, resolved_call = seeded
    page.set_viewport_size(viewport)

    page.goto("/scorecards/")
    _fits_the_screen(page)
    screenshot("scorecards")
    authors = page.locator("section").filter(has=page.get_by_role("heading", name="Authors", exact=True))
    authors.get_by_role("link", name=author.name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(author.name)
    expect(page.get_by_text("always saying 50% earns 0.25; lower is better").first).to_be_visible()
    _fits_the_screen(page)
    screenshot("pundit")
    pundit_url = page.url

    # An open call, found through the status filter.
    page.locator("form.filters select[name=status]").select_option("open")
    page.locator("form.filters").get_by_role("button", name="Show").click()
    page.get_by_role("link", name=open_call.claim).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(open_call.claim)
    expect(page.locator(".status-line")).to_contain_text("Open")
    expect(page.locator("blockquote.in-context mark")).to_be_visible()
    _fits_the_screen(page)
    screenshot("open-call")

    # A resolved call, with its evidence.
    page.goto(pundit_url)
    page.get_by_role("link", name=resolved_call.claim).click()
    expect(page.locator("#resolution")).to_contain_text("Yes — the claim came true")
    expect(page.locator("#resolution").get_by_role("link", name=resolved_call.evidence_url)).to_be_visible()
    _fits_the_screen(page)
    screenshot("resolved-call")

    # Subscribe: the feed the pundit page advertises is valid Atom.
    page.goto(pundit_url)
    feed_href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    feed = page.request.get(feed_href)
    assert feed.ok
    parsed = feedparser.parse(feed.body())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert any(entry.title.startswith("Resolved") for entry in parsed.entries)

    # Download the calls as CSV, in the export format.
    with page.expect_download() as download_info:
        page.locator(".downloads").get_by_role("link", name="CSV").click()
    path = tmp_path / "calls.csv"
    download_info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == FIELDS
    assert len(rows) == Forecast.objects.filter(author=author).exclude(status=Status.PROPOSED).count()

    # Embed the badge and the card in a page of the reader's own.
    badge = f"{page.url.split('/scorecards/')[0]}/scorecards/author/{author.pk}/badge.svg"
    card = f"{page.url.split('/scorecards/')[0]}/scorecards/author/{author.pk}/card/"
    page.set_content(
        f'<p>My pundit:</p><img id="badge" src="{badge}" alt="badge"><iframe id="card" src="{card}"></iframe>'
    )
    expect(page.locator("#badge")).to_be_visible()
    page.wait_for_function("document.getElementById('badge').complete")
    assert page.evaluate("document.getElementById('badge').naturalWidth") > 50
    frame = page.frame_locator("#card")
    expect(frame.get_by_role("heading", level=1)).to_contain_text(author.name)
    screenshot("embedded")


def test_a_resolve_shows_at_once_and_the_downloaded_csv_imports_back(page: Page, seeded, tmp_path):
    author, open_call, _resolved = seeded
    pundit = f"/scorecards/author/{author.pk}/"
    feed = f"/scorecards/author/{author.pk}/feed.atom"
    page.goto(open_call.get_absolute_url())
    page.goto(pundit)
    page.request.get(feed)  # everything cached before the resolve

    services.forecast_resolve(
        forecast=open_call,
        outcome=Outcome.NO,
        evidence_url="https://evidence.example.org/it-did-not",
        note="It did not happen.",
        resolved_by=StaffFactory(username="e2e-reviewer"),
    )

    page.goto(open_call.get_absolute_url())
    expect(page.locator("#resolution")).to_contain_text("No — the claim did not come true")
    page.goto(pundit)
    expect(page.locator("article.call").filter(has_text=open_call.claim).locator(".verdict")).to_contain_text(
        "Did not come true"
    )
    entries = feedparser.parse(page.request.get(feed).body()).entries
    assert entries[0].title == f"Resolved (did not come true): {open_call.claim}"

    # The whole public record, downloaded, imports back into an empty database.
    body = page.request.get("/scorecards/forecasts.csv").text()
    before = sorted((r["claim"], r["status"], r["outcome"]) for r in csv.DictReader(io.StringIO(body)))
    Forecast.objects.all().delete()
    path = tmp_path / "record.csv"
    path.write_text(body, encoding="utf-8")
    call_command("import_forecasts", str(path), stdout=io.StringIO())
    again = page.request.get("/scorecards/forecasts.csv").text()
    assert sorted((r["claim"], r["status"], r["outcome"]) for r in csv.DictReader(io.StringIO(again))) == before


def test_no_public_page_links_to_a_missing_or_broken_page(page: Page, seeded):
    _author, open_call, _resolved = seeded
    page.goto("/scorecards/")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    queue = deque(["/scorecards/", "/search/?q=korea", f"/forecasts/{open_call.pk}/"])
    seen, broken = set(queue), []
    while queue and len(seen) <= MAX_PAGES:
        path = queue.popleft()
        response = page.request.get(path, max_redirects=5)
        if response.status >= 400:
            broken.append(f"{response.status} {path}")
            continue
        if "html" not in response.headers.get("content-type", ""):
            continue
        parser = _Links()
        parser.feed(response.text())
        for href in parser.links:
            url, _fragment = urldefrag(urljoin(origin + path, href))
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != origin:
                continue  # evidence and articles live elsewhere
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local.startswith(SKIPPED_PREFIXES) or local in seen:
                continue
            seen.add(local)
            queue.append(local)
    assert not broken, broken
    assert len(seen) > 20, f"the checker saw only {sorted(seen)}"
    assert any(re.match(r"/forecasts/\d+/[\w-]+/$", p) for p in seen)
    assert any(p.endswith("feed.atom") for p in seen)
    assert any(p.endswith("forecasts.csv") for p in seen)
    assert any(p.endswith("/card/") for p in seen)


@pytest.fixture
def crowded_chart_author():
    """A pundit whose chart has a dot at 0.1% and one at 99.9%, and ten bins of thousands of
    calls each, half of which came true: long labels on dots in a row."""
    author = AuthorFactory(name="Crowded Chart")
    source = SourceFactory()
    resolved_at = timezone.now()
    rows = []
    for probability, came_true, n in [(0.001, 0, 1500), (0.001, 1, 500), (0.999, 1, 1500), (0.999, 0, 500)]:
        rows += [(probability, Outcome.YES if came_true else Outcome.NO)] * n
    for tenth in range(1, 9):
        rows += [(tenth / 10 + 0.05, Outcome.YES), (tenth / 10 + 0.05, Outcome.NO)] * 600
    forecasts = [
        ForecastFactory.build(
            author=author, source=source, probability=probability, status=Status.RESOLVED, outcome=outcome
        )
        for probability, outcome in rows
    ]
    for forecast in forecasts:
        forecast.resolved_at = resolved_at
        forecast.claim_key = claim_fingerprint(forecast.claim)  # save() sets it; bulk_create does not call save()
    Forecast.objects.bulk_create(forecasts)
    services.public_data_changed()
    return author


def test_the_calibration_chart_is_readable_at_phone_width(page: Page, screenshot, crowded_chart_author):
    page.set_viewport_size(PHONE)
    page.goto(f"/scorecards/author/{crowded_chart_author.pk}/")
    chart = page.locator("figure.chart svg").first
    expect(chart).to_be_visible()
    _fits_the_screen(page)
    screenshot("chart-390px")
    geometry = chart.evaluate(
        """svg => {
            const box = e => { const r = e.getBoundingClientRect();
                return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height}; };
            return {
                plot: box(svg.querySelector('rect.plot')),
                dots: [...svg.querySelectorAll('circle.point')].map(box),
                labels: [...svg.querySelectorAll('text.count')].map(e => ({...box(e), text: e.textContent})),
                ticks: [...svg.querySelectorAll('text.tick')].map(box),
            };
        }"""
    )
    plot, dots, labels = geometry["plot"], geometry["dots"], geometry["labels"]
    chart_box = chart.bounding_box()
    assert len(dots) == 10
    inside = lambda b: (  # noqa: E731
        b["left"] >= plot["left"] - 0.5
        and b["right"] <= plot["right"] + 0.5
        and b["top"] >= plot["top"] - 0.5
        and b["bottom"] <= plot["bottom"] + 0.5
    )
    overlap = lambda a, b: (  # noqa: E731
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    )
    # The dots at 0.1% and 99.9% are whole, inside the plot.
    assert all(inside(dot) for dot in dots), (plot, dots)
    # Most dots carry their count (the rest are in the table below the chart), none clipped or
    # overlapping another label, and big enough to read on a phone.
    assert len(labels) >= 8, labels
    assert all(inside(label) for label in labels), (plot, labels)
    where = [(round(b["left"]), round(b["top"]), round(b["right"]), round(b["bottom"]), b["text"]) for b in labels]
    assert not [(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :] if overlap(a, b)], (chart_box, where)
    assert all(label["height"] >= 9 for label in labels + geometry["ticks"]), labels
    assert any(label["text"].endswith("/2k") for label in labels), labels  # compact counts
    # The calibration table says it scrolls rather than widening the page.
    wrap = page.locator(".chart-and-table .table-wrap").first
    expect(wrap).to_be_visible()
    assert "Scroll sideways" in wrap.evaluate("e => getComputedStyle(e, '::before').content")
