"""Analysis in worker processes for `ingest --jobs N`, with results identical to one job.

Workers analyse documents ahead of the one being stored. What a document's analysis depends
on besides its own text is the site furniture known when it is stored (lines that recur
across earlier documents); a worker receives the furniture known when the document was sent
out. When the document's turn comes, its lines are checked against what is known then: if
any of them changed status in between, it is analysed again here, as one job would have.
The database is written by this process only, one transaction per document.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from claimtrack.engine import Analysis, Analyzer
from claimtrack.engine.backends import load_backend
from claimtrack.ingestion.batched import still_valid, worth_analysing
from claimtrack.ingestion.reading import SourceText, Unreadable
from claimtrack.store.db import Database

_worker: Analyzer | None = None  # a forked worker inherits the parent's, model loaded


def _die_with_parent() -> None:
    """A worker must not outlive the ingest that started it (a `kill -9` of the parent): Linux
    sends it SIGTERM when its parent dies. Elsewhere the pool's own shutdown has to do."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the line above ran
        os._exit(1)


def _start_worker(backend: str, model: str, engine: str, decision_model: str | None) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    _die_with_parent()
    if _worker is None:  # a spawned worker (no fork on this system) loads its own
        _worker = Analyzer(load_backend(backend, model), engine=engine, model=decision_model)


def _analyze(text: str, name: str, known: frozenset[str], captions: frozenset[str]) -> Analysis:
    assert _worker is not None
    return _worker.analyze(text, name=name, known_boilerplate=known, known_captions=captions)


LOOK_AHEAD = 32  # documents read ahead at a time, and asked together whether the store holds them


class ParallelAnalyses:
    """A window of documents analysed ahead by a pool of `jobs` worker processes."""

    def __init__(self, analyzer: Analyzer, jobs: int, database: Database, reprocess: bool) -> None:
        self.analyzer = analyzer
        self.jobs = jobs
        self.database = database
        self.reprocess = reprocess
        self.window = 2 * jobs
        self.pending: dict[int, tuple[Future, frozenset[str]]] = {}
        self.queued: deque[tuple[int, SourceText]] = deque()  # read ahead, to be sent out
        backend = analyzer.backend
        global _worker
        _worker = analyzer  # forked workers share the loaded model instead of loading it again
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                        initargs=(backend.name, backend.loaded_as, analyzer.engine,
                                                  analyzer.model_path))

    def prime(self, ahead: Iterator[tuple[int, SourceText | Unreadable]], furniture) -> None:
        """Send documents out until `window` of them are being analysed; documents are read ahead
        LOOK_AHEAD at a time, so that the store is asked once for all of them what it holds."""
        while len(self.pending) < self.window:
            if not self.queued:
                taken = list(itertools.islice(ahead, LOOK_AHEAD))
                if not taken:
                    return
                self.queued.extend(worth_analysing(self.database, self.reprocess, taken))
                continue
            index, source = self.queued.popleft()
            known = furniture.known()
            future = self.pool.submit(_analyze, source.text, source.name, known, source.caption_lines)
            self.pending[index] = (future, known)

    def getter(self, index: int, source: SourceText, furniture) -> Callable[[frozenset[str]], Analysis]:
        """What ingest_one calls with the furniture known at the document's turn."""
        def analysis_for(known: frozenset[str]) -> Analysis:
            sent = self.pending.pop(index, None)
            if sent is not None:
                future, sent_known = sent
                analysis = future.result()
                if still_valid(source, analysis, known, sent_known):
                    return analysis
            return self.analyzer.analyze(source.text, name=source.name, known_boilerplate=known,
                                         known_captions=source.caption_lines)
        return analysis_for

    def close(self) -> None:
        for future, _ in self.pending.values():
            future.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)
