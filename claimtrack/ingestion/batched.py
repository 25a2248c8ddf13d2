"""Analysis of several documents at a time in this process, for `ingest --jobs 1`.

A one-line article alone costs the parser its whole per-call overhead (about as much as the
article's own parse): documents are analysed a window at a time (`Analyzer.analyze_many`, one
parser call for all their sentences), ahead of the one being stored. As with worker processes
(claimtrack.ingestion.parallel), a document's analysis depends on the site furniture known
when it is stored: a window is analysed with the furniture known when it starts, and a
document one of whose lines changed status meanwhile is analysed again at its turn. The
results are those of one document at a time (tested).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import select

from claimtrack.engine import Analysis, Analyzer
from claimtrack.engine.pipeline import Request, comes_in_pieces
from claimtrack.engine.text.kinds import normalise_line
from claimtrack.ingestion.reading import SourceText, Unreadable
from claimtrack.store.db import IN_CHUNK, Database
from claimtrack.store.models import Document

WINDOW_DOCUMENTS = 32  # documents analysed together
WINDOW_CHARACTERS = 400_000  # and no more text than this at once: long articles go one by one


def analyse_here(analyzer: Analyzer, source: SourceText, known: frozenset[str]) -> Analysis:
    """A document analysed in this process with the furniture known at its turn: when it was
    not analysed ahead, or the analysis made ahead no longer holds."""
    return analyzer.analyze(source.text, name=source.name, known_boilerplate=known,
                            known_captions=source.caption_lines)


def still_valid(source: SourceText, analysis: Analysis, known: frozenset[str], sent_known: frozenset[str]) -> bool:
    """Whether an analysis made with the furniture `sent_known` is the one `known` would give:
    none of the document's lines changed status in between."""
    lines = {normalise_line(line) for line in source.text.splitlines() if line.strip()}
    lines |= {normalise_line(segment.text) for segment in analysis.segments}
    return not lines & (known ^ sent_known)


def worth_analysing(database: Database, reprocess: bool,
                    items: list[tuple[int, SourceText | Unreadable]]) -> list[tuple[int, SourceText]]:
    """Of documents read ahead, those to analyse ahead: readable, of ordinary length (a long one
    is analysed piece by piece as it is stored) and, unless reprocessing, not in the store yet
    (asked in one query for them all, not one per document). ingest says why of the others."""
    readable = [(index, source) for index, source in items
                if isinstance(source, SourceText) and not comes_in_pieces(source.text)]
    if reprocess or not readable:
        return readable
    stored: set[str] = set()
    hashes = sorted({source.sha256 for _, source in readable})
    with database.session() as session:
        for start in range(0, len(hashes), IN_CHUNK):
            stored.update(session.scalars(select(Document.sha256)
                                          .where(Document.sha256.in_(hashes[start:start + IN_CHUNK]))))
    return [(index, source) for index, source in readable if source.sha256 not in stored]


class BatchedAnalyses:
    """The next window of documents, analysed together when the last one has been taken."""

    def __init__(self, analyzer: Analyzer, database: Database, reprocess: bool) -> None:
        self.analyzer = analyzer
        self.database = database
        self.reprocess = reprocess
        self.pending: dict[int, tuple[Analysis, frozenset[str]]] = {}
        self.turn = -1  # the index of the document whose turn it is

    def prime(self, ahead: Iterator[tuple[int, SourceText | Unreadable]], furniture) -> None:
        """Analyse the next window once the previous one is used up (a document whose turn passed
        without its analysis, stored meanwhile under another name, uses up its place too)."""
        self.pending = {index: made for index, made in self.pending.items() if index > self.turn}
        if self.pending:
            return
        taken: list[tuple[int, SourceText | Unreadable]] = []
        characters = 0
        while len(taken) < WINDOW_DOCUMENTS and characters < WINDOW_CHARACTERS:
            item = next(ahead, None)
            if item is None:
                break
            taken.append(item)
            characters += len(item[1].text) if isinstance(item[1], SourceText) else 0
        window = worth_analysing(self.database, self.reprocess, taken)
        if not window:
            return
        known = furniture.known()
        analyses = self.analyzer.analyze_many([Request(source.text, source.name, known, source.caption_lines)
                                               for _, source in window])
        for (index, _), analysis in zip(window, analyses, strict=True):
            self.pending[index] = (analysis, known)

    def getter(self, index: int, source: SourceText, furniture) -> Callable[[frozenset[str]], Analysis]:
        """What ingest_one calls with the furniture known at the document's turn."""
        self.turn = index

        def analysis_for(known: frozenset[str]) -> Analysis:
            made = self.pending.pop(index, None)
            if made is not None and still_valid(source, made[0], known, made[1]):
                return made[0]
            return analyse_here(self.analyzer, source, known)
        return analysis_for

    def close(self) -> None:
        self.pending.clear()
