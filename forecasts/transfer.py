"""Export and import of forecasts as JSON, JSON Lines or CSV, in the field set of forecasts/records.py.

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

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from rest_framework import serializers
from rest_framework.fields import empty

from sources.models import Author, Publication, Source, name_key

from . import rules
from .models import Forecast, Outcome, ProbabilityBasis, Status, Tag, resolution_errors, review_on_or_deadline
from .records import RECORD_FIELDS, ForecastRecord

# The field list and the row type are declared once, in forecasts/records.py: export, import and
# the article import's preview all use them.
FIELDS = RECORD_FIELDS
ImportRow = ForecastRecord
CSV_TAG_SEPARATOR = ","
# Ids an import may keep: 1 to 2**53 - 1, the integers every JSON client reads exactly. The id
# column and its sequence are 64-bit: moved past the largest kept id, the sequence still has
# over 9 * 10**18 ids left, so no file can exhaust it.
MAX_IMPORT_ID = 2**53 - 1
# The largest row (JSON object, JSON line or CSV record) an import reads, in characters: several
# times the largest request body the API accepts (DATA_UPLOAD_MAX_MEMORY_SIZE), so every forecast
# the API can store exports and imports back, while a runaway file is refused row by row.
MAX_ROW_CHARS = 16 * 1024 * 1024
# More digits than any valid value has; longer integers are refused before Python converts them.
MAX_INTEGER_DIGITS = 30


# Export ----------------------------------------------------------------------------------------


def export_rows(queryset=None, *, chunk_size: int = 2000) -> Iterator[dict]:
    queryset = (queryset if queryset is not None else Forecast.objects.all()).order_by("id")
    queryset = queryset.select_related(
        "source", "source__publication", "author", "reviewer", "resolved_by", "recorded_by"
    ).prefetch_related("tags")
    for forecast in queryset.iterator(chunk_size=chunk_size):
        source = forecast.source
        row = {
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
            "resolved_at": _utc_iso(forecast.resolved_at),
            "resolved_by": forecast.resolved_by.get_username() if forecast.resolved_by else None,
            "recorded_by": forecast.recorded_by.get_username() if forecast.recorded_by else None,
            "reference_probability": forecast.reference_probability,
            "reference_source": forecast.reference_source,
        }
        yield {name: row[name] for name in FIELDS}  # a field missing here fails at once


def _utc_iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).isoformat() if moment is not None else None


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
    # The csv module refuses fields over 131,072 characters; allow a whole row's worth instead.
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_ROW_CHARS)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            try:
                if reader.fieldnames is None:
                    raise ImportFileError(f"{path.name} is empty.")
                for row in reader:
                    location = f"line {reader.line_num}"
                    if sum(len(value) for value in row.values() if isinstance(value, str)) > MAX_ROW_CHARS:
                        yield location, InvalidRow(f"the row is longer than {MAX_ROW_CHARS} characters")
                    elif None in row:
                        yield location, {**row, "__extra__": row.pop(None)}
                    else:
                        yield location, row
            except csv.Error as exc:
                raise ImportFileError(
                    f"{path.name}, after line {reader.line_num}: not readable as CSV ({exc}); a row may hold "
                    f"at most {MAX_ROW_CHARS} characters."
                ) from exc
    finally:
        csv.field_size_limit(limit)


@dataclass(frozen=True)
class InvalidRow:
    """A row the reader could not turn into fields; the message says why."""

    message: str


class TooLongNumber:
    """An integer in a JSON file with more digits than any field takes, kept unconverted: Python
    refuses to convert integers of more than 4,300 digits, and a float() of 400 digits overflows."""

    def __init__(self, text: str):
        self.digits = len(text.lstrip("-"))

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"


def _parse_int(text: str):
    return TooLongNumber(text) if len(text) > MAX_INTEGER_DIGITS else int(text)


def _json_decoder() -> json.JSONDecoder:
    return json.JSONDecoder(parse_int=_parse_int)


def _read_json(path: Path) -> Iterator[tuple[str, dict]]:
    read = 0  # rows yielded so far: the index of the row being read when an error comes
    with path.open(encoding="utf-8") as handle:
        try:
            for row in iter_json_array(handle):
                yield f"row {read + 1} (index {read})", row
                read += 1
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}.") from exc
        except NotAnArrayError as exc:
            raise ImportFileError(f"{path.name} must hold a JSON array of forecast objects.") from exc
        except RowTooLargeError as exc:
            raise ImportFileError(
                f"{path.name}: row {read + 1} (index {read}) is longer than {MAX_ROW_CHARS} characters."
            ) from exc
        except RecursionError as exc:
            raise ImportFileError(f"{path.name}: row {read + 1} (index {read}) is nested too deeply.") from exc


class NotAnArrayError(ValueError):
    pass


class RowTooLargeError(ValueError):
    pass


JSON_CHUNK_CHARS = 1 << 16
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER_ENDS = frozenset(" \t\n\r,]")


def iter_json_array(
    handle: IO[str], *, chunk_chars: int = JSON_CHUNK_CHARS, max_item_chars: int | None = None
) -> Iterator:
    """The items of the JSON array in `handle`, one at a time, reading it in chunks.

    json.load would hold the whole file (and every row as a dict) in memory at once; a million
    forecasts are a gigabyte that way. Here memory stays at one chunk plus one item. Error
    positions (JSONDecodeError.lineno) count from the start of the file. Each item is decoded by
    the standard json module, so a row reads exactly as json.loads would read it (lone surrogates,
    integers of any length, 1e400) and the row checks see every value; ijson's C backend does not
    (it replaces lone surrogates, refuses integers past 64 bits for the whole file, and holds
    memory quadratic in the nesting depth).
    """
    max_item_chars = MAX_ROW_CHARS if max_item_chars is None else max_item_chars
    decoder = _json_decoder()
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
                    if len(buffer) - position > max_item_chars:
                        raise RowTooLargeError from None
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
            if end - position > max_item_chars:
                raise RowTooLargeError
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
    decoder = _json_decoder()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if len(line) > MAX_ROW_CHARS:
                yield f"line {number}", InvalidRow(f"the row is longer than {MAX_ROW_CHARS} characters")
                continue
            try:
                yield f"line {number}", decoder.decode(line)
            except json.JSONDecodeError as exc:
                yield f"line {number}", InvalidRow(f"not valid JSON: {exc.msg}")
            except RecursionError:
                yield f"line {number}", InvalidRow("not valid JSON: nested too deeply")


# Import: checking --------------------------------------------------------------------------------


def _shown(value, limit: int = 40) -> str:
    """A value as an error message may quote it: short, and printable whatever it holds."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool | float | TooLongNumber) or value is None:
        text = repr(value)
    elif isinstance(value, int):
        text = str(value) if -(10**limit) < value < 10**limit else "a very long number"
    else:
        text = f"a JSON {'object' if isinstance(value, dict) else 'array' if isinstance(value, list) else 'value'}"
    shown = text[:limit] + ("…" if len(text) > limit else "")
    return shown.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be text")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains an unpaired surrogate, which is not a character") from None
    return value.strip()


