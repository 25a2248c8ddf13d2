"""A day right after a speaker's phrase dates the words; it is no part of the speaker's name,
mention or role (invented sentences, the rules' own choices)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "speaker", "mention"), [
    ("« Nous allons réformer le pays », a déclaré Emmanuel Macron mardi à Paris.", "Emmanuel Macron",
     "Emmanuel Macron"),
    ("« Le pont rouvrira en mai », a assuré le maire Paul Roux hier soir.", "Paul Roux", "le maire Paul Roux"),
    ("« Rien n'est décidé », a précisé la ministre de la Santé, Agnès Buzyn, jeudi.", "Agnès Buzyn", None),
])
def test_a_day_after_an_inverted_subject_is_not_its_role(rules_analyzer, sentence, speaker, mention):
    text = "Le texte est long.\n\n" + sentence
    claim = rules_analyzer.analyze(text).claims[-1]
    written = text[claim.mention_span[0]:claim.mention_span[1]]
    assert claim.speaker == speaker, claim
    for day in ("mardi", "hier", "jeudi"):
        assert day not in (claim.role or "") and day not in written, claim
    if mention:
        assert written == mention, claim


def test_a_day_after_a_preposition_or_before_an_agent_stays_in_the_phrase(rules_analyzer):
    text = "Le texte est long.\n\n« Le budget est voté », a indiqué le président de la séance de lundi."
    claim = rules_analyzer.analyze(text).claims[-1]
    assert text[claim.mention_span[0]:claim.mention_span[1]] == "le président de la séance de lundi", claim
    text = ("Le texte est long.\n\nTrois ponts sont fermés, selon un communiqué publié samedi 4 mai par "
            "la préfecture du Gard.")
    claim = rules_analyzer.analyze(text).claims[-1]
    assert "préfecture du Gard" in (claim.speaker or ""), claim
