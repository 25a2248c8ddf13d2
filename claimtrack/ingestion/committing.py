"""Several documents in one transaction, so that many small files ingest fast.

Each commit costs a write to disk (SQLite's fsync, a server round trip), and grouping asks the
store the same questions for every document: for one-line articles that fixed cost was as
large as their whole analysis (10,000 of them at about 115 a second past the model load).
Documents are stored in turn into one open transaction, their claims grouped together (as
`rebuild_groups` does, claims meeting each other as well as the store's), and the
transaction commits every BATCH_DOCUMENTS documents, BATCH_CLAIMS claims or BATCH_SECONDS
seconds, whichever comes first, so a reviewer writing meanwhile waits no longer than that.

Each document stays all-or-nothing: when one fails, or the commit does, the transaction is
rolled back and its documents are stored again one transaction each (`ingest_one`, with the
analyses already made), the failing one last, which then fails alone with its reason. A
result is reported only once its document is committed: the summary never says "ingested"
of a document that an interruption then lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from claimtrack.engine import Analysis, Analyzer
from claimtrack.ingestion.batched import analyse_here
from claimtrack.ingestion.reading import SourceText
from claimtrack.ingestion.transaction import FurnitureMemory, IngestResult, ingest_one, ingest_transaction
from claimtrack.provenance.grouping import assign_groups
from claimtrack.store.db import Database

BATCH_DOCUMENTS = 32
BATCH_CLAIMS = 2000
BATCH_SECONDS = 0.5

Analyze = Callable[[frozenset[str]], Analysis]


@dataclass
class _Stored:
    """A document written into the open transaction, not committed yet."""

    source: SourceText
    analysis: Analysis | None  # None when none was needed (the content was in the store already)
    result: IngestResult
    lines: set[str]  # its short lines, counted in the furniture memory
    claim_ids: list[int] = field(default_factory=list)


class CommitBatch:
    """The open transaction and the documents written into it, in input order with the
    results of documents that were never written (unreadable files), reported with them."""

    def __init__(self, database: Database, analyzer: Analyzer, furniture: FurnitureMemory,
                 report: Callable[[IngestResult], None]) -> None:
        self.database = database
        self.analyzer = analyzer
        self.furniture = furniture
        self.report = report
        self.session: Session | None = None
        self.started = 0.0
        self.held: list[_Stored | IngestResult] = []

    def _claims(self) -> int:
        return sum(len(item.claim_ids) for item in self.held if isinstance(item, _Stored))

    def hold(self, result: IngestResult) -> None:
        """A result with nothing to write, reported in its turn among the batch's."""
        if self.session is None:
            self.report(result)
        else:
            self.held.append(result)

    def add(self, source: SourceText, analyze: Analyze | None) -> None:
        """Writes a document (not one that comes in pieces) into the open transaction."""
        made: list[Analysis] = []

        def recorded(known: frozenset[str]) -> Analysis:
            analysis = analyze(known) if analyze is not None else analyse_here(self.analyzer, source, known)
            made.append(analysis)
            return analysis

        if self.session is None:
            self.session = self.database.sessions()
            self.session.begin()
            self.started = time.monotonic()
        ungrouped: list[int] = []
        try:
            result, lines = ingest_transaction(self.session, source, self.analyzer, False, self.furniture,
                                                recorded, ungrouped)
        except Exception:
            self._one_by_one(failing=(source, made[0] if made else None))
            return
        if result.status == "ingested":
            self.furniture.add(lines)
        self.held.append(_Stored(source, made[0] if made else None, result, lines, ungrouped))

    def due(self) -> bool:
        return self.session is not None and (
            sum(isinstance(item, _Stored) for item in self.held) >= BATCH_DOCUMENTS
            or self._claims() >= BATCH_CLAIMS or time.monotonic() - self.started >= BATCH_SECONDS)

    def commit(self) -> None:
        """Groups the batch's claims, commits, and reports its results in input order."""
        if self.session is None:
            return
        try:
            claim_ids = [c for item in self.held if isinstance(item, _Stored) for c in item.claim_ids]
            if claim_ids:
                assign_groups(self.session, claim_ids)
            self.session.commit()
        except Exception:
            self._one_by_one()
            return
        self._close()
        held, self.held = self.held, []
        for item in held:
            self.report(item.result if isinstance(item, _Stored) else item)

    def abandon(self) -> None:
        """An interruption: what is not committed is not stored, and not reported."""
        if self.session is not None:
            self.session.rollback()
            self._close()
        self.held = []

    def _close(self) -> None:
        assert self.session is not None
        self.session.close()
        self.session = None

    def _one_by_one(self, failing: tuple[SourceText, Analysis | None] | None = None) -> None:
        """Rolls the batch back and stores its documents again, one transaction each."""
        held = self.held
        self.abandon()
        for item in held:
            if isinstance(item, _Stored) and item.result.status == "ingested":
                self.furniture.remove(item.lines)
        redo = [(item.source, item.analysis) if isinstance(item, _Stored) else item for item in held]
        if failing is not None:
            redo.append(failing)
        for item in redo:
            if isinstance(item, IngestResult):
                self.report(item)
                continue
            source, analysis = item
            self.report(ingest_one(self.database, source, self.analyzer, furniture=self.furniture,
                                   analyze=(lambda _known, made=analysis: made) if analysis is not None else None))
