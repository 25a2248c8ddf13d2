"""A verb only someone can do vouches for its subject (lexicons/speaker_verbs.txt): nouns for
people that no list knows still speak ("ses alliés affirment que …"), while things, agents of
passives, nouns inside a relative clause and object readings stay what they were. Invented
sentences; each text's last claim is checked with the rules' own choices."""

from __future__ import annotations

import pytest

OPENING = "Le texte est long.\n"

SPEAKING = [  # nouns none of the lists of people knows
    ("Ses alliés affirment que le scrutin a été truqué dans le nord.", "ses alliés"),
    ("Les cours d'appel reconnaissent depuis longtemps que la presse peut influencer un jury.",
     "les cours d'appel"),
    ("Les libéraux prétendent que le budget est sincère.", "les libéraux"),
    ("Les catholiques ont déclaré qu'ils se sentaient apaisés devant le tableau.", "les catholiques"),
    ("Les détectives pensent que le vol a été commis de nuit.", "les détectives"),
    ("Les chargés de mission exigent que leurs primes soient versées.", "les chargés de mission"),
]

SILENT = [
    # a thing, whatever the verb
    "Les chiffres affirment que la croissance ralentit.",
    # the agent of the passive
    "La surveillance du barrage est assurée par un robot sous-marin.",
    # an object's reading, without a clause for what is said
    "Les actions de la banque accusèrent une baisse de dix pour cent.",
    "Le film raconte l'histoire vraie d'un boxeur de Marseille.",
]


@pytest.mark.parametrize(("sentence", "speaker"), SPEAKING, ids=[s[:30] for s, _ in SPEAKING])
def test_the_subject_of_a_verb_only_someone_can_do_speaks(rules_analyzer, sentence, speaker):
    claim = rules_analyzer.analyze(OPENING + sentence).claims[-1]
    assert (claim.speaker_type, claim.speaker) == ("unnamed", speaker), claim


@pytest.mark.parametrize("sentence", SILENT, ids=[s[:30] for s in SILENT])
def test_things_passive_agents_and_objects_stay_editorial(rules_analyzer, sentence):
    claim = rules_analyzer.analyze(OPENING + sentence).claims[-1]
    assert claim.speaker_type == "editorial", claim


def test_a_noun_of_a_relative_clause_before_the_verb_is_not_its_subject(rules_analyzer):
    claim = rules_analyzer.analyze(OPENING + "Samedi, Igor Baranov, le patron de Velta, une société qui répare "
                                   "les voitures anciennes, a déclaré qu'il vendrait trois modèles.").claims[-1]
    assert "voitures" not in (claim.speaker or ""), claim
