"""The rules' version stored with every document names the rules that attributed it."""

from __future__ import annotations

import sqlite3

from claimtrack.cli import main
from claimtrack.engine import RULES_VERSION
from claimtrack.engine.version import RULES_RELEASE, fingerprint
from tests.conftest import SEEDS

FILES = [("lexicons/titles.txt", b"ministre\nmaire\n"), ("attribution.py", b"RULE = 1\n")]


def test_a_changed_lexicon_line_or_rule_changes_the_fingerprint():
    base = fingerprint(FILES)
    assert fingerprint(list(reversed(FILES))) == base  # the order files are read in does not matter
    assert fingerprint([("lexicons/titles.txt", "ministre\nmaire\npréfet\n".encode()), FILES[1]]) != base
    assert fingerprint([FILES[0], ("attribution.py", b"RULE = 2\n")]) != base
    assert fingerprint([("lexicons/other.txt", FILES[0][1]), FILES[1]]) != base  # a file renamed


def test_every_ingested_document_carries_the_rules_version(runner, sqlite_url):
    assert RULES_VERSION.startswith(f"{RULES_RELEASE}+") and len(RULES_VERSION) <= 32
    result = runner.invoke(main, ["--db", sqlite_url, "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as connection:
        versions = {row[0] for row in connection.execute("SELECT pipeline_version FROM documents")}
    assert versions == {RULES_VERSION}
    shown = runner.invoke(main, ["--db", sqlite_url, "show", "1"])
    assert shown.exit_code == 0, shown.output
    assert RULES_VERSION in shown.output.replace("\n", "")
