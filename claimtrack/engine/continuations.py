"""Sentences with no cue of their own that go on in a speaker's voice: a sentence all in
quotation after a quotation (or after a line or two of narration), the first person after a
report. Speech addressed to someone (tu, vous, an imperative) with no quotation mark is not
among them: the guide gives it no speaker of its own.
Any other sentence without quotation marks, cue or first person is the article's own, even
right after a quotation (GUIDE §2), and ends the run."""

from __future__ import annotations

import re

from claimtrack.engine.attribution import Attribution
from claimtrack.engine.lexicons import fold
from claimtrack.engine.syntax.parsed import ParsedSentence
from claimtrack.engine.text.quotes import Quote, QuoteIndex, all_quoted

FIRST_PERSON = frozenset("je j' me m' moi mon ma mes nous notre nos".split())

FIRST_PERSON_SINGULAR = frozenset("je j' me m' moi mon ma mes".split())
SECOND_PERSON = frozenset("tu te t' toi ton ta tes vous votre vos -toi -vous".split())
FIRST_PERSON_REACH = 5  # sentences of narration a quoted speaker's "je" may come back after
QUOTED_REACH = 3  # sentences after a quotation that a sentence all in quotation marks goes back to it

_AUTHOR_FIRST_PERSON_SHARE = 0.2

_AUTHOR_FIRST_PERSON_MIN = 3

def in_first_person(sent: ParsedSentence, words: frozenset[str] = FIRST_PERSON,
                     quotes: list[Quote] | None = None) -> bool:
    """A sentence spoken in the first person: a first-person pronoun or possessive (outside
    quotations when `quotes` is given)."""
    return any(fold(t.text) in words and t.upos != "PROPN" and t.ent != "PER"  # "M. Ma", a name
               and not (quotes and any(q.start < t.start < q.end for q in quotes)) for t in sent.tokens)

def written_in_first_person(text: str, sentences: list[ParsedSentence], kinds: list[str],
                             index: QuoteIndex) -> bool:
    """A memoir or a column: the author's own "je" outside quotations in a fifth of the
    sentences or more (and at least three). There the first person is the article's voice, not a speaker's."""
    claims = [s for s, k in zip(sentences, kinds, strict=False) if k == "claim"]
    mine = sum(1 for s in claims if in_first_person(s, FIRST_PERSON_SINGULAR, index.overlapping(s.start, s.end)))
    return mine >= _AUTHOR_FIRST_PERSON_MIN and mine / len(claims) >= _AUTHOR_FIRST_PERSON_SHARE

def spread_continuations(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                          author_first_person: bool) -> None:
    """A sentence with no cue of its own that goes on in a speaker's voice belongs to that
    speaker: a sentence that is all quotation after a quotation, or a sentence in the first
    person after any report ("… a affirmé Correa. Si je gagnais, ce serait mon dernier
    mandat."), unless the article itself is written in the first person. A sentence in the
    article's own voice ends the run."""
    owner: Attribution | None = None
    last_quoted: tuple[int, Attribution] | None = None  # the last direct quotation and its sentence
    for i, sent in enumerate(sentences):
        current = results[i]
        if current is None:
            continue
        if current.source is not None:
            owner = current
            if current.mode == "direct":
                last_quoted = (i, current)
            continue
        quoted = is_quoted_sentence(text, sent) and owner is not None and owner.mode == "direct"
        if owner is not None and (quoted or (not author_first_person and in_first_person(sent))):
            results[i] = Attribution(owner.source, "direct", owner.cue, owner.cue_span, None,
                                     f"continuation/{owner.source.type}")
            if owner.mode == "direct" or _QUOTATION_MARK.search(text, sent.start, sent.end):
                # 'déclare X. Cependant, "A mon avis, …"': quoted in the first person, X is a quoted speaker now
                last_quoted = (i, owner)
            continue
        # no quotation mark, no cue, no first person: the article's own voice even right after a
        # quotation (GUIDE §2), however much it reads like the speaker's words
        owner = None
        if last_quoted and not author_first_person and i - last_quoted[0] <= FIRST_PERSON_REACH \
                and in_first_person(sent, FIRST_PERSON_SINGULAR) and _uninterrupted(results, last_quoted, i):
            # « … », a-t-il déclaré. À 18 ans, il a subi … J'ai été stérilisé …': the narration
            # about the speaker pauses the quotation; "je" outside quotes is still the speaker's
            quoted_owner = last_quoted[1]
            results[i] = Attribution(quoted_owner.source, "direct", quoted_owner.cue, quoted_owner.cue_span, None,
                                     f"first-person-return/{quoted_owner.source.type}")
            last_quoted = (i, quoted_owner)
            continue
        if last_quoted and i - last_quoted[0] <= QUOTED_REACH and is_quoted_sentence(text, sent) \
                and _uninterrupted(results, last_quoted, i):
            # '« … », a-t-elle déclaré. Elle exposait pour la première fois. « Les femmes sont … ».':
            # a sentence all in quotation marks after a line of narration is the quoted speaker's again
            quoted_owner = last_quoted[1]
            results[i] = Attribution(quoted_owner.source, "direct", quoted_owner.cue, quoted_owner.cue_span, None,
                                     f"quoted-return/{quoted_owner.source.type}")
            last_quoted = (i, quoted_owner)
            continue


def _uninterrupted(results: list[Attribution | None], last_quoted: tuple[int, Attribution], i: int) -> bool:
    """No other speaker between the last quotation and sentence i."""
    speaker = last_quoted[1].source.speaker
    return not any(r is not None and r.source is not None and r.source.speaker != speaker
                   for r in results[last_quoted[0] + 1 : i])


_QUOTATION_MARK = re.compile(r"[«\"“]")


def is_quoted_sentence(text: str, sent: ParsedSentence) -> bool:
    """A sentence that is all quotation: '"Mais c'est possible".'"""
    return all_quoted(text[sent.start : sent.end])
