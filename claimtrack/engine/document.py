"""Document-level attribution: each sentence's own cues first, then what a reader carries from
sentence to sentence.

The order mirrors how a reader attributes: sentence by sentence in document order (so "il" and
"le communiqué" resolve to what came before), then every sentence inside a quotation takes the
quotation's speaker, sentences that go on in a speaker's voice take that speaker, a dateline's
outlet covers its dispatch, and a relayed interview keeps its via.
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import replace

from claimtrack.engine.attribution import MIN_QUOTE_WORDS, UNSPECIFIED, Attribution, attribute_sentence
from claimtrack.engine.carried import Carried
from claimtrack.engine.continuations import (
    FIRST_PERSON_SINGULAR,
    in_first_person,
    is_quoted_sentence,
    spread_continuations,
    written_in_first_person,
)
from claimtrack.engine.interviews import spread_interview_answers
from claimtrack.engine.lexicons import fold, fold_accents, load
from claimtrack.engine.relays import carry_relays, spread_granted_interviews, spread_interviewers
from claimtrack.engine.speakers.mentions import Resolver
from claimtrack.engine.speakers.names import Registry
from claimtrack.engine.speakers.registering import register_names
from claimtrack.engine.speakers.sources import Source
from claimtrack.engine.syntax.parsed import ParsedSentence
from claimtrack.engine.syntax.phrases import extend_np
from claimtrack.engine.text.kinds import ends_unfinished, signature_name
from claimtrack.engine.text.quotes import Quote, QuoteIndex

_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’. -]{1,40}?)\s*(?:,\s*(?P<a>[A-Z][\w.-]{1,30})\s*[-–—]|\((?P<b>[^)]{2,30})\)\s*[-–—])\s"
)

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
    own_results: list[Attribution | None] | None = None,
    carried: Carried | None = None,
) -> list[Attribution | None]:
    """Attribution for each sentence (None for captions and boilerplate). `own_results`, when
    given, receives what each sentence said by itself, before speakers spread across sentences:
    the learned decision layer weighs both. `carried` is the context of the pieces before, when
    a long document comes in pieces (claimtrack.engine.carried); by default the sentences are
    the whole document."""
    carried = carried if carried is not None else Carried.of(text)
    registry, resolver = carried.registry, carried.resolver
    index = QuoteIndex(quotes)
    for sent in sentences:
        register_names(text, sent, registry, index.covering)
    results: list[Attribution | None] = []
    for sent, kind in zip(sentences, kinds, strict=False):
        if kind not in ("claim", "headline"):
            results.append(None)
            continue
        attribution = attribute_sentence(text, sent, index.overlapping(sent.start, sent.end), resolver)
        previous = results[-1] if results else None
        if attribution.source:
            resolver.remember(attribution.source)
        else:
            resolver.note_subject(sent)
        resolver.note_documents(sent)
        if previous and previous.source and previous.source.speaker == UNSPECIFIED:
            named_later = _report_issuer(sent, resolver)
            if named_later:  # "Il a été rapporté que … Le rapport a été fourni … par le New York Times."
                previous.source = replace(named_later, mention=previous.source.mention, span=previous.source.span)
        results.append(attribution)
    if own_results is not None:
        own_results.extend(copy.copy(r) for r in results)
    _spread_quotations(text, sentences, results, quotes)
    carry_relays(results)  # an interview's via, which tells the continuation rules it is relayed
    spread_continuations(text, sentences, results, written_in_first_person(text, sentences, kinds, index))
    _spread_quoted_neighbours(text, sentences, results, paragraphs)
    _spread_introduced_quotations(text, sentences, results, quotes, registry)
    _spread_partial_quotations(text, sentences, results, index, registry)
    _spread_repeated_quotations(text, sentences, results, index)
    _spread_backward_references(text, sentences, kinds, results)
    _spread_colon_blocks(text, sentences, kinds, paragraphs, results)
    starts = [i == 0 or paragraphs[i] != paragraphs[i - 1] for i in range(len(sentences))]
    _spread_datelines(text, sentences, kinds, starts, results)
    spread_interviewers(text, sentences, kinds, results, resolver.outlets)
    carry_relays(results)
    spread_granted_interviews(text, sentences, results)
    spread_interview_answers(text, sentences, kinds, paragraphs, results, registry)
    _attribute_pull_quotes(text, sentences, kinds, results, index)
    _sign_boxes(text, sentences, kinds, results, registry)
    _label_unsourced(text, sentences, results, index)
    renamed = resolver.groups.final_names()
    for attribution in (*results, *(own_results or ())):
        _name_group_once(attribution, renamed)
    return results


def _name_group_once(attribution: Attribution | None, renamed: dict[str, str]) -> None:
    """An unnamed group gets one speaker in the whole article (GUIDE §2), known only once the
    article is read: "la défense" said first, "les avocats de M. Hayes" described fully later."""
    source = attribution.source if attribution is not None else None
    if source is not None and source.type == "unnamed" and source.speaker in renamed:
        attribution.source = replace(source, speaker=renamed[source.speaker])


_BOX_LINES = 3  # lines of a signed box, at most


def _sign_boxes(text: str, sentences: list[ParsedSentence], kinds: list[str], results: list[Attribution | None],
                registry: Registry) -> None:
    """A box or pull quote signed under it ("… ensuite ils se retrouvent en Sibérie" / "Victor
    Baranets, observateur et ancien militaire"): the signature's person says the lines above,
    the last one left without a full stop, and those before it written in the first person.
    Lines with a source of their own keep it."""
    for i, sent in enumerate(sentences):
        name = signature_name(text[sent.start : sent.end]) if kinds[i] == "caption" and i else None
        person = registry.person(registry.canonical(name)) if name else None
        above = sentences[i - 1]
        if person is None or not person.human or not ends_unfinished(text[above.start : above.end]):
            continue
        source = Source(person.name, "named", name, (sent.start, sent.start + len(name)), role=person.role)
        for k in range(i - 1, max(-1, i - 1 - _BOX_LINES), -1):
            current = results[k]
            line = text[sentences[k].start : sentences[k].end]
            if current is None or current.own or not (k == i - 1 or in_first_person(sentences[k], FIRST_PERSON_SINGULAR)
                                                       or ends_unfinished(line)):
                break
            results[k] = Attribution(source, "direct", text[sent.start : sent.end].strip(), (sent.start, sent.end),
                                     None, "signed-box/named")


_PULL_QUOTE_REACH = 12  # sentences
_SECTION_REACH = 40  # sentences: how far the section under a subheading is searched, up to the next subheading


def _attribute_pull_quotes(text: str, sentences: list[ParsedSentence], kinds: list[str],
                           results: list[Attribution | None], index: QuoteIndex) -> None:
    """A quoted subheading (« Nous allons relever ce défi ») opens a section: it repeats words of
    a quotation further on, whose speaker it is, and never goes on with the quotation before it.
    With no such quotation it is the article's own title. A subheading quoting a few words (La
    communauté internationale « fortement » préoccupée) is the speaker's of the later quotation
    that holds them; with none it keeps what it had."""
    for i, sent in enumerate(sentences):
        current = results[i]
        if kinds[i] != "headline" or current is None or current.own:
            continue
        whole = is_quoted_sentence(text, sent)
        quoted = [text[q.start : q.end] for q in index.overlapping(sent.start, sent.end)]
        fragments = [_folded_words(text[sent.start : sent.end])] if whole else [_folded_words(q) for q in quoted]
        fragments = [f for f in fragments if f]
        if not fragments:
            continue
        reach = _PULL_QUOTE_REACH
        if not whole:  # the section the subheading opens, up to the next subheading
            reach = next((k for k in range(1, _SECTION_REACH) if i + k >= len(sentences) or kinds[i + k] == "headline"),
                         _SECTION_REACH)
        owner = next((results[j] for j in range(i + 1, min(len(sentences), i + 1 + reach))
                      if results[j] is not None and results[j].source is not None
                      and (results[j].mode == "direct" or not whole)
                      and _quotes_words(text, sentences[j], index, fragments)), None)
        if owner is not None:
            results[i] = Attribution(owner.source, "direct", owner.cue, owner.cue_span, None,
                                     f"pull-quote/{owner.source.type}")
        elif whole:
            results[i] = Attribution(None, "none")


def _quotes_words(text: str, sent: ParsedSentence, index: QuoteIndex, fragments: list[str]) -> bool:
    """Whether a quotation of the sentence holds all the words of one of the fragments."""
    quoted = [_folded_words(text[q.start : q.end]) for q in index.overlapping(sent.start, sent.end)]
    return any(f" {fragment} " in f" {words} " for fragment in fragments for words in quoted)


def _folded_words(passage: str) -> str:
    return " ".join(re.findall(r"\w+", fold_accents(passage)))


def _label_unsourced(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                     index: QuoteIndex) -> None:
    """Why a sentence was left to the article's own voice, so that its confidence says how sure
    that is: a sentence with a quotation, in the first person, or right after a report is more
    often someone's words than a plain one."""
    for i, sent in enumerate(sentences):
        current = results[i]
        if current is None or current.source is not None:
            continue
        previous = next((results[j] for j in range(i - 1, -1, -1) if results[j] is not None), None)
        if any(q.words(text) >= MIN_QUOTE_WORDS for q in index.overlapping(sent.start, sent.end)):
            current.evidence = "none/quoted"
        elif in_first_person(sent):
            current.evidence = "none/first-person"
        elif previous is not None and previous.source is not None:
            current.evidence = "none/after-report"
        else:
            current.evidence = "none/plain"

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
            results[j] = Attribution(own.source, "indirect", own.cue, own.cue_span, None, f"backward/{own.source.type}")

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
        if current is None or current.source is not None or not is_quoted_sentence(text, sentences[i0]):
            continue
        owner = direct(i0 - 1) or direct(i0 + 1)
        if owner:
            results[i0] = Attribution(owner.source, "direct", owner.cue, owner.cue_span, None,
                                      f"neighbour/{owner.source.type}")

