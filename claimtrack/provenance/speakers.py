"""One speaker written several ways across articles ("Paul Durand", "Paul Duran"; "Qassim" and
"Kassim"): proposals for a reviewer, and the merge and split that carry out the decision.

A proposal needs close names (rapidfuzz on the speaker keys); roles that agree and outlets in
common make it likelier, and the two names appearing side by side in one article make it
unlikely (the engine already unifies the names of one person inside an article, so two names
left apart there are usually two people: Alexia and Alondra Kenon).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.errors import ClaimtrackError
from claimtrack.identity import add_alias, speaker_for
from claimtrack.provenance.grouping import refresh_groups
from claimtrack.store.models import Claim, Document, Review, Speaker
from claimtrack.store.queries import document_ids
from claimtrack.workflow.review import append_review

MIN_NAME_SIMILARITY = 80.0
MIN_SCORE = 0.65
TOGETHER_PENALTY = 0.1
MAX_BLOCK = 300  # a key word shared by more speakers than this ("ministre") proposes nothing by itself


class SpeakerError(ClaimtrackError, ValueError):
    """A speaker that is not there, or a merge or split that cannot be done; the message says why."""


@dataclass(frozen=True)
class SpeakerRef:
    id: int
    name: str
    type: str
    role: str | None
    claims: int


@dataclass(frozen=True)
class DuplicateProposal:
    keep: SpeakerRef  # the more cited one: the name a merge keeps
    other: SpeakerRef
    score: float  # 0-1
    name_similarity: float  # 0-100
    reasons: list[str]


def _name_similarity(first: str, second: str, written: tuple[str, str] = ("", "")) -> float:
    """Spelling variants score on the whole key; a name written shorter ("Durand" and "Paul
    Durand", "Paul" and "Paul Durand") scores 90 when its words are all in the longer one and
    are written as names (capitalised): "article" in "article 5" is a common word, not a name."""
    score = fuzz.token_sort_ratio(first, second)
    if _shorter_form(first, second, written):
        score = max(score, 90.0)
    return score


def _shorter_form(first: str, second: str, written: tuple[str, str] = ("", "")) -> bool:
    """Whether one key is the other written shorter, with capitalised words of its own."""
    (short, short_written), (long, _) = sorted(((first.split(), written[0]), (second.split(), written[1])),
                                               key=lambda pair: len(pair[0]))
    if not short or len(short) >= len(long) or not set(short) <= set(long) or max(map(len, short)) < 4:
        return False
    return not short_written or all(w[:1].isupper() for w in short_written.split() if len(w) >= 4)


def _written_as_name(written: str) -> bool:
    """A speaker's name holds a capitalised word ("Paul Durand", "l'ONU"); "article 5" or "des
    sources" does not, and two such descriptions alike in words are no duplicate to propose."""
    return any(word[:1].isupper() for word in written.replace("’", "'").replace("'", " ").split())


def _shares_surname(first: str, second: str) -> bool:
    """Both keys end on the same word: "Paul Durand" and "P Durand", the likeliest one person."""
    return bool(first.split()) and bool(second.split()) and first.split()[-1] == second.split()[-1]


def _blocks(keys: dict[int, str]) -> dict[str, list[int]]:
    """Speakers sharing a key word, or its first four letters (transliterations change endings)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for speaker_id, key in keys.items():
        for word in set(key.split()):
            if len(word) >= 3:
                blocks["w:" + word].append(speaker_id)
                blocks["p:" + word[:4]].append(speaker_id)
    return blocks


def duplicate_speakers(session: Session, types: tuple[str, ...] = (), min_score: float = MIN_SCORE
                       ) -> list[DuplicateProposal]:
    """Pairs of speakers of one type that are probably one, best first."""
    counts = {speaker_id: count for speaker_id, count in session.execute(
        select(Claim.speaker_id, func.count(Claim.id)).where(Claim.speaker_id.is_not(None)).group_by(Claim.speaker_id))}
    query = select(Speaker.id, Speaker.name, Speaker.key, Speaker.type, Speaker.role)
    if types:
        query = query.where(Speaker.type.in_(types))
    speakers = {r.id: r for r in session.execute(query) if counts.get(r.id)}
    documents: dict[int, set[int]] = defaultdict(set)
    outlets: dict[int, set[str]] = defaultdict(set)
    for speaker_id, document_id, outlet in session.execute(
            select(Claim.speaker_id, Claim.document_id, Document.outlet).join(Document)
            .where(Claim.speaker_id.in_(list(speakers))).distinct()):
        documents[speaker_id].add(document_id)
        if outlet:
            outlets[speaker_id].add(outlet)
    pairs = set()
    for members in _blocks({i: s.key for i, s in speakers.items()}).values():
        if 1 < len(members) <= MAX_BLOCK:
            pairs.update((a, b) for a in members for b in members if a < b
                         and speakers[a].type == speakers[b].type)
    proposals = []
    for a, b in pairs:
        first, second = speakers[a], speakers[b]
        if " @" in first.key or " @" in second.key:
            continue  # an unnamed source is its article's own (identity.speaker_for's scope)
        if not (_written_as_name(first.name) and _written_as_name(second.name)):
            continue
        name = _name_similarity(first.key, second.key, (first.name, second.name))
        if name < MIN_NAME_SIMILARITY:
            continue
        reasons = [f"names {name:.0f}% alike"]
        score = 0.7 * name / 100
        if first.role and second.role:
            role = fuzz.token_set_ratio(first.role.lower(), second.role.lower()) / 100
            reasons.append(f"roles {role:.0%} alike")
        else:
            role = 0.5
        score += 0.15 * role
        union = outlets[a] | outlets[b]
        shared = len(outlets[a] & outlets[b]) / len(union) if union else 0.0
        score += 0.15 * shared
        if shared:
            reasons.append(f"{len(outlets[a] & outlets[b])} outlet(s) in common")
        together = documents[a] & documents[b]
        if together and not _shorter_form(first.key, second.key, (first.name, second.name)):
            # two full names side by side are usually two people; a first name or a surname
            # alone beside the full name is the one person the engine did not unify
            score -= TOGETHER_PENALTY
            reasons.append(f"both named in {len(together)} same article(s): maybe two people")
        if score >= min_score:
            refs = sorted((SpeakerRef(s.id, s.name, s.type, s.role, counts[s.id]) for s in (first, second)),
                          key=lambda r: (-r.claims, r.id))
            proposals.append(DuplicateProposal(refs[0], refs[1], round(score, 3), name, reasons))
    # pairs that share a surname first, then by score
    return sorted(proposals, key=lambda p: (not _shares_surname(speakers[p.keep.id].key, speakers[p.other.id].key),
                                            -p.score, p.keep.id, p.other.id))


def find_speaker(session: Session, key: str) -> Speaker:
    """A speaker by id or exact name (a name that two types share needs the id)."""
    if key.isdigit():
        found = session.get(Speaker, int(key))
        if found is not None:
            return found
    named = list(session.scalars(select(Speaker).where(Speaker.name == key)))
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        ids = ", ".join(f"{s.id} ({s.type})" for s in named)
        raise SpeakerError(f"{key!r} names several speakers: {ids}; give the id")
    raise SpeakerError(f"no speaker {key!r}: list them with 'claimtrack speakers' (ids in --json)")


@dataclass(frozen=True)
class SpeakerChange:
    speaker: str  # the speaker the claims now belong to
    previous: str
    claims: int


def merge_speakers(session: Session, keep_key: str, other_key: str, reviewer: str,
                   note: str | None = None) -> SpeakerChange:
    """Every claim of `other` becomes `keep`'s; `other`'s names become aliases of `keep`, so
    that later ingests file them under `keep` too. Each claim's history records the change."""
    keep, other = find_speaker(session, keep_key), find_speaker(session, other_key)
    if keep.id == other.id:
        raise SpeakerError("a speaker cannot be merged into itself")
    if keep.type != other.type:
        raise SpeakerError(f"{keep.name!r} is {keep.type} and {other.name!r} is {other.type}: correct the "
                           "claims' type first (claimtrack review)")
    claims = list(session.scalars(select(Claim).where(Claim.speaker_id == other.id).order_by(Claim.id)))
    for claim in claims:
        claim.speaker = keep
        append_review(session, claim, "merge-speaker", reviewer, note=note,
                      changes={"speaker": [other.name, keep.name], "speaker_id": [other.id, keep.id]})
    for alias in [other.name, *(a.alias for a in other.aliases)]:
        add_alias(keep, alias)
    keep.role = keep.role or other.role
    previous = other.name
    session.flush()
    session.delete(other)
    session.flush()
    refresh_groups(session, {c.group_id for c in claims if c.group_id is not None})
    return SpeakerChange(keep.name, previous, len(claims))


def split_speaker(session: Session, speaker_key: str, new_name: str, reviewer: str, *,
                  claim_ids: tuple[int, ...] = (), documents: tuple[str, ...] = (),
                  note: str | None = None) -> SpeakerChange:
    """Move claims of a speaker to another one named `new_name` (made if needed): the claims
    given, the claims of the documents given, or, with neither, the claims a merge brought in
    from `new_name` (the merge undone)."""
    speaker = find_speaker(session, speaker_key)
    new_name = new_name.strip()
    if not new_name or new_name == speaker.name:
        raise SpeakerError("give the other speaker's name, different from this one's")
    query = select(Claim).where(Claim.speaker_id == speaker.id).options(selectinload(Claim.reviews))
    if claim_ids:
        query = query.where(Claim.id.in_(claim_ids))
    if documents:
        query = query.where(Claim.document_id.in_([i for d in documents for i in document_ids(session, d)]))
    claims = list(session.scalars(query.order_by(Claim.id)))
    if not claim_ids and not documents:
        claims = [c for c in claims if _merged_from(c.reviews, new_name, speaker.name)]
        if not claims:
            raise SpeakerError(f"no claim of {speaker.name!r} came from a merge of {new_name!r}: name the claims "
                               "to move with --claim or --doc")
    elif claim_ids and len(claims) != len(set(claim_ids)):
        missing = sorted(set(claim_ids) - {c.id for c in claims})
        raise SpeakerError(f"claim(s) {', '.join(map(str, missing))} are not {speaker.name!r}'s")
    if not claims:
        raise SpeakerError(f"{speaker.name!r} has no claim in the documents given")
    speaker.aliases = [a for a in speaker.aliases if a.alias != new_name]  # no longer a name of this speaker
    session.flush()
    target = speaker_for(session, new_name, speaker.type)
    if target.id == speaker.id:  # the new name has this speaker's key: it is a speaker of its own now
        target = Speaker(name=new_name, key=f"{speaker.key} #{speaker.id}", type=speaker.type)
        session.add(target)
    for claim in claims:
        claim.speaker = target
        append_review(session, claim, "split-speaker", reviewer, note=note,
                      changes={"speaker": [speaker.name, new_name]})
    session.flush()
    refresh_groups(session, {c.group_id for c in claims if c.group_id is not None})
    return SpeakerChange(target.name, speaker.name, len(claims))


def _merged_from(reviews: list[Review], name: str, into: str) -> bool:
    merges = [json.loads(r.changes or "{}").get("speaker") for r in reviews if r.action == "merge-speaker"]
    return bool(merges) and merges[-1] == [name, into]
