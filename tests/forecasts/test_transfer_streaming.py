"""The chunked JSON array reader behind import_forecasts: same items as json.load, flat memory."""

import io
import json
import tracemalloc

import pytest

from forecasts import transfer

DOCUMENTS = [
    "[]",
    " [ ] ",
    '[{"a": 1}]',
    '[\n  {"claim": "Trade will grow", "probability": 0.7, "tags": ["trade", "asia"]},\n  {"x": null}\n]\n',
    '[1, 22, 333, -4.5e3, true, false, null, "s\\"tr\\u00e9", [1, [2]], {"k": {"n": []}}]',
    '[{"text": "' + "long " * 500 + '"}, {"text": "caf\u00e9 \u2014 \u2705"}]',
]


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("chunk_chars", [1, 2, 3, 7, 64, 1 << 16])
def test_items_are_those_of_json_load_whatever_the_chunk_size(document, chunk_chars):
    items = list(transfer.iter_json_array(io.StringIO(document), chunk_chars=chunk_chars))
    assert items == json.loads(document)


@pytest.mark.parametrize(
    ("document", "line"),
    [
        ("[\n{}\n,\n{", 4),
        ("[\n  {},\n  {}\n  {}\n]", 4),
        ('[\n{"a": 1},\n]', 3),
        ("[{}] x", 1),
        ("[{}", 1),
        ("nonsense", 1),
        ("\n\n", 3),
    ],
)
@pytest.mark.parametrize("chunk_chars", [1, 4, 1 << 16])
def test_broken_json_is_an_error_with_the_line_counted_from_the_start_of_the_file(document, line, chunk_chars):
    with pytest.raises(json.JSONDecodeError) as excinfo:
        list(transfer.iter_json_array(io.StringIO(document), chunk_chars=chunk_chars))
    assert excinfo.value.lineno == line


@pytest.mark.parametrize("document", ['{"a": 1}', '"text"', "12"])
def test_a_document_that_is_not_an_array_is_refused(document):
    with pytest.raises(transfer.NotAnArrayError):
        list(transfer.iter_json_array(io.StringIO(document)))


def test_memory_stays_flat_as_the_array_grows(tmp_path):
    """Reading 50,000 items needs no more memory than reading 10,000: one chunk and one item."""

    def peak_while_reading(count: int) -> int:
        path = tmp_path / f"{count}.json"
        path.write_text(json.dumps([{"claim": f"claim {i}", "probability": 0.5} for i in range(count)]))
        tracemalloc.start()
        try:
            for _location, _row in transfer.read_rows(path):
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak_while_reading(10_000), peak_while_reading(50_000)
    assert large < small * 1.5
