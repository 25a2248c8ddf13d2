"""Inverted subjects: where a reporting verb's speaker follows it ("», a déclaré le ministre",
", note un analyste,", "comme l'a écrit Le Monde"): incise positions, what may stand between the
verb and its subject (adverbs, dates, adjuncts, detached adjectives) and where the subject ends.
"""

from __future__ import annotations

import re

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.speakers.names import name_runs
from claimtrack.engine.syntax.parsed import ParsedSentence, Token
from claimtrack.engine.syntax.phrases import extend_np
from claimtrack.engine.syntax.verbgroup import (
    CLOSING_QUOTES,
    RELATIVE,
    SIDE_PHRASES,
    aux_chain,
    detached_adjectives,
    reflexive,
)


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


_DASHES = frozenset("-–—")


def mark_before(toks: tuple[Token, ...], a: int) -> str:
    """What stands right before the verb group at a, a dash after a closing quotation mark read
    as that mark ('"…" - explique X': a dash some copies put where the comma goes). A dash that
    closes an insertion opened by another ("Boko Haram - qui signifie "…" - prône") is not one."""
    if a > 1 and toks[a - 1].text in _DASHES and toks[a - 2].text in CLOSING_QUOTES \
            and not any(t.text in _DASHES for t in toks[: a - 2]):
        return toks[a - 2].text
    return toks[a - 1].text if a > 0 else ""


def _after_quote(toks: tuple[Token, ...], a: int) -> bool:
    """The verb group follows a comma or a closing quotation mark: where an incise stands."""
    before = mark_before(toks, a)
    return before == "," or before in CLOSING_QUOTES


def quoted_words_before(toks: tuple[Token, ...], closing: int) -> int:
    """Words of the quotation that closes at `closing` (all words before it when it opened in an
    earlier sentence): a quoted title ("Telepolis" cite …) has one or two."""
    opening = next((k for k in range(closing - 1, -1, -1) if toks[k].text in ("«", '"', "“")), -1)
    return sum(1 for t in toks[opening + 1 : closing] if t.upos != "PUNCT")


def is_incise(text: str, sent: ParsedSentence, v: int, a: int, end: int) -> bool:
    """An inverted speaker clause: no subject before the verb, a clause or a quotation before
    it, and a comma or closing quote right before the verb group."""
    toks = sent.tokens
    start = skip_adverbials(toks, end)  # where an inverted subject would begin
    follows = subject_follows(toks, v, start) or quoted_name_after(toks, v, start) is not None \
        or closing_parsed_subject(text, sent, v, start)
    comma_before = a > 0 and toks[a - 1].text == ","
    inverted_after_comma = follows and comma_before and (
        _inverted_np_closes(text, sent, start) or _inverted_np_closes(text, sent, start, enclosed=True))
    has_subject_before = any(
        t.head == v and t.deprel.startswith("nsubj") and t.i < a
        and not any(x.upos in ("VERB", "AUX") and x.feat("VerbForm") == "Fin" for x in toks[t.i + 1 : a])
        and not _predicate_with_own_subject(toks, t.i)  # "Ce processus est une étape …, a déclaré X"
        and not (inverted_after_comma and any(x.text == "," for x in toks[t.i + 1 : a]))
        and not any(x.text in CLOSING_QUOTES and quoted_words_before(toks, x.i) >= 3  # a quoted sentence,
                    for x in toks[t.i + 1 : a])  # taken for the subject ('« C'est un désastre », a réagi …')
        for t in toks)  # "La crise est grave, a déclaré le maire": the parser's subject is the clause's
    if follows and a > 1 and toks[a - 1].text in CLOSING_QUOTES and quoted_words_before(toks, a - 1) >= 3 \
            and _inverted_np_closes(text, sent, start):
        return True  # '… civique" a déclaré Mlle Nathiri.': a quotation, its verb, the speaker after it
    after_comma = a > 1 and comma_before and _inverted_np_closes(text, sent, start, enclosed=True)
    # a pronominal verb takes no object: the phrase after it is its subject (", se demande le consulat")
    pronominal = follows and comma_before and reflexive(toks, v)
    return not has_subject_before and (_clause_before(toks, a) or (after_comma and follows) or pronominal) and (
        _after_quote(toks, a) or follows)


def _predicate_with_own_subject(toks: tuple[Token, ...], i: int) -> bool:
    """A noun the parser made the verb's subject that has a copula and a subject of its own, the
    copula right before it ("Ce processus est une étape de notre vie, a déclaré X": "étape"): a
    clause before the incise. A copula a comma sets apart is the parser's mistake, not the noun's
    ("… était « en jeu », son homologue, Frank Wisner, a exhorté")."""
    return any(x.head == i and x.deprel == "cop" and x.i < i and not any(t.text == "," for t in toks[x.i : i])
               for x in toks) and any(x.head == i and x.deprel.startswith("nsubj") for x in toks)


def name_after_pp(sent: ParsedSentence, start: int) -> int | None:
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


