"""The seed: the first real article and its curated forecasts."""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from sources import services as source_services

from ..models import Outcome
from .forecasts import forecast_create
from .resolution import forecast_resolve

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
SEED_FILE = SEED_DIR / "katzeff-silberstein-2023.json"


@dataclass(frozen=True)
class SeedResult:
    source_created: bool
    forecasts_created: int
    forecasts_existing: int
    forecasts_resolved: int = 0


@transaction.atomic
def seed_load(*, path: Path = SEED_FILE, with_outcomes: bool = False) -> SeedResult:
    """Record the seed article and its forecasts; what is already recorded is left as it is,
    so running it again (or after a reviewer resolved some forecasts) changes nothing.

    The forecasts load unresolved, as they stood when the article appeared. `with_outcomes`
    then resolves the unresolved ones whose outcome the seed file records with evidence (a demonstration of
    the scorecards; a reviewer would do this in the admin)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data["source"]
    text = (path.parent / meta["text_file"]).read_text(encoding="utf-8")
    publication = source_services.publication_get_or_create(**meta["publication"])
    author = source_services.author_get_or_create(**meta["author"])
    source, source_created = source_services.source_get_or_create(
        title=meta["title"],
        text=text,
        url=meta["url"],
        published_on=datetime.date.fromisoformat(meta["published_on"]),
        publication=publication,
        authors=[author],
        note=meta["note"],
    )
    existing_claims = set(source.forecasts.values_list("claim", flat=True))
    created = 0
    for row in data["forecasts"]:
        if row["claim"] in existing_claims:
            continue
        forecast = forecast_create(
            source=source,
            author=author,
            quote=row["quote"],
            claim=row["claim"],
            estimative_phrase=row["estimative_phrase"],
            probability=row["probability"],
            probability_basis=row["probability_basis"],
            deadline=datetime.date.fromisoformat(row["deadline"]),
            review_on=datetime.date.fromisoformat(row["review_on"]),
            resolution_criteria=row["resolution_criteria"],
            tags=row["tags"] + (["not-resolvable"] if row["not_resolvable"] else []),
        )
        if row["not_resolvable"]:
            # Known at recording time, not from evidence: the claim cannot be checked as stated.
            forecast_resolve(
                forecast=forecast,
                outcome=Outcome.ANNULLED,
                note=f"Not resolvable: {row['not_resolvable']}",
                resolved_by=None,
            )
        created += 1
    resolved = 0
    if with_outcomes:
        by_claim = {row["claim"]: row["evidence"] for row in data["forecasts"] if row.get("evidence")}
        for forecast in source.forecasts.unresolved().filter(claim__in=by_claim):
            evidence = by_claim[forecast.claim]
            forecast_resolve(
                forecast=forecast,
                outcome=evidence["outcome"],
                evidence_url=evidence["evidence_url"],
                note=evidence["note"],
                resolved_by=None,
            )
            resolved += 1
    return SeedResult(
        source_created=source_created,
        forecasts_created=created,
        forecasts_existing=len(data["forecasts"]) - created,
        forecasts_resolved=resolved,
    )
