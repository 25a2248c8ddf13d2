"""`claimtrack evaluate` and `claimtrack train`: the engine measured on annotated articles, as score.py
measures it, and the decision model trained on them."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click
from rich.table import Table

from claimtrack.cli.common import console, print_table, safe
from claimtrack.cli.engine_options import decision_options, make_analyzer
from claimtrack.engine.learned.training import DEFAULT_C, SEED
from claimtrack.evaluation import (
    CONFIDENT,
    HEADLINE,
    TYPES,
    Evaluation,
    GoldError,
    calibration_table,
    repeated_summary,
    run_evaluation,
)
from claimtrack.store.db import Database, DatabaseError


def gold_pairs(golds: tuple[Path, ...], docs: tuple[Path, ...]) -> list[tuple[Path, Path]]:
    """Each gold file with the folder of its documents: one --docs for all, or one per gold."""
    if len(docs) == 1:
        return [(g, docs[0]) for g in golds]
    if len(docs) != len(golds):
        raise click.ClickException(f"{len(golds)} gold file(s) and {len(docs)} --docs folder(s): give one --docs "
                                   "for all, or one per gold file in the same order")
    return list(zip(golds, docs, strict=True))


_GOLDS = click.argument("golds", metavar="GOLD...", nargs=-1, required=True,
                        type=click.Path(exists=True, dir_okay=False, path_type=Path))
_DOCS = click.option("--docs", "docs_dirs", required=True, multiple=True,
                     type=click.Path(exists=True, file_okay=False, path_type=Path),
                     help="Folder holding the gold's documents (once for all, or once per gold file).")


@click.command()
@_GOLDS
@_DOCS
@click.option("--cv", "folds", type=click.IntRange(min=2, max=1000),
              help="Article-grouped K-fold cross-validation: every article scored by a model trained without it.")
@click.option("--repeat", "repeats", type=click.IntRange(min=1, max=100), default=1, show_default=True,
              help="With --cv: repeat it over this many deals of the articles to the folds and report the "
                   "mean and range of the figures too (the first deal's figures stay the headline).")
@decision_options
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--misses", type=click.IntRange(min=0, max=100_000), default=20, show_default=True,
              help="How many misses to list.")
@click.option("--write-calibration", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the rules' per-evidence confidence table measured on this sample (calibration.tsv).")
@click.pass_context
def evaluate(ctx: click.Context, golds: tuple[Path, ...], docs_dirs: tuple[Path, ...], folds: int | None,
             repeats: int, engine: str, model: str | None, as_json: bool, misses: int,
             write_calibration: Path | None) -> None:
    """Measure attribution on annotated articles (gold JSONL made by the guide).

    Without --cv the gold's documents are ingested into a throw-away database (unless --db is
    given) and scored as they come out. With --cv K each article is scored by a model trained on
    the other folds: the figure to trust for articles nobody annotated. --repeat R does it over
    R deals of the articles to the folds: with a few dozen articles, a change is worth keeping
    when the mean moves, not one deal.

    \b
    Example:
      claimtrack evaluate ../shared/annotation/dev.gold.jsonl --docs ../shared/annotation/dev --cv 10
      claimtrack evaluate gold.jsonl --docs articles/ --cv 10 --repeat 5
      claimtrack evaluate gold.jsonl --docs articles/ --engine rules --json --misses 0
    """
    pairs = gold_pairs(golds, docs_dirs)
    if repeats > 1 and (folds is None or engine == "rules"):
        raise click.ClickException("--repeat repeats a cross-validation of the learned engine: give --cv K "
                                   "(and not --engine rules, whose decisions no fold changes)")
    repeated = None
    if folds is not None:
        result, repeated = _cross_validated(pairs, folds, engine, model, repeats)
    else:
        result = _ingested(ctx, pairs, make_analyzer("spacy", None, engine, model))
    if write_calibration:
        write_calibration.write_text(calibration_table(result), encoding="utf-8")
    if as_json:
        figures = result.as_dict(misses)
        figures["engine"] = engine
        if folds is not None:
            figures["cross_validation"] = {"folds": folds, "grouped_by": "article"}
        if repeated is not None:
            figures["repeated"] = repeated_summary(repeated)
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    _render(result, misses)
    if repeated is not None:
        _render_repeated(repeated_summary(repeated), folds)


def _cross_validated(pairs: list[tuple[Path, Path]], folds: int, engine: str, model: str | None,
                     repeats: int = 1) -> tuple[Evaluation, list[Evaluation] | None]:
    """The first deal's evaluation, and all the deals' when repeated."""
    from claimtrack.learning import evaluate_repeated, evaluate_with, read_annotated

    if model:
        raise click.ClickException("--cv trains its own model on each fold: drop --model")
    analyzer = make_analyzer("spacy", None, "rules", None)  # the candidates do not depend on the model
    try:
        documents = read_annotated(pairs, analyzer)
        if engine == "rules":
            return evaluate_with(documents, None), None
        deals = evaluate_repeated(documents, folds, repeats)
        return deals[0], (deals if repeats > 1 else None)
    except GoldError as error:
        raise click.ClickException(str(error)) from error


def _ingested(ctx: click.Context, pairs: list[tuple[Path, Path]], analyzer) -> Evaluation:
    parent = ctx.parent
    explicit_db = parent.get_parameter_source("db") not in (click.core.ParameterSource.DEFAULT, None)
    with tempfile.TemporaryDirectory(prefix="claimtrack-evaluate-") as scratch:
        url = parent.obj["db"] if explicit_db else f"sqlite:///{Path(scratch) / 'evaluate.db'}"
        try:
            database = Database(url, create=True)
        except DatabaseError as error:
            raise click.ClickException(str(error)) from error
        try:
            return run_evaluation(pairs, database, analyzer)
        except GoldError as error:
            raise click.ClickException(str(error)) from error
        finally:
            database.close()  # before the scratch folder goes


@click.command()
@_GOLDS
@_DOCS
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The model file to write (JSON).")
@click.option("--c", "regularisation", type=click.FloatRange(min=1e-6, max=1e6), default=DEFAULT_C,
              show_default=True, help="Inverse regularisation strength of the logistic scorers.")
@click.option("--seed", type=click.IntRange(min=0, max=2**31 - 1), default=SEED, show_default=True,
              help="Seed of the solvers (the result is deterministic for a given seed).")
def train(golds: tuple[Path, ...], docs_dirs: tuple[Path, ...], output: Path, regularisation: float,
          seed: int) -> None:
    """Train a decision model on annotated articles (gold JSONL made by the guide).

    The same articles and seed give the same file, byte for byte. Use it with
    'claimtrack ingest --model FILE' (or CLAIMTRACK_MODEL=FILE); measure first with
    'claimtrack evaluate GOLD --docs DIR --cv 10'.

    \b
    Example:
      claimtrack train ours.gold.jsonl --docs annotated/ -o newsroom-model.json
    """
    from claimtrack.learning import read_annotated
    from claimtrack.learning import train as train_model

    pairs = gold_pairs(golds, docs_dirs)
    analyzer = make_analyzer("spacy", None, "rules", None)
    try:
        documents = read_annotated(pairs, analyzer)
    except GoldError as error:
        raise click.ClickException(str(error)) from error
    if len(documents) < 2:
        raise click.ClickException("training needs at least two annotated articles")
    model = train_model(documents, c=regularisation, seed=seed,
                        metadata={"gold": sorted(p.name for p, _ in pairs)})
    scratch = output.with_name(output.name + ".tmp")
    scratch.write_text(model.to_json(), encoding="utf-8")
    scratch.replace(output)
    claims = model.metadata["claims"]
    click.echo(f"Model written to {output}: {len(documents)} articles, {claims} annotated claims, "
               f"fingerprint {model.fingerprint()}")


def _render(result: Evaluation, misses: int) -> None:
    out = console()
    for miss in result.overall.misses[:misses]:
        out.print(f"{miss.what:9} {safe(miss.document[:14]):14} {safe(repr(miss.text)[:70])} "
                  f"gold={safe(miss.gold)} system={safe(miss.system)}")
    figures = Table(title="Attribution (definitions of score.py)")
    figures.add_column("figure")
    figures.add_column("value", justify="right")
    for key, value in result.overall.figures().items():
        figures.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    print_table(figures, out)
    types = Table(title="Per speaker type")
    for column in ("type", "gold", "P", "R", "F1"):
        types.add_column(column, justify="left" if column == "type" else "right")
    for t, row in result.overall.per_type().items():
        types.add_row(t, str(row["gold"]), f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}")
    print_table(types, out)
    confusion = Table(title="Confusion (gold → system)")
    confusion.add_column("gold")
    for t in (*TYPES, "missing"):
        confusion.add_column(t, justify="right")
    pairs = result.overall.confusion()
    for g in TYPES:
        confusion.add_row(g, *(str(pairs.get(f"{g}->{s}", 0)) for s in (*TYPES, "missing")))
    print_table(confusion, out)
    documents = Table(title="Per document")
    for column in ("document", "units", "type", "speaker", "via", "det. R", "det. P"):
        documents.add_column(column, justify="left" if column == "document" else "right")
    for name, scores in result.documents.items():
        documents.add_row(safe(name), str(scores.gold_claims), f"{scores.type_accuracy:.3f}",
                          f"{scores.speaker_accuracy:.3f}", f"{scores.via_accuracy:.3f}",
                          f"{scores.detection_recall:.2f}", f"{scores.detection_precision:.2f}")
    print_table(documents, out)
    calibration = Table(title="Calibration: how often claims at each confidence are right (type and speaker)")
    for column in ("confidence", "claims", "right", "accuracy"):
        calibration.add_column(column, justify="left" if column == "confidence" else "right")
    for row in result.by_confidence:
        calibration.add_row(row.label, str(row.claims), str(row.right), f"{row.accuracy:.3f}")
    print_table(calibration, out)
    out.print(f"confidence ≥ {CONFIDENT}: {result.confident.claims} claims ({result.confident_share:.1%}), "
              f"right {result.confident.accuracy:.1%}")


def _render_repeated(summary: dict, folds: int) -> None:
    table = Table(title=f"Cross-validation repeated over {summary['repeats']} deals of the articles to {folds} folds")
    for column in ("figure", "mean", "min", "max"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for key in HEADLINE:
        table.add_row(key, *(f"{summary[part][key]:.3f}" for part in ("mean", "min", "max")))
    print_table(table, console())
