"""Document-level attribution: each sentence's own cues, then quotations, datelines, relays.

The order matters and mirrors how a reader attributes: sentence by sentence in document
order (so "il" and "le communiqué" resolve to what came before), then every sentence inside a
quotation takes the quotation's speaker, then a dateline's outlet covers its dispatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimtrack.engine.cues import Cue, verb_cues
from claimtrack.engine.framing import colon_quote_cue, framing_cues
from claimtrack.engine.lexicons import fold, load
from claimtrack.engine.mentions import Resolver, Source
from claimtrack.engine.names import Registry, register_names
from claimtrack.engine.outlets import find_outlets
from claimtrack.engine.parsed import ParsedSentence, span_text
from claimtrack.engine.phrases import extend_np
from claimtrack.engine.quotes import Quote

_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’. -]{1,40}?)\s*(?:,\s*(?P<a>[A-Z][\w.-]{1,30})\s*[-–—]|\((?P<b>[^)]{2,30})\)\s*[-–—])\s"
)
_MIN_QUOTE_WORDS = 4
# where an outlet relays: spoken to ("à l'AFP", "au Monde"), on ("sur RTL"), by ("cité par",
# "interrogé par"), in ("dans Le Monde", "dans une interview au Figaro"), framing ("selon CNN"),
# or apposed to its kind ("la télévision d'État, TV Péru")
_RELAY_POSITION = re.compile(
    r"(?:\b(?:à|au|aux|sur|par|selon|d['’]après|dans|auprès\s+d[eu']|citant)\s+(?:(?:l['’]|le|la|les|une?)\s*)?"
    r"(?:(?:interview|entretien|émission|antenne|ondes|site|compte|page|colonnes|plateau|édition|journal|quotidien"
    r"|chaîne|radio|télévision|magazine|hebdomadaire|agence)\s+(?:accordée?\s+(?:à|au)\s+|de\s+|d['’]|du\s+)?"
    r"(?:(?:l['’]|le|la)\s*)?)?|,\s*|^\s*)$", re.IGNORECASE)
UNSPECIFIED = "source non précisée"


@dataclass
class Attribution:
    source: Source | None
    mode: str
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    quote_span: tuple[int, int] | None = None
    confidence: float = 0.75
    own: bool = False  # found in the sentence itself, not inherited


def _pick(cues: list[Cue]) -> Cue | None:
    if not cues:
        return None
    return min(cues, key=lambda c: (c.depth, c.anchor))


def _cue_text(text: str, sent: ParsedSentence, cue: Cue) -> tuple[str, tuple[int, int]]:
    a, b = cue.words
    toks = sent.tokens
    return span_text(text, sent, a, b), (toks[a].start, toks[b - 1].end)


def _quote_in(quotes: list[Quote], start: int, end: int, text: str,
              between: tuple[int, int] | None = None) -> Quote | None:
    """A quotation that carries the sentence's content: long enough to be more than a quoted
    word ("d'"extrême""), or opening the sentence ("« Nous sommes prêts », a dit …"); not one
    standing between the subject and its verb (a gloss: "Boko Haram - qui signifie "…" - prône")."""
    for quote in quotes:
        if between and between[0] < quote.start and quote.end <= between[1]:
            continue
        if quote.start < end and start < quote.end and (quote.words(text) >= _MIN_QUOTE_WORDS
                                                        or quote.start <= start):
            return quote
    return None


def _vias(text: str, sent: ParsedSentence, source: Source, quotes: list[Quote],
          outlets: frozenset[str]) -> tuple[str, ...]:
    """Outlets named in the sentence outside quotations and outside the speaker's mention."""
    found = list(source.via)
    body = text[sent.start : sent.end]
    for start, end, name in find_outlets(body, outlets):
        if not _RELAY_POSITION.search(body[:start]):
            continue  # "le fondateur de WikiLeaks" names an outlet that relays nothing
        start += sent.start
        end += sent.start
        if source.span[0] <= start < source.span[1]:
            continue
        if any(q.start < start < q.end for q in quotes):
            continue
        if name != source.speaker and name not in found:
            found.append(name)
    return tuple(found)


def _frames_whole_sentence(sent: ParsedSentence, framing: Cue) -> bool:
    """"Selon X, …" opening a sentence or ", selon X." closing it scopes over all of it,
    whatever the parser attached it to."""
    toks = sent.tokens
    if framing.anchor <= 1:
        return True
    end = framing.subject[1] if framing.subject else framing.words[1]
    closing = end >= len(toks) or all(t.upos == "PUNCT" for t in toks[end:])
    return closing and framing.anchor > 0 and toks[framing.anchor - 1].text == ","


