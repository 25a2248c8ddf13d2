"""Build the decision model the package ships, from the annotated articles beside the checkout.

    python scripts/build_default_model.py [--shared ../shared]

It trains on the seeds and the dev articles (`../shared/annotation`) with `claimtrack train`'s
defaults and writes `claimtrack/engine/learned/default_model.json`. The same annotation gives the
same file, so a rebuild that changes nothing leaves git clean. The rules' version fingerprint
covers the file: documents attributed by another model say so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import main as claimtrack

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "claimtrack" / "engine" / "learned" / "default_model.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    annotation = args.shared / "annotation"
    result = CliRunner().invoke(claimtrack, [
        "train", str(annotation / "seeds.gold.jsonl"), str(annotation / "dev.gold.jsonl"),
        "--docs", str(ROOT / "seeds"), "--docs", str(annotation / "dev"), "--output", str(TARGET)])
    print(result.output, end="")
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
