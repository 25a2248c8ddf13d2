"""Measure the engine against an annotated sample, with the definitions of shared/tools/score.py.

A newsroom annotates a few of its own articles by the guide (one JSON object per sentence:
doc, text, kind, speaker, speaker_type, via) and gets the same figures the project is measured
by, per document, with the misses and the calibration of the confidence column.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.engine.calibration import wilson_lower
from claimtrack.errors import ClaimtrackError

TYPES = ("named", "unnamed", "outlet", "editorial")
SCORED_KINDS = frozenset({"claim", "headline"})
_DROP = frozenset({"le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "m", "mme", "mr", "monsieur",
                   "madame", "a", "au", "aux", "en", "et", "the", "of"})
CONFIDENT = 0.8
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


class GoldError(ClaimtrackError, ValueError):
    """The gold file or its documents cannot be read; the message says which line or file."""


@dataclass(frozen=True)
class SystemClaim:
    """What evaluation needs of an exported claim."""

    document: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_type: str
    via: tuple[str, ...] = ()
    confidence: float = 0.5
    evidence: str | None = None


@dataclass(frozen=True)
class Miss:
    what: str  # not found | type | speaker | via | extra
    document: str
    text: str
    gold: str
    system: str


@dataclass
class Scores:
    """The figures of score.py for one set of documents."""

    gold_claims: int = 0
    found: int = 0
    system_claims: int = 0
    system_true: int = 0
    speaker_hits: int = 0
    speaker_total: int = 0
    via_hits: int = 0
    via_total: int = 0
    type_pairs: list[tuple[str, str]] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)

    @property
    def detection_recall(self) -> float:
        return self.found / self.gold_claims if self.gold_claims else 0.0

    @property
    def detection_precision(self) -> float:
        return self.system_true / self.system_claims if self.system_claims else 0.0

    @property
    def type_accuracy(self) -> float:
        return sum(1 for g, s in self.type_pairs if g == s) / self.gold_claims if self.gold_claims else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_hits / self.speaker_total if self.speaker_total else 0.0

    @property
    def via_accuracy(self) -> float:
        return self.via_hits / self.via_total if self.via_total else 0.0

    def per_type(self) -> dict[str, dict[str, float]]:
        table = {}
        for t in TYPES:
            tp = sum(1 for g, s in self.type_pairs if g == t and s == t)
            gold_n = sum(1 for g, _ in self.type_pairs if g == t)
            sys_n = sum(1 for _, s in self.type_pairs if s == t)
            p = tp / sys_n if sys_n else 0.0
            r = tp / gold_n if gold_n else 0.0
            table[t] = {"gold": gold_n, "precision": p, "recall": r, "f1": _f1(p, r)}
        return table

    @property
    def type_macro_f1(self) -> float:
        table = self.per_type()
        present = [t for t in TYPES if table[t]["gold"]]
        return sum(table[t]["f1"] for t in present) / len(present) if present else 0.0

    @property
    def attributed_f1(self) -> float:
        pairs = [(g != "editorial", s not in ("editorial", "missing")) for g, s in self.type_pairs]
        tp = sum(1 for g, s in pairs if g and s)
        predicted = sum(1 for _, s in pairs if s)
        actual = sum(1 for g, _ in pairs if g)
        return _f1(tp / predicted if predicted else 0.0, tp / actual if actual else 0.0)

    def figures(self) -> dict[str, float | int]:
        return {
            "gold_claims": self.gold_claims, "found": self.found,
            "detection_recall": self.detection_recall, "detection_precision": self.detection_precision,
            "type_accuracy": self.type_accuracy, "type_macro_f1": self.type_macro_f1,
            "attributed_f1": self.attributed_f1, "speaker_accuracy": self.speaker_accuracy,
            "via_accuracy": self.via_accuracy,
        }

    def confusion(self) -> dict[str, int]:
        return {f"{g}->{s}": n for (g, s), n in sorted(Counter(self.type_pairs).items())}


@dataclass(frozen=True)
class CalibrationRow:
    label: str
    claims: int
    right: int

    @property
    def accuracy(self) -> float:
        return self.right / self.claims if self.claims else 0.0

    @property
    def lower_bound(self) -> float:
        return wilson_lower(self.right, self.claims)


@dataclass
class Evaluation:
    overall: Scores
    documents: dict[str, Scores]
    by_confidence: list[CalibrationRow]
    by_evidence: list[CalibrationRow]
    confident: CalibrationRow  # claims at confidence >= CONFIDENT

    @property
    def confident_share(self) -> float:
        """The share of all claims at confidence >= CONFIDENT."""
        return self.confident.claims / max(1, sum(r.claims for r in self.by_confidence))

    def as_dict(self, misses: int = 0) -> dict:
        return {
            **self.overall.figures(),
            "per_type": self.overall.per_type(),
            "confusion": self.overall.confusion(),
            "documents": {name: s.figures() for name, s in self.documents.items()},
            "calibration": {
                "confident_threshold": CONFIDENT,
                "confident_share": self.confident_share,
                "confident_accuracy": self.confident.accuracy,
                "by_confidence": [_row(r) for r in self.by_confidence],
                "by_evidence": [_row(r) for r in self.by_evidence],
            },
            "misses": [m.__dict__ for m in self.overall.misses[:misses]],
        }


HEADLINE = ("type_accuracy", "speaker_accuracy", "via_accuracy", "detection_recall", "detection_precision",
            "confident_share", "confident_accuracy")


def headline(evaluation: Evaluation) -> dict[str, float]:
    """The figures the project is judged on, of one evaluation."""
    figures = {**evaluation.overall.figures(), "confident_share": evaluation.confident_share,
               "confident_accuracy": evaluation.confident.accuracy}
    return {key: float(figures[key]) for key in HEADLINE}


def repeated_summary(evaluations: list[Evaluation]) -> dict:
    """Mean, lowest and highest of the headline figures over repeated cross-validations, and each one's."""
    deals = [headline(e) for e in evaluations]
    return {"repeats": len(deals),
            "mean": {k: sum(d[k] for d in deals) / len(deals) for k in HEADLINE},
            "min": {k: min(d[k] for d in deals) for k in HEADLINE},
            "max": {k: max(d[k] for d in deals) for k in HEADLINE},
            "deals": deals}


