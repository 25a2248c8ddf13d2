"""`analyze(text, name=...)`: the one library call between the engine and everything else."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from claimtrack.engine.backends import Backend, load_backend
from claimtrack.engine.carried import Carried
from claimtrack.engine.document import attribute_document
from claimtrack.engine.learned.candidates import claim_candidates
from claimtrack.engine.learned.model import DecisionModel, load_model, rules_decisions
from claimtrack.engine.records import Analysis, Claim, Pipeline, Segment
from claimtrack.engine.text.kinds import paragraph_kinds
from claimtrack.engine.text.metadata import outlet_from_furniture, published_date
from claimtrack.engine.text.quotes import Quote, QuoteIndex, find_quotes
from claimtrack.engine.text.segmenter import segment
from claimtrack.engine.version import rules_version

RULES_VERSION = rules_version()  # "2+<fingerprint of the engine's code and lexicons>"

_PARSE_NORMALISE = str.maketrans({"\n": " ", "\u00a0": " ", "\u202f": " ", "\t": " "})


ENGINES = ("learned", "rules")

# A document longer than this is analysed in pieces of whole paragraphs of about this many
# characters, so that memory stays bounded whatever its length (news articles are far shorter:
# they are analysed whole). A paragraph longer than twice this is cut between sentences.
PIECE_CHARS = 200_000


def comes_in_pieces(text: str) -> bool:
    """Whether a document is analysed in pieces (Analyzer.analyze_in_pieces): callers that
    analyse documents ahead, in batches or in worker processes, leave such a document to be
    analysed piece by piece as it is stored, so that its whole analysis is never held at once."""
    return len(text) > PIECE_CHARS


@dataclass(frozen=True)
class Request:
    """One document to analyse: its text, name, and the furniture and caption lines known for it."""

    text: str
    name: str | None = None
    known_boilerplate: frozenset[str] = frozenset()
    known_captions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Piece:
    """A run of sentences [first, stop) of a document, and the stretch of text [start, end) it
    covers: a document's pieces cover its whole text, one after another."""

    first: int
    stop: int
    start: int
    end: int


