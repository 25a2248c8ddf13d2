"""Reporting cues in one sentence: reporting verbs with their subject, and framing prepositions.

The parser's labels are used where they are reliable (a preposed subject) and the surface
where they are not (an inverted subject after a quotation, "a-t-il", "note un analyste").
"""

from __future__ import annotations

from claimtrack.engine.lexicons import fold, fold_accents, load
from claimtrack.engine.syntax.cue import Cue
from claimtrack.engine.syntax.inversion import is_incise, quoted_name_after
from claimtrack.engine.syntax.parsed import ParsedSentence, Token
from claimtrack.engine.syntax.passives import is_passive, passive_cue
from claimtrack.engine.syntax.phrases import extend_np, start_np
from claimtrack.engine.syntax.subjects import (
    plausible_start,
    preposed_subject,
    subject_end,
    subject_of,
)
from claimtrack.engine.syntax.verbgroup import (
    CLITIC_SUBJECTS,
    CLOSING_QUOTES,
    RELATIVE,
    aux_chain,
    clitic_after,
    document_subject,
    first_or_second_person,
    gerund,
    has_clause_frame,
    hypothetical,
    incise_position,
    may_report,
    negated,
    realised_modal,
    reflexive,
    reporting_word,
    verb_lemma,
)
from claimtrack.engine.text.quotes import Quote

__all__ = ["Cue", "citing_after", "inside", "verb_cues"]  # Cue lives in syntax/cue.py

CITING = ("les propos de", "les propos d'", "les déclarations de", "les déclarations d'")


def inside(quotes: list[Quote], tok: Token) -> bool:
    """Inside a quotation's marks; a line whose opening mark was dropped may be the article's
    own report of what was said ('… les étudiants disent être traités comme …"'), so its words
    can still be a cue."""
    return any(q.start < tok.start and tok.end <= q.end and not q.unopened for q in quotes)


def verb_cues(text: str, sent: ParsedSentence, quotes: list[Quote]) -> list[Cue]:
    """Every reporting verb of the sentence with the mention of its source."""
    cues = [cue for cue in (_verb_cue(text, sent, v, quotes) for v in range(len(sent.tokens))) if cue is not None]
    unopened = [q for q in quotes if q.unopened]
    if unopened:
        # 'Zora a bien décrit la réalité " a déclaré Ella Dinkins': a cue after the dropped
        # quotation names who said it; one inside it counts only when there is no other
        outside = [c for c in cues if not any(q.start <= sent.tokens[c.anchor].start < q.end for q in unopened)]
        cues = outside or cues
    return cues


_INVERTED_CLITICS = CLITIC_SUBJECTS | {"-t"}  # "a-t-il", "dit-elle"


def _quotation_incise(toks: tuple[Token, ...], v: int, quotes: list[Quote]) -> tuple[int, tuple[int, int]] | None:
    """A verb the lexicon does not list, in the one place French keeps for a speech verb: right
    after a closing quotation (and its comma), with its subject clitic inverted ("« … », s'est-il
    enthousiasmé", "« … », tranche-t-elle"). Returns where the verb group starts and the clitic.
    The tagger often reads such a participle as an adjective or an infinitive, so only the place
    counts; "a-t-il fait" anywhere but after a closing quotation is no incise."""
    tok = toks[v]
    if tok.upos not in ("VERB", "ADJ") or not tok.text.isalpha() or not tok.text.islower():
        return None
    if v + 1 < len(toks) and fold(toks[v + 1].text) in _INVERTED_CLITICS:
        if fold(verb_lemma(tok)) in ("avoir", "être"):
            return None  # the auxiliary of "a-t-il tranché": the participle is the verb
        start, clitic = v, clitic_after(toks, v, v)
    else:
        k = v - 1
        while k >= 0 and fold(toks[k].text) in _INVERTED_CLITICS:
            k -= 1
        if k == v - 1 or k < 0 or fold(toks[k].lemma) not in ("avoir", "être"):
            return None
        start, clitic = k, (k + 1, v) if k + 1 < v else None
    if clitic is None:
        return None
    k = start - 1
    while k >= 0 and fold(toks[k].text) in ("s'", "se", "l'", "le", "la", "lui", "leur"):
        k -= 1  # "s'est-il …", "l'a-t-il …": the reflexive and object clitics of the verb group
    start = k + 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    if k < 0 or not _closes_quotation(toks[k], quotes):
        return None
    return start, clitic


