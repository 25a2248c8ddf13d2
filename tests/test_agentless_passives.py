"""A judgement in the passive with no agent (GUIDE: agentless passives) is someone unnamed's:
"source non précisée"; with an agent it is the agent's; legal statuses, trials and verbs of
judgement with no attribute stay the article's own. Invented sentences, the rules' choices."""

from __future__ import annotations

import pytest

from claimtrack.engine.attribution import UNSPECIFIED


def _last(analyzer, sentence: str):
    return analyzer.analyze("Le texte est long.\n\n" + sentence).claims[-1]


@pytest.mark.parametrize("sentence", [
    "Le ministre est très critiqué pour sa gestion de la crise.",
    "Leur accent sur la couverture du réseau est controversé.",
    "Depuis, chaque problème de santé du chanteur est abondamment commenté.",
    "L'espionnage à l'étranger est parfois considéré comme une infraction cavalière.",
    "Le joueur est considéré comme le meilleur du championnat.",
    "La réforme a été vivement contestée dès sa présentation.",
])
def test_a_judgement_in_the_passive_with_no_agent_is_an_unspecified_source(rules_analyzer, sentence):
    claim = _last(rules_analyzer, sentence)
    assert (claim.speaker, claim.speaker_type) == (UNSPECIFIED, "unnamed"), claim


@pytest.mark.parametrize("sentence", [
    "Le suspect est accusé de corruption.",  # a legal status
    "Il sera jugé en mars devant la cour d'assises.",  # a trial, not a judgement
    "Le rez-de-chaussée fut loué à une bijouterie.",  # louer: to rent
    "Le pont a été rénové en 2019.",
])
def test_legal_statuses_trials_and_other_passives_stay_the_article_s(rules_analyzer, sentence):
    claim = _last(rules_analyzer, sentence)
    assert claim.speaker_type == "editorial", claim


def test_an_agent_after_the_attribute_is_the_source(rules_analyzer):
    claim = _last(rules_analyzer, "Le mouvement est considéré comme une organisation terroriste par les "
                                  "Etats-Unis et les Nations unies.")
    assert claim.speaker_type == "named" and "Etats-Unis" in claim.speaker.replace("É", "E"), claim


def test_a_name_spelt_like_a_possessive_is_no_first_person(rules_analyzer):
    """"M. Ma" after a report: a surname, not "ma", so no first person carries the report on."""
    claims = rules_analyzer.analyze("Le texte est long.\n\n"
                                    "Le ministre Paul Roux a déclaré que l'élection était un test.\n\n"
                                    "M. Ma est lui-même devenu un symbole du rapprochement.").claims
    assert claims[-2].speaker == "Paul Roux"
    assert claims[-1].speaker_type == "editorial", claims[-1]
