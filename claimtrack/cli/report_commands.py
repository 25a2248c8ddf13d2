"""Report commands: speakers, sourcing profiles, the HTML page of an article."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click
from rich.table import Table

from claimtrack.cli.common import (
    MAX_INT,
    NARROW,
    TYPES,
    console,
    echo_json,
    json_option,
    open_database,
    piped,
    print_table,
    safe,
)
from claimtrack.reporting.profile import matching_documents, profile_record, sourcing_profile
from claimtrack.reporting.reports import speakers
from claimtrack.workflow.review import default_reviewer


@click.group("speakers", invoke_without_command=True)
@click.option("--type", "types", multiple=True, type=click.Choice(TYPES[:3]), help="Speaker type (repeatable).")
@click.option("--doc", "document", help="Only speakers of this document (name or sha256 prefix).")
@click.option("--duplicates", is_flag=True,
              help="Propose speakers that are probably one written two ways (merge them with 'speakers merge').")
@json_option
@click.pass_context
def speakers_command(ctx: click.Context, types: tuple[str, ...], document: str | None, duplicates: bool,
                     as_json: bool) -> None:
    """Speakers, most cited first, with id, type, role, aliases and counts.

    \b
    Example:
      claimtrack speakers --type unnamed
      claimtrack speakers --duplicates
      claimtrack speakers merge "Paul Durand" "Paul Duran"
    """
    if ctx.invoked_subcommand is not None:
        return
    database = open_database(ctx)
    if duplicates:
        from claimtrack.provenance.speakers import duplicate_speakers

        with database.session() as session:
            proposals = duplicate_speakers(session, types)
        if as_json:
            echo_json([asdict(p) for p in proposals])
            return
        _print_duplicates(proposals)
        return
    with database.session() as session:
        rows = speakers(session, types, document)
    if as_json:
        echo_json([asdict(r) for r in rows])
        return
    table = Table(title="Speakers")
    for column in ("id", "speaker", "type", "role", "aliases", "claims", "documents"):
        numeric = column in ("id", "claims", "documents")
        table.add_column(column, overflow="fold", justify="right" if numeric else "left")
    for r in rows:
        table.add_row(str(r.id), safe(r.name), r.type, safe(r.role or ""), safe("; ".join(r.aliases)),
                      str(r.claims), str(r.documents))
    print_table(table)


def _print_duplicates(proposals) -> None:
    table = Table(title="Speakers that are probably one (best first)")
    for column in ("keep", "merge", "type", "score", "why"):
        table.add_column(column, overflow="fold")
    for p in proposals:
        table.add_row(f"{p.keep.id} {safe(p.keep.name)} ({p.keep.claims})",
                      f"{p.other.id} {safe(p.other.name)} ({p.other.claims})", p.keep.type, f"{p.score:.2f}",
                      safe("; ".join(p.reasons)))
    out = console()
    print_table(table, out)
    out.print(f"{len(proposals)} proposal(s); merge one with: claimtrack speakers merge KEEP MERGE")


@speakers_command.command("merge")
@click.argument("keep")
@click.argument("other")
@click.option("--reviewer", default=default_reviewer, show_default="$CLAIMTRACK_REVIEWER or $USER",
              help="Who decides (recorded in each claim's history).")
@click.option("--note", help="Why, for the history.")
@click.pass_context
def speakers_merge(ctx: click.Context, keep: str, other: str, reviewer: str, note: str | None) -> None:
    """Make OTHER's claims KEEP's (by id or exact name); OTHER's names become KEEP's aliases.

    \b
    Example:
      claimtrack speakers merge 12 31 --note "same minister, transliterated"
    """
    from claimtrack.provenance.speakers import merge_speakers

    database = open_database(ctx)
    change = database.run(lambda session: merge_speakers(session, keep, other, reviewer, note))
    click.echo(f"{change.claims} claim(s) of {change.previous!r} now {change.speaker!r}'s")


@speakers_command.command("split")
@click.argument("speaker")
@click.argument("new_name")
@click.option("--claim", "claim_ids", multiple=True, type=click.IntRange(min=1, max=MAX_INT),
              help="A claim to move (repeatable).")
@click.option("--doc", "documents", multiple=True, help="Move the speaker's claims in this document (repeatable).")
@click.option("--reviewer", default=default_reviewer, show_default="$CLAIMTRACK_REVIEWER or $USER",
              help="Who decides (recorded in each claim's history).")
@click.option("--note", help="Why, for the history.")
@click.pass_context
def speakers_split(ctx: click.Context, speaker: str, new_name: str, claim_ids: tuple[int, ...],
                   documents: tuple[str, ...], reviewer: str, note: str | None) -> None:
    """Give some of SPEAKER's claims to NEW_NAME: the claims or documents named, or, with
    neither, the claims an earlier merge brought in from NEW_NAME (the merge undone).

    \b
    Example:
      claimtrack speakers split "Kenon" "Alondra Kenon" --doc 012_article.txt
      claimtrack speakers split "Paul Durand" "Paul Duran"
    """
    from claimtrack.provenance.speakers import split_speaker

    database = open_database(ctx)
    change = database.run(lambda session: split_speaker(session, speaker, new_name, reviewer, claim_ids=claim_ids,
                                                        documents=documents, note=note))
    click.echo(f"{change.claims} claim(s) of {change.previous!r} now {change.speaker!r}'s")


@click.command()
@click.option("--by", type=click.Choice(["document", "outlet"]), help="One profile per document or outlet.")
@click.option("--doc", "document", help="Only this document (name or sha256 prefix).")
@click.option("--outlet", help="Only articles whose outlet contains this text.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or after this day.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or before this day.")
@json_option
@click.pass_context
def stats(ctx: click.Context, by: str | None, document: str | None, outlet: str | None, since, until,
          as_json: bool) -> None:
    """The sourcing profile: claims by speaker type, unsourced and unnamed shares, review progress.

    "% relayed" are claims credited to another outlet (a via chain, or an outlet as source);
    "% originated" are claims neither relayed nor seen in an earlier article. The rest were
    carried earlier by another article without credit.

    \b
    Example:
      claimtrack stats --by document
      claimtrack stats --by outlet --json
    """
    database = open_database(ctx)
    with database.session() as session:
        if outlet or since or until:
            ids = matching_documents(session, outlet, since.date().isoformat() if since else None,
                                     until.date().isoformat() if until else None, document)
            profiles = sourcing_profile(session, by, ids=ids) if ids else []
        else:
            profiles = sourcing_profile(session, by, document)
    if as_json:
        echo_json([profile_record(p) for p in profiles])
        return
    out = console()
    if not piped() and out.width < NARROW:
        # twelve columns do not fit: one short paragraph a group, every figure named
        out.print("[bold]Sourcing profile[/]")
        for p in profiles:
            verdicts = ", ".join(f"{k} {v}" for k, v in sorted(p.verdicts.items())) or "none"
            out.print(f"[bold]{safe(p.group)}[/]")
            out.print(f"  {p.claims} claims: " + " · ".join(f"{t} {p.by_type[t]}" for t in TYPES))
            out.print(f"  unsourced {p.unsourced_share:.0%} · unnamed {p.unnamed_share:.0%} · relayed "
                      f"{p.relayed_share:.0%} · originated {p.originated_share:.0%} · reviewed "
                      f"{p.reviewed_share:.0%} · verdicts {safe(verdicts)}")
        return
    table = Table(title="Sourcing profile")
    columns = ["group", "claims", *TYPES, "% unsourced", "% unnamed", "% relayed", "% originated", "% reviewed",
               "verdicts"]
    for column in columns:
        table.add_column(column, justify="left" if column in ("group", "verdicts") else "right", overflow="fold")
    for p in profiles:
        verdicts = ", ".join(f"{k} {v}" for k, v in sorted(p.verdicts.items())) or "—"
        table.add_row(safe(p.group), str(p.claims), *(str(p.by_type[t]) for t in TYPES),
                      f"{p.unsourced_share:.0%}", f"{p.unnamed_share:.0%}", f"{p.relayed_share:.0%}",
                      f"{p.originated_share:.0%}", f"{p.reviewed_share:.0%}", verdicts)
    print_table(table)


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
    from claimtrack.reporting.html_report import render

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


@click.command("documents")
@json_option
@click.pass_context
def documents_command(ctx: click.Context, as_json: bool) -> None:
    """The documents ingested: name, outlet, publication date, claims and their attributed share.

    \b
    Example:
      claimtrack documents
      claimtrack documents --json
    """
    from claimtrack.reporting.documents import documents

    database = open_database(ctx)
    with database.session() as session:
        rows = documents(session)
    if as_json:
        echo_json([row.record() for row in rows])
        return
    table = Table(title="Documents")
    for column in ("id", "name", "outlet", "date", "claims", "attributed"):
        table.add_column(column, justify="right" if column in ("id", "claims", "attributed") else "left",
                         overflow="fold")
    for row in rows:
        table.add_row(str(row.id), safe(row.name), safe(row.outlet or "—"), row.date or "—", str(row.claims),
                      f"{row.attributed_share:.0%}")
    print_table(table)
