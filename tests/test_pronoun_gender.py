"""The gender a first name tells (lexicons/first_names.tsv) keeps a pronoun of the other gender
away from a person, and after a speaker of the other gender a pronoun goes to the person of its
gender named since. Invented articles; the rules' own choices."""

from __future__ import annotations

import pytest


def _last(analyzer, text: str):
    return analyzer.analyze(text).claims[-1]


@pytest.mark.parametrize(("text", "speaker"), [
    # the speaker whose first name is of the other gender is skipped
    ("Le débat sur la réforme.\n\n"
     "Le maire Paul Roy a ouvert la séance et Léa Fontaine, présidente du comité, a pris la parole.\n\n"
     "« Paul Roy a dit que le budget était tenu. Nous attendons les chiffres », a-t-elle déclaré.", "Léa Fontaine"),
    # two speakers of one sentence: the one of the pronoun's gender
    ("Le débat sur la réforme.\n\n"
     "Karim Benali, 21 ans, étudiant en droit, dit que le climat est tendu, et Sophie Marchal, "
     "19 ans, présidente du club, dit que les débats ont changé.\n\n"
     "« Cela constitue une entrave à la liberté des débats », a-t-elle déclaré.", "Sophie Marchal"),
    # after a man spoke, "elle" goes to the woman named since
    ("Le procès contre l'armée.\n\n"
     "« Les chances sont minces, mais il faut essayer », ajoute John Kemper.\n\n"
     "Si le procès échoue, Susan Clarke, l'avocate des plaignantes, lancera d'autres procès.\n\n"
     "« Nous continuerons de nous battre » affirme-t-elle.", "Susan Clarke"),
], ids=["first-name", "two-in-one-sentence", "named-since"])
def test_a_pronoun_goes_to_the_person_of_its_gender(rules_analyzer, text, speaker):
    claim = _last(rules_analyzer, text)
    assert claim.speaker == speaker, claim


def test_a_first_name_alone_does_not_draw_the_pronoun_of_a_quotation(rules_analyzer):
    """A name inside the sentence draws a pronoun when the article says the person's gender
    (an honorific, a title), not on the first name alone: here "il" is the report's issuer."""
    claim = _last(rules_analyzer, "Les câbles diplomatiques.\n\n"
                  "Selon un télégramme de l'ambassade américaine, Paris cherche à séduire Damas.\n\n"
                  "L'effort de communication « vise à valider la politique de Nicolas Roux », analyse-t-il.")
    assert claim.speaker != "Nicolas Roux", claim
