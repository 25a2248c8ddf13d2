"""Migrations: empty to head and back, and the ORM models agree with them."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from claimtrack.cli import main
from claimtrack.store.db import (
    Database,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    outside_models,
    upgrade,
)
from claimtrack.store.models import Base


def test_upgrade_to_head_and_back_down(db_url):
    upgrade(db_url)
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision(db_url)
    assert {"documents", "segments", "speakers", "claims", "claim_via", "reviews", "batches"} <= set(
        inspect(engine).get_table_names())
    downgrade(db_url, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


def test_models_and_migrations_agree(db_url):
    upgrade(db_url)
    with make_engine(db_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "include_object": outside_models})
        assert compare_metadata(context, Base.metadata) == []


def test_database_is_migrated_on_first_use(db_url, runner):
    result = runner.invoke(main, ["--db", db_url, "db", "current"])
    if db_url.startswith("sqlite"):
        assert result.exit_code != 0 and "no database at" in result.output
        assert not Path(db_url.removeprefix("sqlite:///")).exists()  # a look leaves no 0-byte file behind
    else:  # a server's empty database exists: it has no revision yet
        assert "(head)" not in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["--db", db_url, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--db", db_url, "db", "current"])
    assert head_revision(db_url) in result.output and "(head)" in result.output


def test_database_newer_than_the_code_is_refused(db_url):
    Database(db_url, create=True)
    with make_engine(db_url).begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff9999'")
    result = CliRunner().invoke(main, ["--db", db_url, "claims"])
    assert result.exit_code != 0
    assert "newer than this claimtrack knows" in result.output
    assert "Traceback" not in result.output
    current = CliRunner().invoke(main, ["--db", db_url, "db", "current"])
    assert "ffff9999 (newer than this claimtrack" in current.output and "behind" not in current.output


def test_bare_path_means_sqlite(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["--db", "here.db", "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "here.db").is_file()


def test_speaker_keys_are_backfilled_by_their_migration(db_url):
    upgrade(db_url, "0002")
    with make_engine(db_url).begin() as connection:
        connection.exec_driver_sql("INSERT INTO speakers (name, type) VALUES ('Qassim al-Araji', 'named')")
    upgrade(db_url)
    with make_engine(db_url).connect() as connection:
        assert connection.exec_driver_sql("SELECT key FROM speakers").scalar() == "qasim araji"


def test_an_upgrade_that_fails_midway_leaves_the_store_as_it_was_and_can_run_again(db_url):
    """0005 → head in one transaction: a failure (or a kill) in 0008 leaves no table of 0006 or
    0007 behind, so the next upgrade does not stop on "table claims_fts already exists"."""
    import pytest
    from sqlalchemy.exc import SQLAlchemyError

    upgrade(db_url, "0005")
    engine = make_engine(db_url)
    with engine.begin() as connection:  # what 0008 will try to create, there already
        connection.exec_driver_sql("CREATE INDEX ix_claims_confidence_order ON claims (start)")
    with pytest.raises(SQLAlchemyError):
        upgrade(db_url)
    assert current_revision(engine) == "0005"
    tables = set(inspect(engine).get_table_names())
    assert "claim_groups" not in tables and "claims_fts" not in tables
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_claims_confidence_order")
    upgrade(db_url)
    assert current_revision(engine) == head_revision(db_url)
    engine.dispose()


def test_no_migration_runs_live_code_of_the_package():
    for path in sorted((Path(__file__).resolve().parent.parent / "migrations" / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "from claimtrack" not in text and "import claimtrack" not in text, path.name


def test_folded_copies_are_made_for_stored_claims_past_one_chunk_and_searched(db_url, runner):
    """0011 → 0012 on a store that already holds claims (more than one chunk of the backfill):
    each gets its folded copy, the index follows it, `--search etats-unis` finds "États-Unis";
    and back down, the text index of 0007 serves searches again."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "m0012", Path(__file__).resolve().parent.parent / "migrations" / "versions" / "0012_folded_claim_search.py")
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    stored = migration.CHUNK + 10  # the last accented claim is in the second chunk
    upgrade(db_url, "0011")
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO documents (name, source_path, sha256, title, language, encoding, text, ingested_at,"
            " pipeline_backend, pipeline_model, pipeline_version) VALUES ('a.txt', 'a.txt', 'ab12', 'T', 'fr',"
            " 'utf-8', 'x', '2026-12-06 00:00:00', 'spacy', 'm', 'v')")
        rows = [{"start": n, "text": f"Les ÉTATS-UNIS et l’Œuvre n°{n}." if n % 1000 == 7 else f"Phrase {n}."}
                for n in range(stored)]
        connection.execute(text("INSERT INTO claims (document_id, kind, start, \"end\", text, speaker_type, mode,"
                                " confidence, origin, status) VALUES (1, 'claim', :start, :start, :text,"
                                " 'editorial', 'none', 0.5, 'machine', 'machine')"), rows)
    upgrade(db_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM claims WHERE text_folded IS NULL").scalar() == 0
        assert connection.exec_driver_sql(
            f"SELECT text_folded FROM claims WHERE start = {migration.CHUNK + 7}").scalar() \
            == f"les etats-unis et l'oeuvre n°{migration.CHUNK + 7}."
    engine.dispose()
    expected = sum(1 for n in range(stored) if n % 1000 == 7)
    for search in ("etats-unis", "États-Unis", "l'oeuvre"):
        result = runner.invoke(main, ["--db", db_url, "claims", "--search", search, "--json"])
        assert result.exit_code == 0, result.output
        assert len(result.output.splitlines()) == expected, search
    downgrade(db_url, "0011")
    with make_engine(db_url).connect() as connection:
        if db_url.startswith("sqlite"):
            assert connection.exec_driver_sql(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH '\"ÉTATS-UNIS\"'").scalar() == expected
        assert "text_folded" not in {c["name"] for c in inspect(connection).get_columns("claims")}
