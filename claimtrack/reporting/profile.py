"""Sourcing profiles (`stats`): claims counted by group, speaker type, review state and verdict,
aggregated by the database, no claim loaded into Python.

The two databases want different query shapes for the same counts. SQLite aggregates by
sorting, so its counts are taken per document along `ix_claims_profile` (already in that order)
and regrouped, in three queries that each start from what they count. PostgreSQL aggregates by
hashing: one pass over the claims, hash-joined to the claims that have a via and to those with a
decision, grouped straight into the few profile rows, costs it half the three queries (which
each scanned the claims and sorted them per document, on disk past its work memory).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from claimtrack.store.models import Claim, ClaimGroup, ClaimVia, Document, Review
from claimtrack.store.queries import document_conditions, document_ids
from claimtrack.workflow.review import DECISIVE_ACTIONS


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
    """Profiles of all claims kept (not rejected), of one document or of the documents `ids`,
    grouped by `by` (None: one profile, "document" or "outlet")."""
    kept = [Claim.status != "rejected"]
    if document or ids:
        kept.append(Claim.document_id.in_(ids or document_ids(session, document)))
    if session.get_bind().dialect.name == "sqlite":
        groups = _per_document_counts(session, by, kept)
    else:
        groups = _one_pass_counts(session, by, kept)
    return [groups[k] for k in sorted(groups)]


def _first_seen_here():
    """1 for a claim in no group or the earliest of its group: not seen earlier elsewhere."""
    return case((or_(Claim.group_id.is_(None), ClaimGroup.first_claim_id == Claim.id), 1), else_=0)


def _group_key(by: str | None):
    if by is None:
        return literal("all")
    return Document.name if by == "document" else func.coalesce(Document.outlet, literal("(no outlet)"))


def _add(groups: dict[str, Profile], key: str, speaker_type: str, verdict: str | None, count, first_seen) -> None:
    count = int(count)  # PostgreSQL sums counts as numeric
    profile = groups.setdefault(key, Profile(key))
    profile.claims += count
    profile.by_type[speaker_type] += count
    if speaker_type == "outlet":
        profile.relayed += count
    profile.originated += int(first_seen or 0)
    if verdict:
        profile.verdicts[verdict] += count


def _one_pass_counts(session: Session, by: str | None, kept: list) -> dict[str, Profile]:
    """PostgreSQL: every count in one hash-aggregated pass over the claims."""
    first_seen_here = _first_seen_here()
    not_outlet = Claim.speaker_type != "outlet"
    relayed = select(ClaimVia.claim_id).distinct().subquery()
    decided = select(Review.claim_id).where(Review.action.in_(DECISIVE_ACTIONS)).distinct().subquery()
    has_via = relayed.c.claim_id.is_not(None)
    group = _group_key(by)
    query = (select(group.label("grp"), Claim.speaker_type, Claim.verdict, func.count(),
                    func.sum(case((not_outlet, first_seen_here), else_=0)),
                    func.sum(case((has_via & not_outlet, 1), else_=0)),
                    func.sum(case((has_via & not_outlet, first_seen_here), else_=0)),
                    func.count(decided.c.claim_id))
             .select_from(Claim)
             .outerjoin(ClaimGroup, Claim.group_id == ClaimGroup.id)
             .outerjoin(relayed, relayed.c.claim_id == Claim.id)
             .outerjoin(decided, decided.c.claim_id == Claim.id)
             .where(*kept))
    if by is not None:
        query = query.join(Document, Document.id == Claim.document_id)
    groups: dict[str, Profile] = {}
    keys = (Claim.speaker_type, Claim.verdict) if by is None else (group, Claim.speaker_type, Claim.verdict)
    rows = session.execute(query.group_by(*keys))
    for key, speaker_type, verdict, count, first_seen, via_count, via_first_seen, reviewed in rows:
        _add(groups, key, speaker_type, verdict, count, first_seen)
        groups[key].relayed += int(via_count or 0)
        groups[key].originated -= int(via_first_seen or 0)
        groups[key].reviewed += int(reviewed or 0)
    return groups


def _per_document_counts(session: Session, by: str | None, kept: list) -> dict[str, Profile]:
    """SQLite: three grouped queries instead of one with a test per claim. The counts by type and
    verdict stream from `ix_claims_profile` in document order, and the relayed and reviewed
    counts start from the few claims with a via or a decision (a correlated EXISTS on every claim
    cost more than the rest of the profile at a million claims)."""
    first_seen_here = _first_seen_here()
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
        _add(groups, key, speaker_type, verdict, count, first_seen)
    for key, count, first_seen in session.execute(via_relayed):
        groups[key].relayed += int(count)
        groups[key].originated -= int(first_seen or 0)
    for key, count in session.execute(decided):
        groups[key].reviewed += int(count)
    return groups


def _per_group(by: str | None, per_document: Select, extra: int = 0) -> Select:
    """Sums of a query grouped by document, regrouped by the profile's group (all, document or
    outlet): the inner grouping follows the claims' index order, the outer one is over at most
    one row per document and key."""
    inner = per_document.subquery()
    columns = list(inner.c)
    keys, sums = columns[1:1 + extra], columns[1 + extra:]
    group = _group_key(by)
    query = select(group.label("grp"), *keys, *(func.sum(c) for c in sums))
    if by is not None:
        query = query.join_from(inner, Document, Document.id == columns[0])
    return query.group_by(group, *keys)


def profile_record(profile: Profile) -> dict:
    return {"group": profile.group, "claims": profile.claims, "by_type": dict(profile.by_type),
            "unsourced_share": profile.unsourced_share, "unnamed_share": profile.unnamed_share,
            "reviewed": profile.reviewed, "reviewed_share": profile.reviewed_share,
            "relayed": profile.relayed, "relayed_share": profile.relayed_share,
            "originated": profile.originated, "originated_share": profile.originated_share,
            "verdicts": dict(profile.verdicts)}
