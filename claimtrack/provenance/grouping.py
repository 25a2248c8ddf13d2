"""Claim groups in the store: every ingest files its claims under their buckets, compares them
with the earlier claims sharing a bucket, and joins (or merges) the groups of those that match.

The work per document is bounded by its own claims and their few candidates, never by the
size of the store: a bucket shared by more than MAX_BUCKET claims (a formula every outlet
writes) says nothing about a pair and is passed over, and only the MAX_CANDIDATES claims
sharing the most buckets are compared.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Row, Select, delete, func, insert, select, update
from sqlalchemy.orm import Session

from claimtrack.provenance.fingerprint import Fingerprint, claim_core, fingerprint, words
from claimtrack.provenance.matching import WordCodes, encoded_similarity
from claimtrack.store.db import IN_CHUNK
from claimtrack.store.models import Claim, ClaimBucket, ClaimGroup, Document, Speaker

CHUNK = IN_CHUNK
MAX_CANDIDATES = 50  # the earlier claims sharing the most buckets with a new one are compared
MAX_BUCKET = 100  # a band bucket this full was filled by common words: it tells nothing about a pair


@dataclass(frozen=True)
class GroupingResult:
    claims: int  # claims fingerprinted
    matched: int  # of them, found in at least one other claim
    groups: int  # groups created or extended


def _chunks(values: Sequence, size: int | None = None) -> Iterable[Sequence]:
    size = size or CHUNK  # (read when called: tests go past one chunk with a small one)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _cores(session: Session, claim_ids: Iterable[int]) -> Iterable[tuple[int, int | None, str]]:
    """(claim id, group id, wording compared) of these claims."""
    for part in _chunks(sorted(set(claim_ids))):
        rows = session.execute(select(Claim.id, Claim.group_id, Claim.text, Claim.start, Claim.quote_start,
                                      Claim.quote_end).where(Claim.id.in_(part)))
        for claim_id, group_id, text, start, quote_start, quote_end in rows:
            yield claim_id, group_id, claim_core(text, start, quote_start, quote_end)


def _bucket_members(session: Session, buckets: set[int], exact: set[int]) -> dict[int, list[int]]:
    """The earlier claims filed under these buckets. The database counts each bucket first: a
    band bucket fuller than MAX_BUCKET is passed over without reading its members (common
    words filled it), and of a full exact bucket (a sentence repeated everywhere, grouped
    long ago) one member is enough. So the work stays the same as the store grows."""
    members: dict[int, list[int]] = defaultdict(list)
    known_full = _full_buckets(session)
    for part in _chunks(sorted(buckets)):
        # a bucket already counted full in this transaction is not counted again: it only grows
        # until the commit, and counting it read all its rows (an article repeating one quotation
        # in every paragraph made each piece recount a bucket as long as the article so far)
        counted = [b for b in part if b not in known_full]
        sizes = dict(session.execute(select(ClaimBucket.bucket, func.count())
                                     .where(ClaimBucket.bucket.in_(counted))
                                     .group_by(ClaimBucket.bucket)).all()) if counted else {}
        known_full.update(b for b, n in sizes.items() if n > MAX_BUCKET)
        sizes.update((b, MAX_BUCKET + 1) for b in part if b in known_full)
        small = [b for b, n in sizes.items() if n <= MAX_BUCKET]
        for bucket, claim_id in session.execute(select(ClaimBucket.bucket, ClaimBucket.claim_id)
                                                .where(ClaimBucket.bucket.in_(small))) if small else ():
            members[bucket].append(claim_id)
        full_exact = [b for b, n in sizes.items() if n > MAX_BUCKET and b in exact]
        if full_exact:
            for bucket, claim_id in session.execute(select(ClaimBucket.bucket, func.min(ClaimBucket.claim_id))
                                                    .where(ClaimBucket.bucket.in_(full_exact))
                                                    .group_by(ClaimBucket.bucket)):
                members[bucket].append(claim_id)
    return members


def _full_buckets(session: Session) -> set[int]:
    """The buckets this session's transaction found fuller than MAX_BUCKET (kept in
    `session.info`, forgotten when another transaction begins: a deletion committed in between
    may have emptied one)."""
    transaction = session.get_transaction()
    kept = session.info.get("claimtrack_full_buckets")
    if kept is None or kept[0] is not transaction:
        kept = (transaction, set())
        session.info["claimtrack_full_buckets"] = kept
    return kept[1]


class _Components:
    """Union-find over claim ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for item in list(self.parent):
            out[self.find(item)].append(item)
        return out


