"""Claim filters shared by `claims`, `export`, `review` and `sample`, and the rows they yield."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from sqlalchemy import ARRAY, Integer, Select, and_, any_, bindparam, exists, func, literal_column, select, table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.sql.expression import ColumnElement

from claimtrack.errors import ClaimtrackError
from claimtrack.folding import fold_for_search
from claimtrack.store.models import Batch, BatchItem, Claim, ClaimGroup, ClaimVia, Document, Review, Speaker

STATUSES = ("machine", "confirmed", "corrected", "rejected")


@dataclass(frozen=True)
class ClaimFilter:
    attributed: bool = False
    unsourced: bool = False
    types: tuple[str, ...] = ()
    speaker: str | None = None
    document: str | None = None
    status: tuple[str, ...] = ()
    search: str | None = None
    batch: str | None = None
    limit: int | None = None
    include_rejected: bool = False
    outlet: str | None = None  # the article's outlet holds this text (case and accents aside)
    since: str | None = None  # published on or after this ISO day (undated articles left out)
    until: str | None = None  # published on or before this ISO day
    reviewed_by: str | None = None  # someone of this name decided the claim
    sort: str = "document"  # document order, or "confidence": least sure first
    document_ids: tuple[int, ...] = ()  # what `document` names, resolved by `checked`
    speaker_ids: tuple[int, ...] = ()  # the speakers `speaker` matches, resolved by `checked` when few
    search_frequent: bool = False  # `search` is in many claims: walk them in order (set by `checked`)
    reviewed_ids: tuple[int, ...] | None = None  # the claims `reviewed_by` decided, resolved by `checked` when few

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items()
                if v not in (None, False, ()) and (k, v) != ("sort", "document")
                and k not in ("document_ids", "speaker_ids", "search_frequent", "reviewed_ids")}


MIN_SHA_PREFIX = 6


class FilterError(ClaimtrackError, ValueError):
    """A filter names something that is not there (a document, a batch); the message says so."""


def like_pattern(text: str) -> str:
    """`text` as a LIKE pattern that matches it literally anywhere: % and _ are escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def document_ids(session: Session, key: str) -> list[int]:
    """The one way a user names documents: the file name, a unique start of it ("003" is the
    file 003_…), the id (a number with no leading zero), or a sha256 prefix of at least six
    hex characters. Raises FilterError when nothing matches or a name start is ambiguous."""
    exact = list(session.scalars(select(Document.id).where(Document.name == key)))
    if exact:
        return exact
    started = session.execute(select(Document.id, Document.name)
                              .where(Document.name.like(key.replace("\\", "\\\\").replace("%", "\\%")
                                                        .replace("_", "\\_") + "%", escape="\\"))
                              .order_by(Document.id).limit(6)).all()
    if len(started) == 1:
        return [started[0][0]]
    if len(started) > 1:
        names = ", ".join(name for _, name in started[:5])
        raise FilterError(f"--doc {key!r} starts several document names ({names}…): give more of the name")
    if key.isdigit() and not key.startswith("0"):
        found = list(session.scalars(select(Document.id).where(Document.id == int(key)))) if len(key) < 19 else []
        if found:
            return found
    if len(key) >= MIN_SHA_PREFIX and all(c in "0123456789abcdef" for c in key.lower()):
        found = list(session.scalars(select(Document.id).where(Document.sha256.startswith(key.lower()))))
        if found:
            return found
    raise FilterError(f"no document {key!r}: name it by file name, id or sha256 prefix "
                      "(list them with 'claimtrack stats --by document')")


