"""What a mention resolves to: the source of a sentence, as the rules pass it around."""

from __future__ import annotations

from dataclasses import dataclass

VARIATION_REACH = 1500  # characters: about the last few sentences


@dataclass(frozen=True)
class Source:
    """Who a sentence is attributed to, as resolved in the document."""

    speaker: str | None
    type: str  # named | unnamed | outlet
    mention: str
    span: tuple[int, int]
    role: str | None = None
    via: tuple[str, ...] = ()
    resolved: str = ""  # how the speaker was found elsewhere in the article: pronoun, role, protagonist …
    plural: bool = False
