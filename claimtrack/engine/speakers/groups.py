"""Unnamed groups named again: one source, one description (GUIDE §2).

An article describes a group ("la défense", "les avocats de M. Hayes", "des scientifiques de
l'université d'Utrecht") and names it again more or less fully ("les avocats de la défense",
"les chercheurs"). A reader takes a later mention made with a definite, demonstrative or
possessive determiner for the group already met, and so does the guide: every mention of the
group has one speaker, the first full description the article gives (a noun with words after
it: "les avocats de M. Hayes" rather than "la défense"), or its first description when none is
full. A mention with an indefinite determiner ("des avocats") is a group of its own; one whose
words hold a name the group's description lacks ("les habitants de Rafah" after "les habitants
de Gaza"), or that sets itself apart ("les autres étudiants", "certains des jurés", "certains
avocats", "les étudiants et les professeurs"), is no group's name.

The resolver asks `mention` for each unnamed description as it meets it; once the whole
document is read, `final_names` gives the one speaker of each group's descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimtrack.engine.lexicons import fold, fold_accents, load
from claimtrack.engine.syntax.parsed import Token

# determiners that point back at something the reader has met
ANAPHORIC_DETERMINERS = frozenset("le la l' les ce cet cette ces son sa ses leur leurs".split())
# words that make a description another group or a part of one: "les autres", "certains des jurés"
_SET_APART = frozenset("autre autres des d'entre parmi".split())
_CONTENT = frozenset(("NOUN", "PROPN", "ADJ", "NUM", "VERB"))  # words that describe: "les chercheurs l'" is no fuller
# determiners of a part of some group ("certains avocats", "plusieurs habitants"): no group's name
_PART = frozenset("certains certaines plusieurs quelques beaucoup nombre d'autres".split())


def group_noun(lemma: str) -> str:
    """The key of a group noun: the first noun of its line of group_synonyms.txt, or itself."""
    folded = fold_accents(lemma)
    return load().group_synonyms.get(folded, folded)


def _qualifier(toks: tuple[Token, ...], head: int, b: int) -> str | None:
    """The adjective right after a description's head noun, which may set a group apart."""
    if head + 1 < b and toks[head + 1].upos == "ADJ":
        return fold_accents(toks[head + 1].lemma or toks[head + 1].text)
    return None


@dataclass
class _Group:
    lemma: str
    number: str | None
    descriptions: list[str]
    full: str | None = None
    qualifiers: set[str] = field(default_factory=set)  # adjectives right after the head ("les partis anti-européens")

    @property
    def speaker(self) -> str:
        return self.full or self.descriptions[0]


@dataclass
class GroupNames:
    """The unnamed groups an article has described, the latest of each head noun by its key."""

    latest: dict[str, _Group] = field(default_factory=dict)
    groups: list[_Group] = field(default_factory=list)

    def mention(self, toks: tuple[Token, ...], a: int, head: int, b: int, description: str) -> str:
        """The speaker, as far as the article has been read, for the unnamed description
        `description` of toks[a:b] whose head noun is toks[head]."""
        if fold(toks[a].text) in _PART or any(fold(t.text) in _SET_APART for t in toks[a + 1 : head]) \
                or any(t.upos == "CCONJ" for t in toks[head + 1 : b]):
            return description  # a part of a group, another one, or two groups: no group's name
        lemma = fold_accents(toks[head].lemma or toks[head].text)
        key = group_noun(lemma)
        number = toks[head].feat("Number")
        full = any(t.upos in _CONTENT for t in toks[head + 1 : b])
        qualifier = _qualifier(toks, head, b)
        group = self.latest.get(key)
        if group is None or not self._names_again(toks, a, head, b, group, lemma, number, qualifier):
            group = _Group(lemma, number, [])
            self.latest[key] = group
            self.groups.append(group)
        if description not in group.descriptions:
            group.descriptions.append(description)
        if qualifier:
            group.qualifiers.add(qualifier)
        if full and group.full is None:
            group.full = description
        return group.speaker

    @staticmethod
    def _names_again(toks: tuple[Token, ...], a: int, head: int, b: int, group: _Group, lemma: str,
                     number: str | None, qualifier: str | None) -> bool:
        if fold(toks[a].text) not in ANAPHORIC_DETERMINERS:
            return False  # "des avocats": a group of its own
        if group.lemma == lemma and group.number != number:
            return False  # "l'avocat" after "les avocats de M. Hayes": one of them, maybe
        if qualifier and group.qualifiers and qualifier not in group.qualifiers:
            return False  # "les opérateurs virtuels" after "les opérateurs classiques"
        if group.full is None:
            return True  # "les avocats de M. Hayes" after "la défense": the group, described more fully
        # "les habitants de Rafah" after "les habitants de Gaza", "les responsables de Shanghai"
        # after "les autorités responsables de la population": named apart
        described = fold(" ".join(group.descriptions))
        return not any(t.upos == "PROPN" and fold(t.text) not in described for t in toks[head + 1 : b])

    def final_names(self) -> dict[str, str]:
        """Each description of a group that has several → the group's one speaker."""
        return {description: group.speaker for group in self.groups if len(group.descriptions) > 1
                for description in group.descriptions if description != group.speaker}