def _date(value) -> datetime.date:
    text = _text(value) if isinstance(value, str) else None
    if not text:
        raise ValueError("must be a date as YYYY-MM-DD")
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{_shown(text)}' is not a date as YYYY-MM-DD") from None
    if not rules.EARLIEST_DATE <= day <= rules.LATEST_DATE:
        raise ValueError(f"{day} is outside {rules.EARLIEST_DATE} to {rules.LATEST_DATE}")
    return day


def _moment(value) -> datetime.datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{_shown(text)}' is not an ISO 8601 date and time") from None
    if moment.utcoffset() is None:
        raise ValueError(f"'{_shown(text)}' needs a time zone offset, e.g. +00:00")
    return moment


def _probability(value) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"must be a number from {rules.PROBABILITY_MIN} to {rules.PROBABILITY_MAX}, or empty")
    try:
        number = float(_text(value) if isinstance(value, str) else value)
    except (ValueError, OverflowError):
        raise ValueError(f"'{_shown(value)}' is not a number") from None
    try:
        return rules.probability_normalized(number)
    except ValueError:
        raise ValueError(f"{_shown(value)} is not from {rules.PROBABILITY_MIN} to {rules.PROBABILITY_MAX}") from None


def _id(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"[0-9]{1,30}", value.strip()):
        number = int(value.strip())
    else:
        raise ValueError(f"'{_shown(value)}' is not a whole number from 1 to {MAX_IMPORT_ID}")
    if not 1 <= number <= MAX_IMPORT_ID:
        raise ValueError(f"{_shown(value)} is not a whole number from 1 to {MAX_IMPORT_ID}")
    return number


