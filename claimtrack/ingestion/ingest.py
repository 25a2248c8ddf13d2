"""Ingest: article files into documents, segments, speakers and claims, one transaction each
(claimtrack.ingestion.transaction), several small ones committed together
(claimtrack.ingestion.committing), analysed ahead in this process or in workers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from claimtrack.engine import Analyzer
from claimtrack.engine.pipeline import comes_in_pieces
from claimtrack.ingestion.committing import CommitBatch
from claimtrack.ingestion.reading import SourceText, Unreadable
from claimtrack.ingestion.transaction import FurnitureMemory, IngestResult, ingest_one
from claimtrack.ingestion.writer import DocumentWriter
from claimtrack.store.db import Database, refresh_statistics

__all__ = ["DocumentWriter", "FurnitureMemory", "IngestResult", "auto_jobs", "ingest_one", "ingest_sources"]


DOCUMENTS_PER_WORKER = 8  # below this a worker's model load costs more than its share of the work


def auto_jobs(documents: int) -> int:
    """One worker per core, but one process for a batch too small to pay for loading the model
    in each worker."""
    return max(1, min(os.cpu_count() or 1, documents // DOCUMENTS_PER_WORKER))


def ingest_sources(
    database: Database,
    sources: Iterable[SourceText | Unreadable],
    analyzer: Analyzer,
    *,
    reprocess: bool = False,
    on_result: Callable[[IngestResult], None] | None = None,
    jobs: int = 1,
) -> list[IngestResult]:
    """Analyse and store each source; a failure is reported and the next document goes on.

    Each document is all-or-nothing. Without `reprocess`, documents of ordinary length share a
    transaction, committed every few documents (claimtrack.ingestion.committing); a result is
    reported once committed. With `jobs` > 1 the analysis runs in that many worker processes
    while this one stores the results in input order: the results are the same (see
    claimtrack.ingestion.parallel)."""
    sources = list(sources)
    results: list[IngestResult] = []

    def report(result: IngestResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)

    furniture = FurnitureMemory(database)
    analyses = None
    several = sum(isinstance(s, SourceText) for s in sources) > 1
    if jobs > 1 and several:
        from claimtrack.ingestion.parallel import ParallelAnalyses

        analyses = ParallelAnalyses(analyzer, jobs, database, reprocess)
    elif several:
        from claimtrack.ingestion.batched import BatchedAnalyses

        analyses = BatchedAnalyses(analyzer, database, reprocess)
    batch = CommitBatch(database, analyzer, furniture, report) if several and not reprocess else None
    try:
        ahead = iter(enumerate(sources))
        if analyses is not None:
            analyses.prime(ahead, furniture)
        for index, source in enumerate(sources):
            if isinstance(source, Unreadable):
                result = IngestResult(source.name, "failed", reason=source.reason)
                if batch is not None:
                    batch.hold(result)
                else:
                    report(result)
                continue
            whole = not comes_in_pieces(source.text)
            analyze = analyses.getter(index, source, furniture) if analyses is not None and whole else None
            if batch is not None and whole:
                batch.add(source, analyze)
                if batch.due():
                    batch.commit()
            else:
                if batch is not None:
                    batch.commit()  # a long document goes alone, in pieces
                report(ingest_one(database, source, analyzer, reprocess=reprocess, furniture=furniture,
                                  analyze=analyze))
            if analyses is not None:
                analyses.prime(ahead, furniture)
        if batch is not None:
            batch.commit()
    finally:
        if batch is not None:
            batch.abandon()
        if analyses is not None:
            analyses.close()
    if any(r.status in ("ingested", "reprocessed") for r in results):
        refresh_statistics(database)
    return results
