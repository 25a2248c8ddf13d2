"""Outlets that relay a speaker over several sentences: an interview granted or obtained, a
dispatch. The sentence that names the outlet is not the one the speaker's words are in, so
the relay is carried from it to the sentences that follow (GUIDE: an outlet that interviewed
people is the via of their words; an outlet does not relay itself)."""

from __future__ import annotations

import re
from dataclasses import replace

from claimtrack.engine.attribution import Attribution
from claimtrack.engine.speakers.outlets import find_outlets
from claimtrack.engine.speakers.sources import Source
from claimtrack.engine.syntax.parsed import ParsedSentence

# what may stand between the start of a sentence and the outlet that is its subject ("Le
# quotidien espagnol X", "La chaîne X"), and the verbs of an outlet that obtained people's
# words ("X a interrogé cinq jeunes", "X est allé à la rencontre de riverains")
_OUTLET_SUBJECT_BEFORE = re.compile(
    r"^\s*(?:(?:le|la|l['’]|les)\s*(?:(?:journal|quotidien|hebdomadaire|magazine|chaîne|radio|télévision|site|agence"
    r"|média|rédaction)\s+(?:(?:de\s+presse|d['’]information|[a-zà-öø-ÿ-]{3,})\s+){0,2}?)?)?$", re.IGNORECASE)
_OBTAINED_WORDS = re.compile(
    r"^\s*(?:a|ont|avait|avaient)\s+(?:(?:longuement|aussi|également|notamment)\s+)?"
    r"(?:interrogé|questionné|sondé|rencontré|recueilli\s+(?:les\s+)?(?:témoignages?|propos|confidences)"
    r"|donné\s+la\s+parole|tendu\s+(?:son|le)\s+micro)\b", re.IGNORECASE)


def interviewing_outlet(text: str, sent: ParsedSentence, outlets: frozenset[str]) -> str | None:
    """The outlet a sentence names as having obtained people's words: its subject, with a verb
    of interviewing ("Le journal X a interrogé cinq jeunes garçons")."""
    body = text[sent.start : sent.end]
    for start, end, name in find_outlets(body, outlets):
        if _OUTLET_SUBJECT_BEFORE.match(body[:start]) and _OBTAINED_WORDS.match(body[end:]):
            return name
    return None


def spread_interviewers(text: str, sentences: list[ParsedSentence], kinds: list[str],
                        results: list[Attribution | None], outlets: frozenset[str]) -> None:
    """An outlet that interviewed people relays their words: the people who first speak after
    the sentence that says so (not those the article quoted before it) get the outlet as via,
    unless their sentence names its own relay, until an outlet speaks or relays someone else,
    or a subheading opens another section (the experts an article turns to after "Questions
    clés" are not the people the outlet interviewed)."""
    interviewer: str | None = None
    before: set[str] = set()  # speakers met before the interview: not the interviewed
    for sent, kind, current in zip(sentences, kinds, results, strict=False):
        if current is None:
            continue
        if kind == "headline":
            interviewer = None
        source = current.source
        if source is None:
            named = interviewing_outlet(text, sent, outlets)
            if named is not None:
                interviewer = named
            continue
        if interviewer is not None and (source.type == "outlet" or (source.via and interviewer not in source.via)):
            interviewer = None  # another outlet speaks or relays: the interview is over
        if interviewer is not None and source.type in ("named", "unnamed") and not source.via \
                and source.speaker not in before and source.speaker != "on":
            current.source = replace(source, via=(interviewer,))
        elif interviewer is None and source.speaker:
            before.add(source.speaker)


_INTERVIEW_WORD = re.compile(r"\b(?:interview|entretien|entrevue)s?\b", re.IGNORECASE)


def spread_granted_interviews(text: str, sentences: list[ParsedSentence], results: list[Attribution | None]) -> None:
    """A named person quoted in an interview with an outlet ("…, a-t-il dit au Financial Times au
    cours d'une interview") speaks through that outlet in the whole article: the article is
    built on the interview, so the person's other sentences without a relay of their own, before
    the one that names the interview too, have the outlet as via."""
    granted: dict[str, tuple[str, ...]] = {}
    for sent, current in zip(sentences, results, strict=False):
        source = current.source if current is not None else None
        if source is not None and source.type == "named" and source.via and source.speaker \
                and _INTERVIEW_WORD.search(text[sent.start : sent.end]):
            granted.setdefault(source.speaker, source.via)
    if not granted:
        return
    for current in results:
        source = current.source if current is not None else None
        if source is not None and source.type == "named" and not source.via and source.speaker in granted:
            current.source = replace(source, via=granted[source.speaker])


def carry_relays(results: list[Attribution | None]) -> None:
    """An interview or a dispatch relayed by an outlet goes on: the same speaker's following
    sentences keep its via ("…, a déclaré à la télévision d'État, TV Péru. Il a ajouté …"),
    until another source starts. The article's own sentences in between do not end it."""
    relay: Source | None = None
    for current in results:
        if current is not None and current.source is None and current.interview is not None:
            person, outlets = current.interview  # "X a accordé un entretien au Figaro": what X says next
            relay = Source(person, "named", person, (0, 0), via=outlets)
        if current is None or current.source is None:
            continue
        source = current.source
        if source.type == "outlet":
            relay = None
        elif source.via:
            relay = source
        elif relay is not None and source.speaker == relay.speaker:
            current.source = replace(source, via=relay.via)
        else:
            relay = None
        if current.interview is not None:
            # "… des propos du général X dans un entretien à Y": what X says next, Y relays
            person, outlets = current.interview
            relay = Source(person, "named", person, (0, 0), via=outlets)
