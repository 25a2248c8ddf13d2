"""Noun phrases read on the surface of the parse: where a mention starts, ends and what its head is.

Parsers mislabel inverted subjects and long titles, so phrases are read token by token."""

from __future__ import annotations

from claimtrack.engine.lexicons import Lexicons, fold, load
from claimtrack.engine.speakers.names import first_name_read_as_verb, is_name_token, name_continuation, name_runs
from claimtrack.engine.syntax.parsed import ParsedSentence, Token

POSSESSIVES = frozenset("son sa ses leur leurs mon ma mes notre nos votre vos".split())
NP_ADPS = frozenset("de d' du des à au aux pour en par".split())


STOP_WORDS = frozenset("lors dans après avant depuis selon pendant contre avec sur vers qui que qu' dont où".split())


def _is_np_token(tok: Token, lex: Lexicons, quote_open: bool) -> bool:
    if tok.text in ("-", "‐", "’", "'"):
        return True
    if tok.text in ("«", "»", '"') :
        return quote_open or tok.text == "«"
    if tok.upos in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "X"):
        return fold(tok.text) not in STOP_WORDS
    if tok.upos == "ADP":
        return fold(tok.text) in NP_ADPS
    if tok.upos == "PRON":
        return fold(tok.text) not in ("qui", "que", "qu'", "dont", "où", "se", "s'")
    return name_read_as_other(tok, lex)


def name_read_as_other(tok: Token, lex: Lexicons) -> bool:
    """"le site Disclose/VERB", "Macron/ADV a salué": a capitalised word with an entity label, inside
    the sentence for a verb, that no verb of the lexicon explains, is a name the tagger misread."""
    misread = (tok.upos == "VERB" and tok.i > 0) or tok.upos == "ADV"
    return misread and bool(tok.ent) and tok.text[:1].isupper() and fold(tok.lemma) not in lex.verb_frames


def extend_np(text: str, sent: ParsedSentence, a: int, limit: int = 16) -> int:
    """End (exclusive) of the noun phrase that starts at token a, read on the surface.

    Parsers mislabel inverted subjects and long titles, so the phrase is read token by token:
    determiners, nouns, adjectives, names and de/à/pour complements, appositions of names.
    """
    lex = load()
    toks = sent.tokens
    b, quote_open = a, False
    while b < len(toks) and b - a < limit:
        tok = toks[b]
        if tok.text == "«":
            quote_open = True
        if tok.text in ('"', "“"):
            # 'l'utilisateur "Ivan"', 'l'association " Droit à une arme"', 'selon "Bild"': a short quoted name
            close = next((k for k in range(b + 1, min(len(toks), b + 7)) if toks[k].text in ('"', "”")), None)
            if close is not None and close > b + 1 and toks[b + 1].text[:1].isupper():
                b = close + 1
                continue
            break
        if tok.upos == "VERB" and tok.feat("VerbForm") == "Part" and tok.feat("Tense") == "Past":
            if (agent := _agent_at(toks, b + 1)) is not None:
                b = agent + 1  # "publié par X", "publié samedi 4 mai par X"
                continue
            if b + 1 < len(toks) and toks[b + 1].lower in ("sur", "dans") and fold(tok.lemma) in lex.relay_participles:
                b += 2  # "un reportage diffusé sur France 24"
                continue
        if tok.text == "," and b + 2 < len(toks) and toks[b + 1].feat("VerbForm") == "Part" \
                and toks[b + 1].feat("Tense") == "Past" and toks[b + 2].lower == "par":
            b += 3
            continue
        if tok.text == "," and b + 1 < len(toks):
            runs = [r for r in name_runs(sent, b + 1, min(len(toks), b + 8)) if r[0] == b + 1]
            if runs:
                b = runs[0][1]
                continue
            break
        if tok.text.rstrip(".") in lex.honorifics and b + 2 < len(toks) and toks[b + 1].text == "." \
                and toks[b + 2].text[:1].isupper():
            b += 2  # "Melle. Nathiri": an abbreviated honorific, its full stop, the name
            continue
        if fold(tok.text) in ("de", "d'") and b + 2 < len(toks) and fold(toks[b + 1].text) == "entre" \
                and toks[b + 2].upos == "PRON":
            b += 3  # "l'un d'entre eux", "certains d'entre elles"
            continue
        if fold(tok.text) == "en" and b + 1 < len(toks) and toks[b + 1].upos == "VERB":
            break
        if not _is_np_token(tok, lex, quote_open) and not (
                b > a and toks[b - 1].text[:1].isupper() and name_continuation(tok, lex)) \
                and not (tok.upos in ("VERB", "AUX") and b > 0 and is_name_token(tok, lex, toks[b - 1])) \
                and not first_name_read_as_verb(toks, b, len(toks)):
            break
        if tok.upos == "DET" and b > a and toks[b - 1].upos in ("NOUN", "PROPN", "ADJ") and not (
                tok.text[:1].isupper() and b + 1 < len(toks) and toks[b + 1].text[:1].isupper()):
            break  # a determiner right after a noun opens the next phrase ("des informations les USA"),
            # unless it is capitalised inside the sentence: a name's ("le quotidien espagnol El País")
        if b > a and fold(tok.text) in lex.day_words and not tok.text[:1].isupper() \
                and toks[b - 1].upos not in ("ADP", "DET", "NUM") and _agent_at(toks, b + 1) is None:
            break  # "a déclaré Emmanuel Macron mardi à Paris": the day dates the words, the phrase ends
            # (not "la séance de lundi", nor "un bilan communiqué samedi par les autorités")
        if tok.text == "»":
            quote_open = False
        b += 1
    while b > a + 1 and (toks[b - 1].upos in ("ADP", "DET") or toks[b - 1].text in ("-", "«")):
        b -= 1
    return b