def checked(session: Session, flt: ClaimFilter) -> ClaimFilter:
    """The filter with its document resolved to ids, after checking that what it names exists:
    a mistyped --doc or --batch is an error, not an empty answer."""
    if flt.batch and session.scalars(select(Batch.id).where(Batch.name == flt.batch)).first() is None:
        raise FilterError(f"no batch {flt.batch!r}: list them with 'claimtrack batches', "
                          "draw one with 'claimtrack sample N --batch NAME'")
    if flt.document and not flt.document_ids:
        flt = replace(flt, document_ids=tuple(document_ids(session, flt.document)))
    if flt.speaker and not flt.speaker_ids:
        # the speakers table is small beside the claims: matching names there first lets the
        # claims be read through their speaker index instead of all of them
        ids = list(session.scalars(select(Speaker.id).where(Speaker.name.ilike(like_pattern(flt.speaker),
                                                                              escape="\\")).limit(MAX_SPEAKER_IDS + 1)))
        if not ids:
            ids = _speakers_folded(session, flt.speaker)
        flt = replace(flt, speaker_ids=tuple(ids) if len(ids) <= MAX_SPEAKER_IDS else ())
    if flt.search and flt.limit and flt.limit <= MAX_WALKED_LIMIT and not flt.search_frequent:
        flt = replace(flt, search_frequent=_frequent_on_sqlite(session, flt.search))
    if flt.reviewed_by and flt.reviewed_ids is None:
        # A reviewer decides a small share of the claims: testing each claim in listing order
        # against the reviews read tens of thousands of claims for a page of fifty, where
        # gathering the reviewer's own first (an index on reviewer, claim) reads only theirs.
        ids = list(session.scalars(select(Review.claim_id).where(*_decided_by(flt.reviewed_by))
                                   .distinct().limit(MAX_REVIEWED_IDS + 1)))
        if len(ids) <= MAX_REVIEWED_IDS:
            flt = replace(flt, reviewed_ids=tuple(sorted(ids)))
    return flt


def _decided_by(reviewer: str) -> tuple[ColumnElement, ...]:
    """Reviews in which `reviewer` decided a claim (`--reviewed-by`): gathered first when few,
    tested claim by claim when many."""
    return Review.reviewer == reviewer, Review.action.in_(DECISIONS)


def _speakers_folded(session: Session, wanted: str) -> list[int]:
    """Speakers whose name holds `wanted` once case and accents are folded on both sides
    ("Necas" finds "Nečas", "etats-unis" "États-Unis"); none is an error that offers the
    nearest names, never an empty listing a reviewer would take for "no claim"."""
    from rapidfuzz import fuzz, process

    from claimtrack.identity import fold_name, speaker_key

    wanted_key = speaker_key(wanted)
    if wanted_key:  # the stored keys are folded names: the database finds these itself
        found = list(session.scalars(select(Speaker.id).where(Speaker.key.like(like_pattern(wanted_key), escape="\\"))
                                     .limit(MAX_SPEAKER_IDS + 1)))
        if found:
            return found
    key = " ".join(fold_name(wanted).split())
    names = session.execute(select(Speaker.id, Speaker.name)).all()
    folded = {speaker_id: " ".join(fold_name(name).split()) for speaker_id, name in names}
    found = [speaker_id for speaker_id, name in folded.items() if key in name]
    if found:
        return found
    nearest = process.extract(key, folded, scorer=fuzz.WRatio, limit=5, score_cutoff=72)
    by_id = dict(names)
    offer = f": the nearest are {', '.join(repr(by_id[i]) for _, _, i in nearest)}" if nearest else ""
    raise FilterError(f"no speaker matches {wanted!r}{offer} (list them with 'claimtrack speakers')")


def rejected_in_batch(session: Session, name: str) -> int:
    """How many claims of the batch a reviewer rejected as no claim."""
    return session.scalar(select(func.count()).select_from(BatchItem).join(Batch, BatchItem.batch_id == Batch.id)
                          .join(Claim, BatchItem.claim_id == Claim.id)
                          .where(Batch.name == name, Claim.status == "rejected")) or 0


MAX_WALKED_LIMIT = 1000  # a listing this short of a frequent word is found by walking the claims in order
FREQUENT_SEARCH = 2000  # matches from which a word counts as frequent


