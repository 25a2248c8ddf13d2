"""Confidence from evidence: how often each rule's answer was right on annotated articles.

Every claim carries the evidence that decided it ("incise/named", "continuation/named",
"none/plain" …). `calibration.tsv` beside this module holds, per evidence, a conservative
estimate of how often such claims are right (type and speaker): the lower bound of a Wilson
interval on an annotated set, so that a small class cannot look surer than it is.
`claimtrack evaluate --write-calibration` measures a newsroom's own sample and writes the table.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

DEFAULT = 0.5
Z = 1.96  # one-sided 97.5%: the confidence is a bound the true rate exceeds 39 times in 40


def wilson_lower(right: int, total: int, z: float = Z) -> float:
    """Lower bound of the Wilson score interval of right/total."""
    if total == 0:
        return 0.0
    p = right / total
    centre = p + z * z / (2 * total)
    margin = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return max(0.0, (centre - margin) / (1 + z * z / total))


@lru_cache(maxsize=1)
def table() -> dict[str, float]:
    text = resources.files("claimtrack.engine").joinpath("calibration.tsv").read_text(encoding="utf-8")
    values = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            evidence, value, *_ = line.split("\t")
            values[evidence] = float(value)
    return values


def confidence(evidence: str) -> float:
    """The calibrated confidence of a claim decided by `evidence`; unmeasured evidence falls back
    to its family ("quotation/unnamed" -> "quotation/*"), then to 0.5."""
    values = table()
    if evidence in values:
        return values[evidence]
    family = evidence.split("/")[0] + "/*"
    return values.get(family, DEFAULT)
