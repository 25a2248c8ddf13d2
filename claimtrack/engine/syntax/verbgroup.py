"""The verb group of a reporting verb: auxiliaries, clitics, negation, reflexives, multiword
cues, the verb's frame in the lexicon, and what makes a report hypothetical or the author's own."""

from __future__ import annotations

from functools import lru_cache

from claimtrack.engine.lexicons import fold, fold_accents, load
from claimtrack.engine.syntax.parsed import Token
from claimtrack.engine.text.quotes import Quote

CLITIC_SUBJECTS = frozenset("-il -elle -ils -elles -t-il -t-elle -t-ils -t-elles -on -t-on".split())


NEGATIONS = frozenset("pas jamais guère point nullement plus ni".split())


CLOSING_QUOTES = frozenset({"»", '"', "”", "''"})


ADVERBIAL_WORDS = frozenset("avant après auparavant outre en".split())

# "assure de son côté le ministre", "se sont de leur côté félicités": whose turn it is, not who
SIDE_PHRASES = tuple(tuple(p.split()) for p in (
    "de son côté", "de leur côté", "pour sa part", "pour leur part", "à son tour", "à leur tour", "quant à lui",
    "quant à elle", "quant à eux", "quant à elles", "lui aussi", "elle aussi", "eux aussi", "elles aussi"))


_SIDE_PHRASE_ENDS = frozenset(phrase[-1] for phrase in SIDE_PHRASES)


def _side_phrase_before(toks: tuple[Token, ...], k: int) -> int:
    """The length of a turn phrase ending at k ("de leur côté"), or 0."""
    if fold(toks[k].text) not in _SIDE_PHRASE_ENDS:
        return 0  # asked of every word before a participle: most end no turn phrase
    for phrase in SIDE_PHRASES:
        n = len(phrase)
        if k - n + 1 >= 0 and tuple(fold(t.text) for t in toks[k - n + 1 : k + 1]) == phrase:
            return n
    return 0


RELATIVE = frozenset("qui lequel laquelle lesquels lesquelles que qu' quoi dont".split())


def _adverb_elided_de(toks: tuple[Token, ...], k: int) -> bool:
    """The "d'" of an adverb written in two tokens: "a d'ailleurs invoqué", "a d'abord dit"."""
    return fold(toks[k].text) == "d'" and k + 1 < len(toks) and toks[k + 1].upos == "ADV"


def aux_chain(toks: tuple[Token, ...], v: int) -> int:
    """First token of the verb group (auxiliaries and clitics before the verb)."""
    a = v
    # adverbs between an auxiliary and its participle ("a également souligné", "avait peu avant précisé")
    k = v - 1
    while k >= max(0, v - 6):
        if side := _side_phrase_before(toks, k):
            k -= side  # "se sont de leur côté félicités", "a quant à lui estimé", "a lui aussi déclaré"
        elif (toks[k].upos == "ADV" and fold(toks[k].text) not in NEGATIONS) \
                or fold(toks[k].text) in ADVERBIAL_WORDS or _adverb_elided_de(toks, k):
            k -= 1
        else:
            break
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


def first_or_second_person(toks: tuple[Token, ...], v: int) -> bool:
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


def clitic_after(toks: tuple[Token, ...], a: int, v: int) -> tuple[int, int] | None:
    """A subject clitic attached by a hyphen to the verb or its auxiliary ("a-t-il", "dit-elle")."""
    for i in range(a, min(len(toks), v + 3)):
        word = fold(toks[i].text)
        if word in CLITIC_SUBJECTS or (word == "-t" and i + 1 < len(toks)):
            j = i
            while j < len(toks) and (fold(toks[j].text) in CLITIC_SUBJECTS or fold(toks[j].text) == "-t"):
                j += 1
            return (j - 1, j)
    return None


@lru_cache(maxsize=1)
def _multiword_by_first() -> dict[str, tuple[tuple[int, tuple[str, ...], str], ...]]:
    """The multiword cues by their first lemma, each with its place in the lexicon file."""
    index: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for position, (first, rest, frame) in enumerate(load().multiword):
        index.setdefault(first, []).append((position, rest, frame))
    return {first: tuple(entries) for first, entries in index.items()}


