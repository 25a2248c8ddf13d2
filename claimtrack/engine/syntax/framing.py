"""Cues that frame a whole sentence without a verb: "selon X", "d'après X", "Pour X,", and a name
or a title before a colon and a quotation."""

from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.syntax.cues import Cue, inside
from claimtrack.engine.syntax.inversion import before_setting
from claimtrack.engine.syntax.parsed import ParsedSentence, Token
from claimtrack.engine.syntax.phrases import POSSESSIVES, extend_np
from claimtrack.engine.syntax.subjects import preposed_subject
from claimtrack.engine.syntax.verbgroup import RELATIVE, aux_chain, first_or_second_person, negated
from claimtrack.engine.text.quotes import Quote


def framing_cues(text: str, sent: ParsedSentence, quotes: list[Quote]) -> list[Cue]:
    """"selon X", "d'après X", "de source X": the framed source of the sentence."""
    toks = sent.tokens
    words = [fold(t.text) for t in toks]
    cues = []
    opening = _pour_framing(text, sent)
    if opening:
        cues.append(opening)
    starts = _phrase_starts()
    for i in range(len(toks)):
        if not words[i] or words[i][0] not in starts or inside(quotes, toks[i]):
            continue
        for phrase in starts[words[i][0]]:
            n = _match_length(words, i, "".join(phrase))
            if n:
                j = i + n
                if j < len(toks) and (words[j] in RELATIVE or words[j] in ("nos", "notre")):
                    break  # "selon laquelle"; "selon nos informations": the article's own reporting
                start = j - 1 if phrase[-1] == "source" else j  # "de source diplomatique": "source diplomatique"
                said = _what_was_said(toks, words, start)
                b = extend_np(text, sent, said)
                if said != start:  # "d'après ce qu'a expliqué le ministre à la télévision"
                    start, b = said, before_setting(sent, said, b)
                if b > start:
                    cues.append(Cue(i, (i, j), (start, b), "framing", sent.depth(i)))
                break
    return cues


def _what_was_said(toks: tuple[Token, ...], words: list[str], j: int) -> int:
    """Where the source of "selon ce qu'a expliqué le ministre", "d'après ce que rapporte Le Monde",
    "selon ce que le ministre a dit" starts; j itself otherwise."""
    if j + 2 >= len(toks) or words[j] != "ce" or words[j + 1] not in ("que", "qu'"):
        return j
    k = j + 2
    clitic = ("l'", "le", "en", "y")  # "ce qu'en dit le ministre": only right before a verb
    while k < len(toks) and not toks[k].text[:1].isupper() and (toks[k].upos in ("AUX", "VERB", "ADV") or (
            words[k] in clitic and k + 1 < len(toks) and toks[k + 1].upos in ("AUX", "VERB"))):
        k += 1
    return k if k < len(toks) and (toks[k].upos in ("DET", "PROPN") or toks[k].text[:1].isupper()) else j


FIRST_PERSON_OPENERS = frozenset("je j' nous moi mon ma mes notre nos".split())


