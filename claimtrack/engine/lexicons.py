"""Loads the lexicons kept as data files beside this module (lexicons/*.txt, *.tsv).

They are read once per process; editing a file changes the rules without touching code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("claimtrack.engine").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase with typographic apostrophes folded, for lexicon look-ups. Cached: the rules
    fold the same few thousand words millions of times an ingest."""
    return text.lower().replace("’", "'")


@lru_cache(maxsize=1 << 16)
def fold_accents(text: str) -> str:
    """`fold` without accents too: taggers and writers disagree on "Etat"/"État", "répèter"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", fold(text)) if not unicodedata.combining(ch))


def masculine_forms(adjective: str) -> list[str]:
    """The masculine singular an agreed adjective may come from: "saoudiennes" → "saoudien",
    "américaine" → "américain", "turque" → "turc", "grecque" → "grec" (a few guesses, tried in order)."""
    forms = [adjective]
    if adjective.endswith("s") and len(adjective) > 3:
        forms.append(adjective[:-1])
    for form in list(forms):
        if form.endswith("nne"):
            forms.append(form[:-2])
        if form.endswith("que"):
            forms += [form[:-3] + "c", form[:-3]]
        if form.endswith("e"):
            forms.append(form[:-1])
    return forms


@dataclass(frozen=True)
class Lexicons:
    verb_frames: dict[str, str]
    verbs_by_folded: dict[str, str]  # accent-folded lemma -> lemma of verb_frames
    multiword: tuple[tuple[str, tuple[str, ...], str], ...]  # lemma, following words, frame
    framings: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    honorifics: frozenset[str]
    anonymous: frozenset[str]
    document_nouns: dict[str, str]
    outlet_nouns: frozenset[str]
    non_press_modifiers: frozenset[str]  # "agence de notation", "site nucléaire": no outlet
    penalty_nouns: frozenset[str]  # "condamné à deux ans de prison": a court's decision
    unreported_passives: frozenset[str]  # "Le chant est assuré par X": a service, not words
    company_nouns: frozenset[str]  # "l'entreprise": the organisation named last
    forecast_nouns: frozenset[str]  # "prévoit une croissance": a forecast
    not_companies: frozenset[str]  # "société civile": phrases of those nouns that name something else
    outlets: dict[str, str]  # folded variant -> canonical name
    outlet_spellings: frozenset[str]  # variants as written, for names spelt in lower case
    boilerplate: tuple[tuple[re.Pattern[str], str], ...]
    captions: tuple[re.Pattern[str], ...]
    pronouns: frozenset[str]
    institutions: frozenset[str]
    irrealis: frozenset[str]
    non_sources: frozenset[str]
    issued_nouns: frozenset[str]  # figures and rulings that speak for a named issuer
    role_synonyms: tuple[tuple[str, str], ...]
    nationalities: dict[str, tuple[str, ...]]  # accent-folded adjective -> the state's names
    discourse_markers: tuple[tuple[str, ...], ...]  # folded token sequences
    human_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    relay_participles: frozenset[str]
    time_words: frozenset[str]
    day_words: frozenset[str]
    agentless_passives: dict[str, str]
    author_nouns: frozenset[str]
    platforms: frozenset[str]
    document_verbs: frozenset[str]
    experiencer_verbs: frozenset[str]
    stance_adjectives: dict[str, bool]  # every agreed form -> whether it also reads impersonally
    indefinite_pronouns: frozenset[str]  # "d'autres", "la plupart", "beaucoup" as a whole subject
    wish_verbs: frozenset[str]  # espérer, craindre, oublier: an infinitive after them is said
    speaker_verbs: frozenset[str]  # affirmer, nier: their subject speaks, whatever noun names it
    speech_nouns: frozenset[str]  # propos, dires: someone's words, that speak for them named or not
    first_names: dict[str, str]  # accent-folded first name -> "Fem" or "Masc"
    group_synonyms: dict[str, str]  # accent-folded noun -> the first noun of its line (one group, two nouns)

    def outlet_name(self, text: str) -> str | None:
        return self.outlets.get(fold(text).strip(" «»\"“”"))


def _first_names(lines: list[str]) -> dict[str, str]:
    """first_names.tsv: a gender, a tab, its names; a name listed under both genders tells none."""
    genders: dict[str, set[str]] = {}
    for line in lines:
        gender, names = line.split("\t", 1)
        for name in names.split():
            genders.setdefault(fold_accents(name), set()).add(gender)
    return {name: next(iter(found)) for name, found in genders.items() if len(found) == 1}


def _agreed_forms(lines: list[str]) -> dict[str, bool]:
    """Feminine and plural forms of masculine adjectives ("inquiet" → "inquiète", "inquiètes")."""
    forms: dict[str, bool] = {}
    for line in lines:
        word, impersonal = line.split("\t")
        feminine = word[:-2] + "ète" if word.endswith("et") else word if word.endswith("e") else word + "e"
        for form in (word, feminine, word if word.endswith("s") else word + "s", feminine + "s"):
            forms[fold(form)] = impersonal.strip() == "yes"
    return forms


@lru_cache(maxsize=1)
def load() -> Lexicons:
    frames = {}
    for line in _lines("reporting_verbs.tsv"):
        lemma, frame = line.split("\t")[:2]
        frames[lemma] = frame
    multiword = tuple(
        (fields[0], tuple(fold(w) for w in fields[1].split()), fields[2] if len(fields) > 2 else "any")
        for fields in (line.split("\t") for line in _lines("multiword_cues.tsv"))
    )
    framings = tuple(sorted((tuple(fold(line).split()) for line in _lines("framing_prepositions.txt")),
                            key=len, reverse=True))
    documents = dict(line.split("\t") for line in _lines("document_nouns.txt"))
    outlets: dict[str, str] = {}
    for line in _lines("outlets.txt"):
        names = [n.strip() for n in line.split("|")]
        for name in names:
            outlets[fold(name)] = names[0]
            # "confié au Figaro", "un article du Monde": the article contracted with a preposition
            article, _, rest = name.partition(" ")
            if article in ("Le", "Les") and rest:
                for contracted in ("au", "du", "aux", "des") if article == "Les" else ("au", "du"):
                    outlets.setdefault(fold(f"{contracted} {rest}"), names[0])
    boilerplate = tuple(
        (re.compile(pattern, re.IGNORECASE), scope)
        for pattern, scope in (line.rsplit("\t", 1) for line in _lines("boilerplate.txt"))
    )
    captions = tuple(re.compile(line, re.IGNORECASE) for line in _lines("captions.txt"))
    return Lexicons(
        verb_frames=frames,
        verbs_by_folded={fold_accents(lemma): lemma for lemma in frames},
        multiword=multiword,
        framings=framings,
        titles=frozenset(fold(w) for w in _lines("titles.txt")),
        honorifics=frozenset(_lines("honorifics.txt")),
        anonymous=frozenset(fold(w) for w in _lines("anonymous_nouns.txt")),
        document_nouns=documents,
        outlet_nouns=frozenset(fold(w) for w in _lines("outlet_nouns.txt")),
        non_press_modifiers=frozenset(fold(w) for w in _lines("non_press_modifiers.txt")),
        penalty_nouns=frozenset(fold(w) for w in _lines("penalty_nouns.txt")),
        unreported_passives=frozenset(fold(w) for w in _lines("unreported_passives.txt")),
        company_nouns=frozenset(fold(w) for w in _lines("company_nouns.txt") if not w.startswith("!")),
        forecast_nouns=frozenset(fold(w) for w in _lines("forecast_nouns.txt")),
        not_companies=frozenset(fold(w[1:]) for w in _lines("company_nouns.txt") if w.startswith("!")),
        outlets=outlets,
        outlet_spellings=frozenset(n.strip() for line in _lines("outlets.txt") for n in line.split("|")),
        boilerplate=boilerplate,
        captions=captions,
        pronouns=frozenset(fold(w) for w in _lines("pronouns.txt")),
        institutions=frozenset(fold(w) for w in _lines("institution_nouns.txt")),
        irrealis=frozenset(fold(w) for w in _lines("irrealis_verbs.txt")),
        non_sources=frozenset(fold(w) for w in _lines("non_source_nouns.txt")),
        issued_nouns=frozenset(fold(w) for w in _lines("issued_nouns.txt")),
        relay_participles=frozenset(fold(w) for w in _lines("relay_participles.txt")),
        collective_nouns=frozenset(fold(w) for line in _lines("collective_nouns.txt") for w in line.split()),
        human_nouns=frozenset(fold(w) for line in _lines("human_nouns.txt") for w in line.split()),
        indefinite_pronouns=frozenset(fold(w) for w in _lines("indefinite_pronouns.txt")),
        wish_verbs=frozenset(fold(w) for w in _lines("wish_verbs.txt")),
        speaker_verbs=frozenset(fold(w) for w in _lines("speaker_verbs.txt")),
        speech_nouns=frozenset(fold(w) for w in _lines("speech_nouns.txt")),
        first_names=_first_names(_lines("first_names.tsv")),
        group_synonyms={fold_accents(noun): fold_accents(line.split()[0])
                        for line in _lines("group_synonyms.txt") for noun in line.split()},
        time_words=frozenset(fold(w) for line in _lines("time_nouns.txt") for w in line.split()),
        day_words=frozenset(fold(w) for line in _lines("day_words.txt") for w in line.split()),
        agentless_passives=dict(line.split("\t") for line in _lines("agentless_passives.tsv")),
        author_nouns=frozenset(fold(w) for w in _lines("author_nouns.txt")),
        platforms=frozenset(fold(w) for w in _lines("platforms.txt")),
        document_verbs=frozenset(_lines("document_verbs.txt")),
        experiencer_verbs=frozenset(_lines("experiencer_verbs.txt")),
        stance_adjectives=_agreed_forms(_lines("stance_adjectives.txt")),
        discourse_markers=tuple(tuple(fold(w) for w in line.split()) for line in _lines("discourse_markers.txt")),
        role_synonyms=tuple(tuple(fold(part) for part in line.split("\t")) for line in _lines("role_synonyms.tsv")),
        nationalities={adjective: tuple(states.split("|"))
                       for adjective, states in (line.split("\t") for line in _lines("nationalities.tsv"))},
    )
