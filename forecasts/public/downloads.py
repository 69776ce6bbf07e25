"""CSV and JSON downloads of a scorecard's calls, in the export format: a download imports back
with `import_forecasts`."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterable, Iterator

from django.http import Http404, StreamingHttpResponse

from .. import scorecards, transfer
from . import selectors
from .caching import public_page

# Who is reminded and who typed a forecast in are the newsroom's workflow, not the public record;
# who resolved it is, and the forecast page names them too. The columns stay, empty.
PRIVATE_FIELDS = ("reviewer", "recorded_by")
BATCH = 500
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _batched(rows: Iterable[dict]) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def public_rows(queryset) -> Iterator[dict]:
    for row in transfer.export_rows(queryset):
        for name in PRIVATE_FIELDS:
            row[name] = None
        yield row


def csv_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """transfer.write_csv's output, a batch at a time, so a large download never sits in memory."""
    first = True
    for batch in _batched(rows):
        buffer = io.StringIO()
        transfer.write_csv(batch, buffer)
        text = buffer.getvalue()
        yield text if first else text.split("\n", 1)[1]
        first = False
    if first:
        buffer = io.StringIO()
        transfer.write_csv([], buffer)
        yield buffer.getvalue()


def json_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """transfer.write_json's output, a batch at a time."""
    count = 0
    yield "["
    for batch in _batched(rows):
        parts = []
        for row in batch:
            parts.append((",\n  " if count else "\n  ") + json.dumps(row, ensure_ascii=False))
            count += 1
        yield "".join(parts)
    yield "\n]\n" if count else "]\n"


def _response(queryset, fmt: str, name: str) -> StreamingHttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("Downloads come as .csv or .json.")
    rows = public_rows(queryset)
    chunks = csv_chunks(rows) if fmt == "csv" else json_chunks(rows)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _filtered(request, queryset):
    return selectors.filter_calls(
        queryset,
        status=request.GET.get("status"),
        tag=selectors.clean_query(request.GET.get("tag")),
        query=request.GET.get("q"),
    )


@public_page
def all_forecasts(request, fmt: str):
    return _response(_filtered(request, selectors.public_forecasts()), fmt, "hindsight-forecasts")


@public_page
def group_forecasts(request, by: str, key: str, fmt: str):
    if by not in scorecards.GROUP_BY_CHOICES:
        raise Http404("No such kind of scorecard.")
    forecasts = scorecards.group_forecasts(by, key)
    if not forecasts.exists():
        raise Http404("No forecasts recorded for this group.")
    return _response(_filtered(request, forecasts), fmt, f"hindsight-{by}-{key}-forecasts")
