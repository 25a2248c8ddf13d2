"""Ingest: article files into documents, segments, speakers and claims, one transaction each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimtrack.db import Database
from claimtrack.engine import Analysis, Analyzer
from claimtrack.engine.kinds import normalise_line
from claimtrack.engine.lexicons import fold, load
from claimtrack.identity import add_alias, speaker_for, speaker_key
from claimtrack.models import Batch, BatchItem, Claim, ClaimVia, Document, Segment, Speaker
from claimtrack.provenance.grouping import assign_groups, groups_of_documents, refresh_groups
from claimtrack.reading import SourceText, Unreadable


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


class FurnitureMemory:
    """Short lines that recur verbatim across the corpus are site furniture ("Suivez-nous",
    a section name): a line seen in `min_documents` documents is boilerplate from then on.
    Long sentences never count: wire copy is legitimately repeated across outlets."""

    def __init__(self, database: Database, min_documents: int = 3, max_words: int = 10) -> None:
        self.min_documents = min_documents
        self.max_words = max_words
        self.counts: Counter[str] = Counter()
        with database.session() as session:
            rows = session.execute(select(Segment.text, func.count(func.distinct(Segment.document_id)))
                                   .where(func.length(Segment.text) <= max_words * 25).group_by(Segment.text))
            for text, documents in rows:
                if self._short(text):
                    self.counts[normalise_line(text)] += documents

    def _short(self, text: str) -> bool:
        return len(text.split()) <= self.max_words

    def known(self) -> frozenset[str]:
        return frozenset(line for line, n in self.counts.items() if n >= self.min_documents - 1)

    def add(self, analysis: Analysis) -> None:
        self.counts.update({normalise_line(s.text) for s in analysis.segments if self._short(s.text)})


def _speaker(session: Session, cache: dict, name: str, type_: str, role: str | None, alias: str | None) -> Speaker:
    key = (speaker_key(name), type_)
    speaker = cache.get(key)
    if speaker is None:
        speaker = cache[key] = speaker_for(session, name, type_, role)
    add_alias(speaker, name)
    if role and not speaker.role:
        speaker.role = role
    if alias and fold(alias) not in load().pronouns:
        add_alias(speaker, alias)
    return speaker


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def store_analysis(session: Session, source: SourceText, analysis: Analysis) -> Document:
    pipeline = analysis.pipeline
    document = Document(
        name=source.name, source_path=source.path, sha256=source.sha256,
        title=source.title or analysis.title, outlet=source.outlet or analysis.outlet,
        published=_published(source.published or analysis.published), language="fr",
        encoding=source.encoding, text=analysis.text, ingested_at=datetime.now(timezone.utc),
        pipeline_backend=pipeline.backend, pipeline_model=pipeline.model, pipeline_version=pipeline.rules_version,
    )
    session.add(document)
    segment_at: dict[tuple[int, int], Segment] = {}
    for position, seg in enumerate(analysis.segments):
        row = Segment(position=position, paragraph=seg.paragraph, kind=seg.kind, start=seg.start, end=seg.end,
                      text=seg.text)
        document.segments.append(row)
        segment_at[(seg.start, seg.end)] = row
    cache: dict = {}
    for item in analysis.claims:
        speaker = None
        if item.speaker and item.speaker_type != "editorial":
            speaker = _speaker(session, cache, item.speaker, item.speaker_type, item.role, item.mention)
        claim = Claim(
            segment=segment_at.get((item.start, item.end)), kind=item.kind, start=item.start, end=item.end,
            text=item.text, speaker=speaker, mention=item.mention,
            mention_start=item.mention_span[0] if item.mention_span else None,
            mention_end=item.mention_span[1] if item.mention_span else None,
            speaker_type=item.speaker_type, mode=item.mode, cue=item.cue,
            cue_start=item.cue_span[0] if item.cue_span else None,
            cue_end=item.cue_span[1] if item.cue_span else None,
            quote_start=item.quote_span[0] if item.quote_span else None,
            quote_end=item.quote_span[1] if item.quote_span else None,
            confidence=item.confidence, evidence=item.evidence, origin="machine", status="machine",
        )
        claim.via = [ClaimVia(position=n, outlet=name) for n, name in enumerate(item.via)]
        document.claims.append(claim)
    return document


def _summary(name: str, status: str, analysis: Analysis, document_id: int | None) -> IngestResult:
    claims = analysis.claims
    editorial = sum(1 for c in claims if c.speaker_type == "editorial")
    skipped = sum(1 for s in analysis.segments if s.kind in ("caption", "boilerplate"))
    return IngestResult(name, status, len(claims), len(claims) - editorial, editorial, skipped,
                        document_id=document_id)


def ingest_sources(
    database: Database,
    sources: Iterable[SourceText | Unreadable],
    analyzer: Analyzer,
    *,
    reprocess: bool = False,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Analyse and store each source; a failure is reported and the next document goes on."""
    results = []
    furniture = FurnitureMemory(database)
    for source in sources:
        if isinstance(source, Unreadable):
            result = IngestResult(source.name, "failed", reason=source.reason)
        else:
            result = ingest_one(database, source, analyzer, reprocess=reprocess, furniture=furniture)
        results.append(result)
        if on_result:
            on_result(result)
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
               furniture: FurnitureMemory | None = None) -> IngestResult:
    try:
        with database.session() as session:
            existing = _stored(session, source)
            if existing and not reprocess:
                return _already(source, existing)
            if existing:
                reviewed = sum(len(c.reviews) for c in existing.claims)
                if reviewed:
                    return IngestResult(source.name, "failed", reason=(
                        f"document {existing.id} has {reviewed} review(s); reprocessing would drop them"))
                drawn = _batch_items_of(session, existing.id)
                left_groups = groups_of_documents(session, [existing.id])
                session.delete(existing)
                session.flush()
            known = furniture.known() if furniture else frozenset()
            analysis = analyzer.analyze(source.text, name=source.name, known_boilerplate=known,
                                        known_captions=source.caption_lines)
            document = store_analysis(session, source, analysis)
            session.flush()
            lost = _restore_batch_items(session, document, drawn) if existing else []
            assign_groups(session, [c.id for c in document.claims])
            if existing:
                refresh_groups(session, left_groups)
            if furniture:
                furniture.add(analysis)
            result = _summary(source.name, "reprocessed" if existing else "ingested", analysis, document.id)
            if lost:
                batches = ", ".join(sorted(set(lost)))
                result = replace(result, reason=f"{len(lost)} sampled claim(s) no longer exist and left "
                                                f"batch(es) {batches}")
            return result
    except IntegrityError:
        # another process stored the same text between our look and our commit: it is there once
        with database.session() as session:
            existing = _stored(session, source)
            if existing is not None:
                return _already(source, existing, ", stored meanwhile by another ingest")
        return IngestResult(source.name, "failed", reason="the database refused the document (integrity)")
    except Exception as error:  # one bad document must not stop the batch; its transaction rolled back
        return IngestResult(source.name, "failed", reason=f"{type(error).__name__}: {error}".splitlines()[0])