def _closes_quotation(tok: Token, quotes: list[Quote]) -> bool:
    """The token is the closing mark of one of the sentence's quotations."""
    return tok.text in CLOSING_QUOTES and any(q.end == tok.end for q in quotes)


_TRUE_AUXILIARIES = frozenset("être avoir pouvoir devoir aller faire venir".split())


def _unlisted_incise_with_subject(toks: tuple[Token, ...], v: int, quotes: list[Quote]) -> bool:
    """A finite verb the lexicon does not list right after a closing quotation and its comma,
    its subject a name or a noun phrase after it that closes the clause ("« … », énumère Philippe
    Robin", "« … », sourit la ministre"): French keeps that place for the verb of the quotation's
    speaker, whatever the verb ("« … », lit le juge chaque matin" goes on past its noun phrase)."""
    tok = toks[v]
    # "pleurait" tagged an auxiliary is still a verb; "a pleuré": the compound past, its auxiliary first
    verb = tok.upos == "VERB" or (tok.upos == "AUX" and fold(tok.lemma) not in _TRUE_AUXILIARIES)
    if not verb or not tok.text.isalpha() or not tok.text.islower():
        return False
    compound = tok.feat("VerbForm") == "Part" and v > 0 and toks[v - 1].upos == "AUX" \
        and fold(toks[v - 1].lemma) in ("avoir", "être") and toks[v - 1].feat("VerbForm") == "Fin"
    if tok.feat("VerbForm") != "Fin" and not compound \
            and (tok.feat("VerbForm") != "Inf" or fold(tok.text) == fold(tok.lemma)):
        return False  # a present the tagger took for an infinitive ("énumère") differs from its lemma
    a = v - 1 if compound else v
    if a < 2 or toks[a - 1].text != "," or not _closes_quotation(toks[a - 2], quotes):
        return False
    if not any(t.head == v and (t.deprel.startswith("nsubj") or t.deprel == "obj") and t.i > v
               and t.upos in ("PROPN", "NOUN") for t in toks):
        return False
    # the phrase after the verb is all its subject, up to the end or a comma (the parser often
    # reads an inverted subject as an object: "énumère l'économiste Paul Gris")
    end = next((k for k in range(v + 1, len(toks)) if toks[k].text == "," or toks[k].upos == "PUNCT"), len(toks))
    phrase = toks[v + 1 : end]
    time_words = load().time_words
    return bool(phrase) and phrase[0].upos in ("DET", "PROPN", "NOUN") and all(
        t.upos in ("DET", "PROPN", "NOUN", "ADJ") and fold(t.text) not in time_words for t in phrase)


