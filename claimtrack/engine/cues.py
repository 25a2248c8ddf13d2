"""Reporting cues in one sentence: reporting verbs with their subject, and framing prepositions.

The parser's labels are used where they are reliable (a preposed subject) and the surface
where they are not (an inverted subject after a quotation, "a-t-il", "note un analyste").
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.engine.lexicons import fold, fold_accents, load
from claimtrack.engine.mentions import extend_np, start_np
from claimtrack.engine.parsed import ParsedSentence, Token
from claimtrack.engine.quotes import Quote

CLITIC_SUBJECTS = frozenset("-il -elle -ils -elles -t-il -t-elle -t-ils -t-elles -on -t-on".split())
NEGATIONS = frozenset("pas jamais guère point nullement plus".split())
SKIPPABLE_BEFORE_VERB = frozenset("ne n' se s' y en lui leur également aussi même déjà encore bien alors donc "
                                  "toutefois cependant néanmoins notamment ensuite enfin pourtant".split())
INSERTION_CLOSERS = {"-": "-", "–": "–", "—": "—", ")": "("}
CLOSING_QUOTES = frozenset({"»", '"', "”", "''"})
ADVERBIAL_WORDS = frozenset("avant après auparavant outre en".split())
RELATIVE = frozenset("qui lequel laquelle lesquels lesquelles que qu' quoi dont".split())
CITING = ("les propos de", "les propos d'", "les déclarations de", "les déclarations d'")


@dataclass(frozen=True)
class Cue:
    anchor: int  # token index of the reporting word
    words: tuple[int, int]  # token range of the cue ("a-t-il souligné", "fait état de", "selon")
    subject: tuple[int, int] | None  # token range of the source mention
    kind: str  # incise | preposed | passive | narrative | framing
    depth: int
    citing: tuple[int, int] | None = None  # "a rapporté RT citant les propos de X"


def _inside(quotes: list[Quote], tok: Token) -> bool:
    return any(q.start < tok.start and tok.end <= q.end for q in quotes)


def _aux_chain(toks: tuple[Token, ...], v: int) -> int:
    """First token of the verb group (auxiliaries and clitics before the verb)."""
    a = v
    # adverbs between an auxiliary and its participle ("a également souligné", "avait peu avant précisé")
    k = v - 1
    while k >= max(0, v - 4) and ((toks[k].upos == "ADV" and fold(toks[k].text) not in NEGATIONS)
                                  or fold(toks[k].text) in ADVERBIAL_WORDS):
        k -= 1
    if 0 <= k < v - 1 and _is_aux(toks[k]):
        a = k + 1
    elif v >= 2 and toks[v - 1].text == ",":
        k = v - 2
        while k >= max(0, v - 8) and toks[k].text != ",":
            k -= 1
        if k >= 1 and toks[k].text == "," and _is_aux(toks[k - 1]):
            a = k  # "Joe Biden a, de son côté, promis": the auxiliary before the insertion
    while a > 0:
        prev = toks[a - 1]
        if _is_aux(prev) or fold(prev.text) in CLITIC_SUBJECTS or fold(prev.text) in ("-t", "ne", "n'") \
                or (prev.upos == "PRON" and fold(prev.text) in ("en", "y")) \
                or (prev.upos == "PRON" and fold(prev.text) in ("se", "s'", "me", "m'", "lui", "leur", "l'", "le",
                                                                 "la", "les", "nous", "vous", "te", "t'")
                    and a < len(toks) and (_is_aux(toks[a]) or a == v)) \
                or (fold(prev.text) in ("nous", "vous") and toks[v].feat("Person") == "3"):
            a -= 1
        else:
            break
    return a


FIRST_SECOND = frozenset("je j' nous tu vous".split())


def _first_or_second_person(toks: tuple[Token, ...], v: int) -> bool:
    """The author or the reader as subject: an imperative opening the sentence ("Rappelons
    que") or a first- or second-person pronoun subject. Taggers give "recommande" Person=1
    too, so the feature alone does not decide."""
    subjects = [t for t in toks if t.head == v and t.deprel.startswith("nsubj")
                and not (fold(t.text) in ("nous", "vous") and toks[v].feat("Person") == "3")]
    if subjects:
        return all(fold(t.text) in FIRST_SECOND for t in subjects)
    return toks[v].feat("Mood") == "Imp" or (v == 0 and toks[v].feat("Person") in ("1", "2"))


def _is_aux(tok: Token) -> bool:
    """An auxiliary, whatever the tagger called it ("avait/VERB/aux:tense")."""
    return tok.upos == "AUX" or tok.deprel.startswith("aux") or (
        fold(tok.lemma) in ("avoir", "être") and tok.feat("VerbForm") == "Fin" and tok.upos == "VERB")


def _clitic_after(toks: tuple[Token, ...], a: int, v: int) -> tuple[int, int] | None:
    """A subject clitic attached by a hyphen to the verb or its auxiliary ("a-t-il", "dit-elle")."""
    for i in range(a, min(len(toks), v + 3)):
        word = fold(toks[i].text)
        if word in CLITIC_SUBJECTS or (word == "-t" and i + 1 < len(toks)):
            j = i
            while j < len(toks) and (fold(toks[j].text) in CLITIC_SUBJECTS or fold(toks[j].text) == "-t"):
                j += 1
            return (j - 1, j)
    return None


def _multiword(toks: tuple[Token, ...], v: int) -> int | None:
    """End of a multiword cue starting at verb v ("fait état de", "met en garde"), if any."""
    lemma = fold(toks[v].lemma)
    for first, rest in load().multiword:
        if first != lemma:
            continue
        j = v + 1
        while j < len(toks) and toks[j].upos == "ADV":
            j += 1
        k = 0
        while k < len(rest) and j < len(toks) and (fold(toks[j].text) == rest[k] or fold(toks[j].lemma) == rest[k]):
            j, k = j + 1, k + 1
        if k == len(rest):
            return j
    return None


def _negated(toks: tuple[Token, ...], a: int, v: int) -> bool:
    start = min(a, v - 3)
    before = {fold(t.text) for t in toks[max(0, start - 2) : v]}
    after = {fold(t.text) for t in toks[max(0, start) : min(len(toks), v + 2)]}
    return bool(before & {"ne", "n'"}) and bool(after & NEGATIONS)


def _has_clause_frame(toks: tuple[Token, ...], end: int, quotes: list[Quote], infinitive: bool = True) -> bool:
    """A que-clause, de + infinitive (unless the verb's infinitive is an action: "ont convenu de
    créer"), a colon or a quotation follows the cue."""
    for j in range(end, min(len(toks), end + 5)):
        word = fold(toks[j].text)
        if word in ("que", "qu'", "qu", ":", "comme", "comment", "pourquoi", "combien", "si", "s'") \
                or toks[j].text in ("«", '"', "“"):
            return True
        if infinitive and word in ("de", "d'", "à") and j + 1 < len(toks) and toks[j + 1].feat("VerbForm") == "Inf":
            return True  # "a dit avoir …", "a appelé les Occidentaux à accélérer …"
        if toks[j].text in (",", "."):
            break
    return False


def _clause_before(toks: tuple[Token, ...], a: int) -> bool:
    """A finite verb or a closing quotation before the verb group: what an incise follows."""
    relative = False
    for i, t in enumerate(toks[:a]):
        if t.text == ",":
            relative = i + 1 < a and fold(toks[i + 1].text) in RELATIVE
        elif not relative and (t.text in CLOSING_QUOTES
                               or (t.upos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin")):
            return True
    return False


def _after_quote(toks: tuple[Token, ...], a: int) -> bool:
    """The verb group follows a comma or a closing quotation mark: where an incise stands."""
    return a > 0 and (toks[a - 1].text == "," or toks[a - 1].text in CLOSING_QUOTES)


def verb_cues(text: str, sent: ParsedSentence, quotes: list[Quote]) -> list[Cue]:
    """Every reporting verb of the sentence with the mention of its source."""
    cues = (_verb_cue(text, sent, v, quotes) for v in range(len(sent.tokens)))
    return [cue for cue in cues if cue is not None]


def _reporting_word(toks: tuple[Token, ...], v: int) -> tuple[str | None, int | None]:
    """The frame of a reporting verb at v ("any", "clause") and the end of a multiword cue."""
    lex = load()
    tok = toks[v]
    if tok.upos not in ("VERB", "AUX", "NOUN", "ADJ", "ADV"):
        return None, None
    if tok.upos in ("NOUN", "ADJ", "ADV") and not _verb_position(toks, v):
        return None, None
    lemma = verb_lemma(tok)
    multi_end = _multiword(toks, v)
    frame = lex.verb_frames.get(lemma)
    if f"s'{lemma}" in lex.verb_frames and _reflexive(toks, v):
        frame = lex.verb_frames[f"s'{lemma}"]  # pronominal: "s'inquiéter", "s'est souvenu"
    if multi_end is not None:
        return "any", multi_end  # "s'est montré favorable", "fait état de": the phrase is the cue
    if frame is None or frame == "never" or tok.upos == "AUX" or _in_discourse_marker(toks, v):
        return None, None
    return frame, None


def _in_discourse_marker(toks: tuple[Token, ...], v: int) -> bool:
    """"c'est-à-dire", "à vrai dire", "cela dit": fixed phrases around a verb of saying that
    report nothing (lexicons/discourse_markers.txt)."""
    for marker in load().discourse_markers:
        n = len(marker)
        for start in range(max(0, v - n + 1), v + 1):
            if tuple(fold(t.text) for t in toks[start : start + n]) == marker:
                return True
    return False


def _reflexive(toks: tuple[Token, ...], v: int) -> bool:
    """"se"/"s'" in the verb group before v: "s'inquiète", "s'est souvenu", "se sont dits"."""
    k = v - 1
    while k >= max(0, v - 4):
        word = fold(toks[k].text)
        if word in ("se", "s'"):
            return True
        if not (_is_aux(toks[k]) or toks[k].upos == "ADV" or word in ("en", "y", "ne", "n'")):
            return False
        k -= 1
    return False


def _verb_cue(text: str, sent: ParsedSentence, v: int, quotes: list[Quote]) -> Cue | None:
    toks = sent.tokens
    tok = toks[v]
    frame, multi_end = _reporting_word(toks, v)
    if frame is None:
        return None
    a = _aux_chain(toks, v)
    clitic = _clitic_after(toks, a, v)
    if _inside(quotes, tok) and clitic is None and not _incise_position(toks, v) \
            and not (a < v and _incise_position(toks, a, v + 1)):
        return None  # the quotation's own words, unless an incise sits inside it
    negated = _negated(toks, a, v)
    if (negated != (frame == "negated")) or _hypothetical(toks, v, a):
        return None  # "n'a pas dit" reports nothing, "n'exclut pas" asserts
    end = max(multi_end or v + 1, clitic[1] if clitic else 0)
    form = tok.feat("VerbForm")
    if form == "Inf":
        return _narrative_cue(sent, v, end) or _infinitive_cue(text, sent, v, end, frame, quotes)
    if _first_or_second_person(toks, v):
        return None  # "Rappelons que …", "nous pensons que": the article's own voice
    if form == "Part" and tok.feat("Tense") == "Pres":
        return _participle_cue(text, sent, v, a, end)
    if _is_passive(toks, v, a, form):
        return _passive_cue(text, sent, v, a, end)
    has_own_subject = any(t.head == v and t.deprel.startswith("nsubj") for t in toks)
    colon_next = v + 1 < len(toks) and toks[v + 1].text == ":"
    if form == "Part" and a == v and not (_incise_position(toks, v) or clitic or has_own_subject or colon_next):
        return None  # a bare participle is an adjective or a modifier ("publié par")
    incise = clitic is not None or _is_incise(text, sent, v, a, end)
    if frame in ("clause", "que") and not incise and not _has_clause_frame(toks, end, quotes, frame == "clause"):
        return None
    subject, kind = _subject_of(text, sent, v, a, end, clitic, incise)
    if subject is None or subject[0] >= subject[1] or fold(toks[subject[0]].text) == "on":
        return None
    return Cue(v, (a, end), subject, kind, sent.depth(v), _citing(text, sent, subject[1]))


_MODAL_GOVERNORS = frozenset("falloir pouvoir devoir aller".split())


def _infinitive_cue(text: str, sent: ParsedSentence, v: int, end: int, frame: str,
                    quotes: list[Quote]) -> Cue | None:
    """A reporting infinitive under a finite verb speaks for that verb's subject: "a tenu à
    préciser que", "s'est borné à expliquer", "veut démontrer que", "a fini par admettre".
    Modal and future governors ("pourrait annoncer", "va déclarer") report nothing yet."""
    toks = sent.tokens
    governor = toks[v].head
    if governor == v or toks[v].deprel not in ("xcomp", "ccomp", "obl", "obl:arg", "advcl"):
        return None
    head = toks[governor]
    if head.upos not in ("VERB", "AUX", "ADJ") or fold(head.lemma) in _MODAL_GOVERNORS:
        return None
    if frame in ("clause", "que") and not _has_clause_frame(toks, end, quotes, frame == "clause"):
        return None
    ga = _aux_chain(toks, governor)
    if _negated(toks, ga, governor) or _hypothetical(toks, governor, ga) or _first_or_second_person(toks, governor):
        return None
    subject = _preposed_subject(text, sent, governor, ga)
    if subject is None or subject[0] >= subject[1] or fold(toks[subject[0]].text) == "on":
        return None
    return Cue(v, (ga, end), subject, "preposed", sent.depth(governor))


def _hypothetical(toks: tuple[Token, ...], v: int, a: int) -> bool:
    """"Si le gouvernement annonce une hausse, …", "Il faut que le ministre déclare …": a
    condition, an obligation or a wish reports nothing."""
    marks = {fold(t.text) for t in toks if t.head == v and t.deprel == "mark"}
    before = {fold(t.text) for t in toks[max(0, a - 4) : a]}
    if marks & {"si", "s'"} or (before & {"si", "s'"} and not marks):
        return True
    governor = toks[toks[v].head]
    return toks[v].head != v and toks[v].deprel in ("ccomp", "xcomp") and fold(governor.lemma) in load().irrealis


def _narrative_cue(sent: ParsedSentence, v: int, end: int) -> Cue | None:
    """"Et lui de poursuivre : « … »": a pronoun or a name, "de", the infinitive."""
    toks = sent.tokens
    if v < 2 or fold(toks[v - 1].text) not in ("de", "d'"):
        return None
    subject = toks[v - 2]
    if not (fold(subject.text) in ("lui", "elle", "eux", "elles") or subject.upos == "PROPN"):
        return None
    if v >= 3 and fold(toks[v - 3].text) not in ("et", ","):
        return None
    return Cue(v, (v - 1, end), (start_np(sent, v - 1), v - 1), "narrative", sent.depth(v))


def _participle_cue(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> Cue | None:
    """"le président Ruto a affiché sa fermeté en s'engageant à …": the main clause's subject."""
    toks = sent.tokens
    main = toks[v].head
    subject = next((t for t in toks if t.head == main and main != v and t.deprel.startswith("nsubj")
                    and t.i < main), None)
    if subject is None or fold(subject.text) in RELATIVE:
        return None
    if subject.upos == "PRON":
        span = (subject.i, subject.i + 1)
    else:
        s = start_np(sent, subject.i + 1)
        span = (s, _subject_end(text, sent, s, _aux_chain(toks, main)))
    if not _plausible_start(toks[span[0]]):
        return None
    return Cue(v, (a, end), span, "participle", sent.depth(v) + 2)


def _is_passive(toks: tuple[Token, ...], v: int, a: int, form: str | None) -> bool:
    """"ont été revendiquées": être as a passive auxiliary, not the compound past of a
    pronominal verb ("s'est félicité")."""
    if form != "Part":
        return False
    reflexive = any(fold(x.text) in ("se", "s'") for x in toks[a:v])
    return any(t.deprel == "aux:pass" or (fold(t.lemma) == "être" and t.head == v and not reflexive)
               for t in toks[a:v])


def _passive_cue(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> Cue | None:
    """A passive reports with its agent ("revendiquées par le groupe X"), or impersonally
    ("Il a été rapporté que …": a report whose source the article may name later)."""
    toks = sent.tokens
    if end < len(toks) and fold(toks[end].text) == "par":
        b = extend_np(text, sent, end + 1)
        if b > end + 1:
            return Cue(v, (a, end), (end + 1, b), "passive", sent.depth(v))
    expletive = a > 0 and fold(toks[a - 1].text) == "il" and toks[a - 1].deprel.startswith("nsubj")
    if expletive and end < len(toks) and fold(toks[end].text) in ("que", "qu'"):
        return Cue(v, (a - 1, end), None, "impersonal", sent.depth(v))
    return None


def _is_incise(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> bool:
    """An inverted speaker clause: no subject before the verb, a clause or a quotation before
    it, and a comma or closing quote right before the verb group."""
    toks = sent.tokens
    inverted_after_comma = _subject_follows(toks, v, _skip_adverbials(toks, end)) and a > 0 \
        and toks[a - 1].text == "," and _inverted_np_closes(text, sent, _skip_adverbials(toks, end))
    has_subject_before = any(
        t.head == v and t.deprel.startswith("nsubj") and t.i < a
        and not any(x.upos in ("VERB", "AUX") and x.feat("VerbForm") == "Fin" for x in toks[t.i + 1 : a])
        and not (inverted_after_comma and any(x.text == "," for x in toks[t.i + 1 : a]))
        for t in toks)  # "La crise est grave, a déclaré le maire": the parser's subject is the clause's
    follows = _subject_follows(toks, v, _skip_adverbials(toks, end))
    after_comma = a > 1 and toks[a - 1].text == "," and _inverted_np_closes(text, sent, _skip_adverbials(toks, end),
                                                                             enclosed=True)
    return not has_subject_before and (_clause_before(toks, a) or (after_comma and follows)) and (
        _after_quote(toks, a) or follows)


def _subject_of(text: str, sent: ParsedSentence, v: int, a: int, end: int, clitic: tuple[int, int] | None,
                incise: bool) -> tuple[tuple[int, int] | None, str]:
    toks = sent.tokens
    if clitic:
        return clitic, "incise"
    if incise:
        end = _skip_adverbials(toks, end)  # ", a assuré vendredi son fils", ", a précisé hier soir le maire"
    if incise and _subject_follows(toks, v, end):
        return (end, extend_np(text, sent, end)), "incise"
    if incise and end < len(toks) and fold(toks[end].text) in ("à", "au", "aux"):
        start = _name_after_pp(sent, end)
        if start is not None:
            return (start, extend_np(text, sent, start)), "incise"
    return _preposed_subject(text, sent, v, a), "preposed"


def _incise_position(toks: tuple[Token, ...], v: int, after: int | None = None) -> bool:
    """A word right after a comma and before a determiner or a name: where the verb of an
    inverted speaker clause stands (", note un analyste", ", dit un comité d'experts"); with
    `after`, the verb group runs from v to after (", a expliqué Zemmal")."""
    after = v + 1 if after is None else after
    return (v >= 1 and toks[v - 1].text == "," and after < len(toks)
            and toks[after].upos in ("DET", "PROPN"))


def _verb_position(toks: tuple[Token, ...], v: int) -> bool:
    """Where a word the tagger took for a noun must be a verb of saying: an incise, or between
    a name and a colon or "que" ("Infosperber note :")."""
    if _incise_position(toks, v) and v >= 2 and toks[v - 2].text in ("»", '"', "”"):
        return True
    follows = toks[v + 1] if v + 1 < len(toks) else None
    if v < 1 or follows is None:
        return False
    if toks[v - 1].upos == "PROPN":
        return fold(follows.text) in (":", "que", "qu'") or follows.upos == "DET"
    # "l'étude note que": a subject noun with its determiner, then the verb and its clause
    return toks[v - 1].upos == "NOUN" and v >= 2 and toks[v - 2].upos == "DET" \
        and fold(follows.text) in (":", "que", "qu'")


def verb_lemma(tok: Token) -> str:
    """The tagger's lemma when the lexicon knows it, else a guess from the form: lemmatizers
    miss news verbs ("conteste" -> "conteste", "répètent" -> "répèter")."""
    lex = load()
    lemma = fold(tok.lemma)
    if lemma in lex.verb_frames:
        return lemma
    by_folded = lex.verbs_by_folded
    form = fold(tok.text)
    guesses = [lemma, lemma + "r" if lemma.endswith("e") else lemma]
    endings = (("ent", "er"), ("es", "er"), ("e", "er"), ("é", "er"), ("ée", "er"), ("ait", "er"),
               ("t", "tir"), ("aît", "aître"), ("et", "ettre"), ("it", "ire"))
    for ending, replacement in endings:
        if form.endswith(ending):
            guesses.append(form[: -len(ending)] + replacement)
    for guess in guesses:
        known = by_folded.get(fold_accents(guess))
        if known:
            return known
    return lemma


def _name_after_pp(sent: ParsedSentence, start: int) -> int | None:
    """", a annoncé à l'Agence France-Presse (AFP) Roseline Odede": the name after the
    prepositional phrase, not inside it, is the inverted subject."""
    from claimtrack.engine.mentions import name_runs

    toks = sent.tokens
    # the phrase itself: preposition, determiner, nouns, names, a parenthesis ("(AFP)")
    j = start + 1
    if j < len(toks) and toks[j].upos == "DET":
        j += 1
    while j < len(toks) and (toks[j].upos in ("NOUN", "PROPN", "ADJ") or toks[j].text in ("-", "’", "'")):
        j += 1
    if j < len(toks) and toks[j].text == "(":
        while j < len(toks) and toks[j].text != ")":
            j += 1
        j += 1
    if j < len(toks) and toks[j].upos == "DET" and j > start + 1:
        return j  # ", a expliqué à l'AFP un diplomate"
    end = next((i for i in range(start, len(toks)) if toks[i].text in (".", ";", ":")
                or toks[i].upos in ("VERB", "AUX")), len(toks))
    for a, _b in name_runs(sent, start, end):
        k = a - 1
        while k >= start and toks[k].upos == "DET":
            k -= 1
        if toks[k].upos != "ADP" and toks[k].text != "(":
            return a
    return None


def _inverted_np_closes(text: str, sent: ParsedSentence, start: int, enclosed: bool = False) -> bool:
    """An inverted subject ends its clause: a comma, a closing quote or the sentence's end right
    after it (", expliquent les chercheurs, vient …"); an object runs on ("a salué le soutien
    de Téhéran à son pays"). `enclosed`: only a comma with more text after it will do."""
    toks = sent.tokens
    if start >= len(toks):
        return False
    end = extend_np(text, sent, start)
    if enclosed:
        return end < len(toks) - 1 and toks[end].text == ","
    return end >= len(toks) or toks[end].text in (",", ".", "!", "?", ";", "…", *CLOSING_QUOTES) \
        or toks[end].upos == "PUNCT"


def _skip_adverbials(toks: tuple[Token, ...], i: int) -> int:
    """Past adverbs and time words ("vendredi", "hier soir", "lundi matin", "encore") that stand
    between an inverted verb and its subject."""
    time_words = load().time_words
    while i < len(toks):
        if (toks[i].upos == "ADV" or fold(toks[i].text) in time_words) \
                and fold(toks[i].text) not in ("rien", "tout", "tous", "cela", "ça", "ceci"):
            i += 1
        elif fold(toks[i].text) == "en" and i + 1 < len(toks) and toks[i + 1].upos == "NOUN" \
                and not toks[i + 1].text[:1].isupper():
            i += 2  # "en téléconférence", "en conférence"
        else:
            break
    return i


def _subject_follows(toks: tuple[Token, ...], v: int, end: int) -> bool:
    """An inverted subject: a determiner or a name right after the verb, with a comma or a
    closing quote before the verb group (", note un analyste", "», a annoncé le bureau")."""
    if end >= len(toks):
        return False
    nxt = toks[end]
    a = _aux_chain(toks, v)
    before = toks[a - 1].text if a > 0 else ""
    if before != "," and before not in CLOSING_QUOTES:
        return False
    return nxt.upos in ("DET", "PROPN", "NOUN") or (nxt.text[:1].isupper() and nxt.upos not in ("PUNCT",))


def _preposed_subject(text: str, sent: ParsedSentence, v: int, a: int) -> tuple[int, int] | None:
    toks = sent.tokens
    subjects = [t for t in toks if t.head == v and t.deprel.startswith("nsubj") and t.i < v]
    for t in subjects:
        if fold(t.text) in RELATIVE:
            antecedent = _antecedent(sent, t.i)
            if antecedent:
                return antecedent
            continue
        if t.upos == "PRON":
            if t.i >= a:
                continue  # an object clitic inside the verb group, taken for a subject
            return (t.i, t.i + 1)
        s = start_np(sent, t.i + 1)
        colon = max((k for k in range(s, a) if toks[k].text in (":", ";")), default=None)
        if colon is not None:  # "Ukraine : Kiev dénonce …": the subject is after the colon
            s = colon + 1
        if _plausible_start(toks[s]) and not _comma_between(toks, t.i, a):
            return (s, _subject_end(text, sent, s, a))
    head = toks[v].head
    if toks[v].deprel == "conj" and head != v and toks[head].upos in ("VERB", "AUX", "ADJ"):
        shared = _preposed_subject(text, sent, head, _aux_chain(toks, head))
        if shared:
            return shared
    return _surface_subject(sent, a)


def _antecedent(sent: ParsedSentence, relative: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun stands for: the last one before it
    ("la position du gouvernement fédéral, qui a dit" -> "du gouvernement fédéral")."""
    toks = sent.tokens
    j = relative - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    if j < 0 or toks[j].upos not in ("NOUN", "PROPN", "ADJ"):
        return None
    a = j
    while a > 0 and (toks[a - 1].upos in ("NOUN", "PROPN", "ADJ", "NUM") or toks[a - 1].text == "-"):
        a -= 1
    if a > 0 and (toks[a - 1].upos == "DET" or fold(toks[a - 1].text) in ("du", "des", "au", "aux")):
        a -= 1
    return (a, j + 1)


def _plausible_start(tok: Token) -> bool:
    """French subjects open with a determiner, a name, a pronoun or an honorific."""
    return tok.upos in ("DET", "PROPN", "PRON", "NUM") or tok.text[:1].isupper()


def _comma_between(toks: tuple[Token, ...], i: int, a: int) -> bool:
    """A comma between the parser's subject and the verb, with no name apposed after it:
    the parser took a complement for the subject ("…dans la région, al-Araji déclare")."""
    commas = [k for k in range(i + 1, a) if toks[k].text == ","]
    if not commas:
        return False
    last = commas[-1]
    tail = [t for t in toks[last + 1 : a]]
    return bool(tail) and all(t.upos in ("PROPN", "NOUN", "ADJ", "DET", "ADP") or t.text == "-" for t in tail) \
        and any(t.upos == "PROPN" for t in tail) and len(commas) == 1 and toks[i].i < last and \
        not any(t.upos == "PROPN" for t in toks[i + 1 : last])


def _surface_subject(sent: ParsedSentence, a: int) -> tuple[int, int] | None:
    """The noun phrase that ends before the verb group, skipping adverbs and a
    comma-enclosed insertion ("Khattab, pour sa part, a salué")."""
    toks = sent.tokens
    j = a - 1
    while j >= 0 and (fold(toks[j].text) in SKIPPABLE_BEFORE_VERB or toks[j].upos == "ADV"):
        j -= 1
    if j >= 0 and toks[j].text in INSERTION_CLOSERS:
        opener = INSERTION_CLOSERS[toks[j].text]
        k = j - 1
        while k >= 0 and toks[k].text != opener:
            k -= 1
        if k > 0:
            j = k - 1  # "Boko Haram - qui signifie … - prône": the insertion is skipped
    while j >= 0 and toks[j].text in ("»", '"', "”"):
        j -= 1  # "«Focus» écrit:"
    if j >= 0 and toks[j].text == ",":
        k = j - 1
        while k >= 0 and toks[k].text != ",":
            k -= 1
        inside = toks[k + 1 : j]
        relative = bool(inside) and fold(inside[0].text) in RELATIVE
        if k > 0 and inside and ((inside[0].upos == "ADP" and j - k <= 6) or relative):
            j = k - 1  # an insertion ("pour sa part", "qui est elle-même …"): the subject stands before it
        else:
            sk = start_np(sent, k) if k > 0 else 0
            # "Augustus Franklin, 77 ans, rappela": a name opening the clause, then its apposition
            named_first = k > 0 and sk < k and toks[sk].text[:1].isupper() \
                and any(t.upos == "PROPN" for t in toks[sk:k]) \
                and (sk == 0 or toks[sk - 1].upos in ("CCONJ", "ADV") or toks[sk - 1].text == ",")
            s = start_np(sent, j)
            if s < j and _plausible_start(toks[s]) and not named_first:
                return (s, j)
            if k > 0:  # "Hanifa Adan, figure du mouvement …, a qualifié": a name and its apposition
                s = start_np(sent, k)
                if s < k and _plausible_start(toks[s]):
                    return (s, j)
            return None
    if j >= 0 and toks[j].upos in ("VERB", "AUX") and toks[j].text[:1].isupper() and j == 0:
        return (0, 1)  # "Drescher a déclaré": a surname the tagger took for a verb
    if j < 0 or toks[j].upos not in ("NOUN", "PROPN", "PRON", "X", "ADJ"):
        return None
    if toks[j].upos == "PRON" and fold(toks[j].text) in RELATIVE:
        return None
    s = start_np(sent, j + 1)
    return (s, j + 1) if _plausible_start(toks[s]) else None


def _subject_end(text: str, sent: ParsedSentence, s: int, a: int) -> int:
    """The subject runs up to the verb group, appositions included, but not past a clause."""
    toks = sent.tokens
    end = extend_np(text, sent, s, limit=max(1, a - s))
    if end < a:
        # "Le porte-parole du Commandement …, Tahsin al-Khafaji, a confirmé": keep the apposition
        rest = toks[end:a]
        stressed = all(t.text == "," or fold(t.text) in ("lui", "elle", "eux", "elles") for t in rest)
        if not stressed and all(t.upos not in ("VERB", "AUX", "SCONJ") and fold(t.text) not in RELATIVE
                                and t.text not in (":", ";") for t in rest):
            end = a
            while end > s and toks[end - 1].text in (",",):
                end -= 1
    return end


def _citing(text: str, sent: ParsedSentence, after: int) -> tuple[int, int] | None:
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


def framing_cues(text: str, sent: ParsedSentence, quotes: list[Quote]) -> list[Cue]:
    """"selon X", "d'après X", "de source X": the framed source of the sentence."""
    lex = load()
    toks = sent.tokens
    words = [fold(t.text) for t in toks]
    cues = []
    opening = _pour_framing(text, sent)
    if opening:
        cues.append(opening)
    for i in range(len(toks)):
        if _inside(quotes, toks[i]):
            continue
        for phrase in lex.framings:
            n = _match_length(words, i, "".join(phrase))
            if n:
                j = i + n
                if j < len(toks) and (words[j] in RELATIVE or words[j] in ("nos", "notre")):
                    break  # "selon laquelle"; "selon nos informations": the article's own reporting
                start = j - 1 if phrase[-1] == "source" else j  # "de source diplomatique": "source diplomatique"
                b = extend_np(text, sent, start)
                if b > start:
                    cues.append(Cue(i, (i, j), (start, b), "framing", sent.depth(i)))
                break
    return cues


def colon_quote_cue(text: str, sent: ParsedSentence) -> Cue | None:
    """"Zelensky : « Nous allons relever ce défi »": a name or a title, a colon, a quotation."""
    lex = load()
    toks = sent.tokens
    colon = next((i for i, t in enumerate(toks[:12]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(toks) or toks[colon + 1].text not in ("«", '"', "“"):
        return None
    start = 0
    while start < colon and toks[start].upos == "DET":
        start += 1
    words = {fold(t.text) for t in toks[start:colon]}
    if extend_np(text, sent, start) < colon:
        return None
    if not (any(t.upos == "PROPN" for t in toks[start:colon]) or words & lex.titles):
        return None
    return Cue(colon, (colon, colon + 1), (0, colon), "colon", 0)


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
    person = any(t.upos == "PROPN" for t in toks[1:b]) or words & lex.titles or words & lex.anonymous
    return Cue(0, (0, 1), (1, b), "framing", 0) if person else None


def _match_length(words: list[str], i: int, joined: str) -> int:
    """How many tokens spell the phrase (tokenizers split "d'après" differently)."""
    for k in range(1, 8):
        if "".join(words[i : i + k]) == joined:
            return k
    return 0