def attribute_sentence(text: str, sent: ParsedSentence, quotes: list[Quote], resolver: Resolver) -> Attribution:
    verb = _pick(verb_cues(text, sent, quotes)) or colon_quote_cue(text, sent)
    framing = _pick(framing_cues(text, sent, quotes))
    chosen, source = None, None
    if verb and verb.kind == "impersonal":
        toks = sent.tokens
        span = (toks[verb.words[0]].start, toks[verb.words[1] - 1].end)
        source = Source(UNSPECIFIED, "unnamed", text[span[0] : span[1]], span)
        chosen = verb
    elif verb:
        source = resolver.classify(sent, *verb.subject)
        if source and verb.citing:
            relayed = resolver.classify(sent, *verb.citing)
            if relayed and source.type == "outlet" and relayed.type != "outlet":
                source = replace(relayed, via=(source.speaker or source.mention,))
        chosen = verb
    if framing:
        framed = resolver.classify(sent, *framing.subject)
        deeper_verb = verb is not None and verb.depth > 0 and (
            verb.depth > framing.depth or _frames_whole_sentence(sent, framing))
        if framed and (source is None or (deeper_verb and verb.kind != "incise")):
            source, chosen = framed, framing
        elif framed and source and framed.type == "outlet" and source.type != "outlet":
            source = replace(source, via=(framed.speaker or framed.mention, *source.via))
    if source is None or chosen is None:
        return Attribution(None, "none")
    via = _vias(text, sent, source, quotes, resolver.outlets) if source.type != "outlet" else ()
    source = replace(source, via=via)
    cue, cue_span = _cue_text(text, sent, chosen)
    between = (source.span[0], cue_span[0]) if source.span[0] < cue_span[0] else None
    quote = _quote_in(quotes, sent.start, sent.end, text, between)
    if chosen.kind == "framing":
        mode = "according_to"
    else:
        mode = "direct" if quote else "indirect"
    confidence = 0.65 if source.resolved else 0.85
    return Attribution(source, mode, cue, cue_span, (quote.start, quote.end) if quote else None, confidence, True)


def _report_issuer(sent: ParsedSentence, resolver: Resolver) -> Source | None:
    """The issuer named by a sentence about "the report" ("Le rapport a été fourni … par X")."""
    lex = load()
    toks = sent.tokens
    first_noun = next((t for t in toks[:4] if t.upos in ("NOUN", "PROPN")), None)
    if first_noun is None or fold(first_noun.text) not in lex.document_nouns:
        return None
    for i, tok in enumerate(toks):
        if fold(tok.text) == "par" and i + 1 < len(toks):
            source = resolver.classify(sent, i + 1, extend_np(resolver.text, sent, i + 1))
            if source and source.type in ("named", "outlet"):
                return source
    return None


def dateline_outlet(paragraph_text: str) -> tuple[str, str] | None:
    """"Hasaka, SANA- …" or "PARIS (AFP) - …": the outlet that opens a dispatch."""
    match = _DATELINE.match(paragraph_text)
    if not match:
        return None
    name = (match.group("a") or match.group("b")).strip()
    lex = load()
    canonical = lex.outlet_name(name)
    if canonical is None and not (name.isupper() and 2 <= len(name) <= 8):
        return None
    return canonical or name, match.group(0).strip()


def attribute_document(
    text: str,
    sentences: list[ParsedSentence],
    kinds: list[str],
    paragraphs: list[int],
    quotes: list[Quote],
) -> list[Attribution | None]:
    """Attribution for each sentence (None for captions and boilerplate)."""
    registry = Registry()
    for sent in sentences:
        register_names(text, sent, registry)
    resolver = Resolver(text, registry)
    results: list[Attribution | None] = []
    for sent, kind in zip(sentences, kinds, strict=False):
        if kind not in ("claim", "headline"):
            results.append(None)
            continue
        attribution = attribute_sentence(text, sent, quotes, resolver)
        previous = results[-1] if results else None
        if attribution.source:
            resolver.remember(attribution.source)
        if previous and previous.source and previous.source.speaker == UNSPECIFIED:
            named_later = _report_issuer(sent, resolver)
            if named_later:  # "Il a été rapporté que … Le rapport a été fourni … par le New York Times."
                previous.source = replace(named_later, mention=previous.source.mention, span=previous.source.span)
        results.append(attribution)
    _spread_quotations(text, sentences, results, quotes)
    _spread_continuations(text, sentences, results, _written_in_first_person(text, sentences, kinds, quotes))
    _spread_quoted_neighbours(text, sentences, results, paragraphs)
    _spread_backward_references(text, sentences, kinds, results)
    _spread_colon_blocks(text, sentences, kinds, paragraphs, results)
    starts = [i == 0 or paragraphs[i] != paragraphs[i - 1] for i in range(len(sentences))]
    _spread_datelines(text, sentences, kinds, starts, results)
    _carry_relays(results)
    return results