def _verb_cue(text: str, sent: ParsedSentence, v: int, quotes: list[Quote]) -> Cue | None:
    toks = sent.tokens
    tok = toks[v]
    if not may_report(tok) and not tok.text[:4].lower() == "inqu":
        return None  # what reporting_word refuses anyway, refused before the look-ups (every token comes here)
    if ((tok.upos == "VERB" and fold_accents(tok.lemma) in load().experiencer_verbs)
            or _inquiete_as_verb(toks, v)) and not reflexive(toks, v):  # "s'inquiéter de" reports as itself
        return _experiencer_cue(text, sent, v)
    frame, multi_end = reporting_word(toks, v)
    misread = tok.feat("VerbForm") not in ("Fin", "Part")  # "énumère" read as an infinitive
    unlisted = (frame is None or misread) and _unlisted_incise_with_subject(toks, v, quotes)
    if unlisted and frame is None:
        frame = "clause"  # '« … », énumère Philippe Robin': the place reports, as a listed verb would
    if frame is None or (tok.feat("VerbForm") not in ("Fin", "Part") and not unlisted):
        # '« … », s'est-il enthousiasmé', '« … », a-t-il tranché' (tagged an infinitive): whatever
        # the verb and its tag, that place reports the quotation
        incise = _quotation_incise(toks, v, quotes)
        if incise is not None:
            start, clitic = incise
            return Cue(v, (start, v + 1), clitic, "incise", sent.depth(v), citing_after(text, sent, clitic[1]))
    if frame is None:
        return None
    if frame == "forecast":  # "le FMI prévoit une croissance", not "un plan prévoyant la fermeture"
        frame = "any" if _forecast_object(toks, multi_end or v + 1) and not document_subject(toks, v) else "que"
    stance = frame == "stance"  # an adjective predicate: no passive, no bare participle to rule out
    frame = "clause" if stance else frame
    a = aux_chain(toks, v)
    if fold(tok.text).endswith("er") and any(fold(t.lemma) == "être" for t in toks[a:v]):
        return None  # "il était conseiller du président": a noun in "-er" after "être", no verb form
    clitic = clitic_after(toks, a, v)
    if inside(quotes, tok) and clitic is None and not incise_position(toks, v) \
            and not (a < v and incise_position(toks, a, v + 1)):
        return None  # the quotation's own words, unless an incise sits inside it
    if _sentences_to_a_penalty(toks, v):
        return None  # "Le tribunal a condamné l'ancien maire à deux ans de prison": a decision
    is_negated = negated(toks, a, v)
    if (is_negated != (frame == "negated")) or hypothetical(toks, v, a):
        return None  # "n'a pas dit" reports nothing, "n'exclut pas" asserts
    end = max(multi_end or v + 1, clitic[1] if clitic else 0)
    form = "Fin" if unlisted else tok.feat("VerbForm")
    if form == "Part" and tok.feat("Tense") != "Pres" and verb_lemma(tok).endswith("er") \
            and not fold(tok.text).endswith(("é", "ée", "és", "ées", "ant")):
        form = "Fin"  # "Margaret Somerville, …, conteste": a present tense the tagger took for a participle
    if form == "Part" and a == v and multi_end is not None and fold(tok.lemma) == "faire" \
            and v + 1 < len(toks) and toks[v + 1].feat("VerbForm") == "Inf":
        form = "Fin"  # "Restall fait remarquer que …": no participle takes an infinitive without its auxiliary
    if form == "Part" and a < v and toks[a].feat("VerbForm") == "Inf" and toks[v].deprel in ("acl", "xcomp") \
            and not any(fold(t.lemma) == "être" for t in toks[a:v]):
        form = "Inf"  # "le seul à avoir dénoncé": a past infinitive speaks as the infinitive does (not a passive)
    if form == "Inf":
        return _narrative_cue(sent, v, end) or _infinitive_cue(text, sent, v, end, frame, quotes)
    if first_or_second_person(toks, v):
        return None  # "Rappelons que …", "nous pensons que": the article's own voice
    if (form == "Part" and tok.feat("Tense") == "Pres" and not stance) or gerund(toks, v):
        if frame in ("clause", "que") and not has_clause_frame(toks, end, quotes, frame == "clause"):
            return None  # "une loi prévoyant l'expulsion": no report without the clause the verb needs
        return _participle_cue(text, sent, v, a, end)
    if not stance and is_passive(toks, v, a, form):
        return passive_cue(text, sent, v, a, end)
    has_own_subject = any(t.head == v and t.deprel.startswith("nsubj") for t in toks)
    colon_next = v + 1 < len(toks) and toks[v + 1].text == ":"
    if form == "Part" and a == v and not (incise_position(toks, v) or clitic or has_own_subject or colon_next
                                          or quoted_name_after(toks, v, end)):
        return None  # a bare participle is an adjective or a modifier ("publié par"), not '», écrit "X"'
    # "comme l'a écrit Le Monde" inverts its subject as an incise does, and needs no complement either
    relative = _quotation_relative(toks, a, quotes)
    as_clause = _as_clause_start(toks, a)
    as_clause = relative if as_clause is None else as_clause  # (index 0 is a start: no `or`)
    incise = clitic is not None or is_incise(text, sent, v, a, end) or as_clause is not None
    if frame == "judgement":
        frame = "any" if _object_attribute(toks, end) else "clause"

    if frame in ("clause", "que") and not incise and not has_clause_frame(toks, end, quotes, frame == "clause"):
        return None
    subject, kind = subject_of(text, sent, v, a, end, clitic, incise)
    if relative is not None and relative == a - 1 and end < len(toks) and toks[end].upos in ("DET", "PROPN"):
        subject, kind = (end, extend_np(text, sent, end)), "incise"  # "« … », c'est ce qu'a déclaré le ministre"
    if subject is None or subject[0] >= subject[1] or (as_clause is not None and subject[0] < as_clause):
        return None  # the subject of a "comme" clause is inside it, not the main clause's
    return Cue(v, (a, end), subject, kind, sent.depth(v), citing_after(text, sent, subject[1]))


