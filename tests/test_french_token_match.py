"""spaCy's French token pattern, merged so that it compiles in a fraction of the time, must keep
every word whole that spaCy's own pattern keeps whole, and no other."""

from __future__ import annotations

import re

import pytest

from claimtrack.engine.backends.french_token_match import atoms, merged, quick_french_patterns
from tests.conftest import SEEDS, SHARED


def test_alternatives_sharing_a_tail_become_one():
    pattern = "(?iu)(?:^abat[-–][a-z]+$)|(?:^abri[-–][a-z]+$)|(?:^[ée]lectro[-–][a-z]+$)|(?:^zig[-–]zag$)"
    result = merged(pattern)
    assert result == "(?iu)(?:^(?:abat|abri|[ée]lectro)[-–][a-z]+$)|(?:^zig[-–]zag$)"
    for word, keeps in [("abat-jour", True), ("Abri-bus", True), ("électro-choc", True), ("Electro-x", True),
                        ("zig-zag", True), ("abat", False), ("abatt-jour", False), ("abri-", False)]:
        assert (re.match(result, word) is not None) == keeps == (re.match(pattern, word) is not None), word


def test_a_quantifier_stays_on_its_atom():
    pattern = "(?iu)(?:^ab[ée]+[-][a-z]+$)|(?:^cd[ée]+[-][a-z]+$)"
    result = merged(pattern)
    assert result == "(?iu)(?:^(?:ab|cd)[ée]+[-][a-z]+$)"  # "(?:ab[ée]|cd[ée])+" would differ
    for word in ("abéé-x", "cdé-y", "abcdé-x", "abé", "ab-x", "cdée-x"):
        assert (re.match(result, word) is not None) == (re.match(pattern, word) is not None), word


def test_alternatives_differing_in_their_middle_keep_their_common_ends_once():
    letters = "[a-zàâçéèêëîïôûùüÿœ]"
    pattern = "(?iu)" + "|".join(f"(?:^{letters}+[-–]{word}[-–](?:l['’])?{letters}+$)"
                                  for word in ("l[èe]s?", "la", "sur", "aux?"))
    result = merged(pattern)
    assert result == f"(?iu)(?:^{letters}+[-–](?:l[èe]s?|la|sur|aux?)[-–](?:l['’])?{letters}+$)"
    assert result.count(letters) == 2 and pattern.count(letters) == 8
    for word in ("Saint-Jean-sur-Richelieu", "pomme-de-terre", "arc-la-l'eau", "vin-les-ans", "vin-le-an",
                 "a-aux-b", "a-au-b", "a-sur", "-sur-b", "a-sur-l'", "a-lès-b"):
        assert (re.match(result, word) is not None) == (re.match(pattern, word) is not None), word


def test_atoms_keep_groups_classes_escapes_and_quantifiers_whole():
    assert atoms("^ab[ée]+(?:x|(y))?\\.z{2,3}?$") == ["^", "a", "b", "[ée]+", "(?:x|(y))?", "\\.", "z{2,3}?", "$"]
    assert atoms("^[]a]*[^]]$") == ["^", "[]a]*", "[^]]", "$"]


@pytest.mark.parametrize("pattern", [
    "(?iu)(?:^a[-]b$|^c$)|(?:^d[-]b$|^c$)",  # an alternative that is itself several
    "(?iu)(?:^a[-]b$)|(?:d[-]b$)",  # not anchored
    "(?iu)(?:^a[-](b$)|(?:^d[-]b$)",  # a group cut in two
    "(?i)(?:^a[-]b$)|(?:^d[-]b$)",  # not the flags spaCy joins with
    "^a[-]b$|^d[-]b$",
    "(?iu)(?:^a(?=b)[-]b$)|(?:^d[-]b$)",  # a look-ahead
    "(?iu)(?:^(a)[-]\\1$)|(?:^d[-]b$)",  # a back-reference
    "(?iu)(?:^a*+[-]b$)|(?:^d[-]b$)",  # a possessive quantifier
    "(?iu)(?:^(?P<x>a)[-]b$)|(?:^d[-]b$)",  # a named group
    "(?iu)(?:^a{[-]b$)|(?:^d[-]b$)",  # a brace that is not a repeat
    "(?iu)(?:^a[-]b$x$)|(?:^d[-]b$)",  # an anchor inside
])
def test_a_pattern_of_another_shape_is_left_as_it_is(pattern):
    assert merged(pattern) is None


def test_only_the_giant_pattern_is_compiled_otherwise_and_re_compile_comes_back():
    original = re.compile
    with pytest.raises(RuntimeError), quick_french_patterns():
        assert re.compile is not original
        assert re.compile("(?iu)(?:^abat[-][a-z]+$)|(?:^abri[-][a-z]+$)").pattern.count("abat") == 1
        raise RuntimeError
    assert re.compile is original


def _words_to_try() -> set[str]:
    """Words of real articles (hyphens, elisions, names, numbers), and for every word spaCy's
    alternatives start with, that word joined by hyphens and elisions in several cases."""
    import spacy.lang.fr.tokenizer_exceptions as spacy_french

    texts = [path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")]
    for folder in (SHARED / "annotation" / "dev", SHARED / "corpus" / "news200"):
        texts.extend(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))
    words = {word.strip(".,;:!?«»()\"") for text in texts for word in text.split()}
    for alternative in spacy_french._regular_exp:
        head = re.match(r"\^([^\[(]*)", alternative).group(1).replace("?", "")
        for ending in ("-x", "-Xy-z", "'ab", "’ab", "—ab", "-", "", "-1", "-la-ville", "-de-l'homme", "x-y"):
            words.update({head + ending, head.upper() + ending, head.capitalize() + ending})
    return words


def test_the_merged_french_pattern_keeps_exactly_the_words_spacy_keeps(rules_analyzer):
    import spacy.lang.fr.tokenizer_exceptions as spacy_french

    spacy_pattern = "(?iu)" + "|".join(f"(?:{alternative})" for alternative in spacy_french._regular_exp)
    loaded = rules_analyzer.backend.nlp.tokenizer.token_match.__self__
    assert loaded.pattern == merged(spacy_pattern)  # the model loaded with the merged pattern
    assert len(loaded.pattern) < len(spacy_pattern) / 4
    spacy_match = re.compile(spacy_pattern).match
    words = _words_to_try()
    kept = {word for word in words if spacy_match(word)}
    assert len(words) > 10_000 and len(kept) > 1_000
    assert {word for word in words if loaded.match(word)} == kept
