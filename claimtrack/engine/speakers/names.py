"""People and institutions named in an article: name runs over the parse, the registry of
names with their roles, and which name a pronoun, a title or a surname points to."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from claimtrack.engine.lexicons import Lexicons, fold, fold_accents, load
from claimtrack.engine.syntax.parsed import ParsedSentence, Token

PARTICLES = frozenset("al el ad as ash ech bin ben ibn abou abu von van der den da di dos del".split())


INNER_PARTICLES = frozenset("de du la le".split())


NOT_NAMES = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août "
    "septembre octobre novembre décembre hier selon tout toute tous toutes".split()  # "Tout le monde dit …"
)


STOP_UPOS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "PUNCT", "NUM", "SYM"})


PROTAGONIST_MENTIONS = 3
MISSPELT_SURNAME = 5  # letters a surname needs before one letter's difference counts as a misspelling


# a role held in the past, by its dates ("premier ministre de 1957 à 1963"); "ancien militaire"
# describes what a person is now, so "ancien" alone does not make a role past
FORMER = re.compile(r"\bde \d{4} à \d{4}\b|\bjusqu'en \d{4}\b|\bentre \d{4} et \d{4}\b|\bfeu\b", re.IGNORECASE)


GENERIC_TITLES = frozenset("responsable dirigeant dirigeante officiel haut homme femme".split())


_ROLE_STOP = frozenset("de d' du des la le les l' à au aux en pour et un une matière".split())


def stem(word: str) -> str:
    word = fold_accents(word)
    return word[:5] if len(word) > 5 else word


def role_stems(text: str) -> set[str]:
    words = re.findall(r"[\w-]+", fold(text))
    return {stem(w) for w in words if w not in _ROLE_STOP and len(w) > 1}


@dataclass
class Person:
    name: str
    position: int
    role: str | None = None
    aliases: set[str] = field(default_factory=set)
    human: bool = False  # the tagger saw a person's name (PER), not an organisation or a place
    gender: str | None = None  # "Fem" or "Masc" when an honorific or a role's article says it
    # the gender the first name tells (lexicons/first_names.tsv): enough to keep a pronoun of the
    # other gender away, not to draw one to the person as what the article says does
    first_name_gender: str | None = None

    @property
    def surname_key(self) -> str:
        return name_key(self.name.split()[-1])


def _short_for(one: Person, other: Person) -> bool:
    """"Nacer Zemmal" is short for "Nacereddine Zemmal"; "David Hallyday" is not "Johnny Hallyday"."""
    first, second = name_key(one.name.split()[0]), name_key(other.name.split()[0])
    return one.surname_key == other.surname_key and first != second and (first.startswith(second)
                                                                        or second.startswith(first))


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    word = fold_accents(word).strip(".,«» ")
    word = re.sub(r"^(?:al|el|ad|as|ash)-", "", word)
    return word


def _one_letter_less(word: str) -> set[str]:
    """The word, and the word with each one of its letters left out."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _last_before(mentions: list[tuple[int, str]], offset: int) -> tuple[int, str] | None:
    """The last (offset, name) before `offset` in a list kept in document order."""
    i = bisect.bisect_left(mentions, (offset,))
    return mentions[i - 1] if i else None


_ACRONYM = re.compile(r"[A-ZÀ-Ý]{3,6}")  # two letters match too many ordinary pairs of words
_LINKS = r"(?:(?:de|du|des|la|le|les|l['’]|d['’]|et|pour)[ \t]*)*"


def expand_acronym(text: str, acronym: str) -> str | None:
    """The first phrase of the text whose significant words start with the acronym's letters,
    the first one capitalised: "Parti libéral du Québec" for PLQ, "Organisation des Nations
    unies" for ONU."""
    words = [rf"{re.escape(letter)}[\w-]+" for letter in acronym]
    first = words[0]
    rest = [rf"(?i:{w})" for w in words[1:]]
    pattern = rf"(?<![\w-]){first}" + "".join(rf"[ \t]+{_LINKS}{w}" for w in rest) + r"(?![\w-])"
    match = re.search(pattern, text)
    return match.group(0) if match else None


_WORD = re.compile(r"[\w-]+")  # a maximal run of these is what (?<![\w-])word(?![\w-]) finds