_PENALTY_REACH = 10


def _sentences_to_a_penalty(toks: tuple[Token, ...], v: int) -> bool:
    """"condamner X à deux ans de prison", "condamné à une amende": blame that ends in a penalty is a
    court's decision; "condamner l'attaque" is speech."""
    if verb_lemma(toks[v]) != "condamner":
        return False
    penalties = load().penalty_nouns
    for j in range(v + 1, min(len(toks) - 1, v + _PENALTY_REACH)):
        if toks[j].text in (",", ".", ";", ":", "«", '"'):
            return False
        if fold(toks[j].text) in ("à", "aux") and any(
                fold(t.text) in penalties or t.upos == "NUM" for t in toks[j + 1 : j + 6]):
            return True
    return False


def _experiencer_cue(text: str, sent: ParsedSentence, v: int) -> Cue | None:
    """"la crise inquiète les spécialistes", "les violences ont alarmé les Etats-Unis": whoever
    feels is the source, the object of the active verb or the subject of the passive ("les
    journaux ont été choqués par …"). A feeling under negation or a condition voices nothing."""
    toks = sent.tokens
    a = aux_chain(toks, v)
    if negated(toks, a, v) or hypothetical(toks, v, a) or first_or_second_person(toks, v):
        return None
    if is_passive(toks, v, a, toks[v].feat("VerbForm")):
        subject = preposed_subject(text, sent, v, a)
        if subject is None or subject[0] >= subject[1]:
            return None
        return Cue(v, (a, v + 1), subject, "preposed", sent.depth(v))
    obj = next((t.i for t in toks if t.head == v and t.deprel == "obj" and t.i > v), None)
    if obj is None and _inquiete_as_verb(toks, v):
        det = v + 2 if fold(toks[v + 1].text) in ("tous", "toutes") else v + 1
        return Cue(v, (a, v + 1), (v + 1, extend_np(text, sent, det)), "preposed", sent.depth(v))
    if obj is None:
        return None
    start = obj
    while start > v + 1 and toks[start - 1].head == obj and toks[start - 1].upos in ("DET", "ADJ", "NUM"):
        start -= 1
    return Cue(v, (a, v + 1), (start, extend_np(text, sent, start)), "preposed", sent.depth(v))


def _inquiete_as_verb(toks: tuple[Token, ...], v: int) -> bool:
    """"… inquiète tous les spécialistes": the adjective's form, which taggers prefer, followed by
    a noun phrase it cannot modify, is the verb."""
    if not toks[v].text[:4].lower() == "inqu":
        return False  # most words: no need to fold them
    nxt = toks[v + 1] if v + 1 < len(toks) else None
    return fold_accents(toks[v].text) in ("inquiete", "inquietent") and v > 0 and nxt is not None \
        and (nxt.upos == "DET" or fold(nxt.text) in ("tous", "toutes"))


def _as_clause_start(toks: tuple[Token, ...], a: int) -> int | None:
    """Where "comme" opens the verb group's clause: "comme l'a écrit Le Monde", "comme «Telepolis»
    l'avait déjà écrit" is a clause of manner whose content is the sentence around it, so the
    verb needs no complement of its own."""
    for j in range(a - 1, max(-1, a - 7), -1):
        if fold(toks[j].text) == "comme":
            return j
        if toks[j].text in (",", ".", ";", ":") or toks[j].upos in ("VERB", "AUX"):
            return None
    return None


