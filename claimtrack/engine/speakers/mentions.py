"""Mentions of sources: where they are in a sentence, and what they name.

A mention is typed from its form (determiner, head noun, capitalised name, outlet lexicon) and
resolved against what the article says elsewhere: "le responsable irakien" after "Qassim
al-Araji, conseiller à la sécurité nationale irakienne" names al-Araji; "Lavrentiev" is
"Alexander Lavrentiev"; "il" is the last speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.speakers.descriptions import (
    DESCRIBED_DEMONSTRATIVES,
    bracketed_gloss,
    can_speak,
    coordinated,
    drop_determiner,
    first_noun,
    is_person_like,
    names_a_person,
    national,
    plural_pronoun,
    quoted_title,
    role_text,
    speaking_head,
    vouched_by_verb,
)
from claimtrack.engine.speakers.groups import GroupNames
from claimtrack.engine.speakers.issuers import IssuerRules, document_key
from claimtrack.engine.speakers.names import (
    Person,
    Registry,
    in_complement,
    is_role_word,
    name_runs,
)
from claimtrack.engine.speakers.outlets import context_outlets, find_outlets, outlet_named_before
from claimtrack.engine.speakers.references import ReferenceRules, demonym_description
from claimtrack.engine.speakers.sources import VARIATION_REACH, Source
from claimtrack.engine.syntax.parsed import ParsedSentence, Token, span_text
from claimtrack.engine.syntax.phrases import head_index, partitive_article
from claimtrack.engine.syntax.subjects import preposed_subject
from claimtrack.engine.syntax.verbgroup import aux_chain

_PERSONAL_PRONOUNS = frozenset("il elle ils elles lui eux".split())

INDEFINITE = frozenset("un une des certains certaines plusieurs quelques de nombreux nombreuses d'autres beaucoup "
                       "nombre ceux celles celui celle".split())
# "a confié le ministre au Figaro", "… au quotidien Le Phare": the outlet a speaker talks to
_SPOKEN_TO = re.compile(r"(?:\bà|\bau|\baux|\bau\s+micro\s+d[e'’]|\bsur\s+le\s+plateau\s+d[e'’]"
                        r"|\bà\s+l['’]antenne\s+d[e'’])"
                        r"\s*(?:(?:l['’]|la|le)\s*)?(?:(?:quotidien|journal|hebdomadaire|magazine"
                        r"|chaîne|radio|télévision|site|agence)(?:\s+d['’]\w+|\s+publique|\s+nationale)?\s*,?\s+"
                        r"(?:de\s+|d['’]|du\s+)?(?:(?:l['’]|la|le)\s*)?)?$",
                        re.IGNORECASE)
# "les jeunes en particulier", "des experts, notamment": an adverb closing a mention says nothing of who
_TRAILING_ADVERBIAL = re.compile(r"[\s,]+(?:en particulier|notamment|surtout|aussi|également|eux-mêmes|elles-mêmes"
                                 r"|pour leur part|pour sa part|de leur côté|de son côté)$", re.IGNORECASE)
_COUNTS = {"deux": 2, "trois": 3, "quatre": 4}
DEMONSTRATIVES = frozenset(("celui-ci", "celle-ci", "ce dernier", "cette dernière"))
SPEAKING_SELF = frozenset("je j' moi nous tu vous me m'".split())


# what opens a sentence on the body "on" stands for ("À l'ARS, on …", "Du côté de la mairie, on …")
_COMPLEMENT_TOKENS = 8  # words of a description's complement the mention left out, before an apposed name
_ON_PLACES = (("du", "côté"), ("côté",), ("chez",), ("a",), ("à",), ("au",), ("aux",))


class Resolver(IssuerRules, ReferenceRules):
    """Types and resolves mentions within one document, remembering the last sources; what
    documents and their issuers say is in IssuerRules (claimtrack.engine.speakers.issuers)."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.outlets = context_outlets(text)
        self._protagonist: Person | None | bool = False  # computed on first use
        self.last_speaker: Source | None = None
        self.recent: list[Source] = []
        self.last_issuer: Source | None = None
        self.issuers: dict[str, Source] = {}  # document noun -> the issuer last named for such a document
        self.unissued: dict[str, int] = {}  # document noun -> where a document with no issuer was introduced
        self.institutions: dict[str, str] = {}
        self.plural_subject: Source | None = None  # the last plural subject that could speak, cue or not
        self.groups = GroupNames()  # unnamed groups described so far: named again, they keep that description

    def note_subject(self, sent: ParsedSentence) -> None:
        """The plural subject of a sentence without a cue ("Les experts de l'OMS ont publié leur
        rapport"): what a later "ils" stands for, if no one spoke since."""
        toks = sent.tokens
        root = next((t.i for t in toks if t.head == t.i), None)
        subject = next((t for t in toks if root is not None and t.head == root and t.deprel.startswith("nsubj")
                        and t.i < root and t.upos in ("NOUN", "PROPN") and t.feat("Number") == "Plur"), None)
        if subject is None or fold(subject.text) in load().document_nouns:
            return  # (documents are the issuer rules' business: classify would note them as introduced)
        span = preposed_subject(self.text, sent, root, aux_chain(toks, root))
        source = self.classify(sent, *span) if span and span[0] < span[1] else None
        if source is not None and source.type in ("named", "unnamed") and not source.resolved:
            self.plural_subject = replace(source, plural=True)

    def remember(self, source: Source) -> None:
        """The source of a report, for the mentions after it; a pronoun left unresolved ("elle" with
        no one before it) is no one a later "il" could stand for."""
        if source.type in ("named", "unnamed") and source.speaker != "on" \
                and fold(source.speaker or "") not in _PERSONAL_PRONOUNS:
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

    def classify(self, sent: ParsedSentence, a: int, b: int, verb: str | None = None) -> Source | None:
        """The source a mention names. `verb`: the reporting verb it is the subject of, as
        verbgroup.verb_key gives it (a verb only someone can do vouches for a noun no list knows)."""
        lex = load()
        toks = sent.tokens
        while a < b and (toks[a].upos in ("ADP", "PUNCT") and toks[a].text not in ("«",)) \
                and not partitive_article(toks, a, b):
            a += 1
        while b > a and toks[b - 1].text in (",", ";", ":"):
            b -= 1  # "Le rapport, obtenu par Le Monde, …": the comma before the participle is no part of it
        if a >= b:
            return None
        if b - a == 1 and fold(toks[a].text) in ("l'", "l’") and b < len(toks) and fold(toks[b].text) == "on":
            b += 1  # "Et l'on évoque …": the parser's subject is the euphonic article alone
        mention = span_text(self.text, sent, a, b)
        span = (toks[a].start, toks[b - 1].end)
        folded = fold(mention)
        # pronouns resolve to the last speaker
        if folded in DEMONSTRATIVES:
            last = self.registry.last_person_before(span[0])
            if last:  # "Celui-ci a indiqué": the person named last, whatever their role
                return Source(self.registry.canonical(last[1]), "named", mention, span, resolved="demonstrative")
        if (b - a <= 2 or folded in lex.pronouns) and (folded in lex.pronouns
                                                       or folded.lstrip("-t").lstrip("-") in lex.pronouns):
            plural = plural_pronoun(folded)
            gender = _pronoun_gender(folded)
            agreeing = [s for s in self.recent if s.plural == plural and self._agrees(s.speaker, gender)]
            antecedent = agreeing[-1] if agreeing else self.last_speaker
            switched = self._switched_to(span[0], gender, antecedent)
            if switched:
                return Source(switched, "named", mention, span, resolved="pronoun")
            if gender and antecedent is not None and self.registry.gender_of(antecedent.speaker) is None:
                # a person the sentence itself names, known to be of the pronoun's gender, comes first
                # ("Lors de la visite d'Ursula von der Leyen, la dirigeante …, a-t-elle déclaré")
                here = [n for n in self._named_in_sentence(sent, span[0]) if self.registry.gender_of(n) == gender]
                if here:
                    return Source(here[-1], "named", mention, span, resolved="pronoun")
            if antecedent is not None and not self._agrees(antecedent.speaker, gender):
                # "… visite d'Ursula von der Leyen …, a-t-elle déclaré" after a man spoke: the woman named last
                earlier = self.registry.mentions[:bisect_left(self.registry.mentions, (span[0],))]
                people = [self.registry.canonical(n) for _, n in reversed(earlier)]
                people = [n for n in people if self._agrees(n, gender) and self._is_person(n)]
                # a person known to be of the pronoun's gender before one whose gender is unknown
                named = next((n for n in people if self.registry.gender_against(n) == gender), None) \
                    or next(iter(people), None)
                antecedent = None
                if named:
                    return Source(named, "named", mention, span, resolved="pronoun")
            subject = self.registry.last_plural_subject_before(span[0]) if plural \
                else self.registry.last_subject_before(span[0])
            if subject and not self._agrees(self.registry.canonical(subject[1]), gender):
                subject = None
            if subject and (antecedent is None or subject[0] > antecedent.span[0]):
                name = self.registry.canonical(subject[1])
                if antecedent is None or name != antecedent.speaker:
                    # "Jim Bruce est né … Il a déclaré": the person named as subject since the last speaker
                    return Source(name, "named", mention, span, resolved="subject")
            noted = self.plural_subject if plural else None
            if noted and noted.span[1] <= span[0] and span[0] - noted.span[1] <= VARIATION_REACH and (
                    antecedent is None or noted.span[0] > antecedent.span[0]):
                # "Les experts de l'OMS ont publié leur rapport. Ils estiment …": the subject since the last speaker
                return replace(noted, mention=mention, span=span, resolved="subject")
            if antecedent:
                return replace(antecedent, mention=mention, span=span, resolved="pronoun")
            if not plural:  # "J'ai rencontré le maire Paul Roy. Il m'a dit …": the person named last, as object too
                earlier = self.registry.mentions[:bisect_left(self.registry.mentions, (span[0],))]
                named = next((self.registry.canonical(n) for o, n in reversed(earlier) if span[0] - o <= VARIATION_REACH
                              and self._is_person(self.registry.canonical(n))
                              and self._agrees(self.registry.canonical(n), gender)), None)
                if named:
                    return Source(named, "named", mention, span, resolved="pronoun")
                here = [n for n in self._named_in_sentence(sent, span[0]) if self._is_person(n)]
                if here:  # "Le soldat Elizabeth Lyman … la nuit où elle affirme": a gender read from a role's
                    return Source(here[-1], "named", mention, span, resolved="pronoun")  # article may be wrong
            return Source(folded.removeprefix("-t").lstrip("-"), "unnamed", mention, span)
        if folded in ("on", "-on", "-t-on", "l'on", "l’on"):
            if any(fold(t.text) in SPEAKING_SELF for t in toks):
                return None  # "On nous a dit que …": a speaker telling what they heard, not a source
            document = self._document_on_speaks_in(toks)
            if document is not None:  # "…, explique-t-on dans le rapport": the report's issuer
                return replace(document, mention=mention, span=span, resolved="issuer")
            located = self._on_located(sent, a)
            if located is not None:  # "À l'ARS, on fait valoir que …": the people of the place named
                return replace(located, resolved="located")
            return Source("on", "unnamed", mention, span)  # "On estime que …": people the article does not name
        if folded in SPEAKING_SELF or folded in lex.time_words:
            return None  # the author's or reader's person, a date, a quantity: nobody speaks
        relayed = self._cited_by_outlet(sent, a, b)
        if relayed is not None:  # "des sources sécuritaires citées par l'agence Anadolu"
            end, names = relayed
            source = self.classify(sent, a, end)
            if source is not None and source.type != "outlet":
                return replace(source, via=tuple(dict.fromkeys((*names, *source.via))))
        if folded in ("la même source", "cette source", "la même agence") and self.last_issuer:
            return replace(self.last_issuer, mention=mention, span=span, resolved="issuer")
        head = a if fold(toks[a].text) in DESCRIBED_DEMONSTRATIVES else head_index(sent, a, b)
        source = self._classify(sent, a, b, mention, span, head)
        speaking = toks[speaking_head(toks, head, b)]
        if source is not None and source.type == "unnamed" and not can_speak(speaking) \
                and not can_speak(toks[first_noun(toks, a, b)]) and not (verb and vouched_by_verb(verb, speaking)):
            return None  # "la pression", "66%", "quantité de gaz": not someone who can say anything
        if source is not None and source.type == "unnamed" and not source.resolved and not source.plural:
            named = self._name_apposed_after(sent, b)
            if named:  # "a déclaré l'expert en violences, le Professeur Stephen Smallbone de …"
                source = Source(named, "named", mention, span, role=mention)
        if source is not None and source.type != "outlet":
            # "a confié le ministre au Figaro": the outlet spoken to relays the source
            relays = [name for start, _end, name in find_outlets(mention, self.outlets)
                      if _SPOKEN_TO.search(mention[:start])]
            if relays:
                source = replace(source, via=tuple(dict.fromkeys((*source.via, *relays))))
        if source is not None and not source.resolved:
            plural = toks[head].feat("Number") == "Plur" or fold(toks[a].text) in ("les", "des", "ces", "leurs")
            source = replace(source, plural=plural)
        if source is not None and source.type in ("named", "unnamed") and not source.resolved:
            source = self._with_possessor(source, toks, a)
        return source

    def _named_in_sentence(self, sent: ParsedSentence, before: int) -> list[str]:
        """The canonical names the sentence gives before an offset, in order (the registry's
        mentions are in document order: the sentence's are a slice)."""
        mentions = self.registry.mentions
        return [self.registry.canonical(n) for _o, n in
                mentions[bisect_left(mentions, (sent.start,)) : bisect_left(mentions, (before,))]]

    def _name_apposed_after(self, sent: ParsedSentence, b0: int) -> str | None:
        """A person's name right after a description and its comma, a title between them at most
        (", le Professeur Stephen Smallbone", ", Irina Yarovaya qui a promis"): who the
        description is."""
        toks = sent.tokens
        b = b0
        while b < len(toks) and b < b0 + _COMPLEMENT_TOKENS and (
                toks[b].upos in ("ADP", "DET", "NOUN", "ADJ") or fold(toks[b].text) == "et"):
            b += 1  # the rest of the description's complement ("… violences sexuelles sur les enfants, le …")
        if b + 1 >= len(toks) or toks[b].text != ",":
            return None
        k = b + 1
        lex = load()
        while k < len(toks) and (toks[k].upos == "DET" or fold(toks[k].text) in lex.titles
                                 or toks[k].text in lex.honorifics):
            k += 1
        runs = name_runs(sent, k, len(toks))
        if not runs or runs[0][0] != k or not any(t.ent == "PER" for t in toks[runs[0][0] : runs[0][1]]):
            return None
        name = self.registry.canonical(span_text(self.text, sent, *runs[0]))
        return name if self._is_person(name) else None

    def _on_located(self, sent: ParsedSentence, a: int) -> Source | None:
        """The body that "on" stands for when the sentence opens on it: "À l'ARS, on fait valoir
        que", "Chez Renault, on assure que", "Du côté de l'opposition, on a accueilli …". Only a
        mention that can speak counts ("À la campagne, on pense que …" stays "on")."""
        toks = sent.tokens
        if a < 3 or toks[a - 1].text != ",":
            return None
        words = [fold(t.text) for t in toks[:a]]
        opening = next((len(p) for p in _ON_PLACES if words[: len(p)] == list(p)), 0)
        if not opening or "," in words[opening : a - 1]:
            return None
        end = next((k for k in range(opening, a - 1) if words[k] == "comme"), a - 1)  # "À l'ARS comme à l'APHP"
        source = self.classify(sent, opening, end)
        return source if source is not None and source.type in ("named", "unnamed") else None

    def _whose_words(self, sent: ParsedSentence, a: int, b: int) -> Source | None:
        """Who said the words a speech noun names, named or not: "les dires d'un agent de
        sécurité" are the agent's ("un agent de sécurité égyptien", unnamed)."""
        toks = sent.tokens
        if a >= b or fold(toks[a].text) not in ("de", "d'", "du", "des"):
            return None
        source = self.classify(sent, a + 1, b)
        return source if source is not None and source.type in ("named", "unnamed", "outlet") else None

    def _person_of_outlet(self, sent: ParsedSentence, a: int, runs: list[tuple[int, int]], span: tuple[int, int],
                          outlet_at: int) -> bool:
        """Whether the mention opens on a person's name and names an outlet only after it, as the
        person's employer or firm: the person is the source (GUIDE: a journalist named as the
        source is named), the outlet no more than where they work."""
        toks = sent.tokens
        lead = next((r for r in runs if r[0] == a), None)
        if lead is None or outlet_at == 0 or toks[lead[1] - 1].end > span[0] + outlet_at \
                or lead[1] >= len(toks) or fold(toks[lead[1]].text) not in ("de", "du", "d'", "des"):
            return False  # "Johnny Hallyday réopéré, RTL affirme": no "de" ties the outlet to the person
        if "," in self.text[toks[lead[1]].start : span[0] + outlet_at]:
            return False
        return any(t.ent == "PER" for t in toks[lead[0] : lead[1]]) or \
            names_a_person(span_text(self.text, sent, *lead), self.registry)

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
        # an outlet the speaker talks to ("X au quotidien Y") relays the speaker; it is not the speaker
        outlets = [o for o in find_outlets(mention, self.outlets) if o[0] == 0 or not _SPOKEN_TO.search(mention[:o[0]])]
        document_kind = lex.document_nouns.get(head_word)
        runs = _person_split(toks, name_runs(sent, a, b))
        before = self.text[max(0, span[0] - 200) : span[0]].rstrip()  # only its last character counts
        title = quoted_title(mention) or (
            quoted_title("«" + mention) if before.endswith(("«", '"', "“")) else None)
        if title and not outlets:
            # a name in guillemets on its own is a publication's title: «Focus», "Telepolis"
            return Source(title, "outlet", mention, span)
        # documents and offices speak for their issuer
        if document_kind:
            relays, relay_start = self._relays(sent, head + 1, b)
            issuer = self._issuer(sent, head + 1, relay_start)
            if issuer is None and head_word in lex.speech_nouns:
                issuer = self._whose_words(sent, head + 1, relay_start)
            if document_kind == "office":
                if issuer and issuer.type == "named" and names_a_person(issuer.speaker, self.registry):
                    name = f"{toks[head].text} de {issuer.speaker}"
                    return Source(name, "named", mention, span)
                if issuer and issuer.type == "named":  # "le service de presse du Kremlin": a named body's office
                    return Source(drop_determiner(mention).rstrip(" ,;:"), "named", mention, span)
            elif issuer:
                source = replace(issuer, mention=mention, span=span, via=tuple(dict.fromkeys((*relays, *issuer.via))))
                if head_word not in lex.speech_nouns:  # someone's words are no document "l'article" goes back to
                    self.last_issuer = self.issuers[document_key(toks[head].text)] = source
                return source
            elif document_kind == "media" and relays:
                # "selon un reportage diffusé sur France 24": the outlet that broadcast it says it
                return Source(relays[-1], "outlet", mention, span, via=relays[:-1])
            elif relays or national(toks[head + 1 : relay_start]):
                # "les documents américains obtenus par WikiLeaks": a state's documents, relayed by an outlet
                description = drop_determiner(span_text(self.text, sent, a, relay_start)).rstrip(" ,;:")
                kind = "named" if national(toks[head + 1 : relay_start]) else "unnamed"
                # "les documents américains" in an article about "l'ambassade américaine": its cables
                issuer_name = self._national_institution(toks[head + 1 : relay_start]) if kind == "named" else None
                description = issuer_name or description
                description = description[:1].lower() + description[1:]
                # "selon la déclaration saoudienne officielle" in an article about "l'Arabie saoudite"
                state = self._national_state(toks[head + 1 : relay_start]) if kind == "named" and not issuer_name \
                    else None
                source = Source(state or description, kind, mention, span, via=relays,
                                plural=toks[head].feat("Number") == "Plur" and not (issuer_name or state))
                self.last_issuer = self.issuers[document_key(toks[head].text)] = source
                return source
            elif outlets:
                return Source(outlets[0][2], "outlet", mention, span)
            elif self.last_issuer and toks[a].upos == "DET" and fold(toks[a].text) not in INDEFINITE:
                return replace(self.last_issuer, mention=mention, span=span, resolved="issuer")
        if head_word in lex.issued_nouns:
            issuer = self._figures_issuer(sent, head, b)
            if issuer is not None:  # "selon une estimation du Pentagone": the figures speak for their issuer
                return replace(issuer, mention=mention, span=span, resolved="issuer")
        if outlets and self._person_of_outlet(sent, a, runs, span, outlets[0][0]):
            outlets = []  # "Karel Goldman de l'agence Bison&Rose", "Jean Dupont de l'AFP": a person speaks
        if outlets and head_word not in lex.titles:
            return Source(outlets[0][2], "outlet", mention, span)
        press = not any(fold(t.text) in lex.non_press_modifiers for t in toks[head + 1 : b])  # no "agence de notation"
        if head_word in lex.outlet_nouns and press:
            named = [r for r in runs if r[0] > head]
            name = span_text(self.text, sent, *named[0]) if named else None
            described = b - a <= 2 or all(t.upos == "ADJ" and not t.text[:1].isupper() for t in toks[head + 1 : b])
            if name is None and described and fold(toks[a].text) in ("le", "la", "l'", "ce", "cette", "cet"):
                # "selon le quotidien (madrilène)": the outlet the article named last
                name = outlet_named_before(self.text, span[0], VARIATION_REACH, self.outlets)
            return Source(name or mention, "outlet", mention, span)
        # "de l'association des locataires (ALR)": a name in brackets glosses the noun before it
        apposed = [r for r in runs if not in_complement(toks, r[0], a) and not bracketed_gloss(toks, r, a)]
        one = toks[head].feat("Number") != "Plur" or any(fold(t.text) in ("un", "une") for t in toks[a:head])
        if head_word not in lex.titles and not (is_role_word(head_word, lex) and one):
            # "un participant, Marc Dubois", "une des participantes, Marie Dubois": a person's role,
            # then the person; not a thing's name, nor one of several people listed
            apposed = [r for r in apposed if not any(t.text == "," for t in toks[head:r[0]])]
        # "le président X à la télévision d'État, Canal Uno": the outlet spoken to is no name of the speaker
        apposed = [r for r in apposed if not find_outlets(span_text(self.text, sent, *r), self.outlets)] or apposed
        if fold(toks[a].text) in INDEFINITE and not any(is_person_like(toks, r) for r in apposed):
            named_later = self._named_later(mention, span[0]) if fold(toks[a].text) in ("un", "une") else None
            if named_later:  # "Une figure du mouvement … a qualifié" then "Hanifa Adan, figure du mouvement …"
                return Source(named_later, "named", mention, span, resolved="named-later")
            description = _TRAILING_ADVERBIAL.sub("", mention) or mention
            description = self.groups.mention(toks, a, head, b, description[:1].lower() + description[1:])
            return Source(description, "unnamed", mention, span)
        if demonym_description(toks, a, head, b) and self.registry.person_of_surname(toks[head].text) is None:
            described = self._demonym_person(sent, a, head, span)
            if described:  # "… », assure de son côté le Lillois": a person named by where they are from
                return described
        if apposed:
            run = apposed[-1] if head_word in lex.titles else apposed[0]
            people = [r for r in apposed if any(t.ent == "PER" for t in toks[r[0] : r[1]])]
            if people and run not in people:  # "le prix Nobel de la paix Mohamed El Baradei": the person
                run = people[-1] if head_word in lex.titles else people[0]
            run_text = span_text(self.text, sent, *run)
            name = self.registry.canonical(run_text)
            joined = coordinated(toks, apposed)
            if joined and head == apposed[0][0]:  # "Emmanuel Macron et Olaf Scholz ont affirmé"
                name = " et ".join(self.registry.canonical(span_text(self.text, sent, *r)) for r in joined)
            apposition = toks[run[1]].text == "," if run[1] < b else False
            if apposition and any(fold(t.text) in ("et", "ou") for t in toks[run[1] : b]):
                apposition = False  # "l'UNICEF, Amnistie internationale et l'Association du Barreau": a list
            if run[0] <= head < run[1] and run[1] < b and not is_person_like(toks, run) and not apposition:
                # "le Commandement des opérations interarmées irakien"; not "Janey, maintenant
                # superintendant …": after a comma comes an apposition, not the rest of the name
                name = drop_determiner(mention)
            if apposition and not is_person_like(toks, run):
                # "… entre Bagdad et Moscou, le général Maan al-Saadi, commandant …": the subject the
                # parser gave starts on a place; the person the apposition names with a title speaks
                titled = next((r for r in runs if r[0] > run[1] and fold(toks[r[0] - 1].text) in lex.titles), None)
                if titled is not None:
                    run = titled
                    name = self.registry.canonical(span_text(self.text, sent, *run))
            role = role_text(self.text, sent, a, b, run)
            return Source(name, "named", mention, span, role=role)
        if toks[head].text[:1].isupper() and toks[head].upos in ("PROPN", "NOUN", "X") and \
                fold(toks[head].text) not in lex.titles:
            return Source(drop_determiner(mention), "named", mention, span)
        group = self._counted_group(toks, a, head, span)
        if group:  # "Macron et Scholz se sont rencontrés. Les deux dirigeants ont affirmé …"
            return group
        definite = fold(toks[a].text) in ("le", "la", "l'", "ce", "cette", "cet")
        if head_word in lex.titles or (definite and is_role_word(head_word, lex)):
            person = self.registry.by_role(mention, toks[head].text, span[0])
            if person:
                return Source(person.name, "named", mention, span, role=person.role, resolved="role")
            varied = self._elegant_variation(sent, a, head, span)
            if varied and head_word not in lex.titles:
                # "… affirme Jorge, dix ans. … Le jeune garçon reconnaît": a person described, not
                # an office, is the one who just spoke before the article's protagonist
                return replace(varied, mention=mention, span=span, resolved="variation")
            protagonist = self._protagonist_for(sent, a, head)
            if protagonist:  # "le premier ministre" in an article about Jean Charest, who holds no other title
                return Source(protagonist.name, "named", mention, span, role=mention, resolved="protagonist")
            if varied:  # "… explique Baranets. … ajoute l'ancien militaire": the last speaker, named otherwise
                return replace(varied, mention=mention, span=span, resolved="variation")
            described = self._described_subject(toks, a, head, span)
            if described:  # "Zemmal a perdu en finale. « … », a expliqué le sympathique gaillard"
                return Source(described, "named", mention, span, resolved="described")
            if described is not None and toks[head].upos == "ADJ":
                return None  # a person the tagger misread and the text does not name: no guess, as before
        authors = self._authors(toks, a, head, span)
        if authors:  # "… selon le rapport de la Société royale. … les auteurs du rapport estiment"
            return authors
        if head_word in lex.non_sources:
            return None  # "Cette affaire rappelle …": an event, not a source
        organisation = self._organisation_named_before(toks, a, head, span)
        if organisation:  # "Renault a présenté ses comptes. … L'entreprise a annoncé …"
            return organisation
        if head_word in lex.institutions and toks[head].feat("Number") != "Plur" \
                and not self._names_something_else(toks, head, span):
            return Source(self._institution(head_word, drop_determiner(mention)), "named", mention, span)
        description = drop_determiner(mention) if folded.startswith(("le ", "la ", "l'")) else mention
        if toks[a].upos == "DET":
            description = description[:1].lower() + description[1:]
        description = _TRAILING_ADVERBIAL.sub("", description) or description
        return Source(self.groups.mention(toks, a, head, b, description), "unnamed", mention, span)

    def _names_something_else(self, toks: tuple[Token, ...], head: int, span: tuple[int, int]) -> bool:
        """"la société civile": a phrase of a company or institution noun that names a vague collective."""
        words = fold(self.text[toks[head].start : span[1]])
        return any(words.startswith(phrase) for phrase in load().not_companies)

    def _organisation_named_before(self, toks: tuple[Token, ...], a: int, head: int,
                                   span: tuple[int, int]) -> Source | None:
        """"l'entreprise", "le groupe" with no name of its own: the organisation the article named last."""
        if fold(toks[a].text) not in ("le", "la", "l'") or fold(toks[head].text) not in load().company_nouns \
                or toks[head].feat("Number") == "Plur":
            return None
        if any(t.text[:1].isupper() or t.upos == "ADP" for t in toks[head + 1 :] if t.end <= span[1]):
            return None  # "le groupe État islamique", "la société de transport": a name or a kind of its own
        if self._names_something_else(toks, head, span):
            return None  # "la société civile"
        named = self.registry.last_organisation_before(span[0])
        if named is None or span[0] - named[0] > VARIATION_REACH:
            return None
        return Source(self.registry.canonical(named[1]), "named", self.text[span[0] : span[1]], span,
                      resolved="organisation")

    def _counted_group(self, toks: tuple[Token, ...], a: int, head: int, span: tuple[int, int]) -> Source | None:
        """"les deux dirigeants", "les trois ministres": the people a plural clause named together
        just before (the registry's "A et B")."""
        if head != a + 2 or fold(toks[a].text) not in ("les", "ces") or fold(toks[a + 1].text) not in _COUNTS \
                or not is_role_word(toks[head].text, load()):
            return None
        group = self.registry.last_plural_subject_before(span[0])
        if group is None or span[0] - group[0] > VARIATION_REACH or group[1].count(" et ") + 1 != \
                _COUNTS[fold(toks[a + 1].text)]:
            return None
        return Source(group[1], "named", self.text[span[0] : span[1]], span, resolved="group", plural=True)


def _person_split(toks: tuple[Token, ...], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"la ministre de la Culture Rachida Dati": a capitalised portfolio and the person's name
    run together; where the person's entity starts, or a name the parser apposes to the noun
    before the run, a second name starts."""
    split = []
    for a, b in runs:
        person = next((k for k in range(a + 1, b) if ((toks[k].ent == "PER" and toks[k - 1].ent == "")
                                                       or (toks[k].deprel == "appos" and toks[k].head < a))
                       and toks[k - 1].text not in ("-", "‐")), None)  # "Heinz-Christian Strache" is one name
        split.extend([(a, person), (person, b)] if person is not None else [(a, b)])
    return split


def _pronoun_gender(folded: str) -> str | None:
    """"elle", "-t-elle" are feminine, "il", "-t-il", "lui" masculine; plurals mix genders."""
    bare = folded.removeprefix("-t").lstrip("-")
    return {"elle": "Fem", "il": "Masc", "lui": "Masc"}.get(bare)
