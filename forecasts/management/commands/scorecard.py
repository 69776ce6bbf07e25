import contextlib
import csv
import gc
from collections.abc import Iterator

import orjson
from django.core.management.base import BaseCommand, CommandError

from forecasts import comparisons, scorecards, scoring, slices

CSV_SUMMARY_FIELDS = ("brier", "log_loss", "base_rate", "brier_skill", "ece")
SLICE_OPTIONS = tuple(name for name in slices.PARAMS if name != "early")
CSV_BIN_FIELDS = ("lower", "upper", "n", "mean_probability", "observed_frequency", "ci_low", "ci_high")


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Only in this command, a process of its own, never in a web request. Scorecards for a
    thousand authors create some 50,000 small objects, none in a reference cycle; left on, the
    cycle collector walks the whole heap (Django, its models) several times meanwhile. Measured
    with `python -m benchmarks.run --only scorecards` at 100,000 forecasts on PostgreSQL, by
    author against the numpy floor: 1.45-1.72x with the pause, 2.03-2.10x without (target 1.5x);
    overall 0.43-0.50x either way. Re-enabled only if it was enabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Command(BaseCommand):
    help = (
        "Print the calibration scorecard of all resolved forecasts, or one per author, publication, "
        "source or tag. The outcome is whether the claim came true; only yes/no outcomes with a "
        "probability are scored."
    )

    def add_arguments(self, parser):
        parser.add_argument("--by", choices=scorecards.GROUP_BY_CHOICES, help="One scorecard per group.")
        parser.add_argument("--bins", type=int, default=10, help="Equal-width calibration bins (default 10).")
        parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
        # The slice options are handed to the same parser as the pages' and the API's query
        # strings, as strings, so that each value is checked (and explained) in one place.
        for name in SLICE_OPTIONS:
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=slices.PARAMS[name].capitalize() + ".")
        parser.add_argument(
            "--include-early",
            action="store_true",
            help="Count forecasts resolved before their deadline at once (by default they wait for it).",
        )

    def handle(self, *args, **options):
        by, bins, output_format = options["by"], options["bins"], options["format"]
        if not 1 <= bins <= scoring.MAX_BINS:
            raise CommandError(f"--bins must be between 1 and {scoring.MAX_BINS}.")
        params = {name: options[name] for name in SLICE_OPTIONS if options.get(name) is not None}
        if options.get("include_early"):
            params["early"] = "include"
        try:
            filters = slices.parse(params)
        except slices.SliceError as error:
            raise CommandError(f"--{error.param.replace('_', '-')}: {error.message}") from None
        with cyclic_gc_paused():
            if by:
                cards = scorecards.scorecards_by(by, n_bins=bins, filters=filters)
            else:
                cards = [scorecards.scorecard(n_bins=bins, filters=filters)]
            relative = comparisons.relative_for(cards, by=by, filters=filters)
            self._write(cards, relative, by, output_format, filters)

    def _write(self, cards, relative, by, output_format, filters):
        objects = [
            {**card.as_dict(number=_rounded), "relative": rel.as_dict()}
            for card, rel in zip(cards, relative, strict=True)
        ]
        if output_format == "json":
            # orjson: with a thousand authors, formatting the floats with json.dumps takes longer than
            # the database needs to aggregate every forecast. Same numbers, exactly round-tripping.
            if by:
                # One scorecard per line: still readable, and greppable.
                self.stdout.write((b"[\n" + b",\n".join(map(orjson.dumps, objects)) + b"\n]").decode())
            else:
                self.stdout.write(orjson.dumps(objects[0], option=orjson.OPT_INDENT_2).decode())
        elif output_format == "csv":
            self._write_csv(objects)
        else:
            if filters.describe():
                self.stdout.write("Only forecasts " + "; ".join(filters.describe()) + ".\n\n")
            for card, rel in zip(cards, relative, strict=True):
                self._write_text({**card.as_dict(), "relative": rel.as_dict()})

    def _write_csv(self, objects):
        # Long format, one row per (group, bin), so every field of the JSON object survives.
        counts = list(scorecards.COUNT_FIELDS)
        decomposition = ["reliability", "resolution", "uncertainty", "within_bin_variance", "within_bin_covariance"]
        header = [
            "group_by",
            "group_key",
            "group_label",
            *counts,
            *CSV_SUMMARY_FIELDS,
            "brier_interval_low",
            "brier_interval_high",
            *(f"relative_{name}" for name in RELATIVE_FIELDS),
            *decomposition,
            *(f"bin_{name}" for name in CSV_BIN_FIELDS),
        ]
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(header)
        for obj in objects:
            group = obj["group"] or {"by": "", "key": "", "label": "all forecasts"}
            head = [group["by"], group["key"], group["label"]]
            head += [obj["counts"][name] for name in counts]
            head += [_csv_value(obj[name]) for name in CSV_SUMMARY_FIELDS]
            head += [_csv_value(value) for value in (obj["brier_interval"] or [None, None])]
            head += [_csv_value(obj["relative"][name]) for name in RELATIVE_FIELDS]
            head += [_csv_value(obj["decomposition"][name]) for name in decomposition]
            for row in obj["calibration"]:
                writer.writerow(head + [_csv_value(row[name]) for name in CSV_BIN_FIELDS])

    def _write_text(self, obj):
        group = obj["group"]
        title = f"{group['by'].capitalize()}: {group['label']}" if group else "All forecasts"
        c = obj["counts"]
        lines = [
            title,
            "=" * len(title),
            f"{c['total']} forecasts: {c['open']} open, {c['due']} due, {c['resolved']} resolved "
            f"({c['scored']} scored; {c['unscored']} unscored, of which {c['ambiguous']} ambiguous "
            f"and {c['annulled']} annulled; {c['waiting']} resolved early, counted at the deadline)",
        ]
        if obj["brier"] is None:
            lines.append("No scored forecasts yet: a score needs a probability and a yes/no outcome.")
        else:
            d = obj["decomposition"]
            interval = obj["brier_interval"]
            interval_text = f"95% interval {_fmt(interval[0])}-{_fmt(interval[1])}" if interval else "no interval"
            lines += [
                f"Brier score   {_fmt(obj['brier'])}   ({interval_text}; 0 is perfect; always saying 50% scores 0.25)",
                f"Log loss      {_fmt(obj['log_loss'])}",
                f"Base rate     {_fmt(obj['base_rate'])}   (share of scored claims that came true)",
                f"Brier skill   {_fmt(obj['brier_skill'])}   (vs always forecasting the base rate)",
                f"ECE           {_fmt(obj['ece'])}",
                _relative_line(obj["relative"]),
                f"Decomposition reliability {_fmt(d['reliability'])} - resolution {_fmt(d['resolution'])} "
                f"+ uncertainty {_fmt(d['uncertainty'])} + within-bin variance {_fmt(d['within_bin_variance'])} "
                f"- within-bin covariance {_fmt(d['within_bin_covariance'])}",
                "",
                "  bin           n   mean p   came true   95% interval",
            ]
            for row in obj["calibration"]:
                if not row["n"]:
                    lines.append(f"  {row['lower']:.2f}-{row['upper']:.2f}  {0:>4}")
                    continue
                came_true = round(row["observed_frequency"] * row["n"])
                lines.append(
                    f"  {row['lower']:.2f}-{row['upper']:.2f}  {row['n']:>4}   {row['mean_probability']:.3f}"
                    f"   {came_true:>3} of {row['n']:<4} {row['ci_low']:.2f}-{row['ci_high']:.2f}"
                )
        self.stdout.write("\n".join(lines) + "\n\n")


