"""What makes two sentences "the same claim": a normalised word sequence, and MinHash buckets
that find the few earlier claims worth comparing without comparing against every claim.

Words are folded (case, accents, quotation marks, apostrophes, elisions, punctuation), so that
"L’armée « ne reculera pas »" and "l'armee ne reculera pas" are one word sequence. The
candidate search hashes bigrams of content words with MinHash, in bands (LSH): two claims that
share a band bucket are compared; others never are, so grouping stays sub-quadratic.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

# claims shorter than this are formulas ("Il a démenti.") that many people say independently
MIN_WORDS = 6
MIN_CONTENT_WORDS = 3
BANDS = 12
ROWS = 2  # hashes per band: 12 bands of 2 find pairs of Jaccard 0.36 with p ≈ 0.8, 0.5 with p ≈ 0.97
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|jusqu|quoiqu)'")
_WORD = re.compile(r"[a-z0-9]+")
_MASK63 = (1 << 63) - 1


@cache
def function_words() -> frozenset[str]:
    text = resources.files("claimtrack.provenance").joinpath("function_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def fold(text: str) -> str:
    """Lowercase, without accents, with every apostrophe written "'" (letters without an ASCII
    base, such as "œ", are dropped alike on every side of a comparison)."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def words(text: str) -> list[str]:
    """The sentence as folded words: elided articles and pronouns dropped ("l'armée" is
    "armee"), punctuation and quotation marks gone."""
    return _WORD.findall(_ELISION.sub(" ", fold(text)))


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


_RANDOM = np.random.default_rng(20261128)
# multiply-shift hashing: odd 64-bit multipliers, overflow wraps (that is the hash)
_MULTIPLIERS = (_RANDOM.integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1))[:, None]


@dataclass(frozen=True)
class Fingerprint:
    """A claim's words and the buckets it is filed under (the exact bucket first)."""

    words: tuple[str, ...]
    buckets: tuple[int, ...]

    @property
    def exact(self) -> int:
        return self.buckets[0]


def fingerprint(text: str) -> Fingerprint | None:
    """None for sentences too short or too empty of content to be told apart from a formula."""
    folded = words(text)
    content = [w for w in folded if w not in function_words() and len(w) > 1]
    if len(folded) < MIN_WORDS or len(content) < MIN_CONTENT_WORDS:
        return None
    exact = _stable_hash("=" + " ".join(folded)) & _MASK63
    bigrams = {a + " " + b for a, b in zip(content, content[1:], strict=False)}
    shingles = np.array(sorted(_stable_hash(bigram) for bigram in bigrams), dtype=np.uint64)
    with np.errstate(over="ignore"):
        signature = (_MULTIPLIERS * shingles[None, :]).min(axis=1)
    bands = signature.reshape(BANDS, ROWS)
    buckets = [exact] + [_stable_hash(f"{band}:" + ",".join(map(str, row.tolist()))) & _MASK63
                         for band, row in enumerate(bands)]
    return Fingerprint(tuple(folded), tuple(dict.fromkeys(buckets)))


def claim_core(text: str, start: int, quote_start: int | None, quote_end: int | None) -> str:
    """What travels between articles: the quotation when the claim carries one long enough,
    since outlets reframe the words around it ("a déclaré X" / "selon X"); else the sentence."""
    if quote_start is not None and quote_end is not None:
        inner = text[max(quote_start - start, 0):max(quote_end - start, 0)]
        if len(words(inner)) >= MIN_WORDS:
            return inner
    return text
