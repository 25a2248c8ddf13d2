"""Read-only reports: a claim's provenance, speakers, sourcing profiles, batch progress."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, case, func, literal, or_, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.provenance.trail import other_documents
from claimtrack.store.models import Batch, Claim, ClaimGroup, ClaimVia, Document, Review, Segment, Speaker
from claimtrack.store.queries import document_conditions, document_ids
from claimtrack.workflow.review import DECISIVE_ACTIONS, history, reviewed_claim_ids


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


@dataclass
class Profile:
    """The sourcing profile of a group of claims."""

    group: str
    claims: int = 0
    by_type: Counter = field(default_factory=Counter)
    reviewed: int = 0
    verdicts: Counter = field(default_factory=Counter)
    relayed: int = 0  # credited to another outlet: a via chain, or an outlet as the source
    originated: int = 0  # neither relayed nor seen earlier in another article: the group's own reporting

    @property
    def relayed_share(self) -> float:
        return self.relayed / self.claims if self.claims else 0.0

    @property
    def originated_share(self) -> float:
        return self.originated / self.claims if self.claims else 0.0

    @property
    def unsourced_share(self) -> float:
        return self.by_type["editorial"] / self.claims if self.claims else 0.0

    @property
    def unnamed_share(self) -> float:
        return self.by_type["unnamed"] / self.claims if self.claims else 0.0

    @property
    def reviewed_share(self) -> float:
        return self.reviewed / self.claims if self.claims else 0.0


def matching_documents(session: Session, outlet: str | None, since: str | None, until: str | None,
                       document: str | None = None) -> list[int]:
    """Ids of the documents of an outlet published between two ISO days (queries.document_conditions)."""
    query = select(Document.id).where(*document_conditions(outlet, since, until))
    if document:
        query = query.where(Document.id.in_(document_ids(session, document)))
    return list(session.scalars(query))


def sourcing_profile(session: Session, by: str | None = None, document: str | None = None,
                     ids: list[int] | None = None) -> list[Profile]:
    """Counts by group, speaker type, review state and verdict, aggregated by the database: no
    claim is loaded into Python. Three grouped queries instead of one with a test per claim: the
    counts by type and verdict stream from `ix_claims_profile` in document order, and the relayed
    and reviewed counts start from the few claims with a via or a decision (a correlated EXISTS
    on every claim cost more than the rest of the profile at a million claims)."""
    kept = [Claim.status != "rejected"]
    if document or ids:
        kept.append(Claim.document_id.in_(ids or document_ids(session, document)))
    first_seen_here = case((or_(Claim.group_id.is_(None), ClaimGroup.first_claim_id == Claim.id), 1), else_=0)
    has_via = Claim.id.in_(select(ClaimVia.claim_id))
    reviewed = Claim.id.in_(select(Review.claim_id).where(Review.action.in_(DECISIVE_ACTIONS)))
    not_outlet = Claim.speaker_type != "outlet"
    by_type = _per_group(by, select(Claim.document_id, Claim.speaker_type, Claim.verdict, func.count(),
                                    func.sum(case((not_outlet, first_seen_here), else_=0)))
                         .outerjoin(ClaimGroup, Claim.group_id == ClaimGroup.id).where(*kept)
                         .group_by(Claim.document_id, Claim.speaker_type, Claim.verdict), extra=2)
    via_relayed = _per_group(by, select(Claim.document_id, func.count(), func.sum(first_seen_here))
                             .outerjoin(ClaimGroup, Claim.group_id == ClaimGroup.id)
                             .where(*kept, has_via, not_outlet).group_by(Claim.document_id))
    decided = _per_group(by, select(Claim.document_id, func.count()).where(*kept, reviewed)
                         .group_by(Claim.document_id))
    groups: dict[str, Profile] = {}
    for key, speaker_type, verdict, count, first_seen in session.execute(by_type):
        count = int(count)  # PostgreSQL sums counts as numeric
        profile = groups.setdefault(key, Profile(key))
        profile.claims += count
        profile.by_type[speaker_type] += count
        if speaker_type == "outlet":
            profile.relayed += count
        profile.originated += int(first_seen or 0)
        if verdict:
            profile.verdicts[verdict] += count
    for key, count, first_seen in session.execute(via_relayed):
        groups[key].relayed += int(count)
        groups[key].originated -= int(first_seen or 0)
    for key, count in session.execute(decided):
        groups[key].reviewed += int(count)
    return [groups[k] for k in sorted(groups)]


def _per_group(by: str | None, per_document: Select, extra: int = 0) -> Select:
    """Sums of a query grouped by document, regrouped by the profile's group (all, document or
    outlet): the inner grouping follows the claims' index order, the outer one is over at most
    one row per document and key."""
    inner = per_document.subquery()
    columns = list(inner.c)
    keys, sums = columns[1:1 + extra], columns[1 + extra:]
    if by is None:
        group = literal("all")
        query = select(group.label("grp"), *keys, *(func.sum(c) for c in sums))
    else:
        group = Document.name if by == "document" else func.coalesce(Document.outlet, literal("(no outlet)"))
        query = select(group.label("grp"), *keys, *(func.sum(c) for c in sums)).join_from(
            inner, Document, Document.id == columns[0])
    return query.group_by(group, *keys)


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


def profile_record(profile: Profile) -> dict:
    return {"group": profile.group, "claims": profile.claims, "by_type": dict(profile.by_type),
            "unsourced_share": profile.unsourced_share, "unnamed_share": profile.unnamed_share,
            "reviewed": profile.reviewed, "reviewed_share": profile.reviewed_share,
            "relayed": profile.relayed, "relayed_share": profile.relayed_share,
            "originated": profile.originated, "originated_share": profile.originated_share,
            "verdicts": dict(profile.verdicts)}
