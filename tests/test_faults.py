"""Processes killed mid-ingest and processes working on one database at once.

These run the real command line in subprocesses (a kill must hit a real process), on SQLite and,
when CLAIMTRACK_TEST_POSTGRES_URL names a server, on a fresh PostgreSQL database too.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from claimtrack.store.db import resolve_url
from tests.conftest import SEEDS

REPETITIONS = int(os.environ.get("CLAIMTRACK_CONCURRENCY_REPETITIONS", "10"))


def _cli(db: str, *args: str, stdin: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimtrack", "--db", db, *args], input=stdin, text=True,
                          capture_output=True, timeout=timeout, env={**os.environ, "COLUMNS": "200"})


def _articles(folder: Path, copies: int, tag: str = "") -> list[Path]:
    """Copies of the seeds made distinct (a line added), so that none is 'already' there."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            path = folder / f"{tag}{n:02d}_{seed.name}"
            path.write_text(seed.read_text(encoding="utf-8") + f"\n\nCopie {tag}{n}.\n", encoding="utf-8")
            paths.append(path)
    return paths


def _rows(db: str, sql: str) -> list[tuple]:
    engine = create_engine(resolve_url(db))
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql))]
    finally:
        engine.dispose()


def test_sigkill_during_ingest_leaves_only_whole_documents(tmp_path):
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    articles = _articles(tmp_path / "articles", 6)
    for delay in (1.0, 5.0, 8.0, 11.0):  # before the first commit, and between documents
        process = subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", db, "ingest",
                                    str(tmp_path / "articles")], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        path = tmp_path / "claims.db"
        if not path.exists():
            continue
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # every committed document is complete: its segments and claims are all there
        for doc_id, claims, segments in connection.execute(
                "SELECT d.id, (SELECT count(*) FROM claims c WHERE c.document_id = d.id),"
                " (SELECT count(*) FROM segments s WHERE s.document_id = d.id) FROM documents d"):
            assert segments > 0 and claims > 0, doc_id
        assert connection.execute("SELECT count(*) FROM claims WHERE document_id NOT IN "
                                  "(SELECT id FROM documents)").fetchone()[0] == 0
        connection.close()
    finished = _cli(db, "ingest", str(tmp_path / "articles"))
    assert finished.returncode == 0, finished.stdout + finished.stderr
    [(documents, distinct)] = _rows(db, "SELECT count(*), count(DISTINCT sha256) FROM documents")
    assert documents == distinct == len(articles)


def _review_answers(n: int) -> str:
    return "c\n" * n + "q\n"


def test_ingests_and_review_sessions_at_once(fresh_db, tmp_path):
    """Two ingests and two scripted review sessions on one database at the same time: no
    "database is locked", no answer lost, every document once."""
    seeded = _cli(fresh_db, "ingest", str(SEEDS))
    assert seeded.returncode == 0, seeded.stderr
    documents = [name for (name,) in _rows(fresh_db, "SELECT name FROM documents ORDER BY name")]
    # the two documents with the most claims: enough undecided claims for every repetition
    busiest = [name for (name,) in _rows(fresh_db, "SELECT d.name FROM documents d JOIN claims c ON "
                                                   "c.document_id = d.id GROUP BY d.name ORDER BY count(*) DESC")][:2]
    expected_reviews = 0
    for repetition in range(REPETITIONS):
        first = _articles(tmp_path / f"a{repetition}", 1, tag=f"a{repetition}_")[:2]
        second = _articles(tmp_path / f"b{repetition}", 1, tag=f"b{repetition}_")[:2]
        overlap = [second[0]]  # both ingests get this file: it must land once
        env = {**os.environ, "COLUMNS": "200"}
        ingest = [subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", fresh_db, "ingest",
                                    *map(str, batch + overlap)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, env=env) for batch in (first, second)]
        answers = 2
        reviewers = [subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", fresh_db, "review", "--doc", doc,
                                       "--reviewer", f"r{k}"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=env)
                     for k, doc in enumerate(busiest)]
        outputs = [p.communicate(input=_review_answers(answers), timeout=600) for p in reviewers]
        outputs += [p.communicate(timeout=600) for p in ingest]
        for process, (out, err) in zip(reviewers + ingest, outputs, strict=True):
            assert process.returncode == 0, out + err
            assert "locked" not in (out + err).lower(), out + err
        expected_reviews += answers * len(reviewers)
        [(reviews,)] = _rows(fresh_db, "SELECT count(*) FROM reviews")
        assert reviews == expected_reviews  # not one answer lost
    [(total, distinct)] = _rows(fresh_db, "SELECT count(*), count(DISTINCT sha256) FROM documents")
    assert total == distinct == len(documents) + REPETITIONS * 4


def test_first_use_of_a_new_file_by_several_commands_at_once(tmp_path):
    """Four commands starting together on a file that does not exist yet: the schema is built
    once, whole, and every command works on it."""
    db = str(tmp_path / "new.db")
    commands = [["db", "upgrade"], ["db", "upgrade"], ["evaluate", "--help"], ["db", "upgrade"]]
    processes = [subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", db, *c], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for c in commands]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, out + err
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    connection.close()
    assert not list(tmp_path.glob(".new.db.*"))  # no scratch file left behind
