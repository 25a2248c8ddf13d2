"""Reviews: append-only history of what people decided about machine attributions.

Every function here is one transaction at most, called once per answer, so that quitting or a
crash loses nothing already answered. The claim's current state (status, verdict, and the
corrected attribution) is denormalised on the claim; the machine's original stays in history.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from claimtrack.errors import ClaimtrackError
from claimtrack.identity import speaker_for
from claimtrack.store.models import Claim, ClaimVia, Document, Review, Segment

VERDICTS = ("accurate", "misleading", "false", "unverifiable")
# what decides a claim's attribution; a verdict judges the content and leaves the attribution
# machine-extracted until someone confirms or corrects it
DECISIVE_ACTIONS = ("confirm", "correct", "reject", "add")
SPEAKER_TYPES = ("named", "unnamed", "outlet", "editorial")
MODES = ("direct", "indirect", "according_to", "none")


class ReviewError(ClaimtrackError, ValueError):
    """A review that cannot be recorded; the message says why."""


def default_reviewer() -> str:
    """The reviewer's name from the environment, as shells and CI set it."""
    for variable in ("CLAIMTRACK_REVIEWER", "USER", "LOGNAME", "USERNAME"):
        if os.environ.get(variable):
            return os.environ[variable]
    try:
        return getpass.getuser()
    except Exception:  # no user database in some containers
        return "unknown"


def reviewed_claim_ids(session: Session) -> set[int]:
    """Ids of the claims someone has decided on, for reports that count them (a reset, which
    undoes the decisions before it, makes a claim undecided again)."""
    last: dict[int, str] = {}
    for claim_id, action in session.execute(select(Review.claim_id, Review.action)
                                            .where(Review.action.in_((*DECISIVE_ACTIONS, "reset")))
                                            .order_by(Review.id)):
        last[claim_id] = action
    return {claim_id for claim_id, action in last.items() if action != "reset"}


def reviewed_condition():
    """SQL condition: a claim someone has decided on since its last reset (notes and skips do
    not count)."""
    later_reset = aliased(Review)
    return exists().where(Review.claim_id == Claim.id, Review.action.in_(DECISIVE_ACTIONS),
                          ~exists().where(later_reset.claim_id == Claim.id, later_reset.action == "reset",
                                          later_reset.id > Review.id))


@dataclass(frozen=True)
class Correction:
    speaker: str | None = None
    speaker_type: str | None = None
    via: tuple[str, ...] | None = None
    mode: str | None = None


def _get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id, with_for_update=True)  # one reviewer at a time on PostgreSQL
    if claim is None:
        raise ReviewError(f"no claim {claim_id}")
    return claim


def last_review_id(session: Session, claim_id: int) -> int | None:
    """The newest review of a claim: what a reviewer saw when the claim was shown to them."""
    return session.scalars(select(Review.id).where(Review.claim_id == claim_id).order_by(Review.id.desc())).first()


def check_unchanged(session: Session, claim_id: int, seen: int | None) -> None:
    """Refuse an answer to a claim that someone else decided since it was shown: the later
    answer must not silently overwrite the earlier one."""
    _get_claim(session, claim_id)
    latest = session.scalars(select(Review).where(Review.claim_id == claim_id).order_by(Review.id.desc())).first()
    if latest is not None and latest.id != seen:
        raise ReviewError(f"claim {claim_id} was answered by {latest.reviewer} ({latest.action}, "
                          f"{latest.created_at:%Y-%m-%d %H:%M}) since it was shown: look at it again "
                          f"(claimtrack show {claim_id}) before deciding")


def resolve_verdict(text: str) -> str:
    """A verdict from its name or a unique start of it ("mis" is misleading)."""
    folded = text.strip().lower()
    matches = [v for v in VERDICTS if v.startswith(folded)] if folded else []
    if len(matches) != 1:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)} (or a unique start of one)")
    return matches[0]


def append_review(session: Session, claim: Claim, action: str, reviewer: str, *, note: str | None = None,
            changes: dict | None = None, batch: str | None = None) -> Review:
    review = Review(claim=claim, action=action, status=claim.status, verdict=claim.verdict, note=note,
                    changes=json.dumps(changes, ensure_ascii=False) if changes else None, reviewer=reviewer,
                    batch=batch, created_at=datetime.now(timezone.utc))
    session.add(review)
    return review


def confirm(session: Session, claim_id: int, reviewer: str, batch: str | None = None) -> Review:
    claim = _get_claim(session, claim_id)
    claim.status = "confirmed"
    return append_review(session, claim, "confirm", reviewer, batch=batch)


def reject(session: Session, claim_id: int, reviewer: str, note: str | None = None,
           batch: str | None = None) -> Review:
    """Not a claim at all (a false positive of the engine)."""
    claim = _get_claim(session, claim_id)
    claim.status = "rejected"
    return append_review(session, claim, "reject", reviewer, note=note, batch=batch)


