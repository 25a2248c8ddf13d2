"""A draw keeps, per stratum, the claims with the smallest sample keys (a hash of the seed and
the claim's document and offsets), whatever the order and the chunks the rows come in: checked
against every claim's key computed here, on a store read in many chunks."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claimtrack.store.db import Database
from claimtrack.store.models import Claim, Document
from claimtrack.store.queries import ClaimFilter
from claimtrack.workflow import sampling
from tests.conftest import replicate_claims


@pytest.fixture
def many_claims(seeded_copy, monkeypatch):
    replicate_claims(seeded_copy, 3)
    monkeypatch.setattr(sampling, "SCAN_CHUNK", 25)
    return seeded_copy


def _keys(session, seed: int) -> dict[int, tuple[str, str]]:
    rows = session.execute(select(Claim.id, Claim.speaker_type, Document.sha256, Claim.start, Claim.end)
                           .join(Document, Document.id == Claim.document_id).where(Claim.status != "rejected"))
    return {i: (sampling.sample_key(seed, sha, start, end), kind) for i, kind, sha, start, end in rows}


def test_a_draw_is_the_smallest_sample_keys_in_key_order(many_claims):
    with Database(many_claims).session() as session:
        keys = _keys(session, 5)
        assert len(keys) > 100  # past several chunks of 25
        drawn = sampling.draw(session, 15, ClaimFilter(), seed=5)
        assert list(drawn.claim_ids) == sorted(keys, key=lambda i: keys[i][0])[:15]


def test_a_stratified_draw_is_the_smallest_keys_of_each_stratum(many_claims):
    with Database(many_claims).session() as session:
        keys = _keys(session, 9)
        drawn = sampling.draw(session, 12, ClaimFilter(), seed=9, by="speaker_type")
        assert sum(drawn.strata.values()) == 12 and len(drawn.strata) > 1
        for stratum, size in drawn.strata.items():
            members = sorted((i for i in keys if keys[i][1] == stratum), key=lambda i: keys[i][0])
            assert {i for i in drawn.claim_ids if keys[i][1] == stratum} == set(members[:size]), stratum
        assert list(drawn.claim_ids) == sorted(drawn.claim_ids, key=lambda i: keys[i][0])
