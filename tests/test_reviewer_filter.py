"""`--reviewed-by`: a reviewer's decided claims are gathered first when they are few (an index on
reviewer, claim), tested claim by claim when many; both ways list the same claims."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claimtrack.store import queries
from claimtrack.store.db import Database
from claimtrack.store.models import Claim
from claimtrack.store.queries import ClaimFilter, checked, iter_rows
from claimtrack.workflow import review
from tests.conftest import replicate_claims


@pytest.fixture
def reviewed_store(seeded_copy):
    """The seeds copied past several listing chunks, with decisions by two reviewers and
    actions that decide nothing (a note, a skip) by a third."""
    replicate_claims(seeded_copy, 3)
    database = Database(seeded_copy)
    with database.session() as session:
        ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
        for claim_id in ids[::3]:
            review.confirm(session, claim_id, "Zoé")
        for claim_id in ids[1::7]:
            review.reject(session, claim_id, "Zoé", note="hors sujet")
        for claim_id in ids[::5]:
            review.set_verdict(session, claim_id, "false", "Marc")
        review.add_note(session, ids[2], "à revoir", "Léa")
        review.skip(session, ids[4], "Léa")
        session.commit()
        expected = {"Zoé": set(ids[::3]) | set(ids[1::7]), "Marc": set(ids[::5]), "Léa": set()}
    return seeded_copy, expected


def _listed(url: str, reviewer: str, limit: int | None = None) -> list[int]:
    with Database(url).session() as session:
        flt = ClaimFilter(reviewed_by=reviewer, include_rejected=True, limit=limit)
        return [row.id for row in iter_rows(session, flt, chunk=25)]


def test_gathered_first_or_tested_claim_by_claim_the_same_claims_in_listing_order(reviewed_store, monkeypatch):
    url, expected = reviewed_store
    gathered = {reviewer: _listed(url, reviewer) for reviewer in expected}
    assert len(gathered["Zoé"]) > 100  # past several chunks of 25
    for reviewer, claim_ids in expected.items():
        assert set(gathered[reviewer]) == claim_ids, reviewer
    assert _listed(url, "Zoé", limit=10) == gathered["Zoé"][:10]
    monkeypatch.setattr(queries, "MAX_REVIEWED_IDS", 5)  # every reviewer counts as one of many decisions
    for reviewer in expected:
        assert _listed(url, reviewer) == gathered[reviewer], reviewer


def test_the_filter_holds_the_reviewers_claims_only_when_they_are_few(reviewed_store, monkeypatch):
    url, expected = reviewed_store
    with Database(url).session() as session:
        resolved = checked(session, ClaimFilter(reviewed_by="Marc"))
        assert set(resolved.reviewed_ids) == expected["Marc"]
        assert resolved.as_dict() == {"reviewed_by": "Marc"}  # a stored batch keeps the name, not the ids
        assert checked(session, ClaimFilter(reviewed_by="Léa")).reviewed_ids == ()
        monkeypatch.setattr(queries, "MAX_REVIEWED_IDS", len(expected["Marc"]) - 1)
        assert checked(session, ClaimFilter(reviewed_by="Marc")).reviewed_ids is None