def colon_quote_cue(text: str, sent: ParsedSentence) -> Cue | None:
    """"Zelensky : « Nous allons relever ce défi »": a name or a title, a colon, a quotation,
    or the speaker's own first person ("Petronella Wyatt : J'ai été exclue d'Oxford")."""
    lex = load()
    toks = sent.tokens
    colon = next((i for i, t in enumerate(toks[:12]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(toks):
        return None
    first_person = fold(toks[colon + 1].text) in FIRST_PERSON_OPENERS
    if toks[colon + 1].text not in ("«", '"', "“") and not first_person:
        return None
    start = 0
    while start < colon and toks[start].upos == "DET":
        start += 1
    words = {fold(t.text) for t in toks[start:colon]}
    if extend_np(text, sent, start) < colon:
        return None if first_person else _clause_before_colon(text, sent, colon)
    if not (any(t.upos == "PROPN" for t in toks[start:colon]) or words & lex.titles):
        return None
    if first_person and sum(t.text[:1].isupper() for t in toks[start:colon]) < 2:
        return None  # "Bilan : nous …" is a heading; a person's full name is a speaker
    return Cue(colon, (colon, colon + 1), (0, colon), "colon", 0)


def _clause_before_colon(text: str, sent: ParsedSentence, colon: int) -> Cue | None:
    """"Le ministre a été clair : « … »", "Les manifestants avaient un seul mot d'ordre : « … »":
    a clause whose subject introduces the quotation its colon opens; that subject speaks."""
    toks = sent.tokens
    verbs = [t.i for t in toks[:colon] if t.upos in ("VERB", "AUX", "ADJ", "NOUN") and any(
        d.head == t.i and d.deprel.startswith("nsubj") and d.i < t.i for d in toks[:colon])]
    if not verbs:
        return None
    v = verbs[-1]
    a = aux_chain(toks, v)
    if first_or_second_person(toks, v) or negated(toks, a, v) or any(t.text in ("«", '"', "“") for t in toks[:colon]):
        return None
    # words someone says: a sentence with its verb ("« le jour et la nuit »" only names things)
    if not any(t.upos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" for t in toks[colon + 1 :]):
        return None
    subject = preposed_subject(text, sent, v, a)
    if subject is None or subject[0] >= subject[1]:
        return None
    return Cue(colon, (colon, colon + 1), subject, "colon", 0)


def _pour_framing(text: str, sent: ParsedSentence) -> Cue | None:
    """"Pour le chercheur Kunle Amuwo, la secte …": "pour X," opening a sentence frames it
    when X is a person, a title or a source noun (not "pour cela," or "pour la première fois,")."""
    lex = load()
    toks = sent.tokens
    if len(toks) < 4 or fold(toks[0].text) != "pour":
        return None
    b = extend_np(text, sent, 1)
    if b >= len(toks) or toks[b].text != ",":
        return None
    words = {fold(t.text) for t in toks[1:b]}
    person = any(t.upos == "PROPN" for t in toks[1:b]) or words & lex.titles or words & lex.anonymous \
        or _person_phrase(toks, 1, b)
    return Cue(0, (0, 1), (1, b), "framing", 0) if person else None


_STRESSED_PRONOUNS = frozenset("lui elle eux elles".split())
_PERSON_ENDING = re.compile(r"(?:eur|euse|trice|iste|logue)s?$")


def _person_phrase(toks: tuple[Token, ...], a: int, b: int) -> bool:
    """"Pour lui,", "Pour ce chercheur,", "Pour les riverains,": a person, a stressed pronoun or
    people the lexicon knows as such, whose view the sentence gives. Left out: institutions and
    places ("Pour la ville, c'est un coup dur" says who bears it), people with a possessive or
    plural people at large ("Pour leurs parents, …", "Pour les enfants, …": for whom), and nouns
    whose ending only looks like an agent's ("Pour l'instant", "Pour le nucléaire")."""
    lex = load()
    if b - a == 1 and fold(toks[a].text) in _STRESSED_PRONOUNS:
        return True
    heads = [t for t in toks[a:b] if t.upos == "NOUN" and not (a <= t.head < b)]
    if len(heads) != 1 or any(fold(t.text) in POSSESSIVES for t in toks[a:b]):
        return False
    words = {fold(heads[0].text), fold(heads[0].lemma)}
    if words & (lex.institutions | lex.collective_nouns | lex.outlet_nouns | lex.time_words):
        return False
    people = lex.titles | lex.anonymous if heads[0].feat("Number") == "Plur" else \
        lex.human_nouns | lex.titles | lex.anonymous  # "Pour les enfants, le parc est fermé": for whom
    return bool(words & people) or any(_PERSON_ENDING.search(w) for w in words)


@lru_cache(maxsize=1)
def _phrase_starts() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The framing phrases by their first letter, longest first: most tokens start none."""
    starts: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load().framings:
        starts.setdefault("".join(phrase)[0], []).append(phrase)
    return {letter: tuple(phrases) for letter, phrases in starts.items()}


def _match_length(words: list[str], i: int, joined: str) -> int:
    """How many tokens spell the phrase (tokenizers split "d'après" differently); stops at the
    first token that leaves the phrase (every token of every sentence is tried)."""
    spelled = ""
    for k in range(1, min(8, len(words) - i + 1)):
        spelled += words[i + k - 1]
        if spelled == joined:
            return k
        if not joined.startswith(spelled):
            return 0
    return 0
