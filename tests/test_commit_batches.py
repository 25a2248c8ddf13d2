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

    original, original_many = DocumentWriter.write, committing.write_documents

    def fail_on_one(self, analysis):
        ids = original(self, analysis)
        self.session.flush()  # its rows are in the transaction when the failure comes
        if self.source.name == failing.name:
            raise RuntimeError("disk full")
        return ids

    def fail_among(session, items):
        written = original_many(session, items)
        session.flush()  # the batch's rows are in the shared transaction when the failure comes
        if any(source.name == failing.name for source, _analysis in items):
            raise RuntimeError("disk full")
        return written

    monkeypatch.setattr(DocumentWriter, "write", fail_on_one)
    monkeypatch.setattr(committing, "write_documents", fail_among)
    batches.clear()  # the reference's
    result = runner.invoke(main, ["--db", db_url, "ingest", "--jobs", "1", "--json", str(folder)])
    assert result.exit_code != 0
    summary = json.loads(result.output[:result.output.rindex("]") + 1])
    assert [row["name"] for row in summary] == [p.name for p in sorted(folder.glob("*.txt"))]  # input order
    assert [row["name"] for row in summary if row["status"] == "failed"] == [failing.name]
    assert "disk full" in summary[7]["reason"]
    # the batch's write failed before grouping: all 25 went again one transaction each
    assert batches == []
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


def _speakers(db: str) -> list[tuple]:
    """Every speaker with its aliases, by name (ids aside)."""
    from sqlalchemy import func, select

    from claimtrack.store.db import Database
    from claimtrack.store.models import Claim, Speaker

    with Database(db).session() as session:
        claims = dict(session.execute(select(Claim.speaker_id, func.count()).group_by(Claim.speaker_id)).all())
        return sorted((s.name, s.type, s.role, tuple(sorted(a.alias for a in s.aliases)), claims.get(s.id, 0))
                      for s in session.scalars(select(Speaker)))


ALIAS_ARTICLES = {
    # the first makes "Macron" an alias of Emmanuel Macron; the second names him so
    "a.txt": "« Nous allons réformer le pays », a déclaré Emmanuel Macron mardi à Paris.\n\n"
             "Macron a ajouté que la réforme serait rapide.\n",
    "b.txt": "« La réforme des retraites est prête », a affirmé M. Macron devant les députés.\n",
    "c.txt": "Selon l'AFP, le ministre Gabriel Attal a démenti toute hausse d'impôts.\n\n"
             "« Il n'y aura pas de hausse », a assuré Gabriel Attal.\n",
    "d.txt": "« Le gouvernement ment », a lancé Marine Le Pen, citée par Le Monde.\n\n"
             "Emmanuel Macron a répondu que les chiffres étaient publics.\n",
}


@pytest.mark.parametrize("before", [[], ["a.txt"]])
def test_speakers_met_in_one_commit_are_those_met_one_document_at_a_time(db_url, runner, tmp_path, monkeypatch,
                                                                            one_batch, batches, before):
    """A commit batch looks its speakers up together (by key, then by alias) and flushes them
    once: a name an earlier document made an alias, in the same batch or stored before it, is
    that speaker, as when each document is stored in a transaction of its own."""
    import claimtrack.identity as identity

    monkeypatch.setattr(identity, "IN_CHUNK", 2)  # the speakers' look-ups past one chunk
    folder, first = tmp_path / "articles", tmp_path / "first"
    folder.mkdir()
    first.mkdir()
    for name, text in ALIAS_ARTICLES.items():
        (first if name in before else folder).joinpath(name).write_text(text, encoding="utf-8")
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    for path in sorted([*first.glob("*.txt"), *folder.glob("*.txt")], key=lambda p: p.name):  # one transaction each
        assert runner.invoke(main, ["--db", reference, "ingest", str(path)]).exit_code == 0
    for path in sorted(first.glob("*.txt")):
        assert runner.invoke(main, ["--db", db_url, "ingest", str(path)]).exit_code == 0
    batches.clear()
    assert runner.invoke(main, ["--db", db_url, "ingest", "--jobs", "1", str(folder)]).exit_code == 0
    assert len(batches) == 1  # the folder's documents written in one transaction
    speakers = _speakers(db_url)
    macron = [s for s in speakers if s[0] == "Emmanuel Macron"]
    assert [(s[3], s[4]) for s in macron] == [(("M. Macron", "Macron"), 4)]  # b.txt's claim is his too
    assert len([s for s in speakers if s[1] == "named"]) > 2
    assert speakers == _speakers(reference)
    assert _export(runner, db_url) == _export(runner, reference)
