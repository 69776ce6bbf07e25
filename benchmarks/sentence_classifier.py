"""Does a learned sentence classifier help the rules on articles it was not trained on?

`python -m benchmarks.sentence_classifier [--folds article,kfold,set]` (needs scikit-learn,
from requirements-dev.txt).

Every sentence of the real corpus (tune, holdout-1, holdout-2, holdout-3; never a set being
annotated) is a training example: positive when it overlaps a gold forecast's quote, negative
when it overlaps none, left out when it overlaps only an `optional` entry. The model is a
logistic regression on plain-Python features (`features`: words, word pairs, three- to
five-letter pieces of words, the rules' markers and their kinds and bands, year, number,
percentage, question, length), small enough to ship as a table of coefficients if it helped.

Two ways of combining it with the rules are measured, each against the rules alone on the same
held-out articles, with the quality report's own matching (`benchmarks.extraction`):

- veto: a rule candidate whose sentence scores below a threshold is dropped (precision);
- rescue: a sentence with no rule candidate that scores above a threshold is proposed, with no
  probability and flagged (recall);
- both.

Each policy's thresholds are chosen on all the training articles, and (starred) on the training
articles outside the tuning set only.

The thresholds are never chosen on the test articles: for each held-out fold, the training
articles are themselves split five ways by article, scored out of fold, and the thresholds that
give the best F1 (harmonic mean of recall and precision) there are applied to the test fold.

Fold types: `article` (leave one article out), `kfold` (ten folds grouped by article) and `set`
(leave one set out; and trained on the tuning set alone, tested on the three holdouts).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks import extraction
from sources.extraction.markers import find_markers
from sources.extraction.segments import blocks, sentences_in
from sources.extraction.text import to_plain, trim

# one thread: the fits are small, and threads only fight over a shared machine
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

# The sets a model may learn from: the tuning set and the holdouts already measured.
TRAINING_SETS = ("tune", "holdout-1", "holdout-2", "holdout-3")
VETO_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
RESCUE_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)  # 1.01: never
OFF_VETO, OFF_RESCUE = 0.0, 1.01
POLICIES = ("veto", "rescue", "both", "veto*", "rescue*", "both*")
# chosen by grouped ten-fold AUC over all the articles among 0.3, 1, 3, 10, 30, 100
C = 10.0


_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$?]")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERCENT = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b)", re.I)
# A bullet or a number opening a line is not part of the sentence.
_ITEM = re.compile(r"[ \t\u00a0]*(?:[\u2022\u25aa\u25cf\u25e6\u2023\u2043*\-\u2013\u2014]|\d{1,2}[.)])[ \t\u00a0]+")


def units(plain: str) -> list[tuple[int, int]]:
    """Every sentence of every block, headings and list items included, as spans of the text."""
    spans = []
    for start, end in blocks(plain):
        item = _ITEM.match(plain, start, end)
        if item:
            start = item.end()
        start, end = trim(plain, start, end)
        if start < end:
            spans.extend(sentences_in(plain, start, end))
    return spans


def _token(word: str) -> str:
    if word[0].isdigit():
        return "<year>" if _YEAR.fullmatch(word) else "<num>"
    return word


def features(plain: str, start: int, end: int) -> dict[str, float]:
    """The sentence `plain[start:end]` as named features, scaled to unit length (a long sentence
    does not score high for being long)."""
    sentence = plain[start:end]
    words = [_token(w) for w in _TOKEN.findall(sentence.lower())]
    names = {f"w:{w}" for w in words}
    names.update(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    for word in _WORD.findall(sentence.lower()):
        padded = f" {_DIGIT.sub('0', word)} "
        for n in (3, 4, 5):
            names.update(f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1))
    markers = find_markers(plain, start, end)
    if markers:
        names.add("rule:marker")
    names.update(f"rule:kind:{m.kind}" for m in markers)
    names.update(f"rule:band:{m.category}" for m in markers if m.category)
    if _YEAR.search(sentence):
        names.add("rule:year")
    if _DIGIT.search(sentence):
        names.add("rule:number")
    if _PERCENT.search(sentence):
        names.add("rule:percent")
    if sentence.rstrip("\"') ").endswith("?"):
        names.add("rule:question")
    names.add(f"rule:length:{min(int(math.log2(len(words) + 1)), 6)}")
    weight = 1 / math.sqrt(len(names))
    return dict.fromkeys(sorted(names), weight)


@dataclass
class Article:
    set_name: str
    name: str
    text: str
    key: dict
    published_on: date
    spans: list[tuple[int, int]]
    features: list[dict[str, float]]
    labels: list[int | None]
    rules: list  # the extractor's candidates
    rule_units: list[list[int]]  # for each rule candidate, the units it overlaps
    free_units: list[int]  # units no rule candidate overlaps (what a rescue may propose)
    # what each rule candidate and each unit would match: gold indices, and whether only optional
    rule_gold: list[set[int]] = field(default_factory=list)
    rule_optional: list[bool] = field(default_factory=list)
    unit_gold: dict[int, set[int]] = field(default_factory=dict)
    unit_optional: dict[int, bool] = field(default_factory=dict)


def load(set_names: tuple[str, ...] = TRAINING_SETS) -> list[Article]:
    from sources.extraction import extract_candidates

    found = []
    for set_name in set_names:
        for name, path in extraction.articles(set_name):
            text = path.read_text(encoding="utf-8")
            key = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            plain = to_plain(text)
            published_on = extraction.publication_date(name, key)
            spans = units(plain)
            gold = [e["quote"] for e in key.get("forecasts", [])]
            optional = [e["quote"] for e in key.get("optional", [])]
            labels: list[int | None] = []
            unit_gold, unit_optional = {}, {}
            for i, (s, e) in enumerate(spans):
                hits = {g for g, quote in enumerate(gold) if extraction.overlaps(quote, text[s:e])}
                in_optional = any(extraction.overlaps(quote, text[s:e]) for quote in optional)
                unit_gold[i], unit_optional[i] = hits, in_optional
                labels.append(1 if hits else None if in_optional else 0)
            rules = extract_candidates(text, published_on=published_on)
            rule_units = [[i for i, (s, e) in enumerate(spans) if s < c.end and c.start < e] for c in rules]
            covered = {i for indices in rule_units for i in indices}
            article = Article(
                set_name,
                name,
                text,
                key,
                published_on,
                spans,
                [features(plain, s, e) for s, e in spans],
                labels,
                rules,
                rule_units,
                [i for i in range(len(spans)) if i not in covered],
                unit_gold=unit_gold,
                unit_optional=unit_optional,
            )
            for c in rules:
                hits = {g for g, quote in enumerate(gold) if extraction.overlaps(quote, c.quote)}
                article.rule_gold.append(hits)
                article.rule_optional.append(any(extraction.overlaps(quote, c.quote) for quote in optional))
            found.append(article)
    return found


def fit(articles: list[Article]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    xs, ys = [], []
    for article in articles:
        for x, y in zip(article.features, article.labels, strict=True):
            if y is not None:
                xs.append(x)
                ys.append(y)
    model = make_pipeline(
        DictVectorizer(sort=True), LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="lbfgs")
    )
    return model.fit(xs, ys)


def predict(model, articles: list[Article]) -> dict[str, list[float]]:
    return {a.name: list(model.predict_proba(a.features)[:, 1]) if a.features else [] for a in articles}


def _rule_score(article: Article, index: int, probs: list[float]) -> float:
    units = article.rule_units[index]
    return max((probs[u] for u in units), default=1.0)


def counts(articles: list[Article], probs: dict[str, list[float]], veto: float, rescue: float) -> tuple[int, ...]:
    """(matched, gold, true proposals, judged) of rules + classifier at these thresholds."""
    matched = gold_total = true = judged = 0
    for article in articles:
        p = probs[article.name]
        proposals: list[tuple[set[int], bool]] = []
        for i in range(len(article.rules)):
            if _rule_score(article, i, p) >= veto:
                proposals.append((article.rule_gold[i], article.rule_optional[i]))
        for u in article.free_units:
            if p[u] >= rescue:
                proposals.append((article.unit_gold[u], article.unit_optional[u]))
        hit: set[int] = set()
        for golds, optional in proposals:
            hit |= golds
            if golds:
                true += 1
                judged += 1
            elif not optional:
                judged += 1
        matched += len(hit)
        gold_total += len(article.key.get("forecasts", []))
    return matched, gold_total, true, judged


def f1(matched: int, gold: int, true: int, judged: int) -> float:
    recall = matched / gold if gold else 1.0
    precision = true / judged if judged else 1.0
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def choose(articles: list[Article], probs: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    """The thresholds of each policy that give the best F1 on these (training) articles."""
    grids = {
        "veto": [(v, OFF_RESCUE) for v in VETO_GRID],
        "rescue": [(OFF_VETO, r) for r in RESCUE_GRID],
        "both": [(v, r) for v in VETO_GRID for r in RESCUE_GRID],
    }
    # ties go to the mildest setting: the least vetoed, the least rescued
    return {
        policy: max(grid, key=lambda t: (round(f1(*counts(articles, probs, *t)), 6), -t[0], t[1]))
        for policy, grid in grids.items()
    }


def _groups(articles: list[Article], k: int) -> list[list[Article]]:
    """k folds of whole articles, dealt round-robin in name order (deterministic)."""
    ordered = sorted(articles, key=lambda a: a.name)
    return [ordered[i::k] for i in range(k)]


def out_of_fold(articles: list[Article], k: int = 5) -> dict[str, list[float]]:
    probs: dict[str, list[float]] = {}
    for fold in _groups(articles, k):
        names = {a.name for a in fold}
        probs.update(predict(fit([a for a in articles if a.name not in names]), fold))
    return probs


def held_out(train: list[Article], test: list[Article]) -> tuple[dict, dict[str, tuple[float, float]]]:
    """Test-fold probabilities from a model fitted on `train`, and thresholds chosen on `train` alone.

    Each policy's thresholds are chosen twice: on all the training articles, and (the policy's
    name starred) on the training articles outside the tuning set, because the rules were
    written on the tuning set and are better there than on any new text.
    """
    probs = out_of_fold(train)
    thresholds = choose(train, probs)
    unseen_like = [a for a in train if a.set_name != "tune"] or train
    thresholds.update({f"{policy}*": t for policy, t in choose(unseen_like, probs).items()})
    return predict(fit(train), test), thresholds


def candidates_with(article: Article, probs: list[float], veto: float, rescue: float) -> list:
    """The rule candidates kept and the sentences rescued, as the quality report reads them."""
    from sources.extraction.candidate import Candidate
    from sources.extraction.deadlines import deadline_in
    from sources.extraction.flags import BASIS_NONE, DEADLINE_DEFAULT

    plain = to_plain(article.text)
    kept = [c for i, c in enumerate(article.rules) if _rule_score(article, i, probs) >= veto]
    for u in article.free_units:
        if probs[u] < rescue:
            continue
        s, e = article.spans[u]
        when = deadline_in(plain, s, e, article.published_on)
        deadline = when.deadline if when else date(article.published_on.year, 12, 31)
        flag = when.flag if when else DEADLINE_DEFAULT
        kept.append(
            Candidate(
                article.text[s:e], article.text[s:e], "", None, BASIS_NONE, deadline, flag, "", 0.3, start=s, end=e
            )
        )
    return kept


@dataclass
class Tally:
    label: str
    rules: extraction.ArticleScore = field(default_factory=lambda: extraction.ArticleScore(name="rules"))
    combined: dict[str, extraction.ArticleScore] = field(
        default_factory=lambda: {p: extraction.ArticleScore(name=p) for p in POLICIES}
    )
    chosen: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: {p: [] for p in POLICIES})
    ceiling: extraction.ArticleScore | None = None
    ceiling_at: tuple[float, float] = (OFF_VETO, OFF_RESCUE)

    def add(self, test: list[Article], probs: dict, thresholds: dict[str, tuple[float, float]]) -> None:
        for article in test:
            self.rules.add(extraction.score_article(article.name, article.text, article.key, article.rules))
            for policy in POLICIES:
                found = candidates_with(article, probs[article.name], *thresholds[policy])
                self.combined[policy].add(extraction.score_article(article.name, article.text, article.key, found))
        for policy in POLICIES:
            self.chosen[policy].append(thresholds[policy])

    def add_ceiling(self, test: list[Article], probs: dict) -> None:
        """The best either policy could do with thresholds chosen on the test articles themselves:
        not a result, a bound on what better thresholds could give."""
        self.ceiling_at = choose(test, probs)["both"]
        self.ceiling = extraction.ArticleScore(name="ceiling")
        for article in test:
            found = candidates_with(article, probs[article.name], *self.ceiling_at)
            self.ceiling.add(extraction.score_article(article.name, article.text, article.key, found))

    def lines(self) -> list[str]:
        out = [f"-- {self.label}", _figures("rules alone", self.rules)]
        for policy in POLICIES:
            settings = sorted(set(self.chosen[policy]))
            shown = ", ".join(f"{v:g}/{r:g}" for v, r in settings[:4]) + (" ..." if len(settings) > 4 else "")
            out.append(_figures(f"rules + {policy} (veto/rescue {shown})", self.combined[policy]))
        if self.ceiling is not None:
            v, r = self.ceiling_at
            out.append(_figures(f"ceiling, chosen on the test set (veto/rescue {v:g}/{r:g})", self.ceiling))
        return out


def _figures(label: str, score: extraction.ArticleScore) -> str:
    r = score.rates
    return (
        f"  {label}: recall {r['recall']:.1%} ({score.matched}/{score.gold}), "
        f"precision {r['precision']:.1%} ({score.true_proposals}/{score.judged}), "
        f"F1 {f1(score.matched, score.gold, score.true_proposals, score.judged):.1%}, "
        f"in band {r['probability_in_band']:.1%}, deadline year {r['deadline_year']:.1%}"
    )


def by_set(articles: list[Article]) -> dict[str, list[Article]]:
    found: dict[str, list[Article]] = {}
    for article in articles:
        found.setdefault(article.set_name, []).append(article)
    return found


def run(fold_types: list[str], articles: list[Article]) -> list[str]:
    out = []
    sets = by_set(articles)
    if "set" in fold_types:
        holdouts = [a for a in articles if a.set_name != "tune"]
        splits = [
            *((f"test {name}, train on the other three", name) for name in TRAINING_SETS),
            ("train on tune alone, test holdout-1 + holdout-2 + holdout-3", None),
            ("train on tune alone, test holdout-3", "holdout-3"),
        ]
        for label, test_set in splits:
            if label.startswith("test"):
                train, test = [a for a in articles if a.set_name != test_set], sets[test_set]
            else:
                train, test = sets["tune"], sets[test_set] if test_set else holdouts
            tally = Tally(f"leave one set out: {label}" if label.startswith("test") else label)
            probs, thresholds = held_out(train, test)
            tally.add(test, probs, thresholds)
            tally.add_ceiling(test, probs)
            out += tally.lines()
    for fold_type, k in (("kfold", 10), ("article", len(articles))):
        if fold_type not in fold_types:
            continue
        label = "ten folds grouped by article" if k == 10 else "leave one article out"
        whole = Tally(f"{label}: all {len(articles)} articles")
        per_set = {s: Tally(f"{label}: its {s} articles") for s in sets}
        holdouts = Tally(f"{label}: its holdout-1 + holdout-2 + holdout-3 articles")
        for fold in _groups(articles, k):
            names = {a.name for a in fold}
            probs, thresholds = held_out([a for a in articles if a.name not in names], fold)
            whole.add(fold, probs, thresholds)
            for set_name, members in by_set(fold).items():
                per_set[set_name].add(members, probs, thresholds)
            if any(a.set_name != "tune" for a in fold):
                holdouts.add([a for a in fold if a.set_name != "tune"], probs, thresholds)
        out += whole.lines()
        for tally in [*per_set.values(), holdouts]:
            out += tally.lines()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", default="set,kfold", help="comma-separated: set, kfold, article")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    articles = load()
    positives = sum(y == 1 for a in articles for y in a.labels)
    negatives = sum(y == 0 for a in articles for y in a.labels)
    print(f"{len(articles)} articles, {positives} positive and {negatives} negative sentences")
    for line in run(options.folds.split(","), articles):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
