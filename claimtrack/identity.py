"""When two written names are the same speaker: transliterations and determiners aside.

"Qassim al-Araji" and "Qasim al-Araji" are one adviser; "le Kremlin" and "Kremlin" one
institution. The key is deliberately conservative: it never merges different words.
"""

from __future__ import annotations

import re
import unicodedata

_LEADING = re.compile(r"^(?:le|la|les|l['’]|m\.|mme|mr|dr|me)\s*", re.IGNORECASE)
_PARTICLE = re.compile(r"\b(?:al|el|ad|as|ash)-")


def speaker_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    previous = None
    while previous != text:  # "M. le ministre" loses both
        previous, text = text, _LEADING.sub("", text.strip())
    text = _PARTICLE.sub("", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"([a-z])\1+", r"\1", text)  # doubled letters vary across transliterations
    return " ".join(text.split())
