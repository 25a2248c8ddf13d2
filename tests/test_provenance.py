"""Provenance across articles: claim groups, trails, the citation graph, speaker merges.

The corpus is invented (tests/provenance_corpus.py): one quotation relayed by three outlets
over three days with drift, another quotation of the same speaker, two spellings of one name.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import func, select

from claimtrack.cli import main
from claimtrack.provenance.fingerprint import fingerprint, words
from claimtrack.provenance.matching import similarity
from claimtrack.provenance.trail import word_changes
from claimtrack.store.db import Database
from claimtrack.store.models import Claim, ClaimBucket, ClaimGroup, Document, Review
from tests.conftest import copy_database, replicate_claims
from tests.provenance_corpus import CHANGED, HEDGE_DROPPED, ORIGINAL, OTHER_QUOTE, SHORTENED, write_corpus

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _same(first: str, second: str) -> bool:
    return similarity(tuple(words(first)), tuple(words(second))) is not None


@pytest.mark.parametrize("first, second, expected", [
    # normalisation: case, accents, quotation marks, apostrophes, elisions, spacing
    ("« L’armée ne reculera pas devant l’ennemi, a-t-il dit »",
     'l\'armee  ne reculera pas devant "l\'ennemi" a t il dit', True),
    (ORIGINAL, SHORTENED, True),  # a quotation shortened
    (ORIGINAL, CHANGED, True),  # one word changed
    (ORIGINAL, HEDGE_DROPPED, True),  # a hedge dropped
    (ORIGINAL, OTHER_QUOTE, False),  # another statement of the same speaker
    # a short formula with one different word says something else
    ("La situation reste très grave selon lui", "La situation reste très calme selon lui", False),
    # a six-word excerpt of a long sentence is not the sentence
    ("Le port a rouvert", ORIGINAL + " et le port a rouvert hier soir malgré les combats", False),
])
def test_which_wordings_are_one_claim(first, second, expected):
    assert _same(first, second) is expected


def test_short_formulas_are_not_fingerprinted():
    assert fingerprint("Il a démenti.") is None
    assert fingerprint("Selon lui, c'est faux.") is None
    printed = fingerprint(ORIGINAL)
    assert printed is not None and printed.exact == fingerprint(ORIGINAL.upper()).exact
    assert len(printed.buckets) > 1


def test_word_changes_mark_dropped_added_and_changed_words():
    changes = [(c.op, c.old, c.new) for c in word_changes(ORIGINAL, CHANGED) if c.op != "same"]
    assert changes == [("changed", "menaces", "pressions")]
    changes = [(c.op, c.old, c.new) for c in word_changes(ORIGINAL, HEDGE_DROPPED) if c.op != "same"]
    assert changes == [("dropped", "probablement", "")]
    changes = [(c.op, c.old, c.new) for c in word_changes(SHORTENED, ORIGINAL) if c.op != "same"]
    assert changes == [("added", "", "jusqu’au bout, quoi qu’il en coûte")]
    assert all(c.op == "same" for c in word_changes("« Nous partirons. »", "nous Partirons"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def provenance_db(fresh_db, corpus, runner, analyzer):
    # the relays first and the origin last: the trail's order comes from publication dates
    for path in sorted(corpus, reverse=True):
        result = runner.invoke(main, ["--db", fresh_db, "ingest", str(path)])
        assert result.exit_code == 0, result.output
    return fresh_db


def _claim_of(db: str, document: str, text: str) -> int:
    with Database(db).session() as session:
        return session.scalars(select(Claim.id).join(Document).where(Document.name == document,
                                                                     Claim.text.contains(text))).one()


def test_one_quotation_is_one_group_in_publication_order(provenance_db, runner):
    relayed = _claim_of(provenance_db, "c_relay.html", "pressions")
    result = runner.invoke(main, ["--db", provenance_db, "trace", str(relayed), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    occurrences = found["occurrences"]
    assert [o["document"] for o in occurrences][:2] == ["a_origin.html", "b_relay.html"]
    assert {o["document"] for o in occurrences[2:]} == {"c_relay.html", "d_relay.html"}
    assert [o["date"] for o in occurrences] == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-04"]
    assert all(o["dated_by"] == "published" for o in occurrences)
    changes = {o["document"]: [(c["op"], c["old"], c["new"]) for c in o["changes"] if c["op"] != "same"]
               for o in occurrences}
    assert changes["a_origin.html"] == []
    assert changes["b_relay.html"] == [("dropped", "jusqu’au bout, quoi qu’il en coûte. »", "")]
    assert changes["c_relay.html"] == [("changed", "menaces", "pressions")]
    assert changes["d_relay.html"] == [("dropped", "probablement", "")]
    # "Paul Duran" in one article: the group says its speakers differ instead of hiding it
    assert found["speakers_differ"] is True
    assert {o["speaker"] for o in occurrences} == {"Paul Durand", "Paul Duran"}

    table = runner.invoke(main, ["--db", provenance_db, "trace", str(relayed)], env={"COLUMNS": "220"})
    assert table.exit_code == 0, table.output
    assert "[-menaces-] {+pressions+}" in table.output and "[-probablement-]" in table.output
    assert "different speakers" in table.output


def test_another_quotation_of_the_same_speaker_stays_apart(provenance_db, runner):
    other = _claim_of(provenance_db, "a_origin.html", "budget des armées")
    result = runner.invoke(main, ["--db", provenance_db, "trace", str(other), "--json"])
    found = json.loads(result.output)
    assert found["group_id"] is None and len(found["occurrences"]) == 1
    shown = runner.invoke(main, ["--db", provenance_db, "show", str(other)], env={"COLUMNS": "200"})
    assert "In other articles: none found" in shown.output
    origin = _claim_of(provenance_db, "a_origin.html", "reculerons")
    shown = runner.invoke(main, ["--db", provenance_db, "show", str(origin), "--json"])
    assert json.loads(shown.output)["other_documents"] == 3
    shown = runner.invoke(main, ["--db", provenance_db, "show", str(origin)], env={"COLUMNS": "200"})
    assert f"In other articles: 3 (claimtrack trace {origin})" in shown.output
    with Database(provenance_db).session() as session:
        assert session.scalar(select(func.count(ClaimGroup.id))) == 1
        group = session.scalars(select(ClaimGroup)).one()
        assert (group.claims, group.documents, group.first_claim_id) == (4, 4, origin)


def test_missing_claim_is_a_one_line_error(provenance_db, runner):
    result = runner.invoke(main, ["--db", provenance_db, "trace", "999999"])
    assert result.exit_code == 1 and "no claim 999999" in result.output and "Traceback" not in result.output


def test_citation_graph_edges(provenance_db, runner, tmp_path):
    result = runner.invoke(main, ["--db", provenance_db, "graph", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    edges = {(e["source"], e["target"]): e for e in found["edges"]}
    relay = edges[("outlet:echo de l'ouest", "outlet:courrier du sud")]
    assert (relay["claims"], relay["first"], relay["last"]) == (1, "2026-03-04", "2026-03-04")
    assert ("outlet:courrier du sud", "outlet:gazette du nord") in edges
    assert ("outlet:courrier du sud", "named:paul duran") in edges  # the chain goes on to the speaker
    origin = edges[("outlet:gazette du nord", "named:paul durand")]
    assert origin["claims"] >= 2 and origin["first"] == "2026-03-02"
    kinds = {n["id"]: n["kind"] for n in found["nodes"]}
    assert kinds["outlet:gazette du nord"] == "outlet" and kinds["named:paul durand"] == "named"

    dot = runner.invoke(main, ["--db", provenance_db, "graph", "--format", "dot"]).output
    assert dot.startswith("digraph citations {") and '"outlet:echo de l\'ouest" -> "outlet:courrier du sud"' in dot
    graphml = runner.invoke(main, ["--db", provenance_db, "graph", "--format", "graphml"]).output
    root = ET.fromstring(graphml)
    namespace = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:edge", namespace)) == len(found["edges"])
    filtered = json.loads(runner.invoke(main, ["--db", provenance_db, "graph", "--doc", "c_relay.html"]).output)
    assert {e["source"] for e in filtered["edges"]} <= {"outlet:echo de l'ouest", "outlet:courrier du sud"}


@pytest.mark.skipif(BROWSER is None, reason="no chromium installed (apt-get install chromium)")
def test_graph_page_renders_in_a_browser(provenance_db, runner, tmp_path):
    out = tmp_path / "graph.html"
    result = runner.invoke(main, ["--db", provenance_db, "graph", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    graph = json.loads(runner.invoke(main, ["--db", provenance_db, "graph"]).output)
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", out.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    assert f'data-rendered-nodes="{len(graph["nodes"])}"' in dom
    assert f'data-rendered-edges="{len(graph["edges"])}"' in dom
    assert "Gazette du Nord" in dom and "Paul Durand" in dom


def test_speaker_spellings_are_proposed_merged_and_split(provenance_db, runner, corpus, tmp_path):
    result = runner.invoke(main, ["--db", provenance_db, "speakers", "--duplicates", "--json"])
    assert result.exit_code == 0, result.output
    proposals = json.loads(result.output)
    pairs = [(p["keep"]["name"], p["other"]["name"]) for p in proposals]
    assert pairs == [("Paul Durand", "Paul Duran")]
    merged = runner.invoke(main, ["--db", provenance_db, "speakers", "merge", "Paul Durand", "Paul Duran",
                                  "--reviewer", "ana", "--note", "same minister"])
    assert merged.exit_code == 0, merged.output
    names = [s["name"] for s in json.loads(runner.invoke(main, ["--db", provenance_db, "speakers", "--json"]).output)]
    assert "Paul Duran" not in names
    relayed = _claim_of(provenance_db, "c_relay.html", "pressions")
    shown = json.loads(runner.invoke(main, ["--db", provenance_db, "show", str(relayed), "--json"]).output)
    assert shown["speaker"] == "Paul Durand" and shown["history"][-1]["action"] == "merge-speaker"
    assert shown["history"][-1]["reviewer"] == "ana" and shown["status"] == "machine"  # not a decision on the claim
    trail = json.loads(runner.invoke(main, ["--db", provenance_db, "trace", str(relayed), "--json"]).output)
    assert trail["speakers_differ"] is False

    # a later article writing the merged spelling is filed under the kept speaker
    later = tmp_path / "later.txt"
    later.write_text("« Nos soldats tiendront la ligne de front tout l’hiver », a affirmé Paul Duran mardi.\n",
                     encoding="utf-8")
    assert runner.invoke(main, ["--db", provenance_db, "ingest", str(later)]).exit_code == 0
    assert _speaker_of(provenance_db, "later.txt", "soldats") == "Paul Durand"

    split = runner.invoke(main, ["--db", provenance_db, "speakers", "split", "Paul Durand", "Paul Duran"])
    assert split.exit_code == 0, split.output
    assert _speaker_of(provenance_db, "c_relay.html", "pressions") == "Paul Duran"
    assert _speaker_of(provenance_db, "a_origin.html", "reculerons") == "Paul Durand"
    missing = runner.invoke(main, ["--db", provenance_db, "speakers", "merge", "Paul Durand", "Nobody"])
    assert missing.exit_code == 1 and "no speaker 'Nobody'" in missing.output


def _speaker_of(db: str, document: str, text: str) -> str | None:
    with Database(db).session() as session:
        claim = session.get(Claim, _claim_of(db, document, text))
        return claim.speaker.name if claim.speaker else None


def test_outlet_profile_separates_relayed_and_originated(provenance_db, runner):
    result = runner.invoke(main, ["--db", provenance_db, "stats", "--by", "outlet", "--json"])
    assert result.exit_code == 0, result.output
    profiles = {p["group"]: p for p in json.loads(result.output)}
    origin = profiles["Gazette du Nord"]
    assert origin["relayed"] == 0 and origin["originated"] == origin["claims"]
    relay = profiles["Écho de l’Ouest"]
    assert relay["relayed"] >= 1 and relay["originated"] == relay["claims"] - relay["relayed"]
    # "Journal de l'Est" carries the quotation two days later without credit: neither relayed nor originated
    uncredited = profiles["Journal de l’Est"]
    assert uncredited["relayed"] + uncredited["originated"] < uncredited["claims"]
    assert profiles["Courrier du Sud"]["relayed"] >= 1


def test_csv_export_carries_the_group_and_where_it_was_first_seen(provenance_db, runner):
    import csv
    import io

    result = runner.invoke(main, ["--db", provenance_db, "export", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    grouped = [r for r in rows if r["group_id"]]
    assert len(grouped) == 4 and len({r["group_id"] for r in grouped}) == 1
    assert {r["first_seen_document"] for r in grouped} == {"a_origin.html"}
    assert {r["first_seen_date"] for r in grouped} == {"2026-03-02"}
    lone = [r for r in rows if not r["group_id"]]
    assert lone and all(r["first_seen_document"] == "" for r in lone)


def test_reprocess_and_regroup_keep_the_groups(provenance_db, runner, corpus):
    before = json.loads(runner.invoke(main, ["--db", provenance_db, "export"]).output.splitlines()[0])
    assert before
    result = runner.invoke(main, ["--db", provenance_db, "ingest", "--reprocess", str(corpus[1])])
    assert result.exit_code == 0, result.output
    with Database(provenance_db).session() as session:
        groups = session.execute(select(ClaimGroup.claims, ClaimGroup.documents)).all()
        assert groups == [(4, 4)]
    regrouped = runner.invoke(main, ["--db", provenance_db, "regroup", "--json"])
    assert regrouped.exit_code == 0, regrouped.output
    assert json.loads(regrouped.output)["groups"] == 1
    with Database(provenance_db).session() as session:
        assert session.execute(select(ClaimGroup.claims, ClaimGroup.documents)).all() == [(4, 4)]


def test_grouping_past_one_chunk(seeded_sqlite, tmp_path, runner):
    """Thirteen copies of each seed: every fingerprinted claim is in a group of thirteen."""
    target = tmp_path / "large.db"
    copy_database(seeded_sqlite, target)
    url = f"sqlite:///{target}"
    total = replicate_claims(url, 12)
    assert total > 1000
    result = runner.invoke(main, ["--db", url, "regroup", "--json"])
    assert result.exit_code == 0, result.output
    with Database(url).session() as session:
        sizes = set(session.scalars(select(ClaimGroup.claims)))
        documents = set(session.scalars(select(ClaimGroup.documents)))
        bucketed = session.scalar(select(func.count(func.distinct(ClaimBucket.claim_id))))
        grouped = session.scalar(select(func.count(Claim.id)).where(Claim.group_id.is_not(None)))
        merges = session.scalar(select(func.count(Review.id)))
    # a seed may repeat a sentence, so a group holds 13 claims or a multiple of 13 (in 13 documents)
    assert documents == {13} and all(size % 13 == 0 for size in sizes)
    assert grouped == bucketed and grouped > 500 and merges == 0


def test_a_new_group_never_takes_a_live_groups_id(provenance_db):
    """A new group is numbered by the database, never after a claim: a group row already holding
    a claim's id (or made meanwhile by another ingest) does not fail the grouping."""
    from datetime import datetime, timezone

    from claimtrack.provenance.grouping import _merge

    with Database(provenance_db).session() as session:
        lone = list(session.scalars(select(Claim.id).where(Claim.group_id.is_(None)).order_by(Claim.id).limit(2)))
        if session.get(ClaimGroup, lone[0]) is None:
            session.add(ClaimGroup(id=lone[0], claims=0, documents=0, speakers_differ=False,
                                   updated_at=datetime.now(timezone.utc)))
            session.flush()
        live = set(session.scalars(select(ClaimGroup.id)))
        touched, grown = _merge(session, {lone[0]: lone}, {c: None for c in lone})
        assert len(touched) == 1 and touched.isdisjoint(live) and not grown  # new: counted afresh
        assert set(session.scalars(select(Claim.group_id).where(Claim.id.in_(lone)))) == touched


