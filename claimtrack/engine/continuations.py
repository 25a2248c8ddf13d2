"""Sentences with no cue of their own that go on in a speaker's voice: a sentence all in
quotation after a quotation, the first person after a report, speech addressed to someone, a
quotation paragraph whose marks stop after its first sentence, a relayed interview. The
article's own voice (narration in the past, a date, a person named) ends the run."""

from __future__ import annotations

import re

from claimtrack.engine.attribution import Attribution
from claimtrack.engine.lexicons import fold, fold_accents
from claimtrack.engine.syntax.parsed import ParsedSentence
from claimtrack.engine.text.quotes import Quote, QuoteIndex

FIRST_PERSON = frozenset("je j' me m' moi mon ma mes nous notre nos".split())

FIRST_PERSON_SINGULAR = frozenset("je j' me m' moi mon ma mes".split())
SECOND_PERSON = frozenset("tu te t' toi ton ta tes vous votre vos -toi -vous".split())
ADDRESS_REACH = 3  # sentences
FIRST_PERSON_REACH = 5  # sentences of narration a quoted speaker's "je" may come back after

_AUTHOR_FIRST_PERSON_SHARE = 0.2

_AUTHOR_FIRST_PERSON_MIN = 3

def in_first_person(sent: ParsedSentence, words: frozenset[str] = FIRST_PERSON,
                     quotes: list[Quote] | None = None) -> bool:
    """A sentence spoken in the first person: a first-person pronoun or possessive (outside
    quotations when `quotes` is given)."""
    return any(fold(t.text) in words and not (quotes and any(q.start < t.start < q.end for q in quotes))
               for t in sent.tokens)

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
            if owner.mode == "direct":
                last_quoted = (i, owner)
            continue
        if owner is not None and (_opens_with_quotation(text, sentences, results, i - 1)
                                  or _in_relayed_interview(results, i)) \
                and _speaks_on(text, sent, owner.source.speaker):
            # '« … », a-t-il ajouté. Il est possible de …': a quotation paragraph whose marks
            # the translation or the page dropped after its first sentence goes on
            results[i] = Attribution(owner.source, "direct", owner.cue, owner.cue_span, None,
                                     f"quotation-run/{owner.source.type}")
            last_quoted = (i, owner)
            continue
        owner = None
        if last_quoted and not author_first_person and i - last_quoted[0] <= FIRST_PERSON_REACH \
                and in_first_person(sent, FIRST_PERSON_SINGULAR) \
                and not any(r is not None and r.source is not None and r.source.speaker != last_quoted[1].source.speaker
                            for r in results[last_quoted[0] + 1 : i]):
            # « … », a-t-il déclaré. À 18 ans, il a subi … J'ai été stérilisé …': the narration
            # about the speaker pauses the quotation; "je" outside quotes is still the speaker's
            quoted_owner = last_quoted[1]
            results[i] = Attribution(quoted_owner.source, "direct", quoted_owner.cue, quoted_owner.cue_span, None,
                                     f"first-person-return/{quoted_owner.source.type}")
            last_quoted = (i, quoted_owner)
            continue
        # "tu", "vous", "Laisse-leur …": someone addresses someone, which the article's own voice
        # does not; it goes on with the quotation just before, even past a sentence or two of narration
        if last_quoted and i - last_quoted[0] <= ADDRESS_REACH \
                and (in_first_person(sent, SECOND_PERSON) or _IMPERATIVE.match(text, sent.start, sent.end)):
            quoted_owner = last_quoted[1]
            results[i] = Attribution(quoted_owner.source, "direct", quoted_owner.cue, quoted_owner.cue_span, None,
                                     f"address/{quoted_owner.source.type}")
            last_quoted = (i, quoted_owner)  # a run of sentences addressed to someone goes on

# an imperative opens on its verb with a pronoun hooked on ("Laisse-leur", "Dis-moi", "Faites-le"):
# the tagger often reads it as an indicative, the hyphen does not lie
_IMPERATIVE = re.compile(r"[\s«\"“]*(?!rendez-vous)\w+-(?:moi|toi|nous|vous|le|la|les|leur|lui|en|y)(?![\w-])",
                         re.IGNORECASE)


def _opens_with_quotation(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                          i: int) -> bool:
    """Sentence i opens with a quotation its cue follows ('« … », a déclaré X.'), or goes on
    such a run."""
    own = results[i] if 0 <= i < len(results) else None
    if own is None or own.source is None or own.mode != "direct":
        return False
    if own.evidence.startswith("quotation-run/"):
        return True
    body = text[sentences[i].start : sentences[i].end].lstrip()
    return body[:1] in "«\"“" and own.cue_span is not None and own.cue_span[0] > sentences[i].start + 1 \
        and bool(_CLOSED_BEFORE_CUE.search(text[sentences[i].start : own.cue_span[0]]))