def _carry_relays(results: list[Attribution | None]) -> None:
    """An interview or a dispatch relayed by an outlet goes on: the same speaker's following
    sentences keep its via ("…, a déclaré à la télévision d'État, TV Péru. Il a ajouté …"),
    until another source starts. The article's own sentences in between do not end it."""
    relay: Source | None = None
    for current in results:
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


_BACKWARD = re.compile(r"^c['’]est\s+(?:ce\s+qu|l['’]une\s+des|la\s+conclusion|ce\s+qui\s+ressort)", re.I)
_MAX_BACKWARD = 2


def _spread_backward_references(text: str, sentences: list[ParsedSentence], kinds: list[str],
                                results: list[Attribution | None]) -> None:
    """"C'est ce qu'a déclaré X", "C'est l'une des conclusions du rapport": the sentences just
    before, with no source of their own, are what X said."""
    for i, sent in enumerate(sentences):
        own = results[i]
        if own is None or own.source is None or not _BACKWARD.match(text[sent.start : sent.end]):
            continue
        for j in range(i - 1, max(-1, i - 1 - _MAX_BACKWARD), -1):
            if kinds[j] != "claim" or results[j] is None or results[j].source is not None:
                break
            results[j] = Attribution(own.source, "indirect", own.cue, own.cue_span, None, own.confidence - 0.15)


FIRST_PERSON = frozenset("je j' me m' moi mon ma mes nous notre nos".split())
FIRST_PERSON_SINGULAR = frozenset("je j' me m' moi mon ma mes".split())
_AUTHOR_FIRST_PERSON_SHARE = 0.2
_AUTHOR_FIRST_PERSON_MIN = 3


def _in_first_person(sent: ParsedSentence, words: frozenset[str] = FIRST_PERSON,
                     quotes: list[Quote] | None = None) -> bool:
    """A sentence spoken in the first person: a first-person pronoun or possessive (outside
    quotations when `quotes` is given)."""
    return any(fold(t.text) in words and not (quotes and any(q.start < t.start < q.end for q in quotes))
               for t in sent.tokens)


def _written_in_first_person(text: str, sentences: list[ParsedSentence], kinds: list[str],
                             quotes: list[Quote]) -> bool:
    """A memoir or a column: the author's own "je" outside quotations in a fifth of the
    sentences or more (and at least three). There the first person is the article's voice, not a speaker's."""
    claims = [s for s, k in zip(sentences, kinds, strict=False) if k == "claim"]
    mine = sum(1 for s in claims if _in_first_person(s, FIRST_PERSON_SINGULAR, quotes))
    return mine >= _AUTHOR_FIRST_PERSON_MIN and mine / len(claims) >= _AUTHOR_FIRST_PERSON_SHARE


def _spread_continuations(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                          author_first_person: bool) -> None:
    """A sentence with no cue of its own that goes on in a speaker's voice belongs to that
    speaker: a sentence that is all quotation after a quotation, or a sentence in the first
    person after any report ("… a affirmé Correa. Si je gagnais, ce serait mon dernier
    mandat."), unless the article itself is written in the first person. A sentence in the
    article's own voice ends the run."""
    owner: Attribution | None = None
    for i, sent in enumerate(sentences):
        current = results[i]
        if current is None:
            continue
        if current.source is not None:
            owner = current
            continue
        quoted = _is_quoted_sentence(text, sent) and owner is not None and owner.mode == "direct"
        if owner is not None and (quoted or (not author_first_person and _in_first_person(sent))):
            results[i] = Attribution(owner.source, "direct", owner.cue, owner.cue_span, None,
                                     owner.confidence - 0.1)
        else:
            owner = None


def _is_quoted_sentence(text: str, sent: ParsedSentence) -> bool:
    """A sentence that is all quotation: '"Mais c'est possible".'"""
    body = text[sent.start : sent.end].strip()
    return body[:1] in "«\"“" and bool(re.search(r"[»\"”][.!?…]?$", body))


