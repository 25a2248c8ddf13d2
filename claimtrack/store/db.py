"""Database URL, engine and Alembic, configured in code so that installed copies find their migrations."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from claimtrack.errors import ClaimtrackError

DEFAULT_DB = "claims.db"
IN_CHUNK = 500  # values in one IN (…): well under SQLite's and PostgreSQL's parameter limits
T = TypeVar("T")


class DatabaseError(ClaimtrackError, RuntimeError):
    """A database problem a user can fix; the message says how."""


def resolve_url(value: str | None) -> str:
    """A URL as given, or a bare path meaning SQLite (`--db claims.db`). A bare
    `postgresql://` uses psycopg 3, the driver the `postgres` extra installs."""
    if value is None:
        value = os.environ.get("CLAIMTRACK_DB") or DEFAULT_DB
    if not value.strip():
        raise DatabaseError("--db is empty: give a file path (claims.db) or a database URL")
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _password_parts(url: str) -> list[str]:
    """Every piece of a URL's password that could reach a message, longest first: the password
    as written between the first ':' of the user part and the last '@' (a password may hold an
    unencoded '@' that parsers split elsewhere), decoded, and its pieces around '@', ':' and '/'."""
    if "://" not in url:
        return []
    rest = url.split("://", 1)[1]
    if "@" not in rest:
        return []
    userinfo = rest[: rest.rfind("@")]
    if ":" not in userinfo:
        return []
    raw = userinfo.split(":", 1)[1]
    parts = {raw, unquote(raw)}
    for piece in re.split(r"[@:/]", raw):
        if len(piece) >= 3:
            parts.update((piece, unquote(piece)))
    return sorted((p for p in parts if p), key=len, reverse=True)


def hide_password(text: str, url: str | None) -> str:
    """`text` with every piece of `url`'s password masked."""
    for part in _password_parts(url or ""):
        text = text.replace(part, "***")
    # a password with an unencoded '@' makes a driver read part of it as the host ("ss@word@db"):
    # whatever stands before an '@' in a message is user information, never shown
    return re.sub(r"[^\s'\"(),]*@", "***@", text)


def shown(url: str) -> str:
    """A URL fit to print: the password hidden, however the URL is written (an unencoded '@' in
    the password included: nothing after the first ':' of the user part up to the last '@')."""
    if "://" in url and "@" in url.split("://", 1)[1]:
        scheme, rest = url.split("://", 1)
        userinfo, _, host = rest.rpartition("@")
        user = userinfo.split(":", 1)[0]
        return f"{scheme}://{user}{':***' if ':' in userinfo else ''}@{host}"
    return url


def one_line(error: BaseException, url: str | None = None) -> str:
    """SQLAlchemy errors carry the SQL and a help link over several lines; users need the cause,
    without the password of a URL."""
    cause = getattr(error, "orig", None) or error
    text = str(cause).strip().splitlines()
    line = text[0] if text else type(error).__name__
    line = re.sub(r"(://[^:/@\s]*:)\S*@", r"\1***@", line)
    return hide_password(line, url)


def _unreadable(url: str, error: Exception) -> DatabaseError:
    cause = one_line(error, url)
    if "timeout expired" in cause:
        parsed = make_url(url)
        where = f"{parsed.host or 'the local socket'}{f':{parsed.port}' if parsed.port else ''}"
        cause += (f" (no answer from {where} within {connect_timeout()} s; "
                  "CLAIMTRACK_CONNECT_TIMEOUT sets the wait)")
    return DatabaseError(f"cannot read database {shown(url)!r}: {cause}")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):  # a URI filename: sqlite:///file:claims.db?mode=ro&uri=true
        return Path(parsed.database[len("file:"):].split("?", 1)[0])
    return Path(parsed.database)


def migrations_dir() -> Path:
    """Migrations ship inside the wheel (claimtrack/_migrations) or sit beside the package
    in a source checkout or an editable install (../migrations)."""
    package = Path(__file__).resolve().parent.parent  # claimtrack/, this module being claimtrack/store/db.py
    packaged = package / "_migrations"
    if (packaged / "env.py").is_file():
        return packaged
    return package.parent / "migrations"


# The newest migration (tested equal to Alembic's head): a database already at it is opened with
# one query, without importing Alembic and reading every migration, which every command paid
SCHEMA_HEAD = "0014"


def alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


BUSY_TIMEOUT_S = 30
CONNECT_TIMEOUT_S = 10


