"""Read-only reports: a claim's provenance, speakers, batch progress (sourcing profiles: profile.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.provenance.trail import other_documents
from claimtrack.store.models import Batch, Claim, Document, Review, Segment, Speaker
from claimtrack.store.queries import document_ids
from claimtrack.workflow.review import history, reviewed_claim_ids


@dataclass(frozen=True)
class ClaimDetail:
    claim: Claim
    document: Document
    context_start: int
    context_end: int
    reviews: list[Review]
    aliases: list[str]
    other_documents: int = 0  # other articles carrying the same claim (its group)


CONTEXT_BEFORE = 2  # sentences shown before a claim, by default
CONTEXT_AFTER = 1


def claim_detail(session: Session, claim_id: int, before: int = CONTEXT_BEFORE,
                 after: int = CONTEXT_AFTER) -> ClaimDetail | None:
    """A claim with what a reviewer needs to judge it: its paragraph and, around it, `before`
    sentences before and `after` after (in one-sentence-a-line articles the paragraph alone
    does not say who "l'ancien élu" is), its history and its speaker's aliases."""
    claim = session.get(Claim, claim_id, options=[selectinload(Claim.via), selectinload(Claim.document)])
    if claim is None:
        return None
    document = claim.document
    start, end = claim.start, claim.end
    segment = claim.segment
    if segment is not None:
        around = session.scalars(select(Segment).where(
            Segment.document_id == document.id, Segment.kind != "boilerplate",
            ((Segment.paragraph == segment.paragraph)
             | Segment.position.between(segment.position - before, segment.position + after))))
        for member in around:
            start, end = min(start, member.start), max(end, member.end)
    aliases = [a.alias for a in claim.speaker.aliases] if claim.speaker else []
    return ClaimDetail(claim, document, start, end, history(session, claim_id), aliases,
                       other_documents(session, claim_id))


@dataclass(frozen=True)
class SpeakerRow:
    id: int
    name: str
    type: str
    role: str | None
    aliases: list[str]
    claims: int
    documents: int


def speakers(session: Session, types: tuple[str, ...] = (), document: str | None = None) -> list[SpeakerRow]:
    query = (select(Speaker, func.count(Claim.id), func.count(func.distinct(Claim.document_id)))
             .join(Claim, Claim.speaker_id == Speaker.id).join(Document)
             .where(Claim.status != "rejected").group_by(Speaker.id)
             .order_by(func.count(Claim.id).desc(), Speaker.name).options(selectinload(Speaker.aliases)))
    if types:
        query = query.where(Speaker.type.in_(types))
    if document:
        query = query.where(Claim.document_id.in_(document_ids(session, document)))
    return [SpeakerRow(s.id, s.name, s.type, s.role, sorted({a.alias for a in s.aliases}), n, d)
            for s, n, d in session.execute(query)]


@dataclass(frozen=True)
class BatchProgress:
    name: str
    seed: int
    size: int
    stratify_by: str | None
    total: int
    reviewed: int
    filters: str
    tool_version: str


def batch_progress(session: Session, name: str | None = None) -> list[BatchProgress]:
    reviewed_ids = reviewed_claim_ids(session)
    query = select(Batch).options(selectinload(Batch.items)).order_by(Batch.created_at)
    if name:
        query = query.where(Batch.name == name)
    out = []
    for batch in session.scalars(query):
        ids = [item.claim_id for item in batch.items]
        out.append(BatchProgress(batch.name, batch.seed, batch.size, batch.stratify_by, len(ids),
                                 sum(i in reviewed_ids for i in ids), batch.filters, batch.tool_version))
    return out



def detail_record(detail: ClaimDetail) -> dict:
    """A claim's provenance and history as plain data, for `show --json`."""
    claim, document = detail.claim, detail.document
    return {
        "id": claim.id, "document": document.name, "document_id": document.id, "document_sha256": document.sha256,
        "title": document.title, "outlet": document.outlet, "start": claim.start, "end": claim.end,
        "kind": claim.kind, "text": claim.text, "speaker": claim.speaker.name if claim.speaker else None,
        "speaker_role": claim.speaker.role if claim.speaker else None, "aliases": detail.aliases,
        "mention": claim.mention, "speaker_type": claim.speaker_type, "via": [v.outlet for v in claim.via],
        "mode": claim.mode, "cue": claim.cue, "confidence": claim.confidence, "evidence": claim.evidence,
        "status": claim.status, "verdict": claim.verdict, "origin": claim.origin,
        "pipeline": f"{document.pipeline_backend}:{document.pipeline_model}/rules-{document.pipeline_version}",
        "ingested_at": document.ingested_at.isoformat(), "group_id": claim.group_id,
        "other_documents": detail.other_documents,
        "history": [{"id": r.id, "action": r.action, "status": r.status, "verdict": r.verdict, "note": r.note,
                     "changes": json.loads(r.changes) if r.changes else None, "reviewer": r.reviewer,
                     "batch": r.batch, "created_at": r.created_at.isoformat()} for r in detail.reviews],
    }
