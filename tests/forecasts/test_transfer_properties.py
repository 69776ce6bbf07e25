"""Property tests of the import's row check: whatever a row holds, parse_row returns a clean row
within the stated ranges or raises a ValidationError naming fields; it never raises anything else."""

import datetime
import json
import math

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forecasts import transfer
from forecasts.models import Outcome, ProbabilityBasis, Status
from sources.models import name_key

pytestmark = pytest.mark.django_db

# JSON-like values, plus what a CSV cell or a hostile file can carry: huge integers, NaN, lone
# surrogates, NUL bytes.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**4200), max_value=10**4200),  # Hypothesis cannot print longer ones
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet=st.characters(codec=None, categories=None)),
    st.sampled_from(["", " ", "\x00", "\ud800", "0.5", "2024-01-01", "9999-12-31", "yes", "resolved", "1e309", "-1"]),
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3), max_leaves=8
)

VALID = {
    "source_title": "An article",
    "source_url": "https://example.org/a",
    "publication": "Example Times",
    "author": "A. Pundit",
    "quote": "q",
    "claim": "c",
    "estimative_phrase": "likely",
    "probability": 0.6,
    "made_on": "2024-01-05",
    "deadline": "2024-12-31",
    "resolution_criteria": "r",
}

field_values = {name: json_values for name in transfer.FIELDS}
rows = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(transfer.FIELDS), json_values),
    # Mostly valid rows with some fields replaced: reaches the checks behind the first errors.
    st.fixed_dictionaries({}, optional=field_values).map(lambda changes: {**VALID, **changes}),
)


def assert_clean(parsed: transfer.ImportRow) -> None:
    assert parsed.id is None or 1 <= parsed.id <= transfer.MAX_IMPORT_ID
    assert parsed.probability is None or (math.isfinite(parsed.probability) and 0 < parsed.probability < 1)
    assert (parsed.probability is None) == (parsed.probability_basis == ProbabilityBasis.NONE)
    assert parsed.made_on <= parsed.deadline and parsed.made_on <= parsed.review_on
    assert parsed.status in Status.values
    assert (parsed.status == Status.RESOLVED) == (parsed.outcome is not None)
    if parsed.outcome in (Outcome.YES, Outcome.NO):
        assert parsed.evidence_url and parsed.resolution_note
    assert parsed.resolved_at is None or isinstance(parsed.resolved_at, datetime.datetime)
    for name in ("source_title", "author", "quote", "claim", "resolution_criteria"):
        assert getattr(parsed, name)
    texts = [getattr(parsed, name) or "" for name in transfer.FIELDS if isinstance(getattr(parsed, name), str)]
    for text in [*texts, *parsed.tags]:
        assert "\x00" not in text
        text.encode("utf-8")  # no lone surrogates: the database would refuse them
    assert len(parsed.tags) == len({name_key(name) for name in parsed.tags})
    for name, limit in transfer.MAX_LENGTHS.items():
        assert len(getattr(parsed, name)) <= limit
    assert len(parsed.evidence_url) <= 1000


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=rows)
def test_any_row_is_a_clean_row_or_field_errors(raw):
    try:
        parsed = transfer.parse_row(raw)
    except ValidationError as exc:
        assert exc.message_dict
        for field, messages in exc.message_dict.items():
            assert field in (*transfer.FIELDS, "row")
            for message in messages:
                message.encode("utf-8")  # printable by the command, whatever the row held
        return
    assert_clean(parsed)


@settings(max_examples=100, deadline=None)
@given(raw=st.fixed_dictionaries({}, optional=field_values).map(lambda changes: {**VALID, **changes}))
def test_any_row_read_back_from_a_json_file_checks_the_same(raw, tmp_path_factory):
    # The file readers (chunked JSON, bounded integers) hand parse_row what json.loads would,
    # except that integers longer than any field are kept unconverted.
    try:
        text = json.dumps([raw])
    except ValueError:  # an integer over Python's 4,300-digit conversion limit: not writable
        return
    path = tmp_path_factory.mktemp("rows") / "row.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        [(location, read)] = list(transfer.read_rows(path))
    except transfer.ImportFileError:
        return  # a lone surrogate written raw is not UTF-8: refused as a file, with a message
    assert location == "row 1 (index 0)"
    try:
        parsed = transfer.parse_row(read)
    except ValidationError:
        return
    assert_clean(parsed)
