"""One document in one transaction: what ingest says of it, and the site furniture learnt so far."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimtrack.engine import Analysis, Analyzer
from claimtrack.engine.pipeline import Request
from claimtrack.engine.text.kinds import normalise_line
from claimtrack.ingestion.reading import SourceText
from claimtrack.ingestion.writer import DocumentWriter
from claimtrack.provenance.grouping import assign_groups, groups_of_documents, refresh_groups
from claimtrack.store.db import Database
from claimtrack.store.models import Batch, BatchItem, Claim, Document, Segment


@dataclass(frozen=True)
class IngestResult:
    """One line of the ingest summary."""

    name: str
    status: str  # ingested | reprocessed | already | failed
    claims: int = 0
    attributed: int = 0
    unsourced: int = 0
    skipped: int = 0  # captions and boilerplate kept out of the claim list
    reason: str | None = None
    document_id: int | None = None
    published: str | None = None  # the publication day found or given; None: unknown


class FurnitureMemory:
    """Short lines that recur verbatim across the corpus are site furniture ("Suivez-nous",
    a section name): a line seen in `min_documents` documents is boilerplate from then on.
    Long sentences never count: wire copy is legitimately repeated across outlets."""

    def __init__(self, database: Database, min_documents: int = 3, max_words: int = 10) -> None:
        self.min_documents = min_documents
        self.max_words = max_words
        self.counts: Counter[str] = Counter()
        self._known: frozenset[str] | None = None
        with database.session() as session:
            rows = session.execute(select(Segment.text, func.count(func.distinct(Segment.document_id)))
                                   .where(func.length(Segment.text) <= max_words * 25).group_by(Segment.text))
            for text, documents in rows:
                if self._short(text):
                    self.counts[normalise_line(text)] += documents

    def _short(self, text: str) -> bool:
        return len(text.split()) <= self.max_words

    def known(self) -> frozenset[str]:
        """Asked before every document (twice with worker processes): made again only after a
        line has come to its threshold, not from all the counts each time."""
        if self._known is None:
            self._known = frozenset(line for line, n in self.counts.items() if n >= self.min_documents - 1)
        return self._known

    def lines_of(self, analysis: Analysis) -> set[str]:
        """The short lines of an analysis (a document's, or a piece's of a long one)."""
        return {normalise_line(s.text) for s in analysis.segments if self._short(s.text)}

    def add(self, lines: set[str]) -> None:
        """Counts one more document for each of its short lines (FurnitureMemory.lines_of)."""
        for line in lines:
            self.counts[line] += 1
            if self.counts[line] == self.min_documents - 1:
                self._known = None

    def remove(self, lines: set[str]) -> None:
        """Takes back `add` for a document whose transaction was rolled back after all."""
        for line in lines:
            if self.counts[line] == self.min_documents - 1:
                self._known = None
            self.counts[line] -= 1


@dataclass
class Tally:
    """What the ingest summary says of a document, added up over its pieces."""

    claims: int = 0
    editorial: int = 0
    skipped: int = 0

    def add(self, analysis: Analysis) -> None:
        self.claims += len(analysis.claims)
        self.editorial += sum(1 for c in analysis.claims if c.speaker_type == "editorial")
        self.skipped += sum(1 for s in analysis.segments if s.kind in ("caption", "boilerplate"))

    def result(self, name: str, status: str, document_id: int | None) -> IngestResult:
        return IngestResult(name, status, self.claims, self.claims - self.editorial, self.editorial, self.skipped,
                            document_id=document_id)



def result_of(source: SourceText, tally: Tally, status: str, document: Document) -> IngestResult:
    """The summary line of a document written (ingested or reprocessed)."""
    result = replace(tally.result(source.name, status, document.id),
                     published=document.published.isoformat() if document.published else None)
    if source.encoding == "utf-8 (repaired)":  # said in the summary: a reviewer may meet a �
        stray = source.text.count("\ufffd")
        result = replace(result, reason=f"UTF-8 with {stray} stray byte(s) not UTF-8, shown as �")
    return result


def _batch_items_of(session: Session, document_id: int) -> list[tuple[int, str, int, int, int]]:
    """(batch id, batch name, position, claim start, claim end) of the document's sampled claims."""
    rows = session.execute(select(BatchItem.batch_id, Batch.name, BatchItem.position, Claim.start, Claim.end)
                           .join(Claim, BatchItem.claim_id == Claim.id).join(Batch, BatchItem.batch_id == Batch.id)
                           .where(Claim.document_id == document_id))
    return [tuple(row) for row in rows]


