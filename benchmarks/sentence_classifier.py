"""Does a learned sentence classifier help the rules on articles it was not trained on?

`python -m benchmarks.sentence_classifier [--folds set,kfold,article] [--sets tune,holdout-1,...]
[--held-out holdout-4,...] [--rescue-at 0.6,...] [--train PATH]` (needs scikit-learn, from
requirements-dev.txt).

Every sentence of the annotated sets named by `--sets` (default: every set of real articles in
`benchmarks.extraction.SET_FOLDERS`, so a set added there is read here) is a training example:
positive when it overlaps a gold forecast's quote, negative when it overlaps none, left out
when it overlaps only an `optional` entry. The model is a logistic regression on the
plain-Python features of `sources.extraction.rescue` (words, word pairs, three- to five-letter pieces
of words, the rules' markers and their kinds and bands, year, number, percentage, question,
length, and where the sentence stands: a list item, under an announcing line, after a heading),
small enough to apply as a table of coefficients with no numpy at run time.

Two ways of combining it with the rules are measured, each against the rules alone on the same
held-out articles, with the quality report's own matching (`benchmarks.extraction`):

- veto: a rule candidate whose sentence scores below a threshold is dropped (precision);
- rescue: a sentence no rule candidate touches (and not a question) that scores at or above a
  threshold is proposed, with the probability, deadline, claim and criteria
  `sources.extraction.rescue.rescued_candidate` gives it, and flagged (recall);
- both.

Each policy's thresholds are chosen on all the training articles, and (starred) on the training
articles outside the tuning set only; `--rescue-at` adds rescues at thresholds fixed beforehand.

The thresholds are never chosen on the test articles: for each held-out fold, the training
articles are themselves split five ways by article, scored out of fold, and the thresholds that
give the best F1 (harmonic mean of recall and precision) there are applied to the test fold.

Fold types: `set` (each set of `--held-out` held out whole, trained on all the other loaded
sets; then each policy's change over the rules alone averaged over those sets), `kfold` (ten
folds grouped by article) and `article` (leave one article out).

`--train PATH` fits on all the loaded sets and writes the model as JSON (intercept,
coefficients, the fixed rescue threshold 0.4, the sets and a fingerprint of their sentences'
features), which `sources.extraction.rescue` applies: `python -m benchmarks.sentence_classifier
--train sources/extraction/rescue_weights.json` (`make train-rescue`) ships it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks import extraction
from sources.extraction.rescue import fingerprint, rescuable, unit_features, units, with_rescued
from sources.extraction.text import to_plain

# one thread: the fits are small, and threads only fight over a shared machine
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

# Every annotated set of real articles (the legacy test articles are not evidence).
CORPUS_SETS = tuple(name for name in extraction.SET_FOLDERS if name != "legacy")
# The sets held out whole by the set folds: the four most recent, each trained on all the others.
HELD_OUT = ("holdout-4", "holdout-5", "holdout-6", "holdout-7")
# significant digits kept of each shipped coefficient, and the smallest kept
DIGITS = 4
MIN_WEIGHT = 1e-4
# The shipped rescue threshold, fixed before the unseen sets were measured (docs/extraction.md):
# the lowest of 0.3-0.6 whose precision held at 75 % or more on every one of eight sets held out
# whole, since a rescued proposal is flagged for the editor's check and a missed forecast is lost.
RESCUE_THRESHOLD = 0.4
VETO_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
RESCUE_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)  # 1.01: never
OFF_VETO, OFF_RESCUE = 0.0, 1.01
# chosen by grouped ten-fold AUC over all the articles among 0.3, 1, 3, 10, 30, 100
C = 10.0


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


def load(set_names: tuple[str, ...] = CORPUS_SETS) -> list[Article]:
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
                unit_features(plain),
                labels,
                rules,
                rule_units,
                [i for i, (s, e) in enumerate(spans) if i not in covered and rescuable(plain, s, e, published_on)],
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


def held_out(
    train: list[Article], test: list[Article], fixed: tuple[float, ...] = ()
) -> tuple[dict, dict[str, tuple[float, float]]]:
    """Test-fold probabilities from a model fitted on `train`, and thresholds chosen on `train` alone.

    Each policy's thresholds are chosen twice: on all the training articles, and (the policy's
    name starred) on the training articles outside the tuning set, because the rules were
    written on the tuning set and are better there than on any new text. `fixed` adds a rescue
    at each of these thresholds, chosen beforehand (`rescue@0.6`).
    """
    probs = out_of_fold(train)
    thresholds = choose(train, probs)
    unseen_like = [a for a in train if a.set_name != "tune"] or train
    thresholds.update({f"{policy}*": t for policy, t in choose(unseen_like, probs).items()})
    thresholds.update({f"rescue@{t:g}": (OFF_VETO, t) for t in fixed})
    return predict(fit(train), test), thresholds


def candidates_with(article: Article, probs: list[float], veto: float, rescue: float) -> list:
    """The rule candidates kept and the sentences rescued, as the extractor would propose them:
    each rescued sentence with the band, deadline, claim and criteria `sources.extraction.rescue`
    gives it, then the article's default year applied as `extract_candidates` applies it."""
    from sources import scales
    from sources.extraction.candidates import _default_to_the_articles_year

    plain = to_plain(article.text)
    kept = [c for i, c in enumerate(article.rules) if _rule_score(article, i, probs) >= veto]
    if rescue > 1:
        return kept
    free = set(article.free_units)
    # only what no rule candidate touched, vetoed or not, may be rescued (as `counts` reckons)
    scores = [p if i in free else -1.0 for i, p in enumerate(probs)]
    found = with_rescued(
        article.text,
        plain,
        kept,
        article.published_on,
        scales.get_scale(scales.DEFAULT_SCALE),
        scores=scores,
        threshold=rescue,
    )
    return _default_to_the_articles_year(found, article.published_on, plain)


