"""Several documents in one transaction, so that many small files ingest fast.

Each commit costs a write to disk (SQLite's fsync, a server round trip), and grouping asks the
store the same questions for every document: for one-line articles that fixed cost was as
large as their whole analysis (10,000 of them at about 115 a second past the model load).
Documents are analysed in turn for one open transaction and written into it together at its
commit (one speaker look-up, one flush and one INSERT per table for them all: statements per
document cost as much as a one-line article's analysis), their claims grouped together (as
`rebuild_groups` does, claims meeting each other as well as the store's), and the
transaction commits every BATCH_DOCUMENTS documents, BATCH_CLAIMS claims or BATCH_SECONDS
seconds, whichever comes first, so a reviewer writing meanwhile waits no longer than that.

Each document stays all-or-nothing: when one fails, or the write or the commit does, the
transaction is rolled back and its documents are stored again one transaction each
(`ingest_one`, with the analyses already made), a document whose analysis failed last, which
then fails alone with its reason. A result is reported only once its document is committed:
the summary never says "ingested" of a document that an interruption then lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from claimtrack.engine import Analysis, Analyzer
from claimtrack.ingestion.batched import analyse_here
from claimtrack.ingestion.reading import SourceText
from claimtrack.ingestion.transaction import (
    FurnitureMemory,
    IngestResult,
    Tally,
    already,
    ingest_one,
    result_of,
    stored_document,
)
from claimtrack.ingestion.writer import write_documents
from claimtrack.provenance.grouping import assign_groups
from claimtrack.store.db import Database

BATCH_DOCUMENTS = 32
BATCH_CLAIMS = 2000
BATCH_SECONDS = 0.5

Analyze = Callable[[frozenset[str]], Analysis]


@dataclass
class _Pending:
    """A document analysed for the open transaction, written into it at the commit."""

    source: SourceText
    analysis: Analysis
    lines: set[str]  # its short lines, counted in the furniture memory
    result: IngestResult | None = None  # once written
    claim_ids: list[int] = field(default_factory=list)


@dataclass
class _Twin:
    """A document with the same content as one pending in the same transaction: "already"."""

    source: SourceText
    of: _Pending


class CommitBatch:
    """The open transaction and the documents for it, in input order with the results of
    documents that were never written (unreadable files, content already stored), reported
    with them.

    The documents are analysed as they come and written together at the commit
    (writer.write_documents: one speaker look-up, one flush, one INSERT per table for them
    all), the content hash of each looked up first so that nothing stored is analysed again."""

    def __init__(self, database: Database, analyzer: Analyzer, furniture: FurnitureMemory,
                 report: Callable[[IngestResult], None]) -> None:
        self.database = database
        self.analyzer = analyzer
        self.furniture = furniture
        self.report = report
        self.session: Session | None = None
        self.started = 0.0
        self.held: list[_Pending | _Twin | IngestResult] = []
        self.pending: dict[str, _Pending] = {}  # by sha256

    def _claims(self) -> int:
        return sum(len(item.analysis.claims) for item in self.pending.values())

    def hold(self, result: IngestResult) -> None:
        """A result with nothing to write, reported in its turn among the batch's."""
        if self.session is None:
            self.report(result)
        else:
            self.held.append(result)

    def add(self, source: SourceText, analyze: Analyze | None) -> None:
        """Analyses a document (not one that comes in pieces) for the open transaction."""
        if self.session is None:
            self.session = self.database.sessions()
            self.session.begin()
            self.started = time.monotonic()
        twin = self.pending.get(source.sha256)
        if twin is not None:
            self.held.append(_Twin(source, twin))
            return
        analysis = None
        try:
            existing = stored_document(self.session, source)
            if existing is not None:
                self.held.append(already(source, existing))
                return
            known = self.furniture.known()
            analysis = analyze(known) if analyze is not None else analyse_here(self.analyzer, source, known)
        except Exception:
            self._one_by_one(failing=(source, analysis))
            return
        lines = self.furniture.lines_of(analysis)
        self.furniture.add(lines)
        self.pending[source.sha256] = _Pending(source, analysis, lines)
        self.held.append(self.pending[source.sha256])

    def due(self) -> bool:
        return self.session is not None and (
            sum(not isinstance(item, IngestResult) for item in self.held) >= BATCH_DOCUMENTS
            or self._claims() >= BATCH_CLAIMS or time.monotonic() - self.started >= BATCH_SECONDS)

    def _write(self) -> None:
        """Writes the pending documents into the open transaction and groups their claims."""
        assert self.session is not None
        pending = list(self.pending.values())
        written = write_documents(self.session, [(item.source, item.analysis) for item in pending])
        for item, (document, claim_ids) in zip(pending, written, strict=True):
            tally = Tally()
            tally.add(item.analysis)
            item.result, item.claim_ids = result_of(item.source, tally, "ingested", document), claim_ids
        claim_ids = [c for item in pending for c in item.claim_ids]
        if claim_ids:
            assign_groups(self.session, claim_ids)

    def commit(self) -> None:
        """Writes and groups the batch's documents, commits, and reports their results in input order."""
        if self.session is None:
            return
        try:
            self._write()
            self.session.commit()
        except Exception:
            self._one_by_one()
            return
        self._close()
        held, self.held, self.pending = self.held, [], {}
        for item in held:
            self.report(self._result(item))

    @staticmethod
    def _result(item: _Pending | _Twin | IngestResult) -> IngestResult:
        if isinstance(item, IngestResult):
            return item
        if isinstance(item, _Twin):
            result = item.of.result
            assert result is not None and result.document_id is not None
            return IngestResult(item.source.name, "already", result.claims, document_id=result.document_id,
                                reason=f"same content as document {result.document_id} ({result.name})")
        assert item.result is not None
        return item.result

    def abandon(self) -> None:
        """An interruption: what is not committed is not stored, and not reported."""
        if self.session is not None:
            self.session.rollback()
            self._close()
        self.held, self.pending = [], {}

    def _close(self) -> None:
        assert self.session is not None
        self.session.close()
        self.session = None

    def _one_by_one(self, failing: tuple[SourceText, Analysis | None] | None = None) -> None:
        """Rolls the batch back and stores its documents again, one transaction each."""
        held = self.held
        self.abandon()
        for item in held:
            if isinstance(item, _Pending):
                self.furniture.remove(item.lines)
        redo: list = [item if isinstance(item, IngestResult) else
                      (item.source, item.analysis if isinstance(item, _Pending) else None) for item in held]
        if failing is not None:
            redo.append(failing)
        for item in redo:
            if isinstance(item, IngestResult):
                self.report(item)
                continue
            source, analysis = item
            self.report(ingest_one(self.database, source, self.analyzer, furniture=self.furniture,
                                   analyze=(lambda _known, made=analysis: made) if analysis is not None else None))
