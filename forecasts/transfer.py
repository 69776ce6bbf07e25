"""Export and import of forecasts in the design.md field set (JSON, JSON Lines or CSV).

Reading and checking rows is pure; writing goes through services.forecasts_import. Both
directions stream, so a large archive never has to fit in memory.
"""

import csv
import datetime
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from . import rules
from .models import Forecast, Outcome, ProbabilityBasis, Status

FIELDS = (
    "id",
    "source_title",
    "source_url",
    "publication",
    "author",
    "quote",
    "claim",
    "estimative_phrase",
    "probability",
    "probability_basis",
    "made_on",
    "deadline",
    "review_on",
    "resolution_criteria",
    "status",
    "outcome",
    "evidence_url",
    "resolution_note",
    "reviewer",
    "tags",
)
REQUIRED = ("source_title", "author", "quote", "claim", "made_on", "deadline", "resolution_criteria")
MAX_LENGTHS = {"source_title": 500, "source_url": 1000, "publication": 200, "author": 200, "estimative_phrase": 100}
CSV_TAG_SEPARATOR = ","


# Export ----------------------------------------------------------------------------------------


def export_rows(queryset=None, *, chunk_size: int = 2000) -> Iterator[dict]:
    queryset = (queryset if queryset is not None else Forecast.objects.all()).order_by("id")
    queryset = queryset.select_related("source", "source__publication", "author", "reviewer").prefetch_related("tags")
    for forecast in queryset.iterator(chunk_size=chunk_size):
        source = forecast.source
        yield {
            "id": forecast.id,
            "source_title": source.title,
            "source_url": source.url,
            "publication": source.publication.name if source.publication else "",
            "author": forecast.author.name,
            "quote": forecast.quote,
            "claim": forecast.claim,
            "estimative_phrase": forecast.estimative_phrase,
            "probability": forecast.probability,
            "probability_basis": forecast.probability_basis,
            "made_on": forecast.made_on.isoformat(),
            "deadline": forecast.deadline.isoformat(),
            "review_on": forecast.review_on.isoformat(),
            "resolution_criteria": forecast.resolution_criteria,
            "status": forecast.status,
            "outcome": forecast.outcome,
            "evidence_url": forecast.evidence_url,
            "resolution_note": forecast.resolution_note,
            "reviewer": forecast.reviewer.get_username() if forecast.reviewer else None,
            "tags": sorted(tag.name for tag in forecast.tags.all()),
        }