def _multiword(toks: tuple[Token, ...], v: int) -> tuple[int, str] | None:
    """End and frame of a multiword cue starting at verb v ("fait état de", "met en garde"), if any:
    the first in the lexicon's order, as a reader of the file would expect."""
    by_first = _multiword_by_first()
    lemmas = {fold(toks[v].lemma), verb_lemma(toks[v])}  # "élevé/ADJ" is still élever's participle
    entries = sorted(entry for lemma in lemmas for entry in by_first.get(lemma, ()))
    for _position, rest, frame in entries:
        j = v + 1
        while j < len(toks) and toks[j].upos == "ADV":
            j += 1
        starts = [j]
        if rest[0] in ("à", "au", "aux"):  # "a appelé mercredi soir les rebelles à …"
            starts.append(_past_objects(toks, v, j))
        for j in dict.fromkeys(starts):
            k = 0
            while k < len(rest) and j < len(toks) and (fold(toks[j].text) == rest[k] or fold(toks[j].lemma) == rest[k]):
                j, k = j + 1, k + 1
            if k == len(rest):
                return j, frame
    return None


def _past_objects(toks: tuple[Token, ...], v: int, j: int) -> int:
    """Where the words after verb v go on past its direct object and time adjuncts ("a appelé
    [mercredi soir une nouvelle fois] [les rebelles] à …"): a multiword cue whose fixed words
    start with "à" may take its object first, one noun phrase (not a pronoun: "appelle cela des
    frais au kilométrage" names a thing). A call on the telephone is no appeal."""
    children = [t.i for t in toks[v + 1 :] if t.head == v and t.deprel in ("obj", "obl:mod")]
    objects = [c for c in children if toks[c].deprel == "obj"]
    if len(objects) > 1 or any(toks[c].upos not in ("NOUN", "PROPN") for c in objects):
        return j  # people are called on; "appelle cela des frais au kilométrage" names a thing
    start = j
    while j < len(toks) and fold(toks[j].text) not in ("à", "au", "aux") and toks[j].upos != "PUNCT" \
            and any(_heads_to(toks, j, c) for c in children):
        j += 1
    if j == start or (j + 1 < len(toks) and fold(toks[j + 1].text) in ("téléphone", "telephone")):
        return start
    return j


def _heads_to(toks: tuple[Token, ...], i: int, root: int) -> bool:
    """Whether token i is `root` or depends on it (a parse with a cycle ends the walk)."""
    steps = 0
    while i != root and toks[i].head != i and steps < len(toks):
        i, steps = toks[i].head, steps + 1
    return i == root


def negated(toks: tuple[Token, ...], a: int, v: int) -> bool:
    if a > 0 and fold(toks[a - 1].text) == "ni" and any(fold(t.text) in ("ne", "n'") for t in toks[: a - 1]):
        return True  # "n'a ni confirmé, ni commenté": the second verb of "ne … ni … ni" too
    start = min(a, v - 3)
    low = max(0, start - 2)
    for j in range(v - 1, low - 1, -1):
        if toks[j].text in (",", "»", '"', "”", ";", ":"):
            low = j + 1  # « Je ne partirai pas », affirme X: the quotation's negation is not the verb's
            break
    start = max(start, low)
    before = {fold(t.text) for t in toks[low:v]}
    after = {fold(t.text) for t in toks[max(0, start) : min(len(toks), v + 2)]}
    return bool(before & {"ne", "n'"}) and bool(after & NEGATIONS)


_INTENT_VERBS = frozenset("penser compter envisager projeter savoir".split())  # + infinitive: intent, ability


def has_clause_frame(toks: tuple[Token, ...], end: int, quotes: list[Quote], infinitive: bool = True) -> bool:
    """A que-clause, de + infinitive (unless the verb's infinitive is an action: "ont convenu de
    créer"), an indirect question, a colon or a quotation follows the cue. `infinitive` False (a
    que-frame verb): only a que-clause, a colon or a quotation ("découvrir si" is no report)."""
    for j in range(end, min(len(toks), end + 5)):
        word = fold(toks[j].text)
        if word in ("que", "qu'", "qu", ":") or toks[j].text in ("«", '"', "“"):
            return True
        if infinitive and word in ("comme", "comment", "pourquoi", "combien", "si", "s'"):
            return True  # an indirect question: a clause frame's verb asks or tells it, a que-frame's does not
        if infinitive and word in ("de", "d'", "à") and j + 1 < len(toks) and toks[j + 1].feat("VerbForm") == "Inf":
            return True  # "a appelé les Occidentaux à accélérer …"
        if infinitive and j == end and toks[j].feat("VerbForm") == "Inf" and toks[j].upos in ("VERB", "AUX") \
                and end > 0 and _infinitive_is_said(toks[end - 1]):
            return True  # "a dit avoir …", "espère rééditer …"; "veut faire", "pense partir" are intentions
        if toks[j].text in (",", "."):
            break
    # "ajoute en outre, assis dans son bureau, qu'il …": an insertion between the verb and its clause
    # (", se balançant dans sa chaise …, là où …, qu'…": the insertion may hold commas of its own)
    close = next((k for k in range(end, min(len(toks), end + 4)) if toks[k].text == ","), None)
    if close is not None:
        for k in range(close + 1, min(len(toks) - 1, close + _INSERTION_TOKENS)):
            if toks[k].text in (";", ":", ".", "!", "?"):
                break
            if toks[k].text == "," and fold(toks[k + 1].text) in ("que", "qu'", "qu"):
                return True
    return False