# A double holds 15 significant decimal digits exactly; the digits beyond are the sums' binary
# rounding (0.1 + 0.2 prints 0.30000000000000004). Printed at 15, a mean of probabilities entered
# as 0.1 and 0.2 reads 0.15, and the scores keep every digit they truly have.
SIGNIFICANT_DIGITS = 15


_FORMAT = f"%.{SIGNIFICANT_DIGITS}g".__mod__
# Most floats of a thousand scorecards recur: the bins' edges in every one, and the observed
# frequencies and their intervals, which are ratios of small counts (3 of 7). Each is rounded
# once and looked up after; the cache is bounded, and a miss costs a lookup more.
_ROUNDED: dict[float, float] = {}
_ROUNDED_LIMIT = 200_000


def _rounded(value: float | None) -> float | None:
    """A score at 15 significant digits (None stays None), applied while the object is built."""
    if value is None:
        return None
    rounded = _ROUNDED.get(value)
    if rounded is None:
        rounded = float(_FORMAT(value))
        if len(_ROUNDED) < _ROUNDED_LIMIT:
            _ROUNDED[value] = rounded
    return rounded


def _fmt(value):
    return "n/a" if value is None else f"{value:.4f}"


def _csv_value(value):
    return "" if value is None else repr(value) if isinstance(value, float) else value


RELATIVE_FIELDS = ("n", "brier_minus_reference", "ci_low", "ci_high")


def _relative_line(relative: dict) -> str:
    if not relative["n"]:
        return "Relative      -       (no scored forecast carries a reference probability)"
    interval = (
        f"95% interval {_fmt(relative['ci_low'])}-{_fmt(relative['ci_high'])}"
        if relative["ci_low"] is not None
        else "no interval"
    )
    return (
        f"Relative      {_fmt(relative['brier_minus_reference'])}   (Brier minus the reference's on the "
        f"{relative['n']} forecasts with one; below 0 beats it; {interval})"
    )