def word_uses(text: str, word: str) -> int:
    """How often the text uses a word whole (not inside a longer word or a hyphenated one)."""
    return len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)) if text else 0


class _KeptNames:
    """The names the protagonist count kept, indexed so that asking whether a new name is one of
    them written longer or shorter (a suffix either way, or short for it) looks at a few, not all:
    two names one of which ends the other share their last three characters (or one is shorter
    than three), and a name short for another shares its surname."""

    def __init__(self) -> None:
        self.by_surname: dict[str, list[Person]] = {}
        self.by_tail: dict[str, list[Person]] = {}
        self.tiny: list[Person] = []  # names under three characters: any name may end with them
        self.every: list[Person] = []

    def add(self, person: Person) -> None:
        self.every.append(person)
        self.by_surname.setdefault(person.surname_key, []).append(person)
        if len(person.name) < 3:
            self.tiny.append(person)
        else:
            self.by_tail.setdefault(person.name[-3:], []).append(person)

    def overlaps(self, person: Person) -> bool:
        name = person.name
        if len(name) < 3:
            near = self.every
        else:
            near = self.by_tail.get(name[-3:], []) + self.tiny + self.by_surname.get(person.surname_key, [])
        return any(k.name.endswith(name) or name.endswith(k.name) or _short_for(k, person) for k in near)