def _row(row: CalibrationRow) -> dict:
    return {"label": row.label, "claims": row.claims, "right": row.right, "accuracy": row.accuracy,
            "lower_bound": row.lower_bound}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(path: Path) -> list[dict]:
    rows = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as error:
        raise GoldError(f"cannot read {path}: {error.strerror}") from error
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise GoldError(f"{path}:{number}: not JSON: {error.msg}") from error
            if not isinstance(row, dict) or not {"doc", "text", "kind"} <= row.keys():
                raise GoldError(f"{path}:{number}: a gold unit needs doc, text and kind")
            for key in ("doc", "text", "kind"):
                if not isinstance(row[key], str) or not row[key].strip():
                    raise GoldError(f"{path}:{number}: '{key}' must be a non-empty string, not {row[key]!r}")
            for key in ("speaker", "speaker_type", "mention", "cue", "mode"):
                if row.get(key) is not None and not isinstance(row[key], str):
                    raise GoldError(f"{path}:{number}: '{key}' must be a string or null, not {row[key]!r}")
            if row.get("via") is not None and not (isinstance(row["via"], list)
                                                   and all(isinstance(v, str) for v in row["via"])):
                raise GoldError(f"{path}:{number}: 'via' must be a list of outlet names, not {row['via']!r}")
            rows.append(row)
    if not rows:
        raise GoldError(f"{path} holds no gold unit")
    return rows


