"""One sentence's own attribution: its reporting verbs and framing cues, the source each names,
the outlets that relay it and the mode (direct, indirect, according_to).

A verb's report wins over a framing preposition unless the framing scopes over the verb
("Selon X, Y a déclaré …" keeps X only when X frames the whole sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimtrack.engine.lexicons import fold, fold_accents, load
from claimtrack.engine.speakers.mentions import Resolver
from claimtrack.engine.speakers.names import PARTICLES, Registry, name_runs
from claimtrack.engine.speakers.outlets import find_outlets, outlet_named_before
from claimtrack.engine.speakers.sources import VARIATION_REACH, Source
from claimtrack.engine.syntax.cues import Cue, citing_after, verb_cues
from claimtrack.engine.syntax.framing import colon_quote_cue, framing_cues
from claimtrack.engine.syntax.parsed import ParsedSentence, Token, span_text
from claimtrack.engine.syntax.phrases import extend_np
from claimtrack.engine.syntax.subjects import preposed_subject
from claimtrack.engine.syntax.verbgroup import aux_chain, has_clause_frame, verb_key
from claimtrack.engine.text.quotes import Quote

MIN_QUOTE_WORDS = 4
# where an outlet relays: spoken to ("à l'AFP", "au Monde"), on ("sur RTL"), by ("cité par",
# "interrogé par"), in ("dans Le Monde", "dans une interview au Figaro"), framing ("selon CNN"),
# or apposed to its kind ("la télévision d'État, TV Péru"); the kind may be qualified ("à
# l'agence de presse X", "au quotidien espagnol X"), and an interview is held with ("au cours
# de son entretien avec le X")
_RELAY_POSITION = re.compile(
    r"(?:\b(?:à|au|aux|sur|par|selon|d['’]après|dans|auprès\s+d[eu']|citant|invitée?s?\s+d[eu']|invitée?s?\s+sur)\s+"
    r"(?:(?:l['’]|le|la|les|une?|sa|son|ses|leur|leurs)\s*)?"
    r"(?:(?:interview|entretien|émission|antenne|ondes|site|compte|page|colonnes|plateau|édition|journal|quotidien"
    r"|chaîne|radio|télévision|magazine|hebdomadaire|agence|chronique|tribune|billet|éditorial|article|blog|micro)\s+"
    r"(?:(?:de\s+presse|d['’]information|[a-zà-öø-ÿ-]{3,})\s+){0,2}?"
    r"(?:accordée?\s+(?:à|au)\s+|de\s+|d['’]|du\s+)?"
    r"(?:(?:l['’]|le|la)\s*)?)?"
    r"|\b(?:interview|entretien|entrevue)s?\s+(?:(?:accordée?s?|exclusive?s?)\s+)?avec\s+(?:(?:l['’]|le|la)\s*)?"
    r"|,\s*|^\s*)$", re.IGNORECASE)
UNSPECIFIED = "source non précisée"


@dataclass
class Attribution:
    source: Source | None
    mode: str
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    quote_span: tuple[int, int] | None = None
    evidence: str = "none/plain"  # which rule decided it: the key of the calibration table
    own: bool = False  # found in the sentence itself, not inherited
    # another person's interview the sentence mentions ("des propos de X dans un entretien à Y"):
    # X and the outlets that relay what X says in the next sentences
    interview: tuple[str, tuple[str, ...]] | None = None


def _pick(cues: list[Cue], sent: ParsedSentence | None = None) -> Cue | None:
    """The outermost report: the shallowest cue, except that an incise closing the sentence
    frames everything before it ("Les chirurgiens ont dit qu'ils étaient outrés, a déclaré M.
    Camus": M. Camus)."""
    if not cues:
        return None
    if sent is not None:  # "Mme X, dont les propos ont été rapportés par Y, a dénoncé …": the main clause's cue
        cues = [c for c in cues if not _in_relative_clause(sent.tokens, c.words[0])] or cues
    last = max(cues, key=lambda c: c.anchor)
    if last.kind == "incise" and len(cues) > 1 and all(c.words[1] <= last.words[0] for c in cues if c is not last):
        return last
    return min(cues, key=lambda c: (c.depth, c.anchor))


def _in_relative_clause(toks: tuple[Token, ...], a: int) -> bool:
    """A verb group inside a relative clause opened by "dont" or "lequel" after a comma (", dont les
    propos ont été rapportés par …,"): it describes a mention, it is not the sentence's report. A
    clause opened by "qui" may well be the report (", qui a affirmé que …, a quitté la salle")."""
    for j in range(a - 1, max(-1, a - 8), -1):
        if toks[j].text in (",", ";", ":", "«", "»", '"'):
            return False
        if fold(toks[j].text) in ("dont", "lequel", "laquelle", "lesquels", "lesquelles") and j > 0 \
                and toks[j - 1].text == ",":
            return True
    return False


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
        if quote.start < end and start < quote.end and (quote.words(text) >= MIN_QUOTE_WORDS
                                                        or quote.start <= start):
            return quote
    return None


_INTERVIEW_BEFORE = re.compile(
    r"\b(?:dans|lors\s+d['’])\s*(?:une?|l['’]|son|sa)\s*(?:interview|entretien|entrevue)\s+"
    r"(?:(?:accordée?|donnée?)\s+)?(?:à|au|aux)\s+(?:(?:l['’]|le|la)\s*)?$", re.IGNORECASE)


def _interview_of(text: str, sent: ParsedSentence, source: Source, before: str, registry: Registry,
                  quotes: list[Quote]) -> str | None:
    """The person whose interview an outlet published, when the sentence names someone other
    than its speaker right before "dans un entretien à Y" ("le Kremlin a contesté des propos du
    général X dans un entretien à Y": Y relays X, not the Kremlin). A person named inside the
    quotation is what the speaker talks about ("« Si Bachar … », a dit le roi … dans une interview
    à la BBC": the BBC relays the king)."""
    match = _INTERVIEW_BEFORE.search(before)
    if match is None:
        return None
    limit = sent.start + match.start()
    people = [(a, b) for a, b in name_runs(sent) if sent.tokens[b - 1].end <= limit
              and any(t.ent == "PER" for t in sent.tokens[a:b])
              and not (source.span[0] <= sent.tokens[a].start < source.span[1])
              and not any(q.start < sent.tokens[a].start < q.end for q in quotes)]
    if not people:
        return None
    name = registry.canonical(span_text(text, sent, *people[-1]))
    return name if name != source.speaker else None


def _vias(text: str, sent: ParsedSentence, source: Source, quotes: list[Quote],
          outlets: frozenset[str], registry: Registry,
          interviews: list[tuple[str, str]] | None = None) -> tuple[str, ...]:
    """Outlets named in the sentence outside quotations and outside the speaker's mention; an
    outlet that published another person's interview goes to `interviews` instead."""
    found = list(source.via)
    body = text[sent.start : sent.end]
    for start, end, name in find_outlets(body, outlets):
        if not _RELAY_POSITION.search(body[:start]):
            continue  # "le fondateur de WikiLeaks" names an outlet that relays nothing
        interviewed = _interview_of(text, sent, source, body[:start], registry, quotes)
        if interviewed is not None:
            if interviews is not None:
                interviews.append((interviewed, name))
            continue
        start += sent.start
        end += sent.start
        if source.span[0] <= start < source.span[1]:
            continue
        if any(q.start < start < q.end for q in quotes):
            continue
        if name != source.speaker and name not in found:
            found.append(name)
    if not found:
        found.extend(_unnamed_outlets_spoken_to(text, sent, source.span, quotes, outlets)
                     or _channels_spoken_on(text, sent, source, quotes))
    return tuple(found)


def _channels_spoken_on(text: str, sent: ParsedSentence, source: Source, quotes: list[Quote]) -> list[str]:
    """"a déclaré sur Radio Sud", "a écrit sur Vox Populi": a name right after a reporting verb
    and "sur" is where the words were published, a channel the lexicon may not know. A place
    ("s'est exprimé sur Gaza") or a person is a topic, not a channel; a social network is the
    speaker's own post (lexicon), not a relay."""
    lex = load()
    toks = sent.tokens
    for i, tok in enumerate(toks[1:-1], 1):
        if fold(tok.text) != "sur" or source.span[0] <= tok.start < source.span[1]:
            continue
        if any(q.start < tok.start < q.end for q in quotes):
            continue
        verb = i - 1
        while verb > 0 and toks[verb].upos == "ADV":
            verb -= 1
        if toks[verb].upos != "VERB" or fold_accents(toks[verb].lemma) not in lex.verbs_by_folded:
            continue
        end = i + 1
        while end < len(toks) and toks[end].text[:1].isupper() and toks[end].upos in ("PROPN", "NOUN", "X", "ADJ"):
            end += 1
        name = text[toks[i + 1].start : toks[end - 1].end] if end > i + 1 else ""
        if not name or fold(name) in lex.platforms or any(t.ent in ("LOC", "PER") for t in toks[i + 1 : end]):
            continue
        return [name]
    return []


def _unnamed_outlets_spoken_to(text: str, sent: ParsedSentence, speaker_span: tuple[int, int], quotes: list[Quote],
                               outlets: frozenset[str]) -> list[str]:
    """"a déclaré à un journal du dimanche", "a confié à une radio locale": an outlet the article
    does not name relays the speaker (whose mention is `speaker_span`) all the same."""
    lex = load()
    toks = sent.tokens
    found = []
    for i, tok in enumerate(toks[:-2]):
        if fold(tok.text) not in ("à", "au", "aux") or speaker_span[0] <= tok.start < speaker_span[1]:
            continue
        if any(q.start < tok.start < q.end for q in quotes):
            continue
        det = i + 1 if toks[i + 1].upos in ("DET", "NUM") else None  # "à une radio", "à trois chaînes arabes"
        noun = (det or i) + 1
        if noun >= len(toks) or fold(toks[noun].text) not in lex.outlet_nouns or fold(toks[noun].text) == "presse":
            continue
        end = extend_np(text, sent, noun)
        if any(t.text[:1].isupper() and not _owner_complement(toks, k) for k, t in enumerate(toks[noun:end], noun)):
            continue  # a named outlet: the lexicon or the context found it, or it is not one
        if (det is not None and fold(toks[det].text) in ("le", "la", "l'")) or fold(tok.text) == "au":
            # "à l'hebdomadaire britannique": the outlet the article named last, not a new one
            earlier = outlet_named_before(text, tok.start, VARIATION_REACH, outlets)
            if earlier:
                found.append(earlier)
                continue
        start = toks[det].start if det is not None and fold(toks[i].text) == "à" else toks[noun].start
        found.append(text[start:toks[end - 1].end])
    return found[:1]


def _owner_complement(toks: tuple[Token, ...], k: int) -> bool:
    """A capitalised word after "de" / "d'" / "du" in an outlet's description says whose it is
    ("la télévision d'État", "la radio de l'Armée"), it does not name the outlet."""
    before = fold(toks[k - 1].text) if k > 0 else ""
    if before in ("l'", "la", "le") and k > 1:
        before = fold(toks[k - 2].text)
    return before in ("de", "d'", "du")


_INTERVIEW_NOUNS = frozenset("entretien interview entrevue".split())


_APPEARANCE = re.compile(r"^\s*(?:lors|au\s+cours)\s+d(?:e\s+|['’])(?:sa|son)\s+(?:\w+\s+)?"
                         r"(?:apparition|entrevue|entretien|interview|passage)\b", re.IGNORECASE)


def _granted_interview(text: str, sent: ParsedSentence, resolver: Resolver) -> tuple[str, tuple[str, ...]] | None:
    """"Le ministre X a accordé un entretien au Figaro", "une interview que X a donnée à trois
    chaînes arabes", "Lors de son apparition sur la chaîne ABC, X a …": no report yet, but what
    X says next the outlet relays (a named one, or one the article describes)."""
    toks = sent.tokens
    for v, tok in enumerate(toks):
        if tok.upos != "VERB":
            continue
        giving = fold(tok.lemma) in ("accorder", "donner")
        if giving:
            # "a accordé un entretien", or "une interview que X a donnée"
            granted = any(fold(t.text) in _INTERVIEW_NOUNS for t in toks[v + 1 : v + 4]) or (
                any(fold(t.text) in _INTERVIEW_NOUNS for t in toks[max(0, v - 6) : v])
                and any(fold(t.text) in ("que", "qu'") for t in toks[max(0, v - 5) : v]))
        else:  # the sentence's main verb after "Lors de son apparition sur …"
            granted = tok.deprel == "root" and bool(_APPEARANCE.match(text[sent.start : tok.start]))
        if not granted:
            continue
        subject = preposed_subject(text, sent, v, aux_chain(toks, v))
        source = resolver.classify(sent, *subject) if subject and subject[0] < subject[1] else None
        if source is None or source.type not in ("named", "unnamed"):
            continue
        after = toks[v].end if giving else sent.start
        outlets = [name for _, _, name in find_outlets(text[after : sent.end], resolver.outlets)] or \
            _unnamed_outlets_spoken_to(text, sent, (0, 0), [], resolver.outlets)
        if outlets:
            return source.speaker or source.mention, (outlets[0],)
    return None


def _cited_object(text: str, sent: ParsedSentence, verb: Cue) -> tuple[int, int] | None:
    """The source an outlet cites: the object of "citer" ("Le Times, qui cite des responsables
    anonymes, …", "CNN cite un diplomate"); the outlet relays it (GUIDE: "X a cité Y")."""
    toks = sent.tokens
    if fold(toks[verb.anchor].lemma) != "citer":
        return None
    start = verb.words[1]
    if start >= len(toks) or not (toks[start].upos in ("DET", "PROPN", "NUM") or toks[start].text[:1].isupper()):
        return None
    end = extend_np(text, sent, start)
    end = next((k for k in range(start + 1, end) if toks[k].text == ","), end)  # "…, Washington envisage"
    return start, end


def _frames_whole_sentence(sent: ParsedSentence, framing: Cue) -> bool:
    """"Selon X, …" opening a sentence or ", selon X." closing it scopes over all of it,
    whatever the parser attached it to."""
    toks = sent.tokens
    if framing.anchor <= 1:
        return True
    end = framing.subject[1] if framing.subject else framing.words[1]
    closing = end >= len(toks) or all(t.upos == "PUNCT" for t in toks[end:])
    return closing and framing.anchor > 0 and toks[framing.anchor - 1].text == ","


def _written_out(source: Source) -> bool:
    """A person's full name written in the mention itself ("a déclaré Ella Dinkins")."""
    words = (source.speaker or "").split()
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in PARTICLES or "-" in w for w in words) \
        and (source.speaker or "") in source.mention