def test_a_store_from_before_groups_is_told_to_regroup(seeded_copy, runner):
    from claimtrack.store.db import downgrade

    downgrade(seeded_copy, "0005")
    result = runner.invoke(main, ["--db", seeded_copy, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "claimtrack regroup" in result.output
    regrouped = runner.invoke(main, ["--db", seeded_copy, "regroup", "--json"])
    assert regrouped.exit_code == 0 and json.loads(regrouped.output)["claims"] > 100
    again = runner.invoke(main, ["--db", seeded_copy, "db", "upgrade"])
    assert "regroup" not in again.output


def _group_figures(session) -> dict:
    return {g.id: (g.first_claim_id, g.first_seen, g.claims, g.documents, g.speakers_differ)
            for g in session.scalars(select(ClaimGroup))}


def test_groups_that_gain_claims_keep_the_figures_a_recount_gives(fresh_db, runner, tmp_path, monkeypatch):
    """A group that only gains claims is updated from its stored figures (grouping._grow_groups),
    not recounted from all its members: after every ingest its figures are those a recount
    gives — a document repeating the quotation counts once, also when it comes in pieces
    grouped one after another, a later-ingested article published earlier becomes the first,
    another speaker marks the group — past one chunk of groups."""
    from claimtrack.engine import pipeline
    from claimtrack.provenance import grouping

    monkeypatch.setattr(grouping, "CHUNK", 1)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 150)  # about a paragraph a piece
    articles = [  # (publication day, paragraphs), ingested in this order
        ("2026-03-05", [f"« {ORIGINAL} », a déclaré Paul Durand.", f"« {OTHER_QUOTE} », a ajouté Paul Durand.",
                        f"Il a répété : « {ORIGINAL} ».", f"Puis encore : « {ORIGINAL} »."]),
        ("2026-03-06", [f"« {SHORTENED} », a affirmé Paul Durand.", f"« {OTHER_QUOTE} », a-t-il dit."]),
        ("2026-03-02", [f"« {CHANGED} », estime un analyste.", f"« {OTHER_QUOTE} », selon un analyste.",
                        f"« {OTHER_QUOTE} », insiste l'analyste."]),
        ("2026-03-07", [f"« {HEDGE_DROPPED} », a déclaré Paul Durand."]),
    ]
    for k, (day, paragraphs) in enumerate(articles):
        path = tmp_path / f"article_{k}.txt"
        path.write_text("Titre\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        result = runner.invoke(main, ["--db", fresh_db, "ingest", "--date", day, str(path)])
        assert result.exit_code == 0, result.output
        with Database(fresh_db).session() as session:
            stored = _group_figures(session)
            grouping.refresh_groups(session, stored)
            assert _group_figures(session) == stored
            session.rollback()
    with Database(fresh_db).session() as session:
        figures = sorted((claims, documents, differ) for _first, _seen, claims, documents, differ
                         in _group_figures(session).values())
    assert figures == [(4, 3, True), (6, 4, True)]
