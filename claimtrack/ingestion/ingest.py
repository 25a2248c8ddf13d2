"""Ingest: article files into documents, segments, speakers and claims, one transaction each."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimtrack.engine import Analysis, Analyzer
from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.pipeline import Request, comes_in_pieces
from claimtrack.engine.text.kinds import normalise_line
from claimtrack.folding import fold_for_search
from claimtrack.identity import (
    add_alias,
    clean_role,
    is_name_variant,
    speaker_for,
    speaker_key,
    stored_key,
    stored_speakers,
)
from claimtrack.ingestion.reading import SourceText, Unreadable
from claimtrack.provenance.grouping import assign_groups, groups_of_documents, refresh_groups
from claimtrack.store.db import Database, refresh_statistics
from claimtrack.store.models import Batch, BatchItem, Claim, ClaimVia, Document, Segment, Speaker


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


def _scope(type_: str, document_sha256: str) -> str | None:
    """An unnamed source belongs to its article; a named one or an outlet to the whole store."""
    return document_sha256 if type_ == "unnamed" else None


def _speaker(session: Session, cache: dict, stored: dict, name: str, type_: str, role: str | None,
             alias: str | None, document_sha256: str) -> Speaker:
    """The stored speaker of a claim. A mention becomes a store-wide alias only when it writes
    the name another way (identity.is_name_variant); a description stays the claim's mention.
    An unnamed source is the article's own: nothing tells two articles' "des sources" are one."""
    role = clean_role(role)
    scope = _scope(type_, document_sha256)
    key = (speaker_key(name), type_, scope)
    speaker = cache.get(key)
    if speaker is None:
        speaker = stored.get((stored_key(name, scope), type_))
        if speaker is None:
            speaker = speaker_for(session, name, type_, role, scope=scope)
        cache[key] = speaker
    add_alias(speaker, name)
    if role and not speaker.role:
        speaker.role = role
    if alias and fold(alias) not in load().pronouns and is_name_variant(alias, speaker.name):
        add_alias(speaker, alias)
    return speaker


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class DocumentWriter:
    """Writes one document to the store: its row, then its segments, speakers, claims and
    relays in bulk, one INSERT per table for each analysis it is given, so that the process
    storing results stays cheap beside the ones analysing (`ingest --jobs`). A long document
    comes as the analyses of its successive pieces (Analyzer.analyze_in_pieces): each is written
    as it comes, in the same transaction, and the speakers met carry over."""

    def __init__(self, session: Session, source: SourceText) -> None:
        self.session = session
        self.source = source
        self.document: Document | None = None
        self.speakers: dict = {}  # (key, type, scope) -> Speaker, across pieces
        self.segments = 0  # segments written so far: the next one's position

    def _open(self, analysis: Analysis) -> Document:
        source, pipeline = self.source, analysis.pipeline
        document = Document(
            name=source.name, source_path=source.path, sha256=source.sha256,
            title=source.title or analysis.title, outlet=source.outlet or analysis.outlet,
            published=_published(source.published or analysis.published), url=source.url, language="fr",
            encoding=source.encoding, text=analysis.text, ingested_at=datetime.now(timezone.utc),
            pipeline_backend=pipeline.backend, pipeline_model=pipeline.model,
            pipeline_version=pipeline.rules_version,
        )
        self.session.add(document)
        return document

    def write(self, analysis: Analysis) -> list[int]:
        """Writes an analysis (the whole document's, or its next piece's); returns the ids of its
        claims, in analysis order."""
        session, source = self.session, self.source
        if self.document is None:
            self.document = self._open(analysis)
        document = self.document
        speakers = {}
        attributed = [item for item in analysis.claims if item.speaker and item.speaker_type != "editorial"]
        with session.no_autoflush:  # look-ups need not write what is built so far (the cache holds new speakers)
            stored = stored_speakers(session, {(stored_key(item.speaker, _scope(item.speaker_type, source.sha256)),
                                                item.speaker_type) for item in attributed})
            for item in attributed:
                speakers[id(item)] = _speaker(session, self.speakers, stored, item.speaker, item.speaker_type,
                                              item.role, item.mention, source.sha256)
        session.flush()  # the document's and the new speakers' ids
        segment_rows = [{"document_id": document.id, "position": position, "paragraph": seg.paragraph,
                         "kind": seg.kind, "start": seg.start, "end": seg.end, "text": seg.text}
                        for position, seg in enumerate(analysis.segments, start=self.segments)]
        self.segments += len(segment_rows)
        # Core inserts of the tables (not the ORM's bulk path, which costs more than the rows)
        segments, claims = Segment.__table__, Claim.__table__
        segment_ids = list(session.scalars(insert(segments).returning(segments.c.id, sort_by_parameter_order=True),
                                           segment_rows)) if segment_rows else []
        segment_at = {(seg.start, seg.end): segment_id for seg, segment_id in zip(analysis.segments, segment_ids,
                                                                                  strict=True)}
        claim_rows = []
        for item in analysis.claims:
            speaker = speakers.get(id(item))
            claim_rows.append({
                "document_id": document.id, "segment_id": segment_at.get((item.start, item.end)), "kind": item.kind,
                "start": item.start, "end": item.end, "text": item.text, "text_folded": fold_for_search(item.text),
                "speaker_id": speaker.id if speaker is not None else None, "mention": item.mention,
                "mention_start": item.mention_span[0] if item.mention_span else None,
                "mention_end": item.mention_span[1] if item.mention_span else None,
                "speaker_type": item.speaker_type, "mode": item.mode, "cue": item.cue,
                "cue_start": item.cue_span[0] if item.cue_span else None,
                "cue_end": item.cue_span[1] if item.cue_span else None,
                "quote_start": item.quote_span[0] if item.quote_span else None,
                "quote_end": item.quote_span[1] if item.quote_span else None,
                "confidence": item.confidence, "evidence": item.evidence, "origin": "machine", "status": "machine",
            })
        claim_ids = list(session.scalars(insert(claims).returning(claims.c.id, sort_by_parameter_order=True),
                                         claim_rows)) if claim_rows else []
        via_rows = [{"claim_id": claim_id, "position": n, "outlet": name}
                    for item, claim_id in zip(analysis.claims, claim_ids, strict=True)
                    for n, name in enumerate(item.via)]
        if via_rows:
            session.execute(insert(ClaimVia.__table__), via_rows)
        session.expire(document, ["segments", "claims"])
        return claim_ids


def store_analysis(session: Session, source: SourceText, analysis: Analysis) -> tuple[Document, list[int]]:
    """The document of a whole analysis, written; returns it and its claims' ids, in analysis order."""
    writer = DocumentWriter(session, source)
    claim_ids = writer.write(analysis)
    assert writer.document is not None
    return writer.document, claim_ids


