"""Database URL, engine and Alembic, configured in code so that installed copies find their migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "claims.db"


class DatabaseError(RuntimeError):
    """A database problem a user can fix; the message says how."""


def resolve_url(value: str | None) -> str:
    """A URL as given, or a bare path meaning SQLite (`--db claims.db`). A bare
    `postgresql://` uses psycopg 3, the driver the `postgres` extra installs."""
    value = value or os.environ.get("CLAIMTRACK_DB") or DEFAULT_DB
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def one_line(error: Exception) -> str:
    """SQLAlchemy errors carry the SQL and a help link over several lines; users need the cause."""
    cause = getattr(error, "orig", None) or error
    text = str(cause).strip().splitlines()
    return text[0] if text else type(error).__name__


def migrations_dir() -> Path:
    """Migrations ship inside the wheel (claimtrack/_migrations) or sit beside the package
    in a source checkout or an editable install (../migrations)."""
    packaged = Path(__file__).parent / "_migrations"
    if (packaged / "env.py").is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(connection, _record) -> None:  # foreign keys are off by default in SQLite
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
    return engine


def head_revision(url: str) -> str:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


class Database:
    """An engine on a database that is at the migrations' head (migrated on first use)."""

    def __init__(self, value: str | None = None, *, migrate: bool = True) -> None:
        self.url = resolve_url(value)
        try:
            self.engine = make_engine(self.url)
        except ModuleNotFoundError as error:
            raise DatabaseError(f"no driver for {self.url.split('://')[0]} ({error.name}): for PostgreSQL, "
                                "pip install 'claimtrack[postgres]'") from error
        except Exception as error:  # a malformed URL
            raise DatabaseError(f"cannot open database {self.url!r}: {one_line(error)}") from error
        if migrate:
            self.ensure_current()
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def ensure_current(self) -> None:
        script = ScriptDirectory.from_config(alembic_config(self.url))
        try:
            current = current_revision(self.engine)
        except Exception as error:
            raise DatabaseError(f"cannot read database {self.url!r}: {one_line(error)}") from error
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise DatabaseError(
                f"the database is at revision {current}, newer than this claimtrack knows "
                f"(head {script.get_current_head()}): upgrade claimtrack (pip install -U claimtrack)"
            )
        if current != script.get_current_head():
            upgrade(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        with self.sessions() as session, session.begin():
            yield session
