"""Documents as sources: a report, a cable, a poll speaks for the issuer the article names for
it, and the outlets that obtained or published it relay it (GUIDE: documents as sources).

IssuerRules is the part of the mention resolver (claimtrack.engine.speakers.mentions.Resolver) that
notes the documents an article introduces and finds their issuers; it reads the resolver's
text, registry, outlets and classify, and keeps the issuers it has seen.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.speakers.descriptions import national_states
from claimtrack.engine.speakers.names import Registry, name_runs
from claimtrack.engine.speakers.outlets import find_outlets
from claimtrack.engine.speakers.sources import VARIATION_REACH, Source
from claimtrack.engine.syntax.parsed import ParsedSentence, Token, span_text
from claimtrack.engine.syntax.phrases import extend_np

_RELAYING = frozenset("citer interroger relayer interviewer joindre contacter".split())


class IssuerRules:
    """Documents and their issuers, for the mention resolver."""

    text: str
    registry: Registry
    outlets: frozenset[str]
    last_issuer: Source | None
    issuers: dict[str, Source]  # document noun -> the issuer last named for such a document
    unissued: dict[str, int]  # document noun -> where a document with no issuer was introduced

    def classify(self, sent: ParsedSentence, a: int, b: int) -> Source | None:
        raise NotImplementedError  # the resolver's

    def _figures_issuer(self, sent: ParsedSentence, head: int, b: int) -> Source | None:
        """The named body or person in the de-complements of a figure or ruling ("une décision de
        1950 de la Cour suprême", "la propre estimation du Pentagone"): dates are passed over."""
        toks = sent.tokens
        i = head + 1
        while i < b and fold(toks[i].text) in ("de", "d'", "du", "des"):
            if i + 1 < b and toks[i + 1].upos == "NUM":
                i += 2  # "de 1950"
                continue
            if i + 1 >= b or not (toks[i + 1].upos in ("DET", "PROPN") or toks[i + 1].text[:1].isupper()
                                  or fold(toks[i].text) == "du"):
                return None  # "les analyses de laboratoire": a kind of figures, not who issued them
            end = extend_np(self.text, sent, i + 1)
            source = self.classify(sent, i + 1, min(end, b) if end > i + 1 else b)
            return source if source is not None and source.type == "named" else None
        return None

    def _national_institution(self, after_noun: tuple[Token, ...]) -> str | None:
        """The state body of the same nationality the article names (l'ambassade, la diplomatie,
        l'administration, le gouvernement + the adjective): who wrote a state's documents."""
        adjective = next((t for t in after_noun if t.upos != "PUNCT"), None)
        if adjective is None:
            return None
        stem = re.escape(fold(adjective.text)[:6])
        match = re.search(rf"\b(?:[Ll]['’]\s*)?((?:ambassade|administration|diplomatie)\s+{stem}\w*"
                          rf"(?:\s+à\s+[A-ZÀ-Ý][\w-]+)?|gouvernement\s+{stem}\w*)", self.text)
        return match.group(1) if match else None

    def _national_state(self, after_noun: tuple[Token, ...]) -> str | None:
        """The state a nationality adjective names ("la déclaration saoudienne officielle" →
        Arabie saoudite; lexicons/nationalities.tsv), as the article names it; None when the
        article never names that state."""
        adjective = next((t for t in after_noun if t.upos != "PUNCT"), None)
        for state in national_states(adjective) if adjective is not None else ():
            if re.search(rf"(?<![\w-]){re.escape(state)}(?![\w-])", self.text):
                return state
        return None

    def note_documents(self, sent: ParsedSentence) -> None:
        """A document the sentence introduces with its issuer, whoever speaks ("… citent une enquête
        de l'Economist Intelligence Unit", "Un rapport a été constitué par le Centre d'analyse"):
        "l'étude" or "les chercheurs" that follow are that issuer."""
        lex = load()
        toks = sent.tokens
        for i, tok in enumerate(toks):
            if tok.upos != "NOUN" or lex.document_nouns.get(fold(tok.text)) != "document":
                continue
            k = i - 1
            while k >= 0 and toks[k].upos == "ADJ":
                k -= 1
            introduced = k >= 0 and fold(toks[k].text) in ("un", "une")
            if not introduced and not tok.deprel.startswith("nsubj"):
                continue  # "ont analysé les rapports du ministère": documents read, not a new source
            end = min(len(toks), i + 12)
            issuer = self._issuer_after(sent, i + 1, end)
            if issuer is None and introduced:
                self.unissued[fold(tok.text)] = tok.start
            if issuer is not None:
                span = (toks[i].start, toks[i].end)
                self.last_issuer = replace(issuer, mention=self.text[span[0]:span[1]], span=span, resolved="issuer")
                self.issuers[document_key(tok.text)] = self.last_issuer

    def _issuer_after(self, sent: ParsedSentence, a: int, end: int) -> Source | None:
        """The named issuer in "de X", "du X" or "(constitué, publié …) par X" right after a document noun."""
        toks = sent.tokens
        for i in range(a, end):
            word = fold(toks[i].text)
            if word in ("de", "d'", "du", "des", "par") and i + 1 < len(toks) and (
                    i == a or word == "par" or toks[i - 1].upos == "ADJ"):
                b = extend_np(self.text, sent, i + 1)
                runs = name_runs(sent, i + 1, b)
                if runs:
                    source = self.classify(sent, i + 1, b)
                    if source is not None and source.type == "named":
                        return source
                return None
            if toks[i].upos in ("PUNCT", "VERB") and word != "par" and toks[i].feat("VerbForm") != "Part":
                return None
        return None

    def _cited_by_outlet(self, sent: ParsedSentence, a: int, b: int) -> tuple[int, tuple[str, ...]] | None:
        """Where a mention's own words end and the outlets citing them: "X cités par Y",
        "X interrogé par Y", "X relayés par Y" (Y an outlet)."""
        toks = sent.tokens
        for p in range(a + 1, b - 1):
            relayed = toks[p].feat("VerbForm") == "Part" and fold(toks[p].lemma) in _RELAYING \
                and fold(toks[p + 1].text) == "par"
            invited = fold(toks[p].text).startswith("invité") and fold(toks[p + 1].text) in ("de", "d'", "du", "sur")
            if relayed or invited:  # "X, cité par Y", "X, invité de Y": Y relays X
                names = [n for _, _, n in find_outlets(span_text(self.text, sent, p + 2, b), self.outlets)]
                end = p - 1 if toks[p - 1].text == "," else p
                return (end, tuple(names[:1])) if names and end > a else None
        return None

    def _document_on_speaks_in(self, toks: tuple[Token, ...]) -> Source | None:
        """"dans le rapport", "dans cette étude" beside an impersonal "on": the document speaks,
        that is its issuer, when the article named one not long before."""
        lex = load()
        issuer = self.last_issuer
        if issuer is None or issuer.type != "named":
            return None
        for i, tok in enumerate(toks[:-2]):
            if fold(tok.text) == "dans" and fold(toks[i + 1].text) in ("le", "la", "l'", "ce", "cette", "cet") \
                    and lex.document_nouns.get(fold(toks[i + 2].text)) == "document":
                return issuer
        return None

    def _authors(self, toks: tuple[Token, ...], a: int, head: int, span: tuple[int, int]) -> Source | None:
        """A definite plural of authors ("les chercheurs", "les auteurs du rapport", "les experts")
        shortly after a document whose issuer the article names: that issuer, who wrote it."""
        issuer = self.last_issuer
        if issuer is None or issuer.type != "named" or span[0] - issuer.span[1] > VARIATION_REACH:
            return None
        lex = load()
        if fold(toks[a].text) not in ("les", "ces") or fold(toks[head].text) not in lex.author_nouns:
            return None
        # "les auteurs de la lettre ouverte" after a ministry's statistics: a document of another
        # kind, introduced with no issuer ("Une lettre ouverte est apparue …"), was written by others
        own = [fold(t.text) for t in toks
               if span[0] <= t.start < span[1] and t.i > head and fold(t.text) in lex.document_nouns]
        if any(noun in self.unissued and noun not in fold(issuer.mention) for noun in own):
            return None
        # "les auteurs du rapport" after a poll: the report's issuer, not the poll's
        issuer = next((self.issuers[document_key(n)] for n in own if document_key(n) in self.issuers), issuer)
        return replace(issuer, mention=self.text[span[0]:span[1]], span=span, resolved="issuer")

    def _relays(self, sent: ParsedSentence, a: int, b: int) -> tuple[tuple[str, ...], int]:
        """Outlets that obtained or published a document ("obtenus par WikiLeaks et consultés par
        Le Monde"), outermost (last named) first, and where the first such participle starts."""
        lex = load()
        toks = sent.tokens
        found: list[str] = []
        first = b
        for i in range(a, b - 1):
            if toks[i].feat("VerbForm") == "Part" and fold(toks[i].lemma) in lex.relay_participles \
                    and fold(toks[i + 1].text) in ("par", "sur", "dans"):
                end = extend_np(self.text, sent, i + 2, limit=6)
                names = [n for _, _, n in find_outlets(span_text(self.text, sent, i + 2, end), self.outlets)]
                if not names and fold(toks[i + 2].text) in lex.outlet_nouns and toks[i + 2].text[:1].isupper():
                    names = [span_text(self.text, sent, i + 2, end)]  # "obtenus par Radio Nord": an outlet by its name
                if names:  # "publié par le bureau de X" names the issuer, not a relay
                    first = min(first, i)
                    found.extend(names[:1])
        return tuple(reversed(found)), first

    def _issuer(self, sent: ParsedSentence, a: int, b: int) -> Source | None:
        """The issuer after the document noun at a - 1: "par X" anywhere in the mention, "de X"
        only as the document's own complement ("l'enquête sur le rapt de deux Français" is no
        enquiry of theirs)."""
        toks = sent.tokens
        runs = name_runs(sent, a, b)
        if runs and runs[0][0] == a and any(t.upos == "PROPN" or t.ent for t in toks[a : runs[0][1]]):
            # "un sondage Angus Reid", "le rapport Sauvé", "un sondage Ifop" (a NOUN the entity
            # recogniser puts in a name): the name right after the noun issued it
            return Source(self.registry.canonical(span_text(self.text, sent, *runs[0])), "named",
                          span_text(self.text, sent, a - 1, runs[0][1]), (toks[a].start, toks[runs[0][1] - 1].end))
        for i in range(a, b):
            word = fold(toks[i].text)
            if word in ("de", "d'", "du", "des") and toks[toks[i].head].head != a - 1:
                continue
            if word in ("par", "de", "d'", "du", "des") and i + 1 < b:
                source = self.classify(sent, i + 1, b)
                if source and source.type in ("named", "outlet"):
                    return source
        return None


def document_key(noun: str) -> str:
    """"rapports" and "rapport" are the same kind of document."""
    word = fold(noun)
    return word[:-1] if word.endswith("s") and len(word) > 3 else word
