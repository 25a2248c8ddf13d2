"""The gender a first name tells (lexicons/first_names.tsv) keeps a pronoun of the other gender
away from a person, and after a speaker of the other gender a pronoun goes to the person of its
gender named since. Invented articles; the rules' own choices."""

from __future__ import annotations


def _last(analyzer, text: str):
    return analyzer.analyze(text).claims[-1]


def test_a_pronoun_skips_the_speaker_whose_first_name_is_of_the_other_gender(rules_analyzer):
    claim = _last(rules_analyzer, "Le débat sur la réforme.\n\n"
                  "Le maire Paul Roy a ouvert la séance et Léa Fontaine, présidente du comité, a pris la parole.\n\n"
                  "« Paul Roy a dit que le budget était tenu. Nous attendons les chiffres », a-t-elle déclaré.")
    assert claim.speaker == "Léa Fontaine", claim


def test_two_speakers_of_one_sentence_the_pronoun_takes_the_one_of_its_gender(rules_analyzer):
    claim = _last(rules_analyzer, "Le débat sur la réforme.\n\n"
                  "Karim Benali, 21 ans, étudiant en droit, dit que le climat est tendu, et Sophie Marchal, "
                  "19 ans, présidente du club, dit que les débats ont changé.\n\n"
                  "« Cela constitue une entrave à la liberté des débats », a-t-elle déclaré.")
    assert claim.speaker == "Sophie Marchal", claim


def test_after_a_man_spoke_elle_goes_to_the_woman_named_since(rules_analyzer):
    claim = _last(rules_analyzer, "Le procès contre l'armée.\n\n"
                  "« Les chances sont minces, mais il faut essayer », ajoute John Kemper.\n\n"
                  "Si le procès échoue, Susan Clarke, l'avocate des plaignantes, lancera d'autres procès.\n\n"
                  "« Nous continuerons de nous battre » affirme-t-elle.")
    assert claim.speaker == "Susan Clarke", claim


def test_a_first_name_alone_does_not_draw_the_pronoun_of_a_quotation(rules_analyzer):
    """A name inside the sentence draws a pronoun when the article says the person's gender
    (an honorific, a title), not on the first name alone: here "il" is the report's issuer."""
    claim = _last(rules_analyzer, "Les câbles diplomatiques.\n\n"
                  "Selon un télégramme de l'ambassade américaine, Paris cherche à séduire Damas.\n\n"
                  "L'effort de communication « vise à valider la politique de Nicolas Roux », analyse-t-il.")
    assert claim.speaker != "Nicolas Roux", claim
