"""Slices of a scorecard: which forecasts it covers, read from a request's query string or a
command's options.

One parser for the pages, the API and `manage.py scorecard`, so the same words mean the same
rows everywhere. Every value is checked and so is every name: `?since=2020` is not a filter
here, and a scorecard that silently ignored it would answer a question nobody asked. A bad
value or an unknown name raises `SliceError`, whose message lists the valid choices.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from django.db.models import DurationField, ExpressionWrapper, F, Q
from django.db.models.lookups import GreaterThanOrEqual, LessThan
from django.utils import timezone

from sources.models import Author, name_key

from . import rules
from .models import Forecast, ProbabilityBasis, Tag

# Horizon = deadline - made on, in days. Calendar months differ in length, so the bands are cut
# at fixed day counts that hold whole months: "6-12 months" covers any 12-month window,
# including one across a leap day (366 days), and "1-3 years" any 3-year window (1,096 days).
HORIZONS: dict[str, tuple[str, int | None, int | None]] = {
    "lt6m": ("under 6 months (under 183 days)", None, 183),
    "6-12m": ("6 to 12 months (183 to 366 days)", 183, 367),
    "1-3y": ("1 to 3 years (367 to 1,096 days)", 367, 1097),
    "gt3y": ("over 3 years (1,097 days or more)", 1097, None),
}
EARLY_CHOICES = ("exclude", "include")
BASIS_CHOICES = tuple(ProbabilityBasis.values)
# How many tag names an error message lists before "…".
LISTED_TAGS = 30
TAG_NAME_LENGTH = Tag._meta.get_field("name").max_length

PARAMS = {
    "made_from": "first day forecasts were made (YYYY-MM-DD)",
    "made_to": "last day forecasts were made (YYYY-MM-DD)",
    "made_year": "year forecasts were made (YYYY)",
    "resolved_from": "first day forecasts were resolved (YYYY-MM-DD)",
    "resolved_to": "last day forecasts were resolved (YYYY-MM-DD)",
    "horizon": "deadline minus made on: " + ", ".join(HORIZONS),
    "basis": "how the probability was obtained: " + ", ".join(BASIS_CHOICES),
    "tag": "a tag's name",
    "author": "an author's id (with tag: the pundit on that topic)",
    "early": "exclude (default: a forecast resolved before its deadline waits for it) or include",
}


class SliceError(ValueError):
    """A filter the scorecards cannot apply: the message names the parameter and the valid choices."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True)
class Slice:
    made_from: datetime.date | None = None
    made_to: datetime.date | None = None
    resolved_from: datetime.date | None = None
    resolved_to: datetime.date | None = None
    horizon: str | None = None
    basis: str | None = None
    tag: str | None = None  # the tag's name as stored
    tag_id: int | None = None
    author: int | None = None
    include_early: bool = False

    def q(self) -> Q:
        """The rows of the slice, as one condition on forecasts (the early rule is separate:
        `Forecast.objects.counted`)."""
        q = Q()
        if self.made_from:
            q &= Q(made_on__gte=self.made_from)
        if self.made_to:
            q &= Q(made_on__lte=self.made_to)
        if self.resolved_from:
            q &= Q(resolved_at__gte=_start_of(self.resolved_from))
        if self.resolved_to:
            q &= Q(resolved_at__lt=_start_of(self.resolved_to + datetime.timedelta(days=1)))
        if self.horizon:
            _label, low, high = HORIZONS[self.horizon]
            horizon = ExpressionWrapper(F("deadline") - F("made_on"), output_field=DurationField())
            if low is not None:
                q &= Q(GreaterThanOrEqual(horizon, datetime.timedelta(days=low)))
            if high is not None:
                q &= Q(LessThan(horizon, datetime.timedelta(days=high)))
        if self.basis:
            q &= Q(probability_basis=self.basis)
        if self.tag_id is not None:
            # A subquery, not a join: a scorecard by tag groups over the tags join already, and a
            # second join would count each forecast once per pair of its tags.
            q &= Q(pk__in=Forecast.tags.through.objects.filter(tag_id=self.tag_id).values("forecast_id"))
        if self.author is not None:
            q &= Q(author_id=self.author)
        return q

    @property
    def is_filtered(self) -> bool:
        """Narrowed to fewer rows than the whole scorecard (the early switch narrows nothing)."""
        return any(getattr(self, f.name) is not None for f in fields(self) if f.name != "include_early")

    def as_params(self) -> dict[str, str]:
        """The query string that gives this slice back (for links and headings)."""
        params: dict[str, str] = {}
        for name in ("made_from", "made_to", "resolved_from", "resolved_to"):
            value = getattr(self, name)
            if value is not None:
                params[name] = value.isoformat()
        for name in ("horizon", "basis", "tag"):
            if getattr(self, name):
                params[name] = getattr(self, name)
        if self.author is not None:
            params["author"] = str(self.author)
        if self.include_early:
            params["early"] = "include"
        return params

    def describe(self) -> list[str]:
        """Plain words for each filter, for page headings and the command's text output."""
        words = []
        if self.made_from or self.made_to:
            words.append(f"made {_period(self.made_from, self.made_to)}")
        if self.resolved_from or self.resolved_to:
            words.append(f"resolved {_period(self.resolved_from, self.resolved_to)}")
        if self.horizon:
            words.append(f"horizon {HORIZONS[self.horizon][0]}")
        if self.basis:
            words.append(f"probability basis: {ProbabilityBasis(self.basis).label}")
        if self.tag:
            words.append(f"tag {self.tag}")
        if self.author is not None:
            words.append(f"author #{self.author}")
        if self.include_early:
            words.append("forecasts resolved before their deadline counted at once")
        return words

    def with_author(self, author: int | None) -> Slice:
        return replace(self, author=author)


