"""`analyze(text, name=...)`: the one library call between the engine and everything else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimtrack.engine.backends import Backend, load_backend
from claimtrack.engine.document import attribute_document
from claimtrack.engine.learned.candidates import claim_candidates
from claimtrack.engine.learned.model import DecisionModel, load_model, rules_decisions
from claimtrack.engine.records import Analysis, Claim, Pipeline, Segment
from claimtrack.engine.text.kinds import paragraph_kinds
from claimtrack.engine.text.metadata import outlet_from_furniture, published_date
from claimtrack.engine.text.quotes import find_quotes
from claimtrack.engine.text.segmenter import segment
from claimtrack.engine.version import rules_version

RULES_VERSION = rules_version()  # "2+<fingerprint of the engine's code and lexicons>"

_PARSE_NORMALISE = str.maketrans({"\n": " ", "\u00a0": " ", "\u202f": " ", "\t": " "})


ENGINES = ("learned", "rules")


@dataclass(frozen=True)
class Request:
    """One document to analyse: its text, name, and the furniture and caption lines known for it."""

    text: str
    name: str | None = None
    known_boilerplate: frozenset[str] = frozenset()
    known_captions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Prepared:
    """A document segmented and its units classified: what goes to the parser, and in which order."""

    request: Request
    spans: list
    kinds: list[str]
    wanted: list[int]  # the units that become claims (running text and headlines)
    to_parse: list[int]  # every unit but furniture: captions feed the registry of names too

    @classmethod
    def of(cls, request: Request) -> _Prepared:
        spans = segment(request.text)
        paragraph_kind = paragraph_kinds(request.text, spans, request.known_boilerplate, request.known_captions)
        kinds = [paragraph_kind[s.paragraph] for s in spans]
        wanted = [i for i, k in enumerate(kinds) if k in ("claim", "headline")]
        # captions feed the registry of names too ("le général Baqeri (à gauche)")
        to_parse = [i for i, k in enumerate(kinds) if k != "boilerplate"]
        return cls(request, spans, kinds, wanted, to_parse)

    @property
    def parse_texts(self) -> list[str]:
        text = self.request.text
        return [text[self.spans[i].start : self.spans[i].end].translate(_PARSE_NORMALISE) for i in self.to_parse]

    @property
    def parse_offsets(self) -> list[int]:
        return [self.spans[i].start for i in self.to_parse]


class Analyzer:
    """Holds a loaded backend (and decision model) so that many documents share one load.

    `engine="learned"` (the default) lets the decision model choose among the candidates the
    rules find; `engine="rules"` keeps the rules' own choices, for comparison. `model` is a
    model file of `claimtrack train` (None: the one the package ships) or a loaded model."""

    def __init__(self, backend: Backend | str = "spacy", engine: str = "learned",
                 model: DecisionModel | str | None = None) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
        self.backend = load_backend(backend) if isinstance(backend, str) else backend
        self.engine = engine
        self.model_path = model if isinstance(model, str) else None  # what a spawned worker loads again
        self.model: DecisionModel | None = None
        version = RULES_VERSION
        if engine == "learned":
            self.model = model if isinstance(model, DecisionModel) else load_model(model)
            if model is not None:  # a newsroom's own model: documents say which one decided
                version = f"{RULES_VERSION}+model-{self.model.fingerprint()}"
        else:
            version = f"{RULES_VERSION}+rules-only"
        self.pipeline = Pipeline(self.backend.name, self.backend.model, version)

    def analyze(self, text: str, name: str | None = None,
                known_boilerplate: frozenset[str] = frozenset(),
                known_captions: frozenset[str] = frozenset(), keep_candidates: bool = False) -> Analysis:
        """`known_boilerplate` and `known_captions` are normalised lines the caller already knows
        to be furniture (recurring across the corpus) or captions (an HTML page's <figcaption>).
        `keep_candidates` keeps what the decision layer weighed in the analysis (for training and
        cross-validation); ingest does without: it would only be carried between processes."""
        return self.analyze_many([Request(text, name, known_boilerplate, known_captions)], keep_candidates)[0]

    def analyze_many(self, requests: Sequence[Request], keep_candidates: bool = False) -> list[Analysis]:
        """Several documents at once, each analysed as `analyze` would: their sentences go to the
        parser together, so that a batch of short documents fills the parser's batches (a
        one-line article alone costs the parser's whole per-call overhead)."""
        prepared = [_Prepared.of(request) for request in requests]
        texts = [t for p in prepared for t in p.parse_texts]
        offsets = [o for p in prepared for o in p.parse_offsets]
        parsed = self.backend.parse(texts, offsets) if texts else []
        analyses, at = [], 0
        for p in prepared:
            sentences = parsed[at : at + len(p.to_parse)]
            at += len(p.to_parse)
            analyses.append(self._finish(p, sentences, keep_candidates))
        return analyses

    def _finish(self, prepared: _Prepared, sentences: list, keep_candidates: bool) -> Analysis:
        text, name, spans, kinds = prepared.request.text, prepared.request.name, prepared.spans, prepared.kinds
        wanted, to_parse = prepared.wanted, prepared.to_parse
        sentence_kinds = [kinds[i] for i in to_parse]
        paragraph_numbers = [spans[i].paragraph for i in to_parse]
        quotes = find_quotes(text)
        own: list = []
        attributions = attribute_document(text, sentences, sentence_kinds, paragraph_numbers, quotes, own)
        candidates = claim_candidates(text, sentences, sentence_kinds, paragraph_numbers, quotes, attributions, own)
        decisions = self.model.decide(candidates) if self.model is not None else rules_decisions(candidates)
        segments = tuple(Segment(s.start, s.end, text[s.start : s.end], kinds[i], s.paragraph)
                         for i, s in enumerate(spans))
        claims = []
        for i, decision in zip(wanted, decisions, strict=True):
            span, chosen = spans[i], decision.candidate
            source = chosen.source
            claims.append(Claim(
                start=span.start, end=span.end, text=text[span.start : span.end], kind=kinds[i],
                speaker=source.speaker if source else None,
                speaker_type=chosen.speaker_type,
                mode=chosen.mode,
                cue=chosen.cue,
                mention=source.mention if source and source.mention != source.speaker else None,
                role=source.role if source else None,
                via=decision.via,
                confidence=decision.confidence,
                evidence=decision.evidence,
                mention_span=source.span if source and source.span[1] > source.span[0] else None,
                cue_span=chosen.cue_span,
                quote_span=chosen.quote_span,
            ))
        # the title is a headline that comes before the running text, not a later crosshead
        title = next((s.text for s in segments if s.kind in ("headline", "claim")), None)
        if title is not None and next(s for s in segments if s.text == title).kind != "headline":
            title = None
        return Analysis(
            name=name, text=text, title=" ".join(title.split()) if title else None,
            outlet=outlet_from_furniture(text, segments), published=published_date(text, segments),
            segments=segments, claims=tuple(claims), pipeline=self.pipeline,
            candidates=tuple(candidates) if keep_candidates else (),
        )


_default: Analyzer | None = None


def analyze(text: str, name: str | None = None, *, backend: str = "spacy") -> Analysis:
    """Analyse one article's text with a process-wide analyzer (the model loads once)."""
    global _default
    if _default is None or _default.backend.name != backend:
        _default = Analyzer(backend)
    return _default.analyze(text, name=name)
