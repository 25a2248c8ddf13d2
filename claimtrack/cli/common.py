"""What every command shares: the console, the database, the claim filter options."""

from __future__ import annotations

import functools
import json
import os
import sys

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from claimtrack.safe_text import visible
from claimtrack.store.db import Database, DatabaseError
from claimtrack.store.queries import STATUSES, ClaimFilter

TYPES = ("named", "unnamed", "outlet", "editorial")
SORTS = ("document", "confidence")
MAX_INT = 2**62  # every id, count and seed fits a 64-bit database integer


PIPED_WIDTH = 160


def piped() -> bool:
    """Standard output goes to a pipe or a file and no width was asked for ($COLUMNS): tables
    are then written as tab-separated text, which `cut`, `sort` and spreadsheets read, instead
    of boxes drawn for a screen."""
    return not sys.stdout.isatty() and not os.environ.get("COLUMNS", "").isdigit()


def print_table(table: Table, out: Console | None = None) -> None:
    """A table on the terminal, or as tab-separated lines when piped: its title after '# ', a
    header, then one line a row."""
    if not piped():
        (out or console()).print(table)
        return

    def plain(cell) -> str:
        text = cell.plain if isinstance(cell, Text) else Text.from_markup(str(cell)).plain
        return " ".join(text.replace("\t", " ").split())

    if table.title:  # several tables in one output (evaluate) stay told apart
        click.echo(f"# {plain(table.title)}")
    click.echo("\t".join(plain(column.header) for column in table.columns))
    for row in zip(*(list(column.cells) for column in table.columns), strict=True):
        click.echo("\t".join(plain(cell) for cell in row))


def console() -> Console:
    """Rich output at the terminal's width; piped, at $COLUMNS when set, else PIPED_WIDTH."""
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit() else PIPED_WIDTH
    return Console(highlight=False, soft_wrap=False, width=width)


def shown_text(text: str | None) -> str:
    """Text from a file or the database made safe for a terminal: rich markup escaped ("[bold]"
    prints as written) and control characters made visible (a stored escape sequence must not
    drive the terminal, and a reviewer should see that it is there)."""
    return escape(visible(text))


safe = shown_text  # the short name the commands use for every string they print


NARROW = 120  # below this, commands with many columns print one paragraph a row instead of a table
WIDE = 160  # below this a table of claims cannot give the text room for words


def claims_table() -> Table:
    """The claims table for terminals of WIDE columns or more: narrow fields are cut with an
    ellipsis, never folded mid-word, and the text wraps at word boundaries."""
    table = Table(title="Claims (machine-extracted until reviewed: check against the original)")
    for column in ("id", "document", "type", "speaker", "via", "mode", "conf", "status"):
        wrap = column in ("document", "speaker", "via")
        table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=24 if wrap else None,
                         min_width=8 if wrap else None)
    table.add_column("text", ratio=1, min_width=30)
    return table


def claim_lines(row) -> Text:
    """One claim for a narrow terminal: a heading line, then the text wrapped at words."""
    marker = "⚙ " if row.machine_extracted else ""
    who = row.speaker_type if not row.speaker else f"{row.speaker_type}: {row.speaker}"
    via = f" via {' > '.join(row.via)}" if row.via else ""
    heading = Text.assemble((f"#{row.id} ", "bold"), clean(row.document), " · ", clean(who + via), " · ",
                            f"{marker}{row.status} · {certainty(row.status, row.confidence)}")
    return Text.assemble(heading, "\n", clean(" ".join(row.text.split())), "\n")


def clean(text: str | None) -> str:
    """Control characters made visible, for rich Text, which prints markup as written anyway."""
    return visible(text)


def open_database(ctx: click.Context, *, create: bool = False) -> Database:
    """The database of --db; only commands that write new data (`create`) may bring a new file
    into being, so that a mistyped path is an error rather than an empty answer."""
    try:
        database = Database(ctx.obj["db"], create=create)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
    ctx.call_on_close(database.close)  # when the command ends, not whenever the collector gets to it
    return database


def filter_options(command=None, *, batch_help: str = "Only the claims of this saved sample batch."):
    """The claim filters every listing, export and review command shares. `sample` names the
    batch it saves with the same option, so it words --batch its own way."""
    if command is None:
        return functools.partial(filter_options, batch_help=batch_help)
    options = [
        click.option("--attributed", is_flag=True, help="Only claims with a source (not editorial)."),
        click.option("--unsourced", is_flag=True, help="Only editorial claims: the article's own voice."),
        click.option("--type", "types", multiple=True, type=click.Choice(TYPES), help="Speaker type (repeatable)."),
        click.option("--speaker", help="Speaker name contains this text."),
        click.option("--doc", "document", help="Document name, id or sha256 prefix."),
        click.option("--status", multiple=True, type=click.Choice(STATUSES), help="Review status (repeatable)."),
        click.option("--search", help="Claim text contains this text."),
        click.option("--batch", help=batch_help),
        click.option("--outlet", help="The article's outlet contains this text."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Articles published on or after this day."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Articles published on or before this day."),
        click.option("--reviewed-by", help="Claims this reviewer decided (confirmed, corrected, rejected, judged)."),
        click.option("--include-rejected", is_flag=True,
                     help="Keep claims a reviewer rejected as no claim (left out unless --status names them)."),
        click.option("--limit", type=click.IntRange(min=1, max=MAX_INT), help="At most this many claims."),
        click.option("--sort", type=click.Choice(SORTS), default="document", show_default=True,
                     help="Document order, or 'confidence': the claims the engine is least sure of first."),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(*args, attributed, unsourced, types, speaker, document, status, search, batch, outlet, since, until,
                reviewed_by, include_rejected, limit, sort, **kwargs):
        if attributed and unsourced:
            raise click.UsageError("--attributed and --unsourced exclude each other")
        flt = ClaimFilter(attributed=attributed, unsourced=unsourced, types=tuple(types), speaker=speaker,
                          document=document, status=tuple(status), search=search, batch=batch, limit=limit,
                          sort=sort, include_rejected=include_rejected, outlet=outlet,
                          since=since.date().isoformat() if since else None,
                          until=until.date().isoformat() if until else None, reviewed_by=reviewed_by)
        return command(*args, flt=flt, **kwargs)

    return wrapper


def note_rejected(session, flt: ClaimFilter) -> None:
    """A batch read without its rejected claims says so on stderr: a 12-claim batch exported
    as 11 rows must not look like a lost claim."""
    from claimtrack.store.queries import rejected_in_batch

    if flt.batch and not flt.include_rejected and not flt.status:
        left_out = rejected_in_batch(session, flt.batch)
        if left_out:
            click.echo(f"Note: {left_out} claim(s) of batch {visible(flt.batch)} were rejected as no claim and are "
                       "left out (--include-rejected keeps them).", err=True)


def certainty(status: str, confidence: float, long: bool = False) -> str:
    """How sure the attribution is: a person's word once someone confirmed or corrected it,
    else the engine's calibrated confidence."""
    if status in ("confirmed", "corrected"):
        return "reviewer ✓" if long else "✓"
    return f"confidence {confidence:.2f}" if long else f"{confidence:.2f}"


def short(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def json_option(command):
    """--json: the command's result as JSON for scripts instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(command)


def echo_json(value) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=None, default=str))