_INSERTION_TOKENS = 30


def _infinitive_is_said(verb: Token) -> bool:
    """Whether an infinitive right after this verb is what it reports: "a dit avoir", "prétend
    être", and after a verb of wish or memory "espère rééditer", "se souvient avoir" (GUIDE);
    not after a verb of intent, ability or obligation ("pense partir", "veut faire")."""
    lemma, lex = fold(verb.lemma), load()
    if lemma in lex.wish_verbs:
        return True
    return lemma not in _INTENT_VERBS and lemma not in lex.irrealis


_CUE_UPOS = frozenset(("VERB", "AUX", "NOUN", "ADJ", "ADV", "X"))


def may_report(tok: Token) -> bool:
    """Whether the word's class can carry a reporting cue at all (a lower-case "name" is a word
    the tagger could not read: "a tweeté/PROPN"). Every token of every sentence is asked."""
    return tok.upos in _CUE_UPOS or (tok.upos == "PROPN" and tok.text.islower())


def reporting_word(toks: tuple[Token, ...], v: int) -> tuple[str | None, int | None]:
    """The frame of a reporting verb at v ("any", "clause") and the end of a multiword cue."""
    lex = load()
    tok = toks[v]
    if not may_report(tok):
        return None, None
    if _stance_predicate(toks, v):
        return "stance", None
    multi = _multiword(toks, v)
    multi_end = multi[0] if multi else None
    after_aux = v > 0 and _is_aux(toks[v - 1])  # "s'est élevé/ADJ contre": a participle in a multiword cue
    if tok.upos in ("NOUN", "ADJ", "ADV", "X", "PROPN") and not _verb_position(toks, v) and not gerund(toks, v) \
            and not (multi_end is not None and after_aux):
        return None, None
    # a pronominal verb is a verb of its own: "s'inquiéter" reports, "se trouver" does not
    lemma = verb_key(toks, v)
    frame = lex.verb_frames.get(lemma)
    if frame in (None, "clause", "never") and lemma in lex.document_verbs and document_subject(toks, v):
        frame = "any"  # "le rapport donne un aperçu de …": a document says what it presents
    if multi is not None:
        return multi[1], multi[0]  # "s'est montré favorable", "fait état de": the phrase is the cue
    if frame is None or frame == "never" or tok.upos == "AUX" or _in_discourse_marker(toks, v):
        return None, None
    return frame, None


_STANCE_GOVERNORS = frozenset("montrer dire déclarer avouer affirmer".split())


def _stance_predicate(toks: tuple[Token, ...], v: int) -> bool:
    """"les médecins étaient convaincus que", "la ministre s'est dite confiante de": an adjective
    of belief or stance as the predicate, whatever the tagger called it (lexicons/stance_adjectives.txt).
    "Il est certain que" is impersonal: the article's own voice."""
    impersonal = load().stance_adjectives.get(fold(toks[v].text))
    if impersonal is None:
        return False
    copula = any(t.head == v and t.deprel == "cop" for t in toks)
    governed = toks[v].deprel == "xcomp" and fold(toks[toks[v].head].lemma) in _STANCE_GOVERNORS
    if not (copula or governed):
        return False
    subject = next((t for t in toks if t.head == v and (t.deprel.startswith(("nsubj", "expl")))), None)
    return not (subject is not None and impersonal
                and (subject.deprel.startswith("expl") or fold(subject.text) in ("il", "ce", "c'", "cela", "ça")))


