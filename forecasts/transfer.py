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

from sources.models import name_key

from . import rules
from .models import Forecast, Outcome, ProbabilityBasis, Status, resolution_errors, review_on_or_deadline
from .records import RECORD_FIELDS, ForecastRecord

# The field list and the row type are declared once, in forecasts/records.py: export, import and
# the article import's preview all use them.
FIELDS = RECORD_FIELDS
ImportRow = ForecastRecord
REQUIRED = ("source_title", "author", "quote", "claim", "made_on", "deadline", "resolution_criteria")
MAX_LENGTHS = {
    "source_title": 500,
    "source_url": 1000,
    "publication": 200,
    "author": 200,
    "estimative_phrase": 100,
    "reference_source": 300,
}
USERNAME_FIELDS = ("reviewer", "resolved_by", "recorded_by")
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
        if len(name) > 64:
            raise ValueError(f"tag '{_shown(name, 20)}' is longer than 64 characters")
        kept.setdefault(name_key(name), name)
    return tuple(kept.values())


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


def parse_row(raw) -> ImportRow:
    """Check one row against the rules the database enforces, with a message per field.

    Raises only ValidationError, whatever `raw` holds."""
    if isinstance(raw, InvalidRow):
        raise ValidationError({"row": raw.message})
    if not isinstance(raw, dict):
        raise ValidationError({"row": "must be an object with the export fields"})
    errors: dict[str, str] = {}
    unknown = sorted(_shown(name) for name in set(raw) - set(FIELDS) - {"__extra__"})
    if unknown:
        errors["row"] = f"unknown field(s): {', '.join(unknown)}"
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
        "reference_source",
    ):
        take(name, _text)
    take("id", _id)
    take("probability", _probability)
    take("reference_probability", _probability)
    take("made_on", _date)
    take("deadline", _date)
    take("review_on", lambda v: None if v in (None, "") else _date(v))
    take("tags", _tags)
    for name in USERNAME_FIELDS:
        take(name, _username)
    take("resolved_at", _moment)
    take("status", lambda v: _text(v) or Status.OPEN)
    take("outcome", lambda v: _text(v) or None)
    take("probability_basis", _text)

    for name in REQUIRED:
        if name not in errors and not values.get(name):
            errors[name] = "is required"
    for name, limit in MAX_LENGTHS.items():
        if len(values.get(name) or "") > limit:
            errors[name] = f"is longer than {limit} characters"
    if values.get("source_url") and "source_url" not in errors:
        try:
            URLValidator()(values["source_url"])
        except ValidationError:
            errors["source_url"] = f"'{_shown(values['source_url'])}' is not a valid URL"

    status, outcome = values.get("status"), values.get("outcome")
    if status is not None and status not in Status.values:
        errors["status"] = f"'{_shown(status)}' is not one of {', '.join(Status.values)}"
    if outcome is not None and outcome not in Outcome.values:
        errors["outcome"] = f"'{_shown(outcome)}' is not one of {', '.join(Outcome.values)} (or empty)"
    if "status" not in errors and "outcome" not in errors:
        if status == Status.RESOLVED and outcome is None:
            errors["outcome"] = "a resolved forecast needs an outcome"
        elif status != Status.RESOLVED and outcome is not None:
            errors["status"] = "a forecast with an outcome must have status 'resolved'"
        elif status == Status.RESOLVED:
            # The resolve service's own rule: a yes or no needs its evidence and a note.
            for name, message in resolution_errors(
                outcome=outcome, evidence_url=values.get("evidence_url") or "", note=values.get("resolution_note") or ""
            ).items():
                errors.setdefault(name, message)
        else:
            for name in ("resolved_at", "resolved_by"):
                if values.get(name):
                    errors[name] = "only a resolved forecast has this"

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

    if values.get("reference_probability") is not None and not values.get("reference_source"):
        errors.setdefault("reference_source", "is required with a reference_probability (say where it comes from)")

    made_on, deadline = values.get("made_on"), values.get("deadline")
    if isinstance(made_on, datetime.date) and isinstance(deadline, datetime.date):
        if deadline < made_on:
            errors["deadline"] = f"{deadline} is before made_on {made_on}"
        review_on = review_on_or_deadline(values.get("review_on"), deadline)
        values["review_on"] = review_on
        if review_on < made_on:
            errors["review_on"] = f"{review_on} is before made_on {made_on}"

    _model_errors(values, errors)
    if errors:
        raise ValidationError(errors)
    return ImportRow(**values)


def _model_errors(values: dict, errors: dict[str, str]) -> None:
    """The model's field validators (the same ranges, lengths and URL rules as the API and the
    admin) for every field that parsed; database constraints are left to the write."""
    checked = [name for name in _MODEL_CHECKED if name not in errors and name in values]
    if "probability" in errors and "probability_basis" in checked:
        checked.remove("probability_basis")
    forecast = Forecast(**{name: values[name] for name in checked})
    try:
        forecast.clean_fields(exclude={field.name for field in Forecast._meta.fields} - set(checked))
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, " ".join(messages))


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
