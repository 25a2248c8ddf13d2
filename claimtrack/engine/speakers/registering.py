"""Recording the names of each sentence in the article's registry: who is named, with the role
written beside the name, the gender the text gives, and whether the name is the subject a later
pronoun can point to."""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack.engine.lexicons import Lexicons, fold, fold_accents, load
from claimtrack.engine.speakers.names import (
    PARTICLES,
    Registry,
    in_complement,
    is_agent_noun,
    is_role_word,
    name_runs,
)
from claimtrack.engine.syntax.parsed import ParsedSentence, Token, span_text

INTRODUCERS = frozenset("nommé nommée prénommé prénommée appelé appelée surnommé surnommée baptisé baptisée".split())


def register_names(text: str, sent: ParsedSentence, registry: Registry,
                   quoted: Callable[[int, int], bool] | None = None) -> None:
    """Record the names of a sentence with the role written beside them. `quoted(start, end)`
    tells a span inside a quotation: a person the quoted speaker talks about ("« Laurent Blanc a
    fait un travail du tonnerre », s'est-il enthousiasmé") is no subject a later "il" points to."""
    lex = load()
    toks = sent.tokens
    for a, b in name_runs(sent):
        if all(t.ent == "ORG" for t in toks[a:b]) and fold(span_text(text, sent, a, b)) not in lex.outlets:
            registry.organisations.append((toks[a].start, span_text(text, sent, a, b)))
        tokens = [t for t in toks[a:b] if t.text not in ("-",) and t.lower not in PARTICLES]
        # "un étudiant nommé James": the person the sentence introduces, by a first name alone
        introduced = a > 0 and fold(toks[a - 1].text) in INTRODUCERS
        # "Leekens a évoqué …" after "Georges Leekens": the surname of a person named in full
        known = len(tokens) == 1 and registry.person_of_surname(tokens[0].text) is not None
        if len(tokens) < 2 and not any(t.ent == "PER" for t in toks[a:b]) and not introduced and not known:
            continue
        name = span_text(text, sent, a, b)
        # "Lívia Járóka, eurodéputée Fidesz …": a body right after a title is the person's party, no holder
        body = all(t.ent == "ORG" for t in toks[a:b]) and a > 0 and toks[a - 1].text != ","
        role = _role_after(text, sent, b, lex) or (None if body else _role_before(text, sent, a, lex))
        human = introduced or known or any(t.ent == "PER" for t in toks[a:b]) or _unrecognised_person(toks, a, b, lex)
        registry.add(name, toks[a].start, role, human=human,
                     gender=_gender(text[max(0, toks[a].start - 12) : toks[a].start], role, lex),
                     first_name_gender=_first_name_gender(tokens, lex))
        registry.mentions.append((toks[a].start, name))
        if (introduced or _is_subject(toks, a, b, human)) and not (quoted and quoted(toks[a].start, toks[b - 1].end)):
            registry.subject_mentions.append((toks[a].start, name))
    group = _plural_subject_names(text, sent)
    if group:
        registry.plural_subjects.append((toks[0].start, " et ".join(registry.canonical(n) for n in group)))


def _plural_subject_names(text: str, sent: ParsedSentence) -> list[str]:
    """The people a plural main clause has for subject ("Le conseiller François Richier, accompagné
    de Patrice Paoli, s'entretiennent …", "Anne Roy et Luc Sorel ont …"): who "ils" stands for next."""
    toks = sent.tokens
    root = next((t for t in toks if t.head == t.i), None)
    if root is None or root.feat("Number") != "Plur" and not any(
            t.head == root.i and t.deprel.startswith("aux") and t.feat("Number") == "Plur" for t in toks):
        return []
    subject = next((t for t in toks if t.head == root.i and t.deprel == "nsubj"), None)
    if subject is None:
        return []

    names = [span_text(text, sent, a, b) for a, b in name_runs(sent, 0, root.i)
             if any(t.ent == "PER" for t in toks[a:b]) and sent.dominates(subject.i, a)]
    return names if len(names) >= 2 else []


_FEMININE_HONORIFIC = re.compile(r"\b(?:Mme|Madame|Mlle|Mademoiselle|Melle)\.?\s*$")
_MASCULINE_HONORIFIC = re.compile(r"(?:\bM\.|\bMonsieur)\s*$")
_ROLE_ARTICLE = re.compile(r"\b(le|du|au|un|la|une)\s+([\w-]+)(?:\s+([\w-]+))?", re.IGNORECASE)


def _gender(before: str, role: str | None, lex: Lexicons) -> str | None:
    """A person's gender when the text says it: an honorific right before the name ("Mme",
    "M."), or the article of the title nearest the name ("la présidente de la Commission", "le
    président"). Unknown otherwise: a pronoun of either gender may then stand for them."""
    if _FEMININE_HONORIFIC.search(before):
        return "Fem"
    if _MASCULINE_HONORIFIC.search(before):
        return "Masc"
    def person_noun(word: str | None) -> bool:
        # a group ("la coalition", "la milice") gives no one's gender: "le chef de la coalition" is a man
        return word is not None and fold(word) not in lex.collective_nouns and (
            fold(word) in lex.titles or fold(word) in lex.human_nouns or is_agent_noun(word, lex))

    # "la présidente", "du commandant en chef", "la nouvelle ministre": the title or the word after an adjective
    titles = [m for m in _ROLE_ARTICLE.finditer(role or "") if person_noun(m.group(2)) or person_noun(m.group(3))]
    if not titles:
        return None
    return "Fem" if fold(titles[-1].group(1)) in ("la", "une") else "Masc"


