"""Who a reporting verb's subject is: preposed (with appositions and insertions), inverted after
the verb (incises: ", note un analyste"), or the antecedent of a relative pronoun."""

from __future__ import annotations

import re

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.speakers.descriptions import can_speak
from claimtrack.engine.speakers.names import name_runs
from claimtrack.engine.speakers.outlets import find_outlets
from claimtrack.engine.syntax.parsed import ParsedSentence, Token
from claimtrack.engine.syntax.phrases import extend_np, head_index, start_np
from claimtrack.engine.syntax.verbgroup import CLOSING_QUOTES, RELATIVE, aux_chain, detached_adjectives, reflexive

SKIPPABLE_BEFORE_VERB = frozenset("ne n' se s' y en lui leur également aussi même déjà encore bien alors donc "
                                  "toutefois cependant néanmoins notamment ensuite enfin pourtant".split())


INSERTION_CLOSERS = {"-": "-", "–": "–", "—": "—", ")": "("}


def _clause_before(toks: tuple[Token, ...], a: int) -> bool:
    """A finite verb or a closing quotation before the verb group: what an incise follows."""
    relative = False
    for i, t in enumerate(toks[:a]):
        if t.text == ",":
            relative = i + 1 < a and fold(toks[i + 1].text) in RELATIVE
        elif not relative and (t.text in CLOSING_QUOTES
                               or (t.upos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin")
                               or _present_read_as_participle(t)):
            return True
    return False


_PARTICIPLE_ENDINGS = re.compile(r"(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes|s|[aeiouy]ses?|ant)$")


def _present_read_as_participle(t: Token) -> bool:
    """"Le temps presse, insiste …": a present tense the tagger took for a participle, by a form
    no participle has ("mise", "close" are participles, "presse", "pense" are not)."""
    return t.upos == "VERB" and t.feat("VerbForm") == "Part" and _PARTICIPLE_ENDINGS.search(fold(t.text)) is None


def _after_quote(toks: tuple[Token, ...], a: int) -> bool:
    """The verb group follows a comma or a closing quotation mark: where an incise stands."""
    return a > 0 and (toks[a - 1].text == "," or toks[a - 1].text in CLOSING_QUOTES)


def _quoted_words_before(toks: tuple[Token, ...], closing: int) -> int:
    """Words of the quotation that closes at `closing` (all words before it when it opened in an
    earlier sentence): a quoted title ("Telepolis" cite …) has one or two."""
    opening = next((k for k in range(closing - 1, -1, -1) if toks[k].text in ("«", '"', "“")), -1)
    return sum(1 for t in toks[opening + 1 : closing] if t.upos != "PUNCT")


def is_incise(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> bool:
    """An inverted speaker clause: no subject before the verb, a clause or a quotation before
    it, and a comma or closing quote right before the verb group."""
    toks = sent.tokens
    start = _skip_adverbials(toks, end)  # where an inverted subject would begin
    follows = _subject_follows(toks, v, start) or quoted_name_after(toks, v, start) is not None
    comma_before = a > 0 and toks[a - 1].text == ","
    inverted_after_comma = follows and comma_before and (
        _inverted_np_closes(text, sent, start) or _inverted_np_closes(text, sent, start, enclosed=True))
    has_subject_before = any(
        t.head == v and t.deprel.startswith("nsubj") and t.i < a
        and not any(x.upos in ("VERB", "AUX") and x.feat("VerbForm") == "Fin" for x in toks[t.i + 1 : a])
        and not (inverted_after_comma and any(x.text == "," for x in toks[t.i + 1 : a]))
        and not any(x.text in CLOSING_QUOTES and _quoted_words_before(toks, x.i) >= 3  # a quoted sentence,
                    for x in toks[t.i + 1 : a])  # taken for the subject ('« C'est un désastre », a réagi …')
        for t in toks)  # "La crise est grave, a déclaré le maire": the parser's subject is the clause's
    if follows and a > 1 and toks[a - 1].text in CLOSING_QUOTES and _quoted_words_before(toks, a - 1) >= 3 \
            and _inverted_np_closes(text, sent, start):
        return True  # '… civique" a déclaré Mlle Nathiri.': a quotation, its verb, the speaker after it
    after_comma = a > 1 and comma_before and _inverted_np_closes(text, sent, start, enclosed=True)
    # a pronominal verb takes no object: the phrase after it is its subject (", se demande le consulat")
    pronominal = follows and comma_before and reflexive(toks, v)
    return not has_subject_before and (_clause_before(toks, a) or (after_comma and follows) or pronominal) and (
        _after_quote(toks, a) or follows)


def subject_of(text: str, sent: ParsedSentence, v: int, a: int, end: int, clitic: tuple[int, int] | None,
                incise: bool) -> tuple[tuple[int, int] | None, str]:
    toks = sent.tokens
    if clitic:
        return clitic, "incise"
    if incise:
        end = _skip_adverbials(toks, end)  # ", a assuré vendredi son fils", ", a précisé hier soir le maire"
    if incise and _subject_follows(toks, v, end):
        return (end, before_setting(sent, end, extend_np(text, sent, end))), "incise"
    quoted = quoted_name_after(toks, v, end) if incise else None
    if quoted:  # '"Achète TT", écrit "Fedorenkov"': a user's handle, in quotation marks
        return quoted, "incise"
    if incise and end < len(toks) and fold(toks[end].text) in ("à", "au", "aux", "sur", "dans", "auprès"):
        pp = end + 1 if fold(toks[end].text) == "auprès" and end + 1 < len(toks) else end  # "auprès de l'AFP"
        start = _name_after_pp(sent, pp)
        if start is not None:
            return (start, extend_np(text, sent, start)), "incise"
    return preposed_subject(text, sent, v, a), "preposed"


def _name_after_pp(sent: ParsedSentence, start: int) -> int | None:
    """", a annoncé à l'Agence France-Presse (AFP) Roseline Odede": the name after the
    prepositional phrase, not inside it, is the inverted subject."""
    toks = sent.tokens
    # the phrase itself: preposition, determiner, nouns, names, a parenthesis ("(AFP)")
    j = start + 1
    if j < len(toks) and toks[j].upos == "DET":
        j += 1
    while j < len(toks) and (toks[j].upos in ("NOUN", "PROPN", "ADJ") or toks[j].text in ("-", "’", "'")
                             or (toks[j].text[:1].isupper() and (toks[j].upos != "DET" or (
                                 j + 1 < len(toks) and toks[j + 1].text[:1].isupper())))):
        j += 1  # a capitalised word belongs to the name ("France Inter", "au quotidien Le Temps")
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
        end = _past_adjuncts(toks, end)
        return end < len(toks) - 1 and toks[end].text == ","
    return end >= len(toks) or toks[end].text in (",", ".", "!", "?", ";", "…", *CLOSING_QUOTES) \
        or toks[end].upos == "PUNCT"


_ADJUNCT_WORDS = 8
_SETTING_PREPOSITIONS = frozenset("à au aux sur dans lors sous pendant devant auprès".split())
_SETTING_NOUNS = frozenset("couvert anonymat interview entretien entrevue conférence communiqué micro antenne "
                           "plateau ondes colonnes".split())


def before_setting(sent: ParsedSentence, a: int, b: int) -> int:
    """Where an inverted subject ends before the setting of its words (", a dit un amiral à la
    radio,", ", a affirmé un marin sous couvert d'anonymat,"): the outlet spoken to is a via and
    the rest no part of the speaker."""
    lex = load()
    toks = sent.tokens
    for i in range(a + 1, b):
        if fold(toks[i].text) in _SETTING_PREPOSITIONS and any(
                fold(t.text) in _SETTING_NOUNS or fold(t.text) in lex.outlet_nouns or fold(t.text) in lex.platforms
                for t in toks[i + 1 : min(b, i + 4)]):
            return i
    return b


def _past_adjuncts(toks: tuple[Token, ...], end: int) -> int:
    """The comma after the prepositional adjuncts that follow an inverted subject (", a affirmé un
    officier sous couvert d'anonymat, …", ", a dit le maire à la radio, …"), or `end` when
    something else (a verb, a clause) follows it."""
    if end >= len(toks) or toks[end].upos != "ADP":
        return end
    j = end
    while j < len(toks) and j - end < _ADJUNCT_WORDS and toks[j].upos in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM"):
        j += 1
    return j if j < len(toks) and toks[j].text == "," else end


def _skip_adverbials(toks: tuple[Token, ...], i: int) -> int:
    """Past adverbs and time words ("vendredi", "hier soir", "lundi matin", "encore") that stand
    between an inverted verb and its subject."""
    time_words = load().time_words
    while i < len(toks):
        if (toks[i].upos == "ADV" or fold(toks[i].text) in time_words) \
                and fold(toks[i].text) not in ("rien", "tout", "tous", "cela", "ça", "ceci", "auprès"):
            i += 1
        elif fold(toks[i].text) == "en" and i + 1 < len(toks) and toks[i + 1].upos == "NOUN" \
                and not toks[i + 1].text[:1].isupper():
            i += 2  # "en téléconférence", "en conférence"
        elif _dated_phrase(toks, i, time_words):
            i = _dated_phrase(toks, i, time_words)
        elif detached_adjectives(toks, i):
            i = detached_adjectives(toks, i)
        else:
            break
    return i


_DEICTIC = frozenset("ce cet cette".split())
_RELATIVE_DATES = frozenset("prochain prochaine prochains prochaines dernier dernière derniers dernières passé passée "
                            "passés passées suivant suivante précédent précédente même".split())


def _dated_phrase(toks: tuple[Token, ...], i: int, time_words: frozenset[str]) -> int:
    """End of a determiner and a time noun that date the verb, not name its subject ("ce matin",
    "la semaine prochaine", "le mois dernier"), or 0: "a déclaré ce matin le ministre", and ",
    reprendront la semaine prochaine" has no inverted subject at all."""
    if i + 1 >= len(toks) or toks[i].upos != "DET" or fold(toks[i + 1].text) not in time_words \
            or toks[i + 1].upos != "NOUN":
        return 0
    if fold(toks[i].text) in _DEICTIC:
        return i + 2
    if i + 2 < len(toks) and fold(toks[i + 2].text) in _RELATIVE_DATES:
        return i + 3
    return 0


def _subject_follows(toks: tuple[Token, ...], v: int, end: int) -> bool:
    """An inverted subject: a determiner or a name right after the verb, with a comma or a
    closing quote before the verb group (", note un analyste", "», a annoncé le bureau")."""
    if end >= len(toks):
        return False
    nxt = toks[end]
    a = aux_chain(toks, v)
    if a > 1 and fold(toks[a - 1].text) in ("le", "l'") and fold(toks[a - 2].text) == "comme":
        a -= 1  # "Comme le rapporte Der Spiegel": the object clitic, tagged as an article
    before = toks[a - 1].text if a > 0 else ""
    if before != "," and before not in CLOSING_QUOTES and fold(before) != "comme":
        return False  # ", note un analyste", "», a annoncé le bureau", "comme l'a écrit Le Monde"
    return nxt.upos in ("DET", "PROPN", "NOUN") or (nxt.text[:1].isupper() and nxt.upos not in ("PUNCT",))


_OPENING_MARKS = frozenset('"“«')
_CLOSING_MARKS = frozenset('"”»')
_HANDLE_WORDS = 3


def quoted_name_after(toks: tuple[Token, ...], v: int, end: int) -> tuple[int, int] | None:
    """The inverted subject of an incise given in quotation marks: a pseudonym or a user's
    handle of one to three capitalised words ('», écrit "Fedorenkov"', ', a répondu « Ivan »')."""
    a = aux_chain(toks, v)
    before = toks[a - 1].text if a else ""
    if before != "," and before not in CLOSING_QUOTES and fold(before) != "comme":
        return None
    if end + 2 >= len(toks) or toks[end].text not in _OPENING_MARKS or not toks[end + 1].text[:1].isupper():
        return None
    close = next((k for k in range(end + 2, min(len(toks), end + 2 + _HANDLE_WORDS)) if toks[k].text in _CLOSING_MARKS),
                 None)
    # a title may hold a participle ("« Le Canard enchaîné »"), a quoted sentence has a finite verb
    if close is None or any(t.upos in ("AUX", "PUNCT") or (t.upos == "VERB" and t.feat("VerbForm") != "Part")
                            for t in toks[end + 1 : close]):
        return None
    return (end + 1, close)


DESCRIBED = frozenset("ceux celles celui celle".split())
COUNT_PREDICATES = frozenset("nombreux nombreuses multiples innombrables".split())
QUANTIFIER_OPENERS = frozenset("beaucoup nombre plupart majorité moitié certains certaines plusieurs".split())


def _described_demonstrative(sent: ParsedSentence, a: int) -> tuple[int, int] | None:
    """"Ceux qui ont survécu à ces opérations disent …", "beaucoup de ceux qui ont fui
    racontent …": a demonstrative and its relative clause, right before the verb group."""
    toks = sent.tokens
    for k in range(a - 2, -1, -1):
        if toks[k].text in (",", ";", ":") and not (k + 1 < a and fold(toks[k + 1].text) in RELATIVE):
            return None
        if fold(toks[k].text) in DESCRIBED and fold(toks[k + 1].text) in RELATIVE:
            start = k
            if k >= 2 and fold(toks[k - 1].text) in ("de", "d'") and fold(toks[k - 2].text) in QUANTIFIER_OPENERS:
                start = k - 2 - (1 if k >= 3 and toks[k - 3].upos == "DET" else 0)
            elif k >= 2 and toks[k - 1].upos == "AUX" and fold(toks[k - 2].text) in COUNT_PREDICATES:
                start = k - 2  # "nombreux sont ceux qui …", "rares sont celles qui …"
            if start == 0 or toks[start - 1].text == "," or toks[start - 1].upos in ("CCONJ", "ADV"):
                end = a
                while end > k + 1 and toks[end - 1].upos == "PUNCT":
                    end -= 1
                return (start, end)
            return None
    return None


def preposed_subject(text: str, sent: ParsedSentence, v: int, a: int) -> tuple[int, int] | None:
    subject = _preposed_subject(text, sent, v, a)
    if subject is None or not can_speak(sent.tokens[head_index(sent, *subject)]):
        # "… dans un groupe de soutien, a déclaré": words no one can say are not the subject
        subject = _opening_name(text, sent, a) or (subject and _with_name_before(sent, subject))
        return subject and _through_outlet_name(text, sent, subject, a)
    return _through_outlet_name(text, sent, _with_name_before(sent, subject), a)


def _through_outlet_name(text: str, sent: ParsedSentence, subject: tuple[int, int], a: int) -> tuple[int, int]:
    """A subject cut inside an outlet's name ("Le Canard / enchaîné croit savoir": the parser took
    the participle for a verb) runs to the end of the name."""
    toks = sent.tokens
    s, e = subject
    if e >= a or e <= s:
        return subject
    for start, end, _name in find_outlets(text[toks[s].start : toks[a - 1].end]):
        start += toks[s].start
        end += toks[s].start
        if start < toks[e - 1].end < end:
            return s, next((k + 1 for k in range(e, a) if toks[k].end >= end), e)
    return subject


def _opening_name(text: str, sent: ParsedSentence, a: int) -> tuple[int, int] | None:
    """"Mais le Dr Anne Roy, radiologue …, dont la fille … et qui aide …, a déclaré": after a long
    apposition the parser loses the subject; the person named at the head of the sentence, right
    before the first comma, is who speaks."""
    toks = sent.tokens
    if a < 2 or toks[a - 1].text != ",":
        return None
    start = 0
    while start < a and toks[start].upos in ("CCONJ", "ADV"):
        start += 1
    if start >= a or toks[start].upos not in ("DET", "PROPN", "NOUN"):
        return None
    comma = next((k for k in range(start, a) if toks[k].text == ","), None)
    if comma is None or comma == a - 1:
        return None
    names = [r for r in name_runs(sent, start, comma) if any(t.ent == "PER" for t in toks[r[0] : r[1]])]
    return (start, comma) if names and names[-1][1] == comma else None


def _with_name_before(sent: ParsedSentence, subject: tuple[int, int]) -> tuple[int, int]:
    """"Luke Black, 20 ans, vice-président de …, a déclaré": the parser's subject is the
    apposition; the name opening the clause before it is who speaks."""
    toks = sent.tokens
    s, e = subject
    if s < 2 or toks[s - 1].text != ",":
        return subject
    runs = [r for r in name_runs(sent, 0, s - 1) if r[1] == s - 1]
    if not runs or any(t.upos in ("ADV", "CCONJ", "SCONJ", "ADJ") for t in toks[runs[0][0]:runs[0][1]]) \
            or (runs[0] == (0, 1) and toks[0].upos != "PROPN"):
        return subject  # "Toutefois, le ministère …": an adverb opening the sentence, not a name
    start = runs[0][0]
    if start == 0 and toks[0].upos in ("NOUN", "VERB", "ADJ") and not toks[0].ent:
        return subject  # "Invité de BFMTV, le sénateur …": a capitalised participle phrase, not a name
    if start == 0 or toks[start - 1].upos in ("CCONJ", "ADV") or toks[start - 1].text == ",":
        return (start, e)
    return subject


def _preposed_subject(text: str, sent: ParsedSentence, v: int, a: int) -> tuple[int, int] | None:
    toks = sent.tokens
    described = _described_demonstrative(sent, a)
    if described:
        return described
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
            counted = _counted_people(text, sent, t.i, a)
            return counted or (t.i, t.i + 1)
        s = start_np(sent, t.i + 1)
        colon = max((k for k in range(s, a) if toks[k].text in (":", ";")), default=None)
        if colon is not None:  # "Ukraine : Kiev dénonce …": the subject is after the colon
            s = colon + 1
        s = _past_fronted_adjunct(toks, s, t.i)
        if plausible_start(toks[s]) and not _comma_between(toks, t.i, a):
            return (s, subject_end(text, sent, s, a))
    head = toks[v].head
    if toks[v].deprel == "conj" and head != v and toks[head].upos in ("VERB", "AUX", "ADJ"):
        shared = _preposed_subject(text, sent, head, aux_chain(toks, head))
        if shared:
            return shared
    return _surface_subject(sent, a)


def _past_fronted_adjunct(toks: tuple[Token, ...], s: int, head: int) -> int:
    """Where the subject starts after a fronted participle phrase ("Invité de BFMTV, le sénateur
    …", "Joint par téléphone, le maire …"): a word with no determiner and its complement are
    no part of the noun phrase after the comma."""
    if s + 1 >= head or toks[s].upos in ("DET", "PROPN", "PRON", "NUM") or toks[s + 1].upos != "ADP":
        return s
    comma = next((k for k in range(s + 2, head) if toks[k].text == ","), None)
    return comma + 1 if comma is not None and comma + 1 <= head else s


def _counted_people(text: str, sent: ParsedSentence, i: int, a: int) -> tuple[int, int] | None:
    """"Beaucoup d'habitants ont peur que …", "plusieurs des survivants racontent": a quantifier
    the parser made the subject, with the people it counts after it."""
    toks = sent.tokens
    j = i + 1
    if fold(toks[i].text) not in QUANTIFIER_OPENERS or j + 1 >= a \
            or fold(toks[j].text) not in ("de", "d'", "des", "du"):
        return None
    start = j + 1 if fold(toks[j].text) in ("de", "d'") else j
    end = min(extend_np(text, sent, start), a)
    return (i, end) if end > start else None


def _antecedent(sent: ParsedSentence, relative: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun stands for: the last one before it
    ("la position du gouvernement fédéral, qui a dit" -> "du gouvernement fédéral")."""
    toks = sent.tokens
    j = relative - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    if j < 0 or (toks[j].upos not in ("NOUN", "PROPN", "ADJ") and not (toks[j].ent and toks[j].text[:1].isupper())):
        return None  # (a name the tagger read as something else still has its entity: "Obama/PRON")
    a = j
    while a > 0 and (toks[a - 1].upos in ("NOUN", "PROPN", "ADJ", "NUM") or toks[a - 1].text == "-"
                     or (toks[a - 1].text[:1].isupper() and toks[a].text[:1].isupper()
                         and toks[a - 1].upos not in ("DET", "ADP", "PUNCT", "PRON"))):
        a -= 1  # a capitalised word before a capitalised one is the same name ("New York Times", New/X)
    if a > 0 and (toks[a - 1].upos == "DET" or fold(toks[a - 1].text) in ("du", "des", "au", "aux")):
        a -= 1
    return (a, j + 1)


def plausible_start(tok: Token) -> bool:
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
    while j >= 0 and (fold(toks[j].text) in SKIPPABLE_BEFORE_VERB or (toks[j].upos == "ADV" and not toks[j].ent)):
        j -= 1  # (an adverb with an entity label is a name: "Macron/ADV a salué")
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
            if s < j and plausible_start(toks[s]) and not named_first:
                return (s, j)
            if k > 0:  # "Hanifa Adan, figure du mouvement …, a qualifié": a name and its apposition
                s = start_np(sent, k)
                if s < k and plausible_start(toks[s]):
                    return (s, j)
            return None
    if j >= 0 and toks[j].upos in ("VERB", "AUX") and toks[j].text[:1].isupper() and j == 0:
        return (0, 1)  # "Drescher a déclaré": a surname the tagger took for a verb
    misread_name = j >= 0 and ((j > 0 and toks[j].upos == "VERB") or toks[j].upos == "ADV") \
        and bool(toks[j].ent) and toks[j].text[:1].isupper()
    if j < 0 or (toks[j].upos not in ("NOUN", "PROPN", "PRON", "X", "ADJ") and not misread_name):
        return None  # ("le site Disclose/VERB révèle": a name inside the sentence the tagger took for a verb)
    if toks[j].upos == "PRON" and fold(toks[j].text) in RELATIVE:
        return None
    s = start_np(sent, j + 1)
    return (s, j + 1) if plausible_start(toks[s]) else None


INSERTION_WORDS = frozenset("comme ainsi tout toute tous toutes lui elle eux elles quant notamment surtout aussi "
                            "également même".split())


def subject_end(text: str, sent: ParsedSentence, s: int, a: int) -> int:
    """The subject runs up to the verb group, appositions included, but not past a clause."""
    toks = sent.tokens
    end = extend_np(text, sent, s, limit=max(1, a - s))
    if end < a:
        # "Le porte-parole du Commandement …, Tahsin al-Khafaji, a confirmé": keep the apposition
        rest = toks[end:a]
        stressed = all(t.text == "," or fold(t.text) in ("lui", "elle", "eux", "elles") for t in rest)
        # ", comme de nombreux observateurs," / ", selon lui," / ", pour sa part,": an insertion, not an apposition
        inserted = len(rest) > 1 and rest[0].text == "," and (fold(rest[1].text) in INSERTION_WORDS
                                                               or rest[1].upos == "ADP")
        if not stressed and not inserted and all(t.upos not in ("VERB", "AUX", "SCONJ") and fold(t.text) not in RELATIVE
                                and t.text not in (":", ";") for t in rest):
            end = a
            while end > s and toks[end - 1].text in (",",):
                end -= 1
    return end
