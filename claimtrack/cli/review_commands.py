"""Review commands: show a claim's provenance and its context, review claims one by one."""

from __future__ import annotations

import json
import signal
import sys
import unicodedata

import click
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from sqlalchemy import func, select

from claimtrack.cli.common import (
    MAX_INT,
    certainty,
    console,
    echo_json,
    filter_options,
    json_option,
    open_database,
    print_table,
    safe,
)
from claimtrack.reporting.reports import (
    CONTEXT_AFTER,
    CONTEXT_BEFORE,
    batch_progress,
    claim_detail,
    detail_record,
)
from claimtrack.safe_text import visible
from claimtrack.store.models import Claim, Review
from claimtrack.store.queries import ClaimFilter, checked, claim_query
from claimtrack.workflow import review as reviews

ACTIONS = {
    "c": "confirm the attribution",
    "e": "correct it (speaker, type, via, mode)",
    "v": "set a verdict on the claim",
    "r": "reject: not a claim",
    "a": "add a claim the engine missed",
    "n": "add a note",
    "u": "undo: back to the engine's answer",
    "s": "skip",
    "w": "wider context",
    "o": "the whole article (pager)",
    "b": "back to the previous claim",
    "q": "quit",
}
STYLES = {"claim": "bold", "quote": "green", "mention": "bold cyan underline", "cue": "bold magenta"}


def context_text(detail) -> Text:
    """The paragraph around the claim, with the claim, quotation, mention and cue highlighted.
    A rich Text, not markup: brackets in quotes print as they are."""
    claim, base = detail.claim, detail.context_start
    text = Text(detail.document.text[detail.context_start : detail.context_end], style="dim")
    spans = [("claim", claim.start, claim.end), ("quote", claim.quote_start, claim.quote_end),
             ("mention", claim.mention_start, claim.mention_end), ("cue", claim.cue_start, claim.cue_end)]
    for name, start, end in spans:
        if start is not None and end is not None:
            text.stylize(STYLES[name], max(0, start - base), max(0, end - base))
    return text


def _status_line(claim: Claim) -> str:
    if claim.status == "machine" and claim.origin == "machine":
        return "[bold red]⚙ machine-extracted[/]: check it against the original"
    return f"[green]{claim.status}[/]" + (f" · verdict [bold]{claim.verdict}[/]" if claim.verdict else "")


def render_detail(detail, compact: bool = False):
    claim, doc = detail.claim, detail.document
    speaker = claim.speaker.name if claim.speaker else "— (the article's own voice)"
    via = " > ".join(v.outlet for v in claim.via) or "—"
    lines = [
        f"[bold]Claim {claim.id}[/] · {claim.kind} · {_status_line(claim)}",
        f"Speaker: [bold]{safe(speaker)}[/] ({claim.speaker_type})"
        + (f" · role: {safe(claim.speaker.role)}" if claim.speaker and claim.speaker.role else "")
        + (f" · aliases: {safe(', '.join(detail.aliases))}" if detail.aliases and not compact else ""),
        f"Mention: {safe(claim.mention or speaker)} · cue: {safe(claim.cue or '—')} · mode: {claim.mode} · "
        f"via: {safe(via)} · {certainty(claim.status, claim.confidence, long=True)}",
    ]
    if not compact:
        lines[1:1] = [
            f"Document: {safe(doc.name)} (id {doc.id}) · {safe(doc.source_path or 'stdin')}"
            + (f" · {safe(doc.url)}" if doc.url else ""),
            f"sha256 {doc.sha256} · outlet {safe(doc.outlet or '—')} · published {doc.published or '—'} · "
            f"ingested {doc.ingested_at:%Y-%m-%d %H:%M} · pipeline {safe(doc.pipeline_backend)} "
            f"{safe(doc.pipeline_model)} rules {safe(doc.pipeline_version)}",
            f"Offsets: {claim.start}–{claim.end}",
            f"In other articles: {detail.other_documents} (claimtrack trace {claim.id})" if detail.other_documents
            else "In other articles: none found",
        ]
    else:
        lines.insert(1, f"Document: {safe(doc.name)} · offsets {claim.start}–{claim.end}")
    return lines


