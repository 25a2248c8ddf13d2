"""Train and cross-validate the decision layer on annotated articles: the library calls behind
`claimtrack train` and `claimtrack evaluate --cv`.

Annotated articles come as (gold file, folder of its documents) pairs, in GUIDE.md's format.
Each document is read as ingest reads it and analysed once; its claims' candidates are labelled
by the gold unit they cover. Training and every fold of the cross-validation then work on those
candidates alone, so a 10-fold cross-validation costs one analysis of the articles, not ten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimtrack.engine.learned.model import DecisionModel, rules_decisions
from claimtrack.engine.learned.training import DEFAULT_C, SEED, TrainingDocument, align, cross_validate, fit
from claimtrack.engine.records import Analysis
from claimtrack.evaluation import Evaluation, GoldError, SystemClaim, evaluate, locate, read_gold


@dataclass(frozen=True)
class AnnotatedDocument:
    """An annotated article, analysed: its gold units and what the engine made of it."""

    name: str
    path: Path
    units: tuple[dict, ...]
    analysis: Analysis

    def training(self) -> TrainingDocument:
        # located in the file as the scorer reads it, like the exported offsets it compares
        spans = locate(self.path.read_text(encoding="utf-8"), list(self.units))
        return TrainingDocument(self.name, tuple(align(self.analysis.candidates, self.units, spans)))


def read_annotated(pairs: Sequence[tuple[Path, Path]], analyzer,
                   progress: Callable[[str], None] | None = None) -> list[AnnotatedDocument]:
    """Every document of every (gold, folder) pair, analysed with `analyzer`, in gold order."""
    from claimtrack.ingestion.reading import ReadError, read_path

    documents: list[AnnotatedDocument] = []
    seen: set[str] = set()
    for gold_path, docs_dir in pairs:
        units_of: dict[str, list[dict]] = {}
        for unit in read_gold(gold_path):
            units_of.setdefault(unit["doc"], []).append(unit)
        for name, units in units_of.items():
            if name in seen:
                raise GoldError(f"{name} is annotated twice (in {gold_path} and an earlier gold): give it once")
            seen.add(name)
            path = Path(docs_dir) / name
            if not path.is_file():
                raise GoldError(f"{name} of {gold_path} is not in {docs_dir}: give the folder that holds it "
                                "with --docs, one --docs per gold file")
            try:
                source = read_path(path)
            except ReadError as error:
                raise GoldError(f"cannot read {path}: {error}") from error
            if progress:
                progress(name)
            analysis = analyzer.analyze(source.text, name=name, known_captions=source.caption_lines,
                                        keep_candidates=True)
            documents.append(AnnotatedDocument(name, path, tuple(units), analysis))
    return documents


def train(documents: Sequence[AnnotatedDocument], c: float = DEFAULT_C, seed: int = SEED,
          metadata: dict | None = None) -> DecisionModel:
    """A decision model trained on every annotated document (deterministic for a given seed)."""
    return fit([d.training() for d in documents], c=c, seed=seed, metadata=metadata)


def _claims_of(document: AnnotatedDocument, model: DecisionModel | None) -> list[SystemClaim]:
    """The document's claims as `model` decides them (None: the rules' own decisions)."""
    candidates = document.analysis.candidates
    decisions = model.decide(candidates) if model is not None else rules_decisions(candidates)
    return [SystemClaim(document.name, claim.start, claim.end, claim.text,
                        d.candidate.source.speaker if d.candidate.source else None, d.candidate.speaker_type,
                        d.via, d.confidence, d.evidence)
            for claim, d in zip(document.analysis.claims, decisions, strict=True)]


def _evaluate(documents: Sequence[AnnotatedDocument], model_for: Callable[[str], DecisionModel | None]) -> Evaluation:
    gold = [unit for d in documents for unit in d.units]
    claims = [c for d in documents for c in _claims_of(d, model_for(d.name))]
    return evaluate(gold, claims, {d.name: d.path.parent for d in documents})


def evaluate_cross_validated(documents: Sequence[AnnotatedDocument], folds: int, c: float = DEFAULT_C,
                             seed: int = SEED, shuffle: int | None = None) -> Evaluation:
    """Article-grouped K-fold: every document scored by a model trained without it (`shuffle`:
    the seed of another deal of the articles to the folds than the default one)."""
    if len(documents) < 2:
        raise GoldError("cross-validation needs at least two annotated documents")
    models = cross_validate([d.training() for d in documents], folds, c=c, seed=seed, shuffle=shuffle)
    return _evaluate(documents, models.__getitem__)


def evaluate_repeated(documents: Sequence[AnnotatedDocument], folds: int, repeats: int, c: float = DEFAULT_C,
                      seed: int = SEED) -> list[Evaluation]:
    """The K-fold cross-validation repeated over `repeats` deals of the articles to the folds (the
    default deal first, then deals drawn from the seeds 1, 2, ...). With a few dozen articles,
    which article a fold leaves out moves the figures by several sentences: a change to the
    engine is worth keeping when the mean over the deals moves, not one deal."""
    return [evaluate_cross_validated(documents, folds, c=c, seed=seed, shuffle=k or None) for k in range(repeats)]


def evaluate_with(documents: Sequence[AnnotatedDocument], model: DecisionModel | None) -> Evaluation:
    """The documents scored with one model (None: the rules' own decisions)."""
    return _evaluate(documents, lambda _name: model)
