"""Export time and peak memory on a large database: run by hand, not in CI.

    python benchmarks/export_memory.py --claims 100000

Builds a database by ingesting the seeds once and copying their documents, claims and vias in
SQL until it holds the asked number of claims, then runs `claimtrack export` (jsonl and csv) in
a child process and prints its wall time and peak resident memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peak import PEAK_MB

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def build(path: Path, claims: int) -> int:
    subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(path), "ingest", str(SEEDS)], check=True,
                   capture_output=True)
    connection = sqlite3.connect(path)
    with connection:
        base = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
        documents = connection.execute("SELECT id FROM documents").fetchall()
        copy = 0
        while connection.execute("SELECT count(*) FROM claims").fetchone()[0] < claims:
            copy += 1
            for (doc_id,) in documents:
                new_doc = connection.execute(
                    "INSERT INTO documents (name, source_path, sha256, title, outlet, published, language, encoding,"
                    " text, ingested_at, pipeline_backend, pipeline_model, pipeline_version)"
                    " SELECT 'copy' || ? || '_' || name, source_path, substr(sha256, 1, 48) || printf('%016d', ?),"
                    " title, outlet, published, language, encoding, text, ingested_at, pipeline_backend,"
                    " pipeline_model, pipeline_version FROM documents WHERE id = ?",
                    (copy, copy * 100 + doc_id, doc_id)).lastrowid
                connection.execute(
                    "INSERT INTO claims (document_id, kind, start, \"end\", text, text_folded, speaker_id, mention,"
                    " speaker_type, mode, cue, confidence, evidence, origin, status, verdict) SELECT ?, kind, start,"
                    " \"end\", text, text_folded,"
                    " speaker_id, mention, speaker_type, mode, cue, confidence, evidence, origin, status, verdict"
                    " FROM claims WHERE document_id = ?", (new_doc, doc_id))
        total = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    connection.close()
    print(f"database: {total:,} claims ({base} ingested, the rest copied in SQL), {path.stat().st_size / 1e6:.0f} MB")
    return total


# the export runs in a fresh interpreter that reports its own peak memory, so that the ingest
# which built the database (with the NLP model loaded) does not count
_EXPORT = PEAK_MB + """
import sys
from claimtrack.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(int(peak_mb() * 1024), file=sys.stderr)
"""


def export(path: Path, fmt: str) -> tuple[float, float, int]:
    out = path.with_suffix(f".{fmt}")
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", _EXPORT, "--db", str(path), "export", "--format", fmt,
                            "-o", str(out)], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    peak_kb = int(child.stderr.strip().splitlines()[-1])
    lines = sum(1 for _ in open(out, encoding="utf-8"))
    return elapsed, peak_kb / 1024, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "big.db"
        total = build(path, args.claims)
        for fmt in ("jsonl", "csv"):
            elapsed, peak_mb, lines = export(path, fmt)
            print(f"export {fmt:5} {elapsed:7.1f} s  {total / elapsed:9,.0f} claims/s  peak RSS {peak_mb:6.0f} MB"
                  f"  ({lines:,} lines)")


if __name__ == "__main__":
    main()
