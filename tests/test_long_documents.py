"""A long document is analysed and stored in pieces of whole paragraphs, so that memory stays
bounded whatever its length: the pieces cover the text, carry names and speakers across, give
the claims of a whole analysis but for the odd sentence at a boundary, and are stored in the
document's one transaction, by every ingest path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimtrack.engine.pipeline as pipeline
from claimtrack.cli import main
from claimtrack.engine import Request
from claimtrack.engine.pipeline import _Prepared
from claimtrack.identity import speaker_key
from tests.conftest import SEEDS

PIECE = 4000  # characters a piece holds in these tests (a real one holds PIECE_CHARS)


def _long_text(copies: int = 6) -> str:
    """The seed articles several times over, one document of over 500 claims (past a chunk of
    the store's look-ups), each copy told apart by a line of its own."""
    seeds = [p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))]
    return "\n\n".join(f"{seed}\n\nFin de la partie {n}-{k}." for n in range(copies)
                       for k, seed in enumerate(seeds)) + "\n"


def test_pieces_cover_the_text_and_cut_between_paragraphs():
    text = _long_text(2)
    prepared = _Prepared.of(Request(text))
    pieces = prepared.pieces(PIECE)
    assert len(pieces) >= 8
    assert pieces[0].start == 0 and pieces[0].first == 0
    assert pieces[-1].end == len(text) and pieces[-1].stop == len(prepared.spans)
    for before, after in zip(pieces, pieces[1:], strict=False):
        assert before.end == after.start and before.stop == after.first
        assert prepared.spans[after.first].paragraph != prepared.spans[after.first - 1].paragraph
        assert after.start == prepared.spans[after.first].start
    assert prepared.pieces(len(text)) == [prepared.whole()]


def test_a_paragraph_past_twice_a_piece_is_cut_between_sentences():
    text = " ".join(f"La commune numéro {n} compte {n * 7} habitants et {n} écoles." for n in range(200))
    prepared = _Prepared.of(Request(text))
    pieces = prepared.pieces(1000)
    assert len({s.paragraph for s in prepared.spans}) == 1 and len(pieces) >= 4
    for piece in pieces:
        assert piece.start == 0 or text[piece.start - 1] == " "
        assert prepared.spans[piece.stop - 1].start - prepared.spans[piece.first].start < 2 * 1000


def test_one_piece_is_the_whole_analysis(analyzer):
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    assert list(analyzer.analyze_in_pieces(Request(text, "a.txt"))) == [analyzer.analyze(text, name="a.txt")]


def test_pieces_give_the_whole_analysis_but_at_boundaries(analyzer):
    """Pieces of 4,000 characters put a boundary every fifteen claims or so (a real piece holds
    200,000 characters, some 2,000 sentences): what differs is a dispatch or a quotation cut by a
    boundary, and a name met only after a piece (a whole analysis knows every name first)."""
    text = _long_text(2)
    whole = analyzer.analyze(text)
    pieces = list(analyzer.analyze_in_pieces(Request(text), piece_chars=PIECE))
    assert len(pieces) >= 8
    assert tuple(s for p in pieces for s in p.segments) == whole.segments
    claims = [c for p in pieces for c in p.claims]
    assert [(c.start, c.end) for c in claims] == [(c.start, c.end) for c in whole.claims]
    assert {(p.title, p.outlet, p.published) for p in pieces} == {(whole.title, whole.outlet, whole.published)}
    same = sum((a.speaker_type, a.speaker, a.via) == (b.speaker_type, b.speaker, b.via)
               for a, b in zip(claims, whole.claims, strict=True))
    assert same / len(claims) >= 0.9, f"{same} of {len(claims)}"


def test_names_and_speakers_carry_across_pieces(rules_analyzer):
    filler = [f"La commune numéro {n} compte {n * 7} habitants et {n} écoles." for n in range(60)]
    text = "\n\n".join(["Jean Dupont, maire de Lyon, a déclaré que la ville allait investir.", *filler,
                        "M. Dupont a affirmé que le projet serait achevé en 2030.",
                        "Il a ajouté que les travaux commenceraient au printemps."]) + "\n"
    pieces = list(rules_analyzer.analyze_in_pieces(Request(text), piece_chars=1000))
    assert len(pieces) >= 3
    last = pieces[-1].claims
    assert [(c.speaker, c.speaker_type) for c in last[-2:]] == [("Jean Dupont", "named")] * 2


