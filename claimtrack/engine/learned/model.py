"""The learned decision layer at run time: JSON weights, no pickle, nothing but the standard library.

A model file is data a newsroom may receive from someone else, so it holds only numbers and
strings: two linear scorers over the binary features of `candidates.py` (one chooses the source,
one the relaying outlets) and a calibration curve that turns the chosen source's score into the
probability of being right, measured on articles the scorer had not seen. Loading it runs no
code; a file that is not such a model is refused with a one-line error.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from claimtrack.engine.learned.candidates import (
    Candidate,
    ClaimCandidates,
    ViaOption,
    confidence_features,
    evidence_family,
    via_options,
)
from claimtrack.errors import ClaimtrackError

FORMAT = "claimtrack-decision-model"
FORMAT_VERSION = 3
# version 1 had no rules margin (it chose the best-scored candidate outright), versions 1 and 2 no
# list of the rules they were trained on (they overrule any rule)
READABLE_VERSIONS = (1, 2, 3)
DEFAULT_MODEL = "default_model.json"


class ModelError(ClaimtrackError, ValueError):
    """A model file that cannot be read or is not a claimtrack decision model."""


@dataclass(frozen=True)
class LinearScorer:
    """A logistic scorer over binary features: P(right) = σ(bias + Σ weights of present features)."""

    bias: float
    weights: dict[str, float]

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def as_dict(self) -> dict:
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict) -> LinearScorer:
        return cls(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()})


@dataclass(frozen=True)
class Calibration:
    """A monotone curve from a score to the share of right answers (isotonic regression fitted on
    out-of-fold predictions), read by linear interpolation."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, score: float) -> float:
        if not self.x:
            return score
        if score <= self.x[0]:
            return self.y[0]
        if score >= self.x[-1]:
            return self.y[-1]
        k = bisect.bisect_right(self.x, score)
        x0, x1, y0, y1 = self.x[k - 1], self.x[k], self.y[k - 1], self.y[k]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)


@dataclass(frozen=True)
class Decision:
    """What the decision layer chose for one claim."""

    candidate: Candidate
    via: tuple[str, ...]
    confidence: float
    evidence: str


@dataclass(frozen=True)
class DecisionModel:
    """Chooses, for each claim, one of its candidates and the outlets that relay it."""

    source: LinearScorer
    via: LinearScorer
    confidence: LinearScorer  # P(the chosen source is right), before calibration
    calibration: Calibration
    metadata: dict = field(default_factory=dict)
    # how far another candidate's score must be above the rules' own answer to replace it: chosen
    # in training on articles each scorer had not seen (training.choose_rules_margin)
    rules_margin: float = 0.0
    # the rules whose answers the training claims showed the scorer (evidence families): an answer
    # of a rule it never saw stands, since nothing taught the scorer when that rule errs (a rare
    # rule, an annotated sample small or unlike the articles); empty: overrule any rule
    rules_seen: tuple[str, ...] = ()

    def source_scores(self, claim: ClaimCandidates) -> list[float]:
        return [self.source.probability(c.features) for c in claim.candidates]

    def best(self, scores: Sequence[float]) -> int:
        """The best-scored candidate if it beats the rules' own answer (the first) by the
        model's margin, else the rules' answer; a tie goes to the one proposed first."""
        return pick(scores, self.rules_margin)

    def knows(self, claim: ClaimCandidates) -> bool:
        """Whether the scorer was trained on answers of the rule that answered this claim."""
        return not self.rules_seen or evidence_family(claim.rules.evidence) in self.rules_seen

    def choose(self, claim: ClaimCandidates) -> tuple[int, float]:
        """The index of the best candidate and the calibrated probability that it is right."""
        scores = self.source_scores(claim)
        best = self.best(scores) if self.knows(claim) else 0
        return best, self.calibration(self.confidence.probability(confidence_features(claim, best, scores)))

    def choose_via(self, claim: ClaimCandidates, chosen: Candidate) -> tuple[str, ...]:
        options: list[ViaOption] = via_options(claim, chosen)
        scores = [self.via.probability(o.features) for o in options]
        return options[max(range(len(options)), key=lambda k: (scores[k], -k))].via

    def decide(self, claims: Sequence[ClaimCandidates]) -> list[Decision]:
        decisions = []
        for claim in claims:
            best, confidence = self.choose(claim)
            chosen = claim.candidates[best]
            origin = chosen.origins[0].rstrip("0123456789")
            decisions.append(Decision(chosen, self.choose_via(claim, chosen), round(confidence, 2),
                                      f"learned/{origin}/{chosen.speaker_type}"))
        return decisions

    def as_dict(self) -> dict:
        return {"format": FORMAT, "version": FORMAT_VERSION, "metadata": self.metadata,
                "source": self.source.as_dict(), "via": self.via.as_dict(), "confidence": self.confidence.as_dict(),
                "calibration": {"x": list(self.calibration.x), "y": list(self.calibration.y)},
                "rules_margin": self.rules_margin, "rules_seen": list(self.rules_seen)}

    def to_json(self) -> str:
        """The model file's text: the same model always gives the same bytes."""
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def fingerprint(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()[:10]

    @classmethod
    def from_dict(cls, data: object, origin: str = "model") -> DecisionModel:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{origin} is not a claimtrack decision model (made by 'claimtrack train')")
        if data.get("version") not in READABLE_VERSIONS:
            readable = ", ".join(map(str, READABLE_VERSIONS))
            raise ModelError(f"{origin} is a model of format version {data.get('version')}; this claimtrack reads "
                             f"versions {readable}: train it again with 'claimtrack train'")
        try:
            calibration = data["calibration"]
            return cls(LinearScorer.from_dict(data["source"]), LinearScorer.from_dict(data["via"]),
                       LinearScorer.from_dict(data["confidence"]),
                       Calibration(tuple(map(float, calibration["x"])), tuple(map(float, calibration["y"]))),
                       dict(data.get("metadata") or {}), float(data.get("rules_margin", 0.0)),
                       tuple(str(family) for family in data.get("rules_seen", ())))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ModelError(f"{origin} is a damaged decision model ({error}): train it again") from error


def pick(scores: Sequence[float], margin: float = 0.0) -> int:
    """The best-scored candidate, unless it beats the first (the rules' own answer) by less
    than `margin`; a tie goes to the one proposed first."""
    best = max(range(len(scores)), key=lambda k: (scores[k], -k))
    return best if scores[best] - scores[0] >= margin else 0


def load_model(path: str | Path | None = None) -> DecisionModel:
    """A model file (JSON written by `claimtrack train`); None loads the one the package ships."""
    if path is None:
        text = resources.files("claimtrack.engine.learned").joinpath(DEFAULT_MODEL).read_text(encoding="utf-8")
        return DecisionModel.from_dict(json.loads(text), "the packaged model")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ModelError(f"cannot read the model {path}: {getattr(error, 'strerror', None) or error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ModelError(f"{path} is not a claimtrack decision model (not JSON: {error.msg})") from error
    return DecisionModel.from_dict(data, str(path))


def rules_decisions(claims: Sequence[ClaimCandidates]) -> list[Decision]:
    """The rules' own answers, with the per-rule confidence table (`--engine rules`)."""
    from claimtrack.engine.calibration import confidence

    return [Decision(c.rules, tuple(c.rules.source.via) if c.rules.source else (),
                     round(confidence(c.rules.evidence), 2), c.rules.evidence)
            for c in claims]
