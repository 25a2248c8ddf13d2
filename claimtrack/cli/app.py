"""The `claimtrack` command group: each command module defines plain click commands and this
module gathers them, so that no command module imports the group (no import circle)."""

from __future__ import annotations

import gc
import importlib

import click
from sqlalchemy.exc import SQLAlchemyError

from claimtrack import __version__
from claimtrack.errors import ClaimtrackError
from claimtrack.safe_text import visible
from claimtrack.store.db import one_line

# Each command's module is imported when that command runs (or when --help lists it): a command
# that reads the store then does not import the attribution engine, the reports and the graph
# too, which took most of a second before any command started (`claimtrack show 12`, run all day).
COMMANDS = {
    "batches": "claimtrack.cli.batch_commands:batches",
    "claims": "claimtrack.cli.store_commands:claims",
    "db": "claimtrack.cli.store_commands:db",
    "documents": "claimtrack.cli.report_commands:documents_command",
    "evaluate": "claimtrack.cli.evaluate_command:evaluate",
    "export": "claimtrack.cli.store_commands:export",
    "graph": "claimtrack.cli.provenance_commands:graph",
    "ingest": "claimtrack.cli.store_commands:ingest",
    "regroup": "claimtrack.cli.provenance_commands:regroup",
    "report": "claimtrack.cli.report_commands:report",
    "review": "claimtrack.cli.review_commands:review_command",
    "sample": "claimtrack.cli.batch_commands:sample",
    "show": "claimtrack.cli.review_commands:show",
    "speakers": "claimtrack.cli.report_commands:speakers_command",
    "stats": "claimtrack.cli.report_commands:stats",
    "trace": "claimtrack.cli.provenance_commands:trace",
    "train": "claimtrack.cli.evaluate_command:train",
}


class _Group(click.Group):
    """The command group, with the last line of defence of a command line a newsroom relies on:
    an error no command foresaw still ends in one line and a non-zero exit, never a traceback.
    Its commands are loaded on demand (COMMANDS)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)

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


def run() -> None:
    """The `claimtrack` console script and `python -m claimtrack`: `main`, with the interpreter's
    last garbage collections skipped. Those walk every object the spaCy model and the lexicons
    made, 0.6–0.8 s at the end of each command that loaded them, after the work is done and while
    the user waits (a tenth of an ingest of 200 articles on two cores). Skipping them loses
    nothing: what a command writes is closed when it ends (files in `with` blocks, databases
    when the command's context closes), and objects are still freed as their last reference goes."""
    try:
        main()
    finally:
        gc.freeze()  # objects alive now stay out of every later collection