def set_verdict(session: Session, claim_id: int, verdict: str, reviewer: str, batch: str | None = None) -> Review:
    verdict = resolve_verdict(verdict)
    claim = _get_claim(session, claim_id)
    claim.verdict = verdict
    return append_review(session, claim, "verdict", reviewer, batch=batch)


def add_note(session: Session, claim_id: int, note: str, reviewer: str, batch: str | None = None) -> Review:
    claim = _get_claim(session, claim_id)
    return append_review(session, claim, "note", reviewer, note=note, batch=batch)


def skip(session: Session, claim_id: int, reviewer: str, batch: str | None = None) -> Review:
    claim = _get_claim(session, claim_id)
    return append_review(session, claim, "skip", reviewer, batch=batch)


def _apply(session: Session, claim: Claim, correction: Correction) -> dict:
    changes: dict = {}
    new_type = correction.speaker_type or claim.speaker_type
    if new_type not in SPEAKER_TYPES:
        raise ReviewError(f"speaker type must be one of {', '.join(SPEAKER_TYPES)}")
    old_speaker = claim.speaker.name if claim.speaker else None
    new_speaker = correction.speaker if correction.speaker is not None else old_speaker
    if new_type == "editorial":
        new_speaker = None
    if new_type != claim.speaker_type:
        changes["speaker_type"] = [claim.speaker_type, new_type]
        claim.speaker_type = new_type
    if new_speaker != old_speaker or (claim.speaker and claim.speaker.type != new_type):
        changes["speaker"] = [old_speaker, new_speaker]
        claim.speaker = speaker_for(session, new_speaker, new_type) if new_speaker else None
    if correction.via is not None:
        old_via = [v.outlet for v in claim.via]
        if list(correction.via) != old_via:
            changes["via"] = [old_via, list(correction.via)]
            claim.via.clear()
            session.flush()
            claim.via.extend(ClaimVia(position=n, outlet=o) for n, o in enumerate(correction.via))
    mode = correction.mode or claim.mode
    if mode not in MODES:
        raise ReviewError(f"mode must be one of {', '.join(MODES)}")
    if mode != claim.mode:
        changes["mode"] = [claim.mode, mode]
        claim.mode = mode
    return changes


def correct(session: Session, claim_id: int, correction: Correction, reviewer: str,
            batch: str | None = None) -> Review:
    """Change the attribution; the review row keeps each field's value before and after."""
    claim = _get_claim(session, claim_id)
    changes = _apply(session, claim, correction)
    if not changes:
        raise ReviewError("nothing to correct: the values are the ones already stored")
    claim.status = "corrected"
    return append_review(session, claim, "correct", reviewer, changes=changes, batch=batch)


def reset(session: Session, claim_id: int, reviewer: str, batch: str | None = None) -> Review:
    """Undo: the claim goes back to the engine's own attribution and to machine-extracted, as
    if no one had confirmed, corrected or rejected it. Each field takes the value it had before
    the first review that changed it; the history keeps every step, this one included. A verdict,
    which judges the content, stays."""
    claim = _get_claim(session, claim_id)
    if claim.origin != "machine":
        raise ReviewError("a claim a reviewer added has no engine's answer to go back to: reject it instead")
    original: dict = {}
    for review in history(session, claim_id):
        for name, (before, _after) in json.loads(review.changes or "{}").items():
            original.setdefault(name, before)
    correction = Correction(speaker=original.get("speaker", claim.speaker.name if claim.speaker else None),
                            speaker_type=original.get("speaker_type", claim.speaker_type),
                            via=tuple(original["via"]) if "via" in original else None,
                            mode=original.get("mode", claim.mode))
    changes = _apply(session, claim, correction)
    if claim.status != "machine":
        changes["status"] = [claim.status, "machine"]
    if not changes:
        raise ReviewError("nothing to reset: the claim is the engine's answer, not yet reviewed")
    claim.status = "machine"
    return append_review(session, claim, "reset", reviewer, changes=changes, batch=batch)


def add_claim(session: Session, document_id: int, start: int, end: int, correction: Correction, reviewer: str,
              batch: str | None = None) -> Claim:
    """A claim the engine missed, from a span of the document's text."""
    document = session.get(Document, document_id)
    if document is None:
        raise ReviewError(f"no document {document_id}")
    if not 0 <= start < end <= len(document.text):
        raise ReviewError(f"span {start}-{end} is outside the document (0-{len(document.text)})")
    segment = session.scalars(select(Segment).where(Segment.document_id == document_id, Segment.start <= start,
                                                    Segment.end >= end)).first()
    claim = Claim(document=document, segment=segment, kind="claim", start=start, end=end,
                  text=document.text[start:end], speaker_type="editorial", mode="none", confidence=1.0,
                  origin="reviewer", status="confirmed")
    session.add(claim)
    _apply(session, claim, correction)
    append_review(session, claim, "add", reviewer, changes={"span": [None, [start, end]]}, batch=batch)
    return claim


def history(session: Session, claim_id: int) -> list[Review]:
    return list(session.scalars(select(Review).where(Review.claim_id == claim_id).order_by(Review.id)))
