"""`claimtrack evaluate`: the engine measured on an annotated sample, as score.py measures it."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from claimtrack.cli.common import console
from claimtrack.evaluation import CONFIDENT, TYPES, Evaluation, GoldError, calibration_table, run_evaluation
from claimtrack.store.db import Database, DatabaseError


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--docs", "docs_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the gold's documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--misses", type=click.IntRange(min=0, max=100_000), default=20, show_default=True,
              help="How many misses to list.")
@click.option("--write-calibration", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the per-evidence confidence table measured on this sample (calibration.tsv).")
@click.pass_context
def evaluate(ctx: click.Context, gold: Path, docs_dir: Path, as_json: bool, misses: int,
             write_calibration: Path | None) -> None:
    """Measure attribution on an annotated sample (a gold JSONL made by the guide).

    The gold's documents are ingested into a throw-away database, unless --db is given.

    \b
    Example:
      claimtrack evaluate ../shared/annotation/dev.gold.jsonl --docs ../shared/annotation/dev
      claimtrack evaluate gold.jsonl --docs articles/ --json --misses 0
    """
    from claimtrack.engine import Analyzer, BackendUnavailable

    parent = ctx.parent
    explicit_db = parent.get_parameter_source("db") not in (click.core.ParameterSource.DEFAULT, None)
    with tempfile.TemporaryDirectory(prefix="claimtrack-evaluate-") as scratch:
        url = parent.obj["db"] if explicit_db else f"sqlite:///{Path(scratch) / 'evaluate.db'}"
        try:
            database = Database(url, create=True)
        except DatabaseError as error:
            raise click.ClickException(str(error)) from error
        try:
            result = run_evaluation(gold, docs_dir, database, Analyzer("spacy"))
        except (GoldError, BackendUnavailable) as error:
            raise click.ClickException(str(error)) from error
        finally:
            database.engine.dispose()  # before the scratch folder goes
    if write_calibration:
        write_calibration.write_text(calibration_table(result), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(result.as_dict(misses), ensure_ascii=False, indent=2))
        return
    _render(result, misses)


def _render(result: Evaluation, misses: int) -> None:
    out = console()
    for miss in result.overall.misses[:misses]:
        out.print(f"{miss.what:9} {escape(miss.document[:14]):14} {escape(repr(miss.text)[:70])} "
                  f"gold={escape(miss.gold)} system={escape(miss.system)}")
    figures = Table(title="Attribution (definitions of score.py)")
    figures.add_column("figure")
    figures.add_column("value", justify="right")
    for key, value in result.overall.figures().items():
        figures.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(figures)
    types = Table(title="Per speaker type")
    for column in ("type", "gold", "P", "R", "F1"):
        types.add_column(column, justify="left" if column == "type" else "right")
    for t, row in result.overall.per_type().items():
        types.add_row(t, str(row["gold"]), f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}")
    out.print(types)
    confusion = Table(title="Confusion (gold → system)")
    confusion.add_column("gold")
    for t in (*TYPES, "missing"):
        confusion.add_column(t, justify="right")
    pairs = result.overall.confusion()
    for g in TYPES:
        confusion.add_row(g, *(str(pairs.get(f"{g}->{s}", 0)) for s in (*TYPES, "missing")))
    out.print(confusion)
    documents = Table(title="Per document")
    for column in ("document", "units", "type", "speaker", "via", "det. R", "det. P"):
        documents.add_column(column, justify="left" if column == "document" else "right")
    for name, scores in result.documents.items():
        documents.add_row(escape(name), str(scores.gold_claims), f"{scores.type_accuracy:.3f}",
                          f"{scores.speaker_accuracy:.3f}", f"{scores.via_accuracy:.3f}",
                          f"{scores.detection_recall:.2f}", f"{scores.detection_precision:.2f}")
    out.print(documents)
    calibration = Table(title="Calibration: how often claims at each confidence are right (type and speaker)")
    for column in ("confidence", "claims", "right", "accuracy"):
        calibration.add_column(column, justify="left" if column == "confidence" else "right")
    for row in result.by_confidence:
        calibration.add_row(row.label, str(row.claims), str(row.right), f"{row.accuracy:.3f}")
    out.print(calibration)
    total = sum(r.claims for r in result.by_confidence) or 1
    out.print(f"confidence ≥ {CONFIDENT}: {result.confident.claims} claims ({result.confident.claims / total:.1%}), "
              f"right {result.confident.accuracy:.1%}")