@dataclass
class _Tally:
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

    With `jobs` > 1 the analysis runs in that many worker processes while this one stores the
    results in input order, one transaction per document as with one job: the results are the
    same (see claimtrack.ingestion.parallel)."""
    sources = list(sources)
    results = []
    furniture = FurnitureMemory(database)
    analyses = None
    if jobs > 1 and sum(isinstance(s, SourceText) for s in sources) > 1:
        from claimtrack.ingestion.parallel import ParallelAnalyses

        analyses = ParallelAnalyses(analyzer, jobs, database, reprocess)
    elif sum(isinstance(s, SourceText) for s in sources) > 1:
        from claimtrack.ingestion.batched import BatchedAnalyses

        analyses = BatchedAnalyses(analyzer, database, reprocess)
    try:
        ahead = iter(enumerate(sources))
        if analyses is not None:
            analyses.prime(ahead, furniture)
        for index, source in enumerate(sources):
            if isinstance(source, Unreadable):
                result = IngestResult(source.name, "failed", reason=source.reason)
            else:
                analyze = analyses.getter(index, source, furniture) \
                    if analyses is not None and not comes_in_pieces(source.text) else None
                result = ingest_one(database, source, analyzer, reprocess=reprocess, furniture=furniture,
                                    analyze=analyze)
                if analyses is not None:
                    analyses.prime(ahead, furniture)
            results.append(result)
            if on_result:
                on_result(result)
    finally:
        if analyses is not None:
            analyses.close()
    if any(r.status in ("ingested", "reprocessed") for r in results):
        refresh_statistics(database)
    return results


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


def _stored(session: Session, source: SourceText) -> Document | None:
    """The document already holding this exact content (same sha256), if any."""
    return session.scalars(select(Document).where(Document.sha256 == source.sha256)).first()


def _already(source: SourceText, existing: Document, how: str = "") -> IngestResult:
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
            lambda session: _ingest_transaction(session, source, analyzer, reprocess, furniture, analyze))
    except IntegrityError:
        # another process stored the same text between our look and our commit: it is there once
        with database.session() as session:
            existing = _stored(session, source)
            if existing is not None:
                return _already(source, existing, ", stored meanwhile by another ingest")
        return IngestResult(source.name, "failed", reason="the database refused the document (integrity)")
    except Exception as error:  # one bad document must not stop the batch; its transaction rolled back
        return IngestResult(source.name, "failed", reason=f"{type(error).__name__}: {error}".splitlines()[0])
    if furniture and result.status in ("ingested", "reprocessed"):
        furniture.add(lines)  # counted once the document is committed
    return result


def _ingest_transaction(session: Session, source: SourceText, analyzer: Analyzer, reprocess: bool,
                        furniture: FurnitureMemory | None, analyze: Callable[[frozenset[str]], Analysis] | None,
                        ) -> tuple[IngestResult, set[str]]:
    """The document's one transaction: its result, and its short lines for the furniture memory."""
    lines: set[str] = set()
    existing = _stored(session, source)
    if existing and not reprocess:
        return _already(source, existing), lines
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
    writer, tally = DocumentWriter(session, source), _Tally()
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
    result = replace(tally.result(source.name, "reprocessed" if existing else "ingested", document.id),
                     published=document.published.isoformat() if document.published else None)
    if source.encoding == "utf-8 (repaired)":  # said in the summary: a reviewer may meet a �
        stray = source.text.count("\ufffd")
        result = replace(result, reason=f"UTF-8 with {stray} stray byte(s) not UTF-8, shown as �")
    if lost:
        batches = ", ".join(sorted(set(lost)))
        result = replace(result, reason=f"{len(lost)} sampled claim(s) no longer exist and left "
                                        f"batch(es) {batches}")
    return result, lines
