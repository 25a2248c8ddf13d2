"""Report commands: speakers, sourcing profiles, the HTML page of an article."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from claimtrack.cli.common import TYPES, console, echo_json, json_option, open_database
from claimtrack.reports import profile_record, sourcing_profile, speakers


@click.command("speakers")
@click.option("--type", "types", multiple=True, type=click.Choice(TYPES[:3]), help="Speaker type (repeatable).")
@click.option("--doc", "document", help="Only speakers of this document (name or sha256 prefix).")
@json_option
@click.pass_context
def speakers_command(ctx: click.Context, types: tuple[str, ...], document: str | None, as_json: bool) -> None:
    """Speakers, most cited first, with type, role, aliases and counts.

    \b
    Example:
      claimtrack speakers --type unnamed
      claimtrack speakers --json
    """
    database = open_database(ctx)
    with database.session() as session:
        rows = speakers(session, types, document)
    if as_json:
        echo_json([asdict(r) for r in rows])
        return
    table = Table(title="Speakers")
    for column in ("speaker", "type", "role", "aliases", "claims", "documents"):
        table.add_column(column, overflow="fold", justify="right" if column in ("claims", "documents") else "left")
    for r in rows:
        table.add_row(escape(r.name), r.type, escape(r.role or ""), escape("; ".join(r.aliases)), str(r.claims),
                      str(r.documents))
    console().print(table)


@click.command()
@click.option("--by", type=click.Choice(["document", "outlet"]), help="One profile per document or outlet.")
@click.option("--doc", "document", help="Only this document (name or sha256 prefix).")
@json_option
@click.pass_context
def stats(ctx: click.Context, by: str | None, document: str | None, as_json: bool) -> None:
    """The sourcing profile: claims by speaker type, unsourced and unnamed shares, review progress.

    \b
    Example:
      claimtrack stats --by document
      claimtrack stats --by outlet --json
    """
    database = open_database(ctx)
    with database.session() as session:
        profiles = sourcing_profile(session, by, document)
    if as_json:
        echo_json([profile_record(p) for p in profiles])
        return
    table = Table(title="Sourcing profile")
    columns = ["group", "claims", *TYPES, "% unsourced", "% unnamed", "% reviewed", "verdicts"]
    for column in columns:
        table.add_column(column, justify="left" if column in ("group", "verdicts") else "right", overflow="fold")
    for p in profiles:
        verdicts = ", ".join(f"{k} {v}" for k, v in sorted(p.verdicts.items())) or "—"
        table.add_row(escape(p.group), str(p.claims), *(str(p.by_type[t]) for t in TYPES),
                      f"{p.unsourced_share:.0%}", f"{p.unnamed_share:.0%}", f"{p.reviewed_share:.0%}", verdicts)
    console().print(table)


@click.command()
@click.argument("document")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="HTML file to write (default: DOCUMENT.html in the current folder).")
@click.pass_context
def report(ctx: click.Context, document: str, output: Path | None) -> None:
    """Write a standalone HTML page of one article with every claim highlighted by speaker type.

    \b
    Example:
      claimtrack report 000_4e39641b278808e5.txt -o report.html
    """
    from claimtrack.html_report import render

    database = open_database(ctx)
    with database.session() as session:
        try:
            page = render(session, document)
        except LookupError as error:
            raise click.ClickException(str(error)) from error
    output = output or Path(f"{Path(document).stem}.html")
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from error
    click.echo(f"wrote {output}")
