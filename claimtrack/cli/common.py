"""What every command shares: the console, the database, the claim filter options."""

from __future__ import annotations

import functools
import sys

import click
from rich.console import Console

from claimtrack.db import Database, DatabaseError
from claimtrack.queries import STATUSES, ClaimFilter

TYPES = ("named", "unnamed", "outlet", "editorial")
SORTS = ("document", "confidence")
MAX_INT = 2**62  # every id, count and seed fits a 64-bit database integer


def console() -> Console:
    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def open_database(ctx: click.Context, *, create: bool = False) -> Database:
    """The database of --db; only commands that write new data (`create`) may bring a new file
    into being, so that a mistyped path is an error rather than an empty answer."""
    try:
        return Database(ctx.obj["db"], create=create)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error


def filter_options(command):
    """The claim filters every listing, export and review command shares."""
    options = [
        click.option("--attributed", is_flag=True, help="Only claims with a source (not editorial)."),
        click.option("--unsourced", is_flag=True, help="Only editorial claims: the article's own voice."),
        click.option("--type", "types", multiple=True, type=click.Choice(TYPES), help="Speaker type (repeatable)."),
        click.option("--speaker", help="Speaker name contains this text."),
        click.option("--doc", "document", help="Document name, id or sha256 prefix."),
        click.option("--status", multiple=True, type=click.Choice(STATUSES), help="Review status (repeatable)."),
        click.option("--search", help="Claim text contains this text."),
        click.option("--batch", help="Only the claims of this saved sample batch."),
        click.option("--limit", type=click.IntRange(min=1, max=MAX_INT), help="At most this many claims."),
        click.option("--sort", type=click.Choice(SORTS), default="document", show_default=True,
                     help="Document order, or 'confidence': the claims the engine is least sure of first."),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(*args, attributed, unsourced, types, speaker, document, status, search, batch, limit, sort, **kwargs):
        if attributed and unsourced:
            raise click.UsageError("--attributed and --unsourced exclude each other")
        flt = ClaimFilter(attributed=attributed, unsourced=unsourced, types=tuple(types), speaker=speaker,
                          document=document, status=tuple(status), search=search, batch=batch, limit=limit,
                          sort=sort)
        return command(*args, flt=flt, **kwargs)

    return wrapper


def short(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