@dataclass
class Tally:
    label: str
    rules: extraction.ArticleScore = field(default_factory=lambda: extraction.ArticleScore(name="rules"))
    # per policy, in the order the thresholds name them
    combined: dict[str, extraction.ArticleScore] = field(default_factory=dict)
    chosen: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    ceiling: extraction.ArticleScore | None = None
    ceiling_at: tuple[float, float] = (OFF_VETO, OFF_RESCUE)

    def add(self, test: list[Article], probs: dict, thresholds: dict[str, tuple[float, float]]) -> None:
        for article in test:
            self.rules.add(extraction.score_article(article.name, article.text, article.key, article.rules))
            for policy, at in thresholds.items():
                found = candidates_with(article, probs[article.name], *at)
                self.combined.setdefault(policy, extraction.ArticleScore(name=policy)).add(
                    extraction.score_article(article.name, article.text, article.key, found)
                )
        for policy, at in thresholds.items():
            self.chosen.setdefault(policy, []).append(at)

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
        for policy in self.chosen:
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


def _delta_lines(tallies: list[Tally]) -> list[str]:
    """Each policy's change over the rules alone, averaged over the held-out sets (points)."""
    out = [f"-- mean change over the rules alone, {len(tallies)} held-out sets (points)"]
    for policy in tallies[0].chosen if tallies else ():
        changes = {"F1": [], "in band": [], "deadline year": []}
        for tally in tallies:
            rules, combined = tally.rules, tally.combined[policy]
            changes["F1"].append(_f1(combined) - _f1(rules))
            for label, key in (("in band", "probability_in_band"), ("deadline year", "deadline_year")):
                changes[label].append(combined.rates[key] - rules.rates[key])
        shown = ", ".join(f"{label} {100 * sum(v) / len(v):+.1f}" for label, v in changes.items())
        out.append(f"  rules + {policy}: {shown}")
    return out


def _f1(score: extraction.ArticleScore) -> float:
    return f1(score.matched, score.gold, score.true_proposals, score.judged)


def run(
    fold_types: list[str],
    articles: list[Article],
    held_out_sets: tuple[str, ...] = HELD_OUT,
    fixed: tuple[float, ...] = (),
) -> list[str]:
    out = []
    sets = by_set(articles)
    if "set" in fold_types:
        tallies = []
        for name in held_out_sets:
            if name not in sets:
                raise ValueError(f"set {name!r} is not among the loaded sets {sorted(sets)}")
            train = [a for a in articles if a.set_name != name]
            trained_on = ", ".join(s for s in sets if s != name)
            tally = Tally(f"leave one set out: test {name} ({len(sets[name])} articles), train on {trained_on}")
            probs, thresholds = held_out(train, sets[name], fixed)
            tally.add(sets[name], probs, thresholds)
            tally.add_ceiling(sets[name], probs)
            out += tally.lines()
            tallies.append(tally)
        out += _delta_lines(tallies)
    for fold_type, k in (("kfold", 10), ("article", len(articles))):
        if fold_type not in fold_types:
            continue
        label = "ten folds grouped by article" if k == 10 else "leave one article out"
        whole = Tally(f"{label}: all {len(articles)} articles")
        per_set = {s: Tally(f"{label}: its {s} articles") for s in sets}
        holdouts = Tally(f"{label}: its articles outside the tuning set")
        for fold in _groups(articles, k):
            names = {a.name for a in fold}
            probs, thresholds = held_out([a for a in articles if a.name not in names], fold, fixed)
            whole.add(fold, probs, thresholds)
            for set_name, members in by_set(fold).items():
                per_set[set_name].add(members, probs, thresholds)
            if any(a.set_name != "tune" for a in fold):
                holdouts.add([a for a in fold if a.set_name != "tune"], probs, thresholds)
        out += whole.lines()
        for tally in [*per_set.values(), holdouts]:
            out += tally.lines()
    return out