def _restore_batch_items(session: Session, document: Document, drawn: list) -> list[str]:
    """Saved samples keep what was drawn across a reprocess: each sampled claim is re-pointed at
    the new claim over the same sentence (the most overlapping one). Returns the names of the
    batches that lost a claim because no new claim covers its sentence any more."""
    lost = []
    claims = [(c.start, c.end, c.id) for c in document.claims]
    for batch_id, name, position, start, end in drawn:
        best = max(claims, key=lambda c: min(end, c[1]) - max(start, c[0]), default=None)
        if best is None or min(end, best[1]) - max(start, best[0]) < (end - start) / 2:
            lost.append(name)
            continue
        session.add(BatchItem(batch_id=batch_id, claim_id=best[2], position=position))
    session.flush()
    return lost


def stored_document(session: Session, source: SourceText) -> Document | None:
    """The document already holding this exact content (same sha256), if any."""
    return session.scalars(select(Document).where(Document.sha256 == source.sha256)).first()


def already(source: SourceText, existing: Document, how: str = "") -> IngestResult:
    return IngestResult(source.name, "already", len(existing.claims), document_id=existing.id,
                        reason=f"same content as document {existing.id} ({existing.name}){how}")


def ingest_one(database: Database, source: SourceText, analyzer: Analyzer, *, reprocess: bool = False,
               furniture: FurnitureMemory | None = None,
               analyze: Callable[[frozenset[str]], Analysis] | None = None) -> IngestResult:
    """One document in one transaction. `analyze(known_furniture)` gives its analysis when the
    caller has it made elsewhere (worker processes); by default `analyzer` makes it here.

    Two ingests writing at once may deadlock on PostgreSQL (each holds a speaker or a group the
    other needs): the database rolls one back, and `Database.run` tries that document again from
    the start (analysed again if need be), as it does a reviewer's answer."""
    try:
        result, lines = database.run(
            lambda session: ingest_transaction(session, source, analyzer, reprocess, furniture, analyze))
    except IntegrityError:
        # another process stored the same text between our look and our commit: it is there once
        with database.session() as session:
            existing = stored_document(session, source)
            if existing is not None:
                return already(source, existing, ", stored meanwhile by another ingest")
        return IngestResult(source.name, "failed", reason="the database refused the document (integrity)")
    except Exception as error:  # one bad document must not stop the batch; its transaction rolled back
        return IngestResult(source.name, "failed", reason=f"{type(error).__name__}: {error}".splitlines()[0])
    if furniture and result.status in ("ingested", "reprocessed"):
        furniture.add(lines)  # counted once the document is committed
    return result


def ingest_transaction(session: Session, source: SourceText, analyzer: Analyzer, reprocess: bool,
                        furniture: FurnitureMemory | None, analyze: Callable[[frozenset[str]], Analysis] | None,
                        ) -> tuple[IngestResult, set[str]]:
    """The document's one transaction: its result, and its short lines for the furniture memory.
    (Several small documents share one: claimtrack.ingestion.committing.)"""
    lines: set[str] = set()
    existing = stored_document(session, source)
    if existing and not reprocess:
        return already(source, existing), lines
    if existing:
        reviewed = sum(len(c.reviews) for c in existing.claims)
        if reviewed:
            return IngestResult(source.name, "failed", reason=(
                f"document {existing.id} has {reviewed} review(s); reprocessing would drop them")), lines
        drawn = _batch_items_of(session, existing.id)
        left_groups = groups_of_documents(session, [existing.id])
        session.delete(existing)
        session.flush()
    known = furniture.known() if furniture else frozenset()
    # a long document comes in pieces, each stored before the next is analysed
    pieces = [analyze(known)] if analyze is not None else analyzer.analyze_in_pieces(
        Request(source.text, source.name, known, source.caption_lines))
    writer, tally = DocumentWriter(session, source), Tally()
    for piece in pieces:
        claim_ids = writer.write(piece)
        session.flush()
        assign_groups(session, claim_ids)
        tally.add(piece)
        if furniture:
            lines |= furniture.lines_of(piece)
    document = writer.document
    assert document is not None  # an analysis has one piece at least
    lost = _restore_batch_items(session, document, drawn) if existing else []
    if existing:
        refresh_groups(session, left_groups)
    result = result_of(source, tally, "reprocessed" if existing else "ingested", document)
    if lost:
        batches = ", ".join(sorted(set(lost)))
        result = replace(result, reason=f"{len(lost)} sampled claim(s) no longer exist and left "
                                        f"batch(es) {batches}")
    return result, lines