def document_subject(toks: tuple[Token, ...], v: int) -> bool:
    """The verb's subject is a document ("le rapport", "les télégrammes", "une étude")."""
    kinds = load().document_nouns
    return any(t.head == v and t.deprel == "nsubj" and kinds.get(fold(t.text)) in ("document", "media")
               for t in toks)


def _in_discourse_marker(toks: tuple[Token, ...], v: int) -> bool:
    """"c'est-à-dire", "à vrai dire", "cela dit": fixed phrases around a verb of saying that
    report nothing (lexicons/discourse_markers.txt)."""
    for marker in load().discourse_markers:
        n = len(marker)
        for start in range(max(0, v - n + 1), v + 1):
            if tuple(fold(t.text) for t in toks[start : start + n]) == marker:
                return True
    return False


def reflexive(toks: tuple[Token, ...], v: int) -> bool:
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


def hypothetical(toks: tuple[Token, ...], v: int, a: int) -> bool:
    """"Si le gouvernement annonce une hausse, …", "Il faut que le ministre déclare …", "un délai
    pour que les actionnaires indiquent …": a condition, an obligation, a wish or a purpose
    reports nothing."""
    marks = {fold(t.text) for t in toks if t.head == v and t.deprel == "mark"}
    if marks & {"si", "s'"} or (not marks and any(_condition_opens(toks, k, a) for k in range(max(0, a - 4), a))):
        return True
    if marks & _UNREALISED and marks & {"que", "qu'"}:
        return True  # "pour que", "afin que", "sans que": words wished for or not said
    if not marks and a > 0 and toks[a - 1].text == "," and toks[v].feat("VerbForm") != "Inf":
        return False  # "Il faut, écrit X, taxer …": an incise the parser hung on "faut", not its complement
    governor = toks[toks[v].head]
    return toks[v].head != v and toks[v].deprel in ("ccomp", "xcomp") and fold(governor.lemma) in load().irrealis \
        and not realised_modal(toks, toks[v].head)


# with "que": a purpose, or what did not happen ("avant que X ne déclare" often tells what X did next)
_UNREALISED = frozenset({"pour", "afin", "sans"})


def _condition_opens(toks: tuple[Token, ...], k: int, a: int) -> bool:
    """"si"/"s'" at k opens a condition the verb group at a belongs to: not the adverb of degree
    before an adjective ("« … si riches », a déclaré X"), nor a word a closing quotation mark
    separates from the verb group."""
    if fold(toks[k].text) not in ("si", "s'"):
        return False
    if k + 1 < a and toks[k + 1].upos in ("ADJ", "ADV") and fold(toks[k].text) == "si":
        return False
    return not any(t.text in ("»", "”", '"') for t in toks[k + 1 : a])


def realised_modal(toks: tuple[Token, ...], v: int) -> bool:
    """"a dû démentir", "avait pu constater", "dut reconnaître": devoir and pouvoir in a past
    tense of the indicative tell what was done, not an obligation or a possibility ("doit
    annoncer", "devait annoncer", "pourrait déclarer", "aurait dû démentir" report nothing)."""
    tok = toks[v]
    if fold(tok.lemma) not in ("devoir", "pouvoir"):
        return False
    if tok.feat("VerbForm") == "Part":
        auxiliaries = [t for t in toks if t.head == v and t.deprel.startswith("aux")]
        return bool(auxiliaries) and all(fold(t.lemma) == "avoir" and t.feat("Mood") == "Ind" for t in auxiliaries)
    return tok.feat("Mood") == "Ind" and tok.feat("Tense") == "Past"


def detached_adjectives(toks: tuple[Token, ...], i: int) -> int:
    """End of adjectives set off by commas between an inverted verb and its subject ("», lâche,
    amer, un ancien conseiller"), or 0."""
    if i >= len(toks) or toks[i].text != ",":
        return 0
    j = i + 1
    while j < len(toks) and (toks[j].upos == "ADJ" or (j > i + 1 and fold(toks[j].text) in ("et", "mais"))):
        j += 1
    return j + 1 if j > i + 1 and j + 1 < len(toks) and toks[j].text == "," else 0


def incise_position(toks: tuple[Token, ...], v: int, after: int | None = None) -> bool:
    """A word right after a comma and before a determiner or a name: where the verb of an
    inverted speaker clause stands (", note un analyste", ", dit un comité d'experts"); with
    `after`, the verb group runs from v to after (", a expliqué Zemmal")."""
    after = v + 1 if after is None else after
    after = detached_adjectives(toks, after) or after
    return (v >= 1 and toks[v - 1].text == "," and after < len(toks)
            and toks[after].upos in ("DET", "PROPN"))


