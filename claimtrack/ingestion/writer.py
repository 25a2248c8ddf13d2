"""The rows of one document's analysis: its document row, segments, speakers, claims and relays."""

from __future__ import annotations

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
    stored_key,
    stored_speakers,
)
from claimtrack.ingestion.reading import SourceText
from claimtrack.store.models import Claim, ClaimVia, Document, Segment, Speaker


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
            speaker = speaker_for(session, name, type_, role, scope=scope, key_absent=True)
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
