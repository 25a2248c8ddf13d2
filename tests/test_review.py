"""Review sessions, samples, exports and reports through CliRunner on a copy of the seeded database."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from claimtrack.cli import main
from claimtrack.store.db import Database
from claimtrack.store.models import Claim, Review
from claimtrack.workflow.sampling import allocate
from tests.conftest import SEEDS

DOC = "002_64cc3c495c395a85.txt"


def _claims(db_url: str) -> list[Claim]:
    with Database(db_url).session() as session:
        query = select(Claim).where(Claim.document.has(name=DOC)).order_by(Claim.start)
        return list(session.scalars(query.options(selectinload(Claim.via), selectinload(Claim.speaker))))


def _reviews(db_url: str) -> list[Review]:
    with Database(db_url).session() as session:
        return list(session.scalars(select(Review).order_by(Review.id)))


def test_scripted_review_session_and_resume(seeded_copy, runner):
    claims = _claims(seeded_copy)
    first, second, third, fourth = claims[:4]
    answers = "\n".join([
        "c",                                   # confirm the first claim
        "e", "named", "Othman al-Ghanemi", "RT", "direct",   # correct the second
        "v", "misleading",                     # verdict on the third
        "n", "vérifier la date [AFP]",          # a note on the fourth (stays on it)
        "q",
    ]) + "\n"
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "alice"], input=answers)
    assert result.exit_code == 0, result.output
    assert "4 answer(s) saved" in result.output
    after = {c.id: c for c in _claims(seeded_copy)}
    assert after[first.id].status == "confirmed"
    corrected = after[second.id]
    assert corrected.status == "corrected" and corrected.speaker_type == "named" and corrected.mode == "direct"
    assert [v.outlet for v in corrected.via] == ["RT"]
    assert after[third.id].verdict == "misleading"
    history = _reviews(seeded_copy)
    assert [(r.claim_id, r.action, r.reviewer) for r in history] == [
        (first.id, "confirm", "alice"), (second.id, "correct", "alice"), (third.id, "verdict", "alice"),
        (fourth.id, "note", "alice")]
    changes = json.loads(history[1].changes)
    assert changes["speaker_type"][0] == second.speaker_type  # the machine's original is kept
    assert changes["via"][1] == ["RT"]
    assert history[3].note == "vérifier la date [AFP]"
    # a new session resumes at the first claim whose attribution nobody decided on: the third (a
    # verdict judges the content, not who said it), and counts on from the claims already decided
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "bob"],
                           input="c\nr\nfaux positif\nq\n")
    assert result.exit_code == 0, result.output
    assert f"Claim {third.id}" in result.output and f"Claim {fourth.id}" in result.output
    total = len(claims)
    assert f"3/{total}" in result.output and f"4/{total}" in result.output
    after = {c.id: c for c in _claims(seeded_copy)}
    assert after[third.id].status == "confirmed" and after[fourth.id].status == "rejected"
    shown = runner.invoke(main, ["--db", seeded_copy, "show", str(fourth.id)])
    assert "vérifier la date [AFP]" in shown.output and "reject" in shown.output and "bob" in shown.output


def test_review_without_terminal_or_input_is_refused(seeded_copy, runner):
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC], input="")
    assert result.exit_code != 0
    assert "needs a terminal or answers on standard input" in result.output
    assert _reviews(seeded_copy) == []


def test_add_a_missed_claim(seeded_copy, runner):
    missing = "Bagdad a fait part de la tenue"
    answers = "\n".join(["a", missing, "named", "Bagdad", "-", "indirect", "q"]) + "\n"
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC], input=answers)
    assert result.exit_code == 0, result.output
    added = [c for c in _claims(seeded_copy) if c.origin == "reviewer"]
    assert len(added) == 1 and added[0].text == missing and added[0].speaker_type == "named"


def test_sample_is_reproducible_and_stratified(seeded_copy, runner):
    first = runner.invoke(main, ["--db", seeded_copy, "sample", "20", "--by", "speaker_type", "--seed", "42",
                                 "--batch", "spot-1"])
    second = runner.invoke(main, ["--db", seeded_copy, "sample", "20", "--by", "speaker_type", "--seed", "42",
                                  "--batch", "spot-2"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    with Database(seeded_copy).session() as session:
        from claimtrack.store.models import Batch

        batches = {b.name: [i.claim_id for i in b.items] for b in session.scalars(select(Batch))}
        claims = {c.id: c for c in session.scalars(select(Claim))}
        stored = session.scalars(select(Batch).where(Batch.name == "spot-1")).one()
        assert stored.seed == 42 and stored.size == 20 and stored.stratify_by == "speaker_type"
        assert stored.tool_version.startswith("0.1.0")
    assert batches["spot-1"] == batches["spot-2"] and len(batches["spot-1"]) == 20
    types = [claims[i].speaker_type for i in batches["spot-1"]]
    assert set(types) == {"named", "unnamed", "outlet", "editorial"}  # every stratum represented
    unseeded = runner.invoke(main, ["--db", seeded_copy, "sample", "5"])
    assert "seed" in unseeded.output
    again = runner.invoke(main, ["--db", seeded_copy, "sample", "5", "--batch", "spot-1"])
    assert again.exit_code != 0 and "exists already" in again.output
    progress = runner.invoke(main, ["--db", seeded_copy, "batches"])
    assert "spot-1" in progress.output and "0/20" in progress.output


def test_allocation_is_proportional_with_one_per_stratum():
    assert allocate({"a": 80, "b": 15, "c": 5}, 20) == {"a": 16, "b": 3, "c": 1}
    assert allocate({"a": 98, "b": 1, "c": 1}, 10) == {"a": 8, "b": 1, "c": 1}
    assert sum(allocate({"a": 3, "b": 2}, 10).values()) == 5


def test_csv_export_is_safe_for_spreadsheets(seeded_copy, runner, tmp_path):
    with Database(seeded_copy).session() as session:
        claim = session.scalars(select(Claim).order_by(Claim.id)).first()
        claim.text = '=HYPERLINK("http://evil","clic")'
        claim.mention = "+33 6 12"
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["--db", seeded_copy, "export", "--format", "csv", "--excel", "--delimiter", ";",
                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["text"] == "'=HYPERLINK(\"http://evil\",\"clic\")"
    assert rows[0]["mention"] == "'+33 6 12"
    assert any("déclaré" in r["text"] for r in rows)  # accents survive the round trip
    assert all(r["machine_extracted"] == "True" for r in rows)
    raw = runner.invoke(main, ["--db", seeded_copy, "export", "--format", "csv", "--raw"])
    assert '"=HYPERLINK(""http://evil"",""clic"")"' in raw.output


def test_claimreview_export(seeded_copy, runner):
    claim = _claims(seeded_copy)[0]
    runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "carol"], input="v\nfalse\nq\n")
    result = runner.invoke(main, ["--db", seeded_copy, "export", "--format", "claimreview"])
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.output)
    assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == " ".join(claim.text.split())
    assert item["itemReviewed"]["@type"] == "Claim"
    assert "author" not in item["itemReviewed"]  # a verdict alone confirms no attribution
    assert item["itemReviewed"]["appearance"]["identifier"].startswith("sha256:")
    assert item["reviewRating"]["alternateName"] == "false"
    assert item["author"] == {"@type": "Person", "name": "carol"}
    assert len(item["datePublished"]) == 10


def test_speakers_and_stats(seeded_db, runner):
    result = runner.invoke(main, ["--db", seeded_db, "speakers", "--type", "named"])
    assert result.exit_code == 0
    assert "Mohammad Baqeri" in result.output
    stats = runner.invoke(main, ["--db", seeded_db, "stats", "--by", "document"])
    assert stats.exit_code == 0 and DOC in stats.output and "unsourced" in stats.output


def test_every_review_command_help_has_an_example(runner):
    for command in ("show", "review", "sample", "batches", "speakers", "stats", "report"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, command


def test_back_from_the_first_claim_of_a_resumed_session_and_revisiting(seeded_copy, runner):
    claims = _claims(seeded_copy)
    first, second = claims[:2]
    assert runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "ana"],
                         input="c\nq\n").exit_code == 0
    # resumed: "b" goes back to the claim ana answered last, which she can then correct
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "ana"],
                           input="b\nr\ndoublon\nq\n")
    assert result.exit_code == 0, result.output
    assert f"Claim {second.id}" in result.output and f"Claim {first.id}" in result.output
    assert {c.id: c for c in _claims(seeded_copy)}[first.id].status == "rejected"
    # decided claims can be gone through again
    again = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--status", "rejected",
                                 "--reviewer", "ana"], input="c\nq\n")
    assert again.exit_code == 0 and "1 answer(s) saved" in again.output
    assert {c.id: c for c in _claims(seeded_copy)}[first.id].status == "confirmed"


def test_an_answer_to_a_claim_decided_meanwhile_is_refused(seeded_copy, runner, monkeypatch):
    """Two reviewers on one claim: the second answer is reported, not written over the first."""
    from claimtrack.cli import review_commands
    from claimtrack.workflow import review as reviews

    first = _claims(seeded_copy)[0]
    real_prompt = review_commands.click.prompt
    calls = {"n": 0}

    def prompt_after_someone_else_decided(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:  # while the claim is on screen, another reviewer confirms it
            with Database(seeded_copy).session() as session:
                reviews.confirm(session, first.id, "zoe")
        return real_prompt(*args, **kwargs)

    monkeypatch.setattr(review_commands.click, "prompt", prompt_after_someone_else_decided)
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "yan"],
                           input="r\n\nq\n")
    assert result.exit_code == 0, result.output
    assert "answered by zoe" in result.output
    history = [(r.claim_id, r.reviewer, r.action) for r in _reviews(seeded_copy)]
    assert history == [(first.id, "zoe", "confirm")]


def test_ctrl_c_ends_a_review_with_a_non_zero_exit(seeded_copy, runner, monkeypatch):
    from claimtrack.cli import review_commands

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(review_commands.click, "prompt", interrupted)
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC], input="c\n")
    assert result.exit_code == 130 and "Interrupted" in result.output


def test_verdict_alone_keeps_the_machine_marker_and_prefixes_work(seeded_copy, runner):
    first = _claims(seeded_copy)[0]
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC], input="v\nmis\nq\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in runner.invoke(main, ["--db", seeded_copy, "claims", "--doc", DOC,
                                                              "--json"]).stdout.splitlines()]
    row = next(r for r in rows if r["id"] == first.id)
    assert row["verdict"] == "misleading" and row["machine_extracted"] is True
    export = runner.invoke(main, ["--db", seeded_copy, "export", "--format", "claimreview", "--doc", DOC])
    [item] = json.loads(export.stdout)
    assert "author" not in item["itemReviewed"]


class _CtrlCAfter(io.RawIOBase):
    """Standard input that gives `answers`, then is interrupted by a real SIGINT, as Ctrl-C at
    the next prompt does (click turns it into Abort, like the end of input)."""

    def __init__(self, answers: bytes) -> None:
        self.answers = answers

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.answers:
            size = len(self.answers)
            buffer[:size] = self.answers
            self.answers = b""
            return size
        import os
        import signal

        os.kill(os.getpid(), signal.SIGINT)
        return 0


def test_a_real_ctrl_c_at_the_prompt_exits_130_and_keeps_the_answers(seeded_copy, runner):
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "ida"],
                           input=io.BufferedReader(_CtrlCAfter(b"c\n")))
    assert result.exit_code == 130, result.output
    assert "Interrupted: 1 answer(s) saved" in result.output and "Input ended" not in result.output
    assert [(r.reviewer, r.action) for r in _reviews(seeded_copy)] == [("ida", "confirm")]


def test_a_blank_or_escaping_reviewer_name_is_refused(seeded_copy, runner):
    for name in ("", "   ", "eve\x1b]0;pwned\x07"):
        result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", name], input="c\nq\n")
        assert result.exit_code == 2 and "--reviewer" in result.output, result.output
    assert _reviews(seeded_copy) == []


def test_a_corrected_speaker_name_with_control_characters_is_asked_again(seeded_copy, runner):
    answers = "e\nnamed\nJean\x1b[31mRouge\nJean Rouge\n-\ndirect\nq\n"
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "max"], input=answers)
    assert result.exit_code == 0, result.output
    assert "control characters are not allowed" in result.output
    [claim] = [c for c in _claims(seeded_copy) if c.status == "corrected"]
    assert claim.speaker.name == "Jean Rouge"


def _batch_names(url):
    from claimtrack.store.models import Batch

    with Database(url).session() as session:
        return sorted(session.scalars(select(Batch.name)))


def test_a_draw_without_batch_saves_nothing_and_a_limit_is_refused(seeded_copy, runner):
    result = runner.invoke(main, ["--db", seeded_copy, "sample", "5", "--seed", "3"])
    assert result.exit_code == 0 and "not saved" in result.output and "--seed 3 --batch NAME" in result.output
    assert _batch_names(seeded_copy) == []
    result = runner.invoke(main, ["--db", seeded_copy, "sample", "5", "--limit", "2"])
    assert result.exit_code != 0 and "--limit does not apply" in result.output


def test_batches_can_be_deleted_and_their_reviews_stay(seeded_copy, runner):
    assert runner.invoke(main, ["--db", seeded_copy, "sample", "4", "--seed", "1", "--batch", "lot"]).exit_code == 0
    assert runner.invoke(main, ["--db", seeded_copy, "review", "--batch", "lot", "--reviewer", "kim"],
                         input="c\nq\n").exit_code == 0
    result = runner.invoke(main, ["--db", seeded_copy, "batches", "delete", "lot"])
    assert result.exit_code == 0 and "4 claim(s) stay" in result.output
    assert _batch_names(seeded_copy) == [] and len(_reviews(seeded_copy)) == 1
    result = runner.invoke(main, ["--db", seeded_copy, "batches", "delete", "lot"])
    assert result.exit_code != 0 and "no batch 'lot'" in result.output


def test_a_rejected_claim_of_a_batch_is_announced_and_countable(seeded_copy, runner):
    assert runner.invoke(main, ["--db", seeded_copy, "sample", "6", "--seed", "2", "--batch", "b6"]).exit_code == 0
    assert runner.invoke(main, ["--db", seeded_copy, "review", "--batch", "b6", "--reviewer", "roy"],
                         input="r\npas une phrase\nq\n").exit_code == 0
    result = runner.invoke(main, ["--db", seeded_copy, "export", "--batch", "b6"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 5
    assert "1 claim(s) of batch b6 were rejected" in result.stderr
    result = runner.invoke(main, ["--db", seeded_copy, "export", "--batch", "b6", "--include-rejected"])
    assert len(result.stdout.splitlines()) == 6 and "rejected" not in result.stderr


def test_a_seed_draws_the_same_sentences_after_a_reprocess_changes_the_ids(db_url, runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(folder)]).exit_code == 0

    def drawn() -> list[str]:
        result = runner.invoke(main, ["--db", db_url, "sample", "10", "--seed", "7"], env={"COLUMNS": "250"})
        assert result.exit_code == 0, result.output
        return [line.split("│")[5].strip() for line in result.output.splitlines() if line.startswith("│")]

    before = drawn()
    assert runner.invoke(main, ["--db", db_url, "ingest", "--reprocess", str(folder)]).exit_code == 0
    assert drawn() == before and len(before) == 10


def test_a_confirmed_attribution_names_its_author_in_claimreview(seeded_copy, runner):
    first = next(c for c in _claims(seeded_copy) if c.speaker is not None)
    position = [c.id for c in _claims(seeded_copy)].index(first.id)
    answers = "s\n" * position + "c\nb\nv\nfalse\nq\n"  # confirm, back, then a verdict on the same claim
    assert runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "ann"],
                         input=answers).exit_code == 0
    [item] = json.loads(runner.invoke(main, ["--db", seeded_copy, "export", "--format", "claimreview"]).stdout)
    assert item["itemReviewed"]["author"]["name"] == first.speaker.name


def test_undo_returns_a_claim_to_the_engines_answer_and_to_the_queue(seeded_copy, runner, tmp_path):
    first = _claims(seeded_copy)[0]
    engine = (first.speaker.name if first.speaker else None, first.speaker_type)
    answers = "e\nnamed\nJean Rouge\n-\ndirect\nq\n"
    assert runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "ugo"],
                         input=answers).exit_code == 0
    corrected = _claims(seeded_copy)[0]
    assert corrected.status == "corrected" and corrected.speaker.name == "Jean Rouge"
    listing = runner.invoke(main, ["--db", seeded_copy, "claims", "--doc", DOC], env={"COLUMNS": "200"}).output
    assert "✓" in listing  # the reviewer's certainty, not the engine's confidence
    out = tmp_path / "c.csv"
    assert runner.invoke(main, ["--db", seeded_copy, "export", "--format", "csv", "-o", str(out)]).exit_code == 0
    row = next(r for r in csv.DictReader(out.open(encoding="utf-8")) if r["id"] == str(first.id))
    assert row["reviewer"] == "ugo" and row["reviewed_at"].startswith("20") and "verdict" in row
    # the next session resumes after it; undo puts it back in the queue
    result = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--status", "corrected",
                                  "--reviewer", "ugo"], input="u\nq\n")
    assert result.exit_code == 0 and "Back to the engine's answer" in result.output, result.output
    undone = _claims(seeded_copy)[0]
    assert undone.status == "machine" and (undone.speaker.name if undone.speaker else None,
                                           undone.speaker_type) == engine
    assert [r.action for r in _reviews(seeded_copy)] == ["correct", "reset"]
    resumed = runner.invoke(main, ["--db", seeded_copy, "review", "--doc", DOC, "--reviewer", "ugo"], input="q\n")
    assert f"Claim {first.id} " in resumed.output
