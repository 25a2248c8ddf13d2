"""The store and the command line, through CliRunner on real databases in a temp dir."""

from __future__ import annotations

import json

from claimtrack.cli import main
from tests.conftest import SEEDS, copy_database

SEED = sorted(SEEDS.glob("*.txt"))[0]


def _export(runner, db_url, *args) -> list[dict]:
    result = runner.invoke(main, ["--db", db_url, "export", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_ingest_claims_export(seeded_db, runner):
    rows = _export(runner, seeded_db)
    assert len({r["document"] for r in rows}) == 5
    assert len(rows) > 90
    for row in rows:
        text = (SEEDS / row["document"]).read_text(encoding="utf-8")
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["speaker_type"] in ("named", "unnamed", "outlet", "editorial")
        assert isinstance(row["via"], list)
    assert not any(r["text"].startswith("Partager Cet Article") for r in rows)  # boilerplate kept out
    table = runner.invoke(main, ["--db", seeded_db, "claims", "--type", "outlet"])
    assert table.exit_code == 0
    assert "agences de presse" in table.output


def test_claims_filters(seeded_db, runner):
    unsourced = runner.invoke(main, ["--db", seeded_db, "claims", "--unsourced", "--json"])
    rows = [json.loads(line) for line in unsourced.stdout.splitlines()]
    assert rows and all(r["speaker_type"] == "editorial" for r in rows)
    named = runner.invoke(main, ["--db", seeded_db, "claims", "--speaker", "Baqeri", "--json"])
    rows = [json.loads(line) for line in named.stdout.splitlines()]
    assert rows and all("Baqeri" in r["speaker"] for r in rows)
    limited = runner.invoke(main, ["--db", seeded_db, "claims", "--limit", "3", "--json"])
    assert len(limited.stdout.splitlines()) == 3
    bad = runner.invoke(main, ["--db", seeded_db, "claims", "--attributed", "--unsourced"])
    assert bad.exit_code != 0


def test_reingest_is_idempotent(db_url, runner):
    first = runner.invoke(main, ["--db", db_url, "ingest", str(SEED)])
    assert first.exit_code == 0, first.output
    before = _export(runner, db_url)
    second = runner.invoke(main, ["--db", db_url, "ingest", str(SEED)])
    assert second.exit_code == 0
    assert "already" in second.output
    assert _export(runner, db_url) == before
    again = runner.invoke(main, ["--db", db_url, "ingest", "--reprocess", str(SEED)])
    assert "reprocessed" in again.output
    assert [(r["start"], r["speaker_type"]) for r in _export(runner, db_url)] == [
        (r["start"], r["speaker_type"]) for r in before]


def test_failed_documents_leave_the_database_as_it_was(db_url, runner, tmp_path):
    runner.invoke(main, ["--db", db_url, "ingest", str(SEED)])
    before = _export(runner, db_url)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "huge.txt").write_text("Une phrase. " * 1000)
    result = runner.invoke(main, ["--db", db_url, "ingest", "--max-bytes", "5000", str(tmp_path)])
    assert result.exit_code != 0
    assert "empty file" in result.output and "binary file" in result.output and "too large" in result.output
    assert "Traceback" not in result.output
    assert _export(runner, db_url) == before


def test_cp1252_keeps_accents_and_offsets(db_url, runner, tmp_path):
    text = "Le ministre a déclaré que la réunion était « très utile ».\n\nLa Défense a réagi.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    result = runner.invoke(main, ["--db", db_url, "ingest", str(path)])
    assert result.exit_code == 0, result.output
    rows = _export(runner, db_url)
    assert rows[0]["text"] == "Le ministre a déclaré que la réunion était « très utile »."
    assert text[rows[1]["start"] : rows[1]["end"]] == "La Défense a réagi."


def test_stdin_and_html(db_url, runner, tmp_path):
    html = ("<html><head><title>Titre</title><meta property='og:site_name' content='Le Site'></head><body>"
            "<nav>Menu</nav><h1>Un titre de page</h1><p>Selon l'AFP, la réunion a eu lieu lundi.</p>"
            "<figure><img src='x.jpg'><figcaption>Le ministre arrive à la réunion, lundi.</figcaption></figure>"
            "<script>var x = 1;</script></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "page.html")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--db", db_url, "ingest", "-"], input="Le Kremlin a affirmé que tout va bien.\n")
    assert result.exit_code == 0, result.output
    rows = _export(runner, db_url)
    by_text = {r["text"]: r for r in rows}
    assert by_text["Selon l'AFP, la réunion a eu lieu lundi."]["speaker_type"] == "outlet"
    assert by_text["Selon l'AFP, la réunion a eu lieu lundi."]["outlet"] == "Le Site"
    assert by_text["Le Kremlin a affirmé que tout va bien."]["speaker"] == "Kremlin"
    assert "var x" not in json.dumps(rows)
    assert "Le ministre arrive à la réunion, lundi." not in by_text  # a <figcaption> is a caption


