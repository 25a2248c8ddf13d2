"""The stanza backend: an optional extra; its models cannot be downloaded on every machine.

`sentences_from_stanza` is the adapter; it is tested on `stanza.Document`s read from CoNLL-U,
so it needs no model weights.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.engine.backends.base import BackendUnavailable
from claimtrack.engine.syntax.parsed import ParsedSentence, Token

INSTALL_HINT = (
    "pip install 'claimtrack[stanza]', then on a machine with internet: "
    "python -c \"import stanza; stanza.download('fr')\""
)


def _entity_labels(doc) -> dict[tuple[int, int], str]:
    labels: dict[tuple[int, int], str] = {}
    for ent in getattr(doc, "ents", []) or []:
        labels[(ent.start_char, ent.end_char)] = ent.type
    return labels


def sentences_from_stanza(doc, offset: int = 0) -> list[ParsedSentence]:
    """Convert every sentence of a stanza Document; multiword tokens share their token's span."""
    entities = _entity_labels(doc)
    out = []
    for sentence in doc.sentences:
        tokens: list[Token] = []
        for token in sentence.tokens:
            t_start = token.start_char if token.start_char is not None else 0
            t_end = token.end_char if token.end_char is not None else t_start + len(token.text)
            label = next((lab for (s, e), lab in entities.items() if s <= t_start and t_end <= e), "")
            for word in token.words:
                head = (word.head or word.id) - 1
                tokens.append(
                    Token(
                        i=word.id - 1,
                        start=offset + t_start,
                        end=offset + t_end,
                        text=word.text,
                        lemma=word.lemma or word.text.lower(),
                        upos=word.upos or "X",
                        feats=word.feats or "",
                        head=head,
                        deprel=(word.deprel or "dep").lower(),
                        ent=label,
                    )
                )
        if tokens:
            out.append(ParsedSentence(start=tokens[0].start, end=tokens[-1].end, tokens=tuple(tokens)))
    return out


class StanzaBackend:
    name = "stanza"

    def __init__(self, lang: str = "fr") -> None:
        try:
            import stanza
        except ImportError as error:
            raise BackendUnavailable(f"stanza is not installed: {INSTALL_HINT}") from error
        try:
            self.pipeline = stanza.Pipeline(
                lang, processors="tokenize,mwt,pos,lemma,depparse,ner",
                tokenize_no_ssplit=True, download_method=None, verbose=False,
            )
        except Exception as error:  # stanza raises several kinds when resources are missing
            raise BackendUnavailable(f"stanza's {lang!r} models are not installed: {INSTALL_HINT}") from error
        self.model = f"stanza-{lang}-{stanza.__version__}"
        self.loaded_as = lang

    def parse(self, texts: Sequence[str], offsets: Sequence[int]) -> list[ParsedSentence]:
        out = []
        for text, offset in zip(texts, offsets, strict=False):
            sentences = sentences_from_stanza(self.pipeline(text), offset)
            out.append(_merge(sentences, offset))
        return out


def _merge(sentences: list[ParsedSentence], offset: int) -> ParsedSentence:
    """Stanza may still split a text; the rules want one sentence, so the trees are joined."""
    if len(sentences) == 1:
        return sentences[0]
    tokens: list[Token] = []
    for sentence in sentences:
        base = len(tokens)
        for tok in sentence.tokens:
            tokens.append(Token(tok.i + base, tok.start, tok.end, tok.text, tok.lemma, tok.upos,
                                tok.feats, tok.head + base, tok.deprel, tok.ent))
    if not tokens:
        return ParsedSentence(offset, offset, ())
    return ParsedSentence(tokens[0].start, tokens[-1].end, tuple(tokens))
