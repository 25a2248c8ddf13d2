"""schema.org ClaimReview JSON-LD for claims that carry a reviewer's verdict."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.store.models import Review
from claimtrack.store.queries import ClaimRow

RATINGS = {"false": 1, "misleading": 2, "unverifiable": 3, "accurate": 5}


def _author(row: ClaimRow, author_type: str) -> dict | None:
    """Who made the claim, only as a person has checked it: a machine's attribution that no
    reviewer confirmed or corrected names no author (neither the speaker nor the article's
    headline); a confirmed editorial claim is its outlet's, when the outlet is known."""
    if row.status not in ("confirmed", "corrected"):
        return None
    if row.speaker_type == "editorial" or not row.speaker:
        return {"@type": "Organization", "name": row.outlet} if row.outlet else None
    return {"@type": author_type, "name": row.speaker}


def claimreview(row: ClaimRow, review: Review) -> dict:
    author_type = "Person" if row.speaker_type in ("named", "unnamed") else "Organization"
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": " ".join(row.text.split()),
        "itemReviewed": {
            "@type": "Claim",
            "author": _author(row, author_type),
            "appearance": {"@type": "CreativeWork", "name": row.title or row.document,
                           "identifier": f"sha256:{row.document_sha256}",
                           "publisher": {"@type": "Organization", "name": row.outlet} if row.outlet else None},
        },
        "reviewRating": {"@type": "Rating", "alternateName": row.verdict, "ratingValue": RATINGS[row.verdict],
                         "bestRating": 5, "worstRating": 1},
        "author": {"@type": "Person", "name": review.reviewer},
        "datePublished": review.created_at.date().isoformat(),
    }


def write_claimreview(session: Session, rows: Iterable[ClaimRow], out: TextIO) -> int:
    """A JSON array of ClaimReview objects, one per claim with a verdict, written as it goes."""
    count = 0
    out.write("[")
    for row in rows:
        if not row.verdict:
            continue
        review = session.scalars(select(Review).where(Review.claim_id == row.id, Review.action == "verdict")
                                 .order_by(Review.id.desc())).first()
        if review is None:
            continue
        item = claimreview(row, review)
        if item["itemReviewed"]["appearance"]["publisher"] is None:
            del item["itemReviewed"]["appearance"]["publisher"]
        if item["itemReviewed"]["author"] is None:
            del item["itemReviewed"]["author"]
        out.write(("," if count else "") + "\n" + json.dumps(item, ensure_ascii=False, indent=2))
        count += 1
    out.write("\n]\n")
    return count
