"""Several documents in one transaction (claimtrack.ingestion.committing): each stays
all-or-nothing, a failure costs only its own document, and a result is reported once its
document is committed."""

from __future__ import annotations

import json
import sqlite3

import pytest

import claimtrack.ingestion.committing as committing
from claimtrack.cli import main
from claimtrack.ingestion.writer import DocumentWriter
from tests.test_parallel import _copies, _export


@pytest.fixture
def one_batch(monkeypatch):
    """A whole ingest in one transaction, however slow the machine."""
    monkeypatch.setattr(committing, "BATCH_SECONDS", 3600.0)
    monkeypatch.setattr(committing, "BATCH_CLAIMS", 100_000)


@pytest.fixture
def batches(monkeypatch) -> list[int]:
    """How many claims each shared transaction grouped at its commit, in order."""
    sizes: list[int] = []
    group = committing.assign_groups

    def counted(session, ids):
        sizes.append(len(ids))
        return group(session, ids)

    monkeypatch.setattr(committing, "assign_groups", counted)
    return sizes


def _grouped(runner, db: str) -> int:
    """Claims in a group (the exports compared leave group ids out)."""
    result = runner.invoke(main, ["--db", db, "export", "--format", "jsonl"])
    return sum(1 for line in result.output.splitlines() if json.loads(line)["group_id"] is not None)


def test_a_failing_document_fails_alone_and_the_others_are_as_without_it(db_url, runner, tmp_path, monkeypatch,
                                                                           one_batch, batches):
    folder = _copies(tmp_path / "articles", 5)  # 25 documents, their short lines recurring (furniture)
    failing = sorted(folder.glob("*.txt"))[7]
    reference_folder = tmp_path / "without"
    reference_folder.mkdir()
    for path in sorted(folder.glob("*.txt")):
        if path != failing:
            (reference_folder / path.name).write_bytes(path.read_bytes())
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    assert runner.invoke(main, ["--db", reference, "ingest", "--jobs", "1", str(reference_folder)]).exit_code == 0

    original = DocumentWriter.write

    def fail_on_one(self, analysis):
        ids = original(self, analysis)
        self.session.flush()  # its rows are in the shared transaction when the failure comes
        if self.source.name == failing.name:
            raise RuntimeError("disk full")
        return ids

    monkeypatch.setattr(DocumentWriter, "write", fail_on_one)
    batches.clear()  # the reference's
    result = runner.invoke(main, ["--db", db_url, "ingest", "--jobs", "1", "--json", str(folder)])
    assert result.exit_code != 0
    summary = json.loads(result.output[:result.output.rindex("]") + 1])
    assert [row["name"] for row in summary] == [p.name for p in sorted(folder.glob("*.txt"))]  # input order
    assert [row["name"] for row in summary if row["status"] == "failed"] == [failing.name]
    assert "disk full" in summary[7]["reason"]
    # rolled back before grouping, the first eight went one by one; the seventeen after shared a new transaction
    assert len(batches) == 1
    exported = _export(runner, db_url)
    assert len(exported) > 500  # past one chunk
    assert exported == _export(runner, reference)  # nothing of it stored, furniture learnt as without it
    assert _grouped(runner, db_url) == _grouped(runner, reference)


def test_documents_are_grouped_together_and_a_failed_commit_leaves_them_one_by_one(db_url, runner, tmp_path,
                                                                                     monkeypatch, one_batch, batches):
    folder = _copies(tmp_path / "articles", 5)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    counted = committing.assign_groups
    assert runner.invoke(main, ["--db", reference, "ingest", "--jobs", "1", str(folder)]).exit_code == 0
    assert len(batches) == 1 and batches[0] > 500  # all 25 documents' claims grouped at once, past one chunk

    def fails_once(session, ids):
        monkeypatch.setattr(committing, "assign_groups", counted)
        raise RuntimeError("lost connection")

    monkeypatch.setattr(committing, "assign_groups", fails_once)
    result = runner.invoke(main, ["--db", db_url, "ingest", "--jobs", "1", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output.count("ingested") == 25
    assert _export(runner, db_url) == _export(runner, reference)
    assert _grouped(runner, db_url) == _grouped(runner, reference) > 0


def test_a_result_is_reported_once_its_document_is_committed(tmp_path, analyzer, monkeypatch):
    from claimtrack.ingestion.ingest import ingest_sources
    from claimtrack.ingestion.reading import read_path
    from claimtrack.store.db import Database

    monkeypatch.setattr(committing, "BATCH_DOCUMENTS", 3)
    folder = _copies(tmp_path / "articles", 2)
    path = tmp_path / "claims.db"
    database = Database(f"sqlite:///{path}", create=True)
    seen = []

    def committed(result):  # another connection sees only what is committed
        with sqlite3.connect(path) as connection:
            seen.append(connection.execute("SELECT count(*) FROM documents WHERE id = ?",
                                           (result.document_id,)).fetchone()[0])

    results = ingest_sources(database, [read_path(p) for p in sorted(folder.glob("*.txt"))], analyzer,
                             on_result=committed)
    assert [r.status for r in results] == ["ingested"] * 10
    assert seen == [1] * 10


def test_furniture_taken_back_is_as_before(tmp_path):
    from claimtrack.ingestion.ingest import FurnitureMemory
    from claimtrack.store.db import Database

    memory = FurnitureMemory(Database(f"sqlite:///{tmp_path / 'claims.db'}", create=True))
    memory.add({"partager"})
    before = memory.known()
    memory.add({"partager", "lire aussi"})
    assert "partager" in memory.known()
    memory.remove({"partager", "lire aussi"})
    assert memory.known() == before == frozenset()



@pytest.mark.parametrize("options", [[], ["--reprocess"]])
def test_short_documents_sent_to_a_worker_together_fail_alone(db_url, runner, tmp_path, monkeypatch, options):
    """Two jobs send short documents to a worker several at a time (one task): a document whose
    analysis fails there fails alone, its task-mates are stored, in a shared transaction or
    (reprocessing) one transaction each."""
    from claimtrack.engine.pipeline import Analyzer

    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(12):
        (folder / f"a{n:02d}.txt").write_text(f"Le maire numéro {n} a annoncé la fermeture du pont {n}.\n",
                                             encoding="utf-8")
    original = Analyzer._finish

    def fails_on_one(self, prepared, *args):
        if prepared.request.name == "a05.txt":
            raise ValueError("unparsable")
        return original(self, prepared, *args)

    monkeypatch.setattr(Analyzer, "_finish", fails_on_one)  # the forked workers have it too
    result = runner.invoke(main, ["--db", db_url, "ingest", "--jobs", "2", "--json", *options, str(folder)])
    assert result.exit_code != 0
    summary = json.loads(result.output[:result.output.rindex("]") + 1])
    assert [(row["name"], row["status"]) for row in summary] == \
        [(f"a{n:02d}.txt", "failed" if n == 5 else "ingested") for n in range(12)]
    assert "unparsable" in summary[5]["reason"]
    assert len(_export(runner, db_url)) == 11