def write_json(rows: Iterable[dict], stream: IO[str]) -> int:
    count = 0
    stream.write("[")
    for row in rows:
        stream.write(",\n  " if count else "\n  ")
        stream.write(json.dumps(row, ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


def write_csv(rows: Iterable[dict], stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        flat = {key: ("" if value is None else value) for key, value in row.items()}
        flat["tags"] = CSV_TAG_SEPARATOR.join(row["tags"])
        writer.writerow(flat)
        count += 1
    return count


# Import: reading ---------------------------------------------------------------------------------


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, structure)."""


def read_rows(path: Path) -> Iterator[tuple[str, dict]]:
    """Yield (location, raw row) pairs; the location names the line or index for messages."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            yield from _read_csv(path)
        elif suffix in (".jsonl", ".ndjson"):
            yield from _read_json_lines(path)
        elif suffix == ".json":
            yield from _read_json(path)
        else:
            raise ImportFileError(f"{path.name}: unknown file type; use .json, .jsonl or .csv.")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path.name} is not UTF-8 text (byte {exc.start}).") from exc


def _read_csv(path: Path) -> Iterator[tuple[str, dict]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None:
            raise ImportFileError(f"{path.name} is empty.")
        for row in reader:
            if None in row:
                yield f"line {reader.line_num}", {**row, "__extra__": row.pop(None)}
            else:
                yield f"line {reader.line_num}", row


def _read_json(path: Path) -> Iterator[tuple[str, dict]]:
    with path.open(encoding="utf-8") as handle:
        try:
            for index, row in enumerate(iter_json_array(handle)):
                yield f"row {index + 1} (index {index})", row
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}.") from exc
        except NotAnArrayError as exc:
            raise ImportFileError(f"{path.name} must hold a JSON array of forecast objects.") from exc


class NotAnArrayError(ValueError):
    pass


JSON_CHUNK_CHARS = 1 << 16
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER_ENDS = frozenset(" \t\n\r,]")


def iter_json_array(handle: IO[str], *, chunk_chars: int = JSON_CHUNK_CHARS) -> Iterator:
    """The items of the JSON array in `handle`, one at a time, reading it in chunks.

    json.load would hold the whole file (and every row as a dict) in memory at once; a million
    forecasts are a gigabyte that way. Here memory stays at one chunk plus one item. Error
    positions (JSONDecodeError.lineno) count from the start of the file.
    """
    decoder = json.JSONDecoder()
    buffer, position, lines_before, at_end = "", 0, 0, False

    def more() -> bool:
        nonlocal buffer, position, lines_before, at_end
        if at_end:
            return False
        # Drop what was parsed, remembering its lines for error messages.
        lines_before += buffer.count("\n", 0, position)
        buffer, position = buffer[position:], 0
        chunk = handle.read(chunk_chars)
        at_end = not chunk
        buffer += chunk
        return not at_end

    def skip_whitespace() -> str:
        """The next significant character ("" at the end of the file), not consumed."""
        nonlocal position
        while True:
            position = _WHITESPACE.match(buffer, position).end()
            if position < len(buffer) or not more():
                return buffer[position : position + 1]

    def fail(message: str) -> json.JSONDecodeError:
        error = json.JSONDecodeError(message, buffer, position)
        error.lineno += lines_before
        return error

    first = skip_whitespace()
    if first != "[":
        while len(buffer) - position < 5 and more():
            pass
        if first and (first in '{"-' or first.isdigit() or buffer.startswith(("true", "false", "null"), position)):
            raise NotAnArrayError
        raise fail("Expecting value")
    position += 1
    if skip_whitespace() == "]":
        position += 1
    else:
        while True:
            if skip_whitespace() == "":
                raise fail("Expecting value")
            while True:
                try:
                    item, end = decoder.raw_decode(buffer, position)
                except json.JSONDecodeError:
                    # Cut off at the end of the chunk, or really broken: read on to tell.
                    if more():
                        continue
                    try:  # again, for positions in the buffer as it is now
                        item, end = decoder.raw_decode(buffer, position)
                    except json.JSONDecodeError as exc:
                        exc.lineno += lines_before
                        raise
                # A number may go on in the next chunk ("-4." of "-4.5"); only a delimiter ends it.
                is_number = buffer[position] == "-" or buffer[position].isdigit()
                if is_number and (end == len(buffer) or buffer[end] not in _NUMBER_ENDS) and more():
                    continue
                break
            position = end
            yield item
            separator = skip_whitespace()
            position += 1
            if separator == "]":
                break
            if separator != ",":
                position -= 1
                raise fail("Expecting ',' delimiter")
    if skip_whitespace() != "":
        raise fail("Extra data")


def _read_json_lines(path: Path) -> Iterator[tuple[str, dict]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield f"line {number}", json.loads(line)
            except json.JSONDecodeError as exc:
                yield f"line {number}", {"__invalid__": exc.msg}


# Import: checking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
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


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value.strip()


def _date(value) -> datetime.date:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a date as YYYY-MM-DD")
    try:
        day = datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"'{value}' is not a date as YYYY-MM-DD") from None
    if not rules.EARLIEST_DATE <= day <= rules.LATEST_DATE:
        raise ValueError(f"{day} is outside {rules.EARLIEST_DATE} to {rules.LATEST_DATE}")
    return day


def _probability(value) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"must be a number from {rules.PROBABILITY_MIN} to {rules.PROBABILITY_MAX}, or empty")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"'{value}' is not a number") from None
    try:
        return rules.probability_normalized(number)
    except ValueError:
        raise ValueError(f"{value} is not from {rules.PROBABILITY_MIN} to {rules.PROBABILITY_MAX}") from None


def _tags(value) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        names = value.split(CSV_TAG_SEPARATOR)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        names = value
    else:
        raise ValueError("must be a list of tag names")
    names = tuple(dict.fromkeys(name.strip() for name in names if name.strip()))
    for name in names:
        if len(name) > 64:
            raise ValueError(f"tag '{name[:20]}…' is longer than 64 characters")
    return names


