"""The engine's figures on the annotated seeds, measured with the shared scorer's own logic."""

from __future__ import annotations

from claimtrack.engine import Analyzer
from tests.conftest import SEEDS, SHARED, load_scorer

THRESHOLDS = {
    "type_accuracy": 0.90,
    "speaker_accuracy": 0.85,
    "detection_recall": 0.97,
    "detection_precision": 0.95,
}


def _export(analyzer: Analyzer) -> list[dict]:
    rows = []
    for path in sorted(SEEDS.glob("*.txt")):
        for claim in analyzer.analyze(path.read_text(encoding="utf-8"), name=path.name).claims:
            rows.append({"document": path.name, "start": claim.start, "end": claim.end, "text": claim.text,
                         "speaker": claim.speaker, "speaker_type": claim.speaker_type, "via": list(claim.via)})
    return rows


def test_seed_figures_reach_the_targets(analyzer):
    score = load_scorer()
    gold = score.read_jsonl(SHARED / "annotation" / "seeds.gold.jsonl")
    result = score.score(gold, _export(analyzer), SEEDS)
    for key, floor in THRESHOLDS.items():
        assert result[key] >= floor, (key, result[key], result["misses"][:10])
    # via: three of the seeds' relays are "RT", a name too short for the scorer to ever match,
    # so 0.70 is the ceiling there; what is reachable is held.
    assert result["via_accuracy"] >= 0.6
