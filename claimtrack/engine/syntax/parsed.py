"""The backend-neutral parse the attribution rules run on.

Both backends (spaCy, stanza) are converted into these records, so no rule ever touches a
backend object: the rules are tested once and hold for both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    i: int  # index in its sentence
    start: int  # character offsets in the document text
    end: int
    text: str
    lemma: str
    upos: str
    feats: str
    head: int  # index in the sentence; a root points to itself
    deprel: str
    ent: str = ""  # entity label when the token is inside a named entity

    def feat(self, name: str) -> str | None:
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class ParsedSentence:
    start: int
    end: int
    tokens: tuple[Token, ...]

    def depth(self, i: int) -> int:
        """Distance from token i to the root; the rules prefer the outermost report."""
        seen = 0
        while self.tokens[i].head != i and seen < len(self.tokens):
            i = self.tokens[i].head
            seen += 1
        return seen

    def dominates(self, ancestor: int, i: int) -> bool:
        """Whether token i lies in the subtree of token `ancestor` (itself included)."""
        seen = 0
        while i != ancestor and self.tokens[i].head != i and seen < len(self.tokens):
            i = self.tokens[i].head
            seen += 1
        return i == ancestor

    def children(self, i: int) -> list[Token]:
        return [t for t in self.tokens if t.head == i and t.i != i]


def span_text(text: str, sent: ParsedSentence, a: int, b: int) -> str:
    return " ".join(text[sent.tokens[a].start : sent.tokens[b - 1].end].split())