def parse_row(raw) -> ImportRow:
    """Check one row against the rules the database enforces, with a message per field."""
    if not isinstance(raw, dict):
        raise ValidationError({"row": "must be an object with the export fields"})
    if "__invalid__" in raw:
        raise ValidationError({"row": f"not valid JSON: {raw['__invalid__']}"})
    errors: dict[str, str] = {}
    unknown = sorted(set(raw) - set(FIELDS) - {"__extra__"})
    if unknown:
        errors["row"] = f"unknown field(s): {', '.join(map(str, unknown))}"
    if "__extra__" in raw:
        errors["row"] = "more values than columns"
    values: dict = {}

    def take(name, parse):
        try:
            values[name] = parse(raw.get(name))
        except ValueError as exc:
            errors[name] = str(exc)

    for name in (
        "source_title",
        "source_url",
        "publication",
        "author",
        "quote",
        "claim",
        "estimative_phrase",
        "resolution_criteria",
        "evidence_url",
        "resolution_note",
    ):
        take(name, _text)
    take("probability", _probability)
    take("made_on", _date)
    take("deadline", _date)
    take("review_on", lambda v: None if v in (None, "") else _date(v))
    take("tags", _tags)
    take("reviewer", lambda v: _text(v) or None)
    take("status", lambda v: _text(v) or Status.OPEN)
    take("outcome", lambda v: _text(v) or None)
    take("probability_basis", _text)

    raw_id = raw.get("id")
    if raw_id in (None, ""):
        values["id"] = None
    else:
        try:
            values["id"] = int(raw_id)
            if values["id"] < 1 or isinstance(raw_id, bool | float):
                raise ValueError
        except (TypeError, ValueError):
            errors["id"] = f"'{raw_id}' is not a positive whole number"

    for name in REQUIRED:
        if name not in errors and not values.get(name):
            errors[name] = "is required"
    for name, limit in MAX_LENGTHS.items():
        if len(values.get(name) or "") > limit:
            errors[name] = f"is longer than {limit} characters"
    for name in ("source_url", "evidence_url"):
        if values.get(name):
            try:
                URLValidator()(values[name])
            except ValidationError:
                errors[name] = f"'{values[name]}' is not a valid URL"

    status, outcome = values.get("status"), values.get("outcome")
    if status is not None and status not in Status.values:
        errors["status"] = f"'{status}' is not one of {', '.join(Status.values)}"
    if outcome is not None and outcome not in Outcome.values:
        errors["outcome"] = f"'{outcome}' is not one of {', '.join(Outcome.values)} (or empty)"
    if "status" not in errors and "outcome" not in errors:
        if status == Status.RESOLVED and outcome is None:
            errors["outcome"] = "a resolved forecast needs an outcome"
        elif status != Status.RESOLVED and outcome is not None:
            errors["status"] = "a forecast with an outcome must have status 'resolved'"

    basis = values.get("probability_basis") or ""
    if "probability" not in errors and "probability_basis" not in errors:
        if values["probability"] is None:
            if basis not in ("", ProbabilityBasis.NONE):
                errors["probability_basis"] = "must be 'none' (or empty) when there is no probability"
            basis = ProbabilityBasis.NONE
        else:
            basis = basis or ProbabilityBasis.PHRASE
            if basis not in (ProbabilityBasis.STATED, ProbabilityBasis.PHRASE, ProbabilityBasis.ANALYST):
                errors["probability_basis"] = "must be one of stated, phrase, analyst when there is a probability"
    values["probability_basis"] = basis

    made_on, deadline = values.get("made_on"), values.get("deadline")
    if isinstance(made_on, datetime.date) and isinstance(deadline, datetime.date):
        if deadline < made_on:
            errors["deadline"] = f"{deadline} is before made_on {made_on}"
        review_on = values.get("review_on") or deadline
        values["review_on"] = review_on
        if review_on < made_on:
            errors["review_on"] = f"{review_on} is before made_on {made_on}"

    if errors:
        raise ValidationError(errors)
    return ImportRow(**values)


@dataclass(frozen=True)
class RowError:
    location: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.field}: {self.message}"


def check_rows(rows: Iterable[tuple[str, dict]]) -> tuple[int, list[RowError]]:
    """Check every row; return the row count and the errors (none means the file can be written)."""
    count = 0
    errors: list[RowError] = []
    for location, raw in rows:
        count += 1
        try:
            parse_row(raw)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.extend(RowError(location, field, message) for message in messages)
    return count, errors


def parsed_rows(rows: Iterable[tuple[str, dict]]) -> Iterator[ImportRow]:
    for _location, raw in rows:
        yield parse_row(raw)
