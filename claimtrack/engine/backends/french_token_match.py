"""spaCy's French `token_match` pattern, compiled in a fraction of its time, same matches.

spaCy's French tokenizer keeps hyphenated and elided words whole ("porte-parole",
"entr'ouvert") with one pattern of 266 alternatives, each a word followed by the same few
character classes spelled out in full (every letter of Unicode's Latin blocks), joined into a
1.4-million-character expression that Python's `re` takes about 3 seconds to compile
case-insensitively. It is compiled when `spacy.lang.fr` is imported and again from the model's
tokenizer file, so every process that loads the French model paid it: about half of a
claimtrack command's start-up, and the part no number of workers shortens.

Most alternatives differ only by the word they start with ("^abat[-…][a-z…][-a-z…']*$",
"^abri[-…][a-z…][-a-z…']*$" …), so they are merged into one alternative per shared tail:
"^(?:abat|abri|…)[-…][a-z…][-a-z…']*$". For a pattern whose alternatives are all anchored
this matches exactly the same strings (`re.match` succeeds when one alternative does, and the
tokenizer only asks whether it matched); it compiles in about half a second. The merge is
checked before it is used and gives up, leaving the pattern as spaCy wrote it, on anything it
does not recognise. `quick_french_patterns()` applies it while the model loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

_FLAGS = "(?iu)"
_JOINED_START = _FLAGS + "(?:^"  # how spaCy joins the alternatives: "(?iu)" + "|".join("(?:…)")
_SEPARATOR = ")|(?:"
MIN_LENGTH = 100_000  # only the tokenizer's giant pattern is worth the work
_SHORT_CLASS = 4  # "[ée]", "[èe]": a class this short is part of the word, not of the shared tail
_WORD_CHARACTERS = re.compile(r"[^\W\d_]|[?'’ ]")


def _head_length(alternative: str) -> int:
    """How many characters after the "^" spell the word an alternative starts with: letters,
    "?" and apostrophes, and classes of a few letters; stops at anything else (a long class,
    a group, a backslash), so that no alternation or group is ever cut."""
    at = 1
    while at < len(alternative):
        character = alternative[at]
        if character == "[":
            close = alternative.find("]", at + 1)
            content = alternative[at + 1 : close] if close > 0 else ""
            if close < 0 or len(content) > _SHORT_CLASS or not all(c.isalpha() for c in content):
                break
            at = close + 1
        elif _WORD_CHARACTERS.fullmatch(character) and not (character == "?" and at == 1):
            at += 1
        else:
            break
    return at - 1


def _one_alternative(text: str) -> bool:
    """Whether `text` is one whole alternative: its groups and classes closed, and no "|"
    outside them (a cut alternative, or one that is itself several, cannot be merged)."""
    depth = 0
    at = 0
    while at < len(text):
        character = text[at]
        if character == "\\":
            at += 2
            continue
        if character == "[":
            close = at + 1 + (text[at + 1 : at + 2] == "^")
            close += text[close : close + 1] == "]"  # a "]" first in a class is one of its members
            while close < len(text) and text[close] != "]":
                close += 2 if text[close] == "\\" else 1
            if close >= len(text):
                return False
            at = close + 1
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth < 0:
                return False
        elif character == "|" and depth == 0:
            return False
        at += 1
    return depth == 0


def merged(pattern: str) -> str | None:
    """The pattern with its alternatives that share a tail merged, or None when it is not the
    shape spaCy builds (every alternative "^…$", joined as "(?iu)(?:…)|(?:…)")."""
    if not pattern.startswith(_JOINED_START) or not pattern.endswith(")"):
        return None
    alternatives = pattern[len(_FLAGS) + 3 : -1].split(_SEPARATOR)
    if not all(a.startswith("^") and a.endswith("$") and _one_alternative(a) for a in alternatives):
        return None
    heads: dict[str, list[str]] = {}
    for alternative in alternatives:
        length = _head_length(alternative)
        if alternative[1 + length : 2 + length] not in ("[", "(", "$"):  # never leave a quantifier
            length = 0  # at the start of the tail: this alternative stays whole
        heads.setdefault(alternative[1 + length :], []).append(alternative[1 : 1 + length])
    groups = []
    for tail, words in heads.items():
        if len(words) == 1 or "" in words:
            groups.extend(f"(?:^{word}{tail})" for word in words)
        else:
            groups.append(f"(?:^(?:{'|'.join(words)}){tail})")
    return _FLAGS + "|".join(groups)


@contextmanager
def quick_french_patterns() -> Iterator[None]:
    """While the block runs, `re.compile` of spaCy's French token pattern compiles the merged
    pattern instead, once for both places that compile it (the language's import and the
    model's tokenizer file). Every other pattern compiles as usual."""
    original = re.compile
    compiled: dict[str, re.Pattern] = {}

    def compile_quickly(pattern, flags=0):
        if flags or not isinstance(pattern, str) or len(pattern) < MIN_LENGTH:
            return original(pattern, flags)
        if pattern not in compiled:
            compiled[pattern] = original(merged(pattern) or pattern)
        return compiled[pattern]

    re.compile = compile_quickly
    try:
        yield
    finally:
        re.compile = original
