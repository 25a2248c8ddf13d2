"""Who a reporting verb's subject is: preposed (with appositions and insertions), inverted after
the verb (incises: ", note un analyste"; their positions are in syntax/inversion.py), or the
antecedent of a relative pronoun."""

from __future__ import annotations

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.speakers.descriptions import can_speak
from claimtrack.engine.speakers.names import name_runs
from claimtrack.engine.speakers.outlets import find_outlets
from claimtrack.engine.syntax.inversion import (
    before_setting,
    closing_parsed_subject,
    name_after_pp,
    quoted_name_after,
    skip_adverbials,
    subject_follows,
)
from claimtrack.engine.syntax.parsed import ParsedSentence, Token
from claimtrack.engine.syntax.phrases import extend_np, head_index, name_read_as_other, start_np
from claimtrack.engine.syntax.verbgroup import RELATIVE, aux_chain

SKIPPABLE_BEFORE_VERB = frozenset("ne n' se s' y en lui leur également aussi même déjà encore bien alors donc "
                                  "toutefois cependant néanmoins notamment ensuite enfin pourtant".split())


INSERTION_CLOSERS = {"-": "-", "–": "–", "—": "—", ")": "("}


def subject_of(text: str, sent: ParsedSentence, v: int, a: int, end: int, clitic: tuple[int, int] | None,
                incise: bool) -> tuple[tuple[int, int] | None, str]:
    toks = sent.tokens
    if clitic:
        return clitic, "incise"
    if incise:
        end = skip_adverbials(toks, end)  # ", a assuré vendredi son fils", ", a précisé hier soir le maire"
    if incise and (subject_follows(toks, v, end) or closing_parsed_subject(text, sent, v, end)):
        return (end, before_setting(sent, end, extend_np(text, sent, end))), "incise"
    quoted = quoted_name_after(toks, v, end) if incise else None
    if quoted:  # '"Achète TT", écrit "Fedorenkov"': a user's handle, in quotation marks
        return quoted, "incise"
    if incise and end < len(toks) and fold(toks[end].text) in ("à", "au", "aux", "sur", "dans", "auprès"):
        pp = end + 1 if fold(toks[end].text) == "auprès" and end + 1 < len(toks) else end  # "auprès de l'AFP"
        start = name_after_pp(sent, pp)
        if start is not None:
            return (start, extend_np(text, sent, start)), "incise"
    return preposed_subject(text, sent, v, a), "preposed"


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
    chained = _name_before_appositions(sent, a)
    if chained is not None and (subject is None or subject[0] > chained[0]):
        return chained  # the parser's subject lies inside the appositions, or it found none
    if subject is None or not can_speak(sent.tokens[head_index(sent, *subject)]):
        # "… dans un groupe de soutien, a déclaré": words no one can say are not the subject
        subject = _opening_name(text, sent, a) or _name_before_dont(sent, a) \
            or (subject and _with_name_before(sent, subject))
        return subject and _through_outlet_name(text, sent, subject, a)
    return _through_outlet_name(text, sent, _with_name_before(sent, subject), a)


_APPOSITION_REACH = 3  # appositions between a name and its verb, at most


def _name_before_appositions(sent: ParsedSentence, a: int) -> tuple[int, int] | None:
    """"Durant la première nuit, Mikhail Lyubiumov, le directeur de A1 moto, une société qui
    équipe les voitures, a déclaré": after a fronted adjunct and a chain of appositions (one
    with a relative clause) the parser loses the subject or takes a noun of the apposition for
    it; the person named right before the chain speaks, described by it."""
    toks = sent.tokens
    if a < 2 or toks[a - 1].text != ",":
        return None
    end = a - 1  # the comma that closes the segment read now
    for crossed in range(_APPOSITION_REACH + 1):
        comma = max((k for k in range(end) if toks[k].text == ","), default=-1)
        segment = toks[comma + 1 : end]
        if not segment:
            return None
        if crossed and (comma + 1, end) in name_runs(sent, comma + 1, end) and any(t.ent == "PER" for t in segment):
            return comma + 1, a - 1
        if comma < 0 or not _is_apposition(segment):
            return None
        end = comma
    return None


def _is_apposition(segment: tuple[Token, ...]) -> bool:
    """A noun phrase that describes ("le directeur des ventes", "une société qui équipe …",
    "77 ans"): it opens with a determiner, a noun, an adjective or a number, and has no verb
    of its own outside a relative clause."""
    if segment[0].upos not in ("DET", "NOUN", "ADJ", "NUM") or segment[0].text[:1].isupper():
        return False
    relative = False
    for t in segment:
        relative = relative or fold(t.text) in RELATIVE
        if t.upos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" and not relative:
            return False
    return True


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


def _name_before_dont(sent: ParsedSentence, a: int) -> tuple[int, int] | None:
    """"M. Lawrie Drew dont le fils a été enseveli a déclaré": a relative clause in "dont" with no
    commas around it, and its own verb before the verb group; the parser hangs the reporting
    verb on the relative's, with no subject. The name opening the sentence right before "dont"
    is who speaks ("X dont le fils a déclaré" is the son's report: no verb between)."""
    toks = sent.tokens
    start = 0
    while start < a and toks[start].upos in ("CCONJ", "ADV"):
        start += 1
    relative = next((k for k in range(start + 1, a) if fold(toks[k].text) == "dont"), None)
    if relative is None or any(t.text in (",", ";", ":") for t in toks[start:a]):
        return None
    if not any(t.upos == "VERB" for t in toks[relative + 1 : a]):
        return None
    runs = name_runs(sent, start, relative)
    if not runs or runs[-1][1] != relative or runs[0][0] > start + 1:
        return None
    return (start, relative)


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
    """"Beaucoup d'habitants ont peur que …", "plusieurs des survivants racontent", "l'une des
    victimes a raconté": a quantifier the parser made the subject, with the people it counts
    after it (and the article of "l'un", "l'une")."""
    toks = sent.tokens
    j = i + 1
    one = fold(toks[i].text) in ("un", "une")
    if (fold(toks[i].text) not in QUANTIFIER_OPENERS and not one) or j + 1 >= a \
            or fold(toks[j].text) not in (("des",) if one else ("de", "d'", "des", "du")):
        return None
    start = j + 1 if fold(toks[j].text) in ("de", "d'") else j
    end = min(extend_np(text, sent, start), a)
    if one and i > 0 and fold(toks[i - 1].text) in ("l'", "l’"):
        i -= 1
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
    if j < 0 or (toks[j].upos not in ("NOUN", "PROPN", "PRON", "X", "ADJ") and not name_read_as_other(toks[j], load())):
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
