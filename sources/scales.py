"""Published words-to-probability scales for estimative language.

Every phrase the extractor recognises is first reduced to one of seven estimative
categories (the ICD 203 terms); a scale then turns the category into a band and a
point value. Keeping the two steps apart is what makes the scale configurable: the
same article read with Kent's table gives Kent's numbers.

Sources:
- ICD 203, ODNI analytic standards: remote 1-5 %, very unlikely 5-20 %, unlikely
  20-45 %, roughly even 45-55 %, likely 55-80 %, very likely 80-95 %, almost certain
  95-99 %. The point value is the band's midpoint.
- Sherman Kent, "Words of Estimative Probability" (1964): almost certain 93 +/- 6 %,
  probable 75 +/- 12 %, chances about even 50 +/- 10 %, probably not 30 +/- 10 %,
  almost certainly not 7 +/- 5 %. Kent has fewer words than ICD 203, so two ICD
  categories share a Kent term at each end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

REMOTE = "remote"
VERY_UNLIKELY = "very_unlikely"
UNLIKELY = "unlikely"
EVEN = "even"
LIKELY = "likely"
VERY_LIKELY = "very_likely"
ALMOST_CERTAIN = "almost_certain"

CATEGORIES: tuple[str, ...] = (REMOTE, VERY_UNLIKELY, UNLIKELY, EVEN, LIKELY, VERY_LIKELY, ALMOST_CERTAIN)

# "Not likely" is "unlikely", "will not" is the remote end of "will": negating a
# statement mirrors its category around "roughly even".
_NEGATION = dict(zip(CATEGORIES, reversed(CATEGORIES), strict=True))

DEFAULT_SCALE = "icd203"


@dataclass(frozen=True)
class Band:
    term: str
    lower: float
    upper: float
    point: float

    def __contains__(self, probability: object) -> bool:
        return isinstance(probability, (int, float)) and self.lower <= probability <= self.upper


@dataclass(frozen=True)
class Scale:
    name: str
    title: str
    bands: Mapping[str, Band]

    def band(self, category: str) -> Band:
        try:
            return self.bands[category]
        except KeyError:
            raise ValueError(f"unknown estimative category {category!r}; expected one of {CATEGORIES}") from None

    def probability(self, category: str) -> float:
        return self.band(category).point


def negate(category: str) -> str:
    """The category of the opposite statement ("likely" -> "unlikely")."""
    return _NEGATION[category]


def _scale(name: str, title: str, bands: dict[str, Band]) -> Scale:
    missing = set(CATEGORIES) - set(bands)
    assert not missing, f"{name} lacks {missing}"
    return Scale(name=name, title=title, bands=MappingProxyType(bands))


ICD203 = _scale(
    "icd203",
    "ICD 203 (ODNI analytic standards)",
    {
        REMOTE: Band("almost no chance / remote", 0.01, 0.05, 0.03),
        VERY_UNLIKELY: Band("very unlikely / highly improbable", 0.05, 0.20, 0.125),
        UNLIKELY: Band("unlikely / improbable", 0.20, 0.45, 0.325),
        EVEN: Band("roughly even chance", 0.45, 0.55, 0.5),
        LIKELY: Band("likely / probable", 0.55, 0.80, 0.675),
        VERY_LIKELY: Band("very likely / highly probable", 0.80, 0.95, 0.875),
        ALMOST_CERTAIN: Band("almost certain / nearly certain", 0.95, 0.99, 0.97),
    },
)

KENT = _scale(
    "kent",
    "Kent, Words of Estimative Probability (1964)",
    {
        REMOTE: Band("almost certainly not", 0.02, 0.12, 0.07),
        VERY_UNLIKELY: Band("almost certainly not", 0.02, 0.12, 0.07),
        UNLIKELY: Band("probably not", 0.20, 0.40, 0.30),
        EVEN: Band("chances about even", 0.40, 0.60, 0.50),
        LIKELY: Band("probable", 0.63, 0.87, 0.75),
        VERY_LIKELY: Band("almost certain", 0.87, 0.99, 0.93),
        ALMOST_CERTAIN: Band("almost certain", 0.87, 0.99, 0.93),
    },
)

SCALES: Mapping[str, Scale] = MappingProxyType({ICD203.name: ICD203, KENT.name: KENT})


# Words people write for a category beyond the scales' own terms, as a reviewer or editor types
# them into a probability field.
_EXTRA_PHRASES = {
    "almost no chance": REMOTE,
    "very improbable": VERY_UNLIKELY,
    "even chance": EVEN,
    "even odds": EVEN,
    "fifty-fifty": EVEN,
    "probably": LIKELY,
    "very probably": VERY_LIKELY,
    "highly likely": VERY_LIKELY,
    "almost certainly": ALMOST_CERTAIN,
    "nearly certain": ALMOST_CERTAIN,
}


def _phrase_table() -> dict[str, str]:
    table = {category.replace("_", " "): category for category in CATEGORIES}
    # ICD 203's terms first: where Kent gives one term to two categories ("almost certain"), the
    # ICD 203 category of that name wins, and the scale chosen still gives the number.
    for scale in (ICD203, KENT):
        for category, band in scale.bands.items():
            for term in band.term.split(" / "):
                table.setdefault(term.strip(), category)
    for phrase, category in _EXTRA_PHRASES.items():
        table.setdefault(phrase, category)
    return table


PHRASES: Mapping[str, str] = MappingProxyType(_phrase_table())


def phrase_category(phrase: str) -> str | None:
    """The category an estimative phrase names ("likely", "Highly improbable", "chances about
    even"), or None when no scale has these words. Case and spacing do not matter."""
    return PHRASES.get(" ".join(phrase.lower().split()))


def get_scale(name: str) -> Scale:
    try:
        return SCALES[name]
    except KeyError:
        raise ValueError(f"unknown probability scale {name!r}; choose one of {sorted(SCALES)}") from None
