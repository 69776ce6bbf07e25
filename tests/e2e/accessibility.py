"""axe-core in the page under test: the accessibility violations a browser test fails on.

axe-core is vendored (tests/e2e/vendor/, version and checksum in its README) so the rules do not
change between runs and no network is needed."""

from pathlib import Path

from playwright.sync_api import Page

AXE_SOURCE = Path(__file__).parent / "vendor" / "axe.min.js"
# What blocks someone from using the page (axe's "critical" and "serious"); "moderate" and
# "minor" are reported by axe but do not fail a test.
BLOCKING = ("critical", "serious")


def axe_violations(page: Page) -> list[dict]:
    """Every violation axe finds on the page as it is now (all impacts)."""
    # Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
        }))"""
    )


def blocking_violations(page: Page) -> list[str]:
    """The critical and serious violations, one readable line each (empty: none)."""
    return [
        f"{page.url}: {v['impact']} {v['id']} ({v['help']}) at {', '.join(v['nodes'])}"
        for v in axe_violations(page)
        if v["impact"] in BLOCKING
    ]
