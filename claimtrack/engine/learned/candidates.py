"""Candidate sources for every claim, each described by features, for the learned decision layer.

The rules are good at finding who *could* be the source of a sentence (the subject of a reporting
verb, the object of "selon", the speaker of an open quotation, the previous or next speaker) and
at describing that evidence; what they fit poorly is the final choice between those candidates on
articles nobody tuned them to. So this module turns the rules' output for a document into a small
set of candidates per sentence, and the model (`engine/learned/model.py`) chooses among them.

Features are plain strings ("origin=previous", "quoted&origin=previous"): a linear model over
binary features is fast at run time, readable in its JSON file, and the same for every backend,
since every feature comes from the backend-neutral `ParsedSentence` and the rules' records.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimtrack.engine.attribution import MIN_QUOTE_WORDS, Attribution
from claimtrack.engine.continuations import FIRST_PERSON, SECOND_PERSON, in_first_person, is_quoted_sentence
from claimtrack.engine.lexicons import fold
from claimtrack.engine.speakers.outlets import context_outlets, find_outlets
from claimtrack.engine.speakers.sources import Source
from claimtrack.engine.syntax.parsed import ParsedSentence
from claimtrack.engine.text.quotes import Quote, QuoteIndex

NEIGHBOUR_REACH = 3  # sentences looked at before and after for a speaker to go on with or to come
OUTLET_REACH = 6  # sentences before a claim in which an outlet named may relay it
_OPENING_MARKS = "«\"“"
# words that show an outlet obtaining someone's words rather than being talked about
_OBTAINING = re.compile(r"interrog|entretien|interview|entrevue|micro\b|plateau|antenne|obtenus?\b|obtenues?\b|"
                        r"confiée?s?\b|émission|journal télévisé|a appris|selon|cité|citant|déclaré à|dit à|"
                        r"expliqué à|affirmé à|indiqué à", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """One possible answer for a claim: a source (None: the article's own voice) with how it
    would be reported, the rules that proposed it, and its features."""

    source: Source | None
    mode: str
    cue: str | None
    cue_span: tuple[int, int] | None
    quote_span: tuple[int, int] | None
    origins: tuple[str, ...]
    evidence: str  # the rules' evidence for this answer where it came from ("incise/named" …)
    features: tuple[str, ...]

    @property
    def speaker_type(self) -> str:
        return self.source.type if self.source else "editorial"


@dataclass(frozen=True)
class ViaOption:
    """One possible list of relaying outlets for a claim, with its features."""

    via: tuple[str, ...]
    features: tuple[str, ...]


@dataclass(frozen=True)
class ClaimCandidates:
    """The candidates of one claim sentence, the rules' own answer first (`rules`)."""

    sentence: int
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    context: tuple[str, ...]  # the sentence's own features, shared by its candidates and via options
    outlets_before: tuple[tuple[int, str], ...]  # (distance in sentences, outlet) named shortly before
    carried: tuple[str, ...] = ()  # the last relay the rules gave a claim before this one
    carried_distance: int = 0  # claims since then
    # the outlet the article named last before this sentence, however far: (sentences since, name,
    # whether it was named as obtaining words: an interview, a question, a document obtained)
    last_outlet: tuple[int, str, bool] | None = None

    @property
    def rules(self) -> Candidate:
        """The rules' own answer (always proposed first)."""
        return self.candidates[0]


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"≤{edge}"
    return f">{edges[-1]}"


def _cue_lemma(cue: str | None) -> str:
    if not cue:
        return "-"
    words = re.findall(r"[^\W\d_]+", fold(cue))
    return words[-1] if words else "-"


def _quoted_share(sent: ParsedSentence, quotes: list[Quote]) -> str:
    """How much of the sentence lies inside quotation marks: a few words ("some"), most of it, or
    all of it, as the sentences of a quotation opened in one sentence and closed in a later one
    are, which "quote=part" does not tell from a phrase quoted in passing."""
    length = max(1, sent.end - sent.start)
    inside = sum(max(0, min(q.end, sent.end) - max(q.start, sent.start)) for q in quotes)
    share = inside / length
    return "none" if share == 0 else "some" if share < 0.5 else "most" if share < 0.9 else "all"


def _sentence_context(text: str, sent: ParsedSentence, kind: str, index: int, paragraph_start: bool,
                      quotes: list[Quote], own: Attribution | None, rules: Attribution,
                      previous: Attribution | None) -> tuple[str, ...]:
    body = text[sent.start : sent.end]
    long_quotes = [q for q in quotes if q.words(text) >= MIN_QUOTE_WORDS]
    quoted = "whole" if is_quoted_sentence(text, sent) else "part" if long_quotes else "short" if quotes else "no"
    features = [
        f"kind={kind}",
        f"quote={quoted}",
        f"opens_quote={body.lstrip()[:1] in _OPENING_MARKS}",
        f"inside_quote={any(q.start < sent.start and sent.end < q.end for q in long_quotes)}",
        f"quoted_share={_quoted_share(sent, long_quotes)}",
        f"first_person={in_first_person(sent, FIRST_PERSON, long_quotes)}",
        f"first_person_any={in_first_person(sent, FIRST_PERSON)}",
        f"second_person={in_first_person(sent, SECOND_PERSON)}",
        f"question={body.rstrip().endswith('?')}",
        f"colon={':' in body}",
        f"own_cue={own is not None and own.source is not None}",
        f"own_evidence={own.evidence.split('/')[0] if own is not None and own.source is not None else '-'}",
        f"rules_evidence={rules.evidence.split('/')[0]}",
        f"rules_full={rules.evidence}",
        f"paragraph_start={paragraph_start}",
        f"position={_bucket(index, (0, 2, 5, 10, 20))}",
        f"length={_bucket(len(sent.tokens), (6, 12, 25, 40))}",
        f"previous={previous.source.type if previous is not None and previous.source else 'editorial'}",
        f"previous_mode={previous.mode if previous is not None else '-'}",
    ]
    return tuple(features)


def claim_candidates(
    text: str,
    sentences: Sequence[ParsedSentence],
    kinds: Sequence[str],
    paragraphs: Sequence[int],
    quotes: list[Quote],
    rules: Sequence[Attribution | None],
    own: Sequence[Attribution | None],
    piece: tuple[int, int] | None = None,
    outlets: frozenset[str] | None = None,
    claims_before: int = 0,
) -> list[ClaimCandidates]:
    """The candidates of every claim and headline sentence of a document, in document order.

    `rules` are the rules' final attributions, `own` what each sentence said by itself before
    quotations and continuations spread speakers across sentences. A long document comes in
    pieces (claimtrack.engine.carried): `piece` is the stretch of text the sentences cover,
    `outlets` the outlets found in the whole text, `claims_before` the claims of the pieces before."""
    index = QuoteIndex(quotes)
    claim_ids = [i for i, r in enumerate(rules) if r is not None]
    lo, hi = piece if piece is not None else (0, len(text))
    outlets = outlets if outlets is not None else context_outlets(text)
    outlet_marks = [(start + lo, end + lo, name) for start, end, name in find_outlets(text[lo:hi], outlets)
                    ] if sentences else []
    starts = [s.start for s in sentences]
    outlet_sentence: list[tuple[int, str]] = []
    obtaining: set[int] = set()  # sentences that name an outlet as obtaining someone's words
    cursor = 0
    for start, _end, name in outlet_marks:
        while cursor + 1 < len(starts) and starts[cursor + 1] <= start:
            cursor += 1
        outlet_sentence.append((cursor, name))
        if _OBTAINING.search(text, sentences[cursor].start, sentences[cursor].end):
            obtaining.add(cursor)
    outlet_at = [k for k, _ in outlet_sentence]
    result: list[ClaimCandidates] = []
    people_in = [_people_in(s) for s in sentences]  # once a sentence: each claim reads its own and two before
    carried: tuple[str, ...] = ()
    carried_at = 0
    for position, i in enumerate(claim_ids):
        sent, chosen = sentences[i], rules[i]
        previous = rules[claim_ids[position - 1]] if position else None
        context = _sentence_context(text, sent, kinds[i], claims_before + position,
                                    i == 0 or paragraphs[i] != paragraphs[i - 1],
                                    index.overlapping(sent.start, sent.end), own[i], chosen, previous)
        proposals: list[tuple[str, Source | None, Attribution]] = [("rules", chosen.source, chosen)]
        if own[i] is not None and own[i].source is not None:
            proposals.append(("own", own[i].source, own[i]))
        for distance in range(1, NEIGHBOUR_REACH + 1):
            if position - distance >= 0:
                earlier = rules[claim_ids[position - distance]]
                if earlier.source is not None:
                    proposals.append((f"previous{distance}", earlier.source, earlier))
            if position + distance < len(claim_ids):
                later = own[claim_ids[position + distance]]
                if later is not None and later.source is not None:
                    proposals.append((f"next{distance}", later.source, later))
        proposals.append(("none", None, Attribution(None, "none")))
        candidates = _merge(proposals, context, lambda base: _frame(text, base))
        people = [p for named in people_in[max(0, i - PEOPLE_REACH) : i + 1] for p in named]
        candidates = [_with_rivals(c, people) for c in candidates]
        # outlet_sentence is in document order: two bisections, not a pass over it for every claim
        upto = bisect.bisect_right(outlet_at, i)
        near = outlet_sentence[bisect.bisect_left(outlet_at, i - OUTLET_REACH) : upto]
        outlets_before = tuple((i - k, name) for k, name in near)
        last = (i - outlet_sentence[upto - 1][0], outlet_sentence[upto - 1][1],
                outlet_sentence[upto - 1][0] in obtaining) if upto else None
        result.append(ClaimCandidates(i, sent.start, sent.end, tuple(candidates), context, outlets_before,
                                      carried, position - carried_at, last))
        if chosen.source is not None and chosen.source.via:
            carried, carried_at = tuple(chosen.source.via), position
    return result


PEOPLE_REACH = 2  # sentences before a claim whose people's names may compete with its speaker


def _people_in(sent: ParsedSentence) -> list[frozenset[str]]:
    """The people the tagger saw named in a sentence (runs of PER tokens, as folded words)."""
    people, run = [], []
    for tok in (*sent.tokens, None):
        if tok is not None and tok.ent == "PER":
            run.append(fold(tok.text))
        elif run:
            people.append(frozenset(run))
            run = []
    return people


def _with_rivals(candidate: Candidate, people: list[frozenset[str]]) -> Candidate:
    """A person's candidate knows how many other people were named close before: a speaker the
    rules reached through a pronoun or a description is less surely the one meant when someone
    else was named since ("Le cas de José, 14 ans …, déclare-t-il" after Jorge spoke)."""
    source = candidate.source
    if source is None or source.type != "named":
        return candidate
    own = set(fold(source.speaker or "").split())
    rivals = len({p for p in people if not p & own})
    feature = f"rivals={min(rivals, 2)}&resolved={source.resolved or '-'}"
    return replace(candidate, features=(*candidate.features, feature))


def _key(source: Source | None) -> tuple[str, str]:
    return (fold(source.speaker or ""), source.type) if source else ("", "editorial")


_QUE = re.compile(r"^[^.!?\n«»\"“”]{0,40}?\b(?:que|qu['’])", re.IGNORECASE)
_INFINITIVE = re.compile(r"^\s*(?:de\s+|d['’]\s*|à\s+)?(?:\w+\s+){0,2}?\w+(?:er|ir|re)\b", re.IGNORECASE)
_QUOTE_NEAR = re.compile(r"^[^.!?\n]{0,15}[«\"“:]")


def _frame(text: str, base: Attribution) -> str:
    """What follows the cue: a que-clause, a quotation (or a colon), an infinitive, or nothing
    that reports (GUIDE: wish, fear and memory verbs report only with one of the first three)."""
    if base.cue_span is None:
        return "-"
    after = text[base.cue_span[1] : base.cue_span[1] + 80]
    before = text[max(0, base.cue_span[0] - 3) : base.cue_span[0]]
    if any(mark in before for mark in "»\"”,"):
        return "incise"
    if _QUE.match(after):
        return "que"
    if _QUOTE_NEAR.match(after):
        return "quote"
    if _INFINITIVE.match(after):
        return "infinitive"
    return "none"


def _merge(proposals: list[tuple[str, Source | None, Attribution]], context: tuple[str, ...],
           frame_of) -> list[Candidate]:
    """One candidate per distinct (speaker, type), with every origin that proposed it, in the
    order first proposed (the rules' own answer first). The article's own voice keeps the
    evidence of the rule that left it so ("none/after-report"), as --engine rules reports it."""
    grouped: dict[tuple[str, str], list[tuple[str, Source | None, Attribution]]] = {}
    for origin, source, base in proposals:
        grouped.setdefault(_key(source), []).append((origin, source, base))
    candidates = []
    for members in grouped.values():
        _origin, source, base = members[0]
        origins = tuple(dict.fromkeys(m[0] for m in members))
        features = _candidate_features(origins, source, base, context, frame_of(base) if source else "-")
        if source is None:
            candidates.append(Candidate(None, "none", None, None, None, origins, base.evidence, features))
            continue
        mode = base.mode if base.mode != "none" else "indirect"
        candidates.append(Candidate(source, mode, base.cue, base.cue_span, base.quote_span, origins, base.evidence,
                                    features))
    return candidates


_CROSSED = ("quote=", "quoted_share=", "first_person=", "first_person_any=", "own_cue=", "kind=", "inside_quote=",
            "opens_quote=", "rules_evidence=", "previous=", "second_person=", "question=")


def _candidate_features(origins: tuple[str, ...], source: Source | None, base: Attribution,
                        context: tuple[str, ...], frame: str = "-") -> tuple[str, ...]:
    kind = "none" if source is None else "source"
    features = [f"cand={kind}", f"origins={'+'.join(sorted(o.rstrip('0123456789') for o in origins))}"]
    for origin in origins:
        features.append(f"origin={origin}")
        features.append(f"origin={origin}&cand={kind}")
    crossed = [c for c in context if c.startswith(_CROSSED)]
    for c in context:
        features.append(f"{kind}&{c}")
    if source is not None:
        first = origins[0].rstrip("0123456789")
        speaker = source.speaker or ""
        words = speaker.split()
        features += [
            f"type={source.type}", f"type={source.type}&cand={kind}",
            f"evidence={base.evidence}&cand={kind}", f"evidence_family={evidence_family(base.evidence)}&cand={kind}",
            f"mode={base.mode}", f"cue={_cue_lemma(base.cue)}",
            f"resolved={source.resolved or '-'}", f"plural={source.plural}",
            f"words={_bucket(len(words), (1, 2, 3, 5))}&type={source.type}",
            f"capitalised={bool(words) and all(w[:1].isupper() for w in words if len(w) > 3)}&type={source.type}",
            f"lower_start={speaker[:1].islower()}&type={source.type}",
            f"has_role={source.role is not None}&type={source.type}",
            f"has_via={bool(source.via)}",
            f"frame={frame}", f"frame={frame}&origin={first}", f"frame={frame}&cue={_cue_lemma(base.cue)}",
        ]
        for c in crossed:
            features.append(f"{first}&{c}")
            features.append(f"{first}&{kind}&{c}")
    return tuple(dict.fromkeys(features))


def via_options(claim: ClaimCandidates, chosen: Candidate) -> list[ViaOption]:
    """The lists of relaying outlets worth weighing for a claim whose source is `chosen`: the
    rules' own, none, the relay carried from the claims before (an interview an outlet obtained),
    and each outlet named in the sentences just before."""
    if chosen.source is None:
        return [ViaOption((), ("via=none-editorial",))]
    base = [f"type={chosen.source.type}", f"mode={chosen.mode}", f"origin={chosen.origins[0]}"]
    base += [c for c in claim.context if c.startswith(("quote=", "own_cue=", "first_person=", "kind="))]
    options: dict[tuple[str, ...], list[str]] = {}

    def offer(via: tuple[str, ...], what: str, extra: Sequence[str] = ()) -> None:
        if chosen.source is not None and any(fold(v) == fold(chosen.source.speaker or "") for v in via):
            return  # an outlet does not relay itself
        features = options.setdefault(via, [])
        features.append(f"via={what}")
        features.extend(f"via={what}&{b}" for b in base)
        features.extend(extra)

    offer(tuple(chosen.source.via), "rules" if chosen.source.via else "rules-empty")
    offer((), "empty")
    if claim.carried:
        offer(claim.carried, "carried", [f"via=carried&distance={_bucket(claim.carried_distance, (1, 3, 8, 20))}"])
    for distance, outlet in claim.outlets_before[-3:]:
        offer((outlet,), "named-before", [f"via=named-before&distance={_bucket(distance, (0, 1, 3))}"])
    if claim.last_outlet is not None:
        distance, outlet, obtained = claim.last_outlet
        far = _bucket(distance, (0, 1, 3, 8, 20, 40))
        offer((outlet,), "last-outlet", [f"via=last-outlet&distance={far}", f"via=last-outlet&obtaining={obtained}",
                                          f"via=last-outlet&obtaining={obtained}&distance={far}",
                                          f"via=last-outlet&obtaining={obtained}&type={chosen.source.type}"])
    return [ViaOption(via, tuple(dict.fromkeys(features))) for via, features in options.items()]


def evidence_family(evidence: str) -> str:
    """The rule that made an answer, without what it found ("incise/named+name" -> "incise")."""
    return evidence.split("/")[0]


def confidence_features(claim: ClaimCandidates, best: int, scores: Sequence[float]) -> tuple[str, ...]:
    """What tells a right choice from a wrong one: the chosen candidate's own features, how far
    ahead of the next candidate it is, and how many candidates there were."""
    ranked = sorted(scores, reverse=True)
    margin = ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)
    total = sum(scores)
    share = scores[best] / total if total else 0.0
    return (*claim.candidates[best].features, f"conf:margin={int(margin * 10)}", f"conf:share={int(share * 10)}",
            f"conf:top={int(ranked[0] * 10)}", f"conf:candidates={min(len(scores), 6)}")
