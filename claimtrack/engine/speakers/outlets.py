"""News outlets in a text: the lexicon's names (with their capitals) and the names a document
shows to be outlets by their context (an outlet noun, a web domain, an English "The …" title)."""

from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.engine.lexicons import fold, load


@lru_cache(maxsize=1)
def _outlet_pattern() -> re.Pattern[str]:
    names = sorted(load().outlets, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


# a capitalised name of several words on one line; a full stop ends it unless a letter follows
# ("ABCNews.com", "Gazette du Nord. Les habitants …")
_WORD = r"[\w&'’-]*(?:\.[\w&'’-]+)*"
# a name opens with a capital, or with a short lower-case prefix glued to one ("elPeriódico",
# "iTélé", "eBay": brand names written in camel case)
_CAPITALISED = r"(?:[A-ZÀ-Ý]|[a-z]{1,3}(?=[A-ZÀ-Ý]))"
_NAME = rf"{_CAPITALISED}{_WORD}(?:[ \t\u00a0]+(?:[A-ZÀ-Ý0-9]{_WORD}|of|the|de|du|des|d['’]))*"


_DOMAIN = re.compile(
    r"(?<![\w@.])([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|fr|net|org|ca|be|ch|de|info|co\.uk|es))\b")


_ENGLISH_TITLE = re.compile(r"(?<![\w-])(The\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})")


@lru_cache(maxsize=1)
def _outlet_noun_context() -> re.Pattern[str]:
    """An outlet noun, up to three modifiers, then a capitalised name: "la télévision d'État,
    TV Péru", "le quotidien Le Devoir", "l'agence Reuters", "le site Mediapart"."""
    generic = {"presse", "média", "médias"}  # "la conférence de presse à Kiev": too loose to name anything
    nouns = "|".join(sorted((re.escape(n) for n in load().outlet_nouns if n not in generic), key=len, reverse=True))
    modifier = rf"(?:d['’]\w+|de\s+[a-zé]\w*|(?!(?:{_NOT_MODIFIERS})\b)[a-zéèêàâîôûç-]+)"
    return re.compile(rf"\b(?i:{nouns})(?:\s+{modifier}){{0,3}}?\s*,?\s+[«\"“]?\s*({_NAME})")


_NOT_MODIFIERS = "à|au|aux|en|sur|dans|par|pour|avec|et|ou|qui|que|a|est|sa|son|ses|le|la|les|du|des|un|une|web|" \
    "internet"


_NOT_OUTLET_NAMES = frozenset("le la les l' un une des web internet".split())


# "un reportage diffusé sur Radio Lumière", "paru dans Nature": where something is broadcast or
# published is an outlet ("publié par X" is not: an institution publishes too)
_PUBLISHED_IN = re.compile(rf"\b(?:diffusée?s?|publiée?s?|parue?s?)\s+(?:sur|dans)\s+"
                           rf"(?:l['’]|le\s+|la\s+|les\s+)?({_NAME})")


def context_outlets(text: str) -> frozenset[str]:
    """Outlets a document names outside the lexicon, known by their context: after an outlet
    noun, as a web domain (ABCNews.com), or as an English "The …" title (The Orlando Sentinel).
    Later bare mentions of the same names are outlets too."""
    found: set[str] = set()
    lex = load()
    for match in _outlet_noun_context().finditer(text):
        name = match.group(1)
        modifiers = re.findall(r"\w+", text[match.start(0):match.start(1)])[1:]
        if any(fold(word) in lex.non_press_modifiers for word in modifiers):
            continue  # "l'agence de notation Moody's": a body, not an outlet
        if re.match(_CAPITALISED, name) and match.group(0)[:1].islower():
            found.add(_trim_name(name))
    found.update(m.group(1) for m in _DOMAIN.finditer(text))
    found.update(_trim_name(m.group(1)) for m in _ENGLISH_TITLE.finditer(text))
    found.update(_trim_name(m.group(1)) for m in _PUBLISHED_IN.finditer(text))
    # a social network ("publié sur Telegram") carries the speaker's own post: no outlet relays it
    return frozenset(n for n in found if len(n) >= 2 and fold(n) not in lex.titles and fold(n) not in lex.pronouns
                     and fold(n) not in _NOT_OUTLET_NAMES and fold(n) not in lex.platforms)


def _trim_name(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in ("of", "the", "de", "du", "des", "d'", "d’"):
        words.pop()
    return " ".join(words).rstrip(".,-")


@lru_cache(maxsize=64)
def _extra_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def find_outlets(text: str, extra: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Outlet names of the lexicon, and the `extra` names a document showed to be outlets, in a
    stretch of text: (start, end, canonical name)."""
    lex = load()
    folded = fold(text)
    found = []
    pattern = _extra_pattern(extra)
    if pattern is not None:
        found.extend((m.start(), m.end(), lex.outlets.get(fold(m.group(0)), m.group(0)))
                     for m in pattern.finditer(text))
    for match in _outlet_pattern().finditer(folded):
        start = match.start()
        original = text[start : match.end()]
        # "le Figaro" inside a sentence: the article in lower case, the name in capitals
        article = re.match(r"(?:au|du|aux|des|le|la|les)\s+(?=[A-ZÀ-Ý])|(?:au|du|aux|des)\s+", original)
        if article:  # the contracted article is not part of the name
            start += article.end()
            original = original[article.end() :]
        # short all-caps acronyms must be written in capitals ("RT", not "rt")
        initial = re.sub(r"^(?:l['’]|al-|n-)", "", original)[:1]
        if not (initial.isupper() or initial.isdigit() or original in lex.outlet_spellings):
            continue
        if len(original) <= 2 and not original.isupper():
            continue  # "RT", "AP" only in capitals
        if original not in lex.outlet_spellings and not _capitals_match(original, lex.outlets[match.group(0)]):
            continue  # "Le monde selon les candidats" is not Le Monde
        if not any(a <= start < b for a, b, _ in found):
            found.append((start, match.end(), lex.outlets[match.group(0)]))
    return sorted(found)


def _capitals_match(written: str, canonical: str) -> bool:
    """Names made of ordinary words (Le Monde, Le Point, Die Zeit) count only with their
    capitals: every word after the first that the canonical name capitalises is capitalised."""
    want = canonical.split()
    have = written.split()
    if len(want) != len(have):
        return True  # a contracted or variant spelling: the initial check above decides
    return all(not w[:1].isupper() or h[:1].isupper() for w, h in list(zip(want, have, strict=False))[1:])


def outlet_named_before(text: str, offset: int, reach: int, extra: frozenset[str] = frozenset()) -> str | None:
    """The outlet the text named last within `reach` characters before `offset`: what a definite
    outlet noun with no name of its own stands for ("selon le quotidien", "à l'hebdomadaire allemand")."""
    earlier = find_outlets(text[max(0, offset - reach) : offset], extra)
    return earlier[-1][2] if earlier else None