def described_changes(changes: str | None) -> str:
    """A review's changes as a reader says them ("speaker: Paul Roy → Jean Roy"), not as JSON."""
    if not changes:
        return ""

    def said(value) -> str:
        if value is None or value == []:
            return "—"
        return " > ".join(map(str, value)) if isinstance(value, list) else str(value)

    return "; ".join(f"{name}: {said(before)} → {said(after)}"
                     for name, (before, after) in json.loads(changes).items())


def print_detail(out, detail, compact: bool = False) -> None:
    for line in render_detail(detail, compact):
        out.print(line)
    out.print(Panel(context_text(detail), title="context", expand=False))
    if detail.reviews and not compact:
        table = Table(title="Review history")
        for column in ("when", "reviewer", "action", "status", "verdict", "changes / note"):
            table.add_column(column, overflow="fold")
        for r in detail.reviews:
            table.add_row(f"{r.created_at:%Y-%m-%d %H:%M}", safe(r.reviewer), r.action, r.status, r.verdict or "",
                          safe(" · ".join(filter(None, [described_changes(r.changes), r.note]))))
        print_table(table, out)
    elif compact and detail.reviews:
        out.print(f"{len(detail.reviews)} earlier review(s); last: {detail.reviews[-1].action} "
                  f"by {safe(detail.reviews[-1].reviewer)}")


@click.command()
@click.argument("claim_id", type=click.IntRange(min=1, max=MAX_INT))
@click.option("--before", type=click.IntRange(min=0, max=1000), default=CONTEXT_BEFORE, show_default=True,
              help="Sentences of context before the claim.")
@click.option("--after", type=click.IntRange(min=0, max=1000), default=CONTEXT_AFTER, show_default=True,
              help="Sentences of context after the claim.")
@json_option
@click.pass_context
def show(ctx: click.Context, claim_id: int, before: int, after: int, as_json: bool) -> None:
    """Show a claim's full provenance, its context and its review history.

    \b
    Example:
      claimtrack show 12
      claimtrack show 12 --before 5 --after 2
      claimtrack show 12 --json
    """
    database = open_database(ctx)
    with database.session() as session:
        detail = claim_detail(session, claim_id, before, after)
        if detail is None:
            raise click.ClickException(f"no claim {claim_id}: list them with 'claimtrack claims'")
        if as_json:
            echo_json(detail_record(detail))
            return
        print_detail(console(), detail)


REVISIT = ("confirmed", "corrected", "rejected")


def _queue(database, flt: ClaimFilter) -> tuple[list[int], int]:
    """The claims to go through, in review order, and how many claims the filter holds.

    By default the claims nobody has decided on; asking for decided statuses (--status
    confirmed) revisits those claims instead of saying that nothing is left."""
    with database.session() as session:
        flt = checked(session, flt)
        query = claim_query(flt)
        total = session.scalar(select(func.count()).select_from(query.with_only_columns(Claim.id).subquery()))
        if not set(flt.status) & set(REVISIT):
            query = query.where(~reviews.reviewed_condition())
        return list(session.scalars(query.with_only_columns(Claim.id))), total or 0


def _last_answered(database, flt: ClaimFilter, reviewer: str, exclude: set[int]) -> int | None:
    """The claim of the filter this reviewer answered last: where "back" goes from the first
    claim of a resumed session."""
    with database.session() as session:
        ids = claim_query(checked(session, flt)).with_only_columns(Claim.id).subquery()
        query = (select(Review.claim_id).where(Review.reviewer == reviewer, Review.claim_id.in_(select(ids)))
                 .order_by(Review.id.desc()))
        return next((i for i in session.scalars(query) if i not in exclude), None)