def _candidates(printed: dict[int, Fingerprint], members: dict[int, list[int]]) -> dict[int, list[int]]:
    """For each new claim, the other claims sharing the most buckets with it, most first."""
    found = {}
    for claim_id, printed_claim in printed.items():
        shared: dict[int, int] = defaultdict(int)
        for bucket in printed_claim.buckets:
            holders = members[bucket]
            if len(holders) > MAX_BUCKET and bucket != printed_claim.exact:
                continue
            for other in holders[:MAX_BUCKET]:
                if other != claim_id:
                    shared[other] += 1
        found[claim_id] = heapq.nsmallest(MAX_CANDIDATES, shared, key=lambda other: (-shared[other], other))
    return found


def _groups_of(session: Session, claim_ids: Iterable[int]) -> dict[int, int | None]:
    """The group of each of these claims (None: in none)."""
    found: dict[int, int | None] = {}
    for part in _chunks(sorted(set(claim_ids))):
        found.update((claim_id, group_id) for claim_id, group_id in session.execute(
            select(Claim.id, Claim.group_id).where(Claim.id.in_(part))))
    return found


def _compare(session: Session, candidates: dict[int, list[int]], group_of: dict[int, int | None],
             wording: dict[int, tuple[str, ...]]) -> _Components:
    """Join each new claim to the candidates it says the same thing as, best candidates first.
    A candidate already connected to the claim (in its component, or a member of a group the
    claim joined) is passed over: one member of a group is enough to join it. So the components
    do not depend on the order of the comparisons, which go in rounds: each round compares every
    claim with its next candidate not passed over, and reads the words of just those candidates
    (`wording` holds the new claims'). A paragraph an article repeats twenty times gave each of
    its claims twenty earlier copies to read, all in one group; the first joins it, the others
    are never read."""
    codes = WordCodes()
    encoded = {claim_id: codes.encode(w) for claim_id, w in wording.items()}
    components = _Components()
    joined: dict[int, set[int]] = defaultdict(set)
    position = dict.fromkeys(candidates, 0)

    def connected(claim_id: int, other: int) -> bool:
        return group_of.get(other) in joined[claim_id] or components.find(claim_id) == components.find(other)

    while position:
        wanted: dict[int, int] = {}
        for claim_id in list(position):
            found, at = candidates[claim_id], position[claim_id]
            while at < len(found) and connected(claim_id, found[at]):
                at += 1
            if at == len(found):
                del position[claim_id]
            else:
                wanted[claim_id], position[claim_id] = found[at], at + 1
        for other, _group, core in _cores(session, {o for o in wanted.values() if o not in encoded}):
            encoded[other] = codes.encode(tuple(words(core)))
        for claim_id, other in wanted.items():
            if connected(claim_id, other) or encoded_similarity(encoded[claim_id], encoded[other]) is None:
                continue
            components.union(claim_id, other)
            if group_of.get(other) is not None:
                joined[claim_id].add(group_of[other])
    return components


def assign_groups(session: Session, claim_ids: Sequence[int]) -> GroupingResult:
    """File these claims (just stored) under their buckets and group them with every claim,
    earlier or among them, that says the same thing."""
    group_of: dict[int, int | None] = {}
    wording: dict[int, tuple[str, ...]] = {}
    printed: dict[int, Fingerprint] = {}
    for claim_id, group_id, core in _cores(session, claim_ids):
        found = fingerprint(core)
        if found is not None:
            printed[claim_id], wording[claim_id], group_of[claim_id] = found, found.words, group_id
    if not printed:
        return GroupingResult(0, 0, 0)
    members = _bucket_members(session, {b for f in printed.values() for b in f.buckets},
                              {f.exact for f in printed.values()})
    rows = [{"bucket": b, "claim_id": c} for c, f in printed.items() for b in f.buckets]
    for part in _chunks(rows, 5000):
        session.execute(insert(ClaimBucket.__table__), list(part))
    for claim_id, printed_claim in printed.items():  # the new claims meet each other too
        for bucket in printed_claim.buckets:
            members[bucket].append(claim_id)
    candidates = _candidates(printed, members)
    group_of.update(_groups_of(session, {o for found in candidates.values() for o in found if o not in printed}))
    together = _compare(session, candidates, group_of, wording).groups()
    matched = {c for claims in together.values() if len(claims) > 1 for c in claims if c in printed}
    touched, grown = _merge(session, together, group_of)
    recounted = _grow_groups(session, grown)
    refresh_groups(session, (touched - set(grown)) | recounted)
    return GroupingResult(len(printed), len(matched), len(touched))


