"""How well the extractor reads real articles: `python -m benchmarks.extraction [--set NAME]`.

Each article is a .txt with a .json answer key written before the extractor ran on it
(tests/sources/articles/published/README.md). Per set and per article it prints:

- recall: gold forecasts matched by a candidate / gold forecasts;
- precision: candidates that match a gold forecast / candidates, leaving out candidates that
  match only an `optional` entry (those are neither misses nor false proposals);
- probability in band: matched forecasts whose candidate probability lies in the gold band
  (`none`: the candidate has no probability; `any`: always);
- deadline year: matched forecasts with a stated year whose candidate deadline has that year;
- hedge-free, with subject: shares of candidates whose claim has no hedge word, and a subject;
- criteria: share of candidates with drafted resolution criteria;
- forecaster named: matched forecasts the gold attributes to someone else (an institution, an
  interviewee) whose candidate names that forecaster;
- then the misses and the false proposals.

Sets: tune, holdout-1 (seen), holdout-2 (seen), holdout-3 (seen), holdout-4 (seen since round five),
holdout-5 (seen since round six), holdout-6 (seen since round seven), holdout-7 (seen since round
eight), holdout-8 and holdout-9 (seen since round nine), holdout-10 and holdout-11 (seen since round
ten), holdout-12 and holdout-13 (seen since round eleven), holdout-14 and holdout-15 (seen since
round twelve), holdout-16 and holdout-17 (seen since round thirteen), holdout-18 and holdout-19
(seen since round fourteen), holdout-20 to holdout-23 (seen since round fifteen), holdout-24 and
holdout-25 (seen since round sixteen), holdout-26 to holdout-33 (seen since round seventeen),
holdout-34 to holdout-39 (seen since round eighteen), holdout-40 to holdout-45 (seen since round
nineteen), holdout-46 to holdout-50 (seen since round twenty), holdout-51 to holdout-55 (seen since
round twenty-one), holdout-56 to holdout-60 (seen since round twenty-two), holdout-61 to holdout-65
(seen since round twenty-three), holdout-66 to holdout-70 (seen since round twenty-four),
holdout-71 to holdout-75 (never tuned on), legacy, all.

A candidate matches a gold entry when the gold `quote` and the candidate's quote overlap:
one holds the other, or they share a run of words as long as most of the shorter one.

Each article is read as of its gold `published_on`. A page that states no date makes the import
ask the editor for one, and an editor types the real date or their best estimate; so the report
reads such a page as of `published_about`, the date the annotator estimated from its text, and as
of 1 January of the slug's year only when the annotator could say no more than the year.
Pure: needs no database and no Django.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "sources" / "articles"
SET_FOLDERS = {
    "tune": [ARTICLES / "published" / "tune"],
    # seen: its figures were read after tuning, so it is reported but is no longer unseen evidence
    "holdout-1": [ARTICLES / "published" / "holdout"],
    # seen: measured once at the end of the second round, and its misses were read after that
    "holdout-2": [ARTICLES / "published" / "holdout-2"],
    # seen since round four: annotated before the third round of rules, measured once unseen at its end
    "holdout-3": [ARTICLES / "published" / "holdout-3"],
    # seen since round five: annotated and committed before the fourth round's rules were measured on
    # it (measured once, unseen, then); its failures were read and fixed in the fifth round
    "holdout-4": [ARTICLES / "published" / "holdout-4"],
    # seen since round six: annotated and committed before the fifth round's rules were measured on
    # it (measured once, unseen, then); its failures were read and fixed in the sixth round
    "holdout-5": [ARTICLES / "published" / "holdout-5"],
    # seen since round seven: annotated and committed before the sixth round's rules were measured on
    # it (measured once, unseen, then); its failures were read and fixed in the seventh round
    "holdout-6": [ARTICLES / "published" / "holdout-6"],
    # seen since round eight: annotated and committed before the seventh round's rules were measured
    # on it (measured once, unseen, then); its failures were read and fixed in the eighth round
    "holdout-7": [ARTICLES / "published" / "holdout-7"],
    # seen since round nine: annotated and committed before the eighth round's rules were measured on
    # them (measured once, unseen, then); their failures were read and fixed in the ninth round
    "holdout-8": [ARTICLES / "published" / "holdout-8"],
    "holdout-9": [ARTICLES / "published" / "holdout-9"],
    # seen since round ten: annotated and committed before the ninth round's rules were measured on
    # them (measured once, unseen, then); their failures were read and fixed in the tenth round
    "holdout-10": [ARTICLES / "published" / "holdout-10"],
    "holdout-11": [ARTICLES / "published" / "holdout-11"],
    # seen since round eleven: annotated and committed before the tenth round's rules were measured on
    # them (measured once, unseen, then); their failures were read in the eleventh round
    "holdout-12": [ARTICLES / "published" / "holdout-12"],
    "holdout-13": [ARTICLES / "published" / "holdout-13"],
    # seen since round twelve: annotated and committed before the eleventh round's rules were measured
    # on them (measured once, unseen, then); their failures were read in the twelfth round
    "holdout-14": [ARTICLES / "published" / "holdout-14"],
    "holdout-15": [ARTICLES / "published" / "holdout-15"],
    # seen since round thirteen: annotated and committed before the twelfth round's rules were
    # measured on them (measured once, unseen, then); their failures were read in the thirteenth round
    "holdout-16": [ARTICLES / "published" / "holdout-16"],
    "holdout-17": [ARTICLES / "published" / "holdout-17"],
    # seen since round fourteen: annotated and committed before the thirteenth round's rules were
    # measured on them (measured once, unseen, then); their failures were read in the fourteenth round
    "holdout-18": [ARTICLES / "published" / "holdout-18"],
    "holdout-19": [ARTICLES / "published" / "holdout-19"],
    # seen since round fifteen: annotated and committed before the fourteenth round's rules were
    # measured on them (measured, unseen, with the thirteenth and fourteenth); read in the fifteenth
    "holdout-20": [ARTICLES / "published" / "holdout-20"],
    "holdout-21": [ARTICLES / "published" / "holdout-21"],
    # seen since round fifteen: annotated and committed before any rule of the fifteenth round existed
    # (measured once, unseen, with the fourteenth round's rules); their failures were read in the fifteenth
    "holdout-22": [ARTICLES / "published" / "holdout-22"],
    "holdout-23": [ARTICLES / "published" / "holdout-23"],
    # seen since round sixteen: annotated and committed before any rule of the fifteenth round existed,
    # measured, unseen, with the fourteenth round's rules and at the end of the fifteenth; read in the sixteenth
    "holdout-24": [ARTICLES / "published" / "holdout-24"],
    "holdout-25": [ARTICLES / "published" / "holdout-25"],
    # seen since round seventeen: annotated and committed after the fifteenth round's rules were written,
    # measured with them and at the end of the sixteenth round; read in the seventeenth
    "holdout-26": [ARTICLES / "published" / "holdout-26"],
    "holdout-27": [ARTICLES / "published" / "holdout-27"],
    # seen since round seventeen: annotated and committed before any rule of the sixteenth round was merged,
    # measured with the fifteenth round's rules as soon as they were committed and at the end of the
    # sixteenth; read in the seventeenth
    "holdout-28": [ARTICLES / "published" / "holdout-28"],
    "holdout-29": [ARTICLES / "published" / "holdout-29"],
    "holdout-30": [ARTICLES / "published" / "holdout-30"],
    "holdout-31": [ARTICLES / "published" / "holdout-31"],
    "holdout-32": [ARTICLES / "published" / "holdout-32"],
    "holdout-33": [ARTICLES / "published" / "holdout-33"],
    # seen since round eighteen: annotated and committed before any rule of the seventeenth round was
    # merged, measured with the sixteenth round's rules and at the end of the seventeenth; read in the
    # eighteenth
    "holdout-34": [ARTICLES / "published" / "holdout-34"],
    "holdout-35": [ARTICLES / "published" / "holdout-35"],
    "holdout-36": [ARTICLES / "published" / "holdout-36"],
    "holdout-37": [ARTICLES / "published" / "holdout-37"],
    "holdout-38": [ARTICLES / "published" / "holdout-38"],
    "holdout-39": [ARTICLES / "published" / "holdout-39"],
    # seen since round nineteen: annotated and committed before any rule of the eighteenth round was
    # merged, measured with the seventeenth round's rules and at the end of the eighteenth; read in the
    # nineteenth
    "holdout-40": [ARTICLES / "published" / "holdout-40"],
    "holdout-41": [ARTICLES / "published" / "holdout-41"],
    "holdout-42": [ARTICLES / "published" / "holdout-42"],
    "holdout-43": [ARTICLES / "published" / "holdout-43"],
    "holdout-44": [ARTICLES / "published" / "holdout-44"],
    "holdout-45": [ARTICLES / "published" / "holdout-45"],
    # seen since round twenty: annotated and committed before any rule of the nineteenth round was merged,
    # measured with the eighteenth round's rules and at the end of the nineteenth; read in the twentieth
    "holdout-46": [ARTICLES / "published" / "holdout-46"],
    "holdout-47": [ARTICLES / "published" / "holdout-47"],
    "holdout-48": [ARTICLES / "published" / "holdout-48"],
    "holdout-49": [ARTICLES / "published" / "holdout-49"],
    "holdout-50": [ARTICLES / "published" / "holdout-50"],
    # seen since round twenty-one: annotated and committed before any rule of the twentieth round was
    # merged, measured with the nineteenth round's rules and at the end of the twentieth; read in the
    # twenty-first
    "holdout-51": [ARTICLES / "published" / "holdout-51"],
    "holdout-52": [ARTICLES / "published" / "holdout-52"],
    "holdout-53": [ARTICLES / "published" / "holdout-53"],
    "holdout-54": [ARTICLES / "published" / "holdout-54"],
    "holdout-55": [ARTICLES / "published" / "holdout-55"],
    # seen since round twenty-two: annotated and committed before any rule of the twenty-first round
    # was merged, measured with the twentieth round's rules and at the end of the twenty-first; read in
    # the twenty-second
    "holdout-56": [ARTICLES / "published" / "holdout-56"],
    "holdout-57": [ARTICLES / "published" / "holdout-57"],
    "holdout-58": [ARTICLES / "published" / "holdout-58"],
    "holdout-59": [ARTICLES / "published" / "holdout-59"],
    "holdout-60": [ARTICLES / "published" / "holdout-60"],
    # seen since round twenty-three: annotated and committed before any rule of the twenty-second
    # round was merged, under the format's explicit reading of a plain "will" whoever says it;
    # measured with the twenty-first round's rules and at the end of the twenty-second; read in the
    # twenty-third
    "holdout-61": [ARTICLES / "published" / "holdout-61"],
    "holdout-62": [ARTICLES / "published" / "holdout-62"],
    "holdout-63": [ARTICLES / "published" / "holdout-63"],
    "holdout-64": [ARTICLES / "published" / "holdout-64"],
    "holdout-65": [ARTICLES / "published" / "holdout-65"],
    # seen since round twenty-four: annotated and committed before any rule of the twenty-third
    # round was merged; measured with the twenty-second round's rules and at the end of the
    # twenty-third; read in the twenty-fourth
    "holdout-66": [ARTICLES / "published" / "holdout-66"],
    "holdout-67": [ARTICLES / "published" / "holdout-67"],
    "holdout-68": [ARTICLES / "published" / "holdout-68"],
    "holdout-69": [ARTICLES / "published" / "holdout-69"],
    "holdout-70": [ARTICLES / "published" / "holdout-70"],
    # never tuned on: annotated and committed before any rule of the twenty-fourth round was merged;
    # measured with the twenty-third round's rules as soon as they were committed
    "holdout-71": [ARTICLES / "published" / "holdout-71"],
    "holdout-72": [ARTICLES / "published" / "holdout-72"],
    "holdout-73": [ARTICLES / "published" / "holdout-73"],
    "holdout-74": [ARTICLES / "published" / "holdout-74"],
    "holdout-75": [ARTICLES / "published" / "holdout-75"],
    # the articles written for the tests before the real corpus: kept, but not evidence
    "legacy": [ARTICLES, ARTICLES / "tune", ARTICLES / "holdout"],
}
# Share of the shorter quote two quotes must have in common to be the same forecast.
OVERLAP = 0.6
# ... and at least this many characters: "Tie 0.2%" is not "Tie 0.10658%"
MIN_SHARED = 16


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).strip(" .").lower()


def overlaps(gold: str, quote: str) -> bool:
    a, b = normalise(gold), normalise(quote)
    if not a or not b:
        return False
    if a in b or b in a:
        # A few words with no figure ("U.S.", "Labor", "Holding steady.") inside a long key name too
        # little of it to be its forecast; a short row with its figure ("Obama 96.7%") does.
        shorter, longer = sorted((a, b), key=len)
        return len(shorter) >= min(MIN_SHARED, OVERLAP * len(longer)) or any(ch.isdigit() for ch in shorter)
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= max(OVERLAP * min(len(a), len(b)), MIN_SHARED)


def band_holds(entry: dict, probability: float | None) -> bool:
    """Whether a candidate's probability agrees with the gold entry's band."""
    from sources import scales

    band = entry.get("band", "any")
    if band == "any":
        return True
    if band == "none":
        return probability is None
    if probability is None:
        return False
    if isinstance(band, list):  # the older keys give a stated number as [low, high]
        return band[0] - 0.005 <= probability <= band[1] + 0.005
    if entry.get("probability") is not None:
        return abs(probability - float(entry["probability"])) <= 0.005
    icd = scales.ICD203.band(band)
    return icd.lower - 1e-9 <= probability <= icd.upper + 1e-9


@dataclass
class ArticleScore:
    name: str
    gold: int = 0
    matched: int = 0
    candidates: int = 0
    judged: int = 0  # candidates that count for precision (not only-optional)
    true_proposals: int = 0
    band_right: int = 0
    years_judged: int = 0
    year_right: int = 0
    hedge_free: int = 0
    with_subject: int = 0
    with_criteria: int = 0
    attributed: int = 0  # matched forecasts the gold gives to someone other than the author
    forecaster_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_proposals: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: ArticleScore) -> None:
        for name in ("gold", "matched", "candidates", "judged", "true_proposals", "band_right", "years_judged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("year_right", "hedge_free", "with_subject", "with_criteria", "attributed", "forecaster_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def rates(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return part / whole if whole else 1.0

        return {
            "recall": share(self.matched, self.gold),
            "precision": share(self.true_proposals, self.judged),
            "probability_in_band": share(self.band_right, self.matched),
            "deadline_year": share(self.year_right, self.years_judged),
            "hedge_free": share(self.hedge_free, self.candidates),
            "with_subject": share(self.with_subject, self.candidates),
            "criteria": share(self.with_criteria, self.candidates),
            "forecaster": share(self.forecaster_right, self.attributed),
        }


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z][\w&.\-]*", name) if word[0].isupper())


def same_forecaster(got: str, want: str) -> bool:
    """Whether a candidate's forecaster names the gold one: one holds the other, or one is the
    other's initials ("IMF" for "International Monetary Fund")."""
    if not got:
        return False
    a, b = got.lower(), want.lower()
    if a in b or b in a:
        return True
    short, long = sorted((got, want), key=len)
    return (
        short.isupper()
        and len(short) >= 2
        and short.lower() in {_initials(long).lower(), _initials(long.split("(")[0]).lower()}
    )


