"""forecasts/views.py: a pundit's page lists who they beat and lost to on shared events, and every
scorecard page shows the score against the reference where forecasts had one."""

import pytest

from forecasts import services
from forecasts.models import EventLink, Outcome, Status
from tests.factories import AuthorFactory, EventFactory, ForecastFactory

pytestmark = pytest.mark.django_db


def test_pundit_page_lists_head_to_heads_and_the_relative_score(client):
    ann, bob, cy = AuthorFactory(name="Ann"), AuthorFactory(name="Bob"), AuthorFactory(name="Cy")
    for k in range(4):
        event = EventFactory()
        ForecastFactory(
            author=ann,
            event=event,
            event_link=EventLink.SAME,
            probability=0.9,
            status=Status.DUE,
            reference_probability=0.6,
            reference_source="Market",
        )
        ForecastFactory(
            author=bob, event=event, event_link=EventLink.SAME, probability=0.2 + k / 100, status=Status.DUE
        )
        ForecastFactory(author=cy, event=event, event_link=EventLink.OPPOSITE, probability=0.05, status=Status.DUE)
        services.event_resolve(
            event=event, outcome=Outcome.YES, evidence_url="https://e.org", note="n", resolved_by=None
        )

    html = client.get(f"/scorecards/author/{ann.pk}/").content.decode()
    assert "Head-to-head on shared events" in html
    bob_row = html[html.index(">Bob<") : html.index("</tr>", html.index(">Bob<"))]
    assert "beat" in bob_row and "not distinguishable" not in bob_row
    cy_row = html[html.index(">Cy<") : html.index("</tr>", html.index(">Cy<"))]
    assert "lost to" in cy_row
    assert "Against a reference" in html
    assert "4 scored forecasts had a reference" in html

    bob_html = client.get(f"/scorecards/author/{bob.pk}/").content.decode()
    assert "lost to" in bob_html[bob_html.index(">Ann<") :]
    assert "Against a reference" not in bob_html