def _frequent_on_sqlite(session: Session, search: str) -> bool:
    """Whether the trigram index holds the phrase in FREQUENT_SEARCH claims or more. Counting
    stops there, so the answer costs a few milliseconds whatever the word."""
    folded = fold_for_search(search)
    if session.get_bind().dialect.name != "sqlite" or len(folded) < MIN_INDEXED_SEARCH:
        return False
    first = select(literal_column("rowid")).select_from(table("claims_fts")).where(
        literal_column("claims_fts").op("MATCH")(_phrase(folded))).limit(FREQUENT_SEARCH).subquery()
    return session.scalar(select(func.count()).select_from(first)) >= FREQUENT_SEARCH


MAX_SPEAKER_IDS = 500  # more speakers than this match: filter by name in the query itself
MAX_REVIEWED_IDS = 5_000  # a reviewer who decided more claims than this is tested claim by claim


MIN_INDEXED_SEARCH = 3  # a trigram index holds runs of three characters


class _Contains(ColumnElement):
    """Claims whose text contains a string anywhere, case and accents aside ("etats-unis" finds
    "États-Unis"): both sides are folded (claimtrack.folding) and the claim's folded copy is
    searched, compiled for each database: through the FTS5 trigram index on SQLite (migrations
    0007 and 0012; a phrase of a trigram table matches as a substring, so the answer is the one
    LIKE '%…%' gives on the folded copy without reading every claim), as LIKE elsewhere
    (PostgreSQL's pg_trgm index on the folded copy serves it).

    A frequent word in a short listing is the other way round: gathering its hundreds of
    thousands of matches to sort them costs seconds, while the claims in listing order reach
    fifty matches after a few thousand rows. Then each claim is tested as it is read: a LIKE
    pattern on the folded copy that lets through at least the matches (SQLite's LIKE folds ASCII
    case only, so a non-ASCII character becomes `_`), confirmed by the index for that one claim."""

    inherit_cache = False
    # no Boolean type: SQLite would be sent "… IN (…) = 1", which no index serves

    def __init__(self, search: str, frequent: bool = False) -> None:
        self.search = fold_for_search(search)
        self.frequent = frequent


def _phrase(search: str):
    return bindparam("search_phrase", '"' + search.replace('"', '""') + '"', unique=True)


def _ascii_superset(search: str) -> str:
    return "".join(c if c.isascii() else "_" for c in like_pattern(search))


@compiles(_Contains)
def _contains_default(element: _Contains, compiler, **kw) -> str:
    return compiler.process(Claim.text_folded.like(like_pattern(element.search), escape="\\"), **kw)


@compiles(_Contains, "sqlite")
def _contains_sqlite(element: _Contains, compiler, **kw) -> str:
    if len(element.search) < MIN_INDEXED_SEARCH:
        return _contains_default(element, compiler, **kw)
    index = table("claims_fts")
    matches = literal_column("claims_fts").op("MATCH")(_phrase(element.search))
    if element.frequent:
        confirmed = exists().select_from(index).where(matches, literal_column("claims_fts.rowid") == Claim.id)
        return compiler.process(and_(Claim.text_folded.like(_ascii_superset(element.search), escape="\\"),
                                     confirmed), **kw)
    return compiler.process(Claim.id.in_(select(literal_column("rowid")).select_from(index).where(matches)), **kw)


class _AmongClaims(ColumnElement):
    """Claims whose id is one of a few thousand (a reviewer's decided claims): IN on SQLite, one
    array parameter on PostgreSQL, whose driver took longer to quote 2,000 separate parameters
    than the server took to answer the query."""

    inherit_cache = False

    def __init__(self, ids: tuple[int, ...]) -> None:
        self.ids = ids


@compiles(_AmongClaims)
def _among_default(element: _AmongClaims, compiler, **kw) -> str:
    return compiler.process(Claim.id.in_(element.ids), **kw)


@compiles(_AmongClaims, "postgresql")
def _among_postgresql(element: _AmongClaims, compiler, **kw) -> str:
    ids = bindparam("claim_ids", list(element.ids), type_=ARRAY(Integer), unique=True)
    return compiler.process(Claim.id == any_(ids), **kw)


