"""claims.db.example is built from seeds/ by the README's command and kept current."""

from __future__ import annotations

from sqlalchemy import func, select

from claimtrack.store.db import current_revision, head_revision, make_engine
from claimtrack.store.models import Claim, Document
from tests.conftest import ROOT, SEEDS


def test_example_database_is_at_head_and_holds_the_seeds(tmp_path):
    # read on a copy: opening the tracked file itself would switch it to WAL mode and dirty the clone
    tracked = (ROOT / "claims.db.example").read_bytes()
    copy = tmp_path / "claims.db.example"
    copy.write_bytes(tracked)
    url = f"sqlite:///{copy}"
    engine = make_engine(url)
    assert current_revision(engine) == head_revision(url)
    with engine.connect() as connection:
        names = set(connection.scalars(select(Document.name)))
        assert names == {p.name for p in SEEDS.glob("*.txt")}
        assert connection.scalar(select(func.count(Claim.id))) > 90
    engine.dispose()
    assert (ROOT / "claims.db.example").read_bytes() == tracked