_REPEATED_QUOTE_WORDS = 3


def _spread_repeated_quotations(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                                index: QuoteIndex) -> None:
    """A lede quotes a few words ('Les nouvelles "sont très positives", a assuré son fils'), the
    next sentence gives them whole without marks ("Les nouvelles sont très positives."): the
    sentence that repeats the quoted words is the same speaker's."""
    for i in range(1, len(sentences)):
        current, previous = results[i], results[i - 1]
        if current is None or current.source is not None or previous is None or previous.source is None:
            continue
        here = f" {_folded_words(text[sentences[i].start : sentences[i].end])} "
        quoted = [_folded_words(text[q.start : q.end]) for q in index.overlapping(sentences[i - 1].start,
                                                                                   sentences[i - 1].end)]
        if any(len(words.split()) >= _REPEATED_QUOTE_WORDS and f" {words} " in here for words in quoted):
            results[i] = Attribution(previous.source, "direct", previous.cue, previous.cue_span, None,
                                     f"repeated-quote/{previous.source.type}")


def _spread_partial_quotations(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                               index: QuoteIndex, registry: Registry) -> None:
    """A sentence with no cue that weaves in a quotation right after a report ('… analyse-t-il.
    En « exagérant le rôle syrien », Paris cherche à …') goes on citing the same source: a
    reported part makes the sentence the speaker's (guide: a sentence with a reported part and
    an editorial part belongs to its reported speaker). Short quoted words (a title, a scare
    quote) are not a quotation."""
    previous: Attribution | None = None
    for i, sent in enumerate(sentences):
        current = results[i]
        if current is None:
            continue
        if current.source is None and previous is not None and previous.source is not None \
                and any(q.words(text) >= MIN_QUOTE_WORDS and not _quoted_name_or_title(text, q)
                        and not _quoted_term(text, sent, q) for q in index.overlapping(sent.start, sent.end)):
            source = _named_subject(text, sent, registry) or previous.source
            current = results[i] = Attribution(source, "direct", previous.cue, previous.cue_span, None,
                                               f"partial-quote/{source.type}")
        previous = current


