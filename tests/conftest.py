"""Shared fixtures. The spaCy model loads once per test session (load_backend is cached)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.engine import Analyzer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer("spacy")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'claims.db'}"


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory, analyzer) -> str:
    """A database holding the seeds, built once through the CLI."""
    from claimtrack.cli import main

    path = tmp_path_factory.mktemp("seeded") / "claims.db"
    result = CliRunner().invoke(main, ["--db", str(path), "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return f"sqlite:///{path}"


@pytest.fixture
def seeded_copy(seeded_db: str, tmp_path: Path) -> str:
    """A private copy of the seeded database for tests that write to it."""
    target = tmp_path / "copy.db"
    shutil.copy(seeded_db.removeprefix("sqlite:///"), target)
    return f"sqlite:///{target}"


def load_scorer():
    """The shared scorer (../shared/tools/score.py), imported as a module."""
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