def train(articles: list[Article], threshold: float = RESCUE_THRESHOLD) -> dict:
    """The shipped model: coefficients fitted on all `articles`, the rescue threshold fixed
    beforehand (not chosen on the articles it is trained on), the sets it was trained on and
    the fingerprint of their sentences' features (`sources.extraction.rescue.fingerprint`)."""
    return {
        "sets": sorted({a.set_name for a in articles}),
        "articles": len(articles),
        "threshold": threshold,
        "features_fingerprint": fingerprint([x for a in articles for x in a.features]),
        **weights_of(fit(articles)),
    }


def _rounded(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def weights_of(model) -> dict:
    """A fitted pipeline as the table `sources.extraction.rescue.score` reads: intercept and
    coefficients by feature name, to DIGITS significant digits, those under MIN_WEIGHT left out."""
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    coefficients = {}
    for name, value in zip(vectorizer.feature_names_, regression.coef_[0], strict=True):
        if abs(value) >= MIN_WEIGHT:
            coefficients[name] = _rounded(float(value))
    return {"intercept": _rounded(float(regression.intercept_[0])), "coefficients": coefficients}


def sentence_features(set_names: tuple[str, ...]) -> list[dict[str, float]]:
    """The features of every sentence of these sets, read from the text alone (no extraction run):
    what the shipped model's fingerprint is computed over."""
    found = []
    for set_name in set_names:
        for _, path in extraction.articles(set_name):
            found.extend(unit_features(to_plain(path.read_text(encoding="utf-8"))))
    return found


def write_weights(model: dict, path: Path) -> None:
    # one coefficient a line, in name order: a retrained model shows as a readable diff
    path.write_text(json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", default="set", help="comma-separated: set, kfold, article")
    parser.add_argument(
        "--sets", default=",".join(CORPUS_SETS), help="comma-separated sets to load (default: every annotated set)"
    )
    parser.add_argument(
        "--held-out", default=",".join(HELD_OUT), help="comma-separated sets each held out whole by the set folds"
    )
    parser.add_argument(
        "--rescue-at",
        default="",
        help="comma-separated rescue thresholds fixed beforehand, measured beside the chosen ones (e.g. 0.6)",
    )
    parser.add_argument(
        "--train",
        metavar="PATH",
        type=Path,
        help="fit on all the loaded sets and write the model (coefficients, rescue threshold 0.4) as JSON",
    )
    options = parser.parse_args(argv)
    set_names = tuple(name for name in options.sets.split(",") if name)
    unknown = [name for name in set_names if name not in CORPUS_SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; expected some of {', '.join(CORPUS_SETS)}")
    held = tuple(name for name in options.held_out.split(",") if name)
    try:
        fixed = tuple(float(t) for t in options.rescue_at.split(",") if t)
    except ValueError:
        parser.error(f"--rescue-at takes numbers between 0 and 1, not {options.rescue_at!r}")
    if any(not 0 <= t <= 1 for t in fixed):
        parser.error(f"--rescue-at takes numbers between 0 and 1, not {options.rescue_at!r}")
    unknown = [name for name in held if name not in set_names]
    if unknown and not options.train:
        parser.error(f"held-out set(s) {', '.join(unknown)} not among --sets")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    articles = load(set_names)
    positives = sum(y == 1 for a in articles for y in a.labels)
    negatives = sum(y == 0 for a in articles for y in a.labels)
    print(f"{len(articles)} articles, {positives} positive and {negatives} negative sentences")
    if options.train:
        model = train(articles)
        write_weights(model, options.train)
        print(f"wrote {options.train}: {len(model['coefficients'])} coefficients, threshold {model['threshold']:g}")
        return 0
    for line in run(options.folds.split(","), articles, held, fixed):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
