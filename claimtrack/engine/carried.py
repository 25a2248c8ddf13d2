"""What a reader carries from one stretch of a document to the next.

A document is analysed whole when it is of ordinary length, and in pieces of whole paragraphs
when it is very long (claimtrack.engine.pipeline.PIECE_CHARS), so that memory stays bounded
whatever its length. The pieces share this context, so that "M. Dupont" in the tenth piece is
still the Jean Dupont of the first, "il" still points to the last speaker, and the outlets the
article named anywhere are known everywhere, as in a document analysed whole. What a piece
cannot see is the sentences of the piece before it: a quotation or a continuation across the
boundary between two pieces may be read differently (tested to be rare).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.engine.speakers.mentions import Resolver
from claimtrack.engine.speakers.names import Registry


@dataclass
class Carried:
    """The names met so far, the last speakers and documents, the outlets the text names, and
    how many claims came before the current piece (a feature of the decision layer counts them)."""

    registry: Registry
    resolver: Resolver
    claims_before: int = 0

    @classmethod
    def of(cls, text: str) -> Carried:
        registry = Registry(text)
        return cls(registry, Resolver(text, registry))

    @property
    def outlets(self) -> frozenset[str]:
        """The outlets the document shows to be outlets outside the lexicon (found once)."""
        return self.resolver.outlets