def _first_name_gender(tokens: list[Token], lex: Lexicons) -> str | None:
    """The gender a first name tells (lexicons/first_names.tsv), for a name of two words or more
    whose first word is one: "Susan Burke", not "Martin" alone, which may be a surname."""
    if len(tokens) < 2:
        return None
    return lex.first_names.get(fold_accents(tokens[0].text))


def _unrecognised_person(toks: tuple[Token, ...], a: int, b: int, lex: Lexicons) -> bool:
    """"Nacereddine Zemmal a …": a first name and a surname the entity recogniser left unlabelled
    (names from languages it was not trained on), as the subject of a verb: a person."""
    words = [t for t in toks[a:b] if t.lower not in PARTICLES and t.text != "-"]
    if len(words) != 2 or any(t.ent for t in toks[a:b]) or not all(t.text[:1].isupper() for t in words):
        return False
    if any(fold(t.text) in lex.institutions or fold(t.text) in lex.outlet_nouns or t.text.isupper() for t in words):
        return False
    return any(t.deprel.startswith("nsubj") for t in toks[a:b])


def _is_subject(toks: tuple[Token, ...], a: int, b: int, human: bool = False) -> bool:
    """Whether a person's name is the main clause's subject, or apposed to it ("le ministre
    Karim Sellami a …"); a subject inside a reported clause ("X a estimé que Y était …") is not."""
    if not human and not any(t.ent == "PER" for t in toks[a:b]):
        return False
    if _apposed_to_opening_subject(toks, a, b):
        return True
    for t in toks[a:b]:
        if a <= t.head < b and t.head != t.i:
            continue
        subject = t if t.deprel.startswith("nsubj") else toks[t.head]
        if subject is not t and not (t.deprel in ("appos", "flat:name", "nmod")
                                     and (subject.deprel.startswith("nsubj") or _unparsed_subject(toks, subject))):
            return False
        verb = toks[subject.head]
        if verb.deprel.startswith("aux") and verb.head != verb.i:
            verb = toks[verb.head]  # "Leekens a évoqué" parsed with the auxiliary as the subject's head
        return verb.head == verb.i or (verb.deprel == "conj" and toks[verb.head].head == verb.head)
    return False


def _unparsed_subject(toks: tuple[Token, ...], noun: Token) -> bool:
    """"Le cas de Lucas, 14 ans, est différent.": the noun opening the sentence, right after its
    determiner, that the parser attached to a main verb it left with no subject at all (here as
    an oblique): that noun is the subject it missed."""
    if noun.upos not in ("NOUN", "PROPN") or noun.i != 1 or toks[0].upos != "DET" or not noun.deprel.startswith("obl"):
        return False
    verb = toks[noun.head]
    return verb.head == verb.i and not any(t.head == verb.i and t.deprel.startswith(("nsubj", "expl")) for t in toks)


def _apposed_to_opening_subject(toks: tuple[Token, ...], a: int, b: int) -> bool:
    """"Le ministre de l'Intérieur, Gérald Darmanin, était à Lyon": a name between commas after
    the noun phrase opening the sentence, with the verb right after it, whatever the parser made
    of the clause."""
    if a < 2 or b + 1 >= len(toks) or toks[a - 1].text != "," or toks[b].text != ",":
        return False
    opening = toks[: a - 1]
    if opening[0].upos != "DET" or any(t.upos in ("VERB", "AUX", "PUNCT", "PRON", "SCONJ") for t in opening):
        return False
    verb = toks[b + 1]
    return verb.upos in ("VERB", "AUX") and verb.feat("VerbForm") == "Fin"


def _role_after(text: str, sent: ParsedSentence, b: int, lex: Lexicons) -> str | None:
    toks = sent.tokens
    if b >= len(toks) or toks[b].text != ",":
        return None
    c = b + 1
    while c < len(toks) and toks[c].upos == "DET":
        c += 1
    if c >= len(toks) or not is_role_word(toks[c].text, lex):
        return None
    end = c + 1
    while end < len(toks) and toks[end].text not in (",", ";", ".", "(", ")") and toks[end].upos not in ("AUX", "VERB"):
        end += 1
    return span_text(text, sent, b + 1, end) if end > c else None


def _role_before(text: str, sent: ParsedSentence, a: int, lex: Lexicons) -> str | None:
    toks = sent.tokens
    end = a
    if end > 0 and toks[end - 1].text == ",":
        end -= 1
    if end > 0 and (toks[end - 1].upos in ("ADP", "DET") or in_complement(toks, a, 0)):
        return None  # "la brigade 88 des Hachd al-Chaabi": a complement, not an apposition
    start = end
    while start > 0 and toks[start - 1].upos in ("DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM") \
            and toks[start - 1].text not in (",",):
        start -= 1
    while start < end and toks[start].upos == "ADP":
        start += 1
    words = {fold(t.text) for t in toks[start:end]}
    if start < end and any(is_role_word(w, lex) for w in words):
        return span_text(text, sent, start, end)
    return None
