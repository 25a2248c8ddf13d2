"""`analyze(text, name=...)`: the one library call between the engine and everything else."""

from __future__ import annotations

from claimtrack.engine.backends import Backend, load_backend
from claimtrack.engine.calibration import DEFAULT, confidence
from claimtrack.engine.document import attribute_document
from claimtrack.engine.records import Analysis, Claim, Pipeline, Segment
from claimtrack.engine.text.kinds import paragraph_kinds
from claimtrack.engine.text.metadata import outlet_from_furniture, published_date
from claimtrack.engine.text.quotes import find_quotes
from claimtrack.engine.text.segmenter import segment
from claimtrack.engine.version import rules_version

RULES_VERSION = rules_version()  # "2+<fingerprint of the engine's code and lexicons>"

_PARSE_NORMALISE = str.maketrans({"\n": " ", "\u00a0": " ", "\u202f": " ", "\t": " "})


class Analyzer:
    """Holds a loaded backend so that many documents share one model load."""

    def __init__(self, backend: Backend | str = "spacy") -> None:
        self.backend = load_backend(backend) if isinstance(backend, str) else backend
        self.pipeline = Pipeline(self.backend.name, self.backend.model, RULES_VERSION)

    def analyze(self, text: str, name: str | None = None,
                known_boilerplate: frozenset[str] = frozenset(),
                known_captions: frozenset[str] = frozenset()) -> Analysis:
        """`known_boilerplate` and `known_captions` are normalised lines the caller already knows
        to be furniture (recurring across the corpus) or captions (an HTML page's <figcaption>)."""
        spans = segment(text)
        paragraph_kind = paragraph_kinds(text, spans, known_boilerplate, known_captions)
        kinds = [paragraph_kind[s.paragraph] for s in spans]
        wanted = [i for i, k in enumerate(kinds) if k in ("claim", "headline")]
        # captions feed the registry of names too ("le général Baqeri (à gauche)")
        to_parse = [i for i, k in enumerate(kinds) if k != "boilerplate"]
        sentences = self.backend.parse(
            [text[spans[i].start : spans[i].end].translate(_PARSE_NORMALISE) for i in to_parse],
            [spans[i].start for i in to_parse],
        )
        sentence_kinds = [kinds[i] for i in to_parse]
        paragraph_numbers = [spans[i].paragraph for i in to_parse]
        attributions = attribute_document(text, sentences, sentence_kinds, paragraph_numbers, find_quotes(text))
        attribution_of = dict(zip(to_parse, attributions, strict=False))
        segments = tuple(Segment(s.start, s.end, text[s.start : s.end], kinds[i], s.paragraph)
                         for i, s in enumerate(spans))
        claims = []
        for i in wanted:
            span, attribution = spans[i], attribution_of[i]
            source = attribution.source if attribution else None
            claims.append(Claim(
                start=span.start, end=span.end, text=text[span.start : span.end], kind=kinds[i],
                speaker=source.speaker if source else None,
                speaker_type=source.type if source else "editorial",
                mode=attribution.mode if source else "none",
                cue=attribution.cue if source else None,
                mention=source.mention if source and source.mention != source.speaker else None,
                role=source.role if source else None,
                via=source.via if source else (),
                confidence=round(confidence(attribution.evidence), 2) if attribution else DEFAULT,
                evidence=attribution.evidence if attribution else "none/plain",
                mention_span=source.span if source and source.span[1] > source.span[0] else None,
                cue_span=attribution.cue_span if source else None,
                quote_span=attribution.quote_span if source else None,
            ))
        # the title is a headline that comes before the running text, not a later crosshead
        title = next((s.text for s in segments if s.kind in ("headline", "claim")), None)
        if title is not None and next(s for s in segments if s.text == title).kind != "headline":
            title = None
        return Analysis(
            name=name, text=text, title=" ".join(title.split()) if title else None,
            outlet=outlet_from_furniture(text, segments), published=published_date(text, segments),
            segments=segments, claims=tuple(claims), pipeline=self.pipeline,
        )


_default: Analyzer | None = None


def analyze(text: str, name: str | None = None, *, backend: str = "spacy") -> Analysis:
    """Analyse one article's text with a process-wide analyzer (the model loads once)."""
    global _default
    if _default is None or _default.backend.name != backend:
        _default = Analyzer(backend)
    return _default.analyze(text, name=name)