_INTERVIEW_RUN = 3  # sentences


def _in_relayed_interview(results: list[Attribution | None], i: int) -> bool:
    """The sentences before i are an interview an outlet relays: the sentence just before and two
    more of the last four have the same speaker with the same via (a translated interview often
    drops the marks of what is said in it)."""
    previous = [r for r in results[max(0, i - _INTERVIEW_RUN - 3) : i] if r is not None][-_INTERVIEW_RUN - 1:]
    if not previous or previous[-1].source is None or not previous[-1].source.via:
        return False
    last = previous[-1].source
    same = [r for r in previous if r.source is not None and r.source.speaker == last.speaker
            and r.source.via == last.via]
    return len(same) >= _INTERVIEW_RUN


_CLOSED_BEFORE_CUE = re.compile(r"[»\"”][\s,.!?…]*$")

_PAST_TENSES = frozenset({"Past", "Imp", "Pqp"})


def _speaks_on(text: str, sent: ParsedSentence, speaker: str) -> bool:
    """A sentence with no cue that reads as the speaker's own words rather than narration: it
    is a statement (a subheading or a question is the article's), states or predicts (present,
    future, conditional: no compound, simple or imperfect past in its main clause), names no
    person (narration names who acts: not the speaker by name either), and dates nothing (a
    day, a month, a year, "la semaine prochaine")."""
    if not _STATEMENT_END.search(text[sent.start : sent.end]) or fold(speaker) == "on":
        return False  # a subheading or a question stops the run; "on" is no one to go on with
    toks = sent.tokens
    roots = [t for t in toks if t.head == t.i]
    if not roots:
        return False
    root = roots[0]
    if root.upos in ("PRON", "DET") or fold(root.text) in ("celles", "ceux", "celle", "celui"):
        return False  # "Ce qu'il a découvert l'a horrifié": a parse with no verb at its root
    verbs = [root] + [t for t in toks if t.head == root.i and t.deprel in ("aux", "aux:pass", "cop", "aux:tense")]
    if any(t.feat("Tense") in _PAST_TENSES and t.feat("VerbForm") != "Part" for t in verbs):
        return False
    if root.feat("VerbForm") == "Part" and any(
            t.deprel == "aux:tense" or fold(t.lemma) == "avoir" or fold_accents(root.lemma) in _ETRE_VERBS
            for t in verbs[1:]):
        return False  # "a déclenché", "suis retournée": something done, told ("n'est pas respecté" states)
    if any(fold(t.text) in _STRESSED and 0 < t.i < root.i and toks[t.i - 1].text == "," and toks[t.i + 1].text == ","
           for t in toks[:-1]):
        return False  # "Les syndicats, eux, refusent …": a contrast with someone else, told by the article
    speaker_words = set(fold(speaker).split())
    for t in toks:
        if t.ent == "PER" or (t.upos == "PROPN" and fold(t.text) in speaker_words):
            return False
        if fold_accents(t.text) in _DATE_WORDS or _YEAR.fullmatch(t.text):
            return False
    folded = [fold_accents(t.text) for t in toks]
    return not any(word in _TIME_NOUNS and {before, after} & _RELATIVE_TIME
                   for before, word, after in zip(["", *folded[:-1]], folded, [*folded[1:], ""], strict=True))


# verbs whose compound past takes "être" (a tagger reads "je suis retournée" as a passive)
_ETRE_VERBS = frozenset("aller venir revenir devenir parvenir intervenir survenir retourner partir repartir arriver "
                        "entrer rentrer sortir monter remonter descendre naitre mourir deceder rester tomber passer "
                        "apparaitre".split())

_STRESSED = frozenset("eux elles lui elle".split())

_STATEMENT_END = re.compile(r"[.!…][»\"”]?\s*$")

_YEAR = re.compile(r"1[89]\d\d|20\d\d")

_DATE_WORDS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier demain janvier fevrier mars avril mai juin "
    "juillet aout septembre octobre novembre decembre".split())


# "la semaine prochaine", "le mois dernier": a relative date schedules or recounts, as narration does
_TIME_NOUNS = frozenset("semaine semaines mois annee annees an ans jour jours week-end trimestre ete hiver "
                        "automne printemps soir matin nuit".split())
_RELATIVE_TIME = frozenset("prochain prochaine prochains prochaines dernier derniere derniers dernieres".split())


def is_quoted_sentence(text: str, sent: ParsedSentence) -> bool:
    """A sentence that is all quotation: '"Mais c'est possible".'"""
    body = text[sent.start : sent.end].strip()
    return body[:1] in "«\"“" and bool(re.search(r"[»\"”][.!?…]?$", body))
