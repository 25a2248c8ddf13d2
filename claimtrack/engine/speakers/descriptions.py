"""What the words of a mention say, before any resolution: whether its head can speak at all,
where a quantifier leads, a nationality, a bracketed acronym, names joined into one group."""

from __future__ import annotations

import re

from claimtrack.engine.lexicons import fold, fold_accents, load, masculine_forms
from claimtrack.engine.speakers.names import Registry, is_agent_noun, name_key
from claimtrack.engine.syntax.parsed import ParsedSentence, Token, span_text

# "ceux qui ont fui", "celle qui a tiré": a demonstrative described by its relative clause
DESCRIBED_DEMONSTRATIVES = frozenset("ceux celles celui celle".split())
# "beaucoup de ceux …", "la plupart des experts": who speaks is the complement
QUANTIFIERS = frozenset("beaucoup nombre plupart majorité moitié partie certains certaines plusieurs un une chacun "
                        "chacune aucun aucune".split())


NATIONAL_ENDINGS = ("ain", "aine", "ains", "aines", "ais", "aise", "aises", "ois", "oise", "oises", "ien", "ienne",
                    "iens", "iennes", "and", "ande", "ands", "andes", "ol", "ole", "ols", "oles", "ique", "iques")
NOT_NATIONAL = frozenset("prochain prochaine prochains prochaines certain certaine certains certaines humain humaine "
                         "humains humaines quotidien quotidienne ancien ancienne anciens anciennes mondial public "
                         "publique publics publiques politique politiques économique économiques unique uniques "
                         "technique techniques pratique pratiques critique critiques chronique historique "
                         "spécifique scientifique scientifiques juridique juridiques médical médicale".split())


def national(tokens: tuple[Token, ...]) -> bool:
    """A nationality adjective right after a document noun: "les documents américains", "un
    rapport britannique" name the state that issued them."""
    first = next((t for t in tokens if t.upos != "PUNCT"), None)
    if first is None or first.upos != "ADJ" or first.text[:1].isupper():
        return False
    word = fold(first.text)
    # the others by the lexicon: "un communiqué turc", "des sources russes"
    return (word.endswith(NATIONAL_ENDINGS) and word not in NOT_NATIONAL) or bool(national_states(first))


def national_states(adjective: Token) -> tuple[str, ...]:
    """The names of the state a nationality adjective stands for (lexicons/nationalities.tsv),
    or none."""
    nationalities = load().nationalities
    return next((nationalities[form] for form in masculine_forms(fold_accents(adjective.text))
                 if form in nationalities), ())


def speaking_head(toks: tuple[Token, ...], head: int, b: int) -> int:
    """The word that says who speaks: past a quantifier ("beaucoup de ceux qui …", "la plupart
    des experts") to its complement."""
    i = head
    while fold(toks[i].text) in QUANTIFIERS:
        nxt = next((k for k in range(i + 1, b) if toks[k].upos in ("NOUN", "PRON", "PROPN")), None)
        if nxt is None:
            break
        i = nxt
    return i


def bracketed_gloss(toks: tuple[Token, ...], run: tuple[int, int], a: int) -> bool:
    """An acronym between brackets right after a noun of the mention: that noun's abbreviation
    ("de l'association des locataires (ALR)"), not the speaker's name ("le porte-parole (Marc Lenoir)")."""
    start, end = run
    return a < start - 1 and toks[start - 1].text == "(" and end < len(toks) and toks[end].text == ")" \
        and toks[start - 2].upos in ("NOUN", "PROPN", "ADJ") and end - start == 1 and toks[start].text.isupper()


def first_noun(toks: tuple[Token, ...], a: int, b: int) -> int:
    """"un étudiant en première année de philosophie": the word after the determiners names who
    it is, whatever the parser made the head."""
    k = a
    while k + 1 < b and toks[k].upos == "DET":
        k += 1
    return k  # the word after the determiners, which taggers sometimes call a participle


def can_speak(head: Token) -> bool:
    """Whether a description's head noun can be a source: a person, a group, an institution,
    an outlet or a document (lexicons), or an agent noun by its ending (-eur, -iste, -ien,
    -ant, -aire, -ier, -logue, and nationality endings: "un Kényan", "des Français")."""
    lex = load()
    words = {fold(head.text), fold(head.lemma)}
    if words & lex.time_words or head.upos in ("NUM", "SYM"):
        return False
    if words & DESCRIBED_DEMONSTRATIVES:
        return True  # the relative clause says who ("ceux qui ont survécu"), whoever they are
    known = (lex.human_nouns, lex.titles, lex.anonymous, lex.institutions, lex.outlet_nouns, lex.pronouns,
             lex.indefinite_pronouns)
    if any(words & group for group in known) or any(w in lex.document_nouns for w in words):
        return True
    return is_agent_noun(head.text, lex)


def vouched_by_verb(verb: str, head: Token) -> bool:
    """Whether a verb only someone can do (lexicons/speaker_verbs.txt, `verb` as verbgroup.verb_key
    gives it) makes its subject a source that can_speak does not know: "Ses alliés affirment
    que …", "les riverains dénoncent …". A date, a quantity or a thing (non_source_nouns.txt:
    "la situation", "les chiffres") says nothing whatever the verb."""
    lex = load()
    if verb not in lex.speaker_verbs or head.upos not in ("NOUN", "PROPN"):
        return False
    return not {fold(head.text), fold(head.lemma)} & (lex.time_words | lex.non_sources)


def coordinated(toks: tuple[Token, ...], runs: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Names joined by "et" or commas only: one speaker group."""
    if len(runs) < 2:
        return None
    for (_, end), (start, _) in zip(runs, runs[1:], strict=False):
        if not toks[end:start] or any(fold(t.text) not in ("et", ",") for t in toks[end:start]):
            return None
    return runs


def quoted_title(mention: str) -> str | None:
    """"«Focus»", "le «Deutsche Welle»": the quoted name when it is the whole mention."""
    match = re.fullmatch(r"(?:(?:le|la|les|l['’])\s*)?[«\"“]\s*([A-ZÀ-Ý][^«»\"“”]{0,40}?)\s*[»\"”]", mention.strip(),
                         re.IGNORECASE)
    return match.group(1) if match and match.group(1)[:1].isupper() else None


def names_a_person(name: str | None, registry: Registry) -> bool:
    """"le bureau de M. Araji" is a person's office; "le ministère des Affaires étrangères" an
    institution: a person is a name the article gives as one."""
    if not name:
        return False
    return any(p.name == name or p.surname_key == name_key(name.split()[-1]) for p in registry.people)


def plural_pronoun(folded: str) -> bool:
    """"ils", "-elles", "eux" refer to a group; "il", "-t-elle", "lui" to one source."""
    bare = folded.removeprefix("-t").lstrip("-")
    return bare.endswith("s") or bare == "eux"


def is_person_like(toks: tuple[Token, ...], run: tuple[int, int]) -> bool:
    return any(t.ent == "PER" for t in toks[run[0] : run[1]]) or run[1] - run[0] >= 2


def drop_determiner(mention: str) -> str:
    return re.sub(r"^(?:les\s+|le\s+|la\s+|l['’]\s*)", "", mention, flags=re.IGNORECASE) or mention


def role_text(text: str, sent: ParsedSentence, a: int, b: int, run: tuple[int, int]) -> str | None:
    before = span_text(text, sent, a, run[0]).strip(" ,") if run[0] > a else ""
    after = span_text(text, sent, run[1], b).strip(" ,") if run[1] < b else ""
    role = before or after
    return role or None


