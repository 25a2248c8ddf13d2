"""`--search` through the trigram index: the claims LIKE '%…%' finds, without reading them all."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import select, text

from claimtrack.cli import main
from claimtrack.folding import fold_for_search
from claimtrack.store.db import Database
from claimtrack.store.models import Claim
from claimtrack.store.queries import ClaimFilter, claim_query, iter_rows


@pytest.mark.parametrize("search", ["Irak", "irak", "al-Araji", "Ir", "« L", "100%", 'dit "', "_", "ne sera pas",
                                    "etat", "ÉTATS-UNIS", "premier ministre", "REGION", "é"])
def test_search_finds_every_claim_holding_the_words_case_and_accents_aside(large_db, runner, search):
    """The answer is the one a reader gets by folding both sides by hand: "etat" finds "État" and
    "état", "« L" finds "«\u00a0l" (a non-breaking space is a space to a reader)."""
    result = runner.invoke(main, ["--db", large_db, "claims", "--search", search, "--json"])
    assert result.exit_code == 0, result.output
    found = sorted(json.loads(line)["id"] for line in result.output.splitlines())
    connection = sqlite3.connect(large_db.removeprefix("sqlite:///"))
    wanted = fold_for_search(search)
    expected = sorted(i for i, claim_text in connection.execute(
        "SELECT id, text FROM claims WHERE status != 'rejected'") if wanted in fold_for_search(claim_text))
    connection.close()
    assert found == expected
    if search in ("etat", "ÉTATS-UNIS", "REGION"):
        assert expected, "the seeds hold these words with their accents"


def test_search_uses_the_index_and_follows_changes(large_db, tmp_path):
    from tests.conftest import copy_database

    target = tmp_path / "copy.db"
    copy_database(large_db, target)
    database = Database(f"sqlite:///{target}")
    with database.session() as session:
        statement = claim_query(ClaimFilter(search="Bagdad")).with_only_columns(Claim.id)
        compiled = str(statement.compile(session.bind, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row) for row in session.execute(text("EXPLAIN QUERY PLAN " + compiled)))
        assert "claims_fts" in plan and "VIRTUAL TABLE INDEX" in plan
        before = len(list(iter_rows(session, ClaimFilter(search="Bagdad"))))
        claim = session.scalars(select(Claim).where(~Claim.text.contains("Bagdad"))).first()
        claim.text = claim.text + " Bagdad."
        session.flush()
        assert len(list(iter_rows(session, ClaimFilter(search="Bagdad")))) == before + 1


@pytest.mark.parametrize("search", ["Irak", "état", "ÉTAT", "al-Araji", "ne sera pas", "100%", "Ir"])
def test_frequent_words_walk_the_claims_in_order_and_find_the_same(large_db, monkeypatch, search, tmp_path):
    """A word in many claims is tested claim by claim in listing order: the first page is the
    one the index answer gives, and so is a non-ASCII word in either case (the LIKE pattern
    lets more through, the index confirms)."""
    import claimtrack.store.queries as queries
    from claimtrack.store.db import refresh_statistics
    from tests.conftest import copy_database

    copy_database(large_db, tmp_path / "copy.db")
    database = Database(f"sqlite:///{tmp_path / 'copy.db'}")
    assert refresh_statistics(database)  # what ingest does: the copies were made in SQL
    assert not refresh_statistics(database)  # fresh: measured once
    with database.session() as session:
        by_index = [r.id for r in iter_rows(session, ClaimFilter(search=search, limit=40))]
        monkeypatch.setattr(queries, "FREQUENT_SEARCH", 3)
        walked_filter = queries.checked(session, ClaimFilter(search=search, limit=40))
        statement = claim_query(walked_filter).with_only_columns(Claim.id)
        compiled = str(statement.compile(session.bind, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row) for row in session.execute(text("EXPLAIN QUERY PLAN " + compiled)))
        walked = [r.id for r in iter_rows(session, ClaimFilter(search=search, limit=40))]
        unlimited = [r.id for r in iter_rows(session, ClaimFilter(search=search))]
    assert walked_filter.search_frequent == (len(search) >= queries.MIN_INDEXED_SEARCH and len(unlimited) >= 3)
    if walked_filter.search_frequent:
        assert "CORRELATED" in plan and "TEMP B-TREE" not in plan  # read in order, stopped at the page's end
    assert walked == by_index
    assert unlimited[:40] == by_index
    assert search in ("ne sera pas", "Ir", "100%", "al-Araji") or len(by_index) == 40  # frequent words fill it


def test_speaker_look_ups_forgive_case_and_accents_and_a_miss_offers_the_nearest(db_url, runner, tmp_path):
    from claimtrack.cli import main

    (tmp_path / "a.txt").write_text("« Le budget est prêt », a déclaré le Premier ministre Petr Nečas.\n\n"
                                    "« Nous négocierons », a affirmé Mikhaïl Bogdanov.\n", encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "a.txt")]).exit_code == 0
    for wanted in ("Nečas", "necas", "NECAS", "mikhail bogdanov"):
        result = runner.invoke(main, ["--db", db_url, "claims", "--speaker", wanted, "--json"])
        assert result.exit_code == 0, (wanted, result.output)
        speakers = [json.loads(line)["speaker"] for line in result.output.splitlines()]
        assert speakers in (["Petr Nečas"], ["Mikhaïl Bogdanov"]), wanted
    for command in (["claims"], ["export"]):
        result = runner.invoke(main, ["--db", db_url, *command, "--speaker", "Bogdanof"])
        assert result.exit_code != 0 and "no speaker matches 'Bogdanof'" in result.output
        assert "Mikhaïl Bogdanov" in result.output
