"""When two written names are the same speaker: transliterations and determiners aside.

"Qassim al-Araji" and "Qasim al-Araji" are one adviser; "le Kremlin" and "Kremlin" one
institution. The key is deliberately conservative: it never merges different words.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.store.models import Speaker, SpeakerAlias

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



def speaker_for(session: Session, name: str, type_: str, role: str | None = None) -> Speaker:
    """The stored speaker this name is a variant of, or a new one; the variant becomes an alias.
    A name a reviewer merged into another speaker (an alias of it) is that speaker from then on."""
    key = speaker_key(name)
    speaker = session.scalars(select(Speaker).where(Speaker.key == key, Speaker.type == type_)
                              .order_by(Speaker.id)).first()
    if speaker is None:
        speaker = session.scalars(select(Speaker).join(SpeakerAlias).where(SpeakerAlias.alias == name[:500],
                                                                           Speaker.type == type_)
                                  .order_by(Speaker.id)).first()
    if speaker is None:
        speaker = Speaker(name=name, key=key, type=type_, role=role)
        session.add(speaker)
    add_alias(speaker, name)
    return speaker


def add_alias(speaker: Speaker, alias: str | None) -> None:
    """Record another way the speaker was written, once."""
    if alias and alias != speaker.name and alias[:500] not in {a.alias for a in speaker.aliases}:
        speaker.aliases.append(SpeakerAlias(alias=alias[:500]))
