"""Passives that report: with their agent ("revendiquées par le groupe X"), impersonally ("Il a
été rapporté que …") or, for a judgement, with no agent at all ("est très critiqué": someone
unnamed holds it, GUIDE); and the name that closes an agent after its title."""

from __future__ import annotations

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.speakers.names import name_runs
from claimtrack.engine.syntax.cue import Cue
from claimtrack.engine.syntax.parsed import ParsedSentence, Token
from claimtrack.engine.syntax.phrases import POSSESSIVES, extend_np
from claimtrack.engine.syntax.verbgroup import verb_lemma

_ETRE_VERBS = frozenset("monter descendre venir revenir partir sortir entrer rentrer rester tomber aller arriver "
                        "intervenir parvenir".split())


def is_passive(toks: tuple[Token, ...], v: int, a: int, form: str | None) -> bool:
    """"ont été revendiquées": être as a passive auxiliary, not the compound past of a
    pronominal verb ("s'est félicité")."""
    if form != "Part" or verb_lemma(toks[v]) in _ETRE_VERBS:
        return False  # "est monté au créneau": a verb of motion takes être in the active
    reflexive = any(fold(x.text) in ("se", "s'") for x in toks[a:v])
    return any(t.deprel == "aux:pass" or (fold(t.lemma) == "être" and t.head == v and not reflexive)
               for t in toks[a:v])


def passive_cue(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> Cue | None:
    """A passive reports with its agent ("revendiquées par le groupe X"), or impersonally
    ("Il a été rapporté que …", "Il a été démontré devant la Commission que …": a report whose
    source the article may name later)."""
    toks = sent.tokens
    agent = end + _attribute_length(toks, v, end)  # "est jugée peu probable par les experts"
    reported = verb_lemma(toks[v]) not in load().unreported_passives  # "Le chant est assuré par X"
    if reported and agent < len(toks) and fold(toks[agent].text) == "par":
        b = _before_reason(toks, agent + 1, extend_np(text, sent, agent + 1))
        if b > agent + 1:
            return Cue(v, (a, end), (agent + 1, closing_name(sent, b)), "passive", sent.depth(v))
    expletive = a > 0 and fold(toks[a - 1].text) == "il" and toks[a - 1].deprel.startswith("nsubj")
    if not expletive:
        return _agentless_cue(text, sent, v, a, end)
    that = next((k for k in range(end, min(len(toks), end + _ADJUNCT_BEFORE_QUE + 1))
                 if fold(toks[k].text) in ("que", "qu'") or toks[k].text in (",", ".", ";", ":")), None)
    if that is not None and fold(toks[that].text) in ("que", "qu'"):
        return Cue(v, (a - 1, end), None, "impersonal", sent.depth(v))
    return None


_REASON_OPENERS = {"en": "raison", "à": "cause", "a": "cause"}  # "en raison de", "à cause de"


def _before_reason(toks: tuple[Token, ...], start: int, end: int) -> int:
    """Where a passive's agent ends before the reason it praises or blames for: "critiqué par
    l'opposition pour sa gestion", "salué par les juges pour ses qualités", "par les syndicats en
    raison de …". "pour" is cut only before a possessive or a verb: a name or a description may
    have it ("le Comité pour la protection des journalistes", "la présidente du comité pour la
    sécurité")."""
    for k in range(start + 1, end - 1):
        word, after = fold(toks[k].text), toks[k + 1]
        if word == "pour" and (fold(after.text) in POSSESSIVES or after.upos in ("VERB", "AUX")):
            return k
        if _REASON_OPENERS.get(word) == fold(after.text):
            return k
    return end


_AGENT_REACH = 8  # words of an attribute between a passive and its agent ("considéré comme une … par")


def _agentless_cue(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> Cue | None:
    """"Le projet est violemment controversé", "L'espionnage est parfois considéré comme une
    infraction": a judgement in the passive with no agent reports what someone unnamed holds
    (lexicons/agentless_passives.tsv; a verb of judgement only with its attribute). An agent
    after a longer attribute ("considéré comme une organisation terroriste par les Etats-Unis")
    is the source."""
    toks = sent.tokens
    kind = load().agentless_passives.get(verb_lemma(toks[v]))
    if kind is None:
        return None
    for k in range(end, min(len(toks), end + _AGENT_REACH)):
        if toks[k].text in (",", ";", ":", "(") or toks[k].upos in ("VERB", "AUX", "SCONJ", "PRON"):
            break
        if fold(toks[k].text) == "par":
            b = _before_reason(toks, k + 1, extend_np(text, sent, k + 1))
            return Cue(v, (a, end), (k + 1, closing_name(sent, b)), "passive", sent.depth(v)) if b > k + 1 else None
    if kind == "attribute":
        k = end
        while k < len(toks) and toks[k].upos == "ADV":
            k += 1
        if k >= len(toks) or not (fold(toks[k].text) in ("comme", "de", "d'") or toks[k].upos == "ADJ"):
            return None
    return Cue(v, (a, end), None, "impersonal", sent.depth(v))


_ATTRIBUTE_TOKENS = 4
_ADJUNCT_BEFORE_QUE = 6  # words between "Il a été démontré" and its que ("devant la Commission")


def _attribute_length(toks: tuple[Token, ...], v: int, end: int) -> int:
    """How many words of an attribute stand between a verb of judgement in the passive and its
    agent ("jugé peu probable par", "considérée comme dangereuse par"): adjectives and adverbs,
    after "comme" too. Zero for any other verb, or when no "par" follows them."""
    if load().verb_frames.get(verb_lemma(toks[v])) != "judgement":
        return 0
    k = end + (1 if end < len(toks) and fold(toks[end].text) == "comme" else 0)
    while k < len(toks) and k - end < _ATTRIBUTE_TOKENS and toks[k].upos in ("ADJ", "ADV"):
        k += 1
    return k - end if k > end and k < len(toks) and fold(toks[k].text) == "par" else 0


def closing_name(sent: ParsedSentence, b: int) -> int:
    """"… soutenue par le chef du comité pour la sécurité et la lutte contre la corruption,
    Irina Yarovaya.": a name closing the sentence after a comma is the agent's, however long
    the title before it."""
    toks = sent.tokens
    last = len(toks)
    while last > b and toks[last - 1].upos == "PUNCT":
        last -= 1
    commas = [k for k in range(b, last) if toks[k].text == ","]
    if not commas:
        return b
    runs = name_runs(sent, commas[-1] + 1, last)
    if runs and runs[0] == (commas[-1] + 1, last) and not any(t.upos in ("VERB", "AUX") for t in toks[b:last]):
        return last
    return b
