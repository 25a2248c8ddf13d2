"""Small typed records that the engine returns; every one carries offsets into the document text.

They are plain frozen dataclasses so that a notebook, the store and the tests can use them
without the NLP backend loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

SEGMENT_KINDS = ("claim", "headline", "caption", "boilerplate")
SPEAKER_TYPES = ("named", "unnamed", "outlet", "editorial")
MODES = ("direct", "indirect", "according_to", "none")


@dataclass(frozen=True)
class Segment:
    """One sentence of the document with what it is (claim, headline, caption, boilerplate)."""

    start: int
    end: int
    text: str
    kind: str
    paragraph: int


@dataclass(frozen=True)
class Claim:
    """A claim or headline sentence with who says it.

    `speaker` is the canonical source resolved inside the document (None for editorial);
    `mention` is how the sentence names it. Offsets of mention, cue and quotation are kept so
    that a reviewer can see them highlighted in the original.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_type: str
    mode: str
    cue: str | None = None
    mention: str | None = None
    role: str | None = None
    via: tuple[str, ...] = ()
    confidence: float = 0.5
    evidence: str = "none/plain"  # the rule that decided the attribution (engine/calibration.py)
    mention_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    quote_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Pipeline:
    """What produced an analysis; stored with each document so that results can be traced."""

    backend: str
    model: str
    rules_version: str

    def label(self) -> str:
        return f"{self.backend}:{self.model}/rules-{self.rules_version}"


@dataclass(frozen=True)
class Analysis:
    name: str | None
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    segments: tuple[Segment, ...]
    claims: tuple[Claim, ...]
    pipeline: Pipeline
    # per claim, the candidates the decision layer weighed (engine/learned/candidates.py): what
    # training and cross-validation learn from; not stored
    candidates: tuple = ()
