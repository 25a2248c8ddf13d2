"""References: a person the article names another way than by name ("le spécialiste" after
"… explique Baranets", "le Lillois", "le sympathique gaillard", "le premier ministre" in an article
about one), names only elsewhere ("une figure du mouvement" … "Hanifa Adan, figure du mouvement"),
or by a pronoun after someone of the other gender spoke; and whose "son entourage" is.

ReferenceRules is the part of the mention resolver (claimtrack.engine.speakers.mentions.Resolver)
that resolves such descriptions; it reads the resolver's text, registry and recent speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.speakers.names import Person, Registry
from claimtrack.engine.speakers.sources import VARIATION_REACH, Source
from claimtrack.engine.syntax.parsed import ParsedSentence, Token, span_text

_POSSESSIVE = re.compile(r"(son|sa|ses)\s+(?=\w)", re.IGNORECASE)
POSSESSOR_REACH = 400  # characters: the sentence before, about, where "son", "ses" find whose
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœh")
HONORIFIC_TITLES = frozenset("majesté altesse sainteté excellence éminence".split())  # "Sa Majesté" a dit
# a person's or an institution's name: capitalised words, with the particles inside names
_NAME_PATTERN = r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|de|du|des|la|d['’]|al-)){1,5}"
# an institution's name may hold a lower-case word before its last part ("Société royale du Canada")
_ISSUER_PATTERN = (r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|de|du|des|la|d['’]"
                   r"|[a-zé]+(?=\s+(?:du|de|des)\s+[A-ZÀ-Ý]))){0,5}")
NAMED_LATER_REACH = 200_000  # characters: as far as a piece of a long document reaches (pipeline.PIECE_CHARS)
# the gender a description's determiner gives it ("une équipe", "le porte-parole")
_DETERMINER_GENDER = {"un": "Masc", "le": "Masc", "ce": "Masc", "cet": "Masc", "du": "Masc",
                      "une": "Fem", "la": "Fem", "cette": "Fem"}
_DEMONYM_ENDINGS = ("ois", "oise", "ais", "aise", "ain", "aine", "ien", "ienne", "ol", "ole", "onne")
_NOT_DEMONYMS = frozenset("palais marais capitole vatican kremlin".split())


class ReferenceRules:
    """Descriptions that stand for a person, for the mention resolver."""

    text: str
    registry: Registry
    recent: list[Source]
    last_speaker: Source | None
    _protagonist: Person | None | bool

    def _is_person(self, name: str | None) -> bool:
        person = self.registry.person(name)
        return person is not None and person.human

    def _agrees(self, speaker: str | None, gender: str | None) -> bool:
        """A pronoun's gender fits the person unless the article said the person is of the other."""
        known = self.registry.gender_against(speaker) if gender else None
        if known is None and gender and speaker:  # "une équipe de l'université" is no "il"
            known = _DETERMINER_GENDER.get(speaker.split()[0].lower())
        return known is None or known == gender

    def _named_later(self, mention: str, position: int) -> str | None:
        """An indefinite description the article names elsewhere, in the same words: a name
        apposed to it ("Hanifa Adan, figure du mouvement de contestation") or its issuer ("le
        comité d'experts de la Société royale du Canada"). Two words at least: "un habitant"
        alone could be anyone. Looked for within NAMED_LATER_REACH characters either side (the
        whole of any article of ordinary length), so that a long document stays linear."""
        words = mention.split()[1:5]
        if len(words) < 2 or not words[0][:1].islower():
            return None
        described = r"\s+".join(re.escape(w) for w in words)
        lo, hi = max(0, position - NAMED_LATER_REACH), position + NAMED_LATER_REACH
        apposed_pattern = re.compile(rf"({_NAME_PATTERN}),\s+(?:l['’]une?\s+des\s+|une?\s+)?{described}")
        for apposed in apposed_pattern.finditer(self.text, lo, hi):
            name = self.registry.canonical(apposed.group(1))
            if self._is_person(name):
                return name
        issued = re.compile(rf"\b(?:[Ll]e|[Ll]a|[Ll]['’])\s*({described}(?:\s+[a-zé][\w'’-]*){{0,2}}?"
                            rf"\s+(?:de\s+la|du|de\s+l['’]|de)\s*{_ISSUER_PATTERN})").search(self.text, lo, hi)
        return issued.group(1) if issued else None

    def _elegant_variation(self, sent: ParsedSentence, a: int, head: int, span: tuple[int, int]) -> Source | None:
        """A definite singular description with no role match ("l'ancien militaire", "le
        spécialiste") right after a named person spoke: news writing names the same speaker
        another way rather than repeat the name."""
        toks = sent.tokens
        last = self.last_speaker
        if fold(toks[a].text) not in ("le", "la", "l'", "ce", "cette", "cet") or toks[head].feat("Number") == "Plur":
            return None
        if last is not None and last.type == "unnamed" and fold(toks[head].text) in fold(last.speaker or "").split():
            return last  # "un expert a dit … l'expert ajoute": the unnamed speaker, named again the same way
        # the last person named among the recent speakers ("… explique Baranets. … affirme un expert.
        # … ajoute l'ancien militaire"); a title with its complement ("le ministre du Travail") names
        # a post of its own, not another way to call the last speaker ("le fils du chanteur" may be)
        if fold(toks[head].text) in load().titles and any(t.upos == "ADP" and t.end <= span[1]
                                                          for t in toks[head + 1 :]):
            return None
        named = next((s for s in reversed(self.recent) if s.type == "named"), None)
        if named is None or span[0] - named.span[0] > VARIATION_REACH:
            return None
        return named if self._is_person(named.speaker) else None

    def _demonym_person(self, sent: ParsedSentence, a: int, head: int, span: tuple[int, int]) -> Source | None:
        """The person a demonym stands for: the last named speaker, else the person last named
        as a subject, close before."""
        mention = span_text(self.text, sent, a, head + 1)
        varied = self._elegant_variation(sent, a, head, span)
        if varied:
            return replace(varied, mention=mention, span=span, resolved="variation")
        subject = self.registry.last_subject_before(span[0])
        if subject is None or span[0] - subject[0] > VARIATION_REACH:
            return None
        name = self.registry.canonical(subject[1])
        return Source(name, "named", mention, span, resolved="described") if self._is_person(name) else None

    def _described_subject(self, toks: tuple[Token, ...], a: int, head: int, span: tuple[int, int]) -> str | None:
        """A person described rather than titled ("le sympathique gaillard", "la jeune femme":
        a definite article, an adjective, a noun for a person) is who the text was just talking
        about: the person last named as a subject, close before. None: not such a description;
        "": one, with no such person."""
        described = any(t.upos == "ADJ" for t in toks[a + 1 : head])
        if fold(toks[a].text) not in ("le", "la", "l'") or toks[head].feat("Number") == "Plur" \
                or fold(toks[head].text) not in load().human_nouns or not described:
            return None
        subject = self.registry.last_subject_before(span[0])
        if subject is None or span[0] - subject[0] > VARIATION_REACH:
            return ""
        name = self.registry.canonical(subject[1])
        person = self.registry.person(name)
        return name if person is not None and len(name.split()) > 1 and self._agrees(name, toks[head].feat("Gender")) \
            else ""

    def _protagonist_for(self, sent: ParsedSentence, a: int, head: int) -> Person | None:
        """A definite singular title with no role match ("le premier ministre") stands for the
        article's protagonist when that person has no stated role of their own."""
        toks = sent.tokens
        honorific = fold(toks[a].text) in ("sa", "son") and fold(toks[head].text) in HONORIFIC_TITLES
        if (fold(toks[a].text) not in ("le", "la", "l'") and not honorific) or toks[head].feat("Number") == "Plur":
            return None
        if self._protagonist is False:
            self._protagonist = self.registry.protagonist(self.text)
        person = self._protagonist
        if person is None:
            return None
        # "le sympathique gaillard", "le jeune champion": a person described, not an office, is the
        # protagonist whatever their title, unless the words' gender is not theirs ("la jeune femme")
        described = fold(toks[head].text) in load().human_nouns and any(t.upos == "ADJ" for t in toks[a + 1 : head])
        gender = toks[head].feat("Gender") or next((t.feat("Gender") for t in toks[a:head] if t.upos == "DET"), None)
        if described and person.gender and gender and gender != person.gender:
            return None
        return person if described or not person.role else None

    def _with_possessor(self, source: Source, toks: tuple[Token, ...], a: int) -> Source:
        """"son entourage", "ses alliés" say whose only beside the sentence before: the speaker is
        written out with the possessor ("l'entourage de Johnny Hallyday", "les alliés d'Alassane
        Ouattara"), as a reader of a list of speakers needs it. The possessor is the person named
        as a subject just before (POSSESSOR_REACH). "leur", whose possessor is a group, a
        coordination ("le président et son épouse": the possessor is the other member) and a
        possessor further back (the article's protagonist was tried: too often someone else's)
        stay as written."""
        match = _POSSESSIVE.match(source.speaker or "")
        if match is None or (a > 0 and fold(toks[a - 1].text) in ("et", "ou")):
            return source
        subject = self.registry.last_subject_before(source.span[0])
        if subject is None or source.span[0] - subject[0] > POSSESSOR_REACH:
            return source
        possessor = self.registry.canonical(subject[1])
        if not self._is_person(possessor):
            return source
        rest = source.speaker[match.end():]
        if any(fold(word) in load().speech_nouns for word in rest.split()[:2]):
            # "selon ses propres mots", "selon sa déclaration": the words are the possessor's own
            return replace(source, speaker=possessor, type="named", resolved="issuer")
        determiner = fold(match.group(1))
        article = "les " if determiner == "ses" else "l'" if rest[:1].lower() in _VOWELS else \
            "la " if determiner == "sa" else "le "
        link = "d'" if possessor[:1].lower() in _VOWELS else "de "
        return replace(source, speaker=f"{article}{rest} {link}{possessor}")

    def _switched_to(self, offset: int, gender: str | None, antecedent: Source | None) -> str | None:
        """After a speaker of the other gender, a pronoun points to the person of its gender named
        since the speaker it would otherwise go back to ("Samuel Roberts dit …, et Stephanie
        Cherill dit … « … », a-t-elle déclaré"; "Susan Burke, l'avocate, … « … » affirme-t-elle"
        after John Turley spoke): someone the article or the first name says is of that gender."""
        last = self.last_speaker
        if not gender or last is None or self._agrees(last.speaker, gender):
            return None
        since = antecedent.span[0] if antecedent is not None and antecedent is not last else -1
        mentions = self.registry.mentions
        between = mentions[bisect_left(mentions, (since + 1,)) : bisect_left(mentions, (offset,))]
        for position, name in reversed(between):
            if offset - position > VARIATION_REACH:
                break
            person = self.registry.canonical(name)
            if self._is_person(person) and self.registry.gender_against(person) == gender:
                return person
        return None


def demonym_description(toks: tuple[Token, ...], a: int, head: int, b: int) -> bool:
    """"le Lillois", "l'Espagnol", "la Québécoise": a definite article and a capitalised singular
    demonym alone, which news writing uses for a person it has named ("Hazard … le Lillois")."""
    word = toks[head].text
    return (b - a == 2 and head == a + 1 and fold(toks[a].text) in ("le", "la", "l'") and word[:1].isupper()
            and not word.isupper() and fold(word).endswith(_DEMONYM_ENDINGS) and fold(word) not in _NOT_DEMONYMS
            and toks[head].feat("Number") != "Plur")
