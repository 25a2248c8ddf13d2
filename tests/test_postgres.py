"""The same migrations and models on PostgreSQL, when a server is given.

Set CLAIMTRACK_TEST_POSTGRES_URL (e.g. postgresql://postgres@/postgres?host=/tmp&port=5433)
and install the extra: pip install '.[postgres]'.
"""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from claimtrack.store.db import (
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    outside_models,
    resolve_url,
    upgrade,
)
from claimtrack.store.models import Base

URL = resolve_url(os.environ["CLAIMTRACK_TEST_POSTGRES_URL"]) if os.environ.get("CLAIMTRACK_TEST_POSTGRES_URL") \
    else None
pytestmark = pytest.mark.skipif(not URL, reason="no PostgreSQL server given (CLAIMTRACK_TEST_POSTGRES_URL)")


def test_migrations_and_models_agree_on_postgres():
    downgrade(URL, "base")
    upgrade(URL)
    engine = make_engine(URL)
    assert current_revision(engine) == head_revision(URL)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "include_object": outside_models})
        assert compare_metadata(context, Base.metadata) == []