def _agent_at(toks: tuple[Token, ...], i: int) -> int | None:
    """Where "par" comes, at i or past a date ("publié lundi soir par", "communiqué samedi
    4 novembre par"), or None."""
    time_words = load().time_words
    for _ in range(4):
        if i < len(toks) and (toks[i].upos == "NUM" or fold(toks[i].text) in time_words):
            i += 1
    return i if i < len(toks) and fold(toks[i].text) == "par" else None


def start_np(sent: ParsedSentence, b: int) -> int:
    """Start of the noun phrase that ends just before token b, read leftwards."""
    lex = load()
    toks = sent.tokens
    a = b
    while a > 0 and (_is_np_token(toks[a - 1], lex, True) and toks[a - 1].text not in ("«", "»")
                     or first_name_read_as_verb(toks, a - 1, len(toks))):
        a -= 1
    # a phrase starts at its determiner; leading prepositions and quotation marks belong to the clause
    while a < b and (toks[a].upos == "ADP" or toks[a].text in ('"', "“", "”", "-", "–", "—", ")")) \
            and not partitive_article(toks, a, b):
        a += 1  # (and a dateline's dash: "MOSCOU (AFP) - Le Kremlin a affirmé")
    return a


def partitive_article(toks: tuple[Token, ...], a: int, b: int) -> bool:
    """"De précédentes études", "de nombreux experts": "de" as the plural indefinite article
    before an adjective, the start of a noun phrase, not a preposition before one."""
    return fold(toks[a].text) in ("de", "d'") and a + 2 < b and toks[a + 1].upos == "ADJ" \
        and toks[a + 1].feat("Number") == "Plur"


def head_index(sent: ParsedSentence, a: int, b: int) -> int:
    """The first content word of a mention: its head for the rules' purposes. A lexicon noun
    after adjectives wins over a tagger's guess ("un imposant/NOUN rapport", "le sympathique
    gaillard", both read as adjectives)."""
    lex = load()
    for i in range(a, min(b, a + 4)):
        word = fold(sent.tokens[i].text)
        misread_person = word in lex.human_nouns and sent.tokens[i].upos == "ADJ" and (
            i + 1 >= b or sent.tokens[i + 1].upos not in ("NOUN", "ADJ"))  # "le sympathique/ADJ gaillard/ADJ"
        if word in lex.document_nouns or word in lex.titles or word in lex.outlet_nouns or word in lex.institutions \
                or misread_person:
            if all(t.upos in ("DET", "ADJ", "NUM", "NOUN", "VERB") and not t.text[:1].isupper()
                   for t in sent.tokens[a:i]):
                return i
            break
    toks = sent.tokens
    for i in range(a, b):
        tok = toks[i]
        if tok.upos in ("NOUN", "PROPN", "PRON", "X") or fold(tok.text) in load().titles:
            if tok.text in load().honorifics:
                continue
            if fold(tok.text) in QUANTIFIERS and i + 1 < b and fold(toks[i + 1].text) in ("de", "d'", "des", "du"):
                continue  # "la plupart des spécialistes": the people counted are the head
            return i
    return a


QUANTIFIERS = frozenset("plupart majorité moitié partie nombre beaucoup certains certaines un une l'un l'une "
                        "plusieurs dizaine dizaines centaine centaines millier milliers tiers quart ensemble "
                        "totalité minorité poignée groupe".split())