def _object_attribute(toks: tuple[Token, ...], end: int) -> bool:
    """"jugent la mesure inefficace", "considère ces frappes illégales": an object and the
    adjective said of it, closing the clause: a judgement voiced without a que-clause."""
    j = end
    if _attribute_first(toks, end):
        return True
    if j < len(toks) and toks[j].upos == "DET":
        j += 1
    if j >= len(toks) or toks[j].upos != "NOUN":
        return False
    j += 1
    adjectives = 0
    while j < len(toks) and (toks[j].upos == "ADJ" or (adjectives and fold(toks[j].text) in ("et", "ou"))):
        adjectives += toks[j].upos == "ADJ"
        j += 1
    return adjectives > 0 and (j >= len(toks) or toks[j].upos == "PUNCT")


def _forecast_object(toks: tuple[Token, ...], end: int) -> bool:
    """"prévoit une croissance de 3 %", "table sur une nette reprise": a trend noun as the object."""
    nouns = load().forecast_nouns
    for tok in toks[end : end + 4]:  # the determiner and an adjective or two ("un net/NOUN ralentissement")
        if fold(tok.text) in nouns:
            return True
        if tok.upos in ("ADP", "PUNCT", "VERB", "AUX", "SCONJ", "PRON"):
            return False
    return False


_MARKS = frozenset('«»"“”')


def _attribute_first(toks: tuple[Token, ...], end: int) -> bool:
    """"juge « inacceptables » les propos", "estime illégales ces frappes": the attribute, quoted
    or not, before its object, as French puts a short attribute before a long object."""
    j = end
    if j < len(toks) and toks[j].text in _MARKS:
        j += 1
    adjectives = 0
    while j < len(toks) and toks[j].upos == "ADJ":
        adjectives, j = adjectives + 1, j + 1
    if j < len(toks) and toks[j].text in _MARKS:
        j += 1
    return adjectives > 0 and j + 1 < len(toks) and toks[j].upos == "DET" and toks[j + 1].upos in ("NOUN", "ADJ")


def _quotation_relative(toks: tuple[Token, ...], a: int, quotes: list[Quote]) -> int | None:
    """Where a relative clause whose object is a quotation before it opens: "« … » : telle est
    l'ambition que Jean Charest a présentée", "« … », c'est ce qu'a déclaré le ministre". The
    quotation is what is said, so the verb needs no complement and its subject may follow it."""
    for j in range(a - 1, max(-1, a - 7), -1):
        if fold(toks[j].text) in ("que", "qu'") and toks[j].deprel in ("obj", "mark") and j > 0 \
                and any(q.end <= toks[j].start and q.start <= toks[0].start + 1 for q in quotes) \
                and (fold(toks[j - 1].text) == "ce" or toks[j - 1].upos in ("NOUN", "ADJ")):
            return j
        if toks[j].text in (",", ".", ";", ":") or toks[j].upos == "VERB":
            return None
    return None


_MODAL_GOVERNORS = frozenset("falloir pouvoir devoir aller".split())


_RANKS = frozenset("premier premiere seul seule dernier derniere unique".split())


def _ranked_noun(toks: tuple[Token, ...], noun: int, v: int) -> bool:
    """"a été le premier dirigeant à appeler …", "est la seule députée à dénoncer …": a noun
    predicate ranking its subject first, last or alone among those who do what the infinitive
    after "à" says; the subject does it (the parser hangs the infinitive on the noun)."""
    return toks[v].deprel in ("acl", "xcomp") and toks[noun].upos == "NOUN" \
        and any(t.head == noun and t.deprel == "cop" for t in toks) \
        and any(t.head == noun and fold_accents(t.text) in _RANKS for t in toks) \
        and any(t.head == v and t.deprel == "mark" and fold_accents(t.text) == "a" for t in toks)


