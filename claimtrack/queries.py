"""Claim filters shared by `claims`, `export`, `review` and `sample`, and the rows they yield."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.models import Batch, BatchItem, Claim, ClaimVia, Document, Review, Speaker

STATUSES = ("machine", "confirmed", "corrected", "rejected")


@dataclass(frozen=True)
class ClaimFilter:
    attributed: bool = False
    unsourced: bool = False
    types: tuple[str, ...] = ()
    speaker: str | None = None
    document: str | None = None
    status: tuple[str, ...] = ()
    search: str | None = None
    batch: str | None = None
    limit: int | None = None
    include_rejected: bool = False
    sort: str = "document"  # document order, or "confidence": least sure first

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, False, ()) and (k, v) != ("sort", "document")}


MIN_SHA_PREFIX = 6


def document_condition(key: str):
    """The one way a user names a document: its file name, its id, or a sha256 prefix long
    enough not to match by accident ("3" is document 3, not every hash starting with 3)."""
    conditions = [Document.name == key]
    if key.isdigit():
        conditions.append(Document.id == int(key))
    if len(key) >= MIN_SHA_PREFIX and all(c in "0123456789abcdef" for c in key.lower()):
        conditions.append(Document.sha256.startswith(key.lower()))
    return or_(*conditions)


def _filtered(query: Select, flt: ClaimFilter) -> Select:
    """The filter's joins, conditions, order and limit on a query over claims; shared by the
    ORM query (review, sample) and the column query that listings and exports stream."""
    query = query.join(Document, Claim.document_id == Document.id).outerjoin(Speaker, Claim.speaker_id == Speaker.id)
    if flt.attributed:
        query = query.where(Claim.speaker_type != "editorial")
    if flt.unsourced:
        query = query.where(Claim.speaker_type == "editorial")
    if flt.types:
        query = query.where(Claim.speaker_type.in_(flt.types))
    if flt.speaker:
        query = query.where(Speaker.name.ilike(f"%{flt.speaker}%"))
    if flt.document:
        query = query.where(document_condition(flt.document))
    if flt.status:
        query = query.where(Claim.status.in_(flt.status))
    elif not flt.include_rejected:
        query = query.where(Claim.status != "rejected")
    if flt.search:
        query = query.where(Claim.text.ilike(f"%{flt.search}%"))
    if flt.batch:
        query = query.join(BatchItem, BatchItem.claim_id == Claim.id).join(Batch).where(Batch.name == flt.batch)
    if flt.sort == "confidence":
        query = query.order_by(Claim.confidence, Document.id, Claim.start)
    elif flt.batch:
        query = query.order_by(BatchItem.position)
    else:
        query = query.order_by(Document.id, Claim.start)
    if flt.limit:
        query = query.limit(flt.limit)
    return query


def claim_query(flt: ClaimFilter) -> Select:
    return _filtered(select(Claim), flt).options(
        selectinload(Claim.via), selectinload(Claim.speaker), selectinload(Claim.document))


_ROW_COLUMNS = (Claim.id, Document.name, Document.sha256, Document.title, Document.outlet, Claim.start, Claim.end,
                Claim.kind, Claim.text, Speaker.name, Claim.mention, Claim.speaker_type, Claim.mode, Claim.cue,
                Claim.confidence, Claim.evidence, Claim.status, Claim.verdict, Claim.origin)


@dataclass(frozen=True)
class ClaimRow:
    """A claim as reports show it: flat, with its document and latest review note."""

    id: int
    document: str
    document_sha256: str
    title: str | None
    outlet: str | None
    start: int
    end: int
    kind: str
    text: str
    speaker: str | None
    mention: str | None
    speaker_type: str
    via: list[str] = field(default_factory=list)
    mode: str = "none"
    cue: str | None = None
    confidence: float = 0.0
    evidence: str | None = None
    status: str = "machine"
    verdict: str | None = None
    note: str | None = None
    machine_extracted: bool = True


def _latest_notes(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(Review.claim_id, Review.note).where(Review.claim_id.in_(ids), Review.note.is_not(None))
        .order_by(Review.id)
    )
    return {claim_id: note for claim_id, note in rows}


def _vias(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = session.execute(select(ClaimVia.claim_id, ClaimVia.outlet).where(ClaimVia.claim_id.in_(ids))
                           .order_by(ClaimVia.claim_id, ClaimVia.position))
    for claim_id, outlet in rows:
        found.setdefault(claim_id, []).append(outlet)
    return found


def iter_rows(session: Session, flt: ClaimFilter, chunk: int = 500) -> Iterator[ClaimRow]:
    """Rows streamed as plain columns, chunk by chunk: no ORM object is kept, so an export of
    any size runs in constant memory (an identity map cleared under an open result broke
    exports past one chunk)."""
    result = session.execute(_filtered(select(*_ROW_COLUMNS), flt).execution_options(yield_per=chunk))
    for part in result.partitions(chunk):
        ids = [r[0] for r in part]
        notes, vias = _latest_notes(session, ids), _vias(session, ids)
        for (claim_id, document, sha256, title, outlet, start, end, kind, text, speaker, mention, speaker_type,
             mode, cue, confidence, evidence, status, verdict, origin) in part:
            yield ClaimRow(
                id=claim_id, document=document, document_sha256=sha256, title=title, outlet=outlet, start=start,
                end=end, kind=kind, text=text, speaker=speaker, mention=mention, speaker_type=speaker_type,
                via=vias.get(claim_id, []), mode=mode, cue=cue, confidence=confidence, evidence=evidence,
                status=status,
                verdict=verdict, note=notes.get(claim_id),
                machine_extracted=status == "machine" and origin == "machine")