def _ask_correction(claim: Claim) -> reviews.Correction:
    speaker_type = click.prompt("Speaker type", type=click.Choice(reviews.SPEAKER_TYPES),
                                default=claim.speaker_type)
    if speaker_type == "editorial":  # the article's own voice has no speaker, relay or reporting mode
        return reviews.Correction(speaker=None, speaker_type="editorial", via=(), mode="none")
    current = claim.speaker.name if claim.speaker else ""
    speaker = click.prompt("Speaker", default=current or None, value_proc=_without_control)
    via_text = click.prompt("Via (outlets, outermost first, separated by '>'; '-' for none)",
                            default=" > ".join(v.outlet for v in claim.via) or "-")
    via = tuple(p.strip() for p in via_text.split(">") if p.strip() and p.strip() != "-")
    mode = click.prompt("Mode", type=click.Choice(reviews.MODES[:3]),
                        default=claim.mode if claim.mode in reviews.MODES[:3] else "indirect")
    return reviews.Correction(speaker=speaker, speaker_type=speaker_type, via=via, mode=mode)


def _without_control(value: str) -> str:
    """A name typed at a prompt is refused (and asked again) when it holds control characters."""
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise click.BadParameter("control characters are not allowed here; type the name again")
    return value


def _reviewer_name(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """Every answer has someone behind it: a blank name, or one holding control characters
    (which would drive the terminal of whoever reads the history), is refused."""
    name = (value or "").strip()
    if not name:
        raise click.BadParameter("give the name answers are recorded under (or set $CLAIMTRACK_REVIEWER)")
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise click.BadParameter("a reviewer name cannot hold control characters")
    return name


class _Interrupt:
    """Ctrl-C while click waits at a prompt reaches us as click.Abort, like the end of input:
    this SIGINT handler remembers which one it was, so that Ctrl-C exits 130 in a pipe too."""

    def __init__(self) -> None:
        self.seen = False
        self._previous = None

    def __enter__(self) -> _Interrupt:
        def handler(signum, frame):
            self.seen = True
            raise KeyboardInterrupt
        try:
            self._previous = signal.signal(signal.SIGINT, handler)
        except ValueError:  # not the main thread: Python's own handler stays
            self._previous = None
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


@click.command("review")
@filter_options
@click.option("--reviewer", default=reviews.default_reviewer, show_default="$USER", callback=_reviewer_name,
              help="Name recorded with every answer.")
@click.pass_context
def review_command(ctx: click.Context, flt: ClaimFilter, reviewer: str) -> None:
    """Review claims one at a time; every answer is saved at once.

    Resumes at the first claim of the filter nobody has decided on; --status confirmed (or
    corrected, rejected) goes through decided claims again. Answers can come from a terminal
    or, for scripts, from standard input (one answer per line). A claim someone else answered
    since it was shown is reported, not overwritten.

    \b
    Keys: c confirm · e correct · v verdict · r reject · a add missed claim · n note · s skip · b back · q quit
    Example:
      claimtrack review --unsourced --reviewer alice
      claimtrack review --batch spot-check-1 --sort confidence
      claimtrack review --status confirmed --doc 003
    """
    database = open_database(ctx)
    queue, total = _queue(database, flt)
    out = console()
    if not queue:
        out.print(f"Nothing left to review for these filters ({total} claim(s), all decided): "
                  "--status confirmed, corrected or rejected goes through decided claims again.")
        return
    done_before = total - len(queue)
    out.print(f"{len(queue)} claim(s) to review as [bold]{safe(reviewer)}[/]. Keys: "
              + " · ".join(f"{k} {v}" for k, v in ACTIONS.items()))
    answered, position = 0, 0
    context = (CONTEXT_BEFORE, CONTEXT_AFTER)  # sentences before and after the claim; 'w' widens it
    with _Interrupt() as interrupt:
        try:
            while 0 <= position < len(queue):
                claim_id = queue[position]
                with database.session() as session:
                    detail = claim_detail(session, claim_id, *context)
                    seen = reviews.last_review_id(session, claim_id)
                    out.rule(f"{min(total, done_before + position + 1)}/{total}")
                    print_detail(out, detail, compact=True)
                key = click.prompt("Action", type=click.Choice(list(ACTIONS)), show_choices=True)
                if key == "q":
                    break
                if key == "w":  # the same claim again, with more of the article around it
                    context = (context[0] + 3, context[1] + 2)
                    continue
                if key == "o":
                    click.echo_via_pager(visible(detail.document.text))
                    continue
                context = (CONTEXT_BEFORE, CONTEXT_AFTER)
                if key == "b":
                    if position == 0:
                        previous = _last_answered(database, flt, reviewer, set(queue))
                        if previous is None:
                            out.print("This is the first claim: nothing to go back to.")
                        else:
                            queue.insert(0, previous)
                            done_before = max(0, done_before - 1)
                    else:
                        position -= 1
                    continue
                try:
                    moved = _act(database, key, detail, reviewer, flt.batch, out, seen)
                except reviews.ReviewError as error:
                    out.print(f"[red]{safe(str(error))}[/]")
                    if "since it was shown" in str(error):
                        position += 1
                    continue
                answered += 1
                if moved:
                    position += 1
        except KeyboardInterrupt:
            out.print(f"\nInterrupted: {answered} answer(s) saved.")
            raise click.exceptions.Exit(130) from None
        except click.Abort:
            if interrupt.seen:
                out.print(f"\nInterrupted: {answered} answer(s) saved.")
                raise click.exceptions.Exit(130) from None
            if answered == 0 and not sys.stdin.isatty():
                raise click.ClickException(
                    "review needs a terminal or answers on standard input, and got neither") from None
            out.print("\nInput ended.")
    out.print(f"{answered} answer(s) saved.")
    if flt.batch:
        with database.session() as session:
            [progress] = batch_progress(session, flt.batch)
        out.print(f"Batch {safe(progress.name)}: {progress.reviewed}/{progress.total} reviewed.")


def _act(database, key: str, detail, reviewer: str, batch: str | None, out, seen: int | None = None) -> bool:
    """Carry out one answer in its own transaction (retried on a busy database); True when the
    session moves on. `seen` is the claim's newest review when it was shown: a decision on a
    claim someone answered since is refused, not written over theirs."""
    claim = detail.claim

    def decide(action):
        def work(session):
            reviews.check_unchanged(session, claim.id, seen)
            return action(session)
        return database.run(work)

    if key == "c":
        decide(lambda session: reviews.confirm(session, claim.id, reviewer, batch))
        return True
    if key == "s":
        database.run(lambda session: reviews.skip(session, claim.id, reviewer, batch))
        return True
    if key == "u":
        decide(lambda session: reviews.reset(session, claim.id, reviewer, batch))
        out.print("Back to the engine's answer (machine-extracted).")
        return False
    if key == "v":
        verdict = reviews.resolve_verdict(
            click.prompt("Verdict (" + ", ".join(reviews.VERDICTS) + "; a start will do)"))
        decide(lambda session: reviews.set_verdict(session, claim.id, verdict, reviewer, batch))
        return True
    if key == "r":
        note = click.prompt("Why (optional)", default="", show_default=False)
        decide(lambda session: reviews.reject(session, claim.id, reviewer, note or None, batch))
        return True
    if key == "n":
        note = click.prompt("Note")
        database.run(lambda session: reviews.add_note(session, claim.id, note, reviewer, batch))
        return False
    if key == "e":
        correction = _ask_correction(claim)
        decide(lambda session: reviews.correct(session, claim.id, correction, reviewer, batch))
        return True
    if key == "a":
        wanted = click.prompt("Text of the missed claim, copied from the article")
        start = detail.document.text.find(wanted.strip())
        if start < 0:
            raise reviews.ReviewError("that text is not in the document; copy it exactly")
        correction = _ask_correction(claim)

        def add(session):
            added = reviews.add_claim(session, detail.document.id, start, start + len(wanted.strip()), correction,
                                      reviewer, batch)
            session.flush()
            return added.id

        out.print(f"Added claim {database.run(add)}.")
        return False
    raise AssertionError(key)
