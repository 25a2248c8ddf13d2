"""Spot-check samples that any team member can draw again and get the same claims.

The order is a hash of (seed, claim id), not `random.sample`, so that it holds across Python
versions, platforms and the order the database returns rows in.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from claimtrack import __version__
from claimtrack.engine.pipeline import RULES_VERSION
from claimtrack.errors import ClaimtrackError
from claimtrack.store.models import Batch, BatchItem, Claim, Document
from claimtrack.store.queries import ClaimFilter, checked, claim_query

STRATA = ("speaker_type", "outlet", "document")
SCAN_CHUNK = 10_000  # rows fetched at a time by the pass over the matching claims


class SampleError(ClaimtrackError, ValueError):
    """A sample that cannot be drawn as asked."""


@dataclass(frozen=True)
class Sample:
    name: str | None  # None: drawn, not saved
    seed: int
    size: int
    stratify_by: str | None
    claim_ids: tuple[int, ...]
    strata: dict[str, int]


def sample_key(seed: int, document_sha256: str, start: int, end: int) -> str:
    """A claim's place in the draw of `seed`, from what identifies it whatever its id: the
    document's content hash and the claim's offsets. Reprocessing a document gives its claims
    new ids; the same seed still draws the same sentences."""
    return hashlib.sha256(f"{seed}:{document_sha256}:{start}:{end}".encode()).hexdigest()


def new_seed() -> int:
    return secrets.randbelow(2**31)


def _stratum_column(by: str | None):
    """The column a stratified sample groups claims by (a constant when not stratified)."""
    if by == "speaker_type":
        return Claim.speaker_type
    if by == "outlet":
        return func.coalesce(Document.outlet, literal("(no outlet)"))
    if by == "document":
        return Document.name
    return literal("all")


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Proportional allocation (largest remainders), at least one per stratum when n allows."""
    total = sum(sizes.values())
    if total == 0:
        return {k: 0 for k in sizes}
    n = min(n, total)
    floor_one = n >= len(sizes)
    shares = {k: n * v / total for k, v in sizes.items()}
    counts = {k: min(v, int(shares[k])) for k, v in sizes.items()}
    if floor_one:
        counts = {k: max(1, c) if sizes[k] else 0 for k, c in counts.items()}
    # trim or top up by the largest remainders, never past a stratum's size
    while sum(counts.values()) > n:
        k = max((k for k in counts if counts[k] > (1 if floor_one else 0)), key=lambda k: counts[k] - shares[k])
        counts[k] -= 1
    order = sorted(sizes, key=lambda k: (shares[k] - counts[k], k), reverse=True)
    while sum(counts.values()) < n:
        for k in order:
            if sum(counts.values()) < n and counts[k] < sizes[k]:
                counts[k] += 1
    return counts


def draw(session: Session, n: int, flt: ClaimFilter, *, by: str | None = None, seed: int | None = None,
         name: str | None = None) -> Sample:
    if n < 1:
        raise SampleError("the sample size must be at least 1")
    if by is not None and by not in STRATA:
        raise SampleError(f"--by takes one of {', '.join(STRATA)}")
    if flt.limit is not None:
        raise SampleError("--limit does not apply to a sample: N is its size")
    if name and session.scalars(select(Batch).where(Batch.name == name)).first():
        raise SampleError(f"a batch named {name!r} exists already: choose another name")
    seed = new_seed() if seed is None else seed
    query = claim_query(checked(session, replace(flt, limit=None, sort="document")))
    columns = query.with_only_columns(Claim.id, _stratum_column(by), Document.sha256, Claim.start,
                                      Claim.end).order_by(None)

    def matching():
        # plain rows (a Core execution): the ORM's row loading cost more than the database's
        # own work here, a million claims in one pass
        rows = session.connection().execute(columns.execution_options(yield_per=SCAN_CHUNK))
        for claim_id, group, sha, start, end in rows:
            yield claim_id, group, sample_key(seed, sha, start, end)

    counts = {"all": n}
    if by:
        # a first pass sizes the strata and orders them by their first claim in sample order, as
        # drawing from the whole sorted list did: the same seed draws the same claims as before
        sizes: dict[str, int] = {}
        first: dict[str, str] = {}
        for _claim_id, group, key in matching():
            sizes[group] = sizes.get(group, 0) + 1
            if group not in first or key < first[group]:
                first[group] = key
        counts = allocate({k: sizes[k] for k in sorted(sizes, key=first.__getitem__)}, n)
    # one pass keeps, per stratum, the claims with the smallest keys: memory grows with n only.
    # Once a stratum is full, a claim is compared with the largest key kept, which almost every
    # claim of a large store fails: only the few that enter the heap pay for its upkeep.
    kept: dict[str, list[tuple[str, int, str]]] = {}
    found = False
    for claim_id, group, key in matching():
        found = True
        wanted = counts.get(group if by else "all", 0)
        if not wanted:
            continue
        heap = kept.setdefault(group, [])
        if len(heap) < wanted:
            heapq.heappush(heap, (_negated(key), claim_id, key))
        else:
            largest, largest_id = heap[0][2], heap[0][1]
            if key < largest or (key == largest and claim_id > largest_id):
                heapq.heapreplace(heap, (_negated(key), claim_id, key))
    if not found:
        raise SampleError("no claim matches the filters")
    keys = {claim_id: key for heap in kept.values() for _, claim_id, key in heap}
    chosen = sorted(keys, key=keys.__getitem__)
    strata = {k: v for k, v in counts.items() if v} if by else {}
    if flt.sort == "confidence":  # the draw stays random; the review starts where the engine is least sure
        confidence = {i: c for i, c in session.execute(select(Claim.id, Claim.confidence)
                                                         .where(Claim.id.in_(chosen)))}
        chosen.sort(key=lambda i: (confidence[i], keys[i]))
    if name is None:  # a look at a draw; only a named sample is saved, to be reviewed as a batch
        return Sample(None, seed, n, by, tuple(chosen), strata)
    batch = Batch(name=name, seed=seed, size=n, stratify_by=by,
                  filters=json.dumps(flt.as_dict(), ensure_ascii=False, sort_keys=True),
                  tool_version=f"{__version__}/rules-{RULES_VERSION}", created_at=datetime.now(timezone.utc))
    batch.items = [BatchItem(claim_id=claim_id, position=i) for i, claim_id in enumerate(chosen)]
    session.add(batch)
    return Sample(name, seed, n, by, tuple(chosen), strata)


def _negated(key: str) -> str:
    """A key that sorts the other way, so that a min-heap keeps the smallest sample keys."""
    return key.translate(_COMPLEMENT)


_COMPLEMENT = str.maketrans("0123456789abcdef", "fedcba9876543210")