def connect_timeout() -> int:
    """Seconds to wait for a database server to answer (CLAIMTRACK_CONNECT_TIMEOUT, default 10)."""
    value = os.environ.get("CLAIMTRACK_CONNECT_TIMEOUT", "")
    if not value:
        return CONNECT_TIMEOUT_S
    if not value.isdigit() or int(value) < 1:
        raise DatabaseError(f"CLAIMTRACK_CONNECT_TIMEOUT must be a whole number of seconds, not {value!r}")
    return int(value)


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        # a writer waits up to BUSY_TIMEOUT_S for another one instead of failing "database is locked"
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

        @event.listens_for(engine, "connect")
        def _pragmas(connection, _record) -> None:  # foreign keys are off by default in SQLite
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
            # readers never block the writer, and the writer never blocks readers
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                try:
                    cursor.execute("PRAGMA journal_mode=WAL")
                except sqlite3.OperationalError:
                    pass  # a read-only file keeps its journal mode
            cursor.close()
        return engine
    # a server that accepts and never answers, or a host that drops the attempt, must not hang
    # every command: libpq gives up after CONNECT_TIMEOUT_S (CLAIMTRACK_CONNECT_TIMEOUT) and says which host
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": connect_timeout()})


def _scripts(url: str):
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url))


def head_revision(url: str) -> str:
    return _scripts(url).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def stored_revision(engine: Engine) -> str | None:
    """The revision the database says it is at, read with one query; None when it cannot say
    (no version table yet, an unreadable file): then `current_revision` and Alembic decide."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except Exception:
        return None
    return rows[0][0] if len(rows) == 1 else None


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse what is not claimtrack's SQLite file before SQLAlchemy touches it: a folder, a
    device, another program's database, a file that is not SQLite at all, or (for commands that
    only read) a file that does not exist yet."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder: give a database file path, e.g. {path / 'claims.db'}")
    if not path.exists():
        if not create:
            raise DatabaseError(f"no database at {path}: ingest articles first (claimtrack --db {path} ingest …) "
                                f"or create it with 'claimtrack --db {path} db upgrade'")
        if not path.parent.exists():
            raise DatabaseError(f"cannot create {path}: the folder {path.parent} does not exist")
        return
    if not path.is_file():
        raise DatabaseError(f"{path} is not a regular file: give a database file path")
    if path.stat().st_size == 0:
        return  # an empty file becomes a new database
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(f"{path} is not a SQLite database: give claimtrack its own file")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"cannot read {path}: {error}") from error
    if tables and "alembic_version" not in tables:
        listed = ", ".join(sorted(tables)[:5])
        raise DatabaseError(f"{path} belongs to another program (tables: {listed}): give claimtrack its own file")


class _MigrationLock:
    """An exclusive lock beside a SQLite file while its schema is created or migrated, so that
    several commands starting at once on a new file do not all create the tables."""

    def __init__(self, path: Path | None) -> None:
        # in the temporary folder, keyed by the database's absolute path: nothing is left beside the file
        key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24] if path else None
        self.path = Path(tempfile.gettempdir()) / f"claimtrack-{key}.migrate-lock" if key else None
        self.handle = None

    def __enter__(self) -> _MigrationLock:
        if self.path is not None:
            try:
                self.handle = open(self.path, "a")
                fcntl.flock(self.handle, fcntl.LOCK_EX)
            except OSError:
                self.handle = None  # a read-only folder: migration will report what it can do
        return self

    def __exit__(self, *exc) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()


def _create_sqlite(path: Path) -> None:
    """A new SQLite database is built whole in a scratch file beside it and renamed into place:
    SQLite's schema changes are not transactional under Alembic, so a kill during the first
    migration must not leave tables without a version at the user's path."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        upgrade(f"sqlite:///{scratch}")
        os.replace(scratch, path)
    except OSError as error:
        raise DatabaseError(f"cannot create {path}: {error.strerror or error}") from error
    finally:
        for leftover in (scratch, scratch.with_name(scratch.name + "-journal")):
            leftover.unlink(missing_ok=True)


