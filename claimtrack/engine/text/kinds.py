"""What each paragraph is: headline, caption, boilerplate or running text (claims).

Rules on the line's form plus the small pattern lexicons in lexicons/boilerplate.txt and
lexicons/captions.txt. A line that recurs verbatim across the corpus can be passed in as
`known_boilerplate` (site furniture shared by every article of a site).
"""

from __future__ import annotations

import re

from claimtrack.engine.lexicons import load
from claimtrack.engine.text.quotes import all_quoted
from claimtrack.engine.text.segmenter import Span

# English function words that are no French words ("on" is one: « On a tout perdu »)
_ENGLISH = frozenset("the with of and during before in is at to for his her their".split())
_MAX_CAPTION = 420
_MAX_HEADLINE_WORDS = 28
_MAX_QUOTED_SUBHEADING_WORDS = 10
_MAX_PULL_QUOTE_WORDS = 14  # a quoted subheading or pull quote is a few words, not a whole clause


def normalise_line(text: str) -> str:
    """The form under which lines are compared across documents."""
    return " ".join(text.replace("\u00a0", " ").split()).strip().lower()


def _is_english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    hits = sum(w in _ENGLISH for w in words)
    return len(words) >= 8 and hits >= 2 and hits / len(words) > 0.12


def _is_headline(paragraph: str, sentences: int) -> bool:
    flat = " ".join(paragraph.split())
    words = flat.split()
    if sentences != 1 or not 2 <= len(words) <= _MAX_HEADLINE_WORDS:
        return False
    if flat[0].islower() or flat.endswith((":", ",", ";")):
        return False
    if flat.endswith(".") and not flat.endswith("..."):
        return False
    if re.search(r"[.!?…]\s*[»\"”]$", flat):
        return False  # a quoted sentence on its own line is running text
    opened = re.match(r"[«\"“]\s*(\w)", flat)
    if opened and opened.group(1).islower():
        return False  # '« il est certain que …»': a quotation going on, no title starts in lower case
    if flat.startswith(("«", '"', "“")) and flat.endswith(("»", '"', "”")) and len(words) > _MAX_PULL_QUOTE_WORDS:
        return False  # a whole clause quoted on its own line, its full stop left out: running text
    # 'Une « opération de com »': a short line closing on a quoted word is a subheading too
    return not flat.endswith(("»", '"', "”")) or flat.startswith(("«", '"', "“")) \
        or len(words) <= _MAX_QUOTED_SUBHEADING_WORDS


# "Victor Baranets, observateur et ancien militaire", "Anne Roy en observatrice": a person's name
# and what they are, signing the box or pull quote above it (no verb, no full stop)
_SIGNATURE = re.compile(
    r"^(?!(?:Le|La|Les|L['’]|Un|Une|Des|Du|De|Ce|Cet|Cette|Ces|Selon|Pour|En|Au|Aux)\b)"
    r"(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,2})(?:\s*,\s*|\s+en\s+)[a-zà-ÿ][^.!?:;]{2,80}$")
_UNFINISHED = re.compile(r"[^.!?…:;»\"”)]\s*$")


def signature_name(line: str) -> str | None:
    """The name a signature line gives, if the line is one."""
    match = _SIGNATURE.match(" ".join(line.split()))
    return match.group("name") if match else None


def ends_unfinished(line: str) -> bool:
    """A line with no closing punctuation: a title, or the last line of a box or pull quote."""
    return _UNFINISHED.search(line) is not None


_RUNNING_WORDS = 25


def _running_text(flat: str) -> bool:
    """A paragraph of prose: long, and ending as a sentence ends. Furniture patterns searched
    anywhere in a line ("newsletter", "cookies") never make one boilerplate, and it ends a run of
    trailing furniture: running text must never be lost as page furniture."""
    return len(flat.split()) >= _RUNNING_WORDS and flat.rstrip().endswith((".", "!", "?", "»", '"', "”", "…"))


_QUOTED_WORDS = 5  # words of a quoted line that make it a clause rather than a few quoted words


def _quotation_going_on(flat: str, previous: str) -> bool:
    """A quoted clause with no full stop right after a line that is all quotation ('« J'étais
    fier de mes joueurs, vraiment fier »' after '« C'était un match difficile. »'): the quotation
    going on, not a quoted subheading, which follows the article's own lines. A few quoted words
    ('« Nos clients »') stay a subheading."""
    return all_quoted(flat) and all_quoted(previous) and len(flat.split()) >= _QUOTED_WORDS


def paragraph_kinds(text: str, spans: list[Span], known_boilerplate: frozenset[str] = frozenset(),
                    known_captions: frozenset[str] = frozenset()) -> dict[int, str]:
    lex = load()
    by_paragraph: dict[int, list[Span]] = {}
    for span in spans:
        by_paragraph.setdefault(span.paragraph, []).append(span)
    kinds: dict[int, str] = {}
    trailing = False
    previous = ""
    for number, members in sorted(by_paragraph.items()):
        paragraph = text[members[0].start : members[-1].end]
        flat = " ".join(paragraph.replace("\u00a0", " ").split())
        kind = "claim"
        running = _running_text(flat)
        hits = [scope for pattern, scope in lex.boilerplate if pattern.search(flat)
                and not (running and not pattern.pattern.startswith("^"))]
        if trailing and running and not hits:
            trailing = False  # prose after the furniture: a page's blocks come in any order, text is never lost
        if trailing or normalise_line(flat) in known_boilerplate or hits:
            kind = "boilerplate"
            trailing = trailing or "end" in hits
        elif len(flat.split()) == 1 and not flat.endswith((".", "?", "!")):
            kind = "boilerplate"
        elif normalise_line(flat) in known_captions:
            kind = "caption"
        elif len(flat) <= _MAX_CAPTION and (any(p.search(flat) for p in lex.captions) or _is_english(flat)):
            kind = "caption"
        elif kinds and signature_name(flat) and ends_unfinished(previous):
            kind = "caption"  # the signature of the box above, not a claim of its own
        elif _is_headline(paragraph, len(members)) and not _quotation_going_on(flat, previous):
            kind = "headline"
        kinds[number] = kind
        previous = flat
    return kinds
