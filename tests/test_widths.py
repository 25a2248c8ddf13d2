"""Every command is readable at 80 columns and at 200, and writes tab-separated text to a pipe."""

from __future__ import annotations

import pytest

from claimtrack.cli import main

COMMANDS = [["stats"], ["stats", "--by", "document"], ["stats", "--by", "outlet"], ["claims", "--limit", "5"],
            ["speakers"], ["batches"], ["documents"], ["trace", "2"], ["show", "3"]]
WORDS = {"stats": "unsourced", "claims": "machine", "speakers": "Baqeri", "batches": "speaker_type",
         "documents": "FRENCH PRESS TV", "trace": "déploiement", "show": "Offsets"}


@pytest.mark.parametrize("width", [80, 200])
def test_every_command_fits_the_terminal_and_keeps_words_whole(seeded_copy, runner, width):
    assert runner.invoke(main, ["--db", seeded_copy, "sample", "3", "--seed", "1", "--by", "speaker_type",
                                "--batch", "b1"]).exit_code == 0
    for command in COMMANDS:
        result = runner.invoke(main, ["--db", seeded_copy, *command], env={"COLUMNS": str(width)})
        assert result.exit_code == 0, (command, result.output)
        lines = result.output.splitlines()
        assert all(len(line) <= width for line in lines), (command, max(lines, key=len))
        assert WORDS[command[0]] in result.output, (command, result.output[:400])


def test_piped_tables_are_tab_separated(seeded_db, runner):
    result = runner.invoke(main, ["--db", seeded_db, "stats", "--by", "document"], env={"COLUMNS": ""})
    lines = result.output.splitlines()
    assert lines[0] == "# Sourcing profile" and lines[1].startswith("group\tclaims\tnamed\t")
    assert all(line.count("\t") == lines[1].count("\t") for line in lines[2:])
    listing = runner.invoke(main, ["--db", seeded_db, "claims", "--limit", "3"], env={"COLUMNS": ""})
    rows = [line.split("\t") for line in listing.output.splitlines() if "\t" in line]
    assert rows[0][:3] == ["id", "document", "type"] and len(rows) == 4