def closing_parsed_subject(text: str, sent: ParsedSentence, v: int, start: int) -> bool:
    """An incise whose comma the writer left out ("Il est temps de changer déclare Susan Burke."):
    the parser's own subject of the verb, after it, closing the sentence."""
    toks = sent.tokens
    a = aux_chain(toks, v)
    if start >= len(toks) or a == 0 or toks[a - 1].upos not in ("NOUN", "PROPN", "ADJ", "VERB", "ADV", "NUM") \
            or fold(toks[a - 1].text) in RELATIVE:
        return False  # the end of a clause before the verb; "tout ce qu'avait dit Mme X" is a relative
    end = extend_np(text, sent, start)
    if end < len(toks) - 1 or (end < len(toks) and toks[end].upos != "PUNCT"):
        return False
    return any(t.head == v and t.deprel.startswith("nsubj") for t in toks[start:end])


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


def skip_adverbials(toks: tuple[Token, ...], i: int) -> int:
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
        elif fold(toks[i].text) == "en" and i + 1 < len(toks) and toks[i + 1].text.isdigit():
            i += 2  # "avait déclaré en 2006 le professeur …": a year
        elif dated := _dated_phrase(toks, i, time_words):
            i = dated
        elif side := _side_phrase(toks, i) or _connective_phrase(toks, i):
            i = side
        elif manner := _manner_phrase(toks, i):
            i = manner
        elif detached := detached_adjectives(toks, i):
            i = detached
        else:
            break
    return i


def _phrase_end(toks: tuple[Token, ...], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """End of the first of `phrases` written at i, or 0."""
    for phrase in phrases:
        if tuple(fold(t.text) for t in toks[i : i + len(phrase)]) == phrase:
            return i + len(phrase)
    return 0


def _side_phrase(toks: tuple[Token, ...], i: int) -> int:
    """End of a phrase that marks a speaker's turn ("de son côté", "pour sa part"), or 0."""
    return _phrase_end(toks, i, SIDE_PHRASES)


# phrases that tie the report to what came before: "a indiqué par ailleurs le porte-parole"
_CONNECTIVE_PHRASES = tuple(tuple(p.split()) for p in (
    "par ailleurs", "en outre", "de plus", "d' ailleurs", "en revanche", "par contre", "à nouveau", "de nouveau",
    "une nouvelle fois", "une fois de plus", "encore une fois", "en effet"))


def _connective_phrase(toks: tuple[Token, ...], i: int) -> int:
    """End of a connective phrase ("par ailleurs", "en outre", "une nouvelle fois"), or 0."""
    return _phrase_end(toks, i, _CONNECTIVE_PHRASES)


def _manner_phrase(toks: tuple[Token, ...], i: int) -> int:
    """End of a phrase that says how the words were said, not who said them, or 0: "sans" or
    "avec" and a bare noun ("assure sans détour le président", "explique avec prudence la
    directrice"), "sans" and an infinitive ("répond sans hésiter Marc Blanc"), a gerund ("ajoute
    en souriant l'élu"). A determiner after the preposition makes a complement, not a manner
    ("a parlé avec le ministre")."""
    if i + 2 >= len(toks):
        return 0
    word, nxt = fold(toks[i].text), toks[i + 1]
    if nxt.text[:1].isupper():
        return 0
    if word in ("sans", "avec") and nxt.upos == "NOUN":
        return i + 2
    if word in ("sans", "avec") and fold(nxt.text) in _QUANTITY_ADVERBS and i + 3 < len(toks) \
            and fold(toks[i + 2].text) in ("de", "d'", "d’") and toks[i + 3].upos == "NOUN":
        return i + 4  # "ajoute avec plus d'ambiguïté le porte-parole"
    if word == "sans" and nxt.upos == "VERB" and nxt.feat("VerbForm") == "Inf":
        return i + 2
    if word == "en" and nxt.upos == "VERB" and nxt.feat("VerbForm") == "Part" and nxt.feat("Tense") == "Pres":
        return i + 2
    return 0


_QUANTITY_ADVERBS = frozenset("plus moins beaucoup peu tant autant".split())
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


def subject_follows(toks: tuple[Token, ...], v: int, end: int) -> bool:
    """An inverted subject: a determiner or a name right after the verb, with a comma or a
    closing quote before the verb group (", note un analyste", "», a annoncé le bureau")."""
    if end >= len(toks):
        return False
    nxt = toks[end]
    a = aux_chain(toks, v)
    if a > 1 and fold(toks[a - 1].text) in ("le", "l'") and fold(toks[a - 2].text) == "comme":
        a -= 1  # "Comme le rapporte Der Spiegel": the object clitic, tagged as an article
    before = mark_before(toks, a)
    if before != "," and before not in CLOSING_QUOTES and fold(before) != "comme":
        return False  # ", note un analyste", "», a annoncé le bureau", "comme l'a écrit Le Monde"
    # ", raconte une des participantes": one of several, a pronoun with the people it counts
    one_of = fold(nxt.text) in _ONE_OF and end + 1 < len(toks) and fold(toks[end + 1].text) in ("des", "d'entre")
    return nxt.upos in ("DET", "PROPN", "NOUN") or one_of or (nxt.text[:1].isupper() and nxt.upos not in ("PUNCT",))


_ONE_OF = frozenset("un une l'un l'une l’un l’une".split())
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