def publication_date(name: str, key: dict) -> date:
    """The date the article is read as of: `published_on`, else `published_about`, else 1 January.

    A page that states no date makes the import ask the editor for one, and the editor types the
    real date or their best estimate, so such a page is read as of the annotator's estimate from
    its text (`published_about`); only when the annotator could place it no closer than a year is
    it read as of 1 January of the slug's year.
    """
    if key.get("published_on"):
        return date.fromisoformat(key["published_on"])
    if key.get("published_about"):
        return date.fromisoformat(key["published_about"])
    return date(int(name[-4:]), 1, 1)


def score_article(name: str, text: str, key: dict, candidates: list | None = None) -> ArticleScore:
    """The article's figures for `candidates` (by default, what the extractor proposes)."""
    from sources.extraction import extract_candidates
    from sources.extraction.claims import has_subject, hedge_words

    if candidates is None:
        candidates = extract_candidates(text, published_on=publication_date(name, key))
    gold = key.get("forecasts", [])
    optional = key.get("optional", [])
    score = ArticleScore(name=name, gold=len(gold), candidates=len(candidates))
    for entry in gold:
        matches = [c for c in candidates if overlaps(entry["quote"], c.quote)]
        if not matches:
            score.misses.append(entry["quote"])
            continue
        score.matched += 1
        # the tightest candidate holding the key speaks for it
        key_text = normalise(entry["quote"])
        best = min(matches, key=lambda c: (key_text not in normalise(c.quote), len(c.quote)))
        band_ok = band_holds(entry, best.probability)
        score.band_right += band_ok
        year = entry.get("deadline_year", "any")
        year_ok = True
        if isinstance(year, int):
            score.years_judged += 1
            year_ok = best.deadline is not None and best.deadline.year == year
            score.year_right += year_ok
        if entry.get("forecaster"):
            score.attributed += 1
            got, want = best.forecaster or "", entry["forecaster"]
            score.forecaster_right += same_forecaster(got, want)
        if not (band_ok and year_ok):
            got = f"p={best.probability} deadline={best.deadline}"
            score.wrong.append(f"{entry['quote']!r}: gold {entry.get('band')}/{year}, got {got}")
    for candidate in candidates:
        score.hedge_free += not hedge_words(candidate.claim)
        score.with_subject += has_subject(candidate.claim)
        score.with_criteria += bool(candidate.criteria)
        if any(overlaps(entry["quote"], candidate.quote) for entry in gold):
            score.judged += 1
            score.true_proposals += 1
        elif any(overlaps(entry["quote"], candidate.quote) for entry in optional):
            continue
        else:
            score.judged += 1
            score.false_proposals.append(candidate.quote)
    return score


