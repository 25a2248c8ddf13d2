"""Provenance commands: a claim's trail across articles, who relays whom, groups rebuilt."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from claimtrack.cli.common import (
    MAX_INT,
    NARROW,
    clean,
    console,
    echo_json,
    filter_options,
    json_option,
    open_database,
    piped,
    print_table,
)
from claimtrack.store.queries import ClaimFilter, iter_rows

CHANGE_STYLES = {"dropped": "red strike", "added": "green underline"}


def wording(changes) -> Text:
    """The wording against the earliest version, marked as git's word diff does ([-dropped-]
    {+added+}) so that the changes read without colour too, and coloured on a terminal."""
    text = Text()
    for change in changes:
        if text:
            text.append(" ")
        if change.op == "same":
            text.append(clean(change.new))
            continue
        if change.old:
            text.append(f"[-{clean(change.old)}-]", style=CHANGE_STYLES["dropped"])
        if change.old and change.new:
            text.append(" ")
        if change.new:
            text.append(f"{{+{clean(change.new)}+}}", style=CHANGE_STYLES["added"])
    return text


@click.command()
@click.argument("claim_id", type=click.IntRange(min=1, max=MAX_INT))
@json_option
@click.pass_context
def trace(ctx: click.Context, claim_id: int, as_json: bool) -> None:
    """Every article carrying this claim, earliest first, with the wording changes.

    Dates are publication dates, or ingestion days (marked *) for articles without one. Each
    later wording is compared word by word with the earliest: [-dropped-] {+added+}.

    \b
    Example:
      claimtrack trace 12
      claimtrack trace 12 --json
    """
    from claimtrack.provenance.trail import trail

    database = open_database(ctx)
    with database.session() as session:
        found = trail(session, claim_id)
    if as_json:
        echo_json({"claim_id": found.claim_id, "group_id": found.group_id, "documents": found.documents,
                   "speakers_differ": found.speakers_differ,
                   "occurrences": [asdict(o) | {"identical": o.identical} for o in found.occurrences]})
        return
    out = console()
    if not piped() and out.width < NARROW:
        # the wording needs the width: one paragraph an article, the wording on lines of its own
        out.print(f"[bold]Trail of claim {claim_id}: {found.documents} article(s)[/]")
        for n, o in enumerate(found.occurrences, 1):
            mark = "→ " if o.claim_id == claim_id else "  "
            day = o.date + ("*" if o.dated_by == "ingested" else "")
            out.print(Text.assemble((f"{mark}{n}. ", "bold"), day, " · ", clean(o.document), " · ",
                                    clean(o.outlet or "—")))
            out.print(Text.assemble("     ", clean(o.speaker or "—"), f" ({o.speaker_type})",
                                    f" via {clean(' > '.join(o.via))}" if o.via else ""))
            out.print(Text.assemble("     ", Text(clean(o.wording)) if n == 1 else wording(o.changes)))
    else:
        _trace_table(out, found, claim_id)
    if found.group_id is None:
        out.print("No other article carries this claim.")
    if found.speakers_differ:
        out.print("[bold yellow]Warning:[/] the articles attribute this claim to different speakers "
                  "(or one gives it as its own voice): check the speaker column.")


def _trace_table(out, found, claim_id: int) -> None:
    table = Table(title=f"Trail of claim {claim_id}: {found.documents} article(s)")
    for column in ("#", "date", "document", "outlet", "speaker", "type", "via", "wording against the first"):
        table.add_column(column, overflow="fold", ratio=4 if column.startswith("wording") else None)
    for n, o in enumerate(found.occurrences, 1):
        mark = "→ " if o.claim_id == claim_id else ""
        table.add_row(f"{mark}{n}", o.date + ("*" if o.dated_by == "ingested" else ""), clean(o.document),
                      clean(o.outlet or "—"), clean(o.speaker or "—"), o.speaker_type, clean(" > ".join(o.via)) or "—",
                      Text(clean(o.wording)) if n == 1 else wording(o.changes))
    print_table(table, out)


@click.command()
@filter_options
@click.option("--format", "fmt", type=click.Choice(["json", "dot", "graphml", "html"]), default="json",
              show_default=True, help="json for scripts, dot for Graphviz, graphml for Gephi, html to look at.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="File to write (default: standard output).")
@click.pass_context
def graph(ctx: click.Context, flt: ClaimFilter, fmt: str, output: Path | None) -> None:
    """Who relays whom: outlet → relayed outlet → speaker edges, with claim counts and dates.

    Takes the claim filters of `claims` (--doc, --type, --speaker, --search …).

    \b
    Example:
      claimtrack graph --format html -o relays.html
      claimtrack graph --type outlet --format dot | dot -Tsvg > relays.svg
    """
    from claimtrack.provenance.graph import citation_graph, to_dot, to_graphml, to_json
    from claimtrack.provenance.graph_page import render_graph_page

    database = open_database(ctx)
    with database.session() as session:
        found = citation_graph(iter_rows(session, flt))
    render = {"json": to_json, "dot": to_dot, "graphml": to_graphml, "html": render_graph_page}[fmt]
    text = render(found)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from error
    click.echo(f"{len(found.nodes)} node(s) and {len(found.edges)} edge(s) written to {output}", err=True)


@click.command()
@json_option
@click.pass_context
def regroup(ctx: click.Context, as_json: bool) -> None:
    """Find again which claims several articles carry, over the whole store.

    Ingest groups new claims as it goes; run this once after upgrading a store made before
    claim groups existed.

    \b
    Example:
      claimtrack regroup
    """
    from claimtrack.provenance.grouping import rebuild_groups

    database = open_database(ctx)
    with database.session() as session:
        result = rebuild_groups(session)
    if as_json:
        echo_json(asdict(result))
        return
    click.echo(f"{result.claims} claim(s) compared; {result.matched} found in another claim; "
               f"{result.groups} group(s)")
