"""When two fingerprinted claims are one claim: the same words, nearly the same words (a word
changed, a hedge dropped), or one a shortened quotation of the other.

Thresholds are on word sequences, not characters, so that one changed word weighs the same in
a short and a long sentence. They were set on invented drift (tests/test_provenance.py): one
word changed in twelve scores 92, a dropped hedge 96, two different statements of one speaker
on one subject below 60. Words are compared as single characters of a private alphabet (one
code point per distinct word), so rapidfuzz's C edit distances work on words at full speed.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

NEAR = 85.0  # Indel similarity of the two word sequences, 0-100
CONTAINED = 0.9  # share of the shorter sequence found, in order, in the longer
MIN_SHORTENED_SHARE = 0.3  # a six-word excerpt of a sixty-word sentence is another claim
MIN_NEAR_WORDS = 10  # below this, one changed word makes another statement ("grave"/"stable")
MIN_SHORTENED_WORDS = 6


class WordCodes:
    """Words as code points of the supplementary planes, one per distinct word."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}

    def encode(self, words: tuple[str, ...]) -> str:
        codes = self.codes
        out = []
        for word in words:
            code = codes.get(word)
            if code is None:
                code = codes[word] = chr(0x10000 + len(codes) % 0xFFFF0)
            out.append(code)
        return "".join(out)


def encoded_similarity(first: str, second: str) -> float | None:
    """`similarity` on word-encoded strings (WordCodes)."""
    if first == second:
        return 100.0
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    if len(short) >= MIN_NEAR_WORDS and len(short) >= len(long) * (NEAR / (200 - NEAR)):
        score = fuzz.ratio(first, second, score_cutoff=NEAR)
        if score:
            return score
    if len(short) >= MIN_SHORTENED_WORDS and len(short) >= MIN_SHORTENED_SHARE * len(long):
        common = LCSseq.similarity(short, long, score_cutoff=int(CONTAINED * len(short) + 0.999))
        # in order and nearly in one piece: an excerpt, not the same words scattered
        if common and fuzz.partial_ratio(short, long) >= 90:
            return 100.0 * common / len(long)
    return None


def similarity(first: tuple[str, ...], second: tuple[str, ...]) -> float | None:
    """0-100 when the two word sequences are one claim, None when they are not."""
    codes = WordCodes()
    return encoded_similarity(codes.encode(first), codes.encode(second))
