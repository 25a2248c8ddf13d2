"""A claim's trail: every document carrying it, in order of publication, with the wording of
each against the earliest version, word by word."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.errors import ClaimtrackError
from claimtrack.provenance.fingerprint import claim_core, words
from claimtrack.provenance.grouping import seen_day, seen_order
from claimtrack.store.models import Claim, ClaimGroup, ClaimVia, Document, Speaker

_TOKEN = re.compile(r"\S+")


class TraceError(ClaimtrackError, LookupError):
    """The claim asked for is not in the store."""


@dataclass(frozen=True)
class WordChange:
    """One stretch of the word-by-word comparison: `same`, `dropped` (in the earliest version
    only), `added` (in this one only) or `changed` (old words replaced by new ones)."""

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class Occurrence:
    claim_id: int
    document: str
    document_id: int
    outlet: str | None
    date: str  # ISO day: the publication date, or the ingestion day when the article has none
    dated_by: str  # "published" | "ingested"
    speaker: str | None
    speaker_type: str
    via: list[str]
    text: str  # the claim's sentence
    wording: str  # what is compared: the quotation it carries, or the sentence
    changes: list[WordChange] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return all(change.op == "same" for change in self.changes)


@dataclass(frozen=True)
class Trail:
    claim_id: int
    group_id: int | None
    occurrences: list[Occurrence]
    speakers_differ: bool

    @property
    def documents(self) -> int:
        return len({o.document_id for o in self.occurrences})


def _words_shown(text: str) -> list[str]:
    """Whitespace-separated words, a lone mark ("«", "»", "—") joined to its neighbour so that
    it is shown but never counted as a word of its own."""
    shown: list[str] = []
    pending = ""
    for token in _TOKEN.findall(text):
        if words(token):
            shown.append(f"{pending} {token}" if pending else token)
            pending = ""
        elif shown:
            shown[-1] += " " + token
        else:
            pending = f"{pending} {token}".strip()
    if pending:
        shown.append(pending)
    return shown


def word_changes(earliest: str, later: str) -> list[WordChange]:
    """The later wording against the earliest, as runs of words; case, accents, punctuation and
    quotation marks do not count as changes."""
    old, new = _words_shown(earliest), _words_shown(later)
    old_keys, new_keys = [" ".join(words(t)) for t in old], [" ".join(words(t)) for t in new]
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        kind = {"equal": "same", "delete": "dropped", "insert": "added", "replace": "changed"}[op]
        changes.append(WordChange(kind, " ".join(old[i1:i2]), " ".join(new[j1:j2])))
    return changes


def trail(session: Session, claim_id: int) -> Trail:
    """The claim and every other claim of its group, earliest first."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise TraceError(f"no claim {claim_id}: list claims with 'claimtrack claims'")
    condition = Claim.group_id == claim.group_id if claim.group_id is not None else Claim.id == claim_id
    rows = session.execute(
        select(Claim.id, Claim.text, Claim.start, Claim.quote_start, Claim.quote_end, Claim.speaker_type,
               Speaker.name, Document.id, Document.name, Document.outlet, Document.published, Document.ingested_at)
        .join(Document, Claim.document_id == Document.id).outerjoin(Speaker, Claim.speaker_id == Speaker.id)
        .where(condition)).all()
    vias: dict[int, list[str]] = {}
    for member, outlet in session.execute(select(ClaimVia.claim_id, ClaimVia.outlet)
                                          .where(ClaimVia.claim_id.in_([r[0] for r in rows]))
                                          .order_by(ClaimVia.claim_id, ClaimVia.position)):
        vias.setdefault(member, []).append(outlet)
    rows.sort(key=lambda r: seen_order(r[10], r[11], r[0]))
    occurrences = []
    earliest = None
    for (member, text, start, quote_start, quote_end, speaker_type, speaker, document_id, document, outlet,
         published, ingested) in rows:
        wording = claim_core(text, start, quote_start, quote_end)
        earliest = earliest if earliest is not None else wording
        day, dated_by = seen_day(published, ingested), "published" if published else "ingested"
        occurrences.append(Occurrence(member, document, document_id, outlet, day.isoformat(), dated_by, speaker,
                                      speaker_type, vias.get(member, []), text, wording,
                                      word_changes(earliest, wording)))
    group = session.get(ClaimGroup, claim.group_id) if claim.group_id is not None else None
    return Trail(claim_id, claim.group_id, occurrences, bool(group and group.speakers_differ))


def other_documents(session: Session, claim_id: int) -> int:
    """How many other articles carry this claim (for `show`)."""
    claim = session.get(Claim, claim_id)
    if claim is None or claim.group_id is None:
        return 0
    documents = set(session.scalars(select(Claim.document_id).where(Claim.group_id == claim.group_id)))
    return len(documents - {claim.document_id})