def _tags(value) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        names = value.split(CSV_TAG_SEPARATOR)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        names = value
    else:
        raise ValueError("must be a list of tag names")
    # One tag per name as compared ignoring case: "Trade" and "trade" are one tag, the first spelling.
    kept: dict[str, str] = {}
    for raw_name in names:
        name = _text(raw_name)
        if not name:
            continue
        if len(name) > MAX_TAG_LENGTH:
            raise ValueError(f"tag '{_shown(name, 20)}' is longer than {MAX_TAG_LENGTH} characters")
        kept.setdefault(name_key(name), name)
    return tuple(kept.values())


MAX_TAG_LENGTH = Tag._meta.get_field("name").max_length


def _username(value) -> str | None:
    """A username as Django's own user model checks it (characters allowed, maximum length)."""
    text = _text(value)
    if not text:
        return None
    user_model = get_user_model()
    field = user_model._meta.get_field(user_model.USERNAME_FIELD)
    try:
        field.run_validators(text)
    except ValidationError as exc:
        raise ValueError(f"'{_shown(text)}' is not a valid username: {' '.join(exc.messages)}") from None
    return text


# Fields checked by the model's own validators (ranges, lengths, URLs) once they are parsed.
_MODEL_CHECKED = (
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
    "resolved_at",
    "reference_probability",
    "reference_source",
)


class RecordField(serializers.Field):
    """One record field as a file carries it: `parse` reads any JSON value or CSV cell (a missing
    one as None) and raises ValueError with the message; required and length rules follow."""

    def __init__(self, parse, *, is_required: bool = False, max_length: int | None = None, validators=()):
        super().__init__(required=False, allow_null=True, validators=list(validators))
        self.parse, self.is_required, self.max_length = parse, is_required, max_length

    def validate_empty_values(self, data):
        # Missing, null and "" all reach `parse`: in a CSV file they are the same empty cell.
        return False, None if data is empty else data

    def run_validators(self, value):
        if self.validators:  # most record fields have none; skip DRF's per-call setup for them
            super().run_validators(value)

    def to_internal_value(self, data):
        try:
            value = self.parse(data)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from None
        if self.is_required and not value:
            raise serializers.ValidationError("is required")
        if self.max_length is not None and len(value or "") > self.max_length:
            raise serializers.ValidationError(f"is longer than {self.max_length} characters")
        return value


def _optional_date(value) -> datetime.date | None:
    return None if value in (None, "") else _date(value)


def _valid_url(url: str) -> None:
    if url:
        try:
            URLValidator()(url)
        except ValidationError:
            raise serializers.ValidationError(f"'{_shown(url)}' is not a valid URL") from None


def _choice(choices: type[models.TextChoices], *, empty, message: str):
    def parse(value):
        text = _text(value)
        if not text:
            return empty
        if text not in choices.values:
            raise ValueError(f"'{_shown(text)}' is not one of {', '.join(choices.values)}{message}")
        return text

    return parse


def _max_length(model: type[models.Model], name: str) -> int:
    return model._meta.get_field(name).max_length


