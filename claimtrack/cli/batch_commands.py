"""Sample commands: reproducible spot-check draws and the batches they are saved as."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

import click
from rich.table import Table
from sqlalchemy import select

from claimtrack.cli.common import (
    MAX_INT,
    console,
    echo_json,
    filter_options,
    json_option,
    open_database,
    print_table,
    safe,
    short,
)
from claimtrack.reporting.reports import batch_progress
from claimtrack.safe_text import visible
from claimtrack.store.models import Claim
from claimtrack.store.queries import ClaimFilter
from claimtrack.workflow.sampling import STRATA, SampleError, draw


@click.command()
@click.argument("n", type=click.IntRange(min=1, max=MAX_INT))
@filter_options(batch_help="Save the sample under this name, to review it with review --batch NAME.")
@click.option("--by", "by", type=click.Choice(STRATA), help="Stratify proportionally by this.")
@click.option("--seed", type=click.IntRange(min=0, max=MAX_INT),
              help="Seed for a reproducible draw (one is picked and printed if omitted).")
@json_option
@click.pass_context
def sample(ctx: click.Context, n: int, flt: ClaimFilter, by: str | None, seed: int | None, as_json: bool) -> None:
    """Draw a reproducible random spot-check sample; --batch saves it under a name.

    \b
    Example:
      claimtrack sample 20 --by speaker_type --seed 7 --batch spot-check-1
      claimtrack review --batch spot-check-1
    """
    name = flt.batch
    database = open_database(ctx)
    try:
        with database.session() as session:
            result = draw(session, n, replace(flt, batch=None), by=by, seed=seed, name=name)
    except SampleError as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        echo_json({"name": result.name, "saved": result.name is not None, "seed": result.seed, "size": n,
                   "by": by, "strata": result.strata, "claim_ids": list(result.claim_ids)})
        return
    out = console()
    if len(result.claim_ids) < n:
        click.echo(f"Warning: only {len(result.claim_ids)} claim(s) match the filters: the sample holds all of "
                   f"them, not {n}", err=True)
    title = f"Sample [bold]{safe(result.name)}[/]" if result.name else "Sample (not saved)"
    out.print(f"{title}: {len(result.claim_ids)} claim(s), seed {result.seed}"
              + (f", stratified by {by}" if by else ""))
    if result.strata:
        out.print("Strata: " + ", ".join(f"{safe(k)} {v}" for k, v in sorted(result.strata.items())))
    table = Table()
    for column in ("id", "document", "type", "speaker", "text"):
        table.add_column(column, overflow="fold")
    with database.session() as session:
        rows = {c.id: c for c in session.scalars(select(Claim).where(Claim.id.in_(result.claim_ids)))}
        for claim_id in result.claim_ids:
            claim = rows[claim_id]
            table.add_row(str(claim.id), safe(claim.document.name), claim.speaker_type,
                          safe(claim.speaker.name if claim.speaker else "—"), safe(short(claim.text, 80)))
    print_table(table, out)
    if result.name:
        out.print(f"Review it with: claimtrack review --batch {safe(result.name)}")
    else:
        out.print(f"To review it, save it: the same command with --seed {result.seed} --batch NAME")


@click.group(invoke_without_command=True)
@json_option
@click.pass_context
def batches(ctx: click.Context, as_json: bool) -> None:
    """List saved sample batches with their review progress; 'batches delete NAME' removes one.

    \b
    Example:
      claimtrack batches
      claimtrack batches --json
      claimtrack batches delete spot-check-1
    """
    if ctx.invoked_subcommand is not None:
        return
    database = open_database(ctx)
    with database.session() as session:
        progress = batch_progress(session)
    if as_json:
        echo_json([{**asdict(p), "filters": json.loads(p.filters)} for p in progress])
        return
    table = Table(title="Batches")
    for column in ("name", "seed", "size", "by", "reviewed", "filters", "tool"):
        table.add_column(column, overflow="fold")
    for p in progress:
        table.add_row(safe(p.name), str(p.seed), str(p.total), p.stratify_by or "—", f"{p.reviewed}/{p.total}",
                      safe(p.filters), safe(p.tool_version))
    print_table(table)


@batches.command("delete")
@click.argument("name")
@click.pass_context
def delete_batch(ctx: click.Context, name: str) -> None:
    """Delete a saved sample batch. Its claims and their review history stay as they are.

    \b
    Example:
      claimtrack batches delete spot-check-1
    """
    from claimtrack.store.models import Batch

    database = open_database(ctx.find_root())

    def remove(session) -> int:
        batch = session.scalars(select(Batch).where(Batch.name == name)).first()
        if batch is None:
            names = list(session.scalars(select(Batch.name).order_by(Batch.name).limit(5)))
            raise click.ClickException(f"no batch {name!r}" + (f": there are {', '.join(map(repr, names))}"
                                                                 if names else ": there is none"))
        size = len(batch.items)
        session.delete(batch)
        return size

    size = database.run(remove)
    click.echo(f"Batch {visible(name)} deleted ({size} claim(s) stay, with their reviews).")