_TITLE_CAPITALS = 0.5


def _quoted_name_or_title(text: str, quote: Quote) -> bool:
    """A quoted name or title ("Wonderland: Young, Bright and on the Right", "Oxford University
    Conservative Association"): most of its words capitalised, nobody's words."""
    words = re.findall(r"[^\W\d_]+", text[quote.start : quote.end])
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= _TITLE_CAPITALS


_SPEAKER_PRONOUNS = frozenset(("il", "elle", "ils", "elles"))
_TERM_DETERMINERS = frozenset("un une le la les l' des du d'un d'une ce cet cette ces son sa ses".split())


def _quoted_term(text: str, sent: ParsedSentence, quote: Quote) -> bool:
    """Quotation marks around a term or a title, not around anyone's words: the article's own
    determiner before the opening mark ('étudie un « mécanisme de protection des civils »', 'la
    mise en place d'une « permanence de soins »'), or a capital opening the quoted words in the
    middle of a sentence, not after a colon ('le premier manuel, « Une histoire du Kampuchea
    démocratique »', 'l'ouvrage « La fin du monde »'). Quoted speech woven into a sentence
    starts in lower case and carries its own determiner ('a applaudi « le succès » de …')."""
    before = text[max(sent.start, quote.start - 12) : quote.start].rstrip()
    words = before.split()
    if words and fold(words[-1]) in _TERM_DETERMINERS:
        # unless the speaker goes on as "il": 'Il détecte une « étroitesse des valeurs clés »'
        return not any(t.deprel.startswith("nsubj") and t.lower in _SPEAKER_PRONOUNS
                       and sent.tokens[t.head].deprel == "root" for t in sent.tokens)
    opening = text[quote.start : quote.end].lstrip("«»\"“”„ \u00a0")
    return bool(opening[:1].isupper()) and bool(before) and not before.endswith((":", "«", '"', "“", "—", "–", "-"))