class Database:
    """An engine on a database that is at the migrations' head (migrated on first use).

    `create`: whether a missing SQLite file may be created (ingest, db upgrade); commands that
    only read refuse a path that does not exist instead of answering from an empty database.
    """

    def __init__(self, value: str | None = None, *, migrate: bool = True, create: bool = False) -> None:
        self.url = resolve_url(value)
        path = sqlite_path(self.url)
        if path is not None:
            check_sqlite_file(path, create=create)
        try:
            self.engine = make_engine(self.url)
        except ModuleNotFoundError as error:
            raise DatabaseError(f"no driver for {self.url.split('://')[0]} ({error.name}): for PostgreSQL, "
                                "pip install 'claimtrack[postgres]'") from error
        except Exception as error:  # a malformed URL
            raise DatabaseError(f"cannot open database {shown(self.url)!r}: {one_line(error, self.url)}") from error
        if migrate:
            with _MigrationLock(path):
                if path is not None and (not path.exists() or path.stat().st_size == 0):
                    _create_sqlite(path)
                self.ensure_current()
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def ensure_current(self) -> None:
        if stored_revision(self.engine) == SCHEMA_HEAD:
            return
        script = _scripts(self.url)
        try:
            current = current_revision(self.engine)
        except Exception as error:
            raise _unreadable(self.url, error) from error
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise DatabaseError(
                f"the database is at revision {current}, newer than this claimtrack knows "
                f"(head {script.get_current_head()}): upgrade claimtrack (pip install -U claimtrack)"
            )
        if current is None:
            try:
                with self.engine.connect() as connection:
                    tables = set(inspect(connection).get_table_names())
            except Exception as error:
                raise _unreadable(self.url, error) from error
            if tables - {"alembic_version"}:
                raise DatabaseError(f"{shown(self.url)} holds tables but no schema version (a creation that was "
                                    f"interrupted, or another program's database): give claimtrack its own database")
        if current != script.get_current_head():
            try:
                upgrade(self.url)
            except Exception as error:
                raise DatabaseError(f"cannot migrate {shown(self.url)!r}: {one_line(error, self.url)}") from error

    def close(self) -> None:
        """Close the pooled connections: SQLite checkpoints its write-ahead log into the file and
        removes it, PostgreSQL ends the sessions. Sessions opened later reconnect."""
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    def run(self, work: Callable[[Session], T], retries: int = 5) -> T:
        """`work` in one transaction, run again from the start when another writer held the
        database past the busy timeout ("database is locked"): a reviewer's answer is never
        lost to a passing lock."""
        for attempt in range(retries):
            try:
                with self.session() as session:
                    return work(session)
            except OperationalError as error:
                if not is_transient(error) or attempt == retries - 1:
                    raise
                time.sleep(0.1 * 2 ** attempt)
        raise AssertionError("unreachable")


def is_transient(error: OperationalError) -> bool:
    """A failure that trying the same transaction again can cure: SQLite's lock held past the
    busy timeout, PostgreSQL's deadlock or serialization failure (it rolled this one back)."""
    return any(word in str(error) for word in ("locked", "busy", "deadlock", "could not serialize"))


STATISTICS_GROWTH = 1.5  # the claims grew by half since SQLite last measured them: measure again


def refresh_statistics(database: Database) -> bool:
    """Run SQLite's ANALYZE when the store has no statistics or has grown by half since it last
    had them; returns whether it ran. Without them SQLite plans a listing as if every value
    were rare: `claims --unsourced --limit 50` sorted 400,000 claims (215 ms at a million
    claims) instead of reading fifty in order (8 ms). ANALYZE reads only the indexes (0.5 s a
    million claims). PostgreSQL's autovacuum keeps its own statistics. A busy store is left
    as it is: this is an optimisation, never a reason to fail."""
    if database.engine.dialect.name != "sqlite":
        return False
    try:
        with database.engine.begin() as connection:
            measured = connection.exec_driver_sql(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = 'claims' LIMIT 1").scalar() if connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() else None
            claims = connection.exec_driver_sql("SELECT count(*) FROM claims").scalar() or 0
            if measured and claims <= int(measured.split()[0]) * STATISTICS_GROWTH:
                return False
            connection.exec_driver_sql("ANALYZE")
        return True
    except OperationalError:
        return False


def schema_state(database: Database) -> str:
    """"<revision> (head)", "… (behind head X: …)" or "… (newer than this claimtrack …)"."""
    try:
        current = current_revision(database.engine)
    except Exception as error:
        raise _unreadable(database.url, error) from error
    script = _scripts(database.url)
    head = script.get_current_head()
    if current == head:
        return f"{current} (head)"
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        return f"{current} (newer than this claimtrack, whose head is {head}: pip install -U claimtrack)"
    return f"{current or 'empty'} (behind head {head}: run 'claimtrack db upgrade')"


def outside_models(obj, name, type_, reflected, compare_to) -> bool:
    """For Alembic's comparison of models and database: the search indexes that migrations make
    by hand (the FTS5 table and its shadow tables, the pg_trgm index) are not models."""
    if type_ == "table" and name and name.startswith("claims_fts"):
        return False
    return not (type_ == "index" and name in ("ix_claims_text_trgm", "ix_claims_text_folded_trgm"))
