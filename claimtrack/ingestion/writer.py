"""The rows of analyses: documents, segments, speakers, claims and relays, in bulk.

One document at a time (DocumentWriter: a long one comes as the analyses of its pieces) or
several at once (write_documents: a commit batch of small ones, claimtrack.ingestion.committing).
Either way the rows of a table go in one INSERT for all the analyses given, so that the
process storing results stays cheap beside the ones analysing (`ingest --jobs`): for
one-line articles the statements per document cost as much as their analysis."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone

from sqlalchemy import insert
from sqlalchemy.orm import Session

from claimtrack.engine import Analysis
from claimtrack.engine.lexicons import fold, load
from claimtrack.folding import fold_for_search
from claimtrack.identity import (
    add_alias,
    clean_role,
    is_name_variant,
    speaker_for,
    speaker_key,
    stored_by_alias,
    stored_key,
    stored_speakers,
)
from claimtrack.ingestion.reading import SourceText
from claimtrack.store.models import Claim, ClaimVia, Document, Segment, Speaker


def _scope(type_: str, document_sha256: str) -> str | None:
    """An unnamed source belongs to its article; a named one or an outlet to the whole store."""
    return document_sha256 if type_ == "unnamed" else None


def _attributed(analysis: Analysis) -> list:
    return [item for item in analysis.claims if item.speaker and item.speaker_type != "editorial"]


class SpeakerCache:
    """The speakers met in one transaction, by (key, type, scope): those the claims of a document
    (or of a commit batch) name are looked up in the store together, and a new one is made once.
    Nothing is flushed in between, so the speakers met count for a name another document made
    their alias (identity.speaker_for's `met`, indexed by alias): the speaker found is the one
    found had each document been flushed before the next."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[tuple[str, str, str | None], Speaker] = {}
        self.by_alias: dict[tuple[str, str], list[Speaker]] = {}  # the met speakers by their aliases

    def stored(self, analyses: Sequence[tuple[str, Analysis]]) -> tuple[dict, dict]:
        """What the store holds of the speakers the attributed claims of these (sha256, analysis)
        pairs name: the speakers of their keys, then of the names no key found, as an alias (one
        query each way for them all)."""
        named = {(item.speaker, item.speaker_type, _scope(item.speaker_type, sha256))
                 for sha256, analysis in analyses for item in _attributed(analysis)}
        by_key = stored_speakers(self.session, {(stored_key(name, scope), type_) for name, type_, scope in named})
        by_alias = stored_by_alias(self.session, {(name[:500], type_) for name, type_, scope in named
                                                  if not scope and (stored_key(name), type_) not in by_key})
        return by_key, by_alias

    def speaker(self, stored: tuple[dict, dict], item, document_sha256: str) -> Speaker:
        """The speaker of a claim. A mention becomes a store-wide alias only when it writes the
        name another way (identity.is_name_variant); a description stays the claim's mention.
        An unnamed source is the article's own: nothing tells two articles' "des sources" are one."""
        name, type_, role = item.speaker, item.speaker_type, clean_role(item.role)
        scope = _scope(type_, document_sha256)
        key = (speaker_key(name), type_, scope)
        speaker = self.by_key.get(key)
        if speaker is None:
            by_key, by_alias = stored
            speaker = by_key.get((stored_key(name, scope), type_))
            if speaker is None:
                speaker = speaker_for(self.session, name, type_, role, scope=scope, looked_up=by_alias,
                                      met=self.by_alias)
            self.by_key[key] = speaker
        add_alias(speaker, name)
        if role and not speaker.role:
            speaker.role = role
        if item.mention and fold(item.mention) not in load().pronouns and is_name_variant(item.mention, speaker.name):
            add_alias(speaker, item.mention)
        for alias in speaker.aliases:  # an index, so that a long article's thousands of speakers are not all read
            holders = self.by_alias.setdefault((alias.alias, speaker.type), [])
            if speaker not in holders:
                holders.append(speaker)
        return speaker

    def speakers_of(self, stored: tuple[dict, dict], analysis: Analysis, document_sha256: str) -> dict[int, Speaker]:
        """id(claim) -> its speaker, for the attributed claims of an analysis."""
        return {id(item): self.speaker(stored, item, document_sha256) for item in _attributed(analysis)}


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def document_row(source: SourceText, analysis: Analysis) -> Document:
    """The document's row, from its file and its (first) analysis."""
    pipeline = analysis.pipeline
    return Document(
        name=source.name, source_path=source.path, sha256=source.sha256,
        title=source.title or analysis.title, outlet=source.outlet or analysis.outlet,
        published=_published(source.published or analysis.published), url=source.url, language="fr",
        encoding=source.encoding, text=analysis.text, ingested_at=datetime.now(timezone.utc),
        pipeline_backend=pipeline.backend, pipeline_model=pipeline.model,
        pipeline_version=pipeline.rules_version,
    )


def _claim_row(item, document_id: int, segment_id: int | None, speaker: Speaker | None) -> dict:
    def part(span, n):
        return span[n] if span else None

    return {
        "document_id": document_id, "segment_id": segment_id, "kind": item.kind,
        "start": item.start, "end": item.end, "text": item.text, "text_folded": fold_for_search(item.text),
        "speaker_id": speaker.id if speaker is not None else None, "mention": item.mention,
        "mention_start": part(item.mention_span, 0), "mention_end": part(item.mention_span, 1),
        "speaker_type": item.speaker_type, "mode": item.mode, "cue": item.cue,
        "cue_start": part(item.cue_span, 0), "cue_end": part(item.cue_span, 1),
        "quote_start": part(item.quote_span, 0), "quote_end": part(item.quote_span, 1),
        "confidence": item.confidence, "evidence": item.evidence, "origin": "machine", "status": "machine",
    }


def _insert_returning(session: Session, table, rows: list[dict]) -> list[int]:
    """Core INSERT of the rows (not the ORM's bulk path, which costs more than the rows), their
    ids in the rows' order."""
    if not rows:
        return []
    return list(session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))