def _named_subject(text: str, sent: ParsedSentence, registry: Registry) -> Source | None:
    """The person the main clause names as its subject ('La ministre, Ana Ruiz, a salué « … »'):
    the one whose words the sentence weaves in, rather than the previous speaker."""
    toks = sent.tokens
    root = next((t for t in toks if t.head == t.i), None)
    subject = next((t for t in toks if root and t.head == root.i and t.deprel == "nsubj"), None)
    if subject is None and root is not None and root.ent == "PER":
        subject = root  # "Paul Roy, 45 ans, est agriculteur": the parser made the name the root
    if subject is None:
        return None
    person = [t for t in toks if t.ent == "PER" and sent.dominates(subject.i, t.i)]
    if not person:
        return None
    run = [person[0]]
    for t in person[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    name = registry.canonical(text[run[0].start : run[-1].end])
    return Source(name, "named", text[run[0].start : run[-1].end], (run[0].start, run[-1].end))


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
                results[j] = Attribution(own.source, "direct", own.cue, own.cue_span, None,
                                         f"colon-block/{own.source.type}")

def _spread_quotations(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                       quotes: list[Quote]) -> None:
    """Every sentence of a quotation belongs to whoever the quotation is attributed to."""
    ends = [s.end for s in sentences]  # sentences come in document order
    for quote in quotes:
        if quote.words(text) < MIN_QUOTE_WORDS:
            continue
        members = []
        for i in range(bisect.bisect_right(ends, quote.start), len(sentences)):
            if sentences[i].start >= quote.end:
                break
            if results[i] is not None:
                members.append(i)
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
                                         (quote.start, quote.end), f"quotation/{owner.source.type}")
            elif current is not None and current is owner:
                current.mode = "direct"
                current.quote_span = (quote.start, quote.end)

def _spread_introduced_quotations(text: str, sentences: list[ParsedSentence], results: list[Attribution | None],
                                  quotes: list[Quote], registry: Registry) -> None:
    """A quotation still without a speaker, standing as sentences of its own right after a
    sentence: the person that sentence brought in says it (news bring a person in, then quote them)."""
    ends = [s.end for s in sentences]
    for quote in quotes:
        first = bisect.bisect_right(ends, quote.start)
        if first == 0 or first >= len(sentences) or results[first - 1] is None:
            continue
        members = [i for i in range(first, len(sentences)) if sentences[i].start < quote.end]
        if not members or any(results[i] is None or results[i].source is not None for i in members):
            continue
        if not _starts_with_quote(text, sentences[first], quote) or not _whole_sentences(text, sentences, members,
                                                                                         quote):
            continue
        owner = _introducer(text, sentences[first - 1], results[first - 1], registry)
        if owner is None:
            continue
        for i in members:
            results[i] = Attribution(owner.source, "direct", owner.cue, owner.cue_span, (quote.start, quote.end),
                                     owner.evidence)


def _whole_sentences(text: str, sentences: list[ParsedSentence], members: list[int], quote: Quote) -> bool:
    """A quotation standing as sentences of its own: nothing but the quotation from the start of
    its first sentence to the end of its last."""
    tail = text[quote.end : sentences[members[-1]].end]
    return quote.words(text) >= MIN_QUOTE_WORDS and not any(ch.isalpha() for ch in tail)


def _introducer(text: str, sent: ParsedSentence, previous: Attribution, registry: Registry) -> Attribution | None:
    """Who a quotation with no cue of its own belongs to, right after the sentence that brings
    them in ("Paul Roy, 45 ans, est agriculteur dans le Gers. « Je n'ai jamais vu … »"): that
    sentence's source, or the person its main clause has as subject."""
    source = previous.source or _named_subject(text, sent, registry)
    if source is None:
        return None
    return Attribution(source, "direct", previous.cue, previous.cue_span, None, f"introduced/{source.type}")


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
        opens = False
        if paragraph_starts[i]:
            found = dateline_outlet(text[sent.start : sent.end])
            if found:
                outlet, opens = found, True
        if outlet is None:
            continue
        name, cue = outlet
        current = results[i]
        if current.source is None:
            results[i] = Attribution(Source(name, "outlet", name, (sent.start, sent.start)), "according_to",
                                     cue, None, None, "dateline/outlet")
        elif current.source.type == "named" and opens:
            # "MOSCOU (AFP) - Le Kremlin a démenti …": the dispatch's first source, relayed by its outlet
            relayed = {fold(v) for v in current.source.via} | {fold(current.source.speaker or "")}
            if fold(name) not in relayed:
                current.source = replace(current.source, via=(name, *current.source.via))
        elif current.source.type == "named":
            outlet = None
        elif current.source.type == "unnamed" and fold(name) not in {fold(v) for v in current.source.via}:
            current.source = replace(current.source, via=(name, *current.source.via))
