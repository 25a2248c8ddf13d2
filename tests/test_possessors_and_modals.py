"""Rules of names on invented articles (the rules' own choices): a possessive description is written
out with its possessor ("ses alliés" -> "les alliés de …"), and devoir / pouvoir in a past of
the indicative report what was done ("a dû démentir"), where their other tenses report nothing."""

from __future__ import annotations

import pytest


def _claims(analyzer, text: str):
    return analyzer.analyze(text).claims


def test_a_possessive_description_names_its_possessor(rules_analyzer):
    claims = _claims(rules_analyzer, "Le scrutin contesté.\n\n"
                     "Amadou Keita a jugé inacceptable le retard des résultats.\n\n"
                     "Ses alliés affirment que le président sortant bloque la publication.\n\n"
                     "Le chanteur Marc Lavoine a repris sa tournée.\n\n"
                     "En novembre, son entourage a démenti une nouvelle hospitalisation.")
    assert claims[-3].speaker == "les alliés d'Amadou Keita", claims[-3]
    assert claims[-1].speaker == "l'entourage de Marc Lavoine", claims[-1]


def test_a_coordinated_or_distant_possessive_stays_as_written(rules_analyzer):
    claims = _claims(rules_analyzer, "La soirée de gala.\n\n"
                     "Le président Amadou Keita et son épouse ont affirmé que la fête serait sobre.")
    assert "l'épouse" not in (claims[-1].speaker or ""), claims[-1]
    far = _claims(rules_analyzer, "La réforme.\n\nAmadou Keita a présenté son projet au conseil des ministres.\n\n"
                  + "Le texte prévoit une baisse des impôts pour les ménages modestes et les retraités. " * 6
                  + "\n\nSon porte-parole a déclaré que le vote aurait lieu en mars.")
    assert far[-1].speaker == "son porte-parole", far[-1]


@pytest.mark.parametrize(("sentence", "reports"), [
    ("Le ministre Paul Roux a dû démentir que le budget serait réduit.", True),
    ("Le ministre Paul Roux a pu constater que les travaux avançaient.", True),
    ("Le ministre Paul Roux aurait dû démentir que le budget serait réduit.", False),
    ("Le ministre Paul Roux doit annoncer que le budget sera réduit.", False),
    ("Le ministre Paul Roux devait annoncer que le budget serait réduit.", False),
    ("Le ministre Paul Roux pourrait déclarer que les travaux sont finis.", False),
])
def test_devoir_and_pouvoir_report_only_what_was_done(rules_analyzer, sentence, reports):
    claim = _claims(rules_analyzer, "Le texte est long.\n" + sentence)[-1]
    assert (claim.speaker == "Paul Roux") is reports, claim
    assert (claim.speaker_type == "named") is reports, claim


def test_verbs_of_advice_and_inquiry_report(rules_analyzer):
    claim = _claims(rules_analyzer,
                    "Le texte est long.\nLe ministre Paul Roux a déconseillé aux banques de prêter à la Grèce.")[-1]
    assert claim.speaker == "Paul Roux", claim


def test_an_institution_s_noun_before_a_person_s_name_is_not_part_of_it(rules_analyzer):
    """"le président de la Commission Richard Lugar": the name is the person's, not the Commission's."""
    claim = _claims(rules_analyzer, "Le texte est long.\nLe sénateur et président de la Commission Richard Lugar "
                    "a déclaré qu'il s'opposait au texte.")[-1]
    assert claim.speaker == "Richard Lugar", claim


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Le prix Nobel de la paix Mohamed El Baradei a déclaré que le texte était dangereux.", "Mohamed El Baradei"),
    ("Le porte-parole Petr Vaněk de l'usine Hyundai a déclaré que la production reprendrait lundi.", "Petr Vaněk"),
    # a hyphenated first name is one name, wherever the entity recogniser starts the person
    ("Heinz-Christian Strache, le chef du Freedom Party, a déclaré que le parti gagnerait.", "Heinz-Christian Strache"),
])
def test_of_the_names_a_mention_holds_the_person_s_is_the_speaker(rules_analyzer, sentence, speaker):
    """A capitalised word of a prize, a factory or a title before or after the person's name is
    not who speaks."""
    claim = _claims(rules_analyzer, "Le texte est long.\n" + sentence)[-1]
    assert claim.speaker == speaker, claim
