"""Analysis in worker processes for `ingest --jobs N`, with results identical to one job.

Workers analyse documents ahead of the one being stored. What a document's analysis depends
on besides its own text is the site furniture known when it is stored (lines that recur
across earlier documents); a worker receives the furniture known when the document was sent
out. When the document's turn comes, its lines are checked against what is known then: if
any of them changed status in between, it is analysed again here, as one job would have.
Short documents go out several to a task; one whose analysis fails is analysed again here
with its task-mates, so that it fails alone. The database is written by this process only,
each document all-or-nothing (claimtrack.ingestion.committing).
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
from claimtrack.engine.pipeline import Request
from claimtrack.ingestion.batched import analyse_here, still_valid, worth_analysing
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


def _analyze(requests: list[Request]) -> list[Analysis]:
    assert _worker is not None
    return _worker.analyze_many(requests)


LOOK_AHEAD = 32  # documents read ahead at a time, and asked together whether the store holds them
# Short documents go to a worker several at a time: a one-line article sent alone cost its task
# (pickling, a parser call of its own) more than its analysis, and two workers ingested 10,000
# of them hardly faster than one. An ordinary article (news200: 6,000 characters on average)
# still goes alone, so that the parent can store it as soon as it is analysed.
TASK_DOCUMENTS = 16
TASK_CHARACTERS = 8_000


class ParallelAnalyses:
    """A window of documents analysed ahead by a pool of `jobs` worker processes."""

    def __init__(self, analyzer: Analyzer, jobs: int, database: Database, reprocess: bool) -> None:
        self.analyzer = analyzer
        self.jobs = jobs
        self.database = database
        self.reprocess = reprocess
        self.window = 2 * jobs  # tasks being analysed
        self.pending: dict[int, tuple[Future, int, frozenset[str]]] = {}  # index -> task, place in it, furniture
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
        """Send tasks out until `window` of them are being analysed; documents are read ahead
        LOOK_AHEAD at a time, so that the store is asked once for all of them what it holds."""
        while len({id(future) for future, _, _ in self.pending.values()}) < self.window:
            if not self.queued:
                taken = list(itertools.islice(ahead, LOOK_AHEAD))
                if not taken:
                    return
                self.queued.extend(worth_analysing(self.database, self.reprocess, taken))
                continue
            task = [self.queued.popleft()]
            characters = len(task[0][1].text)
            while self.queued and len(task) < TASK_DOCUMENTS \
                    and characters + len(self.queued[0][1].text) <= TASK_CHARACTERS:
                characters += len(self.queued[0][1].text)
                task.append(self.queued.popleft())
            known = furniture.known()
            future = self.pool.submit(_analyze, [Request(source.text, source.name, known, source.caption_lines)
                                                 for _, source in task])
            for place, (index, _) in enumerate(task):
                self.pending[index] = (future, place, known)

    def getter(self, index: int, source: SourceText, furniture) -> Callable[[frozenset[str]], Analysis]:
        """What ingest_one calls with the furniture known at the document's turn."""
        def analysis_for(known: frozenset[str]) -> Analysis:
            sent = self.pending.pop(index, None)
            if sent is not None:
                future, place, sent_known = sent
                try:
                    analysis = future.result()[place]
                except Exception:  # a document of its task failed: each is analysed again here, only it fails
                    analysis = None
                if analysis is not None and still_valid(source, analysis, known, sent_known):
                    return analysis
            return analyse_here(self.analyzer, source, known)
        return analysis_for

    def close(self) -> None:
        for future, _, _ in self.pending.values():
            future.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)
