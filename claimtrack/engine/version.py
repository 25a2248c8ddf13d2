"""The rules' version that every stored document carries: a release number and a fingerprint of
what the rules are made of (the engine's code, its lexicons and its calibration table).

A hand-kept number alone went stale: hundreds of rule changes were all "rules-1", so a reviewer
could not tell which claims an older engine had attributed, nor which documents to reprocess.
The fingerprint changes whenever a lexicon line or a rule does, identically in a source checkout,
an editable install and a wheel (the same files give the same bytes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from importlib import resources
from importlib.resources.abc import Traversable

RULES_RELEASE = "2"
_RULE_FILES = (".py", ".txt", ".tsv", ".json")  # .json: the learned decision model
_FINGERPRINT_LENGTH = 10


def fingerprint(files: Iterable[tuple[str, bytes]]) -> str:
    """A short digest of (relative path, content) pairs, in path order."""
    digest = hashlib.sha256()
    for name, content in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()[:_FINGERPRINT_LENGTH]


def _rule_files(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, bytes]]:
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _rule_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(_RULE_FILES):
            yield f"{prefix}{entry.name}", entry.read_bytes()


def rules_version() -> str:
    return f"{RULES_RELEASE}+{fingerprint(_rule_files(resources.files('claimtrack.engine')))}"
