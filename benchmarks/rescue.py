"""The rescue the sentence-classifier benchmark measures is the extractor's own: one home,
`sources.extraction.rescue` (units, features, the pure-Python score, the rescued candidates)."""

from sources.extraction.rescue import (
    RESCUED_WARNING,
    features,
    fingerprint,
    load_weights,
    rescuable,
    rescued_candidate,
    score,
    unit_blocks,
    units,
    with_rescued,
)

__all__ = [
    "RESCUED_WARNING",
    "features",
    "fingerprint",
    "load_weights",
    "rescuable",
    "rescued_candidate",
    "score",
    "unit_blocks",
    "units",
    "with_rescued",
]
