"""Alembic environment: claimtrack builds the Config in code (claimtrack.store.db.alembic_config)."""

from alembic import context
from sqlalchemy import engine_from_config, event, pool

from claimtrack.store.db import outside_models
from claimtrack.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=url.startswith("sqlite"), include_object=outside_models)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is None:
        connectable = engine_from_config(config.get_section(config.config_ini_section, {}),
                                         prefix="sqlalchemy.", poolclass=pool.NullPool)
        if connectable.dialect.name == "sqlite":
            _transactional_ddl(connectable)
        with connectable.connect() as connection:
            _run(connection)
    else:
        _run(connectable)


def _transactional_ddl(engine) -> None:
    """Python's sqlite3 commits before every CREATE, ALTER and DROP of its own accord, so a killed
    upgrade left half its tables behind and the next one failed ("table claims_fts already
    exists"). With the driver's own transaction handling off and BEGIN emitted here, SQLite runs
    the whole upgrade as one transaction, DDL included: all of it happens, or none."""
    @event.listens_for(engine, "connect")
    def _driver_autocommit(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")


def _run(connection) -> None:
    # transactional_ddl: Alembic assumes SQLite cannot roll DDL back and commits each step;
    # with _transactional_ddl's BEGIN it can (PostgreSQL always could)
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True,
                      include_object=outside_models, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
