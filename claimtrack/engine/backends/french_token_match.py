"""spaCy's French `token_match` pattern, compiled in a fraction of its time, same matches.

spaCy's French tokenizer keeps hyphenated and elided words whole ("porte-parole",
"entr'ouvert") with one pattern of 266 alternatives, each a word followed by the same few
character classes spelled out in full (every letter of Unicode's Latin blocks), joined into a
1.4-million-character expression that Python's `re` takes about 3 seconds to compile
case-insensitively. It is compiled when `spacy.lang.fr` is imported and again from the model's
tokenizer file, so every process that loads the French model paid it: about half of a
claimtrack command's start-up, and the part no number of workers shortens.

Most alternatives differ only by the word they start with ("^abat[-…][a-z…][-a-z…']*$",
"^abri[-…][a-z…][-a-z…']*$" …), or only by a word in their middle. Each alternative is read
as a sequence of atoms (a character, a class, a group, each with its quantifier); those that
end alike from their last class or group on are one cluster, written once as their common
first atoms, the alternation of what differs, and their common last atoms:
"^(?:abat|abri|…)[-…][a-z…][-a-z…']*$". Concatenation distributes over alternation, so for a
pattern without back-references, look-arounds or possessive quantifiers this matches exactly
the strings the original matches (the tokenizer only asks whether it matched), with each of
Unicode's long letter classes compiled a few times instead of a hundred: 0.2 s instead of
3 s. The merge gives up, leaving the pattern as spaCy wrote it, on anything it does not
recognise. `quick_french_patterns()` applies it while the model loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

_FLAGS = "(?iu)"
_JOINED_START = _FLAGS + "(?:^"  # how spaCy joins the alternatives: "(?iu)" + "|".join("(?:…)")
_SEPARATOR = ")|(?:"
MIN_LENGTH = 100_000  # only the tokenizer's giant pattern is worth the work
# One piece of an alternative: an escape, a whole class, a counted repeat, or one character.
_PIECE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\{\d+(?:,\d*)?\}|.", re.DOTALL)
_QUANTIFIERS = ("*", "+", "?")


class _Unknown(ValueError):
    """Something the merge does not recognise as safe to factor."""


def atoms(alternative: str) -> list[str]:
    """The alternative as atoms, each quantifier kept on its atom: "^ab[ée]+(?:x|y)?$" →
    ["^", "a", "b", "[ée]+", "(?:x|y)?", "$"]. Raises _Unknown on a "|" outside groups, an
    unbalanced group, a group other than "(…)" / "(?:…)", a back-reference, a possessive
    quantifier or a brace that is not a counted repeat."""
    pieces = _PIECE.findall(alternative)
    result: list[str] = []
    at = 0
    while at < len(pieces):
        piece = pieces[at]
        if piece in _QUANTIFIERS or piece.startswith("{") and len(piece) > 1:
            if not result or result[-1] in ("^", "$") or result[-1][-1:] in _QUANTIFIERS and result[-1][-2:-1] != "\\":
                raise _Unknown(alternative)  # nothing to repeat, or a repeat of a repeat
            quantifier = piece
            if at + 1 < len(pieces) and pieces[at + 1] in ("?", "+"):
                if pieces[at + 1] == "+":
                    raise _Unknown(alternative)  # possessive
                quantifier += "?"  # lazy
                at += 1
            result[-1] += quantifier
            at += 1
            continue
        if piece in (")", "|", "{") or piece[:1] == "\\" and piece[1:].isdigit():
            raise _Unknown(alternative)
        if piece == "(":
            depth, end = 0, at
            while end < len(pieces):
                depth += (pieces[end] == "(") - (pieces[end] == ")")
                if depth == 0:
                    break
                if pieces[end] == "(" and pieces[end + 1 : end + 2] == ["?"] and pieces[end + 2 : end + 3] != [":"]:
                    raise _Unknown(alternative)  # a look-around, a named group, inline flags …
                if pieces[end][:1] == "\\" and pieces[end][1:].isdigit():
                    raise _Unknown(alternative)
                end += 1
            if depth:
                raise _Unknown(alternative)
            piece = "".join(pieces[at : end + 1])
            at = end
        result.append(piece)
        at += 1
    return result


def _cluster_key(alternative: list[str]) -> tuple[str, ...]:
    """The atoms from the alternative's last class, group or repeated atom on: alternatives
    that end alike there are merged."""
    for at in range(len(alternative) - 1, 0, -1):
        if len(alternative[at]) > 1 and not alternative[at].startswith("\\"):
            return tuple(alternative[at:])
    return tuple(alternative)


def _factored(cluster: list[list[str]]) -> str:
    """One alternative for alternatives of one cluster: common first atoms, the alternation of
    what differs, common last atoms."""
    if len(cluster) == 1:
        return "".join(cluster[0])
    shortest = min(len(alternative) for alternative in cluster)
    last = 0
    while last < shortest and len({tuple(alternative[len(alternative) - last - 1 :]) for alternative in cluster}) == 1:
        last += 1
    first = 0
    while first < shortest - last and len({alternative[first] for alternative in cluster}) == 1:
        first += 1
    middles = list(dict.fromkeys("".join(alternative[first : len(alternative) - last]) for alternative in cluster))
    head, tail = cluster[0][:first], cluster[0][len(cluster[0]) - last :]
    return "".join(head) + "(?:" + "|".join(middles) + ")" + "".join(tail)


def merged(pattern: str) -> str | None:
    """The pattern with its alternatives that end alike merged, or None when it is not the
    shape spaCy builds (every alternative "^…$", joined as "(?iu)(?:…)|(?:…)") or holds
    something the merge does not recognise."""
    if not pattern.startswith(_JOINED_START) or not pattern.endswith(")"):
        return None
    try:
        alternatives = [atoms(a) for a in pattern[len(_FLAGS) + 3 : -1].split(_SEPARATOR)]
    except _Unknown:
        return None
    if not all(len(a) >= 2 and a[0] == "^" and a[-1] == "$" and "^" not in a[1:] and "$" not in a[:-1]
               for a in alternatives):
        return None
    clusters: dict[tuple[str, ...], list[list[str]]] = {}
    for alternative in alternatives:
        clusters.setdefault(_cluster_key(alternative), []).append(alternative)
    return _FLAGS + "|".join(f"(?:{_factored(cluster)})" for cluster in clusters.values())


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