def _squeeze(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        index.append(i)
    return "".join(out), index


def locate(doc_text: str, units: list[dict]) -> list[tuple[int, int]]:
    """Character spans of the gold units in their document, searched in document order."""
    flat, index = _squeeze(doc_text)
    spans, cursor = [], 0
    for unit in units:
        needle = _squeeze(unit["text"].strip())[0]
        at = flat.find(needle, cursor)
        if at < 0:
            at = flat.find(needle)
        if at < 0 or not needle:
            raise GoldError(f"gold unit not found in {unit['doc']}: {unit['text'][:80]!r}")
        end = at + len(needle)
        spans.append((index[at], index[end - 1] + 1))
        cursor = at + 1
    return spans


def _tokens(name: str | None) -> set[str]:
    if not name:
        return set()
    name = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return {w for w in re.split(r"[^a-z0-9]+", name) if w and w not in _DROP}


def same_source(gold: str | None, system: str | None) -> bool:
    a, b = _tokens(gold), _tokens(system)
    if not a or not b:
        return False
    if a == b:  # the same words, however short ("RT", "on"), as score.py counts them
        return True
    if a <= b or b <= a:
        return any(len(w) >= 3 and w != "al" for w in (a & b))
    return len(a & b) / len(a | b) >= 0.5


def same_via(gold: Iterable[str] | None, system: Iterable[str] | None) -> bool:
    gold, system = list(gold or []), list(system or [])
    if len(gold) != len(system):
        return False
    return all(any(same_source(g, s) for s in system) for g in gold)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _score_document(units: list[dict], spans: list[tuple[int, int]], claims: list[SystemClaim], doc: str,
                    scores: Scores, outcomes: list[tuple[SystemClaim, bool]]) -> None:
    for (start, end), unit in zip(spans, units, strict=True):
        if unit["kind"] not in SCORED_KINDS:
            continue
        scores.gold_claims += 1
        best = max(claims, key=lambda c: _overlap((start, end), (c.start, c.end)), default=None)
        if best is None or _overlap((start, end), (best.start, best.end)) < 0.5 * (end - start):
            scores.type_pairs.append((unit.get("speaker_type", "editorial"), "missing"))
            scores.misses.append(Miss("not found", doc, unit["text"][:90], "", ""))
            continue
        scores.found += 1
        gold_type = unit.get("speaker_type", "editorial")
        scores.type_pairs.append((gold_type, best.speaker_type))
        if gold_type != best.speaker_type:
            scores.misses.append(Miss("type", doc, unit["text"][:90], gold_type,
                                      f"{best.speaker_type} ({best.speaker})"))
        if unit.get("speaker"):
            scores.speaker_total += 1
            if same_source(unit["speaker"], best.speaker):
                scores.speaker_hits += 1
            elif gold_type == best.speaker_type:
                scores.misses.append(Miss("speaker", doc, unit["text"][:90], unit["speaker"], str(best.speaker)))
        if unit.get("via") or best.via:
            scores.via_total += 1
            if same_via(unit.get("via"), best.via):
                scores.via_hits += 1
            else:
                scores.misses.append(Miss("via", doc, unit["text"][:90], str(unit.get("via") or []),
                                          str(list(best.via))))
    for claim in claims:
        scores.system_claims += 1
        size, unit = max(((_overlap((claim.start, claim.end), s), u) for s, u in zip(spans, units, strict=True)),
                         key=lambda h: h[0], default=(0, None))
        if size and unit["kind"] in SCORED_KINDS:
            scores.system_true += 1
            right = unit.get("speaker_type") == claim.speaker_type and (
                not unit.get("speaker") or same_source(unit["speaker"], claim.speaker))
            outcomes.append((claim, right))
        else:
            scores.misses.append(Miss("extra", doc, claim.text[:90], unit["kind"] if size else "no gold unit", ""))


def _merge(total: Scores, part: Scores) -> None:
    for name in ("gold_claims", "found", "system_claims", "system_true", "speaker_hits", "speaker_total",
                 "via_hits", "via_total"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.type_pairs.extend(part.type_pairs)
    total.misses.extend(part.misses)


def evaluate(gold: list[dict], claims: Iterable[SystemClaim], docs_dir: Path | Mapping[str, Path]) -> Evaluation:
    """Score `claims` against `gold` (documents read from `docs_dir`, or from the folder the
    mapping gives for each document's name), as score.py does."""
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for unit in gold:
        gold_by_doc[unit["doc"]].append(unit)
    claims_by_doc: dict[str, list[SystemClaim]] = defaultdict(list)
    for claim in claims:
        claims_by_doc[Path(claim.document).name].append(claim)
    overall, documents, outcomes = Scores(), {}, []
    for doc, units in gold_by_doc.items():
        path = Path(docs_dir[doc] if isinstance(docs_dir, Mapping) else docs_dir) / doc
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise GoldError(f"cannot read the gold's document {path}: {error}") from error
        scores = Scores()
        _score_document(units, locate(text, units), claims_by_doc.get(doc, []), doc, scores, outcomes)
        documents[doc] = scores
        _merge(overall, scores)
    return Evaluation(overall, documents, *_calibration(outcomes))


def _calibration(outcomes: list[tuple[SystemClaim, bool]]) -> tuple[list[CalibrationRow], list[CalibrationRow],
                                                                     CalibrationRow]:
    by_bin = []
    for low, high in zip(BINS, BINS[1:], strict=False):
        members = [right for claim, right in outcomes if low <= claim.confidence < high]
        by_bin.append(CalibrationRow(f"{low:.1f}–{min(high, 1.0):.1f}", len(members), sum(members)))
    groups: dict[str, list[bool]] = defaultdict(list)
    for claim, right in outcomes:
        groups[claim.evidence or "unknown"].append(right)
    by_evidence = sorted((CalibrationRow(k, len(v), sum(v)) for k, v in groups.items()),
                         key=lambda r: (-r.claims, r.label))
    confident = [right for claim, right in outcomes if claim.confidence >= CONFIDENT]
    return by_bin, by_evidence, CalibrationRow(f"≥ {CONFIDENT}", len(confident), sum(confident))


CONFIDENT_TARGET = 0.95  # claims at CONFIDENT or more are right this often on the sample
BELOW_CONFIDENT = 0.79


def _confidences(rows: list[CalibrationRow]) -> dict[str, float]:
    """Per evidence, the Wilson lower bound of its accuracy, except that the evidence kept at
    CONFIDENT or more must be right CONFIDENT_TARGET of the time together: a large class right
    90% of the time has a lower bound above 0.8 but would drag the reviewer's "sure" claims
    below that promise, so the least accurate such classes are held just under the threshold."""
    values = {r.label: r.lower_bound for r in rows}
    while True:
        sure = [r for r in rows if values[r.label] >= CONFIDENT]
        total = sum(r.claims for r in sure)
        if not total or sum(r.right for r in sure) / total >= CONFIDENT_TARGET:
            return values
        worst = min(sure, key=lambda r: (r.accuracy, -r.claims))
        values[worst.label] = BELOW_CONFIDENT


def calibration_table(evaluation: Evaluation) -> str:
    """The calibration.tsv that `claimtrack.engine.calibration` reads: per evidence, the Wilson
    lower bound of its accuracy on this sample (see `_confidences`), and per family ("incise/*")
    the same pooled."""
    lines = ["# evidence\tconfidence\tright\ttotal",
             "# written by 'claimtrack evaluate --write-calibration' from an annotated sample"]
    families: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = sorted(evaluation.by_evidence, key=lambda r: r.label)
    for row in rows:
        family = families[row.label.split("/")[0] + "/*"]
        family[0] += row.right
        family[1] += row.claims
    pooled = [CalibrationRow(label, total, right) for label, (right, total) in sorted(families.items())]
    values = _confidences(rows)
    for row in rows:
        lines.append(f"{row.label}\t{values[row.label]:.3f}\t{row.right}\t{row.claims}")
    for row in pooled:
        value = row.lower_bound if row.accuracy >= CONFIDENT_TARGET else min(row.lower_bound, BELOW_CONFIDENT)
        lines.append(f"{row.label}\t{value:.3f}\t{row.right}\t{row.claims}")
    return "\n".join(lines) + "\n"


def stored_claims(database) -> list[SystemClaim]:
    """Every claim of a database as evaluation reads it (the export's fields)."""
    from claimtrack.store.queries import ClaimFilter, iter_rows

    with database.session() as session:
        return [SystemClaim(r.document, r.start, r.end, r.text, r.speaker, r.speaker_type, tuple(r.via),
                            r.confidence, r.evidence) for r in iter_rows(session, ClaimFilter())]


def run_evaluation(pairs: Iterable[tuple[Path, Path]], database, analyzer) -> Evaluation:
    """Ingest the documents of each (gold, folder) pair into `database` (those already there are
    kept) and score the stored claims of those documents against the gold."""
    from claimtrack.ingestion.ingest import ingest_sources
    from claimtrack.ingestion.reading import collect_sources

    gold: list[dict] = []
    folders: dict[str, Path] = {}
    for gold_path, docs_dir in pairs:
        units = read_gold(gold_path)
        names = sorted({unit["doc"] for unit in units})
        missing = [n for n in names if not (Path(docs_dir) / n).is_file()]
        if missing:
            raise GoldError(f"{len(missing)} document(s) of {gold_path} are not in {docs_dir}: "
                            f"{', '.join(missing[:5])}")
        sources = collect_sources([str(Path(docs_dir) / n) for n in names])
        failed = [r for r in ingest_sources(database, sources, analyzer) if r.status == "failed"]
        if failed:
            raise GoldError(f"could not ingest {failed[0].name}: {failed[0].reason}")
        gold.extend(units)
        folders.update((n, Path(docs_dir)) for n in names)
    return evaluate(gold, [c for c in stored_claims(database) if Path(c.document).name in folders], folders)