# How each field of the record (forecasts/records.py) is read: a field added there without a
# reader here fails at import time.
_READERS = {
    "id": _id,
    "source_title": _text,
    "source_url": _text,
    "publication": _text,
    "author": _text,
    "quote": _text,
    "claim": _text,
    "estimative_phrase": _text,
    "probability": _probability,
    "probability_basis": _text,
    "made_on": _date,
    "deadline": _date,
    "review_on": _optional_date,
    "resolution_criteria": _text,
    "status": _choice(Status, empty=Status.OPEN, message=""),
    "outcome": _choice(Outcome, empty=None, message=" (or empty)"),
    "evidence_url": _text,
    "resolution_note": _text,
    "reviewer": _username,
    "tags": _tags,
    "resolved_at": _moment,
    "resolved_by": _username,
    "recorded_by": _username,
    "reference_probability": _probability,
    "reference_source": _text,
}
REQUIRED = ("source_title", "author", "quote", "claim", "made_on", "deadline", "resolution_criteria")
# The lengths the database keeps, from the models the row is written to.
MAX_LENGTHS = {
    "source_title": _max_length(Source, "title"),
    "source_url": _max_length(Source, "url"),
    "publication": _max_length(Publication, "name"),
    "author": _max_length(Author, "name"),
    "estimative_phrase": _max_length(Forecast, "estimative_phrase"),
    "reference_source": _max_length(Forecast, "reference_source"),
}
USERNAME_FIELDS = ("reviewer", "resolved_by", "recorded_by")
PROBABILITY_BASES = (ProbabilityBasis.STATED, ProbabilityBasis.PHRASE, ProbabilityBasis.ANALYST)


class ImportRowSerializer(serializers.Serializer):
    """One import row checked against the rules the database enforces, with a message per field.

    Unlike a DRF serializer's usual run, the row rules (resolution, probability basis, date
    order, the model's validators) run on every field that parsed even when another did not, so
    that one pass over a file lists all of its problems."""

    def get_fields(self):
        return {
            name: RecordField(
                _READERS[name],
                is_required=name in REQUIRED,
                max_length=MAX_LENGTHS.get(name),
                validators=[_valid_url] if name == "source_url" else (),
            )
            for name in RECORD_FIELDS
        }

    def to_internal_value(self, data: dict) -> ImportRow:
        values, errors = {}, {}
        for name, field in self.fields.items():
            try:
                values[name] = field.run_validation(field.get_value(data))
            except serializers.ValidationError as exc:
                errors[name] = " ".join(exc.detail)
        for rule in (_resolution_errors, _basis_errors, _reference_errors, _date_errors, _model_errors):
            for name, message in rule(values, errors).items():
                errors.setdefault(name, message)
        if errors:
            raise serializers.ValidationError({name: [message] for name, message in errors.items()})
        return ImportRow(**values)


def _resolution_errors(values: dict, errors: dict) -> dict[str, str]:
    if "status" in errors or "outcome" in errors:
        return {}
    status, outcome = values["status"], values["outcome"]
    if status == Status.RESOLVED and outcome is None:
        return {"outcome": "a resolved forecast needs an outcome"}
    if status != Status.RESOLVED and outcome is not None:
        return {"status": "a forecast with an outcome must have status 'resolved'"}
    if status == Status.RESOLVED:
        # The resolve service's own rule: a yes or no needs its evidence and a note.
        return resolution_errors(
            outcome=outcome, evidence_url=values.get("evidence_url") or "", note=values.get("resolution_note") or ""
        )
    return {name: "only a resolved forecast has this" for name in ("resolved_at", "resolved_by") if values.get(name)}


def _reference_errors(values: dict, errors: dict) -> dict[str, str]:
    if values.get("reference_probability") is not None and not values.get("reference_source"):
        return {"reference_source": "is required with a reference_probability (say where it comes from)"}
    return {}


def _basis_errors(values: dict, errors: dict) -> dict[str, str]:
    """Fills in the basis a row leaves empty: none without a probability, phrase with one."""
    if "probability" in errors or "probability_basis" in errors:
        values["probability_basis"] = values.get("probability_basis") or ""
        return {}
    basis = values["probability_basis"]
    if values["probability"] is None:
        values["probability_basis"] = ProbabilityBasis.NONE
        if basis not in ("", ProbabilityBasis.NONE):
            return {"probability_basis": "must be 'none' (or empty) when there is no probability"}
        return {}
    values["probability_basis"] = basis or ProbabilityBasis.PHRASE
    if values["probability_basis"] not in PROBABILITY_BASES:
        return {"probability_basis": "must be one of stated, phrase, analyst when there is a probability"}
    return {}


