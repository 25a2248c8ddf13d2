"""Quotation spans in the document text: « », “ ”, `` '' and straight double quotes.

A quotation may run over several sentences and paragraphs; the attribution rules give every
sentence inside one the speaker of the whole quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_MAX_QUOTE = 4000


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark
    unopened: bool = False  # its opening mark was dropped: it starts with its line

    def words(self, text: str) -> int:
        return len(text[self.start + 1 : self.end - 1].split())

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _paired(text: str, opening: str, closing: str) -> list[Quote]:
    quotes, stack = [], []
    # every position where a mark starts (overlapping ones too), the opening mark first, as a
    # character-by-character scan would find them, without visiting the characters in between
    marks = re.compile(f"(?=({re.escape(opening)}))|(?=({re.escape(closing)}))")
    for match in marks.finditer(text):
        i = match.start()
        if match.group(1) is not None:
            # a new guillemet at a paragraph start continues an open quotation (French usage)
            if stack and text[max(0, i - 2) : i].count("\n"):
                continue
            stack.append(i)
        elif stack:
            start = stack.pop()
            if i + len(closing) - start <= _MAX_QUOTE:
                quotes.append(Quote(start, i + len(closing)))
            stack.clear()
        elif (dropped := _dropped_opening(text, i, opening, closing)) is not None:
            quotes.append(Quote(dropped, i + len(closing), unopened=True))
    return quotes


def _dropped_opening(text: str, i: int, opening: str, closing: str) -> int | None:
    """Where a quotation closed at i with no opening mark began: its paragraph's first word, when
    nothing before it in the paragraph is a quotation mark ('… accès au cinéma » a-t-il déclaré.',
    a web copy that dropped the '«'). A straight or curly mark before it may be the opening one
    of another kind ('dans" Sangre de mayo »'): then no quotation is made up."""
    # the paragraph's start is looked for no further back than a quotation may reach, so that a
    # long paragraph with many stray marks is not read back to its start for each of them
    reach = max(0, i - _MAX_QUOTE - 1)
    newline = text.rfind("\n", reach, i)
    if newline < 0 and reach > 0:
        return None  # the paragraph opens further back than any quotation reaches
    start = newline + 1
    before = text[start:i]
    if not before.strip() or i - start > _MAX_QUOTE or any(m in before for m in (opening, closing, '"', "“", "”")):
        return None
    return start + len(before) - len(before.lstrip())


def _opens(line: str, i: int) -> bool:
    """A straight mark opens when it follows a space or an opening sign and precedes a word."""
    before = line[i - 1] if i else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isspace() or before in "'’(:[-«") and not after.isspace() and after not in ",.;:!?)]"


def _first_mark_closes(line: str) -> bool:
    """The line's first straight mark closes a quotation ('… n'est-ce pas?"', 'la réalité " a
    déclaré X'): at the line's end, before punctuation, or spaced on both sides. A mark glued to
    the word before it and followed by a word ('Education" insultante') may as well open."""
    i = line.find('"')
    if i < 0 or _opens(line, i):
        return False
    rest = line[i + 1 :]
    glued = i > 0 and not line[i - 1].isspace()
    return not rest.strip(" .,;!?)»\t") or rest[:1] in ",.;:!?)" or not glued


def _closed_later(lines: list[str], index: int) -> bool:
    """A quotation left open at the end of line `index` whose closing mark comes, unopened, at the
    head of one of the next three lines: the quotation runs over those lines."""
    for line in lines[index + 1 : index + 4]:
        if '"' in line:
            return _first_mark_closes(line)
    return False


def _straight(text: str) -> list[Quote]:
    """Straight quotes pair up line by line; their direction comes from the spacing around them.

    A quotation left open at the end of a line goes on into the next line when that line opens
    with a quotation mark too (the French way of quoting over several paragraphs), or when one of
    the next three lines closes it before opening any; otherwise it ends with its line, so an
    unbalanced mark never swallows the rest of an article. A line whose first mark closes with no
    quotation open is a quotation whose opening mark was dropped: it starts with the line. A mark
    followed by punctuation (`", a-t-il dit`) closes; it never opens."""
    quotes: list[Quote] = []
    opened: int | None = None
    bridged = False  # the open quotation runs on into this line without a re-opening mark
    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line_start = position
        position += len(line) + 1
        stripped = line.lstrip()
        if opened is not None and not stripped.startswith('"') and not bridged:
            quotes.append(Quote(opened, line_start - 1))  # left open: it ends with its line
            opened = None
        continued = opened is not None and not bridged
        bridged = False
        unopened = opened is None and _first_mark_closes(line) and bool(stripped)
        if unopened:
            opened = line_start + len(line) - len(stripped)  # 'Ils se frappent, n'est-ce pas?"'
        for i, ch in enumerate(line):
            if ch != '"':
                continue
            if continued and line[:i].strip() == "":
                continued = False  # the re-opening mark of a continued quotation
                continue
            before = line[i - 1] if i else " "
            after = line[i + 1] if i + 1 < len(line) else " "
            if opened is None and _opens(line, i):
                opened = line_start + i
            elif opened is not None and not before.isspace() or (opened is not None and after in ",.;:!?)] "):
                quotes.append(Quote(opened, line_start + i + 1, unopened))
                opened, unopened = None, False
        if opened is not None and not line.rstrip().endswith('"') and position < len(text) \
                and not text[position:].lstrip(" \t").startswith('"'):
            if _closed_later(lines, index):
                bridged = True
            else:
                quotes.append(Quote(opened, line_start + len(line)))
                opened = None
    if opened is not None:
        quotes.append(Quote(opened, len(text)))
    return [q for q in quotes if q.end - q.start <= _MAX_QUOTE]


def find_quotes(text: str) -> list[Quote]:
    quotes = _paired(text, "«", "»") + _paired(text, "“", "”") + _paired(text, "``", "''") + _straight(text)
    quotes.sort(key=lambda q: (q.start, -q.end))
    # keep outermost quotations only
    kept: list[Quote] = []
    for quote in quotes:
        if kept and kept[-1].start <= quote.start and quote.end <= kept[-1].end:
            continue
        kept.append(quote)
    return kept



_CLOSED_AT_END = re.compile(r"[»\"”][.!?…]?$")


def all_quoted(passage: str) -> bool:
    """A sentence or a line that is all quotation: '"Mais c'est possible".', '« … »'."""
    body = passage.strip()
    return body[:1] in "«\"“" and bool(_CLOSED_AT_END.search(body))


class QuoteIndex:
    """A document's quotations, searchable by span in logarithmic time. find_quotes keeps only
    outermost quotations, so ends rise with starts and one bisection finds the first overlap:
    the rules then look at a sentence's few quotations, never at all of a long article's."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.ends = [q.end for q in quotes]

    def overlapping(self, start: int, end: int) -> list[Quote]:
        found = []
        for k in range(bisect.bisect_right(self.ends, start), len(self.quotes)):  # no copy of the rest
            if self.quotes[k].start >= end:
                break
            found.append(self.quotes[k])
        return found

    def covering(self, start: int, end: int) -> bool:
        """Whether a quotation holds the span start..end whole."""
        return any(q.covers(start, end) for q in self.overlapping(start, end))