DEFAULT = Slice()


def parse(params: Mapping[str, Any], *, other_params: Iterable[str] = ()) -> Slice:
    """A Slice from query parameters (a QueryDict or a plain dict of strings).

    `other_params` are the names the caller reads itself (`by`, `bins`, a page's `page`...);
    any other name that is not a slice parameter is an error."""
    allowed = set(PARAMS) | set(other_params)
    unknown = sorted(name for name in params if name not in allowed)
    if unknown:
        raise SliceError(
            unknown[0],
            f"unknown parameter. Accepted: {', '.join(sorted(allowed))}.",
        )
    # An empty value is a filter left blank in a form (a page's "all tags"), not a bad one.
    given = {name: _single(params, name) for name in PARAMS if name in params}
    values = {name: value for name, value in given.items() if value != ""}
    made_from = _date(values, "made_from")
    made_to = _date(values, "made_to")
    if "made_year" in values:
        if made_from or made_to:
            raise SliceError("made_year", "give either made_year or made_from/made_to, not both.")
        year = _year(values["made_year"])
        made_from, made_to = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    resolved_from = _date(values, "resolved_from")
    resolved_to = _date(values, "resolved_to")
    if made_from and made_to and made_from > made_to:
        raise SliceError("made_to", "must not be before made_from.")
    if resolved_from and resolved_to and resolved_from > resolved_to:
        raise SliceError("resolved_to", "must not be before resolved_from.")
    horizon = _choice(values, "horizon", tuple(HORIZONS))
    basis = _choice(values, "basis", BASIS_CHOICES)
    early = _choice(values, "early", EARLY_CHOICES)
    tag_name, tag_id = _tag(values)
    return Slice(
        made_from=made_from,
        made_to=made_to,
        resolved_from=resolved_from,
        resolved_to=resolved_to,
        horizon=horizon,
        basis=basis,
        tag=tag_name,
        tag_id=tag_id,
        author=_author(values),
        include_early=early == "include",
    )


def horizon_of(made_on: datetime.date, deadline: datetime.date) -> str:
    """The horizon band of one forecast: the Python twin of the slice's SQL condition."""
    days = (deadline - made_on).days
    for value, (_label, low, high) in HORIZONS.items():
        if (low is None or days >= low) and (high is None or days < high):
            return value
    raise AssertionError("the bands cover every horizon")


def _single(params: Mapping[str, Any], name: str) -> str:
    getlist = getattr(params, "getlist", None)
    values = getlist(name) if getlist else [params[name]]
    if len(values) != 1:
        raise SliceError(name, "give it once.")
    value = values[0]
    if not isinstance(value, str):
        value = str(value)
    return value.strip()


def _date(values: dict[str, str], name: str) -> datetime.date | None:
    if name not in values:
        return None
    try:
        value = datetime.date.fromisoformat(values[name])
    except ValueError:
        raise SliceError(name, f"{values[name]!r} is not a date; write YYYY-MM-DD.") from None
    if not rules.EARLIEST_DATE <= value <= rules.LATEST_DATE:
        raise SliceError(name, rules.DATE_RANGE_MESSAGE)
    return value


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise SliceError("made_year", f"{text!r} is not a year; write YYYY.")
    year = int(text)
    if not rules.EARLIEST_DATE.year <= year <= rules.LATEST_DATE.year:
        raise SliceError("made_year", rules.DATE_RANGE_MESSAGE)
    return year


def _choice(values: dict[str, str], name: str, choices: tuple[str, ...]) -> str | None:
    if name not in values:
        return None
    if values[name] not in choices:
        raise SliceError(name, f"{values[name]!r} is not one of: {', '.join(choices)}.")
    return values[name]


def _tag(values: dict[str, str]) -> tuple[str | None, int | None]:
    if "tag" not in values:
        return None, None
    text = values["tag"]
    # No lookup for what no tag name can be (PostgreSQL refuses NUL in a query's text).
    nameable = 0 < len(text) <= TAG_NAME_LENGTH and not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text)
    found = Tag.objects.filter(name_key=name_key(text)).values_list("pk", "name").first() if nameable else None
    if found is None:
        names = list(Tag.objects.order_by("name").values_list("name", flat=True)[: LISTED_TAGS + 1])
        listed = ", ".join(names[:LISTED_TAGS]) + (", …" if len(names) > LISTED_TAGS else "")
        shown = text if nameable else text.encode("unicode_escape").decode()[:TAG_NAME_LENGTH]
        raise SliceError("tag", f"no tag named {shown!r}. Tags: {listed or 'none yet'}.")
    return found[1], found[0]


def _author(values: dict[str, str]) -> int | None:
    if "author" not in values:
        return None
    pk = rules.parse_id(values["author"])
    if pk is None or not Author.objects.filter(pk=pk).exists():
        raise SliceError("author", f"{values['author']!r} is not the id of a recorded author.")
    return pk


def _start_of(day: datetime.date) -> datetime.datetime:
    """Local midnight: a resolution 'on' a day is on that day where the reviewers are."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _period(start: datetime.date | None, end: datetime.date | None) -> str:
    if start and end:
        return f"from {start.isoformat()} to {end.isoformat()}"
    return f"from {start.isoformat()}" if start else f"until {end.isoformat()}"
