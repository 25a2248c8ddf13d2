"""What every NLP backend provides, and the error a missing backend or model raises."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from claimtrack.engine.syntax.parsed import ParsedSentence


class BackendUnavailable(RuntimeError):
    """A backend or its model is not installed; the message says how to get it."""


class Backend(Protocol):
    name: str
    model: str  # the model and its version, as recorded with each document
    loaded_as: str  # what load_backend was given, to load the same model in a worker process

    def parse(self, texts: Sequence[str], offsets: Sequence[int]) -> list[ParsedSentence]:
        """Parse each text as one sentence whose first character is at the given document offset."""