def _vouching_verb(sent: ParsedSentence, verb: Cue, quotes: list[Quote]) -> str | None:
    """The verb that vouches for its subject's noun (descriptions.vouched_by_verb), when the parse
    leaves no doubt that the noun is who speaks: the parser's own subject of the active verb,
    before it, and a clause or a quotation for what is said ("Ses alliés affirment que …"). An
    incise's inverted subject, a passive's agent ("assurée par un robot"), a noun inside a
    relative clause the verb follows ("une société qui personnalise les voitures de luxe, a
    déclaré") or an object's reading ("accusèrent une baisse", "raconte l'histoire") get none."""
    if verb.kind != "preposed" or verb.subject is None:
        return None
    toks = sent.tokens
    a, b = verb.subject
    if not any(t.head == verb.anchor and t.deprel.startswith("nsubj") and t.upos in ("NOUN", "PROPN")
               for t in toks[a:b]):
        return None
    if not has_clause_frame(toks, verb.words[1], quotes, infinitive=False):
        return None
    return verb_key(toks, verb.anchor)


def attribute_sentence(text: str, sent: ParsedSentence, quotes: list[Quote], resolver: Resolver) -> Attribution:
    verb = _pick(verb_cues(text, sent, quotes), sent) or colon_quote_cue(text, sent)
    framing = _pick(framing_cues(text, sent, quotes))
    chosen, source = None, None
    if verb and verb.kind == "impersonal":
        toks = sent.tokens
        span = (toks[verb.words[0]].start, toks[verb.words[1] - 1].end)
        source = Source(UNSPECIFIED, "unnamed", text[span[0] : span[1]], span)
        chosen = verb
    elif verb:
        source = resolver.classify(sent, *verb.subject, verb=_vouching_verb(sent, verb, quotes))
        citing = verb.citing or (_cited_object(text, sent, verb) if source and source.type == "outlet" else None)
        if source and citing:
            relayed = resolver.classify(sent, *citing)
            if relayed and source.type == "outlet" and relayed.type != "outlet":
                source = replace(relayed, via=(source.speaker or source.mention,))
        chosen = verb
    if framing:
        framed = resolver.classify(sent, *framing.subject)
        cited = citing_after(text, sent, framing.subject[1]) if framed and framed.type == "outlet" else None
        relayed = resolver.classify(sent, *cited) if cited else None
        if relayed and relayed.type != "outlet":  # "Selon Reuters, citant des sources diplomatiques, …"
            framed = replace(relayed, via=(framed.speaker or framed.mention, *relayed.via))
        deeper_verb = verb is not None and verb.depth > 0 and (
            verb.depth > framing.depth or _frames_whole_sentence(sent, framing))
        weak_verb = source is not None and source.speaker == "on"  # "De source diplomatique, on indique"
        # "Selon le Times, qui cite des banquiers, …": the framed outlet relays whom it cites
        cited_by_framed = framed is not None and source is not None and (framed.speaker or framed.mention) in source.via
        # "Le suspect aurait avoué, selon une source proche de l'enquête": a source (not an outlet, which
        # relays) framing the whole sentence is the outermost speaker (GUIDE: nested reports)
        outer_frame = verb is not None and verb.kind != "incise" and framed is not None \
            and framed.type != "outlet" and _frames_whole_sentence(sent, framing)
        if framed and not cited_by_framed and (source is None or weak_verb or outer_frame
                                               or (deeper_verb and verb.kind != "incise")):
            source, chosen = framed, framing
        elif framed and source and framed.type == "outlet" and source.type != "outlet" \
                and (framed.speaker or framed.mention) not in source.via:
            source = replace(source, via=(framed.speaker or framed.mention, *source.via))
    if source is None or chosen is None:
        return Attribution(None, "none", interview=_granted_interview(text, sent, resolver))
    interviews: list[tuple[str, str]] = []
    via = _vias(text, sent, source, quotes, resolver.outlets, resolver.registry, interviews) \
        if source.type != "outlet" else ()
    source = replace(source, via=via)
    cue, cue_span = _cue_text(text, sent, chosen)
    between = (source.span[0], cue_span[0]) if source.span[0] < cue_span[0] else None
    quote = _quote_in(quotes, sent.start, sent.end, text, between)
    if chosen.kind == "framing":
        mode = "according_to"
    else:
        mode = "direct" if quote else "indirect"
    evidence = f"{source.resolved or chosen.kind}/{source.type}"
    if source.type == "named" and not source.resolved and _written_out(source):
        evidence += "+name"  # the person's full name is in the sentence: the surest kind of source
    interview = (interviews[0][0], tuple(name for _person, name in interviews)) if interviews else None
    return Attribution(source, mode, cue, cue_span, (quote.start, quote.end) if quote else None, evidence, True,
                       interview)