def search_condition(search: str, frequent: bool = False) -> ColumnElement:
    return _Contains(search, frequent)


def document_conditions(outlet: str | None, since: str | None, until: str | None) -> list[ColumnElement]:
    """Articles of an outlet (its name holds `outlet`, case aside) published between two ISO days
    (an undated article matches no date bound): for listings and profiles alike."""
    conditions = []
    if outlet:
        conditions.append(Document.outlet.ilike(like_pattern(outlet), escape="\\"))
    if since:
        conditions.append(Document.published >= date.fromisoformat(since))
    if until:
        conditions.append(Document.published <= date.fromisoformat(until))
    return conditions


def _filtered(query: Select, flt: ClaimFilter) -> Select:
    """The filter's joins, conditions, order and limit on a query over claims; shared by the
    ORM query (review, sample) and the column query that listings and exports stream."""
    query = query.join(Document, Claim.document_id == Document.id).outerjoin(Speaker, Claim.speaker_id == Speaker.id)
    if flt.attributed:
        query = query.where(Claim.speaker_type != "editorial")
    if flt.unsourced:
        query = query.where(Claim.speaker_type == "editorial")
    if flt.types:
        query = query.where(Claim.speaker_type.in_(flt.types))
    if flt.speaker_ids:
        query = query.where(Claim.speaker_id.in_(flt.speaker_ids))
    elif flt.speaker:
        query = query.where(Speaker.name.ilike(like_pattern(flt.speaker), escape="\\"))
    if flt.document_ids:
        query = query.where(Claim.document_id.in_(flt.document_ids))
    elif flt.document:
        raise FilterError("a document filter must be checked first (queries.checked)")
    if flt.status:
        query = query.where(Claim.status.in_(flt.status))
    elif not flt.include_rejected:
        query = query.where(Claim.status != "rejected")
    if flt.search:
        query = query.where(search_condition(flt.search, flt.search_frequent))
    query = query.where(*document_conditions(flt.outlet, flt.since, flt.until))
    if flt.reviewed_ids is not None:
        query = query.where(_AmongClaims(flt.reviewed_ids))
    elif flt.reviewed_by:
        query = query.where(exists().where(Review.claim_id == Claim.id, *_decided_by(flt.reviewed_by)))
    if flt.batch:
        query = query.join(BatchItem, BatchItem.claim_id == Claim.id).join(Batch).where(Batch.name == flt.batch)
    if flt.sort == "confidence":
        query = query.order_by(Claim.confidence, Claim.document_id, Claim.start)  # all on claims: its index serves
    elif flt.batch:
        query = query.order_by(BatchItem.position)
    else:
        query = query.order_by(Document.id, Claim.start)
    if flt.limit:
        query = query.limit(flt.limit)
    return query


def claim_query(flt: ClaimFilter) -> Select:
    return _filtered(select(Claim), flt).options(
        selectinload(Claim.via), selectinload(Claim.speaker), selectinload(Claim.document))


_FIRST_CLAIM = aliased(Claim, name="first_claim")
_FIRST_DOCUMENT = aliased(Document, name="first_document")
_ROW_COLUMNS = (Claim.id, Document.name, Document.sha256, Document.title, Document.outlet, Claim.start, Claim.end,
                Claim.kind, Claim.text, Speaker.name, Claim.mention, Claim.speaker_type, Claim.mode, Claim.cue,
                Claim.confidence, Claim.evidence, Claim.status, Claim.verdict, Claim.origin, Document.published,
                Document.ingested_at, Claim.group_id, _FIRST_DOCUMENT.name, ClaimGroup.first_seen)


def _with_groups(query: Select) -> Select:
    """The claim's group and where it was first seen (outer joins: most claims are in none)."""
    return (query.outerjoin(ClaimGroup, Claim.group_id == ClaimGroup.id)
            .outerjoin(_FIRST_CLAIM, ClaimGroup.first_claim_id == _FIRST_CLAIM.id)
            .outerjoin(_FIRST_DOCUMENT, _FIRST_CLAIM.document_id == _FIRST_DOCUMENT.id))


