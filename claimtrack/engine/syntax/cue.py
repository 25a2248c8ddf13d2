"""A reporting cue found in a sentence: where it is, what it covers and whose mention it names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    anchor: int  # token index of the reporting word
    words: tuple[int, int]  # token range of the cue ("a-t-il souligné", "fait état de", "selon")
    subject: tuple[int, int] | None  # token range of the source mention
    kind: str  # incise | preposed | passive | narrative | framing
    depth: int
    citing: tuple[int, int] | None = None  # "a rapporté RT citant les propos de X"
