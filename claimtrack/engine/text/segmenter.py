"""Paragraphs and sentences with offsets into the original text.

News text breaks parsers' sentence splitters: hard-wrapped lines, guillemets with or without
inner spaces, "M. Araji", "(AFP photo)" after a full stop. So boundaries are decided here by
rules on the raw text, and the parser only ever sees one sentence at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that cannot end a line of a paragraph: a hard-wrapped line ending in one continues.
_CONTINUING = frozenset(
    "de d' du des la le les l' un une et ou à au aux en par pour sur dans contre avec que qu' qui "
    "son sa ses leur leurs ce cette ces a est ont sont se ne n' entre vers sans sous chez dont "
    "the of and".split()
)
_TERMINAL = ".!?…»\"”)|:;'"
_ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle mlles melle dr pr me mgr st ste rep sen gen gal col lt cdt cie no vol art cf env ex éd p pp "
    "av apr jr sr inc ltd co corp etc. j.-c".split()
)
_OPENERS = "«\"“(['`‘"
_CLOSERS = "»\"”)]'’"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    paragraph: int


def _line_continues(line: str, next_line: str) -> bool:
    """Whether a single line break inside a block is a hard wrap rather than a new paragraph."""
    stripped, following = line.rstrip(), next_line.lstrip()
    if not stripped or not following:
        return False
    if stripped.endswith(("``", "«", ",", ":")) and not stripped.endswith("::"):
        return True
    if stripped[-1] in _TERMINAL:
        return False
    if following[0].islower():
        return True
    last_word = re.split(r"[\s]+", stripped)[-1].lower().replace("’", "'")
    return last_word in _CONTINUING


def paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, number of lines) of each paragraph, whitespace trimmed."""
    out = []
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if block:
            start, end = block[0][0], block[-1][1]
            segment = text[start:end]
            lead = len(segment) - len(segment.lstrip())
            trail = len(segment) - len(segment.rstrip())
            if end - trail > start + lead:
                out.append((start + lead, end - trail, len(block)))
            block.clear()

    for start, end in lines:
        line = text[start:end]
        if not line.strip() or not line.replace("\u00a0", " ").strip():
            flush()
            continue
        if block:
            previous = text[block[-1][0]:block[-1][1]]
            if not _line_continues(previous, line):
                flush()
        block.append((start, end))
    flush()
    return out


_BOUNDARY = re.compile(
    r"(?P<punct>[.!?…]+|\(\s*(?:\.\.\.|…)\s*\)\s*\.)"
    r"(?P<close>[\s\u00a0\u202f]*[»\"”)\]’']?)"
    r"(?=[\s\u00a0\u202f]+(?P<next>[«\"“(\[`‘]?[\s\u00a0\u202f]*[A-ZÀ-ÖØ-ÞŒ0-9]))"
)


_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]{1,60}\)\s*$")


_LAST_WORD = re.compile(r"([\w.\-]+)$")
_LONGEST_WORD = 100


def _is_abbreviation(text: str, dot: int) -> bool:
    """A full stop after an abbreviation or an initial ("M.", "H.R.") does not end a sentence."""
    if text[dot] != ".":
        return False
    # the word before the dot, looked for in the characters just before it (not in all the text
    # before, which made a long document's segmentation quadratic): no abbreviation is that long
    word = _LAST_WORD.search(text, max(0, dot - _LONGEST_WORD), dot)
    if not word:
        return False
    token = word.group(1).lower()
    if token in _ABBREVIATIONS or token.rstrip(".") in _ABBREVIATIONS:
        return True
    initials = re.fullmatch(r"(?:[a-z]\.)*[a-z]", token) and len(token.replace(".", "")) <= 2
    return bool(initials) and word.group(1)[0].isupper()


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph."""
    chunk = text[start:end]
    cuts = [0]
    for match in _BOUNDARY.finditer(chunk):
        punct_end = match.end("punct")
        if _is_abbreviation(chunk, match.start("punct")) and match.group("punct") == ".":
            continue
        # "(...)" starting a sentence belongs to the next sentence, not the previous one
        if chunk[max(0, match.start("punct") - 1)] == "(":
            continue
        # a short parenthesis closing the paragraph ("(AFP photo)") stays with its sentence
        if _TRAILING_PARENTHESIS.match(chunk, match.end("close")):
            continue
        # a list number ("1. Premier point") is not a sentence
        if re.fullmatch(r"\s*\d{1,3}", chunk[cuts[-1] : match.start("punct")]):
            continue
        cut = match.end("close") if match.group("close").strip() else punct_end
        cuts.append(cut)
    cuts.append(len(chunk))
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = chunk[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if b - trail > a + lead:
            spans.append((start + a + lead, start + b - trail))
    return spans


MAX_SENTENCE_CHARS = 2000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A "sentence" longer than MAX_SENTENCE_CHARS (a page with no punctuation, a pasted table)
    is cut at spaces into pieces no parser chokes on and no rule spends quadratic time in."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def segment(text: str) -> list[Span]:
    spans = []
    for number, (start, end, _lines) in enumerate(paragraphs(text)):
        for s, e in sentences(text, start, end):
            spans.extend(Span(a, b, number) for a, b in _bounded(text, s, e))
    return spans