@dataclass(frozen=True)
class ClaimRow:
    """A claim as reports show it: flat, with its document and latest review note."""

    id: int
    document: str
    document_sha256: str
    title: str | None
    outlet: str | None
    start: int
    end: int
    kind: str
    text: str
    speaker: str | None
    mention: str | None
    speaker_type: str
    via: list[str] = field(default_factory=list)
    mode: str = "none"
    cue: str | None = None
    confidence: float = 0.0
    evidence: str | None = None
    status: str = "machine"
    verdict: str | None = None
    note: str | None = None
    machine_extracted: bool = True
    date: str | None = None  # ISO day the article was published; None when unknown (never the ingestion day)
    group_id: int | None = None  # the same claim in other articles (claimtrack trace ID)
    first_seen_document: str | None = None
    first_seen_date: str | None = None
    ingested: str | None = None  # ISO day the article was ingested
    reviewer: str | None = None  # who decided the claim last (confirm, correct, reject, verdict, add, reset)
    reviewed_at: str | None = None  # when, ISO 8601 in UTC


def _latest_notes(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(Review.claim_id, Review.note).where(Review.claim_id.in_(ids), Review.note.is_not(None))
        .order_by(Review.id)
    )
    return {claim_id: note for claim_id, note in rows}


DECISIONS = ("confirm", "correct", "reject", "verdict", "add", "reset")


def _latest_decisions(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Per claim, who decided it last and when (notes and skips decide nothing)."""
    if not ids:
        return {}
    rows = session.execute(select(Review.claim_id, Review.reviewer, Review.created_at)
                           .where(Review.claim_id.in_(ids), Review.action.in_(DECISIONS)).order_by(Review.id))
    return {claim_id: (reviewer, created_at.isoformat()) for claim_id, reviewer, created_at in rows}


def _vias(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = session.execute(select(ClaimVia.claim_id, ClaimVia.outlet).where(ClaimVia.claim_id.in_(ids))
                           .order_by(ClaimVia.claim_id, ClaimVia.position))
    for claim_id, outlet in rows:
        found.setdefault(claim_id, []).append(outlet)
    return found


def iter_rows(session: Session, flt: ClaimFilter, chunk: int = 500) -> Iterator[ClaimRow]:
    """Rows streamed as plain columns, chunk by chunk: no ORM object is kept, so an export of
    any size runs in constant memory (an identity map cleared under an open result broke
    exports past one chunk)."""
    flt = checked(session, flt)
    result = session.execute(_with_groups(_filtered(select(*_ROW_COLUMNS), flt)).execution_options(yield_per=chunk))
    for part in result.partitions(chunk):
        ids = [r[0] for r in part]
        notes, vias, decided = _latest_notes(session, ids), _vias(session, ids), _latest_decisions(session, ids)
        for (claim_id, document, sha256, title, outlet, start, end, kind, text, speaker, mention, speaker_type,
             mode, cue, confidence, evidence, status, verdict, origin, published, ingested_at, group_id, first_document,
             first_seen) in part:
            yield ClaimRow(
                id=claim_id, document=document, document_sha256=sha256, title=title, outlet=outlet, start=start,
                end=end, kind=kind, text=text, speaker=speaker, mention=mention, speaker_type=speaker_type,
                via=vias.get(claim_id, []), mode=mode, cue=cue, confidence=confidence, evidence=evidence,
                status=status,
                verdict=verdict, note=notes.get(claim_id),
                machine_extracted=status == "machine" and origin == "machine",
                date=published.isoformat() if published else None, ingested=ingested_at.date().isoformat(),
                group_id=group_id,
                first_seen_document=first_document, first_seen_date=first_seen.isoformat() if first_seen else None,
                reviewer=decided.get(claim_id, (None, None))[0], reviewed_at=decided.get(claim_id, (None, None))[1])
