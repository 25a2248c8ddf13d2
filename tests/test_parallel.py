"""`ingest --jobs N`: the same results as one job, and Ctrl-C leaves only whole documents."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from claimtrack.cli import main
from tests.conftest import SEEDS

VOLATILE = ("id", "claim_id", "date", "group_id", "first_seen_date")


def _copies(folder: Path, copies: int) -> Path:
    """The seeds several times over, each copy a new document; their short lines recur across
    copies, so site furniture is learnt while the batch runs and documents analysed ahead of it
    must be analysed again."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{n:02d}_{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopie {n}.\n",
                                                         encoding="utf-8")
    return folder


def _export(runner, db: str) -> list[dict]:
    result = runner.invoke(main, ["--db", db, "export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    for row in rows:
        for key in VOLATILE:
            row.pop(key, None)
    return sorted(rows, key=lambda r: (r["document"], r["start"]))


def test_two_jobs_give_what_one_job_gives(runner, tmp_path, analyzer):
    folder = _copies(tmp_path / "articles", 5)
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    first = runner.invoke(main, ["--db", one, "ingest", "--jobs", "1", str(folder)])
    second = runner.invoke(main, ["--db", two, "ingest", "--jobs", "2", str(folder)])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    exported = _export(runner, two)
    assert len(exported) > 500  # past one export chunk
    assert exported == _export(runner, one)
    skipped = [row for row in _export(runner, one) if row["document"].startswith("04_")]
    assert skipped  # the last copies were ingested too
    # the summary table is the same, row for row
    assert first.output.count("ingested") == second.output.count("ingested") == 25


def _interruptible() -> None:
    """Ctrl-C as a terminal delivers it: a test run started in the background of a shell ignores
    SIGINT, and a child inherits that, so it would never see the interrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_workers_and_keeps_whole_documents(tmp_path):
    folder = _copies(tmp_path / "articles", 8)
    db = tmp_path / "claims.db"
    process = subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", str(db), "ingest", "--jobs", "2",
                                str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_interruptible)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if db.exists():
            try:
                with sqlite3.connect(db) as connection:
                    if connection.execute("SELECT count(*) FROM documents").fetchone()[0] >= 2:
                        break
            except sqlite3.OperationalError:
                continue  # the schema is still being made
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)  # workers stopped: the command ends
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    connection = sqlite3.connect(db)
    stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 2 <= stored < 40
    for doc_id, claims, segments in connection.execute(
            "SELECT d.id, (SELECT count(*) FROM claims c WHERE c.document_id = d.id),"
            " (SELECT count(*) FROM segments s WHERE s.document_id = d.id) FROM documents d"):
        assert segments > 0 and claims > 0, doc_id
    connection.close()


def test_workers_die_with_a_killed_ingest(tmp_path):
    """`kill -9` of an ingest leaves no worker process behind."""
    folder = _copies(tmp_path / "articles", 8)
    db = tmp_path / "claims.db"
    process = subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", str(db), "ingest", "--jobs", "2",
                                str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(children) < 2:
        time.sleep(0.2)
        children = _children(process.pid)
    assert len(children) >= 2, "the workers did not start"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in children)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_one_job_analysing_a_window_at_a_time_gives_what_one_document_at_a_time_gives(tmp_path, analyzer,
                                                                                        monkeypatch):
    """`--jobs 1` parses a window of documents together (BatchedAnalyses): the same store as
    analysing and storing each document in turn, though furniture is learnt inside a window
    (copies of the seeds) and a document repeats another's content under a new name."""
    from claimtrack.engine.pipeline import Analyzer
    from claimtrack.ingestion.ingest import FurnitureMemory, ingest_one, ingest_sources
    from claimtrack.ingestion.reading import read_path
    from claimtrack.store.db import Database

    folder = _copies(tmp_path / "articles", 3)
    first = sorted(folder.glob("*.txt"))[0]
    (folder / (first.stem + "_again.txt")).write_bytes(first.read_bytes())  # in the first window
    sources = [read_path(path) for path in sorted(folder.glob("*.txt"))]
    windows = []
    original = Analyzer.analyze_many

    def counted(self, requests, keep_candidates=False):
        windows.append(len(requests))
        return original(self, requests, keep_candidates)

    monkeypatch.setattr(Analyzer, "analyze_many", counted)
    monkeypatch.setattr("claimtrack.ingestion.batched.WINDOW_DOCUMENTS", 4)
    batched_db, single_db = f"sqlite:///{tmp_path / 'batched.db'}", f"sqlite:///{tmp_path / 'single.db'}"
    batched = ingest_sources(Database(batched_db, create=True), sources, analyzer, jobs=1)
    # windows of four all along: the repeated content, never used, did not hold its place
    assert windows.count(4) == len(sources) // 4, windows
    single_database = Database(single_db, create=True)
    furniture = FurnitureMemory(single_database)
    single = [ingest_one(single_database, source, analyzer, furniture=furniture) for source in sources]
    assert [(r.name, r.status, r.claims, r.skipped) for r in batched] == \
        [(r.name, r.status, r.claims, r.skipped) for r in single]
    assert [r.status for r in batched].count("already") == 1
    assert any(r.skipped for r in batched if r.name.startswith("02_"))  # furniture learnt during the run
    from click.testing import CliRunner

    runner = CliRunner()
    assert _export(runner, batched_db) == _export(runner, single_db)