def test_missing_path_is_a_clear_error(db_url, runner, tmp_path):
    result = runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "cannot read" in result.output


def test_every_command_help_has_an_example(runner):
    for command in (["ingest"], ["claims"], ["export"], ["db", "upgrade"], ["db", "current"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, command


def test_missing_model_is_a_clear_error(db_url, runner):
    result = runner.invoke(main, ["--db", db_url, "ingest", "--nlp-model", "fr_core_news_nope", str(SEED)])
    assert result.exit_code != 0
    assert "pip install fr-core-news-nope" in result.output
    assert "Traceback" not in result.output


def test_missing_stanza_models_are_a_clear_error(db_url, runner, tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    result = runner.invoke(main, ["--db", db_url, "ingest", "--backend", "stanza", str(SEED)])
    assert result.exit_code != 0
    assert "claimtrack[stanza]" in result.output and "Traceback" not in result.output


def test_a_document_failing_midway_rolls_back(db_url, runner, monkeypatch, tmp_path):
    import claimtrack.ingestion.ingest as ingest_module

    runner.invoke(main, ["--db", db_url, "ingest", str(SEED)])
    before = _export(runner, db_url)
    original = ingest_module.DocumentWriter.write

    def store_then_fail(self, analysis):
        original(self, analysis)
        self.session.flush()  # rows are in the transaction when the failure comes
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module.DocumentWriter, "write", store_then_fail)
    other = sorted(SEEDS.glob("*.txt"))[1]
    result = runner.invoke(main, ["--db", db_url, "ingest", str(other)])
    assert result.exit_code != 0 and "disk full" in result.output
    assert _export(runner, db_url) == before


def test_a_document_meeting_a_deadlock_is_tried_again(db_url, runner, monkeypatch):
    """PostgreSQL rolls back one of two ingests that deadlock: that document is tried again
    from the start, and lands once; a failure that is not transient is not tried again."""
    from sqlalchemy.exc import OperationalError

    import claimtrack.ingestion.ingest as ingest_module
    import claimtrack.store.db as db_module

    original, calls = ingest_module.DocumentWriter.write, []

    def deadlock_once(self, analysis):
        calls.append(analysis)
        ids = original(self, analysis)
        self.session.flush()
        if len(calls) == 1:
            raise OperationalError("INSERT INTO claims", {}, Exception("deadlock detected"))
        return ids

    monkeypatch.setattr(ingest_module.DocumentWriter, "write", deadlock_once)
    monkeypatch.setattr(db_module.time, "sleep", lambda _s: None)
    result = runner.invoke(main, ["--db", db_url, "ingest", str(SEED)])
    assert result.exit_code == 0, result.output
    assert len(calls) == 2
    rows = _export(runner, db_url)
    assert len(rows) == len(calls[1].claims) and len({(r["document"], r["start"]) for r in rows}) == len(rows)

    def not_transient(self, analysis):
        calls.append(analysis)
        raise OperationalError("INSERT INTO claims", {}, Exception("disk I/O error"))

    monkeypatch.setattr(ingest_module.DocumentWriter, "write", not_transient)
    calls.clear()
    other = sorted(SEEDS.glob("*.txt"))[1]
    result = runner.invoke(main, ["--db", db_url, "ingest", str(other)])
    assert result.exit_code != 0 and "disk I/O error" in result.output and len(calls) == 1
    assert _export(runner, db_url) == rows


def test_reprocess_refuses_to_drop_reviews(db_url, runner):
    runner.invoke(main, ["--db", db_url, "ingest", str(SEED)])
    runner.invoke(main, ["--db", db_url, "review", "--reviewer", "alice"], input="c\nq\n")
    result = runner.invoke(main, ["--db", db_url, "ingest", "--reprocess", str(SEED)])
    assert result.exit_code != 0 and "review(s)" in result.output
    assert _export(runner, db_url)[0]["status"] == "confirmed"


def test_lines_recurring_across_the_corpus_become_boilerplate(db_url, runner, tmp_path):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(
            f"Notre sélection du jour\n\nLe ministre {n} a déclaré que la réunion {n} était utile.\n",
            encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    texts = [r["text"] for r in _export(runner, db_url)]
    assert texts.count("Notre sélection du jour") == 2  # the third time it is known furniture


def test_unusable_databases_and_outputs_are_one_line_errors(runner, tmp_path, seeded_db):
    cases = [
        ["--db", str(tmp_path / "missing" / "x.db"), "claims"],
        ["--db", str(SEED), "claims"],  # not a database
        ["--db", seeded_db, "export", "-o", str(tmp_path / "missing" / "x.csv")],
        ["--db", seeded_db, "report", SEED.name, "-o", str(tmp_path / "missing" / "x.html")],
    ]
    for args in cases:
        result = runner.invoke(main, args)
        assert result.exit_code == 1, (args, result.output)
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_transliterated_names_are_one_speaker(db_url, runner, tmp_path):
    (tmp_path / "a.txt").write_text("Qassim al-Araji a affirmé que la frontière était sûre.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Qasim al-Araji a déclaré que la coopération continuerait.\n", encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path)]).exit_code == 0
    result = runner.invoke(main, ["--db", db_url, "speakers", "--type", "named"])
    assert "Qassim al-Araji" in result.output and "Qasim al-Araji" in result.output  # name and alias
    from claimtrack.store.db import Database
    from claimtrack.store.models import Speaker

    with Database(db_url).session() as session:
        assert session.query(Speaker).count() == 1


def test_documents_are_named_by_file_name_id_or_a_long_enough_sha256_prefix(seeded_db, runner):
    rows = _export(runner, seeded_db, "--doc", "1")
    assert {r["document"] for r in rows} == {SEED.name}  # id 1, not every hash that starts with 1
    sha = rows[0]["document_sha256"]
    assert {r["document"] for r in _export(runner, seeded_db, "--doc", sha[:8])} == {SEED.name}
    third = sorted(SEEDS.glob("*.txt"))[3].name
    assert {r["document"] for r in _export(runner, seeded_db, "--doc", "003")} == {third}  # a name's start, not id 3
    for command in (["claims", "--doc", sha[:3]], ["claims", "--doc", "nosuch.txt"], ["export", "--doc", "nosuch"],
                    ["claims", "--batch", "nosuch"], ["export", "--batch", "nosuch"], ["review", "--doc", "nosuch"]):
        result = runner.invoke(main, ["--db", seeded_db, *command])
        assert result.exit_code == 1, (command, result.output)
        assert result.output.startswith("Error: no ") and len(result.output.strip().splitlines()) == 1
    ambiguous = runner.invoke(main, ["--db", seeded_db, "claims", "--doc", "00"])
    assert ambiguous.exit_code == 1 and "several document names" in ambiguous.output


def test_a_mistyped_database_path_is_an_error_not_an_empty_database(tmp_path, runner):
    for command in (["claims"], ["stats"], ["speakers"], ["batches"], ["db", "current"], ["show", "1"]):
        result = runner.invoke(main, ["--db", str(tmp_path / "typo.db"), *command])
        assert result.exit_code == 1 and "no database at" in result.output, (command, result.output)
    assert not (tmp_path / "typo.db").exists()
    assert "empty" in runner.invoke(main, ["--db", "", "claims"]).output


def test_search_filters_are_literal(seeded_db, runner):
    everything = runner.invoke(main, ["--db", seeded_db, "claims", "--search", "%", "--json"])
    assert everything.exit_code == 0
    assert all("%" in json.loads(line)["text"] for line in everything.stdout.splitlines())
    underscore = runner.invoke(main, ["--db", seeded_db, "claims", "--speaker", "_", "--json"])
    assert all("_" in (json.loads(line)["speaker"] or "") for line in underscore.stdout.splitlines())


def _claim_count(url: str) -> int:
    from sqlalchemy import create_engine, text

    from claimtrack.store.db import resolve_url

    engine = create_engine(resolve_url(url))
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM claims WHERE status != 'rejected'")).scalar_one()
    engine.dispose()
    return count


def test_exports_past_one_chunk(large_db, runner, tmp_path):
    """Exports stream chunk after chunk: every claim once, vias kept, in jsonl and csv."""
    import csv

    total = _claim_count(large_db)
    assert total > 1200
    rows = _export(runner, large_db)
    assert len(rows) == total
    assert len({r["id"] for r in rows}) == total
    assert sum(1 for r in rows if r["via"]) > 12
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["--db", large_db, "export", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as handle:
        assert sum(1 for _ in csv.DictReader(handle)) == total
    listed = runner.invoke(main, ["--db", large_db, "claims", "--json"])
    assert listed.exit_code == 0
    assert len(listed.stdout.splitlines()) == total


def test_stats_agree_with_the_claims_past_one_chunk(large_db, runner, tmp_path):
    """`stats` counts in the database what the listed claims hold: types, relays, verdicts and
    review progress per outlet, on a store of several chunks with reviews of every kind."""
    from collections import Counter

    from claimtrack.store.db import Database
    from claimtrack.workflow import review as reviews

    target = tmp_path / "claims.db"
    copy_database(large_db, target)
    url = f"sqlite:///{target}"
    rows = _export(runner, url)
    with Database(url).session() as session:
        for n, row in enumerate(rows[::23]):
            action = n % 4
            if action == 0:
                reviews.confirm(session, row["id"], "ana")
            elif action == 1:
                reviews.set_verdict(session, row["id"], "false", "ana")
            elif action == 2:
                reviews.reject(session, row["id"], "ana")
            else:
                reviews.add_note(session, row["id"], "à revoir", "ana")  # a note is no decision
        session.commit()
    kept = [r for r in _export(runner, url) if r["status"] != "rejected"]
    result = runner.invoke(main, ["--db", url, "stats", "--by", "outlet", "--json"])
    assert result.exit_code == 0, result.output
    profiles = {p["group"]: p for p in json.loads(result.stdout)}
    for outlet in {r["outlet"] for r in kept}:
        mine = [r for r in kept if r["outlet"] == outlet]
        profile = profiles[outlet or "(no outlet)"]
        relayed = [r for r in mine if r["via"] or r["speaker_type"] == "outlet"]
        assert profile["claims"] == len(mine)
        assert profile["by_type"] == dict(Counter(r["speaker_type"] for r in mine))
        assert profile["relayed"] == len(relayed)
        assert profile["originated"] == len(mine) - len(relayed)  # the copies are in no group
        assert profile["verdicts"] == dict(Counter(r["verdict"] for r in mine if r["verdict"]))
        assert profile["reviewed"] == sum(1 for r in mine if r["status"] != "machine")
    assert sum(p["reviewed"] for p in profiles.values()) > 10


def test_ingest_measures_the_store_for_the_planner(sqlite_url, runner):
    """SQLite plans listings from ANALYZE's statistics: ingest takes them when the store has
    none or has grown by half, and not again for a store that has not grown."""
    import sqlite3

    def measured() -> int:
        connection = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
        rows = connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'claims'").fetchall()
        connection.close()
        return int(rows[0][0].split()[0]) if rows else 0

    seeds = sorted(SEEDS.glob("*.txt"))
    assert runner.invoke(main, ["--db", sqlite_url, "ingest", str(seeds[0])]).exit_code == 0
    first = measured()
    assert first > 0
    assert runner.invoke(main, ["--db", sqlite_url, "ingest", *map(str, seeds[1:])]).exit_code == 0
    assert measured() > first * 1.5  # grown: measured again
    grown = measured()
    assert runner.invoke(main, ["--db", sqlite_url, "ingest", "--reprocess", str(seeds[0])]).exit_code == 0
    assert measured() == grown


def test_least_sure_first(seeded_copy, runner):
    listed = runner.invoke(main, ["--db", seeded_copy, "claims", "--sort", "confidence", "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    confidences = [r["confidence"] for r in rows]
    assert confidences == sorted(confidences) and confidences[0] < confidences[-1]
    assert all(r["evidence"] for r in rows)
    drawn = runner.invoke(main, ["--db", seeded_copy, "sample", "12", "--seed", "3", "--sort", "confidence",
                                 "--batch", "unsure"])
    assert drawn.exit_code == 0, drawn.output
    batch = runner.invoke(main, ["--db", seeded_copy, "claims", "--batch", "unsure", "--json"])
    in_batch = [json.loads(line)["confidence"] for line in batch.stdout.splitlines()]
    assert len(in_batch) == 12 and in_batch == sorted(in_batch)


def test_reprocessing_keeps_saved_samples_whole(seeded_copy, runner):
    drawn = runner.invoke(main, ["--db", seeded_copy, "sample", "25", "--seed", "11", "--batch", "kept"])
    assert drawn.exit_code == 0, drawn.output

    def batch_texts():
        result = runner.invoke(main, ["--db", seeded_copy, "claims", "--batch", "kept", "--json"])
        return [(json.loads(line)["document"], json.loads(line)["text"]) for line in result.stdout.splitlines()]

    before = batch_texts()
    assert len(before) == 25
    again = runner.invoke(main, ["--db", seeded_copy, "ingest", "--reprocess", str(SEEDS)])
    assert again.exit_code == 0, again.output
    assert batch_texts() == before  # same claims, same order, new ids


def test_narrow_terminals_keep_words_whole(seeded_db, runner):
    import re

    rows = [json.loads(line) for line in runner.invoke(main, ["--db", seeded_db, "claims", "--limit", "5",
                                                              "--json"]).stdout.splitlines()]
    for width in (60, 80, 120):
        result = runner.invoke(main, ["--db", seeded_db, "claims", "--limit", "5"], env={"COLUMNS": str(width)})
        assert result.exit_code == 0
        assert max(len(line) for line in result.output.splitlines()) <= width
        printed = set(re.findall(r"\w+", result.output))
        for row in rows:  # every word of every claim comes out whole
            assert set(re.findall(r"\w+", row["text"])) <= printed
            assert row["document"] in result.output


def test_json_for_scripts(seeded_copy, runner):
    shown = json.loads(runner.invoke(main, ["--db", seeded_copy, "show", "3", "--json"]).stdout)
    assert shown["id"] == 3 and shown["history"] == [] and "pipeline" in shown
    speakers = json.loads(runner.invoke(main, ["--db", seeded_copy, "speakers", "--json"]).stdout)
    assert speakers and {"name", "type", "claims", "documents"} <= set(speakers[0])
    stats = json.loads(runner.invoke(main, ["--db", seeded_copy, "stats", "--by", "document", "--json"]).stdout)
    assert len(stats) == 5 and sum(p["claims"] for p in stats) > 90
    runner.invoke(main, ["--db", seeded_copy, "sample", "4", "--seed", "1", "--batch", "b1"])
    [batch] = json.loads(runner.invoke(main, ["--db", seeded_copy, "batches", "--json"]).stdout)
    assert batch["name"] == "b1" and batch["total"] == 4 and batch["filters"] == {}


def test_a_sample_larger_than_the_claims_says_so(seeded_copy, runner):
    result = runner.invoke(main, ["--db", seeded_copy, "sample", "500", "--doc", "000", "--seed", "2"])
    assert result.exit_code == 0
    assert "Warning: only 20 claim(s) match" in result.output
    assert "Save the sample under this name" in runner.invoke(main, ["sample", "--help"]).output


def test_an_export_that_fails_midway_leaves_no_partial_file(seeded_copy, runner, tmp_path, monkeypatch):
    import errno

    from claimtrack.reporting import export as exports

    target = tmp_path / "claims.jsonl"
    target.write_text("yesterday's export\n", encoding="utf-8")
    real = exports.write_jsonl

    def disk_full(rows, out):
        real(iter(list(rows)[:3]), out)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports, "write_jsonl", disk_full)
    result = runner.invoke(main, ["--db", seeded_copy, "export", "-o", str(target)])
    assert result.exit_code != 0 and "No space left on device" in result.output
    assert target.read_text(encoding="utf-8") == "yesterday's export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".claims")] == []
    monkeypatch.setattr(exports, "write_jsonl", real)
    result = runner.invoke(main, ["--db", seeded_copy, "export", "-o", str(target)])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").count("\n") > 50


def test_outlet_date_and_url_for_text_files_from_options_and_a_manifest(db_url, runner, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (articles / name).write_text(f"Le maire de {name[0].upper()}ville a annoncé la fermeture du pont.\n",
                                     encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,outlet,date,url\narticles/a.txt,La Dépêche,2024-03-01,https://example.org/a\n"
                        "b.txt,,2024-03-02,\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", "--manifest", str(manifest), "--outlet", "Le Courrier",
                                  str(articles)])
    assert result.exit_code == 0, result.output
    assert "1 document(s) have no publication date" in result.stderr  # c.txt: never the ingestion day
    rows = {r["document"]: r for r in _export(runner, db_url)}
    assert (rows["a.txt"]["outlet"], rows["a.txt"]["date"]) == ("La Dépêche", "2024-03-01")
    assert (rows["b.txt"]["outlet"], rows["b.txt"]["date"]) == ("Le Courrier", "2024-03-02")
    assert (rows["c.txt"]["outlet"], rows["c.txt"]["date"]) == ("Le Courrier", None)
    assert rows["c.txt"]["ingested"]
    shown = runner.invoke(main, ["--db", db_url, "show", str(rows["a.txt"]["id"])], env={"COLUMNS": "200"})
    assert "https://example.org/a" in shown.output
    bad = tmp_path / "bad.csv"
    bad.write_text("file,date\na.txt,03/01/2024\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", "--manifest", str(bad), str(articles)])
    assert result.exit_code != 0 and f"{bad}:2:" in result.output and "YYYY-MM-DD" in result.output
    result = runner.invoke(main, ["--db", db_url, "ingest", "--date", "hier", str(articles)])
    assert result.exit_code != 0 and "--date" in result.output


def test_documents_and_json_for_ingest_and_sample(db_url, runner, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Le maire a annoncé la fermeture du pont.\n\nLe pont date de 1890.\n",
                                    encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", "--json", "--date", "2024-05-02", "--outlet",
                                  "Le Télégramme", str(articles / "a.txt"), str(tmp_path / "missing.txt")])
    assert result.exit_code != 0  # the missing file failed; the other is stored and both are listed
    records = {r["name"].rsplit("/", 1)[-1]: r for r in json.loads(result.stdout)}
    assert records["a.txt"]["status"] == "ingested" and records["a.txt"]["published"] == "2024-05-02"
    assert records["missing.txt"]["status"] == "failed" and records["missing.txt"]["reason"]
    [document] = json.loads(runner.invoke(main, ["--db", db_url, "documents", "--json"]).stdout)
    assert (document["name"], document["outlet"], document["date"], document["claims"]) == (
        "a.txt", "Le Télégramme", "2024-05-02", 2)
    assert document["attributed_share"] == 0.5
    table = runner.invoke(main, ["--db", db_url, "documents"], env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "Le Télégramme" in table.output and "50%" in table.output
    drawn = json.loads(runner.invoke(main, ["--db", db_url, "sample", "2", "--seed", "4", "--json"]).stdout)
    assert drawn["saved"] is False and drawn["seed"] == 4 and len(drawn["claim_ids"]) == 2


def test_filters_by_outlet_publication_dates_and_reviewer(seeded_copy, runner):
    everything = _export(runner, seeded_copy)
    by_outlet = _export(runner, seeded_copy, "--outlet", "french press")
    assert by_outlet and {r["outlet"] for r in by_outlet} == {"FRENCH PRESS TV"}
    dated = _export(runner, seeded_copy, "--since", "2021-04-01", "--until", "2021-04-30")
    assert dated and {r["date"] for r in dated} == {"2021-04-07"} and len(dated) < len(everything)
    assert _export(runner, seeded_copy, "--since", "2021-04-08") == []
    first = everything[0]["id"]
    assert runner.invoke(main, ["--db", seeded_copy, "review", "--doc", everything[0]["document"], "--reviewer",
                                "zoé"], input="c\nq\n").exit_code == 0
    assert [r["id"] for r in _export(runner, seeded_copy, "--reviewed-by", "zoé")] == [first]
    result = runner.invoke(main, ["--db", seeded_copy, "claims", "--since", "02/05/2024"])
    assert result.exit_code == 2 and "--since" in result.output


def test_stats_by_outlet_and_publication_dates(seeded_db, runner):
    everything = json.loads(runner.invoke(main, ["--db", seeded_db, "stats", "--json"]).stdout)
    french = json.loads(runner.invoke(main, ["--db", seeded_db, "stats", "--outlet", "press tv", "--json"]).stdout)
    dated = json.loads(runner.invoke(main, ["--db", seeded_db, "stats", "--since", "2021-04-01", "--until",
                                            "2021-04-30", "--json"]).stdout)
    assert 0 < french[0]["claims"] < everything[0]["claims"]
    assert dated[0]["claims"] == 16  # the one dated seed
    assert json.loads(runner.invoke(main, ["--db", seeded_db, "stats", "--since", "2030-01-01", "--json"]).stdout) == []
