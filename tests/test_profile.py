"""`stats` counts the same whichever query shape computes them: the per-document queries SQLite
streams from its index and the one hash-aggregated pass PostgreSQL uses, on both databases,
on a store of several chunks with relays, copies grouped across articles and reviews of every
kind."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from claimtrack.cli import main
from claimtrack.reporting import profile as profiles
from claimtrack.store.db import Database
from claimtrack.store.models import Claim, ClaimGroup
from claimtrack.workflow import review as reviews
from tests.conftest import replicate_claims


@pytest.fixture
def reviewed_copies(seeded_copy, runner):
    """The seeds copied twelve times (past one chunk) and regrouped (each copy's claims join their original's
    group, the earliest published first), a claim in 13 reviewed one way or another."""
    assert replicate_claims(seeded_copy, 12) > 1200
    assert runner.invoke(main, ["--db", seeded_copy, "regroup"]).exit_code == 0
    with Database(seeded_copy).session() as session:
        ids = session.scalars(select(Claim.id).order_by(Claim.id)).all()
        for n, claim_id in enumerate(ids[::13]):
            action = n % 4
            if action == 0:
                reviews.confirm(session, claim_id, "ana")
            elif action == 1:
                reviews.set_verdict(session, claim_id, "false", "ana")
            elif action == 2:
                reviews.reject(session, claim_id, "ana")
            else:
                reviews.add_note(session, claim_id, "à revoir", "ana")  # a note is no decision
        session.commit()
    return seeded_copy


@pytest.mark.parametrize("by", [None, "outlet", "document"])
def test_both_query_shapes_count_the_same(reviewed_copies, by):
    with Database(reviewed_copies).session() as session:
        assert session.scalar(select(func.count()).select_from(ClaimGroup)) > 10
        kept = [Claim.status != "rejected"]
        streamed = profiles._per_document_counts(session, by, kept)
        hashed = profiles._one_pass_counts(session, by, kept)
    assert streamed.keys() == hashed.keys()
    assert [profiles.profile_record(streamed[k]) for k in sorted(streamed)] == \
        [profiles.profile_record(hashed[k]) for k in sorted(hashed)]
    everything = [streamed[k] for k in streamed]
    assert sum(p.reviewed for p in everything) > 20 and sum(p.relayed for p in everything) > 10
    assert sum(p.verdicts["false"] for p in everything) > 5
    # the copies repeat claims first seen in an original: fewer originated than not relayed
    assert 0 < sum(p.originated for p in everything) < sum(p.claims - p.relayed for p in everything)


def test_stats_of_a_regrouped_store(reviewed_copies, runner):
    """What `stats` prints is what the store's own query shape counts."""
    result = runner.invoke(main, ["--db", reviewed_copies, "stats", "--by", "outlet", "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    with Database(reviewed_copies).session() as session:
        expected = [profiles.profile_record(p) for p in profiles.sourcing_profile(session, "outlet")]
        streamed = profiles._per_document_counts(session, "outlet", [Claim.status != "rejected"])
    assert printed == expected
    assert printed == [profiles.profile_record(streamed[k]) for k in sorted(streamed)]