def _export(runner, db: str) -> list[dict]:
    result = runner.invoke(main, ["--db", db, "export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    for row in rows:
        for key in ("id", "claim_id", "date", "group_id", "first_seen_date"):
            row.pop(key, None)
    return sorted(rows, key=lambda r: (r["document"], r["start"]))


def test_a_long_document_is_stored_piece_by_piece(db_url, runner, analyzer, monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "PIECE_CHARS", PIECE)
    path = tmp_path / "long.txt"
    path.write_text(_long_text(), encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(path)])
    assert result.exit_code == 0, result.output
    pieces = list(analyzer.analyze_in_pieces(Request(path.read_text(encoding="utf-8"), "long.txt"), PIECE))
    claims = [c for p in pieces for c in p.claims]
    rows = _export(runner, db_url)
    assert len(rows) == len(claims) > 500
    # a speaker is stored under the name the store knows it by ("Qassim" for "Qasim"): one key
    assert [(r["start"], r["end"], r["speaker_type"], r["speaker"] and speaker_key(r["speaker"]), r["via"])
            for r in rows] == [(c.start, c.end, c.speaker_type, c.speaker and speaker_key(c.speaker), list(c.via))
                               for c in claims]
    shown = runner.invoke(main, ["--db", db_url, "show", "1", "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["text"] == claims[0].text


def test_a_long_document_failing_in_a_later_piece_leaves_nothing(db_url, runner, monkeypatch, tmp_path):
    import claimtrack.ingestion.ingest as ingest_module

    monkeypatch.setattr(pipeline, "PIECE_CHARS", PIECE)
    seed = sorted(SEEDS.glob("*.txt"))[0]
    runner.invoke(main, ["--db", db_url, "ingest", str(seed)])
    before = _export(runner, db_url)
    original, calls = ingest_module.DocumentWriter.write, []

    def fail_at_the_third(self, analysis):
        calls.append(analysis)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(self, analysis)

    monkeypatch.setattr(ingest_module.DocumentWriter, "write", fail_at_the_third)
    path = tmp_path / "long.txt"
    path.write_text(_long_text(2), encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(path)])
    assert result.exit_code != 0 and "disk full" in result.output
    assert len(calls) == 3
    assert _export(runner, db_url) == before


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ingest_paths_leave_a_long_document_to_pieces(sqlite_url, runner, analyzer, monkeypatch, tmp_path, jobs):
    """Analysed ahead in batches (one job) or in workers (two), documents come as before; the long
    one among them is analysed piece by piece as it is stored, with the same claims."""
    monkeypatch.setattr(pipeline, "PIECE_CHARS", PIECE)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b_long.txt").write_text(_long_text(2), encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / f"a_{seed.name}").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / f"c_{seed.name}").write_text(seed.read_text(encoding="utf-8") + "\n\nSuite.\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", sqlite_url, "ingest", "--jobs", jobs, str(folder)])
    assert result.exit_code == 0, result.output
    rows = _export(runner, sqlite_url)
    long_rows = [r for r in rows if Path(r["document"]).name == "b_long.txt"]
    text = (folder / "b_long.txt").read_text(encoding="utf-8")
    claims = [c for p in analyzer.analyze_in_pieces(Request(text, "b_long.txt"), PIECE) for c in p.claims]
    assert [(r["start"], r["speaker_type"], r["speaker"] and speaker_key(r["speaker"])) for r in long_rows] == \
        [(c.start, c.speaker_type, c.speaker and speaker_key(c.speaker)) for c in claims]
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        alone = analyzer.analyze(seed.read_text(encoding="utf-8"))
        stored = [r for r in rows if Path(r["document"]).name == f"a_{seed.name}"]
        assert [(r["start"], r["speaker_type"]) for r in stored] == [(c.start, c.speaker_type) for c in alone.claims]