@dataclass(frozen=True)
class _Metadata:
    title: str | None
    outlet: str | None
    published: str | None


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

    def whole(self) -> _Piece:
        return _Piece(0, len(self.spans), 0, len(self.request.text))

    def pieces(self, piece_chars: int) -> list[_Piece]:
        """Runs of whole paragraphs of about `piece_chars` characters (one piece for a document
        no longer than that); a paragraph past twice that is cut between two sentences."""
        spans, size = self.spans, len(self.request.text)
        if size <= piece_chars or not spans:
            return [self.whole()]
        cuts = [0]
        for i in range(1, len(spans)):
            grown = spans[i].start - spans[cuts[-1]].start
            new_paragraph = spans[i].paragraph != spans[i - 1].paragraph
            if (new_paragraph and grown >= piece_chars) or grown >= 2 * piece_chars:
                cuts.append(i)
        bounds = cuts + [len(spans)]
        return [_Piece(first, stop, spans[first].start if k else 0, spans[stop].start if stop < len(spans) else size)
                for k, (first, stop) in enumerate(zip(bounds, bounds[1:], strict=False))]

    def metadata(self) -> _Metadata:
        """The title (a headline before the running text), and the outlet and day the furniture
        lines give, read from the whole document before any piece is analysed."""
        text, spans, kinds = self.request.text, self.spans, self.kinds
        furniture = tuple(Segment(s.start, s.end, text[s.start : s.end], kinds[i], s.paragraph)
                          for i, s in enumerate(spans) if kinds[i] == "boilerplate")
        first = next((i for i, k in enumerate(kinds) if k in ("headline", "claim")), None)
        title = None
        if first is not None:
            title = text[spans[first].start : spans[first].end]
            same = next(i for i in range(first + 1) if text[spans[i].start : spans[i].end] == title)
            # the title is a headline that comes before the running text, not a later crosshead
            title = " ".join(title.split()) if kinds[same] == "headline" else None
        return _Metadata(title, outlet_from_furniture(text, furniture), published_date(text, furniture))

    @staticmethod
    def _within(indices: list[int], piece: _Piece) -> list[int]:
        return indices[bisect.bisect_left(indices, piece.first) : bisect.bisect_left(indices, piece.stop)]

    def wanted_in(self, piece: _Piece) -> list[int]:
        return self._within(self.wanted, piece)

    def to_parse_in(self, piece: _Piece) -> list[int]:
        return self._within(self.to_parse, piece)

    def parse_texts(self, piece: _Piece) -> list[str]:
        text = self.request.text
        return [text[self.spans[i].start : self.spans[i].end].translate(_PARSE_NORMALISE)
                for i in self.to_parse_in(piece)]

    def parse_offsets(self, piece: _Piece) -> list[int]:
        return [self.spans[i].start for i in self.to_parse_in(piece)]



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
        texts = [t for p in prepared for t in p.parse_texts(p.whole())]
        offsets = [o for p in prepared for o in p.parse_offsets(p.whole())]
        parsed = self.backend.parse(texts, offsets) if texts else []
        analyses, at = [], 0
        for p in prepared:
            sentences = parsed[at : at + len(p.to_parse)]
            at += len(p.to_parse)
            analyses.append(self._finish(p, p.whole(), sentences, find_quotes(p.request.text),
                                         Carried.of(p.request.text), p.metadata(), keep_candidates))
        return analyses

    def analyze_in_pieces(self, request: Request, piece_chars: int | None = None,
                          keep_candidates: bool = False) -> Iterator[Analysis]:
        """A document as analyses of its successive pieces of whole paragraphs (one, the same as
        `analyze`, for a document no longer than `piece_chars`): each has the segments and claims
        of its piece, offsets in the whole text, and the document's title, outlet and day. The
        pieces share what a reader carries across them (claimtrack.engine.carried), and only one
        piece's parse is held at a time, so that memory stays bounded for a document of any length.
        `piece_chars`: PIECE_CHARS by default."""
        piece_chars = piece_chars if piece_chars is not None else PIECE_CHARS
        prepared = _Prepared.of(request)
        quotes = QuoteIndex(find_quotes(request.text))  # each piece takes those overlapping it
        carried = Carried.of(request.text)
        metadata = prepared.metadata()
        for piece in prepared.pieces(piece_chars):
            texts = prepared.parse_texts(piece)
            sentences = self.backend.parse(texts, prepared.parse_offsets(piece)) if texts else []
            yield self._finish(prepared, piece, sentences, quotes.overlapping(piece.start, piece.end), carried,
                               metadata, keep_candidates)

    def _finish(self, prepared: _Prepared, piece: _Piece, sentences: list, quotes: list[Quote], carried: Carried,
                metadata: _Metadata, keep_candidates: bool) -> Analysis:
        text, name, spans, kinds = prepared.request.text, prepared.request.name, prepared.spans, prepared.kinds
        wanted, to_parse = prepared.wanted_in(piece), prepared.to_parse_in(piece)
        sentence_kinds = [kinds[i] for i in to_parse]
        paragraph_numbers = [spans[i].paragraph for i in to_parse]
        own: list = []
        attributions = attribute_document(text, sentences, sentence_kinds, paragraph_numbers, quotes, own, carried)
        candidates = claim_candidates(text, sentences, sentence_kinds, paragraph_numbers, quotes, attributions, own,
                                      piece=(piece.start, piece.end), outlets=carried.outlets,
                                      claims_before=carried.claims_before)
        carried.claims_before += len(candidates)
        decisions = self.model.decide(candidates) if self.model is not None else rules_decisions(candidates)
        segments = tuple(Segment(s.start, s.end, text[s.start : s.end], kinds[i], s.paragraph)
                         for i, s in enumerate(spans[piece.first : piece.stop], start=piece.first))
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
        return Analysis(
            name=name, text=text, title=metadata.title, outlet=metadata.outlet, published=metadata.published,
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
