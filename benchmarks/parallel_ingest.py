"""`ingest --jobs N` against one job: run by hand, not in CI.

    python benchmarks/parallel_ingest.py --copies 4 --jobs 1 2

Ingests the seeds and, when ../shared is beside the checkout, the dev articles, four times over
into fresh SQLite databases through the library call the CLI makes, once per number of jobs,
after a warm-up run. Two corpora: "distinct" marks every line of each copy with the copy's
number, so that no line recurs across copies (a feed of different articles); "copies" repeats
the articles as they are, so that all their short lines become site furniture while the batch
runs: the worst case for analysing ahead, since a document analysed before a line became
furniture is analysed again when its turn comes. Prints the machine's cores, the time per
run, the speed-up, and how many documents had to be analysed again.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from claimtrack.engine import Analyzer
from claimtrack.engine.backends import load_backend
from claimtrack.ingestion.ingest import ingest_sources
from claimtrack.ingestion.parallel import ParallelAnalyses
from claimtrack.ingestion.reading import read_bytes
from claimtrack.store.db import Database

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT.parent / "shared/annotation/dev").glob("*.txt"))


def corpus(copies: int, distinct: bool) -> list:
    sources = []
    for n in range(copies):
        for path in ARTICLES:
            text = path.read_bytes().decode("utf-8", errors="replace")
            if distinct:
                text = "\n".join(f"{line} ({n})" if line.strip() else line for line in text.splitlines())
            else:
                text += f"\n\nCopie {n}.\n"
            sources.append(read_bytes(text.encode("utf-8"), f"{n}_{path.name}"))
    return sources


def run(analyzer: Analyzer, sources: list, jobs: int) -> tuple[float, int]:
    again = 0
    original = ParallelAnalyses.getter

    def counting(self, index, source, furniture):
        made = self.pending.get(index)
        inner = original(self, index, source, furniture)

        def analysis_for(known):
            nonlocal again
            result = inner(known)
            again += made is None or result is not made[0].result()
            return result
        return analysis_for

    ParallelAnalyses.getter = counting
    try:
        with tempfile.TemporaryDirectory() as folder:
            database = Database(f"sqlite:///{folder}/bench.db", create=True)
            start = time.perf_counter()
            results = ingest_sources(database, sources, analyzer, jobs=jobs)
            elapsed = time.perf_counter() - start
    finally:
        ParallelAnalyses.getter = original
    assert all(r.status == "ingested" for r in results), [r for r in results if r.status != "ingested"][:3]
    return elapsed, again if jobs > 1 else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    analyzer = Analyzer(load_backend("spacy"))
    print(f"machine: {os.cpu_count()} core(s); {len(ARTICLES)} articles x {args.copies} copies")
    for name, distinct in (("distinct", True), ("copies", False)):
        sources = corpus(args.copies, distinct)
        run(analyzer, sources[: len(ARTICLES)], 1)  # warm-up: caches, lexicons, the model's first calls
        base = None
        for jobs in args.jobs:
            elapsed, again = run(analyzer, sources, jobs)
            base = base or elapsed
            print(f"{name:9} --jobs {jobs}: {elapsed:6.1f} s  {len(sources) / elapsed:5.2f} docs/s  "
                  f"speed-up {base / elapsed:4.2f}x  analysed again: {again}")


if __name__ == "__main__":
    main()
