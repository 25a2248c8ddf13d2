"""The `claimtrack` command group: each command module defines plain click commands and this
module gathers them, so that no command module imports the group (no import circle)."""

from __future__ import annotations

import click
from sqlalchemy.exc import SQLAlchemyError

from claimtrack import __version__
from claimtrack.cli.batch_commands import batches, sample
from claimtrack.cli.evaluate_command import evaluate, train
from claimtrack.cli.provenance_commands import graph, regroup, trace
from claimtrack.cli.report_commands import documents_command, report, speakers_command, stats
from claimtrack.cli.review_commands import review_command, show
from claimtrack.cli.store_commands import claims, export, ingest
from claimtrack.cli.store_commands import db as db_group
from claimtrack.errors import ClaimtrackError
from claimtrack.safe_text import visible
from claimtrack.store.db import one_line


class _Group(click.Group):
    """The command group, with the last line of defence of a command line a newsroom relies on:
    an error no command foresaw still ends in one line and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return self._invoke(ctx)
        except click.ClickException as error:
            error.message = visible(error.message)  # a file or batch name may hold an escape sequence
            raise

    def _invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.Abort, click.exceptions.Exit):
            raise
        except ClaimtrackError as error:
            raise click.ClickException(str(error)) from error
        except SQLAlchemyError as error:
            raise click.ClickException(f"database error: {one_line(error, ctx.obj.get('db') if ctx.obj else None)}"
                                       ) from error
        except BrokenPipeError:
            raise click.exceptions.Exit(141) from None  # the reader went away (| head): nothing to say
        except OSError as error:
            where = f" ({error.filename})" if error.filename else ""
            raise click.ClickException(f"{error.strerror or error}{where}") from error
        except (OverflowError, UnicodeError, MemoryError) as error:
            raise click.ClickException(f"{type(error).__name__}: {error}") from error


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="CLAIMTRACK_DB", default="claims.db", show_default=True,
              help="Database URL or SQLite file path (also CLAIMTRACK_DB).")
@click.version_option(__version__, prog_name="claimtrack")
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    """Who says what in news articles: attribute every claim to its source, review and export.

    \b
    Example:
      claimtrack ingest seeds/ && claimtrack claims --unsourced
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


for command in (db_group, ingest, documents_command, claims, export, show, review_command, sample, batches,
                speakers_command, stats, report, evaluate, train, trace, graph, regroup):
    main.add_command(command)