def _spread_quoted_neighbours(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                              paragraphs: list[int]) -> None:
    """A sentence that is only a quotation, with no cue of its own, belongs to the speaker of
    the quotation next to it: the one before (a continued quote) or the one after (quotes
    strung together before "…", tempère X)."""
    def direct(i: int) -> Attribution | None:
        if 0 <= i < len(results) and results[i] and results[i].source and results[i].mode == "direct" \
                and abs(paragraphs[i] - paragraphs[i0]) <= 1:
            return results[i]
        return None

    for i0 in reversed(range(len(sentences))):
        current = results[i0]
        if current is None or current.source is not None or not _is_quoted_sentence(text, sentences[i0]):
            continue
        owner = direct(i0 - 1) or direct(i0 + 1)
        if owner:
            results[i0] = Attribution(owner.source, "direct", owner.cue, owner.cue_span, None,
                                      owner.confidence - 0.1)


def _spread_colon_blocks(text: str, sentences: list[ParsedSentence], kinds: list[str], paragraphs: list[int],
                         results: list[Attribution | None]) -> None:
    """"Infosperber note :" then a paragraph: the paragraph is what the source wrote."""
    for i, sent in enumerate(sentences):
        own = results[i]
        if own is None or own.source is None or not text[sent.start : sent.end].rstrip().endswith(":"):
            continue
        if i + 1 < len(sentences) and paragraphs[i + 1] == paragraphs[i]:
            continue  # the quotation follows in the same paragraph: the quotation rules hold
        next_paragraph = next((paragraphs[j] for j in range(i + 1, len(sentences))
                               if paragraphs[j] != paragraphs[i]), None)
        block = [j for j in range(i + 1, len(sentences)) if paragraphs[j] == next_paragraph]
        if not block or any(kinds[j] != "claim" for j in block):
            continue
        for j in block:
            if results[j] is not None and results[j].source is None:
                results[j] = Attribution(own.source, "direct", own.cue, own.cue_span, None, own.confidence - 0.1)


def _spread_quotations(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                       quotes: list[Quote]) -> None:
    """Every sentence of a quotation belongs to whoever the quotation is attributed to."""
    for quote in quotes:
        if quote.words(text) < _MIN_QUOTE_WORDS:
            continue
        members = [i for i, s in enumerate(sentences) if s.start < quote.end and quote.start < s.end
                   and results[i] is not None]
        if not members:
            continue
        owner = None
        for i in members:
            own = results[i]
            if own and own.own and own.source and own.cue_span and \
                    ((own.cue_span[0] >= quote.end - 1 and not own.source.span[0] < quote.start)
                     or own.cue_span[1] <= quote.start + 1 or _incise_inside(text, own.cue_span, quote)):
                owner = own
                break
        if owner is None:
            previous = members[0] - 1
            while previous >= 0 and results[previous] is None:
                previous -= 1
            if previous >= 0 and results[previous] and results[previous].mode == "direct" \
                    and results[previous].source and _starts_with_quote(text, sentences[members[0]], quote):
                owner = results[previous]
        if owner is None:
            continue
        for i in members:
            current = results[i]
            if current is not None and not current.own:
                results[i] = Attribution(owner.source, "direct", owner.cue, owner.cue_span,
                                         (quote.start, quote.end), owner.confidence - 0.05)
            elif current is not None and current is owner:
                current.mode = "direct"
                current.quote_span = (quote.start, quote.end)


def _incise_inside(text: str, cue_span: tuple[int, int], quote: Quote) -> bool:
    return quote.start < cue_span[0] and cue_span[1] < quote.end


def _starts_with_quote(text: str, sent: ParsedSentence, quote: Quote) -> bool:
    return quote.start <= sent.start + 1


def _spread_datelines(text: str, sentences: list[ParsedSentence], kinds: list[str],
                      paragraph_starts: list[bool], results: list[Attribution | None]) -> None:
    """A dateline's outlet speaks the dispatch's unsourced sentences and relays its sources,
    until a named source or a new headline takes over."""
    outlet = None
    for i, sent in enumerate(sentences):
        if kinds[i] == "headline":
            outlet = None
        if results[i] is None:
            continue
        if paragraph_starts[i]:
            found = dateline_outlet(text[sent.start : sent.end])
            if found:
                outlet = found
        if outlet is None:
            continue
        name, cue = outlet
        current = results[i]
        if current.source is None:
            results[i] = Attribution(Source(name, "outlet", name, (sent.start, sent.start)), "according_to",
                                     cue, None, None, 0.6)
        elif current.source.type == "named":
            outlet = None
        elif current.source.type == "unnamed" and fold(name) not in {fold(v) for v in current.source.via}:
            current.source = replace(current.source, via=(name, *current.source.via))
