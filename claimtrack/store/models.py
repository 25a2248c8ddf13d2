"""The schema, as SQLAlchemy 2 typed ORM classes. Tables are created by Alembic migrations only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from claimtrack.folding import fold_for_search

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    source_path: Mapped[str | None] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[datetime | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(2000))  # as a manifest gives it (ingest --manifest)
    language: Mapped[str] = mapped_column(String(8), default="fr")
    encoding: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    pipeline_backend: Mapped[str] = mapped_column(String(32))
    pipeline_model: Mapped[str] = mapped_column(String(100))
    pipeline_version: Mapped[str] = mapped_column(String(32))

    segments: Mapped[list[Segment]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                   order_by="Segment.start")
    claims: Mapped[list[Claim]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                               order_by="Claim.start")


class Segment(Base):
    __tablename__ = "segments"
    __table_args__ = (Index("ix_segments_document_kind", "document_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="segments")


class Speaker(Base):
    __tablename__ = "speakers"
    # unnamed sources are per article (their key carries it): unique by name, type and key
    __table_args__ = (UniqueConstraint("name", "type", "key", name="uq_speakers_name_type_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), index=True)
    # what makes two written names one speaker (claimtrack.identity.speaker_key)
    key: Mapped[str] = mapped_column(String(500), index=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    role: Mapped[str | None] = mapped_column(String(1000))

    aliases: Mapped[list[SpeakerAlias]] = relationship(back_populates="speaker", cascade="all, delete-orphan")


class SpeakerAlias(Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias", name="uq_speaker_aliases_speaker_alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(500), index=True)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_document_start", "document_id", "start"),
                      # `--sort confidence`: least sure first, in document order among equals
                      Index("ix_claims_confidence_order", "confidence", "document_id", "start"),
                      # `stats`: the profile's columns in its grouping order, read from the index alone
                      Index("ix_claims_profile", "document_id", "speaker_type", "verdict", "status", "group_id"),
                      # a group's members, and whether a document is among them (provenance.grouping)
                      Index("ix_claims_group_document", "group_id", "document_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="claim")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # `text` as search reads it, case and accents folded (claimtrack.folding); the trigram indexes
    # cover this copy. Set whenever `text` is (the validator below; bulk inserts pass it themselves)
    text_folded: Mapped[str | None] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"), index=True)
    mention: Mapped[str | None] = mapped_column(String(1000))
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    speaker_type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    cue: Mapped[str | None] = mapped_column(String(300))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    quote_start: Mapped[int | None] = mapped_column(Integer)
    quote_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    # the engine rule that decided the attribution (claimtrack.engine.calibration); None for claims a reviewer added
    evidence: Mapped[str | None] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16), default="machine")
    # the same claim in other documents (claimtrack.provenance.grouping); None when it is in no other
    group_id: Mapped[int | None] = mapped_column(Integer)
    # the latest review, denormalised for filtering; the history is in `reviews`
    status: Mapped[str] = mapped_column(String(16), default="machine", index=True)
    verdict: Mapped[str | None] = mapped_column(String(16))

    document: Mapped[Document] = relationship(back_populates="claims")
    segment: Mapped[Segment | None] = relationship()
    speaker: Mapped[Speaker | None] = relationship()
    via: Mapped[list[ClaimVia]] = relationship(back_populates="claim", cascade="all, delete-orphan",
                                               order_by="ClaimVia.position")
    reviews: Mapped[list[Review]] = relationship(back_populates="claim", cascade="all, delete-orphan",
                                                 order_by="Review.id")

    @validates("text")
    def _fold_text(self, key: str, value: str) -> str:
        self.text_folded = fold_for_search(value) if value is not None else None
        return value


class ClaimVia(Base):
    __tablename__ = "claim_via"
    __table_args__ = (UniqueConstraint("claim_id", "position", name="uq_claim_via_claim_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    outlet: Mapped[str] = mapped_column(String(300), index=True)

    claim: Mapped[Claim] = relationship(back_populates="via")


class Review(Base):
    """Append-only: a row is never updated; the claim's current state is its latest row."""

    __tablename__ = "reviews"
    # "what did this reviewer decide" (`--reviewed-by`) reads one reviewer's rows, not all of them
    __table_args__ = (Index("ix_reviews_reviewer_claim", "reviewer", "claim_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    verdict: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    changes: Mapped[str | None] = mapped_column(Text)  # JSON: {"field": [before, after]}
    reviewer: Mapped[str] = mapped_column(String(200))
    batch: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    claim: Mapped[Claim] = relationship(back_populates="reviews")


class Batch(Base):
    """A stored spot-check sample: enough to draw it again (seed, filter, size, tool version)."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    seed: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    stratify_by: Mapped[str | None] = mapped_column(String(32))
    filters: Mapped[str] = mapped_column(Text)  # JSON
    tool_version: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    items: Mapped[list[BatchItem]] = relationship(back_populates="batch", cascade="all, delete-orphan",
                                                  order_by="BatchItem.position")


class BatchItem(Base):
    __tablename__ = "batch_items"
    __table_args__ = (UniqueConstraint("batch_id", "claim_id", name="uq_batch_items_batch_claim"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"))
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)

    batch: Mapped[Batch] = relationship(back_populates="items")
    claim: Mapped[Claim] = relationship()


class ClaimGroup(Base):
    """One claim carried by several documents. Members point here through `claims.group_id`;
    the counts and the earliest member are kept up to date by claimtrack.provenance.grouping
    (no foreign keys between the two tables: each is rewritten when the other changes)."""

    __tablename__ = "claim_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_claim_id: Mapped[int | None] = mapped_column(Integer)
    first_seen: Mapped[datetime | None] = mapped_column(Date)
    claims: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    # members attributed to more than one speaker (or to a speaker and the article's own voice)
    speakers_differ: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClaimBucket(Base):
    """Where a claim is filed for the candidate search: its exact-wording hash and its MinHash
    band buckets (claimtrack.provenance.fingerprint)."""

    __tablename__ = "claim_buckets"

    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)