def _infinitive_cue(text: str, sent: ParsedSentence, v: int, end: int, frame: str,
                    quotes: list[Quote]) -> Cue | None:
    """A reporting infinitive under a finite verb speaks for that verb's subject: "a tenu à
    préciser que", "s'est borné à expliquer", "veut démontrer que", "a fini par admettre".
    Modal and future governors ("pourrait annoncer", "va déclarer") report nothing yet."""
    toks = sent.tokens
    governor = toks[v].head
    ranked = governor != v and _ranked_noun(toks, governor, v)
    if governor == v or (toks[v].deprel not in ("xcomp", "ccomp", "obl", "obl:arg", "advcl") and not ranked):
        return None
    head = toks[governor]
    if not ranked and (head.upos not in ("VERB", "AUX", "ADJ") or (fold(head.lemma) in _MODAL_GOVERNORS
                                                                  and not realised_modal(toks, governor))):
        return None
    if fold(head.lemma) == "être" or any(t.head == v and t.deprel == "cop" for t in toks):
        return None  # "il était conseiller de Thatcher": a noun the tagger read as an infinitive
    if frame in ("clause", "que") and not has_clause_frame(toks, end, quotes, frame == "clause"):
        return None
    purpose = any(t.head == v and t.deprel == "mark" and fold(t.text) in ("pour", "afin") for t in toks)
    if purpose and not has_clause_frame(toks, end, quotes):
        return None  # "sont venus … pour rendre hommage à X": what they came to do, not what they said
    ga = aux_chain(toks, governor)
    if negated(toks, ga, governor) or hypothetical(toks, governor, ga) or first_or_second_person(toks, governor):
        return None
    subject = preposed_subject(text, sent, governor, ga)
    if subject is None or subject[0] >= subject[1]:
        return None
    return Cue(v, (ga, end), subject, "preposed", sent.depth(governor))


def _narrative_cue(sent: ParsedSentence, v: int, end: int) -> Cue | None:
    """"Et lui de poursuivre : « … »": a pronoun or a name, "de", the infinitive. With a whole
    noun phrase ("Et la Marine nationale de certifier que", "Et le ministre de répondre que")
    the sentence must have no other main verb: in "Et la possibilité de répondre existe" the
    infinitive complements a noun."""
    toks = sent.tokens
    if v < 2 or fold(toks[v - 1].text) not in ("de", "d'"):
        return None
    subject = toks[v - 2]
    if fold(subject.text) in ("lui", "elle", "eux", "elles") or subject.upos == "PROPN":
        if v >= 3 and fold(toks[v - 3].text) not in ("et", ","):
            return None
        return Cue(v, (v - 1, end), (start_np(sent, v - 1), v - 1), "narrative", sent.depth(v))
    k = v - 2
    while k > 0 and (toks[k].upos in ("DET", "NOUN", "PROPN", "ADJ") or toks[k].text == "-"):
        k -= 1
    phrase = toks[k + 1 : v - 1]
    head = toks[v].head  # the infinitive is the root, or hangs from the phrase the parser made the root
    rooted = head == v or (k < head < v - 1 and toks[head].head == head)
    if not rooted or fold(toks[k].text) != "et" or not any(t.upos in ("NOUN", "PROPN") for t in phrase) \
            or phrase[0].upos != "DET":
        return None
    return Cue(v, (v - 1, end), (k + 1, v - 1), "narrative", sent.depth(v))


def _participle_cue(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> Cue | None:
    """"le président Ruto a affiché sa fermeté en s'engageant à …": the main clause's subject."""
    toks = sent.tokens
    main = toks[v].head
    for _ in range(3):  # "a fini son intervention en encourageant …": up from the noun to its verb
        if toks[main].upos in ("VERB", "AUX") or toks[main].head == main:
            break
        main = toks[main].head
    subject = next((t for t in toks if t.head == main and main != v and t.deprel.startswith("nsubj")
                    and t.i < main), None)
    if subject is None or fold(subject.text) in RELATIVE:
        return None
    if subject.upos == "PRON":
        span = (subject.i, subject.i + 1)
    else:
        s = start_np(sent, subject.i + 1)
        span = (s, subject_end(text, sent, s, aux_chain(toks, main)))
    if not plausible_start(toks[span[0]]):
        return None
    return Cue(v, (a, end), span, "participle", sent.depth(v) + 2)


def citing_after(text: str, sent: ParsedSentence, after: int) -> tuple[int, int] | None:
    """"…, a rapporté RT citant les propos d'Othman al-Ghanemi": the person RT relays."""
    toks = sent.tokens
    for i in range(after, min(len(toks), after + 3)):
        if fold(toks[i].lemma) == "citer" and toks[i].feat("VerbForm") == "Part":
            j = i + 1
            rest = " ".join(fold(t.text) for t in toks[j : j + 4])
            for phrase in CITING:
                if rest.startswith(phrase):
                    j += len(phrase.split())
                    break
            b = extend_np(text, sent, j)
            if b > j:
                return (j, b)
    return None