def _merge(session: Session, components: dict[int, list[int]],
           group_of: dict[int, int | None]) -> tuple[set[int], dict[int, list[int]]]:
    """Write each component as one group: the oldest group it touches absorbs the others, and
    the components in no group yet become new groups, numbered by the database in one INSERT
    (ids taken from claim ids collided when two ingests grouped the same earlier claim at once).
    Returns the groups touched, and of them those that only gained claims, with the claims."""
    now = datetime.now(timezone.utc)
    fresh, assignments, absorbed = [], [], {}
    for claims in components.values():
        if len(claims) < 2:
            continue
        existing = sorted({group_of[c] for c in claims if group_of.get(c) is not None})
        if not existing:
            fresh.append(claims)
            continue
        target = existing[0]
        assignments += [{"id": c, "group_id": target} for c in claims if group_of.get(c) != target]
        absorbed.update({group: target for group in existing[1:]})
    new_ids: list[int] = []
    if fresh:
        rows = [{"claims": 0, "documents": 0, "speakers_differ": False, "updated_at": now} for _ in fresh]
        new_ids = list(session.scalars(insert(ClaimGroup).returning(ClaimGroup.id, sort_by_parameter_order=True),
                                       rows))
        assignments += [{"id": c, "group_id": group_id} for claims, group_id in zip(fresh, new_ids, strict=True)
                        for c in claims]
    if assignments:
        session.execute(update(Claim), assignments)  # ORM bulk update by primary key
    for group, target in absorbed.items():
        session.execute(update(Claim).where(Claim.group_id == group).values(group_id=target))
    for part in _chunks(sorted(absorbed)):
        session.execute(delete(ClaimGroup).where(ClaimGroup.id.in_(part)))
    touched = set(new_ids) | {a["group_id"] for a in assignments} | set(absorbed.values())
    grown: dict[int, list[int]] = defaultdict(list)
    for assignment in assignments:
        grown[assignment["group_id"]].append(assignment["id"])
    for group in [*new_ids, *absorbed.values()]:
        grown.pop(group, None)  # new groups and those that absorbed others are counted afresh
    return touched, dict(grown)


def seen_day(published: date | None, ingested: datetime) -> date:
    """The day an article counts as seen: its publication date, or its ingestion day when it has none."""
    return published or ingested.date()


def seen_order(published: date | None, ingested: datetime, claim_id: int) -> tuple:
    """Earliest first: by the day seen, then by ingestion time, then by claim."""
    return seen_day(published, ingested), ingested, claim_id


def _members_select(*first: Any) -> Select:
    """What a group's figures need of its members (claim, document, day seen, speaker), after
    the `first` columns asked for."""
    return (select(*first, Claim.id, Claim.document_id, Document.published, Document.ingested_at,
                   Claim.speaker_type, Speaker.key)
            .join(Document, Claim.document_id == Document.id).outerjoin(Speaker, Claim.speaker_id == Speaker.id))


def _member_rows(session: Session, claim_ids: Iterable[int]) -> dict[int, Row]:
    """What a group's figures need of these claims, by claim id."""
    rows: dict[int, Row] = {}
    for part in _chunks(sorted(set(claim_ids))):
        for row in session.execute(_members_select().where(Claim.id.in_(part))):
            rows[row.id] = row
    return rows