class Registry:
    """People and institutions named in one article, with their roles."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.acronyms: dict[str, str] = {}
        self.people: list[Person] = []
        self.subject_mentions: list[tuple[int, str]] = []  # (offset, name) of names used as subjects
        self.mentions: list[tuple[int, str]] = []  # (offset, name) of every person's name
        self.plural_subjects: list[tuple[int, str]] = []  # (offset, "A et B") of plural clauses' people
        self.organisations: list[tuple[int, str]] = []  # (offset, name) of names the tagger saw as ORG
        # look-ups by name and by surname, so that an article naming thousands of people costs
        # no more per mention than one naming ten (people keeps the order names were met)
        self._by_name: dict[str, Person] = {}
        self._full_names_by_surname: dict[str, list[Person]] = {}
        self._full_names_by_first: dict[str, list[Person]] = {}
        self._misspelt: dict[str, str] = {}  # a full name spelt two ways -> the spelling the article keeps
        # every long surname under itself and each spelling with one letter left out: two words one
        # letter apart (a letter changed, added, dropped or swapped) share one of them
        self._surnames_by_deletion: dict[str, set[str]] = {}
        self._after_titles: tuple[str | None, frozenset[str]] | None = None  # (text, words written after a title)
        self._word_counts: tuple[str | None, Counter[str]] | None = None  # (text, how often it uses each word)

    def last_person_before(self, offset: int) -> tuple[int, str] | None:
        return _last_before(self.mentions, offset)

    def protagonist(self, text: str) -> Person | None:
        """The article's protagonist: the person whose surname comes back most often (three times
        at least); of two named as often, the one the article names first, as a news article
        opens on whom it is about (not when they share the surname: the count cannot tell them
        apart)."""
        counts, kept = [], _KeptNames()
        words: Counter[str] | None = None
        for person in self.people:
            surname = person.name.split()[-1]
            if kept.overlaps(person):
                continue  # "Reine Mathilde Verlaine" and "Mathilde Verlaine", "Nacer" and "Nacereddine Zemmal"
            kept.add(person)
            if person.human and len(person.name.split()) > 1 and len(surname) > 2:
                if _WORD.fullmatch(surname):  # one count of the text's words serves every surname
                    words = words if words is not None else Counter(_WORD.findall(text))
                    counts.append((words[surname], person))
                else:
                    counts.append((word_uses(text, surname), person))
        counts.sort(key=lambda c: (-c[0], c[1].position))  # a tie goes to the one the article names first
        if not counts or counts[0][0] < PROTAGONIST_MENTIONS:
            return None
        if len(counts) > 1 and counts[1][0] == counts[0][0] \
                and counts[1][1].surname_key == counts[0][1].surname_key:
            return None  # "Johnny" and "David Hallyday": the same words counted for both, no one leads
        return counts[0][1]

    def last_organisation_before(self, offset: int) -> tuple[int, str] | None:
        return _last_before(self.organisations, offset)

    def last_plural_subject_before(self, offset: int) -> tuple[int, str] | None:
        """The people a plural clause last had for subject: what "ils" points to when no group spoke since."""
        return _last_before(self.plural_subjects, offset)

    def last_subject_before(self, offset: int) -> tuple[int, str] | None:
        """The person most recently named as a subject before `offset`: what "il" points to
        when no speaker came since. Mentions are recorded in document order."""
        return _last_before(self.subject_mentions, offset)

    def add(self, name: str, position: int, role: str | None = None, human: bool = False,
            gender: str | None = None, first_name_gender: str | None = None) -> None:
        person = self._by_name.get(name)
        if person is not None:
            if role and not person.role:
                person.role = role
            person.human = person.human or human
            person.gender = person.gender or gender
            person.first_name_gender = person.first_name_gender or first_name_gender
            return
        person = Person(name, position, role, human=human, gender=gender, first_name_gender=first_name_gender)
        self.people.append(person)
        self._by_name[name] = person
        if len(name.split()) > 1:
            self._full_names_by_surname.setdefault(person.surname_key, []).append(person)
            if len(person.surname_key) >= MISSPELT_SURNAME:
                for variant in _one_letter_less(person.surname_key):
                    self._surnames_by_deletion.setdefault(variant, set()).add(person.surname_key)
            self._note_spelling(person)
            self._full_names_by_first.setdefault(name_key(name.split()[0]), []).append(person)

    def _note_spelling(self, person: Person) -> None:
        """"Fatmir Sejdiu" then "Fatmir Sedjiu": one person whose surname the article misspelt
        once (the same first name, surnames one letter apart). The spelling the text uses more
        often wins, the first one on a tie (GUIDE: one source, one canonical name)."""
        from rapidfuzz.distance import DamerauLevenshtein

        words = person.name.split()
        surname = words[-1]
        if len(surname) < MISSPELT_SURNAME:
            return
        for other in self._full_names_by_first.get(name_key(words[0]), []):
            other_words = other.name.split()
            if len(other_words) != len(words) or not (person.human or other.human) or other.name in self._misspelt \
                    or len(other_words[-1]) < MISSPELT_SURNAME \
                    or DamerauLevenshtein.distance(name_key(other_words[-1]), name_key(surname)) != 1:
                continue
            if self.uses(surname) > self.uses(other_words[-1]):
                self._misspelt[other.name] = person.name
            else:
                self._misspelt[person.name] = other.name
            return

    def uses(self, word: str) -> int:
        """How often the article uses a word whole (word_uses), from one count of all its words:
        an article naming thousands of people asks for many surnames, and reading the whole text
        for each made a long one quadratic."""
        if not _WORD.fullmatch(word):
            return word_uses(self.text, word)
        if self._word_counts is None or self._word_counts[0] is not self.text:
            self._word_counts = (self.text, Counter(_WORD.findall(self.text or "")))
        return self._word_counts[1][word]

    def person_of_surname(self, word: str) -> Person | None:
        """The first person named in full with this surname, if a human one."""
        matches = self._full_names_by_surname.get(name_key(word))
        return matches[0] if matches and matches[0].human else None

    def person(self, name: str | None) -> Person | None:
        """The person the article gave this exact (canonical) name, if any."""
        return self._by_name.get(name) if name is not None else None

    def gender_of(self, name: str | None) -> str | None:
        person = self.person(name)
        return person.gender if person else None

    def gender_against(self, name: str | None) -> str | None:
        """The gender a pronoun of the other one cannot stand for: what the article says, or
        else what the first name tells."""
        person = self.person(name)
        return (person.gender or person.first_name_gender) if person else None

    def canonical(self, name: str) -> str:
        """A surname alone resolves to the full name the article gave; an acronym to the name the
        article spells out ("le PLQ" after "le Parti libéral du Québec")."""
        if _ACRONYM.fullmatch(name.strip()) and self.text:
            expanded = self.acronyms.get(name.strip())
            if expanded is None:
                expanded = self.acronyms[name.strip()] = expand_acronym(self.text, name.strip()) or ""
            if expanded:
                return expanded
        parts = [p for p in re.split(r"\s+", name.strip()) if p not in load().honorifics]
        if not parts:
            return name
        cleaned = " ".join(parts)
        if len(parts) > 1 and not (len(parts) == 2 and parts[0].lower() in PARTICLES):
            return self._misspelt.get(cleaned, cleaned)
        key = name_key(parts[-1])
        matches = self._full_names_by_surname.get(key)
        if not matches and self._titled(parts[-1]):  # "M. Karyev": a title says it is a person
            matches = self._misspelt_surname(key)
        return matches[0].name if matches else cleaned

    def _titled(self, word: str) -> bool:
        """Whether the text writes this word after a title ("M. Karyev", "Mme Dubrovksy"); the
        words after a title are found once for the whole text."""
        if self._after_titles is None or self._after_titles[0] is not self.text:
            titles = "|".join(re.escape(h) for h in sorted(load().honorifics, key=len, reverse=True))
            found = re.findall(rf"(?<![\w-])(?:{titles})\s+([\w-]+)", self.text or "")
            self._after_titles = (self.text, frozenset(found))
        return word in self._after_titles[1]

    def _misspelt_surname(self, key: str) -> list[Person] | None:
        """"M. Karyev" after "Azad Karryev": a surname alone, after a title, one letter away from
        the surname of a single person named in full (a human one, both long enough) is that
        person misspelt. Found through the surnames' one-letter-less spellings, so that an
        article naming thousands of people costs no more per look-up."""
        from rapidfuzz.distance import DamerauLevenshtein

        if len(key) < MISSPELT_SURNAME:
            return None
        near = {surname for variant in _one_letter_less(key) for surname in self._surnames_by_deletion.get(variant, ())
                if DamerauLevenshtein.distance(surname, key, score_cutoff=1) == 1}
        if len(near) != 1:
            return None
        people = self._full_names_by_surname[near.pop()]
        return people if people[0].human else None

    def by_role(self, mention: str, head: str, position: int) -> Person | None:
        """The named person whose stated role matches a role mention ("le responsable irakien")."""
        folded = fold_accents(mention)
        # a periphrasis stands for one of several titles ("le chef de la diplomatie": a foreign
        # minister or a secretary of state): each reading is tried
        readings = [(folded, head)] + [(folded.replace(fold_accents(phrase), title), title.split()[0])
                                       for phrase, title in load().role_synonyms if fold_accents(phrase) in folded]
        if len(readings) > 1:
            readings = readings[1:]
        best, best_key = None, 0.0
        for reading, reading_head in readings:
            person, key = self._best_by_role(mention, reading, reading_head, position)
            if person is not None and key > best_key:
                best, best_key = person, key
        return best

    def _best_by_role(self, mention: str, folded: str, head: str, position: int) -> tuple[Person | None, float]:
        words = role_stems(folded)
        head_stem = stem(head)
        head_word = fold_accents(head)
        generic = fold(head) in GENERIC_TITLES
        best, best_score = None, 0.0
        former_mention = FORMER.search(mention) is not None
        for person in self.people:
            if not person.role or (FORMER.search(person.role) is not None) != former_mention:
                continue  # "le premier ministre" is not "John Diefenbaker, premier ministre de 1957 à 1963"
            role_words = role_stems(person.role)
            # the title itself must be the same word: "président" is not "présidente"
            same_title = head_word in {w.rstrip("s") for w in re.findall(r"[\w-]+", fold_accents(person.role))} \
                or head_word.rstrip("s") in re.findall(r"[\w-]+", fold_accents(person.role))
            if not generic and not same_title:
                continue
            others = words - {head_stem}
            if generic:
                if not others:
                    continue
                score = len(others & role_words) / len(others)
            else:
                score = (1 + len(others & role_words)) / (1 + len(others))
            distance = abs(position - person.position)
            key = score - distance / 1e7 - (0.5e-7 if person.position > position else 0)
            if score >= 0.5 and key > best_score:
                best, best_score = person, key
        return best, best_score


SENTENCE_OPENERS = frozenset('«"“:—–-(.!?…')


def is_name_token(tok: Token, lex: Lexicons, previous: Token | None = None) -> bool:
    text = tok.text
    if not text[:1].isupper() or not any(c.isalpha() for c in text):
        return False
    if tok.upos in ("VERB", "AUX") and tok.i == 0 and tok.feat("VerbForm") == "Part" and tok.feat("Tense") == "Past" \
            and fold(tok.lemma) not in lex.verb_frames:
        pass  # "Drescher a déclaré": an unknown surname opening the sentence, tagged as a participle
    elif tok.upos in ("VERB", "AUX") and previous is not None and tok.feat("VerbForm") != "Fin" \
            and not text.isupper() and previous.text not in SENTENCE_OPENERS and fold(tok.lemma) not in lex.verb_frames:
        pass  # "a indiqué Drescher": French verbs are capitalised only where a sentence opens
    elif tok.upos == "VERB" and tok.ent in ("ORG", "PER", "MISC") and previous is not None \
            and previous.text not in SENTENCE_OPENERS and fold(tok.lemma) not in lex.verb_frames:
        pass  # "le site d'investigation Disclose révèle": a foreign name the tagger read as a verb
    elif tok.upos in STOP_UPOS or fold(text) in lex.pronouns or text in lex.honorifics \
            or fold(text) in lex.indefinite_pronouns:
        return False
    elif tok.upos == "PRON" and not tok.ent and (previous is None or previous.text in SENTENCE_OPENERS):
        return False  # "Chacun affirme …", "Trois pour cent des parents …": a capital that opens a sentence
    return fold(text) not in NOT_NAMES and fold(text) not in lex.titles


def name_runs(sent: ParsedSentence, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Token ranges [a, b) of capitalised names ("Qassim al-Araji", "Hachd al-Chaabi")."""
    lex = load()
    toks = sent.tokens
    hi = len(toks) if hi is None else hi
    runs, i = [], lo
    while i < hi:
        if is_name_token(toks[i], lex, toks[i - 1] if i else None) or _particle_starts_name(toks, i, hi) \
                or first_name_read_as_verb(toks, i, hi):
            j = i + 1
            while j < hi:
                if (is_name_token(toks[j], lex, toks[j - 1]) or name_continuation(toks[j], lex)) \
                        and not _entity_break(toks[j - 1], toks[j]):
                    j += 1
                elif toks[j].text in ("-", "‐") or toks[j].lower in PARTICLES or toks[j].lower in INNER_PARTICLES:
                    k = j
                    while k < hi and (toks[k].text in ("-", "‐") or toks[k].lower in PARTICLES
                                      or toks[k].lower in INNER_PARTICLES):
                        k += 1
                    if k < hi and is_name_token(toks[k], lex, toks[k - 1]) and toks[k].start - toks[k - 1].end <= 1 \
                            and not _affiliation_after_person(toks, i, j, k, lex):
                        j = k
                    else:
                        break
                else:
                    break
            if not _detached_opening_adjective(toks, i, j):
                runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _affiliation_after_person(toks: tuple[Token, ...], a: int, j: int, k: int, lex: Lexicons) -> bool:
    """"Alan Turner du Musée d'Histoire naturelle", "Jon C. Bleue de la Cour supérieure",
    "Douglas Kidd de la National Association of …": a person's name, particles, then a place or
    a body (labelled so by the entity recogniser, or an institution noun among its first words):
    where the person works, not the rest of their name as in "Charles de Gaulle"."""
    person = any(t.ent == "PER" for t in toks[a:j])
    if toks[k].ent not in ("", "PER") and person and not any(t.ent == "PER" for t in toks[j:k]):
        return True
    return (person or j - a >= 2) and any(
        t.text[:1].isupper() and fold(t.text) in lex.institutions for t in toks[k : k + 3])