def gerund(toks: tuple[Token, ...], v: int) -> bool:
    """"en encourageant", "en affirmant": a gerund, whatever the tagger called the word."""
    return v > 0 and fold(toks[v - 1].text) == "en" and fold(toks[v].text).endswith("ant")


def _verb_position(toks: tuple[Token, ...], v: int) -> bool:
    """Where a word the tagger took for a noun must be a verb of saying: an incise, or between
    a name and a colon or "que" ("Infosperber note :")."""
    if incise_position(toks, v) and v >= 2 and toks[v - 2].text in ("»", '"', "”"):
        return True
    follows = toks[v + 1] if v + 1 < len(toks) else None
    if follows is not None and (fold(follows.text) in CLITIC_SUBJECTS or fold(follows.text) == "-t"):
        return True  # "analyse-t-il": a hyphenated subject clitic makes the word before it a verb
    if v < 1 or follows is None:
        return False
    if fold(toks[v - 1].text) in ("il", "elle", "ils", "elles", "on") and toks[v].upos in ("ADJ", "X") \
            and fold(toks[v].text).endswith(("é", "ée", "és", "ées")):
        return True  # "il invoqué une référence": a participle right after its subject, the auxiliary dropped
    k = v - 1
    while k > 0 and (toks[k].upos == "ADV" or _adverb_elided_de(toks, k)):
        k -= 1
    if ((fold(toks[k].lemma) == "avoir" and toks[k].feat("VerbForm") == "Fin") or (k < v and _is_aux(toks[k]))) \
            and (toks[v].upos in ("ADJ", "X") or (toks[v].upos == "PROPN" and toks[v].text.islower())):
        return True  # "a prétendu que", "a tweeté": a participle after its auxiliary, tagged as an adjective or unknown
    if toks[v - 1].text == "," and fold(follows.text) in ("que", "qu'") and follows.upos == "SCONJ":
        return True  # "L'ancien chef, aujourd'hui consultant, juge que": a conjunction's clause needs a verb
    if toks[v - 1].upos == "PROPN":  # "Berlin juge « inacceptables » les propos": an attribute may come first
        return fold(follows.text) in (":", "que", "qu'") or follows.upos in ("DET", "ADJ") \
            or follows.text in ("«", '"', "“")
    # "l'étude note que": a subject noun with its determiner, then the verb and its clause
    return toks[v - 1].upos == "NOUN" and v >= 2 and toks[v - 2].upos == "DET" \
        and fold(follows.text) in (":", "que", "qu'")


def verb_key(toks: tuple[Token, ...], v: int) -> str:
    """The verb's lemma as the lexicons write it: "s'inquiéter" for "s'inquiète", "nier" for "niait"."""
    lemma = verb_lemma(toks[v])
    return f"s'{lemma}" if reflexive(toks, v) else lemma


def verb_lemma(tok: Token) -> str:
    """The tagger's lemma when the lexicon knows it, else a guess from the form: lemmatizers
    miss news verbs ("conteste" -> "conteste", "répètent" -> "répèter") and the reformed
    spelling without circumflex ("reconnait" -> "reconner")."""
    return _verb_lemma(tok.lemma, tok.text)


@lru_cache(maxsize=1 << 16)
def _verb_lemma(tagged_lemma: str, text: str) -> str:
    lex = load()
    lemma = fold(tagged_lemma)
    if lemma in lex.verb_frames:
        return lemma
    by_folded = lex.verbs_by_folded
    form = fold(text)
    guesses = [lemma, lemma + "r" if lemma.endswith("e") else lemma]
    endings = (("ent", "er"), ("es", "er"), ("e", "er"), ("é", "er"), ("ée", "er"), ("ait", "er"),
               ("t", "tir"), ("aît", "aître"), ("ait", "aître"), ("et", "ettre"), ("it", "ire"),
               ("geant", "ger"), ("ant", "er"), ("issant", "ir"), ("isant", "ire"))  # gerunds
    for ending, replacement in endings:
        if form.endswith(ending):
            guesses.append(form[: -len(ending)] + replacement)
    for guess in guesses:
        known = by_folded.get(fold_accents(guess))
        if known:
            return known
    return lemma