Contents = tuple[int, int, Analysis, dict[int, Speaker]]  # document id, first segment's position, analysis, speakers


def _insert_contents(session: Session, parts: Sequence[Contents]) -> list[list[int]]:
    """The segments, claims and relays of analyses whose document and speakers have ids, given as
    (document id, position of its first segment, analysis, its claims' speakers): one INSERT per
    table for them all. Returns each analysis's claim ids, in analysis order."""
    segment_rows = [{"document_id": document_id, "position": position, "paragraph": seg.paragraph,
                     "kind": seg.kind, "start": seg.start, "end": seg.end, "text": seg.text}
                    for document_id, first, analysis, _speakers in parts
                    for position, seg in enumerate(analysis.segments, start=first)]
    segment_ids = iter(_insert_returning(session, Segment.__table__, segment_rows))
    claim_rows = []
    for document_id, _first, analysis, speakers in parts:
        segment_at = {(seg.start, seg.end): next(segment_ids) for seg in analysis.segments}
        claim_rows.extend(_claim_row(item, document_id, segment_at.get((item.start, item.end)), speakers.get(id(item)))
                          for item in analysis.claims)
    claim_ids = iter(_insert_returning(session, Claim.__table__, claim_rows))
    per_analysis = [[next(claim_ids) for _ in analysis.claims] for _d, _f, analysis, _s in parts]
    via_rows = [{"claim_id": claim_id, "position": n, "outlet": name}
                for (_d, _f, analysis, _s), ids in zip(parts, per_analysis, strict=True)
                for item, claim_id in zip(analysis.claims, ids, strict=True) for n, name in enumerate(item.via)]
    if via_rows:
        session.execute(insert(ClaimVia.__table__), via_rows)
    return per_analysis


def write_documents(session: Session, items: Sequence[tuple[SourceText, Analysis]]) -> list[tuple[Document, list[int]]]:
    """Writes whole documents (none in pieces, none stored yet, no two of the same content) into
    the open transaction: one speaker look-up, one flush for the documents and new speakers,
    one INSERT per table. Returns each document's row and its claim ids, in input order; the
    same rows as DocumentWriter writing them one after the other."""
    cache = SpeakerCache(session)
    documents, speakers = [], []
    with session.no_autoflush:  # look-ups need not write what is built so far (the cache holds new speakers)
        stored = cache.stored([(source.sha256, analysis) for source, analysis in items])
        for source, analysis in items:
            documents.append(document_row(source, analysis))
            session.add(documents[-1])
            speakers.append(cache.speakers_of(stored, analysis, source.sha256))
    session.flush()  # the documents' and the new speakers' ids
    claim_ids = _insert_contents(session, [(document.id, 0, analysis, found) for document, (_s, analysis), found
                                           in zip(documents, items, speakers, strict=True)])
    for document in documents:
        session.expire(document, ["segments", "claims"])
    return list(zip(documents, claim_ids, strict=True))


class DocumentWriter:
    """Writes one document to the store: its row, then its segments, speakers, claims and
    relays in bulk, one INSERT per table for each analysis it is given. A long document comes
    as the analyses of its successive pieces (Analyzer.analyze_in_pieces): each is written as
    it comes, in the same transaction, and the speakers met carry over."""

    def __init__(self, session: Session, source: SourceText) -> None:
        self.session = session
        self.source = source
        self.document: Document | None = None
        self.speakers = SpeakerCache(session)  # across pieces
        self.segments = 0  # segments written so far: the next one's position

    def write(self, analysis: Analysis) -> list[int]:
        """Writes an analysis (the whole document's, or its next piece's); returns the ids of its
        claims, in analysis order."""
        session, sha256 = self.session, self.source.sha256
        if self.document is None:
            self.document = document_row(self.source, analysis)
            session.add(self.document)
        with session.no_autoflush:
            speakers = self.speakers.speakers_of(self.speakers.stored([(sha256, analysis)]), analysis, sha256)
        session.flush()  # the document's and the new speakers' ids
        [claim_ids] = _insert_contents(session, [(self.document.id, self.segments, analysis, speakers)])
        self.segments += len(analysis.segments)
        session.expire(self.document, ["segments", "claims"])
        return claim_ids
