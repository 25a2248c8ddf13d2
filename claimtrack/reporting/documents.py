"""What was ingested: one row per document, with its claims and their attributed share."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from claimtrack.store.models import Claim, Document


@dataclass(frozen=True)
class DocumentRow:
    id: int
    name: str
    outlet: str | None
    date: str | None  # publication day; None when unknown
    ingested: str
    claims: int
    attributed: int
    pipeline: str

    @property
    def attributed_share(self) -> float:
        return self.attributed / self.claims if self.claims else 0.0

    def record(self) -> dict:
        return {"id": self.id, "name": self.name, "outlet": self.outlet, "date": self.date,
                "ingested": self.ingested, "claims": self.claims, "attributed": self.attributed,
                "attributed_share": round(self.attributed_share, 4), "pipeline": self.pipeline}


def documents(session: Session) -> list[DocumentRow]:
    """Every document in ingestion order; rejected claims are not counted."""
    counted = (select(Claim.document_id, func.count().label("claims"),
                      func.sum(case((Claim.speaker_type != "editorial", 1), else_=0)).label("attributed"))
               .where(Claim.status != "rejected").group_by(Claim.document_id).subquery())
    rows = session.execute(
        select(Document.id, Document.name, Document.outlet, Document.published, Document.ingested_at,
               Document.pipeline_version, counted.c.claims, counted.c.attributed)
        .outerjoin(counted, counted.c.document_id == Document.id).order_by(Document.id))
    return [DocumentRow(i, name, outlet, published.isoformat() if published else None, ingested.isoformat(),
                        claims or 0, attributed or 0, version)
            for i, name, outlet, published, ingested, version, claims, attributed in rows]
