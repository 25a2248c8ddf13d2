"""Strings from files and the database never drive the reader's terminal: escape sequences in a
file name, a review note or a batch name are shown as text (\\x1b), and GraphML stays well-formed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimtrack.cli import main

ESCAPES = "\x1b]0;pwned\x07\x1b[31m"
ARTICLE = "Le ministre Paul Girard a déclaré que le pont rouvrirait en juin.\n\nLa crue a duré trois jours.\n"


def _no_raw_escape(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output, repr(output[:300])


def test_escape_sequences_are_shown_not_run(db_url, runner, tmp_path):
    name = f"evil{ESCAPES}.txt"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / name)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    _no_raw_escape(result.output)
    assert "\\x1b" in result.output
    for command in (["claims"], ["claims", "--json"], ["speakers"], ["stats", "--by", "document"]):
        result = runner.invoke(main, ["--db", db_url, *command], env={"COLUMNS": "200"})
        assert result.exit_code == 0, (command, result.output)
        _no_raw_escape(result.output)
    batch = f"lot{ESCAPES}"
    result = runner.invoke(main, ["--db", db_url, "sample", "2", "--seed", "1", "--batch", batch])
    assert result.exit_code == 0, result.output
    _no_raw_escape(result.output)
    result = runner.invoke(main, ["--db", db_url, "review", "--batch", batch, "--reviewer", "lea"],
                           input=f"n\nvu {ESCAPES} ici\nq\n")
    assert result.exit_code == 0, result.output  # (the runner echoes what was typed, escapes and all)
    shown = []
    for command in (["batches"], ["show", "1"], ["show", "2"]):
        result = runner.invoke(main, ["--db", db_url, *command], env={"COLUMNS": "200"})
        assert result.exit_code == 0, (command, result.output)
        _no_raw_escape(result.output)
        shown.append(result.output.replace("\n", ""))
    assert any("vu \\x1b]0;pwned\\x07" in output for output in shown)
    result = runner.invoke(main, ["--db", db_url, "claims", "--batch", "nowhere" + ESCAPES])
    assert result.exit_code != 0
    _no_raw_escape(result.output)


def test_graphml_with_control_characters_in_names_is_well_formed():
    from claimtrack.provenance.graph import CitationGraph, Edge, Node, to_graphml

    graph = CitationGraph([Node("outlet:a\x1bb", "A\x1b[31mB\x00", "outlet"), Node("named:c", 'C "&" <D>', "named")],
                          [Edge("outlet:a\x1bb", "named:c", 2, "2024-01-01", "2024-01-02")])
    root = ET.fromstring(to_graphml(graph))
    labels = [d.text for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data") if d.get("key") == "label"]
    assert labels == ["A\\x1b[31mB\\x00", 'C "&" <D>']
