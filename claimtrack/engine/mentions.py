"""Mentions of sources: where they are in a sentence, and what they name.

A mention is typed from its form (determiner, head noun, capitalised name, outlet lexicon) and
resolved against what the article says elsewhere: "le responsable irakien" after "Qassim
al-Araji, conseiller à la sécurité nationale irakienne" names al-Araji; "Lavrentiev" is
"Alexander Lavrentiev"; "il" is the last speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from claimtrack.engine.lexicons import Lexicons, fold, fold_accents, load
from claimtrack.engine.parsed import ParsedSentence, Token

PARTICLES = frozenset("al el ad as ash ech bin ben ibn abou abu von van der den da di dos del".split())
INNER_PARTICLES = frozenset("de du la le".split())
NOT_NAMES = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août "
    "septembre octobre novembre décembre hier selon".split()
)
STOP_UPOS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "PUNCT", "NUM", "SYM"})
NP_ADPS = frozenset("de d' du des à au aux pour en par".split())
STOP_WORDS = frozenset("lors dans après avant depuis selon pendant contre avec sur vers qui que qu' dont où".split())
INDEFINITE = frozenset("un une des certains certaines plusieurs quelques de nombreux nombreuses d'autres".split())
DEMONSTRATIVES = frozenset(("celui-ci", "celle-ci", "ce dernier", "cette dernière"))
SPEAKING_SELF = frozenset("je j' moi nous tu vous on me m'".split())
AGENT_ENDINGS = ("eur", "eurs", "euse", "euses", "trice", "trices", "iste", "istes", "ien", "iens", "ienne",
                 "iennes", "ant", "ants", "ante", "antes", "aire", "aires", "ier", "iers", "ière", "ières",
                 "logue", "logues", "ais", "aise", "aises", "ain", "ains", "aine", "aines", "ois", "oise", "oises")
PROTAGONIST_MENTIONS = 3
FORMER = re.compile(r"\b(?:ancien|ancienne|anciens|ex-|feu|défunt|défunte)\b|\bde \d{4} à \d{4}\b|\bjusqu'en \d{4}\b",
                    re.IGNORECASE)
GENERIC_TITLES = frozenset("responsable dirigeant dirigeante officiel haut homme femme".split())
_ROLE_STOP = frozenset("de d' du des la le les l' à au aux en pour et un une matière".split())


@dataclass(frozen=True)
class Source:
    """Who a sentence is attributed to, as resolved in the document."""

    speaker: str | None
    type: str  # named | unnamed | outlet
    mention: str
    span: tuple[int, int]
    role: str | None = None
    via: tuple[str, ...] = ()
    resolved: bool = False  # the speaker comes from elsewhere in the article
    plural: bool = False


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

    @property
    def surname_key(self) -> str:
        return name_key(self.name.split()[-1])


def name_key(word: str) -> str:
    word = fold_accents(word).strip(".,«» ")
    word = re.sub(r"^(?:al|el|ad|as|ash)-", "", word)
    return word


class Registry:
    """People and institutions named in one article, with their roles."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.subject_mentions: list[tuple[int, str]] = []  # (offset, name) of names used as subjects
        self.mentions: list[tuple[int, str]] = []  # (offset, name) of every person's name

    def last_person_before(self, offset: int) -> tuple[int, str] | None:
        earlier = [m for m in self.mentions if m[0] < offset]
        return max(earlier) if earlier else None

    def protagonist(self, text: str) -> Person | None:
        """The article's protagonist: the one person whose surname comes back most often (three
        times at least, strictly more than anyone else)."""
        counts = []
        for person in self.people:
            surname = person.name.split()[-1]
            if person.human and len(person.name.split()) > 1 and len(surname) > 2:
                counts.append((len(re.findall(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)), person))
        counts.sort(key=lambda c: c[0], reverse=True)
        if not counts or counts[0][0] < PROTAGONIST_MENTIONS or (len(counts) > 1 and counts[1][0] == counts[0][0]):
            return None
        return counts[0][1]

    def last_subject_before(self, offset: int) -> tuple[int, str] | None:
        """The person most recently named as a subject before `offset`: what "il" points to
        when no speaker came since."""
        earlier = [m for m in self.subject_mentions if m[0] < offset]
        return max(earlier) if earlier else None

    def add(self, name: str, position: int, role: str | None = None, human: bool = False) -> None:
        for person in self.people:
            if person.name == name:
                if role and not person.role:
                    person.role = role
                person.human = person.human or human
                return
        self.people.append(Person(name, position, role, human=human))

    def canonical(self, name: str) -> str:
        """A surname alone resolves to the full name the article gave."""
        parts = [p for p in re.split(r"\s+", name.strip()) if p not in load().honorifics]
        if not parts:
            return name
        cleaned = " ".join(parts)
        if len(parts) > 1 and not (len(parts) == 2 and parts[0].lower() in PARTICLES):
            return cleaned
        key = name_key(parts[-1])
        matches = [p for p in self.people if len(p.name.split()) > 1 and p.surname_key == key]
        return matches[0].name if matches else cleaned

    def by_role(self, mention: str, head: str, position: int) -> Person | None:
        """The named person whose stated role matches a role mention ("le responsable irakien")."""
        folded = fold_accents(mention)
        for phrase, title in load().role_synonyms:
            if fold_accents(phrase) in folded:
                folded = folded.replace(fold_accents(phrase), title)
                head = title.split()[0]
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
        return best


