"""A command that reads the store starts without what it does not use: the attribution engine
(and spaCy) only for the commands that attribute, Alembic only when the database is not at the
newest migration. `claimtrack claims` took 1.15 s before it listed anything, 0.5 s now. And a
command ends without the interpreter's last collections (cli.app.run), its database closed
first."""

from __future__ import annotations

import subprocess
import sys

from claimtrack.cli import main
from claimtrack.store.db import SCHEMA_HEAD, Database, head_revision

_LOADED = ("import sys\n"
           "from click.testing import CliRunner\n"
           "from claimtrack.cli import main\n"
           "result = CliRunner().invoke(main, ['--db', sys.argv[1]] + sys.argv[2:])\n"
           "assert result.exit_code == 0, result.output\n"
           "watched = ('alembic', 'claimtrack.engine.pipeline', 'spacy')\n"
           "print(' '.join(sorted(m for m in watched if m in sys.modules)))\n")


def _modules_after(*arguments: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _LOADED, *arguments], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_schema_head_named_in_code_is_alembics(sqlite_url):
    assert SCHEMA_HEAD == head_revision(sqlite_url)


def test_reading_commands_load_neither_the_engine_nor_alembic(tmp_path):
    path = tmp_path / "claims.db"
    Database(f"sqlite:///{path}", create=True)  # created at the newest migration
    assert _modules_after(str(path), "claims", "--limit", "3") == []
    assert _modules_after(str(path), "stats") == []


def test_a_database_behind_the_newest_migration_is_still_upgraded(tmp_path):
    from claimtrack.store.db import current_revision, downgrade, make_engine

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    Database(url, create=True)
    downgrade(url, "0013")
    assert current_revision(make_engine(url)) == "0013"
    assert _modules_after(str(tmp_path / "claims.db"), "claims") == ["alembic"]
    assert current_revision(make_engine(url)) == SCHEMA_HEAD


def test_the_engine_choices_of_the_command_line_are_the_engines():
    from claimtrack.cli.engine_options import ENGINES as offered
    from claimtrack.engine.pipeline import ENGINES

    assert offered == ENGINES


def test_the_engines_names_load_when_first_asked_for():
    done = subprocess.run([sys.executable, "-c", "import sys, claimtrack.engine as e\n"
                           "print('claimtrack.engine.pipeline' in sys.modules, e.Analyzer.__name__, "
                           "'claimtrack.engine.pipeline' in sys.modules)"], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "Analyzer", "True"], done.stderr


def test_a_command_closes_its_database_when_it_ends(tmp_path, runner):
    """SQLite's write-ahead log is folded back into the file when the last connection closes:
    left to the collector, which the console script skips at exit, it stayed beside the file."""
    path = tmp_path / "claims.db"
    article = tmp_path / "one.txt"
    article.write_text("Le maire a annoncé la fermeture du pont, selon l'AFP.\n", encoding="utf-8")
    result = runner.invoke(main, ["--db", str(path), "ingest", "--engine", "rules", str(article)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db", "one.txt"]
    result = runner.invoke(main, ["--db", str(path), "export", "--format", "jsonl"])
    assert result.exit_code == 0 and '"speaker": "maire"' in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db", "one.txt"]


def test_the_console_script_exits_as_main_does(tmp_path):
    """`python -m claimtrack` goes through cli.app.run: the same output and exit codes as main."""
    path = tmp_path / "claims.db"
    Database(f"sqlite:///{path}", create=True).close()

    def both(*arguments: str) -> list[tuple[int, str, str]]:
        runs = ([sys.executable, "-m", "claimtrack"], [sys.executable, "-c", "from claimtrack.cli import main; main()"])
        done = [subprocess.run([*command, *arguments], capture_output=True, text=True, timeout=120) for command in runs]
        return [(run.returncode, run.stdout, run.stderr) for run in done]

    listed, listed_by_main = both("--db", str(path), "stats")
    assert listed == listed_by_main and listed[0] == 0 and "Sourcing profile" in listed[1]
    missing, missing_by_main = both("--db", str(tmp_path / "nowhere.db"), "claims")
    assert missing == missing_by_main and missing[0] == 1 and len(missing[2].strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]