def _date_errors(values: dict, errors: dict) -> dict[str, str]:
    """Fills in the review date a row leaves empty (the deadline)."""
    made_on, deadline = values.get("made_on"), values.get("deadline")
    if not (isinstance(made_on, datetime.date) and isinstance(deadline, datetime.date)):
        return {}
    found = {}
    if deadline < made_on:
        found["deadline"] = f"{deadline} is before made_on {made_on}"
    review_on = values["review_on"] = review_on_or_deadline(values.get("review_on"), deadline)
    if review_on < made_on:
        found["review_on"] = f"{review_on} is before made_on {made_on}"
    return found


def _model_errors(values: dict, errors: dict) -> dict[str, str]:
    """The model's field validators (the same ranges, lengths and URL rules as the API and the
    admin) for every field that parsed; database constraints are left to the write."""
    checked = [name for name in _MODEL_CHECKED if name not in errors and name in values]
    if "probability" in errors and "probability_basis" in checked:
        checked.remove("probability_basis")
    forecast = Forecast(**{name: values[name] for name in checked})
    try:
        forecast.clean_fields(exclude={field.name for field in Forecast._meta.fields} - set(checked))
    except ValidationError as exc:
        return {name: " ".join(messages) for name, messages in exc.message_dict.items()}
    return {}


def parse_row(raw) -> ImportRow:
    """Check one row against the rules the database enforces, with a message per field.

    Raises only ValidationError, whatever `raw` holds."""
    if isinstance(raw, InvalidRow):
        raise ValidationError({"row": raw.message})
    if not isinstance(raw, dict):
        raise ValidationError({"row": "must be an object with the export fields"})
    row_errors = {}
    unknown = sorted(_shown(name) for name in set(raw) - set(FIELDS) - {"__extra__"})
    if unknown:
        row_errors["row"] = f"unknown field(s): {', '.join(unknown)}"
    if "__extra__" in raw:
        row_errors["row"] = "more values than columns"
    try:
        row = _ROW_SERIALIZER.run_validation(raw)
    except serializers.ValidationError as exc:
        field_errors = {name: [str(message) for message in messages] for name, messages in exc.detail.items()}
        raise ValidationError({**row_errors, **field_errors}) from None
    if row_errors:
        raise ValidationError(row_errors)
    return row


# One instance for every row: its fields are built and bound once, and checking a row keeps no
# state on it (run_validation, not is_valid).
_ROW_SERIALIZER = ImportRowSerializer()


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


UNKNOWN_ACCOUNT = (
    "no account named '{name}': add it in the admin (Users), or import with --create-reviewers, which creates it "
    "in the Reviewers group and emails it an invitation to set a password"
)


def unknown_account_errors(rows: Iterable[tuple[str, dict]], *, chunk_size: int = 500) -> list[RowError]:
    """The rows (already checked) that name a username with no account: an import does not make
    up accounts unless told to. Lists at most the first three rows per unknown name."""
    named: dict[str, list[tuple[str, str]]] = {}
    for location, raw in rows:
        row = parse_row(raw)
        for field in USERNAME_FIELDS:
            # the import keeps who resolved a row only for a resolved row
            if field == "resolved_by" and row.status != Status.RESOLVED:
                continue
            name = getattr(row, field)
            if name:
                places = named.setdefault(name, [])
                if len(places) < 3:
                    places.append((location, field))
    user_model = get_user_model()
    names = list(named)
    known: set[str] = set()
    for start in range(0, len(names), chunk_size):
        chunk = names[start : start + chunk_size]
        lookup = {f"{user_model.USERNAME_FIELD}__in": chunk}
        known.update(user_model.objects.filter(**lookup).values_list(user_model.USERNAME_FIELD, flat=True))
    return [
        RowError(location, field, UNKNOWN_ACCOUNT.format(name=_shown(name)))
        for name, places in named.items()
        if name not in known
        for location, field in places
    ]


def parsed_rows(rows: Iterable[tuple[str, dict]]) -> Iterator[ImportRow]:
    for _location, raw in rows:
        yield parse_row(raw)