def articles(set_name: str) -> list[tuple[str, Path]]:
    found = []
    for folder in SET_FOLDERS[set_name]:
        for path in sorted(folder.glob("*.txt")):
            if path.with_suffix(".json").exists():
                found.append((str(path.relative_to(ARTICLES).with_suffix("")), path))
    return found


def score_set(paths: list[tuple[str, Path]]) -> tuple[ArticleScore, list[ArticleScore]]:
    total = ArticleScore(name="all")
    scores = []
    for name, path in paths:
        key = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        score = score_article(name, path.read_text(encoding="utf-8"), key)
        total.add(score)
        scores.append(score)
    return total, scores


def _line(label: str, score: ArticleScore) -> str:
    r = score.rates
    return (
        f"{label}: recall {r['recall']:.0%} ({score.matched}/{score.gold}), "
        f"precision {r['precision']:.0%} ({score.true_proposals}/{score.judged}), "
        f"in band {r['probability_in_band']:.0%} ({score.band_right}/{score.matched}), "
        f"deadline year {r['deadline_year']:.0%} ({score.year_right}/{score.years_judged}), "
        f"hedge-free {r['hedge_free']:.0%}, with subject {r['with_subject']:.0%}, "
        f"criteria {r['criteria']:.0%} ({score.with_criteria}/{score.candidates}), "
        f"forecaster named {r['forecaster']:.0%} ({score.forecaster_right}/{score.attributed})"
    )


def report(set_name: str, *, details: bool = True) -> str:
    total, scores = score_set(articles(set_name))
    lines = [_line(f"== {set_name}, {len(scores)} articles", total)]
    for score in scores:
        lines.append(_line(f"  {score.name}", score))
        if details:
            lines += [f"      miss: {q}" for q in score.misses]
            lines += [f"      false: {q}" for q in score.false_proposals]
            lines += [f"      wrong: {w}" for w in score.wrong]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=(*SET_FOLDERS, "all"), default="tune")
    parser.add_argument("--quiet", action="store_true", help="Numbers only, no lists of misses.")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    names = list(SET_FOLDERS) if options.set == "all" else [options.set]
    print("\n\n".join(report(name, details=not options.quiet) for name in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
