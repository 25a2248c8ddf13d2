"""Question-and-answer interviews: the outlet asks, the person it interviews answers.

An article that says it is an interview ("entretien avec la ministre X", "X a répondu à nos
questions") and then alternates paragraphs of questions with paragraphs of answers gives its
answers in the interviewee's voice (direct speech with no cue of its own), while the questions
stay the outlet's own (editorial). The headline's quotation is the interviewee's too.
"""

from __future__ import annotations

import re

from claimtrack.engine.attribution import Attribution
from claimtrack.engine.speakers.names import Registry, name_runs
from claimtrack.engine.speakers.sources import Source
from claimtrack.engine.syntax.parsed import ParsedSentence, span_text

# where an article announces whom it interviews ("l'entretien de la route" is maintenance: "avec" only)
_ANNOUNCES = re.compile(
    r"\b(?:(?:entretien|entrevue)\s+(?:exclusif\s+|exclusive\s+)?avec|interview\s+(?:exclusive\s+)?(?:avec|de|d['’]))\s*"
    r"|\b(?:a|ont)\s+(?:accepté\s+de\s+)?répond(?:u|re)\s+(?:à\s+)?(?:nos|aux)\s+questions"
    r"|\brépond(?:ent)?\s+(?:à\s+)?(?:nos|aux)\s+questions", re.IGNORECASE)
_OPENING_SENTENCES = 6  # the announcement stands in the headline, the deck or the lede
_MIN_QUESTIONS = 2  # paragraphs of questions that make the article a question-and-answer interview


def spread_interview_answers(text: str, sentences: list[ParsedSentence], kinds: list[str], paragraphs: list[int],
                             results: list[Attribution | None], registry: Registry) -> None:
    """Give the answers of a question-and-answer interview to the interviewee."""
    announced = _interviewee(text, sentences, registry)
    if announced is None:
        return
    at, person, cue, cue_span = announced
    questions = _question_paragraphs(text, sentences, paragraphs, at)
    if len(questions) < _MIN_QUESTIONS:
        return
    source = Source(person, "named", person, (0, 0), resolved="interview")
    answering = False
    for i in range(len(sentences)):
        if kinds[i] == "headline" and i <= at and results[i] is not None and results[i].source is None \
                and _opens_with_quotation(text, sentences[i]):
            results[i] = Attribution(source, "direct", cue, cue_span, None, "interview/named")
            continue
        if i <= at or kinds[i] not in ("claim", "headline"):
            continue
        if paragraphs[i] in questions:
            answering = True  # the next paragraphs answer it
            continue
        current = results[i]
        if answering and current is not None and current.source is None:
            results[i] = Attribution(source, "direct", cue, cue_span, None, "interview/named")


def _interviewee(text: str, sentences: list[ParsedSentence],
                 registry: Registry) -> tuple[int, str, str, tuple[int, int]] | None:
    """Where the article announces its interview, the person's name it gives there, and the
    announcing words (the answers' cue)."""
    for i, sent in enumerate(sentences[:_OPENING_SENTENCES]):
        match = _ANNOUNCES.search(text[sent.start : sent.end])
        if match is None:
            continue
        people = [registry.canonical(span_text(text, sent, a, b)) for a, b in name_runs(sent)
                  if any(t.ent == "PER" for t in sent.tokens[a:b]) or b - a >= 2]
        people = [p for p in people if registry.person(p) is None or registry.person(p).human]
        if people:
            cue = match.group(0).rstrip()
            start = sent.start + match.start()
            return i, people[-1], cue, (start, start + len(cue))
    return None


def _question_paragraphs(text: str, sentences: list[ParsedSentence], paragraphs: list[int], after: int) -> set[int]:
    """The paragraphs after the announcement whose every sentence is a question."""
    asks: dict[int, bool] = {}
    for i in range(after + 1, len(sentences)):
        question = text[sentences[i].start : sentences[i].end].rstrip(" »\"”").endswith("?")
        asks[paragraphs[i]] = asks.get(paragraphs[i], True) and question
    return {p for p, all_questions in asks.items() if all_questions}


def _opens_with_quotation(text: str, sent: ParsedSentence) -> bool:
    return text[sent.start : sent.end].lstrip()[:1] in ("«", '"', "“")