@lru_cache(maxsize=1)
def _outlet_pattern() -> re.Pattern[str]:
    names = sorted(load().outlets, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


_NAME = r"[A-ZÀ-Ý][\w.&'’-]*(?:\s+(?:[A-ZÀ-Ý0-9][\w.&'’-]*|of|the|de|du|des|d['’]))*"
_DOMAIN = re.compile(
    r"(?<![\w@.])([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|fr|net|org|ca|be|ch|de|info|co\.uk|es))\b")
_ENGLISH_TITLE = re.compile(r"(?<![\w-])(The\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})")


@lru_cache(maxsize=1)
def _outlet_noun_context() -> re.Pattern[str]:
    """An outlet noun, up to three modifiers, then a capitalised name: "la télévision d'État,
    TV Péru", "le quotidien Le Devoir", "l'agence Reuters", "le site Mediapart"."""
    generic = {"presse", "média", "médias"}  # "la conférence de presse à Kiev": too loose to name anything
    nouns = "|".join(sorted((re.escape(n) for n in load().outlet_nouns if n not in generic), key=len, reverse=True))
    modifier = rf"(?:d['’]\w+|de\s+[a-zé]\w*|(?!(?:{_NOT_MODIFIERS})\b)[a-zéèêàâîôûç-]+)"
    return re.compile(rf"\b(?i:{nouns})(?:\s+{modifier}){{0,3}}?\s*,?\s+[«\"“]?\s*({_NAME})")


_NOT_MODIFIERS = "à|au|aux|en|sur|dans|par|pour|avec|et|ou|qui|que|a|est|sa|son|ses|le|la|les|du|des|un|une|web|" \
    "internet"
_NOT_OUTLET_NAMES = frozenset("le la les l' un une des web internet".split())


def context_outlets(text: str) -> frozenset[str]:
    """Outlets a document names outside the lexicon, known by their context: after an outlet
    noun, as a web domain (ABCNews.com), or as an English "The …" title (The Orlando Sentinel).
    Later bare mentions of the same names are outlets too."""
    found: set[str] = set()
    for match in _outlet_noun_context().finditer(text):
        name = match.group(1)
        if name[:1].isupper() and match.group(0)[:1].islower():
            found.add(_trim_name(name))
    found.update(m.group(1) for m in _DOMAIN.finditer(text))
    found.update(_trim_name(m.group(1)) for m in _ENGLISH_TITLE.finditer(text))
    lex = load()
    return frozenset(n for n in found if len(n) >= 2 and fold(n) not in lex.titles and fold(n) not in lex.pronouns
                     and fold(n) not in _NOT_OUTLET_NAMES)


def _trim_name(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in ("of", "the", "de", "du", "des", "d'", "d’"):
        words.pop()
    return " ".join(words).rstrip(".,-")


@lru_cache(maxsize=64)
def _extra_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def find_outlets(text: str, extra: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Outlet names of the lexicon, and the `extra` names a document showed to be outlets, in a
    stretch of text: (start, end, canonical name)."""
    lex = load()
    folded = fold(text)
    found = []
    pattern = _extra_pattern(extra)
    if pattern is not None:
        found.extend((m.start(), m.end(), lex.outlets.get(fold(m.group(0)), m.group(0)))
                     for m in pattern.finditer(text))
    for match in _outlet_pattern().finditer(folded):
        start = match.start()
        original = text[start : match.end()]
        article = re.match(r"(?:au|du|aux|des)\s+", original)
        if article:  # the contracted article is not part of the name
            start += article.end()
            original = original[article.end() :]
        # short all-caps acronyms must be written in capitals ("RT", not "rt")
        initial = re.sub(r"^(?:l['’]|al-|n-)", "", original)[:1]
        if not (initial.isupper() or initial.isdigit() or original in lex.outlet_spellings):
            continue
        if len(original) <= 2 and not original.isupper():
            continue  # "RT", "AP" only in capitals
        if original not in lex.outlet_spellings and not _capitals_match(original, lex.outlets[match.group(0)]):
            continue  # "Le monde selon les candidats" is not Le Monde
        if not any(a <= start < b for a, b, _ in found):
            found.append((start, match.end(), lex.outlets[match.group(0)]))
    return sorted(found)


def _capitals_match(written: str, canonical: str) -> bool:
    """Names made of ordinary words (Le Monde, Le Point, Die Zeit) count only with their
    capitals: every word after the first that the canonical name capitalises is capitalised."""
    want = canonical.split()
    have = written.split()
    if len(want) != len(have):
        return True  # a contracted or variant spelling: the initial check above decides
    return all(not w[:1].isupper() or h[:1].isupper() for w, h in list(zip(want, have, strict=False))[1:])


def is_name_token(tok: Token, lex: Lexicons) -> bool:
    text = tok.text
    if not text[:1].isupper() or not any(c.isalpha() for c in text):
        return False
    if tok.upos in ("VERB", "AUX") and tok.i == 0 and tok.feat("VerbForm") == "Part" and tok.feat("Tense") == "Past" \
            and fold(tok.lemma) not in lex.verb_frames:
        pass  # "Drescher a déclaré": an unknown surname opening the sentence, tagged as a participle
    elif tok.upos in STOP_UPOS or fold(text) in lex.pronouns or text in lex.honorifics:
        return False
    return fold(text) not in NOT_NAMES and fold(text) not in lex.titles


def name_runs(sent: ParsedSentence, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Token ranges [a, b) of capitalised names ("Qassim al-Araji", "Hachd al-Chaabi")."""
    lex = load()
    toks = sent.tokens
    hi = len(toks) if hi is None else hi
    runs, i = [], lo
    while i < hi:
        if is_name_token(toks[i], lex) or _particle_starts_name(toks, i, hi):
            j = i + 1
            while j < hi:
                if (is_name_token(toks[j], lex) or _name_continuation(toks[j], lex)) \
                        and not _entity_break(toks[j - 1], toks[j]):
                    j += 1
                elif toks[j].text in ("-", "‐") or toks[j].lower in PARTICLES or toks[j].lower in INNER_PARTICLES:
                    k = j
                    while k < hi and (toks[k].text in ("-", "‐") or toks[k].lower in PARTICLES
                                      or toks[k].lower in INNER_PARTICLES):
                        k += 1
                    if k < hi and is_name_token(toks[k], lex) and toks[k].start - toks[k - 1].end <= 1:
                        j = k
                    else:
                        break
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _name_continuation(tok: Token, lex: Lexicons) -> bool:
    """A capitalised word right after a name is part of it, whatever the tagger says
    ("Emmanuel Macron/ADV")."""
    return tok.text[:1].isupper() and tok.upos not in ("DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "PRON") \
        and fold(tok.text) not in lex.titles and fold(tok.text) not in NOT_NAMES


def _entity_break(previous: Token, tok: Token) -> bool:
    """"la CIA Peter Goss", "le ministre de l'Intérieur Gérald Darmanin": an organisation or a
    portfolio, then a person's name, are two names."""
    if tok.ent == "PER" and previous.ent not in ("PER", ""):
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


def span_text(text: str, sent: ParsedSentence, a: int, b: int) -> str:
    return " ".join(text[sent.tokens[a].start : sent.tokens[b - 1].end].split())


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
    return False


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
        if tok.upos == "VERB" and tok.feat("VerbForm") == "Part" and tok.feat("Tense") == "Past" \
                and b + 1 < len(toks) and toks[b + 1].lower == "par":
            b += 2
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
        if fold(tok.text) == "en" and b + 1 < len(toks) and toks[b + 1].upos == "VERB":
            break
        if not _is_np_token(tok, lex, quote_open) and not (
                b > a and toks[b - 1].text[:1].isupper() and _name_continuation(tok, lex)):
            break
        if tok.upos == "DET" and b > a and toks[b - 1].upos in ("NOUN", "PROPN", "ADJ"):
            break  # a determiner right after a noun opens the next phrase ("des informations les USA")
        if tok.text == "»":
            quote_open = False
        b += 1
    while b > a + 1 and (toks[b - 1].upos in ("ADP", "DET") or toks[b - 1].text in ("-", "«")):
        b -= 1
    return b


def start_np(sent: ParsedSentence, b: int) -> int:
    """Start of the noun phrase that ends just before token b, read leftwards."""
    lex = load()
    toks = sent.tokens
    a = b
    while a > 0 and _is_np_token(toks[a - 1], lex, True) and toks[a - 1].text not in ("«", "»"):
        a -= 1
    # a phrase starts at its determiner; leading prepositions and quotation marks belong to the clause
    while a < b and (toks[a].upos == "ADP" or toks[a].text in ('"', "“", "”")):
        a += 1
    return a


def head_index(sent: ParsedSentence, a: int, b: int) -> int:
    """The first content word of a mention: its head for the rules' purposes. A lexicon noun
    after adjectives wins over a tagger's guess ("un imposant/NOUN rapport")."""
    lex = load()
    for i in range(a, min(b, a + 4)):
        word = fold(sent.tokens[i].text)
        if word in lex.document_nouns or word in lex.titles or word in lex.outlet_nouns or word in lex.institutions:
            if all(t.upos in ("DET", "ADJ", "NUM", "NOUN", "VERB") and not t.text[:1].isupper()
                   for t in sent.tokens[a:i]):
                return i
            break
    for i in range(a, b):
        tok = sent.tokens[i]
        if tok.upos in ("NOUN", "PROPN", "PRON", "X") or fold(tok.text) in load().titles:
            if tok.text in load().honorifics:
                continue
            return i
    return a


class Resolver:
    """Types and resolves mentions within one document, remembering the last sources."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.outlets = context_outlets(text)
        self._protagonist: Person | None | bool = False  # computed on first use
        self.last_speaker: Source | None = None
        self.recent: list[Source] = []
        self.last_issuer: Source | None = None
        self.institutions: dict[str, str] = {}

    def remember(self, source: Source) -> None:
        if source.type in ("named", "unnamed"):
            self.last_speaker = source
            self.recent = [s for s in self.recent if s.speaker != source.speaker][-5:] + [source]
        if self.last_issuer and self.last_issuer.speaker == source.speaker:
            self.last_issuer = source  # keeps the relays found in the sentence ("publiée sur X")

    def _institution(self, head: str, description: str) -> str:
        """"le comité" is the committee the article described in full before."""
        fuller = self.institutions.get(head)
        if fuller is None or (len(description) > len(fuller) and not description.lower().startswith(("ce ", "cette "))):
            self.institutions[head] = description
            return description
        return fuller

    def classify(self, sent: ParsedSentence, a: int, b: int) -> Source | None:
        lex = load()
        toks = sent.tokens
        while a < b and (toks[a].upos in ("ADP", "PUNCT") and toks[a].text not in ("«",)):
            a += 1
        if a >= b:
            return None
        mention = span_text(self.text, sent, a, b)
        span = (toks[a].start, toks[b - 1].end)
        folded = fold(mention)
        # pronouns resolve to the last speaker
        if folded in DEMONSTRATIVES:
            last = self.registry.last_person_before(span[0])
            if last:  # "Celui-ci a indiqué": the person named last, whatever their role
                return Source(self.registry.canonical(last[1]), "named", mention, span, resolved=True)
        if (b - a <= 2 or folded in lex.pronouns) and (folded in lex.pronouns
                                                       or folded.lstrip("-t").lstrip("-") in lex.pronouns):
            plural = _plural_pronoun(folded)
            agreeing = [s for s in self.recent if s.plural == plural]
            antecedent = agreeing[-1] if agreeing else self.last_speaker
            subject = None if plural else self.registry.last_subject_before(span[0])
            if subject and (antecedent is None or subject[0] > antecedent.span[0]):
                name = self.registry.canonical(subject[1])
                if antecedent is None or name != antecedent.speaker:
                    # "Jim Bruce est né … Il a déclaré": the person named as subject since the last speaker
                    return Source(name, "named", mention, span, resolved=True)
            if antecedent:
                return replace(antecedent, mention=mention, span=span, resolved=True)
            return Source(folded.removeprefix("-t").lstrip("-"), "unnamed", mention, span)
        if folded in SPEAKING_SELF or folded in lex.time_words:
            return None  # the author's or reader's person, a date, a quantity: nobody speaks
        if folded in ("la même source", "cette source", "la même agence") and self.last_issuer:
            return replace(self.last_issuer, mention=mention, span=span, resolved=True)
        head = head_index(sent, a, b)
        source = self._classify(sent, a, b, mention, span, head)
        if source is not None and source.type == "unnamed" and not can_speak(toks[head]):
            return None  # "la pression", "66%", "quantité de gaz": not someone who can say anything
        if source is not None and source.type != "outlet":
            # "a confié le ministre au Figaro": the outlet spoken to relays the source
            relays = [name for start, _end, name in find_outlets(mention, self.outlets)
                      if re.search(r"(?:\bà|\bau|\baux)\s*(?:l['’])?\s*$", mention[:start], re.IGNORECASE)]
            if relays:
                source = replace(source, via=tuple(dict.fromkeys((*source.via, *relays))))
        if source is not None and not source.resolved:
            plural = toks[head].feat("Number") == "Plur" or fold(toks[a].text) in ("les", "des", "ces", "leurs")
            source = replace(source, plural=plural)
        return source

    def _classify(self, sent: ParsedSentence, a: int, b: int, mention: str, span: tuple[int, int],
                  head: int) -> Source | None:
        """The rules in the order a reader applies them: a publication title, a document or office
        speaking for its issuer, an outlet, an indefinite description, a name given with the
        mention, a capitalised institution, a title resolved to a person named elsewhere, an
        institution noun; whatever is left is a description the reader cannot identify."""
        lex = load()
        toks = sent.tokens
        folded = fold(mention)
        head_word = fold(toks[head].text)
        outlets = find_outlets(mention, self.outlets)
        document_kind = lex.document_nouns.get(head_word)
        runs = name_runs(sent, a, b)
        before = self.text[: span[0]].rstrip()
        title = _quoted_title(mention) or (
            _quoted_title("«" + mention) if before.endswith(("«", '"', "“")) else None)
        if title and not outlets:
            # a name in guillemets on its own is a publication's title: «Focus», "Telepolis"
            return Source(title, "outlet", mention, span)
        # documents and offices speak for their issuer
        if document_kind:
            relays, relay_start = self._relays(sent, head + 1, b)
            issuer = self._issuer(sent, head + 1, relay_start)
            if document_kind == "office":
                if issuer and issuer.type == "named" and _names_a_person(issuer.speaker, self.registry):
                    name = f"{toks[head].text} de {issuer.speaker}"
                    return Source(name, "named", mention, span)
            elif issuer:
                source = replace(issuer, mention=mention, span=span, via=tuple(dict.fromkeys((*relays, *issuer.via))))
                self.last_issuer = source
                return source
            elif relays or _national(toks[head + 1 : relay_start]):
                # "les documents américains obtenus par WikiLeaks": a state's documents, relayed by an outlet
                description = _drop_determiner(span_text(self.text, sent, a, relay_start))
                kind = "named" if _national(toks[head + 1 : relay_start]) else "unnamed"
                source = Source(description[:1].lower() + description[1:], kind, mention, span, via=relays,
                                plural=toks[head].feat("Number") == "Plur")
                self.last_issuer = source
                return source
            elif outlets:
                return Source(outlets[0][2], "outlet", mention, span)
            elif self.last_issuer and toks[a].upos == "DET" and fold(toks[a].text) not in INDEFINITE:
                return replace(self.last_issuer, mention=mention, span=span, resolved=True)
        if outlets and head_word not in lex.titles:
            return Source(outlets[0][2], "outlet", mention, span)
        if head_word in lex.outlet_nouns:
            named = [r for r in runs if r[0] > head]
            name = span_text(self.text, sent, *named[0]) if named else mention
            return Source(name, "outlet", mention, span)
        apposed = [r for r in runs if not _in_complement(toks, r[0], a)]
        if head_word not in lex.titles:
            apposed = [r for r in apposed if not any(t.text == "," for t in toks[head:r[0]])]
        if fold(toks[a].text) in INDEFINITE and not any(_is_person_like(toks, r) for r in apposed):
            return Source(mention[:1].lower() + mention[1:], "unnamed", mention, span)
        if apposed:
            run = apposed[-1] if head_word in lex.titles else apposed[0]
            run_text = span_text(self.text, sent, *run)
            name = self.registry.canonical(run_text)
            joined = _coordinated(toks, apposed)
            if joined and head == apposed[0][0]:  # "Emmanuel Macron et Olaf Scholz ont affirmé"
                name = " et ".join(self.registry.canonical(span_text(self.text, sent, *r)) for r in joined)
            if run[0] <= head < run[1] and run[1] < b and not _is_person_like(toks, run):
                name = _drop_determiner(mention)  # "le Commandement des opérations interarmées irakien"
            role = _role_text(self.text, sent, a, b, run)
            return Source(name, "named", mention, span, role=role)
        if toks[head].text[:1].isupper() and toks[head].upos in ("PROPN", "NOUN", "X") and \
                fold(toks[head].text) not in lex.titles:
            return Source(_drop_determiner(mention), "named", mention, span)
        if head_word in lex.titles:
            person = self.registry.by_role(mention, toks[head].text, span[0])
            if person:
                return Source(person.name, "named", mention, span, role=person.role, resolved=True)
            protagonist = self._protagonist_for(sent, a, head)
            if protagonist:  # "le premier ministre" in an article about Jean Charest, who holds no other title
                return Source(protagonist.name, "named", mention, span, role=mention, resolved=True)
        if head_word in lex.non_sources:
            return None  # "Cette affaire rappelle …": an event, not a source
        if head_word in lex.institutions and toks[head].feat("Number") != "Plur":
            return Source(self._institution(head_word, _drop_determiner(mention)), "named", mention, span)
        description = _drop_determiner(mention) if folded.startswith(("le ", "la ", "l'")) else mention
        if toks[a].upos == "DET":
            description = description[:1].lower() + description[1:]
        return Source(description, "unnamed", mention, span)

    def _protagonist_for(self, sent: ParsedSentence, a: int, head: int) -> Person | None:
        """A definite singular title with no role match ("le premier ministre") stands for the
        article's protagonist when that person has no stated role of their own."""
        toks = sent.tokens
        if fold(toks[a].text) not in ("le", "la", "l'") or toks[head].feat("Number") == "Plur":
            return None
        if self._protagonist is False:
            self._protagonist = self.registry.protagonist(self.text)
        person = self._protagonist
        return person if person and not person.role else None

    def _relays(self, sent: ParsedSentence, a: int, b: int) -> tuple[tuple[str, ...], int]:
        """Outlets that obtained or published a document ("obtenus par WikiLeaks et consultés par
        Le Monde"), outermost (last named) first, and where the first such participle starts."""
        lex = load()
        toks = sent.tokens
        found: list[str] = []
        first = b
        for i in range(a, b - 1):
            if toks[i].feat("VerbForm") == "Part" and fold(toks[i].lemma) in lex.relay_participles \
                    and fold(toks[i + 1].text) == "par":
                end = extend_np(self.text, sent, i + 2, limit=6)
                names = [n for _, _, n in find_outlets(span_text(self.text, sent, i + 2, end), self.outlets)]
                if names:  # "publié par le bureau de X" names the issuer, not a relay
                    first = min(first, i)
                    found.extend(names[:1])
        return tuple(reversed(found)), first

    def _issuer(self, sent: ParsedSentence, a: int, b: int) -> Source | None:
        toks = sent.tokens
        for i in range(a, b):
            if fold(toks[i].text) in ("par", "de", "d'", "du", "des") and i + 1 < b:
                source = self.classify(sent, i + 1, b)
                if source and source.type in ("named", "outlet"):
                    return source
        return None


NATIONAL_ENDINGS = ("ain", "aine", "ains", "aines", "ais", "aise", "aises", "ois", "oise", "oises", "ien", "ienne",
                    "iens", "iennes", "and", "ande", "ands", "andes", "ol", "ole", "ols", "oles", "ique", "iques")
NOT_NATIONAL = frozenset("prochain prochaine prochains prochaines certain certaine certains certaines humain humaine "
                         "humains humaines quotidien quotidienne ancien ancienne anciens anciennes mondial public "
                         "publique publics publiques politique politiques économique économiques unique uniques "
                         "technique techniques pratique pratiques critique critiques chronique historique "
                         "spécifique scientifique scientifiques juridique juridiques médical médicale".split())


def _national(tokens: tuple[Token, ...]) -> bool:
    """A nationality adjective right after a document noun: "les documents américains", "un
    rapport britannique" name the state that issued them."""
    first = next((t for t in tokens if t.upos != "PUNCT"), None)
    if first is None or first.upos != "ADJ" or first.text[:1].isupper():
        return False
    word = fold(first.text)
    return word.endswith(NATIONAL_ENDINGS) and word not in NOT_NATIONAL


def can_speak(head: Token) -> bool:
    """Whether a description's head noun can be a source: a person, a group, an institution,
    an outlet or a document (lexicons), or an agent noun by its ending (-eur, -iste, -ien,
    -ant, -aire, -ier, -logue, and nationality endings: "un Kényan", "des Français")."""
    lex = load()
    words = {fold(head.text), fold(head.lemma)}
    if words & lex.time_words or head.upos in ("NUM", "SYM"):
        return False
    known = (lex.human_nouns, lex.titles, lex.anonymous, lex.institutions, lex.outlet_nouns, lex.pronouns)
    if any(words & group for group in known) or any(w in lex.document_nouns for w in words):
        return True
    word = fold(head.text)
    return len(word) > 4 and word.endswith(AGENT_ENDINGS) and word not in lex.non_sources


def _coordinated(toks: tuple[Token, ...], runs: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Names joined by "et" or commas only: one speaker group."""
    if len(runs) < 2:
        return None
    for (_, end), (start, _) in zip(runs, runs[1:], strict=False):
        if not toks[end:start] or any(fold(t.text) not in ("et", ",") for t in toks[end:start]):
            return None
    return runs


def _quoted_title(mention: str) -> str | None:
    """"«Focus»", "le «Deutsche Welle»": the quoted name when it is the whole mention."""
    match = re.fullmatch(r"(?:(?:le|la|les|l['’])\s*)?[«\"“]\s*([A-ZÀ-Ý][^«»\"“”]{0,40}?)\s*[»\"”]", mention.strip(),
                         re.IGNORECASE)
    return match.group(1) if match and match.group(1)[:1].isupper() else None


def _names_a_person(name: str | None, registry: Registry) -> bool:
    """"le bureau de M. Araji" is a person's office; "le ministère des Affaires étrangères" an
    institution: a person is a name the article gives as one."""
    if not name:
        return False
    return any(p.name == name or p.surname_key == name_key(name.split()[-1]) for p in registry.people)


def _plural_pronoun(folded: str) -> bool:
    """"ils", "-elles", "eux" refer to a group; "il", "-t-elle", "lui" to one source."""
    bare = folded.removeprefix("-t").lstrip("-")
    return bare.endswith("s") or bare == "eux"


def _in_complement(toks: tuple[Token, ...], i: int, a: int) -> bool:
    """Whether the name at token i is inside a de/à complement ("la brigade 88 des Hachd")."""
    j = i - 1
    while j >= a and (toks[j].text in ("«", "-") or toks[j].upos == "DET"):
        j -= 1
    return j >= a and fold(toks[j].text) in ("de", "d'", "du", "des", "à", "au", "aux", "pour", "par", "en", "sur")


def _is_person_like(toks: tuple[Token, ...], run: tuple[int, int]) -> bool:
    return any(t.ent == "PER" for t in toks[run[0] : run[1]]) or run[1] - run[0] >= 2


def _drop_determiner(mention: str) -> str:
    return re.sub(r"^(?:les\s+|le\s+|la\s+|l['’]\s*)", "", mention, flags=re.IGNORECASE) or mention


def _role_text(text: str, sent: ParsedSentence, a: int, b: int, run: tuple[int, int]) -> str | None:
    before = span_text(text, sent, a, run[0]).strip(" ,") if run[0] > a else ""
    after = span_text(text, sent, run[1], b).strip(" ,") if run[1] < b else ""
    role = before or after
    return role or None


def register_names(text: str, sent: ParsedSentence, registry: Registry) -> None:
    """Record the names of a sentence with the role written beside them."""
    lex = load()
    toks = sent.tokens
    for a, b in name_runs(sent):
        tokens = [t for t in toks[a:b] if t.text not in ("-",) and t.lower not in PARTICLES]
        if len(tokens) < 2 and not any(t.ent == "PER" for t in toks[a:b]):
            continue
        name = span_text(text, sent, a, b)
        role = _role_after(text, sent, b, lex) or _role_before(text, sent, a, lex)
        registry.add(name, toks[a].start, role, human=any(t.ent == "PER" for t in toks[a:b]))
        registry.mentions.append((toks[a].start, name))
        if _is_subject(toks, a, b):
            registry.subject_mentions.append((toks[a].start, name))


def _is_subject(toks: tuple[Token, ...], a: int, b: int) -> bool:
    """Whether a person's name is the main clause's subject, or apposed to it ("le ministre
    Karim Sellami a …"); a subject inside a reported clause ("X a estimé que Y était …") is not."""
    if not any(t.ent == "PER" for t in toks[a:b]):
        return False
    for t in toks[a:b]:
        if a <= t.head < b and t.head != t.i:
            continue
        subject = t if t.deprel.startswith("nsubj") else toks[t.head]
        if subject is not t and not (t.deprel in ("appos", "flat:name", "nmod")
                                     and subject.deprel.startswith("nsubj")):
            return False
        verb = toks[subject.head]
        return verb.head == verb.i or (verb.deprel == "conj" and toks[verb.head].head == verb.head)
    return False


def _role_after(text: str, sent: ParsedSentence, b: int, lex: Lexicons) -> str | None:
    toks = sent.tokens
    if b >= len(toks) or toks[b].text != ",":
        return None
    c = b + 1
    while c < len(toks) and toks[c].upos == "DET":
        c += 1
    if c >= len(toks) or fold(toks[c].text) not in lex.titles:
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
    if end > 0 and (toks[end - 1].upos in ("ADP", "DET") or _in_complement(toks, a, 0)):
        return None  # "la brigade 88 des Hachd al-Chaabi": a complement, not an apposition
    start = end
    while start > 0 and toks[start - 1].upos in ("DET", "NOUN", "ADJ", "ADP", "PROPN", "NUM") \
            and toks[start - 1].text not in (",",):
        start -= 1
    while start < end and toks[start].upos == "ADP":
        start += 1
    words = {fold(t.text) for t in toks[start:end]}
    if start < end and words & lex.titles:
        return span_text(text, sent, start, end)
    return None
