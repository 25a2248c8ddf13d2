"""Hostile and broken input through the command line: every case ends in a clean one-line error
(or a correct result where the input is legitimate), and the database is left unchanged and
consistent (PRAGMA integrity_check, row counts before and after)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from claimtrack.cli import main

ARTICLE = "Le ministre Paul Girard a déclaré que le pont rouvrirait en juin.\n\nLa crue a duré trois jours.\n"
TABLES = ("documents", "segments", "claims", "claim_via", "speakers", "reviews", "batches", "batch_items")


# Bad files and bad database files: what they show lives in SQLite files (snapshots, paths,
# permissions), so this module runs on SQLite only; the CLI suite runs on PostgreSQL as well.
@pytest.fixture
def db_url(sqlite_url):
    return sqlite_url


@pytest.fixture(scope="session")
def seeded_db(seeded_sqlite):
    return seeded_sqlite


def _state(url: str) -> tuple:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    finally:
        connection.close()


def _clean_error(result) -> None:
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    last = result.output.strip().splitlines()[-1]
    assert last.startswith(("Error:", "Usage:")) or "Error:" in result.output, result.output


def _ingest(runner, url, *paths, input=None):
    return runner.invoke(main, ["--db", url, "ingest", *map(str, paths)], input=input)


# files that must be refused, each with the words the refusal must say
REFUSED_FILES = {
    "empty": (b"", "empty"),
    "whitespace only": (b"  \n\t\n  \n", "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    "NUL bytes throughout": (("texte " * 200).encode() + b"\x00" * 500 + ("suite " * 200).encode(), "binary"),
    "2 MB line without punctuation": (("mot " * 500_000).encode(), "not an article"),
    "HTML with no text": (b"<html><head><script>alert(1)</script></head><body></body></html>", "no text"),
}


@pytest.mark.parametrize("case", sorted(REFUSED_FILES))
def test_refused_files_leave_the_store_unchanged(case, seeded_copy, runner, tmp_path):
    data, reason = REFUSED_FILES[case]
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    before = _state(seeded_copy)
    result = _ingest(runner, seeded_copy, path)
    _clean_error(result)
    assert reason in result.output
    assert _state(seeded_copy) == before


def test_a_file_over_the_size_limit_is_refused_without_reading_it(seeded_copy, runner, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)  # a sparse 50 MB file
    before = _state(seeded_copy)
    result = _ingest(runner, seeded_copy, path)
    _clean_error(result)
    assert "too large" in result.output and _state(seeded_copy) == before


def test_endless_standard_input_is_cut_at_the_limit(seeded_copy, runner):
    before = _state(seeded_copy)
    result = runner.invoke(main, ["--db", seeded_copy, "ingest", "--max-bytes", "100000", "-"],
                           input=b"\x00" * 10_000_000)
    _clean_error(result)
    assert _state(seeded_copy) == before


def _exported(runner, url, name):
    result = runner.invoke(main, ["--db", url, "claims", "--doc", name, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


# files that are legitimate articles in awkward clothes: they must be read right
ENCODED = {
    "cp1252": ARTICLE.encode("cp1252"),
    "latin-1": ARTICLE.replace("déclaré", "déclaré").encode("latin-1"),
    "UTF-16 with BOM": ARTICLE.encode("utf-16"),
    "UTF-8 with BOM": b"\xef\xbb\xbf" + ARTICLE.encode(),
    "UTF-8 with one stray byte": ARTICLE.encode().replace(b"trois", b"tr\xe9ois"),
    "CRLF line ends": ARTICLE.replace("\n", "\r\n").encode(),
}


@pytest.mark.parametrize("case", sorted(ENCODED))
def test_encodings_are_read_right(case, db_url, runner, tmp_path, analyzer):
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODED[case])
    result = _ingest(runner, db_url, path)
    assert result.exit_code == 0, result.output
    claims = _exported(runner, db_url, "article.txt")
    assert claims[0]["speaker"] == "Paul Girard" and "déclaré" in claims[0]["text"]


def test_a_few_nul_and_escape_bytes_are_removed_not_stored(db_url, runner, tmp_path, analyzer):
    path = tmp_path / "article.txt"
    path.write_bytes(("x" * 9000 + ".\n\n").encode() + b"La crue \x00a dur\xc3\xa9 \x1b[31mtrois\x1b[0m jours.\n")
    assert _ingest(runner, db_url, path).exit_code == 0
    texts = [c["text"] for c in _exported(runner, db_url, "article.txt")]
    assert not any("\x00" in t or "\x1b" in t for t in texts)
    assert any("trois" in t for t in texts)


LEGITIMATE = {
    "only guillemets": "« » « » «»\n",
    "unbalanced guillemet": ("« Nous ne partirons pas, a dit le maire Jean Roux.\n\n"
                             + "".join(f"La route {n} a été rouverte mardi.\n\n" for n in range(12))),
    "emoji, RTL and combining marks": "Le maire 🙂 a déclaré que مرحبا et e\u0301te\u0301 restent.\n",
    "HTML with script and broken tags": ("<html><body><script>var x = '<p>';</script><p>Le maire Paul Roux a "
                                         "déclaré que <b>le pont<i> rouvrira.</p><div><p>Fin"),
    "rich markup in the text": "Le maire [bold red]Paul Roux[/] a déclaré que [link=x]tout[/link] ira bien.\n",
}


@pytest.mark.parametrize("case", sorted(LEGITIMATE))
def test_odd_but_legitimate_articles_are_ingested(case, db_url, runner, tmp_path, analyzer):
    suffix = ".html" if case.startswith("HTML") else ".txt"
    path = tmp_path / f"article{suffix}"
    path.write_text(LEGITIMATE[case], encoding="utf-8")
    result = _ingest(runner, db_url, path)
    assert result.exit_code == 0, result.output
    claims = _exported(runner, db_url, path.name)
    if case == "unbalanced guillemet":
        assert [c["speaker_type"] for c in claims[-3:]] == ["editorial"] * 3  # the open « swallows nothing
    if case.startswith("HTML"):
        assert not any("var x" in c["text"] for c in claims)
    if case == "rich markup in the text":
        table = runner.invoke(main, ["--db", db_url, "claims"], env={"COLUMNS": "200"})
        assert "[bold red]Paul Roux[/]" in table.output


@pytest.mark.parametrize("name", ["a file with spaces.txt", "it's \"quoted\".txt", "new\nline.txt", "-dash.txt"])
def test_odd_file_names(name, db_url, runner, tmp_path, analyzer):
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", f"./{name}" if name.startswith("-") else str(path)],
                           catch_exceptions=False) if not name.startswith("-") else None
    if result is None:
        cwd = os.getcwd()
        os.chdir(tmp_path)
        try:
            result = runner.invoke(main, ["--db", db_url, "ingest", f"./{name}"])
        finally:
            os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert len(_exported(runner, db_url, name)) == 2


def test_a_symlink_loop_a_missing_path_and_an_unreadable_file(seeded_copy, runner, tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    before = _state(seeded_copy)
    for path in (loop, tmp_path / "missing.txt"):
        result = _ingest(runner, seeded_copy, path)
        _clean_error(result)
    if os.geteuid() != 0:  # root reads whatever the mode says
        locked = tmp_path / "locked.txt"
        locked.write_text(ARTICLE, encoding="utf-8")
        locked.chmod(0)
        _clean_error(_ingest(runner, seeded_copy, locked))
    assert _state(seeded_copy) == before
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    result = _ingest(runner, seeded_copy, empty_folder)
    _clean_error(result)
    assert "no article found" in result.output


def test_a_folder_nested_deeper_than_python_recurses_is_walked(sqlite_url, runner, tmp_path, analyzer):
    deep = tmp_path / "nest"
    deep.mkdir()
    for _ in range(1_300):  # 2,600 characters of path, past Python's recursion limit of folders
        deep = deep / "a"
        os.mkdir(deep)  # one by one: Path.mkdir(parents=True) itself recurses
    (deep / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "nest" / "up").symlink_to(tmp_path / "nest")  # a link back up is not followed
    try:
        result = _ingest(runner, sqlite_url, tmp_path / "nest")
        assert result.exit_code == 0, result.output[-500:]
        assert "article.txt" in result.output and "ingested" in result.output
    finally:  # pytest's own clean-up of old temporary folders recurses: leave nothing that deep
        (deep / "article.txt").unlink()
        while deep != tmp_path / "nest":
            os.rmdir(deep)
            deep = deep.parent


def _bad_databases(tmp_path: Path, seeded_db: str) -> dict[str, str]:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    text = tmp_path / "notes.db"
    text.write_text("not a database", encoding="utf-8")
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(Path(seeded_db.removeprefix("sqlite:///")).read_bytes()[:3000])
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    return {
        "a folder": str(folder),
        "a text file": str(text),
        "a truncated SQLite file": str(truncated),
        "another program's database": str(other),
        "an unwritable place": "/proc/claims.db",
        "/dev/null": "/dev/null",
        "an unreachable PostgreSQL server": "postgresql://reporter:s3cret-pw@127.0.0.1:1/claims",
        "an unknown scheme": "mongodb://localhost/claims",
    }


@pytest.mark.parametrize("case", ["a folder", "a text file", "a truncated SQLite file", "another program's database",
                                  "an unwritable place", "/dev/null", "an unreachable PostgreSQL server",
                                  "an unknown scheme"])
def test_unusable_databases(case, runner, tmp_path, seeded_db, analyzer):
    target = _bad_databases(tmp_path, seeded_db)[case]
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    snapshot = Path(target).read_bytes() if Path(target).is_file() and not target.startswith("/dev") else None
    for command in (["ingest", str(article)], ["claims"], ["review"], ["sample", "2"]):
        result = runner.invoke(main, ["--db", target, *command])
        _clean_error(result)
        assert "s3cret-pw" not in result.output
    if snapshot is not None:
        assert Path(target).read_bytes() == snapshot  # nothing written, no alembic_version added


def test_a_read_only_database_answers_reads_and_refuses_writes(seeded_copy, runner, tmp_path, analyzer):
    path = seeded_copy.removeprefix("sqlite:///")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    assert runner.invoke(main, ["--db", read_only, "claims", "--limit", "2"]).exit_code == 0
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = _state(seeded_copy)
    for command in (["ingest", str(article)], ["sample", "2", "--batch", "b"], ["review"]):
        _clean_error(runner.invoke(main, ["--db", read_only, *command], input="c\n"))
    assert _state(seeded_copy) == before


BAD_OPTIONS = [
    ["claims", "--limit", "0"],
    ["claims", "--limit", str(10**30)],
    ["show", str(10**30)],
    ["show", "999999"],
    ["sample", str(10**30)],
    ["sample", "3", "--seed", str(10**30)],
    ["sample", "0"],
    ["claims", "--type", "famous"],
    ["claims", "--attributed", "--unsourced"],
    ["export", "--format", "xml"],
    ["export", "--delimiter", '"'],
    ["export", "--delimiter", "\r"],
    ["export", "--delimiter", ";;"],
    ["export", "-o", "/dev/full"],
    ["report", "nosuch"],
    ["claims", "--status", "maybe"],
]


@pytest.mark.parametrize("command", BAD_OPTIONS, ids=[" ".join(c)[:40] for c in BAD_OPTIONS])
def test_bad_option_values(command, seeded_copy, runner):
    before = _state(seeded_copy)
    result = runner.invoke(main, ["--db", seeded_copy, *command])
    _clean_error(result)
    assert _state(seeded_copy) == before


INJECTIONS = ["' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE claims; --", "[bold]x[/bold]"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_shaped_filters_are_literal(value, seeded_copy, runner):
    before = _state(seeded_copy)
    for option in ("--search", "--speaker"):
        result = runner.invoke(main, ["--db", seeded_copy, "claims", option, value, "--json"])
        if option == "--speaker" and result.exit_code != 0:  # no speaker holds it: said, with the nearest names
            assert f"no speaker matches {value!r}" in result.output
            continue
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        field = "text" if option == "--search" else "speaker"
        assert all(value.lower() in (row[field] or "").lower() for row in rows)
    assert _state(seeded_copy) == before


def test_formula_cells_are_neutralised_in_every_export(db_url, runner, tmp_path, analyzer):
    path = tmp_path / "formulas.txt"
    path.write_text("=HYPERLINK(\"http://x\") a dit le maire.\n\n+33 personnes ont été évacuées.\n\n"
                    "@SUM(A1) est une formule.\n\n-1 degré mardi.\n", encoding="utf-8")
    assert _ingest(runner, db_url, path).exit_code == 0
    out = tmp_path / "claims.csv"
    assert runner.invoke(main, ["--db", db_url, "export", "--format", "csv", "-o", str(out)]).exit_code == 0
    import csv

    with open(out, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for value in row.values():
                assert not value.startswith(("=", "+", "@", "-")), value
    for delimiter in (";", "\t", "|"):
        result = runner.invoke(main, ["--db", db_url, "export", "--format", "csv", "--delimiter", delimiter])
        assert result.exit_code == 0
        rows = list(csv.reader(result.stdout.splitlines(), delimiter=delimiter))
        assert len({len(r) for r in rows}) == 1


def test_the_html_report_escapes_article_text(db_url, runner, tmp_path, analyzer):
    path = tmp_path / "evil.txt"
    path.write_text("Le maire <script>alert('x')</script> a déclaré que \"><img src=x onerror=alert(1)> ira.\n",
                    encoding="utf-8")
    assert _ingest(runner, db_url, path).exit_code == 0
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["--db", db_url, "report", "evil.txt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def _silent_server():
    """A TCP server on loopback that accepts connections and never answers."""
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    return server


def test_a_database_server_that_never_answers_is_named_within_the_timeout(runner, monkeypatch):
    import time

    pytest.importorskip("psycopg", reason="install the postgres extra")
    server = _silent_server()
    port = server.getsockname()[1]
    monkeypatch.setenv("CLAIMTRACK_CONNECT_TIMEOUT", "2")
    started = time.monotonic()
    result = runner.invoke(main, ["--db", f"postgresql://bob:s3cr3t-pw@127.0.0.1:{port}/claims", "claims"])
    server.close()
    assert time.monotonic() - started < 20
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"127.0.0.1:{port}" in result.output and "CLAIMTRACK_CONNECT_TIMEOUT" in result.output
    assert "s3cr3t" not in result.output


@pytest.mark.parametrize("password", ["p@ss@word", "ab:c@d/e", "x@y"])
def test_no_part_of_a_password_is_printed_however_the_url_is_written(runner, password):
    pytest.importorskip("psycopg", reason="install the postgres extra")
    server = _silent_server()
    port = server.getsockname()[1]
    result = runner.invoke(main, ["--db", f"postgresql://bob:{password}@127.0.0.1:{port}/claims", "claims"],
                           env={"CLAIMTRACK_CONNECT_TIMEOUT": "2"})
    server.close()
    assert result.exit_code != 0
    for piece in re.split(r"[@:/]", password):
        assert f"{piece}@" not in result.output and f":{piece}" not in result.output, (piece, result.output)
    assert password not in result.output


def test_utf8_with_a_few_stray_bytes_stays_utf8_and_the_summary_says_so(sqlite_url, runner, tmp_path):
    data = ("Le ministre a déclaré que le pont rouvrirait en juin. " * 20).encode("utf-8") + b" Caf\xe9 ferm\xe9.\n"
    (tmp_path / "mixed.txt").write_bytes(data)
    result = runner.invoke(main, ["--db", sqlite_url, "ingest", "--json", str(tmp_path / "mixed.txt")])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.stdout)
    assert record["reason"] == "UTF-8 with 2 stray byte(s) not UTF-8, shown as �"
    [claim] = [json.loads(line) for line in runner.invoke(main, ["--db", sqlite_url, "export"]).stdout.splitlines()
               if "ministre" in line][:1]
    assert "déclaré" in claim["text"] and "dÃ©clarÃ©" not in claim["text"]
