"""The forecast record as files carry it: one field list and one row type, shared by the export,
the file import (forecasts/transfer.py reads and checks files into these rows; the transfer
service writes them) and the article import's preview. A domain type, not a file format: the
services consume it without knowing whether the rows came from CSV, JSON or JSON lines."""

import dataclasses
import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class ForecastRecord:
    id: int | None
    source_title: str
    source_url: str
    publication: str
    author: str
    quote: str
    claim: str
    estimative_phrase: str
    probability: float | None
    probability_basis: str
    made_on: datetime.date
    deadline: datetime.date
    review_on: datetime.date
    resolution_criteria: str
    status: str
    outcome: str | None
    evidence_url: str
    resolution_note: str
    reviewer: str | None
    tags: tuple[str, ...]
    resolved_at: datetime.datetime | None = None
    resolved_by: str | None = None
    recorded_by: str | None = None
    reference_probability: float | None = None
    reference_source: str = ""


RECORD_FIELDS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(ForecastRecord))