def _detached_opening_adjective(toks: tuple[Token, ...], a: int, b: int) -> bool:
    """"Courageux, il arrive même à sourire": an adjective opening the sentence, set off by a
    comma, describes the subject that follows; it is no name (one the tagger knows as a person
    stays one)."""
    return a == 0 and b == 1 and toks[0].upos == "ADJ" and not toks[0].ent and len(toks) > 1 and toks[1].text == ","


def first_name_read_as_verb(toks: tuple[Token, ...], i: int, hi: int) -> bool:
    """"Alondra Kenon": a first name the tagger reads as a verb form ("-ra", a future) while the
    entity recogniser puts it in a person's name and the parser hangs the surname on it."""
    tok = toks[i]
    return tok.upos in ("VERB", "AUX") and tok.ent == "PER" and tok.text[:1].isupper() and not tok.text.isupper() \
        and i + 1 < hi and toks[i + 1].head == i and toks[i + 1].deprel.startswith("flat") \
        and toks[i + 1].text[:1].isupper()


def name_continuation(tok: Token, lex: Lexicons) -> bool:
    """A capitalised word right after a name is part of it, whatever the tagger says
    ("Emmanuel Macron/ADV")."""
    return tok.text[:1].isupper() and tok.upos not in ("DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "PRON") \
        and fold(tok.text) not in lex.titles and fold(tok.text) not in NOT_NAMES


def _entity_break(previous: Token, tok: Token) -> bool:
    """"la CIA Peter Goss", "le ministre de l'Intérieur Gérald Darmanin", "le président de la
    Commission Richard Lugar": an organisation, a portfolio or an institution's noun, then a
    person's name, are two names."""
    if tok.ent == "PER" and previous.ent not in ("PER", ""):
        return True
    if tok.ent == "PER" and not previous.ent and fold(previous.text) in load().institutions:
        return True
    initial = re.fullmatch(r"(?:[A-ZÀ-Ý]\.)+", previous.text) is not None  # "A. N. Wilson", "N.Y. Nathiri"
    return previous.text.isupper() and len(previous.text) >= 2 and not tok.text.isupper() and not initial


def _particle_starts_name(toks: tuple[Token, ...], i: int, hi: int) -> bool:
    if toks[i].lower not in PARTICLES:
        return False
    j = i + 1
    if j < hi and toks[j].text in ("-", "‐"):
        j += 1
    return j < hi and j > i + 1 and is_name_token(toks[j], load())


def in_complement(toks: tuple[Token, ...], i: int, a: int) -> bool:
    """Whether the name at token i is inside a de/à complement ("la brigade 88 des Hachd", "le
    rapt de deux Français", "les avocats de M. Hayes")."""
    j = i - 1
    honorifics = load().honorifics  # "les avocats de M. Hayes": the honorific is no part of the complement's end
    while j >= a and (toks[j].text in ("«", "-") or toks[j].upos in ("DET", "NUM") or toks[j].text in honorifics):
        j -= 1
    # "du quartier Nord": a lower-case noun between the preposition and a name that is no
    # person's ("le maire du village Pierre Dupont" is Pierre Dupont)
    k = j
    while k >= a and toks[k].upos in ("NOUN", "ADJ") and toks[k].text.islower():
        k -= 1
    if k < j and k >= a and fold(toks[k].text) in ("de", "d'", "du", "des") and toks[i].ent != "PER":
        return True
    return j >= a and fold(toks[j].text) in ("de", "d'", "du", "des", "à", "au", "aux", "pour", "par", "en", "sur")


AGENT_ENDINGS = ("eur", "eurs", "euse", "euses", "trice", "trices", "iste", "istes", "ien", "iens", "ienne",
                 "iennes", "ant", "ants", "ante", "antes", "aire", "aires", "ier", "iers", "ière", "ières",
                 "iatre", "iatres", "ographe", "ographes", "naute", "nautes", "crate", "crates", "ète", "ètes",
                 "logue", "logues", "ais", "aise", "aises", "ain", "ains", "aine", "aines", "ois", "oise", "oises")


def is_agent_noun(word: str, lex: Lexicons) -> bool:
    """A noun for someone who does something, by its ending (-eur, -iste, -ien, -iatre …)."""
    word = fold(word)
    return len(word) > 4 and word.endswith(AGENT_ENDINGS) and word not in lex.non_sources


def is_role_word(word: str, lex: Lexicons) -> bool:
    """A word that says what a person is: a title, a human noun, or an agent noun by its ending
    ("Victor Baranets, observateur et ancien militaire"); not a group or a body."""
    word = fold(word)
    if word in lex.collective_nouns or word in lex.institutions or word in lex.outlet_nouns:
        return False  # a body speaks as itself, it is not a person's role
    return word in lex.titles or word in lex.human_nouns or is_agent_noun(word, lex)
