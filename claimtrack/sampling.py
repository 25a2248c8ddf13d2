"""Spot-check samples that any team member can draw again and get the same claims.

The order is a hash of (seed, claim id), not `random.sample`, so that it holds across Python
versions, platforms and the order the database returns rows in.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack import __version__
from claimtrack.engine.pipeline import RULES_VERSION
from claimtrack.errors import ClaimtrackError
from claimtrack.models import Batch, BatchItem, Claim
from claimtrack.queries import ClaimFilter, checked, claim_query

STRATA = ("speaker_type", "outlet", "document")


class SampleError(ClaimtrackError, ValueError):
    """A sample that cannot be drawn as asked."""


@dataclass(frozen=True)
class Sample:
    name: str
    seed: int
    size: int
    stratify_by: str | None
    claim_ids: tuple[int, ...]
    strata: dict[str, int]


def sample_key(seed: int, claim_id: int) -> str:
    return hashlib.sha256(f"{seed}:{claim_id}".encode()).hexdigest()


def new_seed() -> int:
    return secrets.randbelow(2**31)


def _stratum(claim: Claim, by: str) -> str:
    if by == "speaker_type":
        return claim.speaker_type
    if by == "outlet":
        return claim.document.outlet or "(no outlet)"
    return claim.document.name


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
    if name and session.scalars(select(Batch).where(Batch.name == name)).first():
        raise SampleError(f"a batch named {name!r} exists already: choose another name")
    seed = new_seed() if seed is None else seed
    claims = list(session.scalars(claim_query(checked(session, replace(flt, limit=None)))))
    if not claims:
        raise SampleError("no claim matches the filters")
    ordered = sorted(claims, key=lambda c: sample_key(seed, c.id))
    if by:
        groups: dict[str, list[Claim]] = {}
        for claim in ordered:
            groups.setdefault(_stratum(claim, by), []).append(claim)
        counts = allocate({k: len(v) for k, v in groups.items()}, n)
        chosen = [c for k, members in groups.items() for c in members[: counts[k]]]
        chosen.sort(key=lambda c: sample_key(seed, c.id))
        strata = {k: v for k, v in counts.items() if v}
    else:
        chosen = ordered[:n]
        strata = {}
    if flt.sort == "confidence":  # the draw stays random; the review starts where the engine is least sure
        chosen.sort(key=lambda c: (c.confidence, sample_key(seed, c.id)))
    name = name or f"sample-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{seed}"
    batch = Batch(name=name, seed=seed, size=n, stratify_by=by,
                  filters=json.dumps(flt.as_dict(), ensure_ascii=False, sort_keys=True),
                  tool_version=f"{__version__}/rules-{RULES_VERSION}", created_at=datetime.now(timezone.utc))
    batch.items = [BatchItem(claim_id=c.id, position=i) for i, c in enumerate(chosen)]
    session.add(batch)
    return Sample(name, seed, n, by, tuple(c.id for c in chosen), strata)