def _grow_groups(session: Session, grown: dict[int, list[int]]) -> set[int]:
    """Update the figures of groups that only gained claims from their stored figures and the
    new members alone, where recounting read every member: a quotation an article repeats in
    every paragraph made each piece of it reread a group as long as the article so far. Returns
    the groups whose stored figures were missing, to recount."""
    if not grown:
        return set()
    now = datetime.now(timezone.utc)
    stored = {g.id: g for part in _chunks(sorted(grown)) for g in session.execute(
        select(ClaimGroup.id, ClaimGroup.first_claim_id, ClaimGroup.claims, ClaimGroup.documents,
               ClaimGroup.speakers_differ).where(ClaimGroup.id.in_(part)))}
    firsts = {g.first_claim_id for g in stored.values() if g.first_claim_id is not None}
    rows = _member_rows(session, firsts | {c for added in grown.values() for c in added})
    recount, updates = set(), []
    for group_id, added in grown.items():
        group = stored.get(group_id)
        first = rows.get(group.first_claim_id) if group is not None and group.first_claim_id is not None else None
        if first is None or not group.claims:
            recount.add(group_id)
            continue
        members = [rows[c] for c in added]
        documents = group.documents
        per_document: dict[int, int] = defaultdict(int)
        for row in members:
            per_document[row.document_id] += 1
        for document_id, count in per_document.items():
            # the document was in the group before if it holds more members than it just gave
            # (read through the (group_id, document_id) index, at most count + 1 rows)
            present = session.scalars(select(Claim.id).where(Claim.group_id == group_id,
                                                             Claim.document_id == document_id)
                                      .limit(count + 1)).all()
            documents += len(present) <= count
        earliest = min([first, *members], key=lambda r: seen_order(r.published, r.ingested_at, r.id))
        differ = group.speakers_differ or any((r.speaker_type, r.key) != (first.speaker_type, first.key)
                                              for r in members)
        updates.append({"id": group_id, "first_claim_id": earliest.id,
                        "first_seen": seen_day(earliest.published, earliest.ingested_at),
                        "claims": group.claims + len(added), "documents": documents,
                        "speakers_differ": differ, "updated_at": now})
    if updates:
        session.execute(update(ClaimGroup), updates)
    return recount


def refresh_groups(session: Session, group_ids: Iterable[int]) -> None:
    """Recount the groups and find their earliest member again; a group left with one claim
    (the others reprocessed or deleted) is dissolved."""
    now = datetime.now(timezone.utc)
    for part in _chunks(sorted(set(group_ids))):
        members: dict[int, list] = {group_id: [] for group_id in part}
        for row in session.execute(_members_select(Claim.group_id).where(Claim.group_id.in_(part))):
            members[row.group_id].append(row)
        dissolved = [group_id for group_id, rows in members.items() if len(rows) < 2]
        if dissolved:
            session.execute(update(Claim).where(Claim.group_id.in_(dissolved)).values(group_id=None))
            session.execute(delete(ClaimGroup).where(ClaimGroup.id.in_(dissolved)))
        updates = []
        for group_id, rows in members.items():
            if len(rows) < 2:
                continue
            first = min(rows, key=lambda r: seen_order(r.published, r.ingested_at, r.id))
            updates.append({"id": group_id, "first_claim_id": first.id,
                            "first_seen": seen_day(first.published, first.ingested_at), "claims": len(rows),
                            "documents": len({r.document_id for r in rows}),
                            "speakers_differ": len({(r.speaker_type, r.key) for r in rows}) > 1, "updated_at": now})
        if updates:
            session.execute(update(ClaimGroup), updates)


def groups_of_documents(session: Session, document_ids: Sequence[int]) -> set[int]:
    """The groups that claims of these documents belong to (to refresh after they go)."""
    return set(session.scalars(select(Claim.group_id).where(Claim.document_id.in_(document_ids),
                                                            Claim.group_id.is_not(None)).distinct()))


def rebuild_groups(session: Session, chunk: int = 2000) -> GroupingResult:
    """Every group made again from the claims' words, in the order claims were stored: after
    an upgrade from a store without groups, or after the matching rules changed."""
    session.execute(delete(ClaimBucket))
    session.execute(update(Claim).where(Claim.group_id.is_not(None)).values(group_id=None))
    session.execute(delete(ClaimGroup))
    total = matched = 0
    last = 0
    while True:
        ids = list(session.scalars(select(Claim.id).where(Claim.id > last).order_by(Claim.id).limit(chunk)))
        if not ids:
            break
        result = assign_groups(session, ids)
        total, matched, last = total + result.claims, matched + result.matched, ids[-1]
    groups = session.scalar(select(func.count(ClaimGroup.id))) or 0
    return GroupingResult(total, matched, groups)


def needs_regroup(session: Session) -> bool:
    """Claims but no bucket at all: a store upgraded from before claim groups."""
    return (session.scalar(select(Claim.id).limit(1)) is not None
            and session.scalar(select(ClaimBucket.claim_id).limit(1)) is None)
