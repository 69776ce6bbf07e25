"""Would a library read real articles better than the hand-written code? `python -m benchmarks.extraction_libraries`

Runs the quality report (benchmarks.extraction) on the tune and legacy sets three times: as
shipped; with pysbd's sentence boundaries in place of segments.sentences_in; with dateparser's
search_dates in place of timex.deadline_in. Neither library is a dependency of Hindsight: install
them first (`pip install pysbd==0.3.4 dateparser==1.5.0`). docs/extraction.md has the numbers.
"""

from __future__ import annotations

import time
import warnings
from datetime import datetime

from benchmarks import extraction as report
from sources.extraction import candidates, segments, timex


def _numbers(label: str) -> str:
    parts = []
    for name in ("tune", "legacy"):
        started = time.perf_counter()
        total, _ = report.score_set(report.articles(name))
        r = total.rates
        parts.append(
            f"{name}: recall {r['recall']:.1%} precision {r['precision']:.1%} "
            f"in band {r['probability_in_band']:.1%} deadline year {r['deadline_year']:.1%} "
            f"({time.perf_counter() - started:.1f} s)"
        )
    return f"{label}: " + " | ".join(parts)


def main() -> None:
    warnings.filterwarnings("ignore")
    import pysbd
    from dateparser.search import search_dates

    print(_numbers("hand-written"))

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    hand_sentences = segments.sentences_in

    def pysbd_sentences(plain: str, start: int, end: int) -> list[tuple[int, int]]:
        spans = [segments.trim(plain, start + s.start, start + s.end) for s in segmenter.segment(plain[start:end])]
        return [(s, e) for s, e in spans if e > s]

    segments.sentences_in = pysbd_sentences
    print(_numbers("pysbd sentences"))
    segments.sentences_in = hand_sentences

    hand_deadline = candidates.deadline_in

    def dateparser_deadline(plain, start, end, published_on):
        base = datetime(published_on.year, published_on.month, published_on.day)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future", "PREFER_DAY_OF_MONTH": "last"}
        found = search_dates(plain[start:end], languages=["en"], settings=settings)
        if not found:
            return None
        latest = max(d.replace(tzinfo=None) for _, d in found).date()
        return timex.When(latest, candidates.DEADLINE_STATED, found[-1][0]) if latest >= published_on else None

    candidates.deadline_in = dateparser_deadline
    print(_numbers("dateparser search_dates"))
    candidates.deadline_in = hand_deadline


if __name__ == "__main__":
    main()
