"""When two written names are the same speaker: transliterations and determiners aside.

"Qassim al-Araji" and "Qasim al-Araji" are one adviser; "le Kremlin" and "Kremlin" one
institution. The key is deliberately conservative: it never merges different words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claimtrack.store.db import IN_CHUNK
from claimtrack.store.models import Speaker, SpeakerAlias

_LEADING = re.compile(r"^(?:le|la|les|l['’]|m\.|mme|mr|dr|me)\s*", re.IGNORECASE)
_PARTICLE = re.compile(r"\b(?:al|el|ad|as|ash)-")


def fold_name(name: str) -> str:
    """A name lowercased, its apostrophes straight and its accents dropped ("Nečas" → "necas"):
    how every speaker comparison reads names."""
    text = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def speaker_key(name: str) -> str:
    text = fold_name(name)
    previous = None
    while previous != text:  # "M. le ministre" loses both
        previous, text = text, _LEADING.sub("", text.strip())
    text = _PARTICLE.sub("", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"([a-z])\1+", r"\1", text)  # doubled letters vary across transliterations
    return " ".join(text.split())



_TITLES = frozenset("m. mme mlle mr mrs ms dr pr me monsieur madame mademoiselle le la les l'".split())
_PARTICLES = frozenset("de du des d' von van der den al el ben bin ibn da di dos del y".split())
_ROLE_TAILS = frozenset("de du des d' à au aux en pour par sur chez et avec le la les l' un une "
                        "m. mme mlle mr dr pr me".split())


def _words(text: str) -> list[str]:
    text = fold_name(text)
    return re.findall(r"[a-z0-9]+\.?|'", text.replace("'", " ' "))


def is_name_variant(alias: str, name: str) -> bool:
    """Whether `alias` writes the name `name` another way — the surname alone, with or without
    accents, a title or initials ("M. Nečas", "Necas", "P. Nečas") — rather than describing the
    speaker ("ce témoin", "la démocrate", "le ministre"). Only such variants become a
    speaker's aliases across the store: a description resolved in one article stays that
    claim's mention, or it would file another article's witness under this speaker."""
    if not alias or not any(ch.isupper() for ch in alias):
        return False  # a description: "ce témoin", "la démocrate", "l'ancien ministre"
    name_words = [w.rstrip(".") for w in _words(name) if w != "'"]
    wanted = [w for w in _words(alias) if w != "'" and w not in _TITLES]
    if not wanted or not name_words:
        return False
    matched = False
    for word in wanted:
        bare = word.rstrip(".")
        if bare in name_words and bare not in _PARTICLES:
            matched = True
        elif len(bare) == 1 and any(n.startswith(bare) for n in name_words):
            continue  # an initial
        elif bare not in _PARTICLES:
            return False
    return matched


def clean_role(role: str | None) -> str | None:
    """A role is a title ("ministre des Affaires étrangères"), never a fragment that ends on a
    preposition or a title's abbreviation ("conseiller de", "porte-parole de M.")."""
    if not role:
        return None
    words = role.split()
    while words and words[-1].lower().replace("’", "'") in _ROLE_TAILS:
        words.pop()
    while words and words[0].lower() in ("le", "la", "les", "un", "une"):
        words.pop(0)  # "La procureure": the title, not its article
    if words and words[0].lower().startswith(("l'", "l’")) and len(words[0]) > 2:
        words[0] = words[0][2:]
    cleaned = " ".join(words).strip(" ,;:-")
    return cleaned or None


def stored_key(name: str, scope: str | None = None) -> str:
    """The `speakers.key` a name is stored under: its speaker_key, and the article for a scoped one."""
    return speaker_key(name) + (f" @{scope[:16]}" if scope else "")


def stored_speakers(session: Session, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Speaker]:
    """The stored speakers of these (key, type) pairs with their aliases, in one query each way:
    an article's speakers are looked up together rather than one query (and one for the aliases)
    each. The oldest speaker of a key wins, as in speaker_for."""
    found: dict[tuple[str, str], Speaker] = {}
    keys = sorted({key for key, _type in wanted})
    for start in range(0, len(keys), IN_CHUNK):
        rows = session.scalars(select(Speaker).where(Speaker.key.in_(keys[start:start + IN_CHUNK]))
                               .options(selectinload(Speaker.aliases)).order_by(Speaker.id))
        for speaker in rows:
            if (speaker.key, speaker.type) in wanted:
                found.setdefault((speaker.key, speaker.type), speaker)
    return found


def stored_by_alias(session: Session, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Speaker]:
    """The stored speakers that have these (alias, type) pairs among their aliases, the oldest
    of each, in one query for them all (speaker_for asks one name at a time)."""
    found: dict[tuple[str, str], Speaker] = {}
    aliases = sorted({alias[:500] for alias, _type in wanted})
    for start in range(0, len(aliases), IN_CHUNK):
        rows = session.execute(select(SpeakerAlias.alias, Speaker).join(Speaker, SpeakerAlias.speaker)
                               .where(SpeakerAlias.alias.in_(aliases[start:start + IN_CHUNK]))
                               .options(selectinload(Speaker.aliases)).order_by(Speaker.id))
        for alias, speaker in rows:
            if (alias, speaker.type) in wanted:
                found.setdefault((alias, speaker.type), speaker)
    return found


def _oldest(candidates: Sequence[Speaker]) -> Speaker | None:
    """Of speakers with the same alias, some met in a transaction and not flushed (new ones in
    the order made), the one the store's alias query would give once they were: a stored one
    first, the oldest."""
    stored = [s for s in candidates if s.id is not None]
    return min(stored, key=lambda s: s.id) if stored else (candidates[0] if candidates else None)


def speaker_for(session: Session, name: str, type_: str, role: str | None = None,
                scope: str | None = None, *, looked_up: dict | None = None,
                met: dict[tuple[str, str], list[Speaker]] | None = None) -> Speaker:
    """The stored speaker this name is a variant of, or a new one; the variant becomes an alias.
    A name a reviewer merged into another speaker (an alias of it) is that speaker from then on.
    A `scope` (an article's sha256) keeps the speaker to that article: "des sources" or "on" in
    two articles are two sources, not one.

    `looked_up`: the caller asked the store already, for many names at once: no speaker has the
    key, and this dict (stored_by_alias) holds the oldest speaker of each alias. `met`: the
    speakers the caller's transaction has met without flushing them, by (alias, type) (their new
    aliases count, as they would once flushed)."""
    key = stored_key(name, scope)
    speaker = None if looked_up is not None else session.scalars(
        select(Speaker).where(Speaker.key == key, Speaker.type == type_).order_by(Speaker.id)).first()
    if speaker is None and not scope:
        alias = name[:500]
        speaker = looked_up.get((alias, type_)) if looked_up is not None else session.scalars(
            select(Speaker).join(SpeakerAlias).where(SpeakerAlias.alias == alias, Speaker.type == type_)
            .order_by(Speaker.id)).first()
        met_here = met.get((alias, type_), []) if met else []  # each has the alias and the type already
        speaker = _oldest([*met_here, *([speaker] if speaker is not None else [])])
    if speaker is None:
        speaker = Speaker(name=name, key=key, type=type_, role=role)
        session.add(speaker)
    add_alias(speaker, name)
    return speaker


def add_alias(speaker: Speaker, alias: str | None) -> None:
    """Record another way the speaker was written, once."""
    if alias and alias != speaker.name and alias[:500] not in {a.alias for a in speaker.aliases}:
        speaker.aliases.append(SpeakerAlias(alias=alias[:500]))
