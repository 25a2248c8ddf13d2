"""The HTML report, rendered in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from claimtrack.cli import main
from claimtrack.store.db import Database
from claimtrack.store.models import Claim, Document

DOC = "000_4e39641b278808e5.txt"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _write(runner, db_url, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["--db", db_url, "report", DOC, "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_is_standalone_and_complete(seeded_db, runner, tmp_path):
    page = _write(runner, seeded_db, tmp_path).read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']https?://""", page)  # no external assets
    assert "machine-extracted" in page and "named source" in page
    assert "class='par caption'" in page or 'class="par caption"' in page
    missing = runner.invoke(main, ["--db", seeded_db, "report", "nope.txt"])
    assert missing.exit_code != 0 and "no document" in missing.output


@pytest.mark.skipif(BROWSER is None, reason="no chromium installed (apt-get install chromium)")
def test_report_renders_in_a_browser(seeded_db, runner, tmp_path):
    out = _write(runner, seeded_db, tmp_path)
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", out.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    with Database(seeded_db).session() as session:
        doc_id = session.scalars(select(Document.id).where(Document.name == DOC)).one()
        expected = session.scalar(select(func.count(Claim.id)).where(Claim.document_id == doc_id))
        named = session.scalar(select(func.count(Claim.id)).where(Claim.document_id == doc_id,
                                                                   Claim.speaker_type == "named"))
    assert f'data-rendered-claims="{expected}"' in dom  # the browser ran the page and counted its claims
    assert dom.count('data-speaker-type="named"') == named
    assert "Qassim al-Araji" in dom  # speaker names shown beside their claims
    assert "Et si la Russie traitait les USA en Irak" in dom


def test_report_shows_review_state_and_reviewer_added_claims(seeded_copy, runner, tmp_path):
    from claimtrack.workflow import review as reviews
    from claimtrack.workflow.review import Correction

    with Database(seeded_copy).session() as session:
        document = session.scalars(select(Document).where(Document.name == DOC)).one()
        first = min(document.claims, key=lambda c: c.start)
        reviews.confirm(session, first.id, "ana")
        reviews.set_verdict(session, first.id, "false", "ana")
        caption = next(s for s in document.segments if s.kind == "caption")
        added = reviews.add_claim(session, document.id, caption.start, caption.end,
                                  Correction(speaker="Ali Rabiei", speaker_type="named", mode="indirect"), "ana")
        session.flush()
        added_id = added.id
    page = _write(runner, seeded_copy, tmp_path).read_text(encoding="utf-8")
    assert f'data-claim="{first.id}"' in page
    mark = re.search(rf'<mark [^>]*data-claim="{first.id}"[^>]*>', page).group(0)
    assert 'data-status="confirmed"' in mark and 'data-verdict="false"' in mark and "verdict: false" in mark
    added_mark = re.search(rf'<mark [^>]*data-claim="{added_id}"[^>]*>', page).group(0)
    assert 'data-origin="reviewer"' in added_mark and "by a reviewer" in added_mark


def test_every_claim_shows_its_id_for_claimtrack_show(seeded_db, runner, tmp_path):
    import re

    from claimtrack.cli import main

    out = tmp_path / "r.html"
    assert runner.invoke(main, ["--db", seeded_db, "report", "002_64cc3c495c395a85.txt", "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    ids = re.findall(r'<mark id="claim-(\d+)"', page)
    assert ids and all(f'href="#claim-{i}"' in page and f"claimtrack show {i}" in page for i in ids)
