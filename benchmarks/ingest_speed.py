"""Ingest speed against bare parsing: run by hand, not in CI.

    python benchmarks/ingest_speed.py --corpus ../shared/corpus/news200 [--engine learned|rules]
    python benchmarks/ingest_speed.py --copies 20

Ingests the articles of a folder (or N copies of the seeds, each made unique so that none is
skipped as already there) into a fresh SQLite database through the library the CLI calls, in one
process, and parses the same texts with bare spaCy `nlp.pipe`. Prints documents/s and
sentences/s for both, and their ratio. The decision model is part of the ingest measured.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from claimtrack.engine import Analyzer
from claimtrack.engine.backends import load_backend
from claimtrack.engine.text.segmenter import segment
from claimtrack.ingestion.ingest import ingest_sources
from claimtrack.ingestion.reading import read_bytes
from claimtrack.store.db import Database

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def texts(copies: int) -> list[tuple[str, str]]:
    seeds = sorted(SEEDS.glob("*.txt"))
    return [(f"{n:04d}_{p.name}", p.read_text(encoding="utf-8") + f"\n\nCopie {n}.\n")
            for n in range(copies) for p in seeds]


def folder_texts(folder: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--corpus", type=Path, help="a folder of distinct articles (*.txt) instead of seed copies")
    parser.add_argument("--engine", choices=("learned", "rules"), default="learned")
    args = parser.parse_args()
    corpus = folder_texts(args.corpus) if args.corpus else texts(args.copies)
    sentences = sum(len(segment(text)) for _, text in corpus)
    backend = load_backend("spacy")
    analyzer = Analyzer(backend, engine=args.engine)
    backend.nlp("Échauffement du modèle.")

    start = time.perf_counter()
    for _ in backend.nlp.pipe([text for _, text in corpus], batch_size=64):
        pass
    bare = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/bench.db", create=True)
        sources = [read_bytes(text.encode("utf-8"), name) for name, text in corpus]
        start = time.perf_counter()
        results = ingest_sources(database, sources, analyzer)
        full = time.perf_counter() - start
    assert all(r.status == "ingested" for r in results), [r for r in results if r.status != "ingested"][:3]

    docs = len(corpus)
    print(f"{docs} documents, {sentences} sentences, {sum(len(t) for _, t in corpus):,} characters")
    print(f"bare nlp.pipe      {bare:7.2f} s  {docs / bare:7.1f} docs/s  {sentences / bare:8.1f} sentences/s")
    print(f"claimtrack ingest  {full:7.2f} s  {docs / full:7.1f} docs/s  {sentences / full:8.1f} sentences/s")
    print(f"ratio ingest / bare parsing: {full / bare:.2f}x")


if __name__ == "__main__":
    main()
